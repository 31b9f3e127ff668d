/**
 * Merging: which candidate citations tell the same event, and which of them
 * its title supports.
 *
 * Takes the candidates, the similar pairs (event-pairs.ts) and vectors of
 * event-similarity.ts; returns groups of candidates, each one event
 * (`mergeGroups`), then the events a group tells once every citation is held
 * to its title (`supported`). Merging is agglomerative with average linkage:
 * pairs are taken from most to least similar, and two groups join only when
 * their joined dates still agree (event-dating.ts; a very similar pair may
 * join dates that disagree a little, flagged as a conflict) and the mean
 * similarity across the two groups reaches `MERGE_SIMILARITY`, so a chain of
 * pairwise-similar clauses cannot drift into one event about several things.
 * A citation that shares fewer than `MIN_SUPPORT` words with its event's
 * title stands as an event of its own: a reader never finds a sentence about
 * something else under a title.
 *
 * Pure and deterministic: ties are broken by candidate position.
 */
import { addFacts, factCount, factsOf, judgeDates, judgeJoin, type Group } from './event-dating.ts';
import { buildEvent } from './event-building.ts';
import type { TimelineEvent } from './event-schema.ts';
import { CONFLICT_SIMILARITY, MERGE_SIMILARITY } from './event-similarity.ts';
import type { Pairs } from './event-pairs.ts';
import type { Candidate, CandidateDates, EventStats, Vectors } from './event-types.ts';
import { substantiveWords } from './text-words.ts';
import { trimTitle } from './titling.ts';

/** Candidate k's TF-IDF vector scaled to length 1, by token id. */
export function unitVector(vectors: Vectors, k: number): Map<number, number> {
  const from = vectors.start[k] ?? 0;
  const to = vectors.start[k + 1] ?? from;
  const norm = Math.sqrt(vectors.norm2[k] ?? 0) || 1;
  const v = new Map<number, number>();
  for (let t = from; t < to; t++) {
    const id = vectors.ids[t] ?? 0;
    v.set(id, (v.get(id) ?? 0) + (vectors.weight[id] ?? 0) / norm);
  }
  return v;
}

/**
 * Groups the candidates (given by their dates) agglomeratively: pairs are
 * taken from most to least similar (ties by position; `Pairs.inMergeOrder`,
 * which lets the pairs go), and two groups join when their joined dates still
 * agree or, for a pair at least `CONFLICT_SIMILARITY` similar, disagree only
 * by a little. Groups are union-find trees whose roots hold the groups' date
 * facts, so a merge costs the two groups' distinct dates. Returns groups of
 * candidate positions, in order of their first candidate, each in candidate
 * order.
 *
 * Only groups of more than one candidate hold state of their own: a lone
 * candidate's date facts are those of every lone candidate with the same
 * `dates` object (shared until it takes in another group), and its vector sum
 * is read from `vectors` (whose tokens per candidate are distinct).
 */
export function mergeGroups(dates: readonly CandidateDates[], pairs: Pairs, vectors: Vectors, stats: EventStats): number[][] {
  const count = dates.length;
  const parent = Int32Array.from({ length: count }, (_, k) => k);
  const find = (k: number): number => {
    let root = k;
    while (parent[root] !== root) root = parent[root] ?? root;
    for (let at = k; at !== root; ) {
      const up = parent[at] ?? root;
      parent[at] = root;
      at = up;
    }
    return root;
  };
  const lone = new Map<CandidateDates, Group>();
  const loneGroup = (k: number): Group => {
    const d = dates[k]!;
    let g = lone.get(d);
    if (g === undefined) {
      const facts = factsOf([d]);
      const { conflict, allNear } = judgeDates([facts]);
      g = { facts, conflict, allNear };
      lone.set(d, g);
    }
    return g;
  };
  // The groups of more than one candidate, at their roots.
  const groups: (Group | undefined)[] = new Array<Group | undefined>(count);
  // Each group's sum of its members' unit vectors: the dot product of two sums over the product of the sizes is the
  // mean similarity of every pair across the two groups (average linkage), so a chain of pairwise-similar clauses
  // cannot drift into one event whose citations talk about other things. A lone candidate's sum is its unit vector.
  const sums: (Map<number, number> | undefined)[] = new Array<Map<number, number> | undefined>(count);
  const sumOf = (r: number): Map<number, number> => sums[r] ?? unitVector(vectors, r);
  const sumSize = (r: number): number => sums[r]?.size ?? (vectors.start[r + 1] ?? 0) - (vectors.start[r] ?? 0);
  const sizes = new Int32Array(count).fill(1);
  const meanSimilarity = (a: number, b: number): number => {
    const [s, l] = sumSize(a) <= sumSize(b) ? [a, b] : [b, a];
    const large = sumOf(l);
    let dot = 0;
    const small = sums[s];
    if (small) for (const [id, w] of small) dot += w * (large.get(id) ?? 0);
    else {
      // A lone candidate's unit vector, entry by entry as `unitVector` makes it.
      const norm = Math.sqrt(vectors.norm2[s] ?? 0) || 1;
      for (let t = vectors.start[s] ?? 0; t < (vectors.start[s + 1] ?? 0); t++) {
        const id = vectors.ids[t] ?? 0;
        dot += ((vectors.weight[id] ?? 0) / norm) * (large.get(id) ?? 0);
      }
    }
    return dot / ((sizes[a] ?? 1) * (sizes[b] ?? 1));
  };
  pairs.inMergeOrder((i, j, sim) => {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) return;
    const g = groups[ri] ?? loneGroup(ri);
    const h = groups[rj] ?? loneGroup(rj);
    stats.judged += 1;
    const verdict = judgeJoin(g, h);
    if (verdict.conflict && !(sim >= CONFLICT_SIMILARITY && verdict.allNear)) return;
    if ((sizes[ri] ?? 1) + (sizes[rj] ?? 1) > 2 && meanSimilarity(ri, rj) < MERGE_SIMILARITY) return;
    // The root with more facts takes in the other's (a lone candidate's shared facts are copied first).
    const [root, child] = factCount(g.facts) >= factCount(h.facts) ? [ri, rj] : [rj, ri];
    const kept = groups[root] ?? { ...loneGroup(root), facts: factsOf([dates[root]!]) };
    addFacts(kept.facts, (root === ri ? h : g).facts);
    groups[root] = kept;
    groups[child] = undefined;
    // The larger sum takes in the smaller.
    const sr = sumOf(root);
    const sc = sumOf(child);
    const [into, from] = sr.size >= sc.size ? [sr, sc] : [sc, sr];
    for (const [id, w] of from) into.set(id, (into.get(id) ?? 0) + w);
    sums[root] = into;
    sums[child] = undefined;
    sizes[root] = (sizes[root] ?? 1) + (sizes[child] ?? 1);
    kept.conflict = verdict.conflict;
    kept.allNear = verdict.allNear;
    parent[child] = root;
  });
  // Average linkage bounds a merge's mean similarity, not each member's: a citation whose mean similarity to the
  // rest of its group is under half the merge threshold talks about something else, and stands as its own event.
  const members = new Map<number, number[]>();
  for (let k = 0; k < count; k++) {
    const root = find(k);
    const list = members.get(root);
    if (list) list.push(k);
    else members.set(root, [k]);
  }
  const out: number[][] = [];
  for (const [root, ks] of members) {
    const sum = sums[root];
    if (ks.length < 3 || !sum) {
      out.push(ks);
      continue;
    }
    const kept: number[] = [];
    for (const k of ks) {
      const v = unitVector(vectors, k);
      let dot = 0;
      let self = 0;
      for (const [id, w] of v) {
        dot += w * (sum.get(id) ?? 0);
        self += w * w;
      }
      const meanToOthers = (dot - self) / (ks.length - 1);
      if (meanToOthers < MERGE_SIMILARITY / 2) out.push([k]);
      else kept.push(k);
    }
    if (kept.length > 0) out.push(kept);
  }
  // In order of each group's first candidate, as the callers expect.
  return out.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** Content words a citation's sentence must share with its event's title to stay in the event. */
export const MIN_SUPPORT = 2;

/**
 * The event a group tells, and any citation its title leaves unsupported as
 * an event of its own, until every title holds: every citation listed under
 * a title shares at least `MIN_SUPPORT` content words with it, so a reader
 * never finds a sentence about something else under it (similar words
 * elsewhere in two sentences can join them; the title says what the event
 * is).
 */
export function supported(cs: readonly Candidate[], words: Map<Candidate, Set<string>> = new Map()): Omit<TimelineEvent, 'id'>[] {
  const event = buildEvent(cs);
  if (cs.length < 2) return [event];
  const giver = cs.find((c) => event.summary === trimTitle(c.summary) || event.summary === trimTitle(c.sentence));
  const title = supportWords(event.summary, giver?.names ?? []);
  // A citation's own words do not change with the title: each is read once however often the title is remade.
  const wordsOf = (c: Candidate): Set<string> => {
    let w = words.get(c);
    if (w === undefined) {
      w = supportWords(c.sentence, c.names);
      words.set(c, w);
    }
    return w;
  };
  const verdict = cs.map((c): boolean => {
    let shared = 0;
    for (const w of wordsOf(c)) if (title.has(w) && ++shared >= MIN_SUPPORT) return true;
    return false;
  });
  const kept = cs.filter((_, k) => verdict[k]);
  if (kept.length === cs.length || !kept.some((c) => c.relation === 'on')) return [event];
  // The kept citations may be titled by another sentence: they must support that title in turn.
  return [...supported(kept, words), ...cs.filter((c, k) => !verdict[k] && c.relation === 'on').map((c) => buildEvent([c]))];
}

/**
 * The words a text says something with, for judging support: its
 * `substantiveWords`, with each entity it names counted once by its id
 * however it is named ("Pyongyang" and "North Korea" are one word;
 * "Michael Jackson" is one word, not two).
 */
export function supportWords(text: string, names: readonly { text: string; entity: string }[]): Set<string> {
  let rest = text;
  const ids: string[] = [];
  for (const n of [...names].sort((a, b) => b.text.length - a.text.length)) {
    if (!rest.includes(n.text)) continue;
    rest = rest.split(n.text).join(' ');
    ids.push(`@${n.entity}`);
  }
  return new Set([...substantiveWords(rest), ...ids]);
}
