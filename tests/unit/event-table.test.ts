import { describe, expect, it } from 'vitest';
import { candidatesOf, indexMentions } from '../../src/lib/knowledge/event-candidates.ts';
import { mergeGroups, supported } from '../../src/lib/knowledge/event-merging.ts';
import { blockingReadings, DocumentFrequencies, MERGE_SIMILARITY, similarityNeeds, similarPairs, vectorsOf } from '../../src/lib/knowledge/event-similarity.ts';
import { candidateTable, TableBuilder } from '../../src/lib/knowledge/event-table.ts';
import type { Candidate, EventStats } from '../../src/lib/knowledge/event-types.ts';
import { bodyParagraphs, findEvents, splitSentences, type EntityMentionInput, type EventArticle, type TimelineEvent } from '../../src/lib/knowledge/events.ts';
import { buildKnowledge } from '../../src/lib/knowledge/knowledge.ts';
import { contentEntries } from '../content-entries.ts';
import { candidate } from '../event-candidate.ts';

const entries: EventArticle[] = contentEntries();
// The mentions the knowledge layer hands the event stage (body paragraphs only).
const mentions: EntityMentionInput[] = buildKnowledge(entries).knowledge.entities.entities.flatMap((e) =>
  e.mentions.filter((m) => m.block > 0).map((m) => ({ entity: e.id, article: m.article, block: m.block, text: m.text })),
);

function stats(): EventStats {
  return { candidates: 0, comparisons: 0, capped: 0, pairs: 0, judged: 0 };
}

/** Every candidate of the articles in id order, with the sentence counts, made at once and held whole. */
function fullCandidates(articles: readonly EventArticle[]): { cs: Candidate[]; frequencies: DocumentFrequencies } {
  const index = indexMentions(mentions);
  const frequencies = new DocumentFrequencies();
  const cs: Candidate[] = [];
  for (const a of [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const paragraphs = bodyParagraphs(a.body);
    const sentences = paragraphs.map(splitSentences);
    cs.push(...candidatesOf(a, paragraphs, sentences, index));
    for (const list of sentences) for (const s of list) frequencies.add(s);
  }
  return { cs, frequencies };
}

/** The events in one pass over candidates held whole, merged on their own dates (no table, no shared dates). */
function onePass(articles: readonly EventArticle[]): Omit<TimelineEvent, 'id'>[] {
  const { cs, frequencies } = fullCandidates(articles);
  const vectors = vectorsOf(cs, frequencies);
  const dated = blockingReadings(cs);
  const pairs = similarPairs(vectors, dated, MERGE_SIMILARITY, similarityNeeds(candidateTable(cs), dated), stats());
  return mergeGroups(cs, pairs, vectors, stats())
    .map((ks) => ks.map((k) => cs[k]!))
    .filter((g) => g.some((c) => c.relation === 'on'))
    .flatMap((g) => supported(g));
}

describe('the compact candidate table', () => {
  it('gives the events a single pass over whole candidates gives (findEvents makes them again in a second pass)', () => {
    const expected = onePass(entries).map((e) => JSON.stringify(e));
    expect(expected.length).toBeGreaterThan(12);
    const found = findEvents(entries, { mentions }).map(({ id: _id, ...e }) => JSON.stringify(e));
    expect(found.sort()).toEqual(expected.sort());
  });

  it('built article by article, numbers clauses, sentences and tokens as when made at once', () => {
    const { cs, frequencies } = fullCandidates(entries);
    const builder = new TableBuilder();
    const byArticle = new Map<string, Candidate[]>();
    for (const c of cs) byArticle.set(c.article, [...(byArticle.get(c.article) ?? []), c]);
    for (const list of byArticle.values()) builder.add(list);
    const built = builder.table();
    const once = candidateTable(cs);
    expect(builder.length).toBe(cs.length);
    // Equal numbers exactly where the candidates share a key, a sentence, or dates (then one shared object).
    const same = (xs: ArrayLike<unknown>, i: number, j: number): boolean => xs[i] === xs[j];
    cs.forEach((a, i) =>
      cs.forEach((b, j) => {
        expect(same(built.clause, i, j)).toBe(a.article === b.article && a.key === b.key);
        expect(same(built.place, i, j)).toBe(a.article === b.article && a.sentence === b.sentence);
        expect(same(built.dates, i, j)).toBe(a.relation === b.relation && a.readings.join(' ') === b.readings.join(' '));
        expect(same(once.dates, i, j)).toBe(same(built.dates, i, j));
      }),
    );
    expect([...built.scheduled]).toEqual(cs.map((c) => (c.scheduled ? 1 : 0)));
    expect(builder.vectors(frequencies)).toEqual(vectorsOf(cs, frequencies));
  });

  it('shares one dates object among candidates with the same relation and readings', () => {
    const cs = [
      candidate({ article: 'a', readings: ['2024-06-12'] }),
      candidate({ article: 'b', readings: ['2024-06-12'] }),
      candidate({ article: 'c', readings: ['2024-06-12'], relation: 'on-or-before' }),
      candidate({ article: 'd', readings: ['2025-06', '2024-06'] }),
    ];
    const { dates } = candidateTable(cs);
    expect(dates[0]).toBe(dates[1]);
    expect(dates[0]).not.toBe(dates[2]);
    expect(dates[3]?.readings).toEqual(['2025-06', '2024-06']);
  });
});
