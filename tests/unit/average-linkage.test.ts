import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageLinkage, PairKeys, StrongestLinks, uniquePairs } from '../../src/lib/knowledge/average-linkage.ts';
import { isWithinWindow, pairsWithinWindow, windowPairs } from '../../src/lib/knowledge/story-dates.ts';

/** Every pair among `members`, flat. */
function clique(members: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) out.push(members[i]!, members[j]!);
  return out;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const ones = (n: number): number[] => Array.from({ length: n }, () => 1);

describe('averageLinkage', () => {
  it('keeps two subjects apart that a few stray links join under single linkage', () => {
    // Two tight groups of 20 and three links between them (a general article alike to both).
    const links = Int32Array.from([...clique(range(0, 20)), ...clique(range(20, 40)), 3, 25, 7, 31, 11, 38]);
    const group = averageLinkage(ones(40), links, 0.01);
    expect(new Set(group.slice(0, 20))).toEqual(new Set([0]));
    expect(new Set(group.slice(20, 40))).toEqual(new Set([20]));
  });

  it('joins two groups with links in proportion to their sizes; a lone item needs one link per 1/density items', () => {
    const cross: number[] = [];
    for (let i = 0; i < 10; i++) cross.push(i, 10 + i);
    // Two groups of 10 with 10 links of 100 possible pairs, and item 20 linked once, to item 19.
    const links = Int32Array.from([...clique(range(0, 10)), ...clique(range(10, 20)), ...cross, 19, 20]);
    const at = (density: number): number[] => [...averageLinkage(ones(21), links, density)];
    expect(at(0.05)).toEqual(ones(21).map(() => 0));
    expect(at(0.1)).toEqual([...ones(20).map(() => 0), 20]);
    expect(at(0.11)).toEqual([...ones(10).map(() => 0), ...ones(10).map(() => 10), 20]);
    // Joined to a group of 3, one link is 1 in 3 pairs.
    expect([...averageLinkage(ones(4), Int32Array.from([...clique([0, 1, 2]), 2, 3]), 0.3)]).toEqual([0, 0, 0, 0]);
  });

  it('weighs an item by its size, and numbers each group by its lowest item', () => {
    // Item 0 stands for 50 units; one link to item 1 is 1 in 50 pairs.
    expect([...averageLinkage([50, 1], Int32Array.from([0, 1]), 0.02)]).toEqual([0, 0]);
    expect([...averageLinkage([50, 1], Int32Array.from([0, 1]), 0.03)]).toEqual([0, 1]);
    expect([...averageLinkage([1, 1, 1], Int32Array.from([2, 1]), 0.5)]).toEqual([0, 1, 1]);
  });

  it('gives the same groups whatever order the links come in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 })), { maxLength: 60 }),
        fc.integer({ min: 1, max: 60 }).map((k) => k / 100),
        (pairs, density) => {
          const flat = Int32Array.from(pairs.flat());
          const reversed = Int32Array.from([...pairs].reverse().flatMap(([a, b]) => [b, a]));
          expect([...averageLinkage(ones(15), reversed, density)]).toEqual([...averageLinkage(ones(15), flat, density)]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('uniquePairs', () => {
  it('keeps each pair once, in key order', () => {
    expect([...uniquePairs([1 * 10 + 4, 0 * 10 + 3, 1 * 10 + 4, 2 * 10 + 9], 10)]).toEqual([0, 3, 1, 4, 2, 9]);
    expect([...uniquePairs([], 10)]).toEqual([]);
  });

  it('gives the same pairs from a PairKeys list as from a plain array, past its growth and past 2³¹', () => {
    const n = 200_000;
    const keys: number[] = [];
    for (let i = 0; i < 5000; i++) keys.push(((i * 7919) % 40001) * n + ((i * 104729) % n));
    const list = new PairKeys();
    for (const k of keys) list.push(k);
    expect(Math.max(...keys)).toBeGreaterThan(2 ** 31);
    const taken = list.take();
    expect(taken.length).toBe(keys.length);
    expect([...uniquePairs(taken, n)]).toEqual([...uniquePairs(keys, n)]);
    expect(list.take().length).toBe(0);
  });
});

describe('StrongestLinks', () => {
  it('keeps each item’s k strongest links (then the lower other item), a link either end keeps, once', () => {
    const links = new StrongestLinks(5, 2);
    links.offer(0, 1, 0.5);
    links.offer(0, 2, 0.9);
    links.offer(0, 3, 0.7);
    links.offer(0, 2, 0.9);
    links.offer(4, 3, 0.7);
    links.offer(0, 4, 0.7);
    // 0 keeps 2 and 3 (0.7, lower than 4); 1 keeps 0, 4 keeps 3 and 0.
    expect([...links.links()]).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 3, 4]);
  });

  it('keeps the same links whatever order they are offered in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 5 })), { maxLength: 50 }), (offers) => {
        const kept = (list: typeof offers): number[] => {
          const links = new StrongestLinks(10, 3);
          for (const [x, y, s] of list) links.offer(x, y, s / 10 + Math.min(x, y) / 1000 + Math.max(x, y) / 100000);
          return [...links.links()];
        };
        expect(kept([...offers].reverse())).toEqual(kept(offers));
      }),
      { numRuns: 200 },
    );
  });
});

describe('isWithinWindow', () => {
  /** Up to twelve articles' day ranges, some undated. */
  const dayRanges = fc.array(fc.option(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 3 })).map(([from, len]) => ({ from, to: from + len })), { nil: undefined }), { maxLength: 12 });
  /** Runs `check` over many articles' day ranges and windows. */
  const forRangesAndWindows = (check: (ranges: ({ from: number; to: number } | undefined)[], window: number) => void): void =>
    fc.assert(fc.property(dayRanges, fc.integer({ min: 0, max: 6 }), check), { numRuns: 300 });

  it('holds exactly for the pairs pairsWithinWindow lists', () => {
    forRangesAndWindows((ranges, window) => {
      const listed = new Set(pairsWithinWindow(ranges, window).map(([a, b]) => `${a} ${b}`));
      for (let x = 0; x < ranges.length; x++) for (let y = x + 1; y < ranges.length; y++) {
        expect(isWithinWindow(ranges, window, x, y)).toBe(listed.has(`${x} ${y}`));
        expect(isWithinWindow(ranges, window, y, x)).toBe(listed.has(`${x} ${y}`));
      }
    });
  });

  it('numbers the window pairs in list order, and finds each number again from either end of its pair', () => {
    forRangesAndWindows((ranges, window) => {
      const pairs = windowPairs(ranges, window);
      const seen: [number, number][] = [];
      pairs.forEach((a, b, k) => {
        expect(k).toBe(seen.length);
        seen.push([a, b]);
      });
      expect(seen).toEqual(pairsWithinWindow(ranges, window));
      expect(pairs.size).toBe(seen.length);
      for (let x = 0; x < ranges.length; x++) for (let y = 0; y < ranges.length; y++) {
        const k = seen.findIndex(([a, b]) => (a === x && b === y) || (a === y && b === x));
        expect(pairs.indexOf(x, y)).toBe(k);
      }
    });
  });
});
