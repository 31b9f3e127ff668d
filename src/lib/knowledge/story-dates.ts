/**
 * Publication dates as story clustering uses them: the days an article's date
 * covers, which pairs of articles are close enough in time to be one story,
 * and the publication order every list of articles is sorted in.
 *
 * A date of month or year precision covers every day of its month or year
 * (`rangeOf`), so two articles are within a window when they can be, whatever
 * day the coarse one was published. Window pairs are found by a sweep over
 * the ranges sorted by their first day (not by comparing every pair), so the
 * work grows with the pairs found: with how many articles are published a
 * day, not with the square of the corpus. Pure; no clock.
 */
import { cmp, rangeOf, type DayRange } from './event-calendar.ts';

/** First and last day number a publication date covers, or undefined when unknown. */
export function dayRange(date: string | undefined): DayRange | undefined {
  return date === undefined ? undefined : rangeOf(date);
}

/**
 * Every pair of dated articles (indices, lower first) whose publication
 * dates can be at most `window` days apart, found by a sweep over the
 * ranges sorted by their first day: work in proportion to the pairs found.
 */
export function pairsWithinWindow(ranges: readonly (DayRange | undefined)[], window: number): [number, number][] {
  const out: [number, number][] = [];
  windowPairs(ranges, window).forEach((a, b) => out.push([a, b]));
  return out;
}

/**
 * The pairs `pairsWithinWindow` lists, without a record per pair: a large
 * corpus publishes hundreds of articles a day, and has tens of millions of
 * such pairs. The dated articles stand in sweep order (first day, then
 * index); each one's pairs are the run of articles after it that start
 * within the window of its end, so a pair is numbered by where its earlier
 * article's run starts (`first`) plus its place in the run.
 */
export class WindowPairs {
  /** Article indices in sweep order. */
  private readonly sweep: Int32Array;
  /** Each article's place in `sweep`, or -1 when it has no date. */
  private readonly place: Int32Array;
  /** Where each sweep position's run of pairs starts in the numbering; one more entry holds the total. */
  private readonly first: Float64Array;

  constructor(ranges: readonly (DayRange | undefined)[], window: number) {
    const dated = ranges.flatMap((r, i) => (r ? [{ i, r }] : [])).sort((x, y) => x.r.from - y.r.from || x.i - y.i);
    this.sweep = Int32Array.from(dated, (d) => d.i);
    this.place = new Int32Array(ranges.length).fill(-1);
    dated.forEach((d, p) => (this.place[d.i] = p));
    this.first = new Float64Array(dated.length + 1);
    let total = 0;
    for (let p = 0; p < dated.length; p++) {
      this.first[p] = total;
      // Later entries start no earlier than this one, so only their start can be too far from its end.
      const x = dated[p]!;
      let end = p + 1;
      while (end < dated.length && dated[end]!.r.from - x.r.to <= window) end += 1;
      total += end - p - 1;
    }
    this.first[dated.length] = total;
  }

  /** How many pairs there are. */
  get size(): number {
    return this.first[this.sweep.length] ?? 0;
  }

  /** Calls `visit(a, b, k)` for every pair, lower index first, `k` its number, in `pairsWithinWindow`'s order. */
  forEach(visit: (a: number, b: number, k: number) => void): void {
    const n = this.sweep.length;
    for (let p = 0; p < n; p++) {
      const x = this.sweep[p]!;
      const base = this.first[p]!;
      const count = this.first[p + 1]! - base;
      for (let d = 1; d <= count; d++) {
        const y = this.sweep[p + d]!;
        if (x < y) visit(x, y, base + d - 1);
        else visit(y, x, base + d - 1);
      }
    }
  }

  /** The number of the pair of articles a and b (either order), or -1 when they are no pair. */
  indexOf(a: number, b: number): number {
    const pa = this.place[a] ?? -1;
    const pb = this.place[b] ?? -1;
    if (pa < 0 || pb < 0 || pa === pb) return -1;
    const [p, q] = pa < pb ? [pa, pb] : [pb, pa];
    const base = this.first[p]!;
    return q - p <= this.first[p + 1]! - base ? base + q - p - 1 : -1;
  }
}

/** The window's pairs of `ranges` (see `WindowPairs`). */
export function windowPairs(ranges: readonly (DayRange | undefined)[], window: number): WindowPairs {
  return new WindowPairs(ranges, window);
}

/** Whether `pairsWithinWindow(ranges, window)` holds the pair of articles x and y. */
export function isWithinWindow(ranges: readonly (DayRange | undefined)[], window: number, x: number, y: number): boolean {
  const rx = ranges[x];
  const ry = ranges[y];
  if (!rx || !ry || x === y) return false;
  const [early, late] = rx.from < ry.from || (rx.from === ry.from && x < y) ? [rx, ry] : [ry, rx];
  return late.from - early.to <= window;
}

/** Earliest published first, undated last, ties by id. */
export function byPublication(dates: ReadonlyMap<string, string | undefined>): (a: string, b: string) => number {
  return (a, b) => {
    const da = dates.get(a);
    const db = dates.get(b);
    if (da !== db) {
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      const c = cmp(da, db);
      if (c) return c;
    }
    return cmp(a, b);
  };
}

/** The days a story's dated articles span, and whether it has an undated one. */
export interface StorySpan {
  maxFrom: number;
  minTo: number;
  undated: boolean;
}

/** True when every article of one story is within `window` days of every article of the other (never with an undated one). */
export function spansWithin(a: StorySpan, b: StorySpan, window: number): boolean {
  return !a.undated && !b.undated && b.maxFrom - a.minTo <= window && a.maxFrom - b.minTo <= window;
}
