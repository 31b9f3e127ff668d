/**
 * Stories formed by agglomeration: article pairs from most to least alike,
 * two stories joining when every pair across them lies within the window
 * (complete linkage in time) and their pairs' mean similarity reaches the
 * threshold (average linkage in text; UPGMA, Sokal and Michener 1958).
 *
 * Cost: the mean over two stories is a sum over every pair across them, and
 * a corpus whose stories grow to hundreds of articles asks for it again and
 * again, for each alike pair between the same two stories. So the sums are
 * kept (`CrossSums`) per pair of stories asked about, and grown by the pairs
 * a join adds: a story's members only ever grow at the end of its list, so a
 * kept sum covers a prefix of each list and the rest is added when asked
 * (the Lance–Williams recurrence for average linkage, Lance and Williams
 * 1967, applied lazily). Each sum then costs the new pairs, not every pair.
 *
 * Exactness: the decision is the one the plain sum gives, the pairs summed
 * in member order, each scored exactly as (first story's article, second's).
 * The kept sums add the window's scores (lower index first), which are those
 * to within the rounding of a dot product and of float32 (2⁻²⁴ of each), and
 * a sum in another order differs from the plain one by at most its rounding
 * (all scores are ≥ 0): together far below `DECISION_MARGIN`. A kept sum decides only when its mean is farther than
 * that from the threshold; nearer, the plain sum is made and decides.
 */
import { spansWithin, type StorySpan } from './story-dates.ts';

/**
 * Relative distance from the threshold within which a kept sum does not
 * decide. The two sums differ by at most (pairs + 3 × longest vector) ×
 * 2⁻⁵² of the sum (recursive summation of terms ≥ 0 and dot products;
 * Higham 2002, §3.1 and §4.2), under 10⁻⁷ for fewer than 10⁸ pairs across
 * and vectors of fewer than `FAST_DECISIONS_BELOW` terms; the window's
 * scores, kept as float32, add at most 2⁻²⁴ (6 × 10⁻⁸) of the sum.
 */
export const DECISION_MARGIN = 1e-6;
/** Terms in an article's longest vector from which every decision is the plain sum's (see `DECISION_MARGIN`). */
export const FAST_DECISIONS_BELOW = 1e8;
/** Pairs across two stories below which their sum is made afresh each time rather than kept. */
export const KEPT_FROM = 64;

/** Whether a mean of `sum / pairs` reaches `threshold`: true or false when clearly so, undefined within `DECISION_MARGIN` of it. */
export function meanReaches(sum: number, pairs: number, threshold: number): boolean | undefined {
  if (!(pairs > 0) || !(pairs < 1e8) || !Number.isFinite(sum)) return undefined;
  const bound = threshold * pairs;
  if (sum >= bound * (1 + DECISION_MARGIN)) return true;
  if (sum <= bound * (1 - DECISION_MARGIN)) return false;
  return undefined;
}

/** A kept sum: the scores of the pairs across the first `sizeLo` members of the lower-keyed story and the first `sizeHi` of the other. */
interface Kept {
  sizeLo: number;
  sizeHi: number;
  sum: number;
}

/**
 * Sums of window scores across pairs of stories, kept for the pairs of
 * stories asked about with at least `KEPT_FROM` pairs across and grown as
 * their member lists grow. At any time the kept sums cover disjoint sets of
 * article pairs within the window, so they number at most the window's pairs
 * ÷ `KEPT_FROM`; a story that joins another is forgotten (`forget`).
 */
export class CrossSums {
  private readonly kept = new Map<number, Kept>();
  /** Per story key, the keys of the stories it has kept sums with. */
  private readonly partners = new Map<number, Set<number>>();
  private readonly members: readonly (readonly number[])[];
  private readonly n: number;
  private readonly pairScore: (x: number, y: number) => number;
  private readonly keptFrom: number;
  /** Pairs summed, for tests. */
  added = 0;

  /**
   * `members[k]`: story k's articles in the order they joined; `pairScore(x, y)`: the window score of articles x and y
   * (either order), NaN when they are no window pair; `keptFrom`: the fewest pairs across whose sum is kept.
   */
  constructor(members: readonly (readonly number[])[], pairScore: (x: number, y: number) => number, keptFrom = KEPT_FROM) {
    this.members = members;
    this.n = members.length;
    this.pairScore = pairScore;
    this.keptFrom = keptFrom;
  }

  /** How many sums are kept. */
  get size(): number {
    return this.kept.size;
  }

  /** The sum of the scores of every pair across stories ka and kb (NaN when a pair is not within the window). */
  sum(ka: number, kb: number): number {
    const [lo, hi] = ka < kb ? [ka, kb] : [kb, ka];
    const a = this.members[lo] ?? [];
    const b = this.members[hi] ?? [];
    const key = lo * this.n + hi;
    const k = this.kept.get(key);
    if (k) {
      // The members that joined since: those of the lower story against the other's kept ones, then all against the other's new ones.
      if (k.sizeLo < a.length) k.sum += this.across(a, k.sizeLo, a.length, b, 0, k.sizeHi);
      if (k.sizeHi < b.length) k.sum += this.across(a, 0, a.length, b, k.sizeHi, b.length);
      k.sizeLo = a.length;
      k.sizeHi = b.length;
      return k.sum;
    }
    const sum = this.across(a, 0, a.length, b, 0, b.length);
    if (a.length * b.length >= this.keptFrom && !Number.isNaN(sum)) {
      this.kept.set(key, { sizeLo: a.length, sizeHi: b.length, sum });
      this.partnersOf(lo).add(hi);
      this.partnersOf(hi).add(lo);
    }
    return sum;
  }

  /** Drops the sums kept with story `k` (it has joined another: its key is gone). */
  forget(k: number): void {
    const mine = this.partners.get(k);
    if (!mine) return;
    for (const other of mine) {
      this.kept.delete(k < other ? k * this.n + other : other * this.n + k);
      this.partners.get(other)?.delete(k);
    }
    this.partners.delete(k);
  }

  private partnersOf(k: number): Set<number> {
    let set = this.partners.get(k);
    if (!set) {
      set = new Set();
      this.partners.set(k, set);
    }
    return set;
  }

  private across(a: readonly number[], fromA: number, toA: number, b: readonly number[], fromB: number, toB: number): number {
    let sum = 0;
    for (let i = fromA; i < toA; i++) {
      const x = a[i] ?? 0;
      for (let j = fromB; j < toB; j++) sum += this.pairScore(x, b[j] ?? 0);
    }
    this.added += (toA - fromA) * (toB - fromB);
    return sum;
  }
}

/** What `formStories` joins articles by. */
export interface StoryLinkageInput {
  /** Each article's days (as a story of one). */
  spans: readonly StorySpan[];
  /** Pairs of articles joined first, whatever their dates and text (copies). */
  copies: readonly (readonly [number, number])[];
  /** The alike pairs, lower index first: `a[i]`, `b[i]`; `order` lists their numbers, the pair to try first first. */
  alike: { a: Int32Array; b: Int32Array; order: Int32Array };
  window: number;
  /** Mean similarity two stories must reach to join. */
  threshold: number;
  /** The window score of two articles (either order), NaN when they are no window pair. */
  windowScore: (x: number, y: number) => number;
  /** The score of articles x and y as the plain sum reads it (x in the first story). */
  score: (x: number, y: number) => number;
  /** False: every decision from the plain sum (for tests and vectors too long for `DECISION_MARGIN`). */
  fastDecisions?: boolean;
  /** The fewest pairs across two stories whose sum is kept (`KEPT_FROM`; tests keep more). */
  keptFrom?: number;
}

/** The stories: each article's story key (its lowest article), and each story's members in the order they joined (empty for a key that is none). */
export interface StoryFormation {
  storyOf: Int32Array;
  members: number[][];
  /** Joins decided by the plain sum (the kept one was too near the threshold), for tests. */
  plainDecisions: number;
}

/**
 * Forms the stories: copies join first; then each alike pair in `order`
 * joins its two stories when every pair across them lies within the window
 * and the mean score of those pairs, summed in member order, reaches the
 * threshold. A story is keyed by its lowest article; the other's members are
 * appended to its list.
 */
export function formStories(input: StoryLinkageInput): StoryFormation {
  const { copies, alike, window, threshold, windowScore, score } = input;
  const n = input.spans.length;
  const storyOf = Int32Array.from({ length: n }, (_, i) => i);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const spans = [...input.spans];
  const sums = new CrossSums(members, windowScore, input.keptFrom);
  const fast = input.fastDecisions ?? true;
  let plainDecisions = 0;
  const join = (a: number, b: number): void => {
    const sa = storyOf[a] ?? a;
    const sb = storyOf[b] ?? b;
    if (sa === sb) return;
    const [keep, drop] = sa < sb ? [sa, sb] : [sb, sa];
    const moved = members[drop] ?? [];
    const kept = members[keep] ?? [];
    for (const m of moved) kept.push(m);
    members[drop] = [];
    for (const m of moved) storyOf[m] = keep;
    sums.forget(drop);
    const k = spans[keep];
    const d = spans[drop];
    if (k && d) spans[keep] = { maxFrom: Math.max(k.maxFrom, d.maxFrom), minTo: Math.min(k.minTo, d.minTo), undated: k.undated || d.undated };
  };
  for (const [a, b] of copies) join(a, b);
  for (const p of alike.order) {
    const a = alike.a[p] ?? 0;
    const b = alike.b[p] ?? 0;
    const ka = storyOf[a] ?? a;
    const kb = storyOf[b] ?? b;
    if (ka === kb) continue;
    const sa = spans[ka];
    const sb = spans[kb];
    if (!sa || !sb || !spansWithin(sa, sb, window)) continue;
    const ma = members[ka] ?? [];
    const mb = members[kb] ?? [];
    const pairs = ma.length * mb.length;
    let joins = fast ? meanReaches(sums.sum(ka, kb), pairs, threshold) : undefined;
    if (joins === undefined) {
      plainDecisions += 1;
      let total = 0;
      for (const x of ma) for (const y of mb) total += score(x, y);
      joins = total / (pairs || 1) >= threshold;
    }
    if (joins) join(a, b);
  }
  return { storyOf, members, plainDecisions };
}

/**
 * The alike pairs (exact score at least `threshold`) among the window's
 * pairs, numbered as found, and the order to try them in: most alike first,
 * ties by lower first index, then second. `scores` are the window's scores
 * rounded to float32 (within 2⁻²⁴ of the exact ones, far inside
 * `DECISION_MARGIN`), so only the pairs they put near or over the threshold
 * are scored exactly (`exact(a, b)`, lower index first), and those decide.
 * Held in typed arrays: a large corpus has millions.
 */
export function alikePairs(forEach: (visit: (a: number, b: number, k: number) => void) => void, scores: Float32Array, threshold: number, exact: (a: number, b: number) => number): StoryLinkageInput['alike'] {
  const near = threshold * (1 - DECISION_MARGIN);
  let count = 0;
  for (const s of scores) if (s >= near) count += 1;
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const s = new Float64Array(count);
  let i = 0;
  forEach((x, y, k) => {
    if ((scores[k] ?? 0) < near) return;
    const score = exact(x, y);
    if (score < threshold) return;
    a[i] = x;
    b[i] = y;
    s[i++] = score;
  });
  const order = Int32Array.from({ length: i }, (_, p) => p).sort((p, q) => (s[q] ?? 0) - (s[p] ?? 0) || (a[p] ?? 0) - (a[q] ?? 0) || (b[p] ?? 0) - (b[q] ?? 0));
  return { a: a.slice(0, i), b: b.slice(0, i), order };
}
