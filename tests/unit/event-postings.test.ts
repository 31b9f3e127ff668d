import { describe, expect, it } from 'vitest';
import { postingsOf, type Lists } from '../../src/lib/knowledge/event-postings.ts';

/** A list's entries that probed before the vector ranked `before`. */
function readBefore(lists: Lists, list: number, rank: Int32Array, before: number): number[] {
  const out: number[] = [];
  for (let k = lists.start[list] ?? 0; k < (lists.start[list + 1] ?? 0) && (rank[lists.entries[k] ?? 0] ?? 0) < before; k++) out.push(lists.entries[k] ?? 0);
  return out;
}

describe('postingsOf', () => {
  it('gives each vector the lists that growing them probe by probe gives', () => {
    // A fixed pseudo-random corpus: 80 vectors, prefixes of up to 4 of 9 tokens, 5 date blocks or none, probing in a shuffled order.
    const count = 80;
    const tokens = 9;
    const prefix = Array.from({ length: count }, (_, k) => [...new Set(Array.from({ length: k % 5 }, (_, t) => (k * 7 + t * 5) % tokens))]);
    const start = Int32Array.from([0, ...prefix.map((_, k) => prefix.slice(0, k + 1).flat().length)]);
    const ids = Int32Array.from(prefix.flat());
    const blockOf = Int32Array.from({ length: count }, (_, k) => (k % 6 === 5 ? -1 : (k * 3) % 5));
    const probes = Int32Array.from({ length: count }, (_, k) => (k * 37) % count);
    expect(new Set(probes).size).toBe(count);
    const { rank, anywhere, blocked, listOf } = postingsOf({ start, ids }, probes, blockOf, tokens);
    // The lists as grown while the vectors probe in order.
    const grownAnywhere: number[][] = Array.from({ length: tokens }, () => []);
    const grownBlocked = new Map<string, number[]>();
    let checked = 0;
    probes.forEach((q, r) => {
      expect(rank[q]).toBe(r);
      for (let id = 0; id < tokens; id++) {
        expect(readBefore(anywhere, id, rank, r)).toEqual(grownAnywhere[id]);
        for (let b = 0; b < 5; b++) {
          const list = listOf(id, b);
          const expected = grownBlocked.get(`${id} ${b}`) ?? [];
          expect(list >= 0 ? readBefore(blocked, list, rank, r) : []).toEqual(expected);
          checked += expected.length;
        }
      }
      for (const id of prefix[q] ?? []) {
        grownAnywhere[id]?.push(q);
        if ((blockOf[q] ?? -1) < 0) continue;
        const key = `${id} ${blockOf[q]}`;
        grownBlocked.set(key, [...(grownBlocked.get(key) ?? []), q]);
      }
    });
    expect(checked).toBeGreaterThan(100);
    // Every list holds its vectors whole once all have probed, and a token with no vector in a block has no list there.
    expect(listOf(0, 4) >= 0).toBe(grownBlocked.has('0 4'));
    expect(anywhere.entries.length).toBe(ids.length);
  });
});
