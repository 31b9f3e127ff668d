/**
 * What the site's charts share: calendar days as numbers, positions as
 * percentages of the chart's width (the SVGs have no viewBox, so text keeps
 * its size at any width and only positions stretch), a rounded top for a
 * count axis, and which date labels fit at a wide and at a narrow width.
 */
import type { SiteLocale } from './locale.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `date` is a calendar day (`YYYY-MM-DD`), not a month or year. */
export const isDay = (date: string | undefined): date is string => date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date);

/** A fraction of the width as an SVG length, "12.5%"; fixed decimals, so the output is the same on every machine. */
export const pct = (fraction: number): string => `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(2)}%`;

/** The least of 1, 2, 5 × 10ⁿ that is at least `max` (and at least 1): the top of a count or value axis. */
export function niceTop(max: number): number {
  if (!(max > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Chart widths, in CSS pixels, that date labels are thinned for: a desktop column and a phone. */
export const WIDE_PX = 640;
export const NARROW_PX = 300;

/** One date label under a chart. */
export interface AxisTick {
  /** Where it stands, a fraction of the width. */
  x: number;
  /** The `YYYY-MM-DD` it names. */
  date: string;
  /** "3 Mar", "3 Mar 2025", "March 2025". */
  label: string;
  /** Whether it is still shown on a narrow screen (every tick shows on a wide one). */
  narrow: boolean;
}

/**
 * Every `step`-th of `n` slots, the step the least that leaves `minPx`
 * between labels at `widthPx`; slot 0 always kept.
 */
function stepFor(n: number, widthPx: number, minPx: number): number {
  const per = widthPx / Math.max(1, n);
  return Math.max(1, Math.ceil(minPx / per));
}

/**
 * Labels for `n` equal slots (days, weeks or months) whose `i`-th starts on
 * `dateOf(i)`: as many as fit at `WIDE_PX`, and a subset of them that fits
 * at `NARROW_PX`. `labelPx` is the room one label takes.
 */
export function slotTicks(n: number, dateOf: (i: number) => string, labelOf: (date: string) => string, labelPx: number): AxisTick[] {
  const wide = stepFor(n, WIDE_PX, labelPx);
  const narrow = wide * Math.ceil(stepFor(n, NARROW_PX, labelPx) / wide);
  const ticks: AxisTick[] = [];
  for (let i = 0; i < n; i += wide) {
    const date = dateOf(i);
    ticks.push({ x: (i + 0.5) / n, date, label: labelOf(date), narrow: i % narrow === 0 });
  }
  return ticks;
}

/** Short day labels ("3 Mar"), with the year when the days span more than one. */
export function dayLabeller(firstDay: string, lastDay: string, locale: SiteLocale): (date: string) => string {
  const years = firstDay.slice(0, 4) !== lastDay.slice(0, 4);
  return (date) => locale.shortDay(date, years).trim();
}

/**
 * Which of these positions (fractions of the width, ascending) keep a label
 * at `widthPx` with `minPx` between labels: the first always, then each one
 * far enough from the last kept.
 */
export function labelsThatFit(xs: readonly number[], widthPx: number, minPx: number): boolean[] {
  let last = -Infinity;
  return xs.map((x) => {
    if ((x - last) * widthPx < minPx) return false;
    last = x;
    return true;
  });
}
