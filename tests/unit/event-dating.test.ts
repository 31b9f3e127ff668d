import { describe, expect, it } from 'vitest';
import { buildEvent } from '../../src/lib/knowledge/event-building.ts';
import { factsOf, judgeDates, majorityDate, MAJORITY_MIN, MAJORITY_SHARE, readingsAround } from '../../src/lib/knowledge/event-dating.ts';
import type { EventDate } from '../../src/lib/knowledge/event-schema.ts';
import { candidate } from '../event-candidate.ts';

/** An event date given by one place in each of `articles`. */
function given(date: string, ...articles: string[]): EventDate {
  return { date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', citations: articles.map((article) => ({ article, paragraph: 1 })) };
}

describe('majorityDate', () => {
  it('settles a conflict when 3 of 4 reporting articles give one date', () => {
    expect(MAJORITY_MIN).toBe(3);
    expect(MAJORITY_SHARE).toBe(0.75);
    expect(majorityDate([given('2024-06-12', 'a', 'b', 'c'), given('2024-06-14', 'd')])).toEqual({ date: '2024-06-12', agree: 3, reporting: 4 });
  });

  it('does not settle when only 2 of 3 agree', () => {
    expect(majorityDate([given('2024-06-12', 'a', 'b'), given('2024-06-14', 'c')])).toBeUndefined();
  });

  it('does not settle on fewer than MAJORITY_MIN articles, even when all of them agree', () => {
    expect(majorityDate([given('2024-06-12', 'a', 'b'), given('2024-06-14', 'b')])).toBeUndefined();
  });

  it('does not settle when 3 of 5 agree (under MAJORITY_SHARE)', () => {
    expect(majorityDate([given('2024-06-12', 'a', 'b', 'c'), given('2024-06-14', 'd', 'e')])).toBeUndefined();
  });

  it('counts an article giving a coarser date that holds the finer one as agreeing with it', () => {
    expect(majorityDate([given('2024-06', 'a'), given('2024-06-12', 'b', 'c'), given('2024-07-01', 'd')])).toEqual({ date: '2024-06-12', agree: 3, reporting: 4 });
  });

  it('counts each article once however many places give the date', () => {
    expect(majorityDate([given('2024-06-12', 'a', 'a', 'a', 'b'), given('2024-06-14', 'c')])).toBeUndefined();
  });
});

describe('judgeDates', () => {
  const judge = (...cs: Parameters<typeof candidate>[0][]) => judgeDates([factsOf(cs.map(candidate))]);

  it('finds no conflict in readings that nest', () => {
    expect(judge({ article: 'a', readings: ['2024'] }, { article: 'b', readings: ['2024-06'] }, { article: 'c', readings: ['2024-06-12'] })).toMatchObject({ conflict: false, allNear: true });
  });

  it('flags conflicting day readings a few days apart as a near conflict', () => {
    expect(judge({ article: 'a', readings: ['2024-06-12'] }, { article: 'b', readings: ['2024-06-14'] })).toMatchObject({ conflict: true, allNear: true });
  });

  it('flags day readings weeks apart as a conflict that is not near', () => {
    expect(judge({ article: 'a', readings: ['2024-06-01'] }, { article: 'b', readings: ['2024-06-20'] })).toMatchObject({ conflict: true, allNear: false });
  });

  it('settles an ambiguous reading by a certain reading of the same event', () => {
    const verdict = judge({ article: 'a', readings: ['2025-06', '2024-06'] }, { article: 'b', readings: ['2024-06-12'] });
    expect(verdict.conflict).toBe(false);
    expect(verdict.settled.get('2025-06 2024-06')).toEqual({ left: ['2024-06'], reading: '2024-06' });
  });

  it('settles an ambiguous reading by a bound', () => {
    const verdict = judge({ article: 'a', readings: ['2025-06', '2024-06'] }, { article: 'b', readings: ['2024-09'], relation: 'on-or-before' });
    expect(verdict.settled.get('2025-06 2024-06')).toEqual({ left: ['2024-06'], reading: '2024-06' });
  });

  it('leaves an ambiguous reading unsettled when nothing rules a reading out', () => {
    const verdict = judge({ article: 'a', readings: ['2025-06', '2024-06'] });
    expect(verdict.settled.get('2025-06 2024-06')).toEqual({ left: ['2025-06', '2024-06'], reading: undefined });
  });

  it('makes an ambiguous reading that no reading of the event allows a conflict, keeping its first reading', () => {
    const verdict = judge({ article: 'a', readings: ['2025-06', '2024-06'] }, { article: 'b', readings: ['2023-01-05'] });
    expect(verdict.conflict).toBe(true);
    expect(verdict.settled.get('2025-06 2024-06')).toEqual({ left: [], reading: '2025-06' });
  });

  it('judges the union of its parts as one group', () => {
    const a = factsOf([candidate({ article: 'a', readings: ['2024-06-12'] })]);
    const b = factsOf([candidate({ article: 'b', readings: ['2024-06-12'] }), candidate({ article: 'c', readings: ['2024-06-13'] })]);
    expect(judgeDates([a]).conflict).toBe(false);
    expect(judgeDates([a, b])).toMatchObject({ conflict: true, allNear: true });
    expect(b.certain.map((d) => d.reading)).toEqual(['2024-06-12', '2024-06-13']);
  });
});

describe('readingsAround', () => {
  it('gives the coarser readings that hold a day as wider, and the days and months near it as its level', () => {
    const { level, wider } = readingsAround('2024-06-12');
    expect(wider).toEqual(['2024', '2024-06']);
    expect(level).toContain('2024-06-12');
    // NEAR_DAYS.day: seven days between them is near, eight is not.
    expect(level).toContain('2024-06-20');
    expect(level).not.toContain('2024-06-21');
    expect(level).toContain('2024-05');
    expect(level).toContain('2023');
    expect(level).not.toContain('2022');
  });
});

describe('an event whose reports disagree on the day', () => {
  const event = (dates: [string, string][]) => buildEvent(dates.map(([article, reading]) => candidate({ article, readings: [reading] })));

  it('shows the date 3 of its 4 reporting articles give, and says so', () => {
    const e = event([['a', '2024-06-12'], ['b', '2024-06-12'], ['c', '2024-06-12'], ['d', '2024-06-14']]);
    expect(e.conflict).toBe(true);
    expect(e.date).toBe('2024-06-12');
    expect(e.note).toContain('3 of the 4 reporting articles give 2024-06-12, which is shown');
  });

  it('shows only what the dates share when 2 of 3 agree', () => {
    const e = event([['a', '2024-06-12'], ['b', '2024-06-12'], ['c', '2024-06-14']]);
    expect(e.conflict).toBe(true);
    expect(e.date).toBe('2024-06');
    expect(e.precision).toBe('month');
    expect(e.note).toContain('only 2024-06 is common to them');
    expect(e.dates.map((d) => d.date)).toEqual(['2024-06-12', '2024-06-14']);
  });
});
