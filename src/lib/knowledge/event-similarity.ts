/**
 * Similarity: which pairs of candidate citations are alike enough to be
 * tried as one event.
 *
 * Takes the candidates and the sentences of the corpus; returns TF-IDF
 * vectors over the candidates' content tokens (`vectorsOf`) and the pairs
 * whose cosine reaches what their dates require (`similarPairs`, with
 * `similarityNeeds`): `MERGE_SIMILARITY` when the dates agree,
 * `CONFLICT_SIMILARITY` when they disagree but lie near, never when no group
 * could hold both. Rare shared words weigh most, since two reports of one
 * event share its particulars, not the words every sentence has.
 *
 * All pairs are never compared: prefix filtering and date blocks find the
 * pairs that can reach the threshold, and each citation compares at most
 * `MAX_COMPARED` others and proposes at most `MAX_PROPOSED` pairs, so the
 * work grows linearly with the citations. Sums run in a fixed order, so a
 * cosine is the same to the last bit however its pair was found.
 *
 * Pure and deterministic: no I/O, no clock.
 */
import { precisionOf } from '../schema.ts';
import { contains, near, NEAR_DAYS } from './event-calendar.ts';
import { fits, isCalendarReading, readingsAround } from './event-dating.ts';
import { Pairs, type ExactCosine } from './event-pairs.ts';
import { postingsOf, type Lists } from './event-postings.ts';
import { TokenNumbers, type CandidateTable } from './event-table.ts';
import type { Candidate, CandidateDates, EventStats, Vectors } from './event-types.ts';
import { contentWords } from './text-words.ts';

/** Clauses this similar tell the same event when their dates agree. */
export const MERGE_SIMILARITY = 0.2;
/** Clauses this similar tell the same event even when their close dates disagree (the event is then flagged). */
export const CONFLICT_SIMILARITY = 0.6;

/**
 * The most citations one citation is compared with, and the most merges it
 * proposes: the work per citation is bounded, so the whole grows linearly.
 * Partners are looked for among citations with the same reading first, then
 * with readings near it, then with coarser readings that contain it, rarest
 * shared word first in each round; the merges proposed are the most similar,
 * those under coarser readings last (they seldom make an event). Only a
 * citation with more possible partners than this (hundreds of clauses
 * repeating the same words about the same time) is cut short; below it,
 * every pair that could merge is tried, and `EventStats.capped` counts the
 * citations cut short.
 */
export const MAX_COMPARED = 1024;
/** The most merges one citation proposes (see `MAX_COMPARED`). */
export const MAX_PROPOSED = 128;

/** Slack for rounding in the bounds of `similarPairs`: a bound this close to the threshold counts as reaching it. */
const BOUND_SLACK = 1e-9;

/**
 * In how many sentences each content word occurs, and how many sentences
 * there are: counted one sentence at a time, so a corpus's sentences need not
 * be held together.
 */
export class DocumentFrequencies {
  readonly df = new Map<string, number>();
  docs = 0;

  /** Counts one sentence (a document, for the inverse document frequency). */
  add(sentence: string): void {
    this.docs += 1;
    for (const w of new Set(contentWords(sentence))) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }
}

/**
 * The candidates' TF-IDF vectors: each candidate's tokens numbered in order
 * of first use, each weighted by log(1 + N / df), where df counts the
 * `sentences` (every sentence of the corpus, N of them, or their counts) holding the word; a
 * token no sentence holds (an entity id) weighs log(1 + N).
 */
export function vectorsOf(candidates: readonly Candidate[], sentences: readonly string[] | DocumentFrequencies): Vectors {
  // Inverse document frequency over every sentence of the corpus.
  const counted = sentences instanceof DocumentFrequencies ? sentences : new DocumentFrequencies();
  if (!(sentences instanceof DocumentFrequencies)) for (const s of sentences) counted.add(s);
  const tokens = new TokenNumbers();
  for (const c of candidates) tokens.add(c.tokens);
  return tokens.vectors(counted);
}

/**
 * The cosine of candidates i < j as `similarPairs` finds it, to the last
 * bit: the squared weights of i's tokens that j holds, summed in i's token
 * order, over the root of the product of their norms (0 when either is
 * empty). Marks j's tokens in a scratch array of one number per token, kept
 * while j stays the same.
 */
export function exactCosine(vectors: Vectors): ExactCosine {
  const { start, ids, weight, norm2 } = vectors;
  const square = weight.map((x) => x * x);
  const mark = new Int32Array(weight.length).fill(-1);
  let marked = -1;
  return (i, j) => {
    if (marked !== j) {
      for (let t = start[j] ?? 0; t < (start[j + 1] ?? 0); t++) mark[ids[t] ?? 0] = j;
      marked = j;
    }
    let dot = 0;
    for (let t = start[i] ?? 0; t < (start[i + 1] ?? 0); t++) {
      const id = ids[t] ?? 0;
      if (mark[id] === j) dot += square[id] ?? 1;
    }
    const ni = norm2[i] ?? 0;
    const nj = norm2[j] ?? 0;
    return ni && nj ? dot / Math.sqrt(ni * nj) : 0;
  };
}

/**
 * The reading each candidate is blocked under in `similarPairs`: a certain
 * reading that names a calendar day, month or year; `undefined` for
 * ambiguous readings, bounds and any other reading, which meet every
 * candidate.
 */
export function blockingReadings(candidates: readonly CandidateDates[]): (string | undefined)[] {
  return candidates.map((c) => (c.relation === 'on' && !c.ambiguous && isCalendarReading(c.readings[0] ?? '') ? c.readings[0] : undefined));
}

/** Which precisions are indexed first: a citation meets coarser readings and its own, so each pair is met once. */
const INDEX_ORDER = { year: 0, month: 1, day: 2 } as const;

/** Blocks searched together, and whether they hold readings wider than the searcher's. */
interface Round {
  blocks: number[];
  wider: boolean;
}

/** A pair one vector proposes: the other vector, the cosine, and whether it was found under a wider reading. */
export interface Proposal {
  other: number;
  sim: number;
  wider: boolean;
}

/**
 * The proposals a vector makes, at most `MAX_PROPOSED`, as indices into its
 * first `count` proposals (`sims[k]`, `wider[k]`; those under its own level
 * come first): all when few enough; else those under its own level first,
 * then the most similar (`mostSimilarOf`).
 */
function chosen(count: number, sims: Float64Array, wider: Uint8Array): number[] {
  const all = Array.from({ length: count }, (_, k) => k);
  if (count <= MAX_PROPOSED) return all;
  const level = all.filter((k) => !wider[k]);
  if (level.length >= MAX_PROPOSED) return mostSimilarOf(level, sims, MAX_PROPOSED);
  return [...level, ...mostSimilarOf(all.filter((k) => wider[k]), sims, MAX_PROPOSED - level.length)];
}

/** The `n` most similar proposals, ties taken in the order given (a stable sort's first `n`), in the order given. */
export function mostSimilar(proposals: readonly Proposal[], n: number): Proposal[] {
  const sims = Float64Array.from(proposals, (p) => p.sim);
  return mostSimilarOf(Array.from(proposals.keys()), sims, n).map((k) => proposals[k]!);
}

/** `mostSimilar` over proposals by index: of `which`, the `n` with the highest `sims`, ties in the order given, in the order given. */
function mostSimilarOf(which: readonly number[], sims: Float64Array, n: number): number[] {
  if (which.length <= n) return [...which];
  const values = Float64Array.from(which, (k) => sims[k] ?? 0);
  const cut = kthSmallest(values, which.length - n);
  let ties = n;
  for (const k of which) if ((sims[k] ?? 0) > cut) ties -= 1;
  return which.filter((k) => (sims[k] ?? 0) > cut || ((sims[k] ?? 0) === cut && ties-- > 0));
}

/** The k-th smallest of `values` (from 0), found by Hoare's selection, which reorders them. */
export function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i += 1;
      while ((values[j] ?? 0) > pivot) j -= 1;
      if (i > j) break;
      const swap = values[i] ?? 0;
      values[i] = values[j] ?? 0;
      values[j] = swap;
      i += 1;
      j -= 1;
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] ?? 0;
}

/**
 * Pairs i < j whose cosine reaches the similarity `need(i, j)` asks (at
 * least `threshold`; `Infinity` rules a pair out unread), with the cosine,
 * found without comparing all pairs:
 *
 * - Prefix filtering: tokens are ranked rarest first, and each vector is
 *   indexed under the shortest prefix of its ranked tokens whose suffix cannot
 *   add up to `threshold` with any vector (bounded by each token's largest
 *   normalised weight anywhere, and by the suffix's own norm). Two vectors that
 *   reach `threshold` share a token in both prefixes: were every shared token
 *   past one prefix, all would lie in the suffix of the vector whose prefix
 *   ends first in the ranking, and that suffix holds less.
 * - Date blocks: a vector with one certain reading (`dated[i]`) is indexed
 *   under it and looks only under the readings around it (`readingsAround`):
 *   its own, the others of its level, then the wider. Coarser readings are
 *   indexed first, and of its own precision it meets those indexed before it.
 *   A vector with no one reading meets all.
 * - Each vector compares at most `MAX_COMPARED` others and proposes at most
 *   `MAX_PROPOSED` pairs (see there).
 */
export function similarPairs(
  vectors: Vectors,
  dated: readonly (string | undefined)[],
  threshold: number,
  need: (i: number, j: number) => number,
  stats: EventStats,
): Pairs {
  const { start, ids, weight, norm2 } = vectors;
  const count = norm2.length;
  const tokensOf = (k: number): Int32Array => ids.subarray(start[k], start[k + 1]);
  // Rank: higher idf (rarer) first, then token number.
  const order = Array.from(weight.keys()).sort((x, y) => (weight[y] ?? 0) - (weight[x] ?? 0) || x - y);
  const rank = new Int32Array(weight.length);
  order.forEach((id, r) => {
    rank[id] = r;
  });
  const maxWeight = new Float64Array(weight.length);
  for (let k = 0; k < count; k++) {
    const norm = Math.sqrt(norm2[k] ?? 0);
    for (const id of tokensOf(k)) maxWeight[id] = Math.max(maxWeight[id] ?? 0, (weight[id] ?? 0) / norm);
  }
  // Each vector's prefix, as one flat list (event-postings.ts).
  const prefixStart = new Int32Array(count + 1);
  const prefixIds = new Int32Array(ids.length);
  for (let k = 0; k < count; k++) {
    const ranked = tokensOf(k)
      .slice()
      .sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0));
    const norm = Math.sqrt(norm2[k] ?? 0);
    let end = ranked.length;
    let byMax = 0;
    let squares = 0;
    while (end > 0) {
      const id = ranked[end - 1] ?? 0;
      const u = (weight[id] ?? 0) / norm;
      if (Math.min(byMax + u * (maxWeight[id] ?? 0), Math.sqrt(squares + u * u)) >= threshold - BOUND_SLACK) break;
      byMax += u * (maxWeight[id] ?? 0);
      squares += u * u;
      end -= 1;
    }
    const at = prefixStart[k] ?? 0;
    prefixIds.set(ranked.subarray(0, end), at);
    prefixStart[k + 1] = at + end;
  }
  const prefixes = { start: prefixStart, ids: prefixIds.slice(0, prefixStart[count]) };

  // A block per certain reading, and where each reading looks, round by round: its own block, the others of its level, the wider readings.
  const block = new Map<string, number>();
  for (const r of dated) if (r !== undefined && !block.has(r)) block.set(r, block.size);
  const rounds = new Map<string, Round[]>();
  const roundsOf = (r: string): Round[] => {
    const known = rounds.get(r);
    if (known) return known;
    const { level, wider } = readingsAround(r);
    const blocks = (rs: readonly string[]): number[] => rs.flatMap((s) => block.get(s) ?? []);
    const out = [
      { blocks: blocks([r]), wider: false },
      { blocks: blocks(level.filter((s) => s !== r)), wider: false },
      { blocks: blocks(wider), wider: true },
    ];
    rounds.set(r, out);
    return out;
  };
  const indexOrder = (r: string | undefined): number => (r === undefined ? 3 : INDEX_ORDER[precisionOf(r)]);
  const probes = Int32Array.from({ length: count }, (_, k) => k).sort((x, y) => indexOrder(dated[x]) - indexOrder(dated[y]) || x - y);
  const blockOf = Int32Array.from(dated, (r) => (r === undefined ? -1 : (block.get(r) ?? -1)));
  const { rank: probeRank, anywhere, blocked, listOf } = postingsOf(prefixes, probes, blockOf, weight.length);

  const seen = new Int32Array(count).fill(-1);
  // The tokens of the vector being compared, marked with its number; and a partner's, marked with a fresh number each time.
  const mark = new Int32Array(weight.length).fill(-1);
  const partnerMark = new Int32Array(weight.length).fill(-1);
  let stamp = 0;
  // Each token's weight squared, as the cosine adds it up; and the proposals of the vector being compared (at most one per comparison).
  const square = weight.map((x) => x * x);
  const proposalOther = new Int32Array(MAX_COMPARED);
  const proposalSim = new Float64Array(MAX_COMPARED);
  const proposalWider = new Uint8Array(MAX_COMPARED);
  const out = new Pairs(count, exactCosine(vectors), { floor: threshold });
  let q = 0;
  let mine = tokensOf(0);
  let proposed = 0;
  let compared = 0;
  let wider = false;
  // Compares q with the vectors of one posting list that probed before it, while q may compare more.
  const readList = (lists: Lists, list: number): void => {
    const { entries } = lists;
    const mineRank = probeRank[q] ?? 0;
    for (let k = lists.start[list] ?? 0; k < (lists.start[list + 1] ?? 0) && compared < MAX_COMPARED; k++) {
      const p = entries[k] ?? q;
      if ((probeRank[p] ?? 0) >= mineRank) return;
      if (seen[p] === q) continue;
      seen[p] = q;
      compared += 1;
      const wanted = p < q ? need(p, q) : need(q, p);
      if (wanted === Infinity) continue;
      // The cosine, summed over the earlier candidate's tokens.
      let dot = 0;
      if (p < q) {
        for (let t = start[p] ?? 0; t < (start[p + 1] ?? 0); t++) {
          const id = ids[t] ?? 0;
          if (mark[id] === q) dot += square[id] ?? 1;
        }
      } else {
        stamp += 1;
        for (let t = start[p] ?? 0; t < (start[p + 1] ?? 0); t++) partnerMark[ids[t] ?? 0] = stamp;
        for (const id of mine) if (partnerMark[id] === stamp) dot += square[id] ?? 1;
      }
      const np = norm2[p] ?? 0;
      const nq = norm2[q] ?? 0;
      const sim = np && nq ? dot / Math.sqrt(np * nq) : 0;
      if (sim >= wanted) {
        proposalOther[proposed] = p;
        proposalSim[proposed] = sim;
        proposalWider[proposed] = wider ? 1 : 0;
        proposed += 1;
      }
    }
  };
  for (const probe of probes) {
    q = probe;
    mine = tokensOf(q);
    for (const id of mine) mark[id] = q;
    const prefix = prefixes.ids.subarray(prefixStart[q], prefixStart[q + 1]);
    const reading = dated[q];
    proposed = 0;
    compared = 0;
    wider = false;
    // The posting lists, round by round, rarest token first within a round.
    if (reading === undefined) for (const id of prefix) readList(anywhere, id);
    else {
      for (const round of roundsOf(reading)) {
        // Pairs under wider readings come after every pair of its level, so with enough of those they would not be proposed.
        if (round.wider && proposed >= MAX_PROPOSED) break;
        wider = round.wider;
        for (const id of prefix) {
          for (const b of round.blocks) {
            const list = listOf(id, b);
            if (list >= 0) readList(blocked, list);
          }
        }
      }
    }
    stats.comparisons += compared;
    if (compared === MAX_COMPARED || proposed >= MAX_PROPOSED) stats.capped += 1;
    const picked = chosen(proposed, proposalSim, proposalWider);
    out.addRow(
      q,
      picked.map((k) => proposalOther[k] ?? 0),
      picked.map((k) => proposalSim[k] ?? 0),
    );
  }
  return out;
}

/**
 * The similarity a pair of candidates needs before its merge is worth
 * judging, from the two alone: `Infinity` when no group holding both can
 * stand (the same clause or sentence, scheduled beside past, or dates that
 * neither nest nor lie near), `CONFLICT_SIMILARITY` when every group holding
 * both has a date conflict, else `MERGE_SIMILARITY`. Each is what
 * `judgeDates` says of every group holding the pair, so leaving such pairs
 * out changes no merge.
 */
export function similarityNeeded(a: Candidate, b: Candidate): number {
  if (a.scheduled !== b.scheduled) return Infinity;
  // A key starts with its article's id.
  if (a.article === b.article && (a.key === b.key || a.sentence === b.sentence)) return Infinity;
  return datesNeed(a, b);
}

/** `similarityNeeded` of two candidates from different sentences, neither scheduled or both: what their dates require. */
function datesNeed(a: CandidateDates, b: CandidateDates): number {
  const aCertain = a.relation === 'on' && !a.ambiguous;
  const one = aCertain ? a : b;
  const other = aCertain ? b : a;
  if (one.relation !== 'on' || one.ambiguous) return MERGE_SIMILARITY;
  // `one` is certain: its reading stands in any group.
  const mine = one.judge;
  if (other.relation !== 'on') return fits(mine, other.judge) ? MERGE_SIMILARITY : CONFLICT_SIMILARITY;
  // An ambiguous `other` with no reading that nests with `mine` is left none, and keeps its first.
  const theirs = other.ambiguous && other.readings.some((r) => contains(r, mine.reading)) ? mine : other.judge;
  if (contains(mine.reading, theirs.reading)) return MERGE_SIMILARITY;
  return near(mine, theirs) ? CONFLICT_SIMILARITY : Infinity;
}

/**
 * `similarityNeeded` for candidates by number, read from their table. For
 * two candidates certainly dated on calendar readings (`dated`) it comes
 * down to day arithmetic, done on flat arrays: such readings nest when their
 * days do, and the coarser of two has the wider `NEAR_DAYS`.
 */
export function similarityNeeds(table: CandidateTable, dated: readonly (string | undefined)[]): (i: number, j: number) => number {
  const { dates, scheduled, clause, place } = table;
  const calendar = Uint8Array.from(dated, (r) => Number(r !== undefined));
  const from = Int32Array.from(dates, (c) => c.judge.from);
  const to = Int32Array.from(dates, (c) => c.judge.to);
  const within = Int32Array.from(dated, (r) => (r === undefined ? 0 : NEAR_DAYS[precisionOf(r)]));
  return (i, j) => {
    if (scheduled[i] !== scheduled[j] || clause[i] === clause[j] || place[i] === place[j]) return Infinity;
    if (!calendar[i] || !calendar[j]) return datesNeed(dates[i] as CandidateDates, dates[j] as CandidateDates);
    const fi = from[i] ?? 0;
    const ti = to[i] ?? 0;
    const fj = from[j] ?? 0;
    const tj = to[j] ?? 0;
    if ((fi <= fj && tj <= ti) || (fj <= fi && ti <= tj)) return MERGE_SIMILARITY;
    return Math.max(0, fj - ti - 1, fi - tj - 1) <= Math.max(within[i] ?? 0, within[j] ?? 0) ? CONFLICT_SIMILARITY : Infinity;
  };
}
