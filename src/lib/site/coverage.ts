/**
 * A topic's coverage over time: how many of its articles appeared each day,
 * or each ISO week (Monday to Sunday) when the articles span more than
 * `MAX_DAY_BINS` days, or each month past `MAX_WEEK_BINS` weeks, so the
 * chart has a bounded number of bars however many articles the topic holds.
 * Articles dated only to a month or a year, or not at all, are not placed
 * (the chart says how many). The topic's key events are marked by their
 * number in the key-event list, where they fall on a day inside the chart.
 *
 * Plain arrays in, geometry out (fractions of the chart's width, heights as
 * fractions of the count axis); the component draws it.
 */
import { dayLabeller, dayNumber, isDay, isoDay, labelsThatFit, NARROW_PX, niceTop, slotTicks, WIDE_PX, type AxisTick } from './chart-axis.ts';
import type { SiteLocale } from './locale.ts';

/** Past this many days, articles are counted by week. */
export const MAX_DAY_BINS = 92;
/** Past this many weeks, articles are counted by month. */
export const MAX_WEEK_BINS = 157;

export type CoverageUnit = 'day' | 'week' | 'month';

/** One bar: the articles of one day, week or month. */
export interface CoverageBin {
  /** The first day it counts, `YYYY-MM-DD`. */
  from: string;
  /** The last day it counts. */
  to: string;
  /** For the table: "3 March 2025", "3 March 2025 to 9 March 2025", "March 2025". */
  label: string;
  /** Articles published in it. */
  count: number;
  /** Where the bar starts and how wide it is, fractions of the width. */
  x: number;
  width: number;
  /** The bar's height, a fraction of the axis (`count / top`). */
  height: number;
}

/** A key event marked on the chart. */
export interface CoverageMark {
  /** Its number in the key-event list (1-based, oldest first). */
  n: number;
  /** Its day, `YYYY-MM-DD`. */
  date: string;
  /** Where it stands, a fraction of the width. */
  x: number;
  /** Whether its number fits beside its neighbours' at a wide and at a narrow width (the tick shows always). */
  labelWide: boolean;
  labelNarrow: boolean;
}

export interface CoverageChart {
  unit: CoverageUnit;
  /** Every day, week or month from the first article's to the last's, empty ones too, earliest first. */
  bins: CoverageBin[];
  /** The top of the count axis: a round number at least the largest bin. */
  top: number;
  ticks: AxisTick[];
  marks: CoverageMark[];
  /** Numbers of the key events not marked: outside the chart's days, or dated only to a month or year. */
  unmarked: number[];
  /** Articles counted in the bins. */
  placed: number;
  /** Articles not placed: no publication day known. */
  undated: number;
}

/** Monday of the ISO week of day number `day` (day 0, 1970-01-01, was a Thursday). */
const mondayOf = (day: number): number => day - (((day + 3) % 7) + 7) % 7;

/** The first day of the month of `iso` and of the month after it, as day numbers. */
function monthBounds(iso: string): [number, number] {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const next = m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${iso.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
  return [dayNumber(`${iso.slice(0, 7)}-01`), dayNumber(next)];
}

/** The bins' day ranges `[from, to]` (day numbers) from `first` to `last`. */
function binRanges(unit: CoverageUnit, first: number, last: number): [number, number][] {
  const out: [number, number][] = [];
  if (unit === 'day') for (let d = first; d <= last; d++) out.push([d, d]);
  else if (unit === 'week') for (let d = mondayOf(first); d <= last; d += 7) out.push([d, d + 6]);
  else {
    for (let d = monthBounds(isoDay(first))[0]; d <= last; ) {
      const [, next] = monthBounds(isoDay(d));
      out.push([d, next - 1]);
      d = next;
    }
  }
  return out;
}

/**
 * The coverage chart of articles published on `dates` (one a article;
 * `YYYY-MM-DD`, a month, a year or undefined) with `keyEvents` in the order
 * the page lists them. Undefined when the articles with a publication day
 * fill fewer than two bars (none, or all on one day).
 */
export function coverageChart(dates: readonly (string | undefined)[], keyEvents: readonly { date?: string | undefined }[], locale: SiteLocale): CoverageChart | undefined {
  const days = dates.filter(isDay).map(dayNumber);
  if (days.length === 0) return undefined;
  let first = days[0]!;
  let last = first;
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const span = last - first + 1;
  const unit: CoverageUnit = span <= MAX_DAY_BINS ? 'day' : mondayOf(last) - mondayOf(first) < MAX_WEEK_BINS * 7 ? 'week' : 'month';
  const ranges = binRanges(unit, first, last);
  const n = ranges.length;
  // One bar says nothing a count does not.
  if (n < 2) return undefined;
  const counts = new Array<number>(n).fill(0);
  const binOf = (day: number): number => {
    // Binary search: ranges are contiguous and ascending.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid]![0] <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const d of days) counts[binOf(d)]!++;
  const top = niceTop(Math.max(...counts));
  const gap = n > 60 ? 0.1 : 0.2;
  const long = (day: number): string => locale.date(isoDay(day));
  const bins = ranges.map(([from, to], i): CoverageBin => ({
    from: isoDay(from),
    to: isoDay(to),
    label: unit === 'day' ? long(from) : unit === 'week' ? `${long(from)} to ${long(to)}` : locale.date(isoDay(from).slice(0, 7)),
    count: counts[i]!,
    x: (i + gap / 2) / n,
    width: (1 - gap) / n,
    height: counts[i]! / top,
  }));
  const short = dayLabeller(isoDay(first), isoDay(last), locale);
  const ticks =
    unit === 'month'
      ? slotTicks(n, (i) => bins[i]!.from, (d) => locale.date(d.slice(0, 7)), 110)
      : slotTicks(n, (i) => bins[i]!.from, short, short(isoDay(first)).length > 7 ? 90 : 56);
  // A day's place: its bin, and how far into the bin it falls.
  const xOf = (day: number): number => {
    const i = binOf(day);
    const [from, to] = ranges[i]!;
    return (i + (day - from + 0.5) / (to - from + 1)) / n;
  };
  const placedMarks: Omit<CoverageMark, 'labelWide' | 'labelNarrow'>[] = [];
  const unmarked: number[] = [];
  keyEvents.forEach((event, i) => {
    const day = isDay(event.date) ? dayNumber(event.date) : undefined;
    if (day === undefined || day < first || day > last) unmarked.push(i + 1);
    else placedMarks.push({ n: i + 1, date: isoDay(day), x: xOf(day) });
  });
  const order = [...placedMarks].sort((a, b) => a.x - b.x || a.n - b.n);
  const wide = labelsThatFit(order.map((m) => m.x), WIDE_PX, 22);
  const narrow = labelsThatFit(order.map((m) => m.x), NARROW_PX, 22);
  const marks = order.map((m, i): CoverageMark => ({ ...m, labelWide: wide[i]!, labelNarrow: narrow[i]! }));
  return { unit, bins, top, ticks, marks, unmarked, placed: days.length, undated: dates.length - days.length };
}

/**
 * Numbers as runs for a caption: [1, 2, 3, 5] → "1–3 and 5".
 */
export function numberRuns(ns: readonly number[], number: (n: number) => string = String): string {
  const runs: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    runs.push(j === i ? number(ns[i]!) : j === i + 1 ? `${number(ns[i]!)}, ${number(ns[j]!)}` : `${number(ns[i]!)}–${number(ns[j]!)}`);
    i = j + 1;
  }
  return runs.length <= 1 ? (runs[0] ?? '') : `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)!}`;
}
