import { describe, expect, it } from 'vitest';
import { mergeGroups, MIN_SUPPORT, supported, supportWords } from '../../src/lib/knowledge/event-merging.ts';
import { Pairs } from '../../src/lib/knowledge/event-pairs.ts';
import { CONFLICT_SIMILARITY, MERGE_SIMILARITY } from '../../src/lib/knowledge/event-similarity.ts';
import type { Candidate, EventStats, Vectors } from '../../src/lib/knowledge/event-types.ts';
import { candidate } from '../event-candidate.ts';

/** Vectors over the given token lists, every token weighing 1. */
function vectors(tokens: readonly (readonly string[])[]): Vectors {
  const number = new Map<string, number>();
  const ids: number[] = [];
  const start = [0];
  const norm2: number[] = [];
  for (const list of tokens) {
    for (const t of list) {
      if (!number.has(t)) number.set(t, number.size);
      ids.push(number.get(t) ?? 0);
    }
    start.push(ids.length);
    norm2.push(list.length);
  }
  return { start: Int32Array.from(start), ids: Int32Array.from(ids), weight: new Float64Array(number.size).fill(1), norm2: Float64Array.from(norm2) };
}

/** The cosine of two token lists with every token weighing 1. */
function cosine(a: readonly string[], b: readonly string[]): number {
  return a.filter((t) => b.includes(t)).length / Math.sqrt(a.length * b.length);
}

/** Every pair i < j of the token lists whose cosine is above 0, with it. */
function pairsOf(tokens: readonly (readonly string[])[]): Pairs {
  const is: number[] = [];
  const js: number[] = [];
  const sims: number[] = [];
  tokens.forEach((a, i) =>
    tokens.slice(i + 1).forEach((b, k) => {
      const sim = cosine(a, b);
      if (sim > 0) {
        is.push(i);
        js.push(i + 1 + k);
        sims.push(sim);
      }
    }),
  );
  return Pairs.of(is, js, sims);
}

function stats(): EventStats {
  return { candidates: 0, comparisons: 0, capped: 0, pairs: 0, judged: 0 };
}

/** The groups `mergeGroups` makes, as each member's article. */
function merged(cs: readonly Candidate[], pairs: Pairs, tokens: readonly (readonly string[])[]): string[][] {
  return mergeGroups(cs, pairs, vectors(tokens), stats()).map((g) => g.map((k) => cs[k]?.article ?? ''));
}

describe('mergeGroups', () => {
  it('does not chain: A~B and B~C with A≁C stays two events (average linkage)', () => {
    const tokens = [['p', 'q', 'r', 's'], ['r', 's', 't', 'u'], ['u', 'v', 'w']];
    expect(cosine(tokens[0]!, tokens[1]!)).toBeGreaterThanOrEqual(MERGE_SIMILARITY);
    expect(cosine(tokens[1]!, tokens[2]!)).toBeGreaterThanOrEqual(MERGE_SIMILARITY);
    expect(cosine(tokens[0]!, tokens[2]!)).toBe(0);
    // The mean similarity of C to {A, B}, (0 + 0.29) / 2, is under the merge threshold.
    const cs = ['a', 'b', 'c'].map((article) => candidate({ article, readings: ['2024-06-12'] }));
    expect(merged(cs, pairsOf(tokens), tokens)).toEqual([['a', 'b'], ['c']]);
  });

  it('joins a third citation whose mean similarity to the group reaches the threshold', () => {
    const tokens = [['p', 'q', 'r', 's'], ['r', 's', 't', 'u'], ['s', 't', 'u']];
    const cs = ['a', 'b', 'c'].map((article) => candidate({ article, readings: ['2024-06-12'] }));
    expect(merged(cs, pairsOf(tokens), tokens)).toEqual([['a', 'b', 'c']]);
  });

  it('refuses a group spread over too many days, however similar its clauses', () => {
    const tokens = [['p', 'q', 'r'], ['p', 'q', 'r']];
    const far = [candidate({ article: 'a', readings: ['2024-06-01'] }), candidate({ article: 'b', readings: ['2024-06-20'] })];
    expect(merged(far, Pairs.of([0], [1], [1]), tokens)).toEqual([['a'], ['b']]);
  });

  it('joins close dates that disagree only at CONFLICT_SIMILARITY or above', () => {
    const tokens = [['p', 'q', 'r'], ['p', 'q', 'r']];
    const close = [candidate({ article: 'a', readings: ['2024-06-12'] }), candidate({ article: 'b', readings: ['2024-06-14'] })];
    expect(merged(close, Pairs.of([0], [1], [CONFLICT_SIMILARITY]), tokens)).toEqual([['a', 'b']]);
    expect(merged(close, Pairs.of([0], [1], [CONFLICT_SIMILARITY - 0.01]), tokens)).toEqual([['a'], ['b']]);
  });

  it('joins dates that nest at MERGE_SIMILARITY', () => {
    const tokens = [['p', 'q', 'r'], ['p', 'q', 'r']];
    const nested = [candidate({ article: 'a', readings: ['2024-06'] }), candidate({ article: 'b', readings: ['2024-06-14'] })];
    expect(merged(nested, Pairs.of([0], [1], [MERGE_SIMILARITY]), tokens)).toEqual([['a', 'b']]);
  });

  it('counts the merges it judges', () => {
    const tokens = [['p', 'q', 'r', 's'], ['r', 's', 't', 'u'], ['u', 'v', 'w']];
    const cs = ['a', 'b', 'c'].map((article) => candidate({ article, readings: ['2024-06-12'] }));
    const s = stats();
    mergeGroups(cs, pairsOf(tokens), vectors(tokens), s);
    expect(s.judged).toBe(2);
  });
});

describe('Pairs', () => {
  /** The pairs as visited in merge order, each as `i j sim`. */
  const visited = (pairs: Pairs): string[] => {
    const out: string[] = [];
    pairs.inMergeOrder((i, j, sim) => out.push(`${i} ${j} ${sim}`));
    return out;
  };

  it('visits the most similar pair first, ties by i, then j', () => {
    const pairs = Pairs.of([0, 1, 0, 0, 2], [3, 2, 2, 1, 3], [0.3, 0.9, 0.3, 0.3, 0.5]);
    expect(visited(pairs)).toEqual(['1 2 0.9', '2 3 0.5', '0 1 0.3', '0 2 0.3', '0 3 0.3']);
  });

  /** `n` distinct pairs i < j by fixed arithmetic, with many ties in sim and in i, and the order one sort of them all gives. */
  const pseudoRandom = (n: number, sims: (k: number) => number): { i: number[]; j: number[]; sim: number[]; expected: string[] } => {
    const i = Array.from({ length: n }, (_, k) => k % 23);
    const j = Array.from({ length: n }, (_, k) => 23 + ((Math.floor(k / 23) * 11) % 29));
    const sim = Array.from({ length: n }, (_, k) => sims(k));
    const expected = i
      .map((x, k) => ({ x, y: j[k] ?? 0, s: sim[k] ?? 0 }))
      .sort((a, b) => b.s - a.s || a.x - b.x || a.y - b.y)
      .map((p) => `${p.x} ${p.y} ${p.s}`);
    return { i, j, sim, expected };
  };

  it('visits pairs held in many chunks in the order one sort of them all gives', () => {
    const { i, j, sim, expected } = pseudoRandom(500, (k) => 0.2 + ((k * 13) % 9) / 10);
    expect(new Set(i.map((x, k) => `${x} ${j[k]}`)).size).toBe(500);
    const pairs = Pairs.of(i, j, sim, { chunkSize: 7, floor: 0.2 });
    expect(pairs.length).toBe(500);
    expect(visited(pairs)).toEqual(expected);
    // The pairs are visited once, then let go.
    expect(pairs.length).toBe(0);
    expect(visited(pairs)).toEqual([]);
  });

  it('orders cosines that share a key, or round to one float32, by their exact values', () => {
    // Cosines one float64 step apart, a billionth apart, and equal: the keys (and float32) cannot tell them apart.
    const near = [0.3, 0.30000000000000004, 0.3 + 1e-9, 0.29999999999999993, 0.6, 0.6000000000000001, 0.5999999999999999, 1, 0.99999999999];
    expect(new Set(near.map((s) => Math.fround(s))).size).toBeLessThan(near.length);
    for (const keyBits of [0, 1, 4, 16]) {
      const { i, j, sim, expected } = pseudoRandom(300, (k) => near[(k * 7) % near.length] ?? 0);
      const pairs = Pairs.of(i, j, sim, { keyBits, floor: 0.2, chunkSize: 64 });
      expect(new Set(sim.map((s) => pairs.keyOf(s))).size).toBeLessThanOrEqual(Math.max(1, 2 ** keyBits));
      expect(visited(pairs)).toEqual(expected);
    }
  });

  it('never gives a more similar pair a later key', () => {
    const pairs = new Pairs(1000, () => 0, { floor: 0.2 });
    const sims = Array.from({ length: 5000 }, (_, k) => 0.15 + (k * 0.8817) / 5000).concat([1, 1.0000000000000002, 0.2, 0.19999999999999998]);
    sims.sort((a, b) => b - a);
    const keys = sims.map((s) => pairs.keyOf(s));
    keys.forEach((key, k) => expect(key).toBeGreaterThanOrEqual(keys[k - 1] ?? 0));
    expect(new Set(keys).size).toBeGreaterThan(1000);
  });
});

describe('support', () => {
  it(`keeps under a title only citations sharing at least MIN_SUPPORT (${MIN_SUPPORT}) content words with it`, () => {
    const title = 'The council approved the harbour bridge budget';
    const cs = [
      candidate({ article: 'a', readings: ['2024-06-12'], sentence: `${title}.`, summary: title }),
      candidate({ article: 'b', readings: ['2024-06-12'], sentence: 'The council approved the harbour bridge budget after a long debate.' }),
      candidate({ article: 'c', readings: ['2024-06-12'], sentence: 'Fans queued overnight for concert tickets.' }),
    ];
    const events = supported(cs);
    expect(events.map((e) => e.citations.map((c) => c.article))).toEqual([['a', 'b'], ['c']]);
  });

  it('counts an entity once by its id, however it is named', () => {
    const names = [
      { text: 'North Korea', entity: 'north-korea' },
      { text: 'Pyongyang', entity: 'north-korea' },
    ];
    expect(supportWords('North Korea fired a missile', names)).toEqual(supportWords('Pyongyang fired a missile', names));
    expect(supportWords('North Korea fired a missile', names).has('@north-korea')).toBe(true);
  });
});
