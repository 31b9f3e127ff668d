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
  const dated = ranges.flatMap((r, i) => (r ? [{ i, r }] : [])).sort((x, y) => x.r.from - y.r.from || x.i - y.i);
  const out: [number, number][] = [];
  for (let p = 0; p < dated.length; p++) {
    const x = dated[p];
    if (!x) continue;
    // Later entries start no earlier than x, so only their start can be too far from x's end.
    for (let q = p + 1; q < dated.length; q++) {
      const y = dated[q];
      if (!y || y.r.from - x.r.to > window) break;
      out.push(x.i < y.i ? [x.i, y.i] : [y.i, x.i]);
    }
  }
  return out;
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
