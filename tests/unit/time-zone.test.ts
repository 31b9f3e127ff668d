/** Day boundaries in a named time zone: today there, and the first instant of a day there. */
import { describe, expect, it } from 'vitest';
import { dayIn, isTimeZone, startOfDay } from '../../src/lib/time-zone.ts';
import { timestampOf } from '../../src/lib/site/feeds.ts';

describe('time zones', () => {
  it('knows IANA names and refuses others', () => {
    expect(['Asia/Seoul', 'Europe/Berlin', 'UTC', 'America/New_York'].every(isTimeZone)).toBe(true);
    expect(['Mars/Olympus', 'Seoul', ''].some(isTimeZone)).toBe(false);
  });
  it('gives the day an instant falls on there', () => {
    const instant = new Date(Date.UTC(2025, 7, 22, 16, 30));
    expect(dayIn(instant, 'Asia/Seoul')).toBe('2025-08-23');
    expect(dayIn(instant, 'UTC')).toBe('2025-08-22');
    expect(dayIn(new Date(Date.UTC(2025, 0, 1, 3)), 'America/New_York')).toBe('2024-12-31');
  });
  it('gives the first instant of a day there, with the offset of that moment', () => {
    expect(startOfDay('2025-08-22', 'Asia/Seoul')).toBe('2025-08-22T00:00:00+09:00');
    expect(startOfDay('2025-08-22', 'UTC')).toBe('2025-08-22T00:00:00Z');
    expect(startOfDay('2025-01-15', 'Europe/Berlin')).toBe('2025-01-15T00:00:00+01:00');
    expect(startOfDay('2025-03-30', 'Europe/Berlin')).toBe('2025-03-30T00:00:00+01:00');
    expect(startOfDay('2025-03-31', 'Europe/Berlin')).toBe('2025-03-31T00:00:00+02:00');
    expect(startOfDay('2025-08-22', 'America/St_Johns')).toBe('2025-08-22T00:00:00-02:30');
    expect(new Date(startOfDay('2025-08-22', 'Asia/Seoul')).toISOString()).toBe('2025-08-21T15:00:00.000Z');
    // Where a clock change skips midnight (Santiago, September 2025), the day begins at 01:00.
    expect(startOfDay('2025-09-07', 'America/Santiago')).toBe('2025-09-07T01:00:00-03:00');
  });
  it('dates feed entries from the day’s start in the site’s zone, midnight UTC without one', () => {
    expect(timestampOf('2025-08-22')).toBe('2025-08-22T00:00:00Z');
    expect(timestampOf('2025-08', 'Asia/Seoul')).toBe('2025-08-01T00:00:00+09:00');
    expect(timestampOf(undefined, 'Asia/Seoul')).toBeUndefined();
  });
});
