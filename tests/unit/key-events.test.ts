/**
 * `keyDates`: which k dates a timeline leads with, and their titles, on
 * small hand-made event lists whose scores are worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/knowledge/events.ts';
import { keyDates } from '../../src/lib/knowledge/key-events.ts';

/** An event on `date` (precision from its length) cited once by each article listed (repeats allowed). */
function event(id: string, date: string | undefined, articles: string[], extra: Partial<TimelineEvent> = {}): TimelineEvent {
  const precision: TimelineEvent['precision'] = date === undefined ? 'unknown' : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  const citations = articles.map((article, i) => ({
    article,
    paragraph: i + 1,
    sentence: `Sentence ${i + 1} of ${id}.`,
    temporal: 'on Tuesday',
    summary: `Summary of ${id}`,
    ...(date === undefined ? {} : { date }),
    precision,
    relation: 'on' as const,
    candidates: [],
    rule: 'explicit',
    news: false,
  }));
  return {
    id,
    summary: `Summary of ${id}`,
    ...(date === undefined ? {} : { date }),
    precision,
    scheduled: false,
    conflict: false,
    dates: date === undefined || precision === 'unknown' ? [] : [{ date, precision, citations: citations.map((c) => ({ article: c.article, paragraph: c.paragraph })) }],
    citations,
    newsOf: [],
    ...extra,
  };
}

const EVENTS: TimelineEvent[] = [
  event('e1', '2010-01-12', ['a1', 'a2', 'a2']),
  event('e2', '2010-01-12', ['a3']),
  event('e3', '2010-01-13', ['a1', 'a4']),
  event('e4', '2010-01', ['a1', 'a2', 'a3', 'a4', 'a5']),
  event('e5', '2010-01-20', ['a1', 'a2', 'a3', 'a4']),
  // Citations that disagree: each day-precise reading counts with the citations that give it.
  event('e6', '2010-01', ['a5', 'a6'], {
    conflict: true,
    dates: [
      { date: '2010-01-14', precision: 'day', citations: [{ article: 'a5', paragraph: 1 }] },
      { date: '2010-01-15', precision: 'day', citations: [{ article: 'a6', paragraph: 2 }] },
    ],
  }),
];

const PUBLISHED = new Map([
  ['a1', '2010-01-12'],
  ['a2', '2010-01-13'],
  ['a3', '2010-01-14'],
  ['a4', '2010-01-13'],
  ['a5', '2010-01-14'],
  ['a6', '2010-01-16'],
]);

describe('keyDates', () => {
  // Scores with publication dates, in [.., 2010-01-15]:
  //   12th: articles a1 a2 a3 = 3, looking back a2 a3 = 2 → 5
  //   13th: a1 a4 = 2, none published after the 13th → 2 (2 citations)
  //   14th: a5 = 1, published that day → 1
  //   15th: a6 = 1, published on the 16th → 2 (1 citation: loses the tie to the 13th)
  it('ranks dates by citing articles plus those looking back, and returns the best k in date order', () => {
    expect(keyDates(EVENTS, { k: 2, to: '2010-01-15', published: PUBLISHED }).map((d) => d.date)).toEqual(['2010-01-12', '2010-01-13']);
    expect(keyDates(EVENTS, { k: 3, to: '2010-01-15', published: PUBLISHED }).map((d) => d.date)).toEqual(['2010-01-12', '2010-01-13', '2010-01-15']);
  });
  it('without publication dates counts citing articles only, ties to the earlier date', () => {
    // 12th: 3, 13th: 2, 14th: 1, 15th: 1 → the 14th wins the tie.
    expect(keyDates(EVENTS, { k: 3, to: '2010-01-15' }).map((d) => d.date)).toEqual(['2010-01-12', '2010-01-13', '2010-01-14']);
  });
  it('titles a date with the summary of its most-cited event and lists its events most-cited first', () => {
    const [first] = keyDates(EVENTS, { k: 1, published: PUBLISHED });
    expect(first).toEqual({ date: '2010-01-12', titles: ['Summary of e1'], events: ['e1', 'e2'] });
  });
  it('keeps only day-precise dates within [from, to]', () => {
    const all = keyDates(EVENTS, { k: 10, published: PUBLISHED }).map((d) => d.date);
    expect(all).toEqual(['2010-01-12', '2010-01-13', '2010-01-14', '2010-01-15', '2010-01-20']);
    expect(keyDates(EVENTS, { k: 10, from: '2010-01-13', to: '2010-01-14' }).map((d) => d.date)).toEqual(['2010-01-13', '2010-01-14']);
  });
  it('returns fewer than k dates when fewer qualify, and none for k ≤ 0 or no events', () => {
    expect(keyDates(EVENTS, { k: 50 })).toHaveLength(5);
    expect(keyDates(EVENTS, { k: 0 })).toEqual([]);
    expect(keyDates([], { k: 3 })).toEqual([]);
  });
  it('is deterministic: the same events in the same order give the same dates', () => {
    expect(keyDates(EVENTS, { k: 3, published: PUBLISHED })).toEqual(keyDates([...EVENTS], { k: 3, published: PUBLISHED }));
  });
});
