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
 *
 * The steps, one module each, composed here by `findEvents`:
 * event-candidates.ts (the citations each article gives), event-table.ts (the
 * candidates as numbers and shared dates, what similarity and merging read),
 * event-similarity.ts (the pairs alike enough to try, found through the
 * posting lists of event-postings.ts and held by event-pairs.ts, 4 bytes a
 * pair),
 * event-merging.ts (the groups that tell one event, and the citations their
 * titles support), event-dating.ts (whether a group's dates agree, and what
 * its date is) and event-building.ts (the event a group tells). Their shared
 * shapes are in event-types.ts.
 *
 * Memory grows with what must be kept, not with the candidates' text: the
 * first pass over the articles keeps only the compact table while the pairs
 * are found and merged; a second pass makes the candidates again, article by
 * article, and holds each only until its group's event is built. This module also
 * re-exports the event stage's public names, so callers import from here.
 */
import { assignSlugs, slugify } from '../ingest/slug.ts';
import { candidatesOf, indexMentions, type MentionIndex } from './event-candidates.ts';
import { cmp } from './event-calendar.ts';
import { mergeGroups, supported } from './event-merging.ts';
import type { EntityMentionInput, EventArticle, TimelineEvent } from './event-schema.ts';
import { blockingReadings, DocumentFrequencies, MERGE_SIMILARITY, similarPairs, similarityNeeds } from './event-similarity.ts';
import { TableBuilder, type CandidateTable } from './event-table.ts';
import type { Candidate, EventStats, Vectors } from './event-types.ts';
import { bodyParagraphs, splitSentences } from './text-words.ts';

export * from './event-schema.ts';
export * from './text-words.ts';
export { clauseAround, type Clause } from './clauses.ts';
export { MAJORITY_MIN, MAJORITY_SHARE } from './event-dating.ts';
export { CONFLICT_SIMILARITY, MAX_COMPARED, MAX_PROPOSED, MERGE_SIMILARITY } from './event-similarity.ts';
export { MIN_SUPPORT } from './event-merging.ts';
export type { EventStats } from './event-types.ts';

/** What `findEvents` takes beside the articles. */
export interface EventOptions {
  /** Entity mentions, when an entity stage has run: shared entities count as shared words. */
  mentions?: readonly EntityMentionInput[];
  /** The same, looked up one article's at a time (its mentions in the order `mentions` would give them), instead of `mentions`: a corpus's are many. */
  mentionsOf?: (article: string) => readonly EntityMentionInput[];
  /** When given, filled with counts of the work done (see `EventStats`). */
  stats?: EventStats;
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
  const mentions: MentionIndex = options.mentionsOf ? { get: options.mentionsOf } : indexMentions(options.mentions ?? []);
  const sorted = [...articles].sort((a, b) => cmp(a.id, b.id));
  const groups = eventGroups(sorted, mentions, stats);
  const events = eventsOf(sorted, mentions, groups, stats.candidates);
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
 * The first pass: the groups of candidates (by position, articles in id
 * order) that tell one dated event each, found from the candidates' compact
 * table (event-table.ts), so no candidate's text is held while the pairs are
 * found and merged. A group that holds only bounds says nothing dated and is
 * dropped.
 */
function eventGroups(sorted: readonly EventArticle[], mentions: MentionIndex, stats: EventStats): number[][] {
  const { table, vectors } = compactCandidates(sorted, mentions);
  stats.candidates = table.dates.length;
  const dated = blockingReadings(table.dates);
  const pairs = similarPairs(vectors, dated, MERGE_SIMILARITY, similarityNeeds(table, dated), stats);
  stats.pairs = pairs.length;
  return mergeGroups(table.dates, pairs, vectors, stats).filter((ks) => ks.some((k) => table.dates[k]?.relation === 'on'));
}

/** Every candidate of the articles, in order, as a table and TF-IDF vectors; each article's sentences are counted and let go. */
function compactCandidates(sorted: readonly EventArticle[], mentions: MentionIndex): { table: CandidateTable; vectors: Vectors } {
  const frequencies = new DocumentFrequencies();
  const builder = new TableBuilder();
  for (const a of sorted) {
    const paragraphs = bodyParagraphs(a.body);
    const sentences = paragraphs.map(splitSentences);
    builder.add(candidatesOf(a, paragraphs, sentences, mentions));
    for (const list of sentences) for (const s of list) frequencies.add(s);
  }
  return { table: builder.table(), vectors: builder.vectors(frequencies) };
}

/**
 * The second pass: the events the groups tell (`supported`), in group order.
 * The candidates are made again from the articles in the same order
 * (`candidatesOf` is deterministic, so the k-th is the first pass's k-th);
 * only those in a group are held, and only until the group's last one is
 * made and its events are built.
 */
function eventsOf(sorted: readonly EventArticle[], mentions: MentionIndex, groups: readonly (readonly number[])[], count: number): Omit<TimelineEvent, 'id'>[] {
  const groupOf = new Int32Array(count).fill(-1);
  groups.forEach((ks, g) => {
    for (const k of ks) groupOf[k] = g;
  });
  // Groups by their last candidate (each group lists its candidates in order).
  const last = (g: number): number => groups[g]?.[(groups[g]?.length ?? 1) - 1] ?? 0;
  const byLast = Array.from(groups.keys()).sort((g, h) => last(g) - last(h) || g - h);
  const held = new Map<number, Candidate>();
  const out: Omit<TimelineEvent, 'id'>[][] = [];
  let k = 0;
  let done = 0;
  for (const a of sorted) {
    const paragraphs = bodyParagraphs(a.body);
    for (const c of candidatesOf(a, paragraphs, paragraphs.map(splitSentences), mentions)) {
      if ((groupOf[k] ?? -1) >= 0) held.set(k, c);
      k += 1;
    }
    for (; done < byLast.length && last(byLast[done] ?? 0) < k; done++) {
      const g = byLast[done] ?? 0;
      const cs = (groups[g] ?? []).map((x) => held.get(x));
      if (cs.some((c) => c === undefined)) throw new Error('internal: the second pass over the articles gave other candidates than the first');
      out[g] = supported(cs as Candidate[]);
      for (const x of groups[g] ?? []) held.delete(x);
    }
  }
  if (k !== count || done !== byLast.length) throw new Error('internal: the second pass over the articles gave other candidates than the first');
  return out.flat();
}
