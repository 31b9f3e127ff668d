/**
 * Day boundaries in a named time zone (IANA, e.g. `Asia/Seoul`), from Intl's
 * time zone data: the calendar day an instant falls on there, and the first
 * instant of a calendar day there. The ingest judges "today" by the first;
 * feeds date a day-precise article from the second.
 */

/** True when `name` is a time zone this runtime knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock at `instant` in `timeZone`, read as if it were UTC (milliseconds). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The calendar day (`YYYY-MM-DD`) `instant` falls on in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The first instant of the calendar day `day` (`YYYY-MM-DD`) in `timeZone`,
 * as RFC 3339 with the zone's offset then: `2025-08-22T00:00:00+09:00`. (Where
 * a clock change skips midnight, the first instant is the time it skips to.)
 */
export function startOfDay(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const midnight = Date.UTC(y, m - 1, d);
  // The instant whose wall clock reads midnight: correct the guess by the offset twice, for an offset that changes near it.
  let instant = midnight - (wallClock(midnight, timeZone) - midnight);
  instant = midnight - (wallClock(instant, timeZone) - instant);
  if (wallClock(instant, timeZone) < midnight) instant += 3_600_000;
  const wall = wallClock(instant, timeZone);
  const offset = Math.round((wall - instant) / 60_000);
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${new Date(wall).toISOString().slice(0, 19)}${zone}`;
}
