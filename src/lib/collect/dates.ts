/**
 * Dates as feeds and pages write them: ISO 8601 (`2025-08-23T10:00:00+02:00`,
 * Atom, JSON Feed, `article:published_time`) and RFC 822 (`Sat, 23 Aug 2025
 * 10:00:00 GMT`, RSS `pubDate`). The calendar date is the one the value
 * writes, in the value's own time zone, never converted (as the ingest reads
 * page dates); the instant is kept beside it so two values of one moment in
 * different zones can be told apart from two different days.
 */
import { isRealCalendarDate } from '../schema.ts';

export interface DateReading {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the value writes it. */
  date: string;
  /** Milliseconds since the epoch, when the value carries a time and a zone. */
  instant?: number;
  /** The value as it stood, trimmed. */
  raw: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Reads one date value; undefined when it is not a date, not a real day, or a CMS's empty value (the Unix epoch, year 0). */
export function readDate(value: string | undefined): DateReading | undefined {
  const raw = value?.trim() ?? '';
  if (raw === '') return undefined;
  let date: string | undefined;
  let iso = raw.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/);
  if (iso) {
    date = [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  } else if ((iso = raw.match(/^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2}|\d{4})\b/i))) {
    const month = MONTHS.indexOf(iso[2]!.slice(0, 3).toLowerCase());
    const yy = Number(iso[3]);
    const year = iso[3]!.length === 2 ? (yy < 50 ? 2000 + yy : 1900 + yy) : yy;
    if (month >= 0) date = `${year}-${String(month + 1).padStart(2, '0')}-${iso[1]!.padStart(2, '0')}`;
  }
  if (date === undefined || !isRealCalendarDate(date) || Number(date.slice(0, 4)) < 1800 || date === '1970-01-01') return undefined;
  // Only a value with a time of day and a zone names a moment; Date.parse reads both ISO and RFC 822 forms.
  const hasZone = /\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d|UT|GMT|[ECMP][SD]T|[A-IK-Z])$/i.test(raw);
  const instant = hasZone ? Date.parse(raw) : Number.NaN;
  return { date, ...(Number.isFinite(instant) ? { instant } : {}), raw };
}

/** True when two readings name the same day (or one's month or year holds the other's day). */
export function sameDay(a: DateReading, b: DateReading): boolean {
  return a.date.startsWith(b.date) || b.date.startsWith(a.date);
}

/** True when both name a moment and the moments are within a minute: one moment written in two time zones. */
export function sameMoment(a: DateReading, b: DateReading): boolean {
  return a.instant !== undefined && b.instant !== undefined && Math.abs(a.instant - b.instant) <= 60_000;
}

/**
 * True when a date is wholly before `since` (`YYYY[-MM[-DD]]`): a month or
 * year is before only when its last day is.
 */
export function isBefore(date: string, since: string): boolean {
  const last = date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
  const from = since.length === 4 ? `${since}-01-01` : since.length === 7 ? `${since}-01` : since;
  return last < from;
}
