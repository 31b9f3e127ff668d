/**
 * Dates as day ranges, for judging whether two readings of an event's date
 * agree: a reading `YYYY[-MM[-DD]]` covers the days from its first to its last.
 */
import { precisionOf } from '../schema.ts';
// ---------------------------------------------------------------------------
// Calendar

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;

/** An inclusive range of day numbers (days since 1970-01-01, UTC). */
export interface DayRange {
  from: number;
  to: number;
}

/** The day number (see `DayRange`) of a calendar date; `m` counts from 1, and out-of-range days and months roll over as `Date.UTC` rolls them. */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The days a `YYYY[-MM[-DD]]` reading covers. */
export function rangeOf(reading: string): DayRange {
  const [y = 1970, m, d] = reading.split('-').map(Number);
  if (m === undefined) return { from: dayNumber(y, 1, 1), to: dayNumber(y + 1, 1, 1) - 1 };
  if (d === undefined) return { from: dayNumber(y, m, 1), to: dayNumber(y, m + 1, 1) - 1 };
  const day = dayNumber(y, m, d);
  return { from: day, to: day };
}

/** True when one reading contains the other (2024 ⊇ 2024-06 ⊇ 2024-06-19). */
export function contains(a: string, b: string): boolean {
  if (a === b) return true;
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  return long.startsWith(short) && (long.length === short.length || long[short.length] === '-');
}

/** A reading and the days it covers. */
export interface Dated extends DayRange {
  reading: string;
}

/** The reading with the days it covers. */
export function datedOf(reading: string): Dated {
  return { reading, ...rangeOf(reading) };
}

/** Days between two ranges (0 when they touch or overlap). */
export function gapDays(a: DayRange, b: DayRange): number {
  return Math.max(0, b.from - a.to - 1, a.from - b.to - 1);
}

/**
 * Dates that disagree but lie close enough for two reports of one event to
 * differ on (a day or two, a neighbouring month or year), at the coarser
 * precision of the two.
 */
export const NEAR_DAYS = { day: 7, month: 31, year: 366 } as const;

/** True when two readings lie within `NEAR_DAYS` of each other, at the coarser precision of the two. */
export function near(a: Dated, b: Dated): boolean {
  const coarse = a.reading.length <= b.reading.length ? precisionOf(a.reading) : precisionOf(b.reading);
  return gapDays(a, b) <= NEAR_DAYS[coarse];
}

/** The longest reading both share (2024-08 and 2024-10 → 2024), or undefined. */
export function commonPrefix(readings: readonly string[]): string | undefined {
  let parts = readings[0]?.split('-');
  if (!parts) return undefined;
  for (const r of readings.slice(1)) {
    const other = r.split('-');
    let n = 0;
    while (n < parts.length && n < other.length && parts[n] === other[n]) n += 1;
    parts = parts.slice(0, n);
  }
  return parts.length ? parts.join('-') : undefined;
}

/** Code-unit order of two strings: how ids and `YYYY[-MM[-DD]]` readings sort, the same in every locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders optional dates: known dates first, earlier first. */
export function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return cmp(a, b);
}
