import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinWindow, spansWithin, windowPairs, type StorySpan } from '../../src/lib/knowledge/story-dates.ts';
import { alikePairs, CrossSums, DECISION_MARGIN, formStories, KEPT_FROM, meanReaches, type StoryLinkageInput } from '../../src/lib/knowledge/story-linkage.ts';

/** A corpus as `formStories` reads it: days (undefined for undated), window scores by pair, and the reversed order's scores, off by an ulp or so. */
interface Case {
  days: (number | undefined)[];
  window: number;
  scores: number[][];
  copies: [number, number][];
}

const THRESHOLD = 0.2;

/** The number just above or below x (an ulp away). */
function nudge(x: number, up: boolean): number {
  const f = new Float64Array([x]);
  const i = new BigInt64Array(f.buffer);
  if (x === 0) return up ? Number.MIN_VALUE : 0;
  i[0] = (i[0] ?? 0n) + (up ? 1n : -1n);
  return f[0] ?? x;
}

function inputOf(c: Case, fastDecisions = true, keptFrom = KEPT_FROM): StoryLinkageInput {
  const ranges = c.days.map((d) => (d === undefined ? undefined : { from: d, to: d }));
  const pairs = windowPairs(ranges, c.window);
  // Kept as the stories stage keeps them: rounded to float32, the exact score asked for again where it decides.
  const windowScores = new Float32Array(pairs.size);
  pairs.forEach((a, b, k) => (windowScores[k] = c.scores[a]?.[b] ?? 0));
  const spans: StorySpan[] = ranges.map((r) => (r ? { maxFrom: r.from, minTo: r.to, undated: false } : { maxFrom: -Infinity, minTo: Infinity, undated: true }));
  return {
    spans,
    copies: c.copies,
    alike: alikePairs((visit) => pairs.forEach(visit), windowScores, THRESHOLD, (a, b) => c.scores[a]?.[b] ?? 0),
    window: c.window,
    threshold: THRESHOLD,
    windowScore: (x, y) => {
      const k = pairs.indexOf(x, y);
      return k < 0 ? NaN : (windowScores[k] ?? NaN);
    },
    // The reversed order sums a dot product in another order: its last bits may differ.
    score: (x, y) => c.scores[x]?.[y] ?? 0,
    fastDecisions,
    keptFrom,
  };
}

/** The plain agglomeration, as written before sums were kept: every pair across two stories summed in member order at each try. */
function plain(c: Case): { storyOf: number[]; members: number[][] } {
  const n = c.days.length;
  const ranges = c.days.map((d) => (d === undefined ? undefined : { from: d, to: d }));
  const storyOf = Array.from({ length: n }, (_, i) => i);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const spans: StorySpan[] = ranges.map((r) => (r ? { maxFrom: r.from, minTo: r.to, undated: false } : { maxFrom: -Infinity, minTo: Infinity, undated: true }));
  const join = (a: number, b: number): void => {
    const sa = storyOf[a]!;
    const sb = storyOf[b]!;
    if (sa === sb) return;
    const [keep, drop] = sa < sb ? [sa, sb] : [sb, sa];
    const moved = members[drop]!;
    members[keep]!.push(...moved);
    members[drop] = [];
    for (const m of moved) storyOf[m] = keep;
    const k = spans[keep]!;
    const d = spans[drop]!;
    spans[keep] = { maxFrom: Math.max(k.maxFrom, d.maxFrom), minTo: Math.min(k.minTo, d.minTo), undated: k.undated || d.undated };
  };
  for (const [a, b] of c.copies) join(a, b);
  const alike: { a: number; b: number; s: number }[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (isWithinWindow(ranges, c.window, a, b) && c.scores[a]![b]! >= THRESHOLD) alike.push({ a, b, s: c.scores[a]![b]! });
  alike.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);
  for (const { a, b } of alike) {
    const ka = storyOf[a]!;
    const kb = storyOf[b]!;
    if (ka === kb || !spansWithin(spans[ka]!, spans[kb]!, c.window)) continue;
    let total = 0;
    for (const x of members[ka]!) for (const y of members[kb]!) total += c.scores[x]![y]!;
    if (total / (members[ka]!.length * members[kb]!.length) >= THRESHOLD) join(a, b);
  }
  return { storyOf, members };
}

/** A case: scores from a few values (so that means land on the threshold itself), the reversed order an ulp off at random. */
function caseArbitrary(maxArticles: number, values: readonly number[]): fc.Arbitrary<Case> {
  return fc.integer({ min: 2, max: maxArticles }).chain((n) =>
    fc.record({
      days: fc.array(fc.option(fc.integer({ min: 0, max: 12 }), { freq: 12, nil: undefined }), { minLength: n, maxLength: n }),
      window: fc.integer({ min: 0, max: 4 }),
      scores: fc.array(fc.tuple(fc.constantFrom(...values), fc.integer({ min: -1, max: 1 })), { minLength: n * n, maxLength: n * n }).map((cells) => {
        const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
        for (let a = 0; a < n; a++) {
          for (let b = a + 1; b < n; b++) {
            const [v, off] = cells[a * n + b]!;
            m[a]![b] = v;
            m[b]![a] = off === 0 ? v : nudge(v, off > 0);
          }
        }
        return m;
      }),
      copies: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 3 }),
    }),
  );
}

describe('meanReaches', () => {
  it('decides only farther than DECISION_MARGIN from the threshold', () => {
    expect(meanReaches(0.3, 1, 0.2)).toBe(true);
    expect(meanReaches(0.1, 1, 0.2)).toBe(false);
    expect(meanReaches(20, 100, 0.2)).toBeUndefined();
    expect(meanReaches(20 * (1 + DECISION_MARGIN / 2), 100, 0.2)).toBeUndefined();
    expect(meanReaches(20 * (1 + 2 * DECISION_MARGIN), 100, 0.2)).toBe(true);
    expect(meanReaches(20 * (1 - 2 * DECISION_MARGIN), 100, 0.2)).toBe(false);
    expect(meanReaches(NaN, 4, 0.2)).toBeUndefined();
    expect(meanReaches(1, 0, 0.2)).toBeUndefined();
  });
});

describe('CrossSums', () => {
  it('gives the sum over every pair across two stories as they grow and join, keeping few sums', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 16 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 120 }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 4, KEPT_FROM), (n, steps, seed, keptFrom) => {
        const score = (x: number, y: number): number => (((Math.min(x, y) * 7919 + Math.max(x, y) * 104729 + seed) % 1000) + 1) / 1000;
        const storyOf = Array.from({ length: n }, (_, i) => i);
        const members = Array.from({ length: n }, (_, i) => [i]);
        const sums = new CrossSums(members, score, keptFrom);
        for (const [x, y, joins] of steps) {
          const ka = storyOf[x % n]!;
          const kb = storyOf[y % n]!;
          if (ka === kb) continue;
          let brute = 0;
          for (const a of members[ka]!) for (const b of members[kb]!) brute += score(a, b);
          expect(Math.abs(sums.sum(ka, kb) - brute)).toBeLessThanOrEqual(1e-12 * brute);
          if (!joins) continue;
          const [keep, drop] = ka < kb ? [ka, kb] : [kb, ka];
          for (const m of members[drop]!) storyOf[m] = keep;
          members[keep]!.push(...members[drop]!);
          members[drop] = [];
          sums.forget(drop);
        }
        // Kept sums cover disjoint pairs of at least KEPT_FROM each, all between stories that still stand.
        expect(sums.size).toBeLessThanOrEqual((n * (n - 1)) / 2 / keptFrom);
      }),
    );
  });

  it('keeps a sum of KEPT_FROM pairs or more, and forgets it when a story joins another', () => {
    const members = [[0, 1, 2, 3, 4, 5, 6, 7], [], [], [], [], [], [], [], [8, 9, 10, 11, 12, 13, 14, 15], ...Array.from({ length: 8 }, () => [])];
    const sums = new CrossSums(members, () => 0.25);
    expect(sums.sum(8, 0)).toBe(16);
    expect(sums.size).toBe(1);
    const added = sums.added;
    members[0]!.push(16);
    expect(sums.sum(0, 8)).toBe(18);
    // Only the new member's pairs were added.
    expect(sums.added - added).toBe(8);
    sums.forget(8);
    expect(sums.size).toBe(0);
  });
});

describe('alikePairs', () => {
  /** Pairs (0, 1), (0, 2), (1, 2) of one day, with these exact scores, kept as float32 as the stories stage keeps them. */
  function alikeOf(exact: [number, number, number], threshold: number): { a: number[]; b: number[]; order: number[] } {
    const pairs = windowPairs([0, 0, 0].map((d) => ({ from: d, to: d })), 1);
    const byPair = (a: number, b: number): number => exact[a + b - 1]!;
    const stored = new Float32Array(pairs.size);
    pairs.forEach((a, b, k) => (stored[k] = byPair(a, b)));
    const got = alikePairs((visit) => pairs.forEach(visit), stored, threshold, byPair);
    return { a: [...got.a], b: [...got.b], order: [...got.order] };
  }

  it('decides by the exact score where float32 rounds across the threshold', () => {
    // 0.7 rounds down in float32 (0.69999999), 0.2 and the number just under it round up (0.20000000).
    expect(Math.fround(0.7)).toBeLessThan(0.7);
    expect(Math.fround(nudge(0.2, false))).toBeGreaterThanOrEqual(0.2);
    const high = alikeOf([0.7, nudge(0.7, false), 0.9], 0.7);
    expect(high).toEqual({ a: [0, 1], b: [1, 2], order: [1, 0] });
    const low = alikeOf([nudge(0.2, false), 0.2, nudge(0.2, true)], 0.2);
    // The exact scores order them: (1, 2) an ulp over 0.2 before (0, 2) at 0.2; (0, 1), an ulp under, is not alike.
    expect(low).toEqual({ a: [0, 1], b: [2, 2], order: [1, 0] });
  });
});

describe('formStories', () => {
  it('joins as the plain sum in member order does, ties and last-bit differences on the threshold included', () => {
    fc.assert(
      fc.property(caseArbitrary(14, [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.6]), (c) => {
        const want = plain(c);
        const got = formStories(inputOf(c));
        expect([...got.storyOf]).toEqual(want.storyOf);
        expect(got.members).toEqual(want.members);
        expect(formStories(inputOf(c, false)).members).toEqual(want.members);
        expect(formStories(inputOf(c, true, 1)).members).toEqual(want.members);
      }),
      { numRuns: 300 },
    );
  });

  it('joins as the plain sum does for stories large enough to keep their sums', () => {
    fc.assert(
      fc.property(caseArbitrary(60, [0.05, 0.12, 0.19, 0.2, 0.21, 0.24, 0.33]), (c) => {
        const same = { ...c, days: c.days.map((d) => (d === undefined ? d : d % 3)), window: 2 };
        const want = plain(same);
        expect(formStories(inputOf(same)).members).toEqual(want.members);
        expect(formStories(inputOf(same, true, 2)).members).toEqual(want.members);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves a mean on the threshold to the plain sum', () => {
    // Four articles of one day, every pair scoring 0.2 exactly in one order and an ulp less in the other.
    const scores = [0, 1, 2, 3].map((a) => [0, 1, 2, 3].map((b) => (a < b ? 0.2 : a > b ? nudge(0.2, false) : 0)));
    const c: Case = { days: [0, 0, 0, 0], window: 1, scores, copies: [] };
    const got = formStories(inputOf(c));
    expect(got.members).toEqual(plain(c).members);
    expect(got.plainDecisions).toBeGreaterThan(0);
  });
});
