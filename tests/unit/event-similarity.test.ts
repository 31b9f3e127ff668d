import { describe, expect, it } from 'vitest';
import {
  blockingReadings,
  CONFLICT_SIMILARITY,
  kthSmallest,
  MERGE_SIMILARITY,
  mostSimilar,
  similarityNeeded,
  similarityNeeds,
  similarPairs,
  vectorsOf,
} from '../../src/lib/knowledge/event-similarity.ts';
import { candidateTable } from '../../src/lib/knowledge/event-table.ts';
import type { Candidate, EventStats, Vectors } from '../../src/lib/knowledge/event-types.ts';
import { candidate } from '../event-candidate.ts';

/** The cosine of candidates p < q, summed as `similarPairs` sums it. */
function cosine(v: Vectors, p: number, q: number): number {
  const mine = new Set(v.ids.subarray(v.start[q], v.start[q + 1]));
  let dot = 0;
  for (const id of v.ids.subarray(v.start[p], v.start[p + 1])) if (mine.has(id)) dot += (v.weight[id] ?? 0) ** 2;
  const np = v.norm2[p] ?? 0;
  const nq = v.norm2[q] ?? 0;
  return np && nq ? dot / Math.sqrt(np * nq) : 0;
}

describe('kthSmallest and mostSimilar', () => {
  it('selects the k-th smallest value', () => {
    const values = [5, 1, 4, 1, 3, 9, 2];
    const sorted = [...values].sort((a, b) => a - b);
    values.forEach((_, k) => expect(kthSmallest(Float64Array.from(values), k)).toBe(sorted[k]));
  });

  it('keeps the n most similar proposals in the order given, ties first come first', () => {
    const proposals = [0.3, 0.9, 0.5, 0.5, 0.1, 0.5].map((sim, other) => ({ other, sim, wider: false }));
    expect(mostSimilar(proposals, 3).map((p) => p.other)).toEqual([1, 2, 3]);
  });
});

describe('similarityNeeded', () => {
  const on = (article: string, reading: string, sentence?: string): Candidate => candidate({ article, readings: [reading], ...(sentence ? { sentence } : {}) });

  it('asks MERGE_SIMILARITY of dates that nest, CONFLICT_SIMILARITY of near ones, and rules far ones out', () => {
    expect(similarityNeeded(on('a', '2024-06'), on('b', '2024-06-12'))).toBe(MERGE_SIMILARITY);
    expect(similarityNeeded(on('a', '2024-06-12'), on('b', '2024-06-14'))).toBe(CONFLICT_SIMILARITY);
    expect(similarityNeeded(on('a', '2024-06-01'), on('b', '2024-06-20'))).toBe(Infinity);
  });

  it('rules out two citations from one sentence, and scheduled beside past', () => {
    expect(similarityNeeded(on('a', '2024-06-12', 'Same.'), on('a', '2024-06-12', 'Same.'))).toBe(Infinity);
    expect(similarityNeeded(on('a', '2024-06-12'), candidate({ article: 'b', readings: ['2024-06-12'], scheduled: true }))).toBe(Infinity);
  });

  it('agrees with similarityNeeds, its form over candidate numbers', () => {
    const cs = [on('a', '2024-06'), on('b', '2024-06-12'), on('c', '2024-06-14'), on('d', '2024-06-30'), candidate({ article: 'e', readings: ['2025-06', '2024-06'] })];
    const need = similarityNeeds(candidateTable(cs), blockingReadings(cs));
    cs.forEach((a, i) => cs.slice(i + 1).forEach((b, k) => expect(need(i, i + 1 + k)).toBe(similarityNeeded(a, b))));
  });
});

describe('similarPairs', () => {
  it('finds exactly the pairs whose cosine reaches what their dates need, as comparing every pair would', () => {
    const words = ['council', 'bridge', 'budget', 'harbour', 'vote', 'mayor', 'strike', 'union', 'port', 'ferry'];
    const days = ['2024-06-10', '2024-06-12', '2024-06-14', '2024-07-30', '2024-06', '2024'];
    // A fixed pseudo-random corpus: candidate k takes a few words and a day by simple arithmetic on k.
    const cs = Array.from({ length: 60 }, (_, k) =>
      candidate({ article: `a${k % 13}`, readings: [days[(k * 7) % days.length] ?? '2024'], sentence: `Sentence ${k}.`, tokens: words.filter((_, w) => (k * 31 + w * 17) % 5 < 2) }),
    );
    const vectors = vectorsOf(cs, cs.map((c) => [...c.tokens].join(' ')));
    const dated = blockingReadings(cs);
    const need = similarityNeeds(candidateTable(cs), dated);
    const stats: EventStats = { candidates: 0, comparisons: 0, capped: 0, pairs: 0, judged: 0 };
    const pairs = similarPairs(vectors, dated, MERGE_SIMILARITY, need, stats);
    const found: string[] = [];
    pairs.forEach((i, j, sim) => found.push(`${i} ${j} ${sim}`));
    found.sort();
    const all: string[] = [];
    cs.forEach((_, i) => cs.forEach((_, j) => {
      if (i >= j) return;
      const sim = cosine(vectors, i, j);
      if (sim >= need(i, j)) all.push(`${i} ${j} ${sim}`);
    }));
    expect(all.length).toBeGreaterThan(0);
    expect(found).toEqual(all.sort());
    expect(stats.capped).toBe(0);
    expect(stats.comparisons).toBeLessThan((cs.length * (cs.length - 1)) / 2);
  });
});
