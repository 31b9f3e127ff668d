/**
 * `keyDates`: which k dates a timeline leads with, and their titles, on
 * small hand-made event lists whose scores are worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/knowledge/events.ts';
import { keyDates, keyEventCount, keyEvents, MAX_KEY_EVENTS, salience } from '../../src/lib/knowledge/key-events.ts';
import { topicKeyEvents } from '../../src/lib/site/key-events.ts';
import type { Article } from '../../src/lib/schema.ts';

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

describe('keyDates and the next day’s reports', () => {
  it('counts the articles published the day after a date as reports of it', () => {
    // Both dates are told by one article published the same day; only 2011-02-11 has reports the next day.
    const events = [event('quiet', '2011-02-10', ['q1']), event('resigns', '2011-02-11', ['r1'])];
    const published = new Map([
      ['q1', '2011-02-10'],
      ['r1', '2011-02-11'],
      ['x1', '2011-02-12'],
      ['x2', '2011-02-12'],
    ]);
    expect(keyDates(events, { k: 1, published }).map((d) => d.date)).toEqual(['2011-02-11']);
    expect(keyDates(events, { k: 1 }).map((d) => d.date)).toEqual(['2011-02-10']);
  });
});

describe('keyEvents', () => {
  const published = new Map([
    ['a1', '2024-06-20'],
    ['a2', '2024-06-21'],
    ['a3', '2024-10-02'],
    ['a4', '2025-04-29'],
    ['a5', '2025-08-22'],
  ]);
  it('scores an event by the articles that tell it, and again by those that look back to it', () => {
    // pact: a1, a3, a4 tell it; a3 and a4 were published after June 2024, a1 in it: 3 + 2.
    expect(salience(event('pact', '2024-06', ['a1', 'a3', 'a4', 'a4']), published)).toBe(5);
    expect(salience(event('undated', undefined, ['a1', 'a2']), published)).toBe(2);
  });
  it('keeps the k most salient dated events, one a date and one a title, in date order, and never a scheduled one', () => {
    const events = [
      event('meeting', '2025-09', ['a5'], { scheduled: true }),
      event('pact', '2024-06', ['a1', 'a3', 'a4']),
      event('pact-again', '2024-06', ['a2', 'a3']),
      event('deployed', '2024-10', ['a3', 'a4']),
      event('confirmed', '2025-04-28', ['a4', 'a5']),
      event('minor', '2025-08-20', ['a5']),
      event('same-title', '2025-08-21', ['a4', 'a5'], { summary: 'Summary of confirmed' }),
      event('undated', undefined, ['a1', 'a2', 'a3', 'a4']),
    ];
    const { key, comingUp } = keyEvents(events, { k: 3, published, asOf: '2025-08-22' });
    expect(key.map((e) => e.id)).toEqual(['pact', 'deployed', 'confirmed']);
    expect(comingUp.map((e) => e.id)).toEqual(['meeting']);
    expect(keyEvents(events, { k: 10, published, asOf: '2025-08-22' }).key.map((e) => e.id)).toEqual(['pact', 'deployed', 'confirmed', 'minor']);
    // Before the latest report, a scheduled event is neither key nor coming up: the reports only said it was planned.
    expect(keyEvents(events, { k: 10, published, asOf: '2025-10-01' }).comingUp).toEqual([]);
  });
  it('lets a month give way to a day inside it that tells the same happening again', () => {
    const events = [
      event('died-month', '2024-06', ['a1', 'a2', 'a3', 'a4'], { summary: 'The singer died in June aged 50 at his home' }),
      event('died-day', '2024-06-20', ['a1', 'a2'], { summary: 'The singer died at his Los Angeles home' }),
      event('pact-month', '2024-06', ['a3', 'a4', 'a5'], { summary: 'The two countries signed a defence pact' }),
    ];
    // The month event is the most salient, yet "singer", "died", "home" tell the day's event again.
    expect(keyEvents(events.slice(0, 2), { k: 2, published }).key.map((e) => e.id)).toEqual(['died-day']);
    // A month event about something else stays.
    expect(keyEvents([events[2]!, events[1]!], { k: 2, published }).key.map((e) => e.id)).toEqual(['pact-month', 'died-day']);
  });
  it('never leads with a title that is a fragment or page furniture', () => {
    const events = [
      event('dangling', '2024-06-20', ['a1', 'a2', 'a3'], { summary: 'The estimated release date is' }),
      event('stamp', '2024-06-21', ['a1', 'a2', 'a3'], { summary: 'Page last updated at 07:39 GMT the talks went on' }),
      event('clean', '2024-06-22', ['a1'], { summary: 'The two countries signed a defence pact' }),
    ];
    expect(keyEvents(events, { k: 3, published }).key.map((e) => e.id)).toEqual(['clean']);
  });
  it('leads with about one key event for each day with articles, at most MAX_KEY_EVENTS, reaching back a year before the first article', () => {
    expect(keyEventCount(0)).toBe(1);
    expect(keyEventCount(12)).toBe(12);
    expect(keyEventCount(400)).toBe(MAX_KEY_EVENTS);
    const entries = [...published].map(([id, date]) => ({ id, data: { published: { date, precision: 'day', basis: 'editor' } } as unknown as Article }));
    const lead = topicKeyEvents([event('pact', '2024-06', ['a1', 'a3']), event('born', '1958-08-29', ['a1', 'a2', 'a3', 'a4']), event('meeting', '2025-09', ['a5'], { scheduled: true })], entries);
    expect(lead.k).toBe(5);
    expect(lead.key.map((e) => e.id)).toEqual(['pact']);
    expect(lead.comingUp.map((e) => e.id)).toEqual(['meeting']);
  });
});
