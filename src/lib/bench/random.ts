/**
 * Seeded randomness for the benchmark corpus: no `Math.random`, no clock, so
 * one seed always gives the same corpus on every machine.
 *
 * Every piece of the corpus draws from its own stream, `streamFor(seed, ...ids)`
 * (e.g. the world, the story plan, article 42's body), so an article can be
 * made on its own, in any order, without making the ones before it: that is
 * what lets the generator stream 100,000 articles in constant memory, and
 * regenerate the original a wire copy copies.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a small, fast 32-bit generator, good enough for test data (not for cryptography). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit seed (murmur3's finaliser after each part), so nearby ids give unrelated streams. */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** The stream for one piece of the corpus: the corpus seed and the piece's ids. */
export function streamFor(seed: number, ...ids: readonly number[]): Random {
  return mulberry32(mixSeed(seed, ...ids));
}

/** An integer in [min, max], both included. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** True with probability `p`. */
export function chance(random: Random, p: number): boolean {
  return random() < p;
}

/** One element, uniformly. The list must not be empty. */
export function pick<T>(random: Random, list: readonly T[]): T {
  if (list.length === 0) throw new Error('pick from an empty list');
  return list[Math.floor(random() * list.length)]!;
}

/** A copy of the list in a random order (Fisher–Yates). */
export function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Zipf's law over ranks 0..n-1: rank k is drawn with weight 1/(k+1)^s, so a
 * few items are everywhere and most are rare, as names in the news are.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(n: number, s = 1) {
    if (n < 1) throw new Error('Zipf needs at least one rank');
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      total += 1 / (k + 1) ** s;
      this.cumulative[k] = total;
    }
    for (let k = 0; k < n; k++) this.cumulative[k]! /= total;
  }

  /** A rank, by binary search over the cumulative weights. */
  sample(random: Random): number {
    const u = random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `count` distinct ranks (fewer if there are not that many), in the order drawn. */
  distinct(random: Random, count: number): number[] {
    const out = new Set<number>();
    const want = Math.min(count, this.cumulative.length);
    for (let tries = 0; out.size < want && tries < want * 50; tries++) out.add(this.sample(random));
    for (let k = 0; out.size < want; k++) out.add(k);
    return [...out];
  }
}
