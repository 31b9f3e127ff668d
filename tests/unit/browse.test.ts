import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentEntries } from '../content-entries.ts';
import { archive, eventsNaming, firstOf, formatDate, neighbours, placeOf, publishers, readableNote, slugOf, topicTimeline } from '../../src/lib/site/browse.ts';
import { parseKnowledge } from '../../src/lib/site/knowledge.ts';

const entries = contentEntries();
const knowledge = parseKnowledge(JSON.parse(readFileSync('content/knowledge.json', 'utf8')));
const topic = knowledge.stories.topics[0]!;
const idOf = (seed: string): string => entries.find((e) => e.data.source.path.startsWith(seed))!.id;

describe('topicTimeline', () => {
  const { months, undated } = topicTimeline(knowledge.events, entries, topic);
  it('runs oldest first, by month and day, with coarse dates before fine ones', () => {
    const keys = months.map((m) => m.key);
    expect(keys).toEqual([...keys].sort());
    expect(months[0]!.days[0]!.key).toBe('2024');
    for (const m of months) for (const d of m.days) expect(d.key.startsWith(m.key)).toBe(true);
    expect(undated).toBe(knowledge.events.filter((e) => !e.date).length);
  });
  it('puts every dated article at its publication date, after the events of that day', () => {
    const items = months.flatMap((m) => m.days.flatMap((d) => d.items));
    expect(items.filter((i) => i.kind === 'article')).toHaveLength(5);
    const day = months.flatMap((m) => m.days).find((d) => d.key === '2025-08-22')!;
    expect(day.items.map((i) => i.kind)).toEqual(['event', 'article']);
    expect(day.label).toBe('22 August 2025');
    expect(months.find((m) => m.key === '2024-06')!.days[0]!.label).toBe('June 2024, day unknown');
  });
});

describe('article helpers', () => {
  it('knows an article’s story and its neighbours in the topic', () => {
    expect(placeOf(knowledge, idOf('000')).story?.articles).toEqual([idOf('002'), idOf('000')]);
    const n = neighbours(knowledge, entries, idOf('002'));
    expect(n.previous?.id).toBe(idOf('001'));
    expect(n.next?.id).toBe(idOf('000'));
    expect(neighbours(knowledge, entries, idOf('004')).previous).toBeUndefined();
  });
});

describe('publishers and archive', () => {
  it('groups by publisher, unknown last, and by month, newest first', () => {
    const groups = publishers(entries);
    expect(groups.at(-1)).toMatchObject({ slug: 'unknown', known: false });
    expect(groups.map((g) => g.slug)).toContain('the-moscow-times');
    expect(archive(entries).map((g) => g.key)).toEqual(['2025-08', '2025-07', '2025-04']);
  });
  it('formats dates to their precision and makes slugs', () => {
    expect([formatDate('2024'), formatDate('2024-06'), formatDate('2025-06-29')]).toEqual(['2024', 'June 2024', '29 June 2025']);
    expect(slugOf('Ukrainska Pravda’s Café')).toBe('ukrainska-pravdas-cafe');
  });
});

describe('eventsNaming', () => {
  it('finds the events told in paragraphs that name the entity', () => {
    const putin = knowledge.entities.entities.find((e) => e.name === 'Vladimir Putin')!;
    const events = eventsNaming(knowledge, putin.id);
    expect(events.length).toBeGreaterThan(0);
    expect(eventsNaming(knowledge, 'no-such-entity')).toEqual([]);
  });
});

describe('firstOf', () => {
  it('keeps the first items and counts the rest, so a list on a page stays bounded', () => {
    expect(firstOf([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], more: 2 });
    expect(firstOf([1, 2], 3)).toEqual({ shown: [1, 2], more: 0 });
    expect(firstOf([], 3)).toEqual({ shown: [], more: 0 });
  });
});

describe('readableNote', () => {
  const names = new Map([
    ['family-left-speechless-by-death', 'The Daily Example'],
    ['doctor-did-not-inject-the-star', 'Example News'],
    ['judge-told-the-doctor-he-must-not', 'The Example Times'],
  ]);
  it('names articles, writes dates out, and says a repeated settlement once', () => {
    const note =
      'family-left-speechless-by-death: “May” could be 2009-05 or 2008-05; judge-told-the-doctor-he-must-not (paragraph 1) dates the same event to 2009-05, which leaves only 2009-05. ' +
      'doctor-did-not-inject-the-star: “May” could be 2009-05 or 2008-05; judge-told-the-doctor-he-must-not (paragraph 1) dates the same event to 2009-05, which leaves only 2009-05.';
    expect(readableNote(note, (id) => names.get(id))).toBe(
      'The Daily Example: “May” could be May 2009 or May 2008; The Example Times (paragraph 1) dates the same event to May 2009, which leaves only May 2009.',
    );
  });
  it('keeps settlements that differ', () => {
    const note = 'family-left-speechless-by-death: “Monday” could be 2024-06-10 or 2024-06-17. doctor-did-not-inject-the-star: “May” could be 2024-05 or 2023-05.';
    expect(readableNote(note, (id) => names.get(id))).toBe('The Daily Example: “Monday” could be 10 June 2024 or 17 June 2024. Example News: “May” could be May 2024 or May 2023.');
  });
});
