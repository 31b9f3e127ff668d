/**
 * Chronologies: an article whose sentences open with their own calendar
 * dates is an editor's list of key dates, and lifts the dates it lists.
 */
import { describe, expect, it } from 'vitest';
import { CHRONOLOGY_MIN_DATES, CHRONOLOGY_WEIGHT, chronologies, isChronologyEntry } from '../../src/lib/knowledge/chronologies.ts';
import type { EventCitation, TimelineEvent } from '../../src/lib/knowledge/events.ts';
import { keyDates, keyEvents } from '../../src/lib/knowledge/key-events.ts';

function citation(article: string, date: string, sentence: string, temporal: string, extra: Partial<EventCitation> = {}): EventCitation {
  return { article, paragraph: 1, sentence, temporal, summary: sentence, date, precision: 'day', relation: 'on', candidates: [], rule: 'explicit', news: false, ...extra };
}

function event(id: string, date: string, citations: EventCitation[]): TimelineEvent {
  return {
    id,
    summary: citations[0]!.summary,
    date,
    precision: 'day',
    scheduled: false,
    conflict: false,
    dates: [{ date, precision: 'day', citations: citations.map((c) => ({ article: c.article, paragraph: c.paragraph })) }],
    citations,
    newsOf: [],
  };
}

/**
 * A chronology article `list` with one entry a day on each of `days` (March
 * 2011), each its own event; entries write their year unless `yearless`,
 * and `also` tells each event too.
 */
function listed(list: string, days: number[], { yearless = false, also }: { yearless?: boolean; also?: string } = {}): TimelineEvent[] {
  return days.map((d) => {
    const date = `2011-03-${String(d).padStart(2, '0')}`;
    const temporal = yearless ? `March ${d}` : `March ${d}, 2011`;
    const entry = citation(list, date, `${temporal} - The council meets for the ${d}th time.`, temporal, { rule: yearless ? 'relative-to-published' : 'explicit' });
    const other = also === undefined ? [] : [citation(also, date, `The council met on March ${d}.`, `March ${d}`)];
    return event(`list-${d}`, date, [entry, ...other]);
  });
}

describe('chronology entries', () => {
  it('are sentences that open with their own calendar date', () => {
    expect(isChronologyEntry(citation('a', '2011-02-17', 'February 17 - Activists call a day of rage.', 'February 17'))).toBe(true);
    expect(isChronologyEntry(citation('a', '2009-06-28', '28 June 2009 Police interview the doctor for three hours.', '28 June 2009'))).toBe(true);
    expect(isChronologyEntry(citation('a', '2011-02-17', '- Feb. 17: Activists call a day of rage.', 'Feb. 17'))).toBe(true);
  });

  it('are not prose that opens with a weekday, a relative date or a date inside the sentence', () => {
    expect(isChronologyEntry(citation('a', '2011-02-17', 'Monday 17 brought more protests.', 'Monday'))).toBe(false);
    expect(isChronologyEntry(citation('a', '2011-02-17', 'Today the council met.', 'Today'))).toBe(false);
    expect(isChronologyEntry(citation('a', '2011-02-17', 'Last week, 3 ministers resigned.', 'Last week'))).toBe(false);
    expect(isChronologyEntry(citation('a', '2011-02-17', 'Activists called a day of rage on February 17.', 'February 17'))).toBe(false);
    expect(isChronologyEntry(citation('a', '2011-02', 'February 2011 - Protests spread.', 'February 2011', { precision: 'month' }))).toBe(false);
  });

  it('make a chronology only when they give enough distinct days', () => {
    const days = Array.from({ length: CHRONOLOGY_MIN_DATES }, (_, i) => i + 1);
    expect([...chronologies(listed('list', days)).keys()]).toEqual(['list']);
    expect(chronologies(listed('list', days.slice(1))).size).toBe(0);
  });
});

describe('a chronology lifts the dates it lists', () => {
  // Day 20 is told by 3 articles published the same day: 3 citing, none looking back, no next-day articles.
  const busy = event('busy', '2011-03-20', ['x1', 'x2', 'x3'].map((a) => citation(a, '2011-03-20', 'The council met on March 20.', 'March 20')));
  const published = new Map([['x1', '2011-03-20'], ['x2', '2011-03-20'], ['x3', '2011-03-20'], ['list', '2011-03-10']]);

  it('by CHRONOLOGY_WEIGHT each: a listed day told once outranks a day told by three articles', () => {
    // A listed day scores 1 citing + 1 looking back (the list is published later) + CHRONOLOGY_WEIGHT.
    expect(1 + 1 + CHRONOLOGY_WEIGHT).toBeGreaterThan(3);
    const events = [busy, ...listed('list', [1, 2, 3, 4, 5])];
    const late = new Map([...published, ['list', '2011-03-31']]);
    expect(keyDates(events, { k: 1, published: late }).map((d) => d.date)).toEqual(['2011-03-01']);
    // Without the list's fifth day it is no chronology, and the busy day leads.
    expect(keyDates([busy, ...listed('list', [1, 2, 3, 4])], { k: 1, published: late }).map((d) => d.date)).toEqual(['2011-03-20']);
  });

  it('by a year-less entry only when another article tells the event too', () => {
    const late = new Map([...published, ['list', '2011-03-31'], ['y', '2011-03-31']]);
    expect(keyDates([busy, ...listed('list', [1, 2, 3, 4, 5], { yearless: true })], { k: 1, published: late }).map((d) => d.date)).toEqual(['2011-03-20']);
    // Told by y too: 2 citing + 2 looking back + CHRONOLOGY_WEIGHT.
    expect(keyDates([busy, ...listed('list', [1, 2, 3, 4, 5], { yearless: true, also: 'y' })], { k: 1, published: late }).map((d) => d.date)).toEqual(['2011-03-01']);
  });

  it('in key events, only from `newsFrom` on', () => {
    const events = [busy, ...listed('list', [1, 2, 3, 4, 5])];
    const late = new Map([...published, ['list', '2011-03-31']]);
    expect(keyEvents(events, { k: 1, published: late }).key.map((e) => e.id)).toEqual(['list-1']);
    expect(keyEvents(events, { k: 1, published: late, newsFrom: '2011-03-06' }).key.map((e) => e.id)).toEqual(['busy']);
  });
});
