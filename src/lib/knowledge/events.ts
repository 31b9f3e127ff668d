/**
 * Events: the dated statements a topic timeline is made of.
 *
 * Every event starts from a time the ingest found in an article's body
 * (`data.temporal`, already resolved against the publication date): the
 * clause around it, cut from its sentence, says what happened; the temporal
 * says when, to its precision. Two general rules of English add evidence the
 * temporals alone do not give:
 *
 * - "the one-year anniversary of X" in a sentence (or paragraph) dated D puts
 *   X in the year of D less N; only the year, since anniversaries are marked
 *   near, not on, the day;
 * - "… in D, shortly after signing X" puts X on or before D (and "before
 *   signing X" on or after D): a bound, never a date by itself.
 *
 * The same event told by several articles (or twice in one) is merged when the
 * clauses share enough rare content words (TF-IDF cosine over a light stem of
 * each word, with British and American spellings and a few news synonyms
 * folded, and entity ids when the caller passes entity mentions) and the dates
 * agree (one reading contains the other, or an ambiguous reading is among the
 * candidates). Dates that disagree but lie close together are merged only on
 * much stronger textual evidence, and then the event is flagged `conflict`
 * with every date and its citations: no date is ever picked silently.
 *
 * An ambiguous reading (a month in a past-perfect clause: June 2025 or June
 * 2024) is settled only by the other citations of the same event, and the
 * event says which sentence settled it. Unsettled ambiguity never becomes a
 * date.
 *
 * Skipped: temporals with precision `unknown` and no candidates, speculative
 * references ("could send troops as early as this month") and references to
 * the future, unless the sentence states a schedule ("are scheduled to meet
 * next week"), which is kept and marked `scheduled`.
 *
 * Pure and deterministic: no I/O, no clock; the same articles give the same
 * events in the same order.
 */
import { DATE_PATTERN, precisionOf, type Article, type Temporal } from '../schema.ts';
import { isFurnitureSentence, isStamp } from './furniture.ts';
import { chooseTitle, trimTitle } from './titling.ts';
import { assignSlugs, slugify } from '../ingest/slug.ts';

import { clauseAround, finishSummary, SCHEDULED, SPECULATIVE, type Clause } from './clauses.ts';
import { commonPrefix, contains, datedOf, DAY_MS, gapDays, near, NEAR_DAYS, rangeOf, type DayRange, type Dated } from './event-calendar.ts';
import type { EntityMentionInput, EventArticle, EventCitation, EventDate, ResolvedBy, TimelineEvent } from './event-schema.ts';
import { bodyParagraphs, contentWords, splitSentences } from './text-words.ts';

export * from './event-schema.ts';
export * from './text-words.ts';
export { clauseAround, type Clause } from './clauses.ts';

// ---------------------------------------------------------------------------
// Candidate citations

interface Candidate {
  key: string;
  article: string;
  published: string | undefined;
  paragraph: number;
  sentence: string;
  temporal: string;
  clause: string;
  summary: string;
  /** Readings the text allows: one when it is certain. */
  readings: string[];
  ambiguous: boolean;
  relation: 'on' | 'on-or-before' | 'on-or-after';
  rule: string;
  derived: boolean;
  note: string | undefined;
  scheduled: boolean;
  news: boolean;
  tokens: Set<string>;
  /** The entity names its sentence holds (surface words and entity id), for `supportWords`. */
  names: readonly { text: string; entity: string }[];
  /** `readings` with the days each covers. */
  spans: Dated[];
  /** The first reading, with its relation: what this citation holds others to. */
  judge: Judge;
}

/** Where the temporal's sentence and words stand in the paragraph text; offsets are the sentence's. */
function locate(t: Temporal, paragraph: string | undefined): { sentence: string; start: number; end: number } {
  const sentence = t.sentence;
  if (paragraph !== undefined && paragraph.slice(t.start, t.end) === t.text) {
    for (let i = paragraph.indexOf(sentence); i >= 0; i = paragraph.indexOf(sentence, i + 1)) {
      if (t.start >= i && t.end <= i + sentence.length) return { sentence, start: t.start - i, end: t.end - i };
    }
  }
  const i = sentence.indexOf(t.text);
  return { sentence, start: Math.max(0, i), end: Math.max(0, i) + t.text.length };
}

/** The publication date's first and last day, when known. */
function publishedRange(a: Article): DayRange | undefined {
  return a.published.date === undefined ? undefined : rangeOf(a.published.date);
}

const ORDINALS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, twentieth: 20, thirtieth: 30, fiftieth: 50, hundredth: 100,
};

const ANNIVERSARY = /\b(?:(\d+|[a-z]+)[- ]year|(\d+)(?:st|nd|rd|th)|([a-z]+(?:st|nd|rd|th)))\s+anniversary\s+of\s+([^,;:—–]+?)(?=[,;:—–]|\.?$)/i;

const AFTER_BEFORE = /,\s*(?:(?:shortly|soon|just|only|immediately|days|weeks|months|a\s+(?:day|week|month|few\s+\w+))\s+)?(after|before)\s+(\p{Ll}+ing\b[^,;:—–]*?)(?=[,;:—–]|\.?$)/u;

/** Entity mentions by article id, then by 1-based paragraph, each list in the caller's order. */
type MentionIndex = ReadonlyMap<string, ReadonlyMap<number, readonly EntityMentionInput[]>>;

function indexMentions(mentions: readonly EntityMentionInput[]): MentionIndex {
  const out = new Map<string, Map<number, EntityMentionInput[]>>();
  for (const m of mentions) {
    const byBlock = out.get(m.article) ?? new Map<number, EntityMentionInput[]>();
    out.set(m.article, byBlock);
    const list = byBlock.get(m.block);
    if (list) list.push(m);
    else byBlock.set(m.block, [m]);
  }
  return out;
}

/** The citations an article may give, in body order; `paragraphs` are its `bodyParagraphs`, `sentences` theirs by `splitSentences`. */
function candidatesOf(article: EventArticle, paragraphs: readonly string[], sentences: readonly (readonly string[])[], mentions: MentionIndex): Candidate[] {
  const published = article.data.published.date;
  const pubRange = publishedRange(article.data);
  const out: Omit<Candidate, 'spans' | 'judge'>[] = [];
  const mentioned = mentions.get(article.id);
  const entityTokens = (paragraph: number, text: string): string[] =>
    (mentioned?.get(paragraph) ?? []).filter((m) => text.includes(m.text)).map((m) => `@${m.entity}`);
  const base = (paragraph: number, sentence: string, temporal: string, clause: Clause, rule: string) => ({
    names: (mentioned?.get(paragraph) ?? []).filter((m) => sentence.includes(m.text)).map((m) => ({ text: m.text, entity: m.entity })),
    article: article.id,
    published,
    paragraph,
    sentence,
    temporal,
    clause: clause.text,
    summary: clause.summary,
    rule,
    tokens: new Set([...contentWords(clause.text.replace(temporal, ' ')), ...entityTokens(paragraph, clause.text)]),
  });

  // Temporal expressions, in body order.
  const dated: { paragraph: number; sentence: string; reading: string }[] = [];
  article.data.temporal.forEach((t, index) => {
    if (t.rule === 'anaphoric') return;
    const all = t.candidates.length ? [...t.candidates] : t.date !== undefined ? [t.date] : [];
    if (all.length === 0) return;
    const paragraph = t.block + 1;
    const loc = locate(t, paragraphs[t.block]);
    // A comment's or an update's post stamp dates the post, not an event; comment furniture is no citation.
    if (isFurnitureSentence(loc.sentence) || isStamp(loc.sentence, loc.start, loc.end)) return;
    const clause = clauseAround(loc.sentence, loc.start, loc.end);
    // A sentence that is only its date ("29 November.") tells no event.
    if (clause.summary === '') return;
    const scheduled = SCHEDULED.test(loc.sentence);
    const isFuture = (r: string): boolean => pubRange !== undefined && rangeOf(r).from > pubRange.to;
    const future = all.every(isFuture);
    // Unless a schedule is stated, a reading wholly after publication is not a reading of something that happened.
    const readings = scheduled || future ? all : all.filter((r) => !isFuture(r));
    const speculative = SPECULATIVE.test(clause.governing);
    if ((future || speculative) && !scheduled) return;
    const firstRange = rangeOf(readings[0] ?? '1970');
    const news =
      paragraph <= 2 &&
      readings.length === 1 &&
      precisionOf(readings[0] ?? '') === 'day' &&
      pubRange !== undefined &&
      firstRange.from <= pubRange.to &&
      firstRange.from >= pubRange.from - 7;
    // A schedule the sentence states, for a time not wholly past at publication.
    const isScheduled = scheduled && pubRange !== undefined && rangeOf(readings[0] ?? '').to > pubRange.to;
    const c: Omit<Candidate, 'spans' | 'judge'> = {
      key: `${article.id}#${index}`,
      ...base(paragraph, loc.sentence, t.text, clause, t.rule),
      readings,
      ambiguous: readings.length > 1,
      relation: 'on',
      derived: false,
      note: t.note,
      scheduled: isScheduled,
      news,
    };
    out.push(c);
    if (readings.length === 1 && !c.scheduled) dated.push({ paragraph, sentence: loc.sentence, reading: readings[0] ?? '' });

    // "…in August 2024, shortly after signing X": X on or before August 2024.
    const tail = loc.sentence.slice(loc.end);
    const ab = readings.length === 1 && !c.scheduled ? AFTER_BEFORE.exec(tail) : null;
    if (ab && ab[1] && ab[2] && ab.index === tail.search(/,/)) {
      const phrase = ab[2].trim();
      const after = ab[1].toLowerCase() === 'after';
      const reading = readings[0] ?? '';
      out.push({
        key: `${article.id}#${index}:${ab[1]}`,
        ...base(paragraph, loc.sentence, t.text, { text: phrase, summary: finishSummary(phrase), governing: '' }, after ? 'after-clause' : 'before-clause'),
        readings: [reading],
        ambiguous: false,
        relation: after ? 'on-or-before' : 'on-or-after',
        derived: true,
        note: `The sentence dates another event to ${reading} and places this one ${after ? 'before' : 'after'} it.`,
        scheduled: false,
        news: false,
      });
    }
  });

  // "…marked the one-year anniversary of X": X in the year of the sentence's date, less N.
  paragraphs.forEach((text, i) => {
    const paragraph = i + 1;
    for (const sentence of sentences[i] ?? []) {
      const m = ANNIVERSARY.exec(sentence);
      if (!m || !m[4]) continue;
      const n = Number(m[1] ?? m[2] ?? NaN) || ORDINALS[(m[1] ?? m[3] ?? '').toLowerCase()];
      if (!n) continue;
      const offset = text.indexOf(sentence);
      const own = article.data.temporal.filter((t) => t.block === i && t.sentence === sentence && t.candidates.length === 0 && t.date !== undefined);
      const earlier = dated.filter((d) => d.paragraph === paragraph && text.indexOf(d.sentence) < offset);
      const ref = own.length ? { reading: own[0]?.date ?? '', sentence } : earlier.length ? earlier[earlier.length - 1] : undefined;
      if (!ref || !ref.reading) continue;
      const year = Number(ref.reading.slice(0, 4)) - n;
      const phrase = m[4].trim();
      out.push({
        key: `${article.id}#anniversary:${paragraph}:${offset}`,
        ...base(paragraph, sentence, m[0].slice(0, m[0].toLowerCase().indexOf('anniversary') + 'anniversary'.length), { text: phrase, summary: finishSummary(phrase), governing: '' }, 'anniversary'),
        readings: [String(year)],
        ambiguous: false,
        relation: 'on',
        derived: true,
        note: `An anniversary of ${n} year${n === 1 ? '' : 's'} marked in ${ref.reading}${ref.sentence === sentence ? '' : ' (the date of the sentence before)'} puts it in ${year}; only the year, as anniversaries are marked near the day, not always on it.`,
        scheduled: false,
        news: false,
      });
    }
  });
  // Words cut from a sentence can come to nothing (an anniversary "of ."): such a citation says nothing.
  return out.filter((c) => c.summary !== '').map((c) => {
    const spans = c.readings.map(datedOf);
    return { ...c, spans, judge: { relation: c.relation, ...(spans[0] ?? datedOf('')) } };
  });
}

// ---------------------------------------------------------------------------
// Similarity

/** Share of an event's reporting articles whose date settles a conflict by majority. */
export const MAJORITY_SHARE = 0.75;
/** Fewest articles that settle a conflict by majority. */
export const MAJORITY_MIN = 3;

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

/**
 * The candidates' content tokens, numbered, for cosine similarity with each
 * token weighted by its inverse document frequency (`weight`, by number).
 * Candidate k's tokens are `ids[start[k]]` to `ids[start[k + 1] - 1]`, in the
 * order of its token set; sums run over the earlier candidate's tokens in
 * that order, so a cosine comes out the same to the last bit however its pair
 * was found.
 */
interface Vectors {
  start: Int32Array;
  ids: Int32Array;
  weight: Float64Array;
  /** Each candidate's sum of squared weights, in token order. */
  norm2: Float64Array;
}

/** Slack for rounding in the bounds of `similarPairs`: a bound this close to the threshold counts as reaching it. */
const BOUND_SLACK = 1e-9;

/** The day's date, `YYYY-MM-DD`. */
function civilDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True for a reading whose first day is spelled with it, as `readingsAround` spells readings (not 2024-02-30, nor 0024, which `rangeOf` reads as 1924). */
function isCalendarReading(reading: string): boolean {
  return DATE_PATTERN.test(reading) && civilDate(rangeOf(reading).from).startsWith(reading);
}

/**
 * The certain readings that a citation certainly dated `reading` can share a
 * group with: of its precision or coarser, containing it or lying near it
 * (two certain readings that neither nest nor lie near make any group holding
 * both a conflict too wide to merge). `wider`: the coarser readings that
 * contain it; `level`: the rest, itself and its near neighbours.
 */
function readingsAround(reading: string): { level: string[]; wider: string[] } {
  const own = datedOf(reading);
  const level: string[] = [];
  const wider: string[] = [];
  const take = (other: string, within: number): void => {
    if (gapDays(own, rangeOf(other)) > within) return;
    if (other.length < reading.length && contains(other, reading)) wider.push(other);
    else level.push(other);
  };
  const window = (within: number): [string, string] => [civilDate(own.from - within - 1), civilDate(own.to + within + 1)];
  const precision = precisionOf(reading);
  const [y0, y1] = window(NEAR_DAYS.year);
  for (let y = Number(y0.slice(0, 4)); y <= Number(y1.slice(0, 4)); y++) take(String(y).padStart(4, '0'), NEAR_DAYS.year);
  if (precision !== 'year') {
    const [m0 = 0, m1 = -1] = window(NEAR_DAYS.month).map((d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1);
    for (let k = m0; k <= m1; k++) take(`${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`, NEAR_DAYS.month);
  }
  if (precision === 'day') {
    for (let day = own.from - NEAR_DAYS.day - 1; day <= own.to + NEAR_DAYS.day + 1; day++) take(civilDate(day), NEAR_DAYS.day);
  }
  return { level, wider };
}

/** Which precisions are indexed first: a citation meets coarser readings and its own, so each pair is met once. */
const INDEX_ORDER = { year: 0, month: 1, day: 2 } as const;

/** Pairs of candidates (i < j, by position) with their cosine, in parallel arrays. */
interface Pairs {
  i: number[];
  j: number[];
  sim: number[];
}

/** Blocks searched together, and whether they hold readings wider than the searcher's. */
interface Round {
  blocks: number[];
  wider: boolean;
}

/** A pair one vector proposes: the other vector, the cosine, and whether it was found under a wider reading. */
interface Proposal {
  other: number;
  sim: number;
  wider: boolean;
}

/** The pairs a vector proposes, at most `MAX_PROPOSED`: those found under its own level first, then the most similar. */
function chosen(proposals: readonly Proposal[]): readonly Proposal[] {
  if (proposals.length <= MAX_PROPOSED) return proposals;
  const level = proposals.filter((p) => !p.wider);
  if (level.length >= MAX_PROPOSED) return mostSimilar(level, MAX_PROPOSED);
  return [...level, ...mostSimilar(proposals.filter((p) => p.wider), MAX_PROPOSED - level.length)];
}

/** The `n` most similar proposals, ties taken in the order given (a stable sort's first `n`), in the order given. */
function mostSimilar(proposals: readonly Proposal[], n: number): Proposal[] {
  if (proposals.length <= n) return [...proposals];
  const sims = new Float64Array(proposals.length);
  proposals.forEach((p, k) => {
    sims[k] = p.sim;
  });
  const cut = kthSmallest(sims, proposals.length - n);
  let ties = n - proposals.filter((p) => p.sim > cut).length;
  return proposals.filter((p) => p.sim > cut || (p.sim === cut && ties-- > 0));
}

/** The k-th smallest of `values` (from 0), found by Hoare's selection, which reorders them. */
function kthSmallest(values: Float64Array, k: number): number {
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
function similarPairs(
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
  const prefixes = Array.from({ length: count }, (_, k) => {
    const ranked = [...tokensOf(k)].sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0));
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
    return ranked.slice(0, end);
  });

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
  const probes = Array.from({ length: count }, (_, k) => k).sort((x, y) => indexOrder(dated[x]) - indexOrder(dated[y]) || x - y);

  const inBlock = new Map<number, number[]>();
  const anywhere: number[][] = Array.from(weight, () => []);
  const seen = new Int32Array(count).fill(-1);
  // The tokens of the vector being compared, marked with its number; and a partner's, marked with a fresh number each time.
  const mark = new Int32Array(weight.length).fill(-1);
  const partnerMark = new Int32Array(weight.length).fill(-1);
  let stamp = 0;
  const out: Pairs = { i: [], j: [], sim: [] };
  for (const q of probes) {
    const mine = tokensOf(q);
    for (const id of mine) mark[id] = q;
    const prefix = prefixes[q] ?? [];
    const reading = dated[q];
    // The posting lists to read, round by round, rarest token first within a round.
    const lists =
      reading === undefined
        ? [{ wider: false, lists: prefix.map((id) => anywhere[id] ?? []) }]
        : roundsOf(reading).map(({ blocks, wider }) => ({ wider, lists: prefix.flatMap((id) => blocks.map((b) => inBlock.get(b * weight.length + id) ?? [])) }));
    const proposals: Proposal[] = [];
    let compared = 0;
    for (const round of lists) {
      // Pairs under wider readings come after every pair of its level, so with enough of those they would not be proposed.
      if (round.wider && proposals.length >= MAX_PROPOSED) break;
      for (const list of round.lists) {
        for (let k = 0; k < list.length && compared < MAX_COMPARED; k++) {
          const p = list[k] ?? q;
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
              if (mark[id] !== q) continue;
              const x = weight[id] ?? 1;
              dot += x * x;
            }
          } else {
            stamp += 1;
            for (let t = start[p] ?? 0; t < (start[p + 1] ?? 0); t++) partnerMark[ids[t] ?? 0] = stamp;
            for (const id of mine) {
              if (partnerMark[id] !== stamp) continue;
              const x = weight[id] ?? 1;
              dot += x * x;
            }
          }
          const np = norm2[p] ?? 0;
          const nq = norm2[q] ?? 0;
          const sim = np && nq ? dot / Math.sqrt(np * nq) : 0;
          if (sim >= wanted) proposals.push({ other: p, sim, wider: round.wider });
        }
      }
    }
    stats.comparisons += compared;
    if (compared === MAX_COMPARED || proposals.length >= MAX_PROPOSED) stats.capped += 1;
    for (const { other, sim } of chosen(proposals)) {
      out.i.push(Math.min(other, q));
      out.j.push(Math.max(other, q));
      out.sim.push(sim);
    }
    const own = reading === undefined ? undefined : block.get(reading);
    for (const id of prefix) {
      anywhere[id]?.push(q);
      if (own === undefined) continue;
      const key = own * weight.length + id;
      const list = inBlock.get(key);
      if (list) list.push(q);
      else inBlock.set(key, [q]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Dates of a group

/** Something an ambiguous reading must agree with: a certain reading (`on`) or a bound. */
interface Judge extends Dated {
  relation: Candidate['relation'];
}

/** True when `reading` agrees with the judge: contains or lies in its date, or on the right side of its bound. */
function fits(reading: Dated, judge: Judge): boolean {
  if (judge.relation === 'on') return contains(reading.reading, judge.reading);
  return judge.relation === 'on-or-before' ? reading.from <= judge.to : reading.to >= judge.from;
}

/**
 * All a group's citations say about its dates: the distinct readings of its
 * certain citations, its distinct bounds, and the distinct reading lists of
 * its ambiguous citations. Repeats add nothing to a judgement, so judging the
 * facts is judging the group, at the cost of its distinct dates.
 */
interface DateFacts {
  certain: Dated[];
  bounds: Judge[];
  /** Each with its `readingsKey`. */
  ambiguous: { key: string; readings: readonly Dated[] }[];
  /** A key for each entry above (its relation and reading or readings), so none is held twice. */
  held: Set<string>;
}

/** The key of an ambiguous citation's reading list. */
function readingsKey(c: Candidate): string {
  return c.readings.join(' ');
}

function emptyFacts(): DateFacts {
  return { certain: [], bounds: [], ambiguous: [], held: new Set() };
}

/** Adds `from`'s facts to `into`'s, each once. */
function addFacts(into: DateFacts, from: DateFacts): void {
  for (const d of from.certain) {
    if (into.held.has(`on ${d.reading}`)) continue;
    into.held.add(`on ${d.reading}`);
    into.certain.push(d);
  }
  for (const b of from.bounds) {
    if (into.held.has(`${b.relation} ${b.reading}`)) continue;
    into.held.add(`${b.relation} ${b.reading}`);
    into.bounds.push(b);
  }
  for (const a of from.ambiguous) {
    if (into.held.has(`either ${a.key}`)) continue;
    into.held.add(`either ${a.key}`);
    into.ambiguous.push(a);
  }
}

function factsOf(cs: readonly Candidate[]): DateFacts {
  const facts = emptyFacts();
  for (const c of cs) {
    const one = emptyFacts();
    if (c.relation !== 'on') one.bounds.push(c.judge);
    else if (c.ambiguous) one.ambiguous.push({ key: readingsKey(c), readings: c.spans });
    else one.certain.push(c.spans[0] ?? datedOf(''));
    addFacts(facts, one);
  }
  return facts;
}

function factCount(f: DateFacts): number {
  return f.held.size;
}

/** How an ambiguous reading list came out: the readings every judge allows, and the reading taken. */
interface Settlement {
  left: string[];
  /** The one reading left; the first reading when none is left (a conflict); else what the readings left share, if anything. */
  reading: string | undefined;
}

interface DateVerdict {
  conflict: boolean;
  /** Readings that disagree, all close together. */
  allNear: boolean;
}

/**
 * Settles the dates of a group of citations, given as the union of `parts`:
 * certain readings stand; an ambiguous one keeps the candidates that agree
 * with every certain reading and bound of the group (one left: settled; none
 * left: a conflict); then every reading must contain or lie in every other
 * (else a conflict, near or not) and keep to every bound (else a conflict).
 */
function judgeDates(parts: readonly DateFacts[]): DateVerdict & { settled: Map<string, Settlement> } {
  const facts = emptyFacts();
  for (const p of parts) addFacts(facts, p);
  const judges: Judge[] = [...facts.certain.map((r): Judge => ({ relation: 'on', ...r })), ...facts.bounds];
  const settled = new Map<string, Settlement>();
  const readings = new Map(facts.certain.map((d) => [d.reading, d]));
  let conflict = false;
  for (const { key, readings: list } of facts.ambiguous) {
    const left = list.filter((r) => judges.every((j) => fits(r, j)));
    let reading: string | undefined;
    if (left.length === 1) reading = left[0]?.reading;
    else if (left.length === 0) {
      conflict = true;
      reading = list[0]?.reading;
    } else reading = commonPrefix(left.map((r) => r.reading));
    settled.set(key, { left: left.map((r) => r.reading), reading });
    if (reading !== undefined && !readings.has(reading)) readings.set(reading, datedOf(reading));
  }
  const distinct = [...readings.values()];
  let allNear = true;
  distinct.forEach((a, i) => {
    for (const b of distinct.slice(i + 1)) {
      if (!contains(a.reading, b.reading)) {
        conflict = true;
        if (!near(a, b)) allNear = false;
      }
    }
    for (const b of facts.bounds) if (!fits(a, b)) conflict = true;
  });
  return { settled, conflict, allNear };
}

/**
 * The verdict on joining two groups, given each group's own. Without
 * ambiguous readings nothing is settled anew, so only the pairs across the
 * two groups are new; with them, the joined group is judged afresh.
 */
function judgeJoin(g: Group, h: Group): DateVerdict {
  if (g.facts.ambiguous.length || h.facts.ambiguous.length) return judgeDates([g.facts, h.facts]);
  let conflict = g.conflict || h.conflict;
  let allNear = g.allNear && h.allNear;
  for (const a of g.facts.certain) {
    for (const b of h.facts.certain) {
      if (contains(a.reading, b.reading)) continue;
      conflict = true;
      if (!near(a, b)) allNear = false;
    }
    for (const b of h.facts.bounds) if (!fits(a, b)) conflict = true;
  }
  for (const a of h.facts.certain) for (const b of g.facts.bounds) if (!fits(a, b)) conflict = true;
  return { conflict, allNear };
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
function similarityNeeded(a: Candidate, b: Candidate): number {
  if (a.scheduled !== b.scheduled) return Infinity;
  // A key starts with its article's id.
  if (a.article === b.article && (a.key === b.key || a.sentence === b.sentence)) return Infinity;
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
 * `similarityNeeded` for candidates by number. For two candidates certainly
 * dated on calendar readings (`dated`) it comes down to day arithmetic, done
 * on flat arrays: such readings nest when their days do, and the coarser of
 * two has the wider `NEAR_DAYS`.
 */
function similarityNeeds(candidates: readonly Candidate[], dated: readonly (string | undefined)[]): (i: number, j: number) => number {
  const numbers = (keys: readonly string[]): Int32Array => {
    const seen = new Map<string, number>();
    return Int32Array.from(keys, (k) => {
      const known = seen.get(k);
      if (known !== undefined) return known;
      seen.set(k, seen.size);
      return seen.size - 1;
    });
  };
  const key = numbers(candidates.map((c) => c.key));
  const place = numbers(candidates.map((c) => `${c.article}\n${c.sentence}`));
  const scheduled = Uint8Array.from(candidates, (c) => Number(c.scheduled));
  const calendar = Uint8Array.from(dated, (r) => Number(r !== undefined));
  const from = Int32Array.from(candidates, (c) => c.judge.from);
  const to = Int32Array.from(candidates, (c) => c.judge.to);
  const within = Int32Array.from(dated, (r) => (r === undefined ? 0 : NEAR_DAYS[precisionOf(r)]));
  return (i, j) => {
    if (!calendar[i] || !calendar[j]) return similarityNeeded(candidates[i] as Candidate, candidates[j] as Candidate);
    if (scheduled[i] !== scheduled[j] || key[i] === key[j] || place[i] === place[j]) return Infinity;
    const fi = from[i] ?? 0;
    const ti = to[i] ?? 0;
    const fj = from[j] ?? 0;
    const tj = to[j] ?? 0;
    if ((fi <= fj && tj <= ti) || (fj <= fi && ti <= tj)) return MERGE_SIMILARITY;
    return Math.max(0, fj - ti - 1, fi - tj - 1) <= Math.max(within[i] ?? 0, within[j] ?? 0) ? CONFLICT_SIMILARITY : Infinity;
  };
}

// ---------------------------------------------------------------------------
// Merging

/** Stronger evidence first: a direct certain date, a derived date, a bound; then finer precision, earlier report, id, paragraph. */
function byStrength(a: Candidate, b: Candidate): number {
  const rank = (c: Candidate): number => (c.relation !== 'on' ? 2 : c.derived ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    (b.readings[0]?.length ?? 0) - (a.readings[0]?.length ?? 0) ||
    compareDates(a.published, b.published) ||
    cmp(a.article, b.article) ||
    a.paragraph - b.paragraph
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Known dates first, earlier first. */
function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return cmp(a, b);
}

/**
 * The order in which pairs are tried: most similar first, then by i, then by
 * j (`count` bounds both). A stable radix sort, key by key from the last, so
 * it costs a few passes over the pairs however many there are.
 */
function mergeOrder(pairs: Pairs, count: number): Uint32Array {
  const n = pairs.sim.length;
  let order = Uint32Array.from({ length: n }, (_, k) => k);
  /** Orders the pairs stably by `digit[k]`, each below `buckets`. */
  const pass = (digit: ArrayLike<number>, buckets: number): void => {
    const at = new Uint32Array(buckets + 1);
    for (let k = 0; k < n; k++) {
      const d = (digit[k] ?? 0) + 1;
      at[d] = (at[d] ?? 0) + 1;
    }
    for (let b = 0; b < buckets; b++) at[b + 1] = (at[b + 1] ?? 0) + (at[b] ?? 0);
    const next = new Uint32Array(n);
    for (const k of order) {
      const d = digit[k] ?? 0;
      next[at[d] ?? 0] = k;
      at[d] = (at[d] ?? 0) + 1;
    }
    order = next;
  };
  pass(pairs.j, count);
  pass(pairs.i, count);
  // A similarity's bits, 16 at a time from the lowest: for numbers ≥ 0 they order as the numbers do, and flipped, the most similar comes first.
  const view = new DataView(new ArrayBuffer(8));
  const bits = [6, 4, 2, 0].map((offset) => ({ offset, digit: new Uint16Array(n) }));
  for (const { offset, digit } of bits) {
    for (let k = 0; k < n; k++) {
      view.setFloat64(0, pairs.sim[k] ?? 0);
      digit[k] = 0xffff - view.getUint16(offset);
    }
    pass(digit, 0x10000);
  }
  return order;
}

/** Candidate k's TF-IDF vector scaled to length 1, by token id. */
function unitVector(vectors: Vectors, k: number): Map<number, number> {
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

/** A group being merged: its date facts and its own verdict on them. */
interface Group extends DateVerdict {
  facts: DateFacts;
}

/**
 * Groups the candidates agglomeratively: pairs are taken from most to least
 * similar (ties by position), and two groups join when their joined dates
 * still agree or, for a pair at least `CONFLICT_SIMILARITY` similar, disagree
 * only by a little. Groups are union-find trees whose roots hold the groups'
 * date facts, so a merge costs the two groups' distinct dates. Groups come in
 * order of their first candidate, each in candidate order.
 */
function mergeGroups(candidates: readonly Candidate[], pairs: Pairs, vectors: Vectors, stats: EventStats): Candidate[][] {
  const parent = candidates.map((_, k) => k);
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
  const groups = candidates.map((c): Group => {
    const facts = factsOf([c]);
    const { conflict, allNear } = judgeDates([facts]);
    return { facts, conflict, allNear };
  });
  // Each group's sum of its members' unit vectors: the dot product of two sums over the product of the sizes is the
  // mean similarity of every pair across the two groups (average linkage), so a chain of pairwise-similar clauses
  // cannot drift into one event whose citations talk about other things.
  const sums = candidates.map((_, k) => unitVector(vectors, k));
  const sizes = candidates.map(() => 1);
  const meanSimilarity = (a: number, b: number): number => {
    const [small, large] = (sums[a]?.size ?? 0) <= (sums[b]?.size ?? 0) ? [sums[a], sums[b]] : [sums[b], sums[a]];
    let dot = 0;
    if (small && large) for (const [id, w] of small) dot += w * (large.get(id) ?? 0);
    return dot / ((sizes[a] ?? 1) * (sizes[b] ?? 1));
  };
  for (const k of mergeOrder(pairs, candidates.length)) {
    const sim = pairs.sim[k] ?? 0;
    const ri = find(pairs.i[k] ?? 0);
    const rj = find(pairs.j[k] ?? 0);
    const g = groups[ri];
    const h = groups[rj];
    if (ri === rj || !g || !h) continue;
    stats.judged += 1;
    const verdict = judgeJoin(g, h);
    if (verdict.conflict && !(sim >= CONFLICT_SIMILARITY && verdict.allNear)) continue;
    if ((sizes[ri] ?? 1) + (sizes[rj] ?? 1) > 2 && meanSimilarity(ri, rj) < MERGE_SIMILARITY) continue;
    // The root with more facts takes in the other's.
    const [root, child] = factCount(g.facts) >= factCount(h.facts) ? [ri, rj] : [rj, ri];
    const kept = root === ri ? g : h;
    addFacts(kept.facts, (root === ri ? h : g).facts);
    // The larger sum takes in the smaller.
    const [into, from] = (sums[root]?.size ?? 0) >= (sums[child]?.size ?? 0) ? [sums[root], sums[child]] : [sums[child], sums[root]];
    if (into && from) for (const [id, w] of from) into.set(id, (into.get(id) ?? 0) + w);
    if (into) sums[root] = into;
    sums[child] = new Map();
    sizes[root] = (sizes[root] ?? 1) + (sizes[child] ?? 1);
    kept.conflict = verdict.conflict;
    kept.allNear = verdict.allNear;
    parent[child] = root;
  }
  // Average linkage bounds a merge's mean similarity, not each member's: a citation whose mean similarity to the
  // rest of its group is under half the merge threshold talks about something else, and stands as its own event.
  const members = new Map<number, number[]>();
  candidates.forEach((_, k) => {
    const root = find(k);
    const list = members.get(root);
    if (list) list.push(k);
    else members.set(root, [k]);
  });
  const out: Candidate[][] = [];
  for (const [root, ks] of members) {
    const sum = sums[root];
    if (ks.length < 3 || !sum) {
      out.push(ks.map((k) => candidates[k]!));
      continue;
    }
    const kept: Candidate[] = [];
    for (const k of ks) {
      const v = unitVector(vectors, k);
      let dot = 0;
      let self = 0;
      for (const [id, w] of v) {
        dot += w * (sum.get(id) ?? 0);
        self += w * w;
      }
      const meanToOthers = (dot - self) / (ks.length - 1);
      if (meanToOthers < MERGE_SIMILARITY / 2) out.push([candidates[k]!]);
      else kept.push(candidates[k]!);
    }
    if (kept.length > 0) out.push(kept);
  }
  // In order of each group's first candidate, as the callers expect.
  const position = new Map(candidates.map((c, k) => [c, k]));
  return out.sort((a, b) => (position.get(a[0]!) ?? 0) - (position.get(b[0]!) ?? 0));
}

/** Content words a citation's sentence must share with its event's title to stay in the event. */
export const MIN_SUPPORT = 2;

/**
 * The event a group tells, and any citation its title leaves unsupported as
 * an event of its own: every citation listed under a title shares at least
 * `MIN_SUPPORT` content words with it, so a reader never finds a sentence
 * about something else under it (similar words elsewhere in two sentences
 * can join them; the title says what the event is).
 */
function supported(cs: readonly Candidate[]): Omit<TimelineEvent, 'id'>[] {
  const event = buildEvent(cs);
  if (cs.length < 2) return [event];
  const giver = cs.find((c) => event.summary === trimTitle(c.summary) || event.summary === trimTitle(c.sentence));
  const title = supportWords(event.summary, giver?.names ?? []);
  const supports = (c: Candidate): boolean => {
    let shared = 0;
    for (const w of supportWords(c.sentence, c.names)) if (title.has(w) && ++shared >= MIN_SUPPORT) return true;
    return false;
  };
  const kept = cs.filter(supports);
  if (kept.length === cs.length || !kept.some((c) => c.relation === 'on')) return [event];
  return [buildEvent(kept), ...cs.filter((c) => !supports(c) && c.relation === 'on').map((c) => buildEvent([c]))];
}

/**
 * The words a text says something with, for judging support: its content
 * words, with each entity it names counted once by its id however it is
 * named ("Pyongyang" and "North Korea" are one word; "Michael Jackson" is
 * one word, not two).
 */
function supportWords(text: string, names: readonly { text: string; entity: string }[]): Set<string> {
  let rest = text;
  const ids: string[] = [];
  for (const n of [...names].sort((a, b) => b.text.length - a.text.length)) {
    if (!rest.includes(n.text)) continue;
    rest = rest.split(n.text).join(' ');
    ids.push(`@${n.entity}`);
  }
  return new Set([...contentWords(rest), ...ids]);
}

export interface EventOptions {
  /** Entity mentions, when an entity stage has run: shared entities count as shared words. */
  mentions?: readonly EntityMentionInput[];
  /** When given, filled with counts of the work done (see `EventStats`). */
  stats?: EventStats;
}

/** Counts of the work `findEvents` did, for tests and benchmarks that watch how it grows. */
export interface EventStats {
  /** Citations considered: dated clauses, and the bounds and anniversaries derived from them. */
  candidates: number;
  /** Pairs of citations compared (all pairs would be candidates × (candidates − 1) / 2). */
  comparisons: number;
  /** Citations that reached `MAX_COMPARED` or had more than `MAX_PROPOSED` pairs to propose; while it is 0, every pair that could merge was tried. */
  capped: number;
  /** Pairs similar enough, with dates that allow it, to be tried as a merge. */
  pairs: number;
  /** Merges judged: pairs whose citations stood in different groups when their turn came. */
  judged: number;
}

/**
 * Every dated event the articles tell, merged across articles, earliest
 * first (ties by summary). Merging is agglomerative: pairs of citations are
 * taken from most to least similar, and two groups join when the pair is
 * similar enough and the joined group's dates still agree (or, for a very
 * similar pair, disagree only by a little, which flags the conflict). A group
 * that holds only bounds says nothing dated and is dropped. Each citation is
 * compared with at most `MAX_COMPARED` others, so the work grows linearly
 * with the citations (`options.stats` counts it).
 */
export function findEvents(articles: readonly EventArticle[], options: EventOptions = {}): TimelineEvent[] {
  const stats: EventStats = { candidates: 0, comparisons: 0, capped: 0, pairs: 0, judged: 0 };
  const mentions = indexMentions(options.mentions ?? []);
  const sorted = [...articles].sort((a, b) => cmp(a.id, b.id));
  const paragraphs = sorted.map((a) => bodyParagraphs(a.body));
  const sentences = paragraphs.map((ps) => ps.map(splitSentences));
  const candidates = sorted.flatMap((a, k) => candidatesOf(a, paragraphs[k] ?? [], sentences[k] ?? [], mentions));
  stats.candidates = candidates.length;

  // Inverse document frequency over every sentence of the corpus.
  const df = new Map<string, number>();
  let docs = 0;
  for (const s of sentences.flat(2)) {
    docs += 1;
    for (const w of new Set(contentWords(s))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const tokenNumber = new Map<string, number>();
  const weights: number[] = [];
  const tokenIds: number[] = [];
  const start = new Int32Array(candidates.length + 1);
  const norm2 = new Float64Array(candidates.length);
  candidates.forEach((c, k) => {
    for (const w of c.tokens) {
      let id = tokenNumber.get(w);
      if (id === undefined) {
        const n = df.get(w);
        id = weights.length;
        tokenNumber.set(w, id);
        weights.push(Math.log(1 + (n === undefined ? docs : docs / n)));
      }
      tokenIds.push(id);
      const x = weights[id] ?? 1;
      norm2[k] = (norm2[k] ?? 0) + x * x;
    }
    start[k + 1] = tokenIds.length;
  });
  const vectors: Vectors = { start, ids: Int32Array.from(tokenIds), weight: Float64Array.from(weights), norm2 };

  // A certain reading that names a calendar day, month or year blocks a candidate's comparisons; ambiguous readings, bounds and any other reading meet every candidate.
  const dated = candidates.map((c) => (c.relation === 'on' && !c.ambiguous && isCalendarReading(c.readings[0] ?? '') ? c.readings[0] : undefined));
  const pairs = similarPairs(vectors, dated, MERGE_SIMILARITY, similarityNeeds(candidates, dated), stats);
  stats.pairs = pairs.sim.length;

  const events: Omit<TimelineEvent, 'id'>[] = [];
  for (const cs of mergeGroups(candidates, pairs, vectors, stats)) {
    if (cs.every((c) => c.relation !== 'on')) continue;
    events.push(...supported(cs));
  }
  // The event's own date, else its earliest reading, else its earliest candidate; undated last.
  const sortKeys = new Map(events.map((e) => [e, e.date ?? e.dates[0]?.date ?? e.citations.flatMap((c) => c.candidates).sort()[0] ?? '9999']));
  const sortKey = (e: Omit<TimelineEvent, 'id'>): string => sortKeys.get(e) ?? '9999';
  events.sort((a, b) => cmp(sortKey(a), sortKey(b)) || cmp(a.summary, b.summary));
  const base = (e: Omit<TimelineEvent, 'id'>): string => slugify(`${e.date ?? 'undated'} ${e.summary.split(/\s+/).slice(0, 8).join(' ')}`);
  const slugKeys = new Map(events.map((e) => [e, `${sortKey(e)} ${e.summary} ${e.citations[0]?.article ?? ''}`]));
  const ids = assignSlugs(events, base, (e) => slugKeys.get(e) ?? '');
  if (options.stats) Object.assign(options.stats, stats);
  // Each event is checked against `timelineEventSchema` by the caller, which drops one that fails with a warning (knowledge.ts).
  return events.map((e) => ({ id: ids.get(e) ?? base(e), ...e }));
}

/**
 * An event's note is read beside it, so it stays short however many reports
 * the event has: it names the first `NOTE_NAMES` reports of each date and
 * repeats the first `NOTE_PARTS` citations' notes, and counts the rest (every
 * citation keeps its own note in `citations`).
 */
const NOTE_NAMES = 3;
const NOTE_PARTS = 4;

/** The first `NOTE_NAMES` of a list, then how many more. */
function someOf(names: readonly string[]): string {
  const more = names.length - NOTE_NAMES;
  return more > 0 ? `${names.slice(0, NOTE_NAMES).join(', ')} and ${more.toLocaleString('en-US')} more` : names.join(', ');
}

function buildEvent(cs: readonly Candidate[]): Omit<TimelineEvent, 'id'> {
  const verdict = judgeDates([factsOf(cs)]);
  // Who settled an ambiguous reading list: the judge that rules out another of its readings, preferring a certain date to a bound, then the earliest report.
  const judges = [...cs.filter((c) => c.relation === 'on' && !c.ambiguous), ...cs.filter((c) => c.relation !== 'on')].map((c) => ({ c, judge: c.judge }));
  const settledBy = new Map<string, Candidate | undefined>();
  const settlerOf = (c: Candidate, kept: string): Candidate | undefined => {
    const key = readingsKey(c);
    if (!settledBy.has(key)) {
      let best: Candidate | undefined;
      for (const { c: j, judge } of judges) {
        if (c.spans.some((r) => r.reading !== kept && !fits(r, judge)) && (best === undefined || byStrength(j, best) < 0)) best = j;
      }
      settledBy.set(key, best);
    }
    return settledBy.get(key);
  };
  const ordered = [...cs].sort(
    (a, b) => compareDates(a.published, b.published) || cmp(a.article, b.article) || a.paragraph - b.paragraph || cmp(a.key, b.key),
  );
  const notes: string[] = [];
  let eventResolvedBy: ResolvedBy | undefined;
  const citations: EventCitation[] = ordered.map((c) => {
    const settlement = c.relation === 'on' && c.ambiguous ? verdict.settled.get(readingsKey(c)) : undefined;
    const reading = settlement ? settlement.reading : c.readings[0];
    const settler = settlement?.left.length === 1 ? settlerOf(c, settlement.left[0] ?? '') : undefined;
    const cite: EventCitation = {
      article: c.article,
      paragraph: c.paragraph,
      sentence: c.sentence,
      temporal: c.temporal,
      summary: c.summary,
      precision: reading === undefined ? 'unknown' : precisionOf(reading),
      relation: c.relation,
      candidates: c.ambiguous ? [...c.readings] : [],
      rule: c.rule,
      news: c.news,
    };
    if (reading !== undefined) cite.date = reading;
    let note = c.note;
    if (c.ambiguous && settler && reading !== undefined) {
      cite.resolvedBy = { article: settler.article, sentence: settler.sentence };
      eventResolvedBy ??= cite.resolvedBy;
      note = `“${c.temporal}” could be ${c.readings.join(' or ')}; ${settler.article} (paragraph ${settler.paragraph}) dates the same event ${
        settler.relation === 'on' ? `to ${settler.readings[0] ?? ''}` : `${settler.relation === 'on-or-before' ? 'no later than' : 'no earlier than'} ${settler.readings[0] ?? ''}`
      }, which leaves only ${reading}.`;
      notes.push(`${c.article}: ${note}`);
    } else if (c.ambiguous && reading === undefined) {
      notes.push(`${c.article}: “${c.temporal}” could be ${c.readings.join(' or ')}, and no other report of the event settles which.`);
    }
    if (note !== undefined) cite.note = note;
    return cite;
  });

  // Distinct dates, earliest first, each with its places in order of first citation.
  const byDate = new Map<string, Map<string, { article: string; paragraph: number }>>();
  for (const c of citations) {
    if (c.relation !== 'on' || c.date === undefined) continue;
    const places = byDate.get(c.date) ?? new Map<string, { article: string; paragraph: number }>();
    const place = `${c.paragraph} ${c.article}`;
    if (!places.has(place)) places.set(place, { article: c.article, paragraph: c.paragraph });
    byDate.set(c.date, places);
  }
  const dates: EventDate[] = [...byDate.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([date, places]) => ({ date, precision: precisionOf(date), citations: [...places.values()] }));
  const readings = dates.map((d) => d.date);
  let date: string | undefined;
  let conflictNote: string | undefined;
  if (verdict.conflict) {
    date = commonPrefix(readings);
    // Most reports may agree and a few misread (a month named without its year, read in a later year): a date
    // that at least MAJORITY_SHARE of the reporting articles give, and at least MAJORITY_MIN of them, is the event's date, said so.
    const articlesOf = (d: EventDate): Set<string> => new Set(d.citations.map((p) => p.article));
    const reporting = new Set(dates.flatMap((d) => [...articlesOf(d)]));
    const nested = (d: EventDate): Set<string> => new Set(dates.filter((o) => d.date.startsWith(o.date)).flatMap((o) => [...articlesOf(o)]));
    const top = [...dates].sort((a, b) => nested(b).size - nested(a).size || b.date.length - a.date.length || cmp(a.date, b.date))[0];
    const agree = top ? nested(top).size : 0;
    const majority = top !== undefined && agree >= MAJORITY_MIN && agree >= MAJORITY_SHARE * reporting.size;
    if (majority) date = top.date;
    conflictNote = `The reports disagree on the date: ${dates.map((d) => `${d.date} (${someOf(d.citations.map((p) => `${p.article} ¶${p.paragraph}`))})`).join(' vs ')}${
      majority ? `; ${agree} of the ${reporting.size} reporting articles give ${top.date}, which is shown` : date ? `; only ${date} is common to them` : ''
    }.`;
  } else {
    // All readings nest: the finest one holds the others.
    date = [...readings].sort((a, b) => b.length - a.length || cmp(a, b))[0];
  }

  // The title: the best sentence among the citations (titling.ts), earliest report first on a tie.
  const byPublication = [...cs].sort((a, b) => compareDates(a.published, b.published) || cmp(a.article, b.article) || a.paragraph - b.paragraph);
  const finest = Math.max(...cs.map((c) => c.readings[0]?.length ?? 0));
  const title = chooseTitle(
    byPublication.map((c) => ({
      sentence: c.sentence,
      clause: c.summary,
      tokens: c.tokens,
      penalty: (c.relation !== 'on' ? 4 : 0) + (c.derived ? 4 : 0) + ((c.readings[0]?.length ?? 0) < finest ? 0.5 : 0),
    })),
  );
  const event: Omit<TimelineEvent, 'id'> = {
    summary: title?.text ?? byPublication[0]?.summary ?? '',
    precision: date === undefined ? 'unknown' : precisionOf(date),
    scheduled: cs.some((c) => c.scheduled),
    conflict: verdict.conflict,
    dates,
    citations,
    newsOf: [...new Set(cs.filter((c) => c.news).map((c) => c.article))].sort(),
  };
  if (date !== undefined) event.date = date;
  if (eventResolvedBy) event.resolvedBy = eventResolvedBy;
  const more = notes.length - NOTE_PARTS;
  const parts = [...(more > 0 ? [...notes.slice(0, NOTE_PARTS), `${more.toLocaleString('en-US')} more citations have notes of their own.`] : notes), ...(conflictNote ? [conflictNote] : [])];
  if (parts.length) event.note = parts.join(' ');
  return event;
}
