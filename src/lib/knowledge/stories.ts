/**
 * Stories and topics: which articles report the same news, and which stories
 * belong to the same running subject.
 *
 * - A **story** is one piece of news as several outlets report it. Two
 *   articles are one story when they were published close together (every
 *   pair of a story's articles within `windowDays`, ±4 days by default) and
 *   their texts are alike on average: TF-IDF cosine over stemmed content
 *   words of the whole texts and of the ledes (headline, standfirst, first
 *   paragraphs), and the proper names they share. An article with no known
 *   date joins a story only as a copy of one of its articles.
 * - **Copies**: word 5-shingles of each body, MinHash signatures (64 seeded
 *   hashes) and banded locality-sensitive hashing propose pairs, and the exact
 *   Jaccard index (and containment, for a copy cut short) of their shingle
 *   sets decides: a near-duplicate (Jaccard ≥ 0.8) or a wire copy (Jaccard ≥
 *   0.3, or ≥ 60% of the shorter text). Copies are always one story,
 *   whatever their dates; the first is the earliest published (ties by id).
 * - A **topic** is stories linked by similarity alone, with no time limit:
 *   any two of their articles alike enough, of the pairs compared. Those are
 *   every pair within the story window and, beyond it, pairs that share a
 *   rare word or name, or one of an article's rarest with its nearest
 *   articles in time (`topicCandidates`): in a corpus of more than
 *   `TOPIC_NEIGHBOURS` + 1 articles, two far apart in time that share only
 *   common words and names are not compared. Its name is generated from the
 *   proper names most of its articles share (`generated: true`) unless an
 *   editor entry names it, which wins.
 *
 * Proper names are runs of capitalised words in the body, standfirst and
 * captions (headlines in title case say nothing about names), split at titles
 * ("President") and possessives; a place and its demonym ("Korea", "Korean")
 * and a lone surname beside its full name in the same article are one name.
 *
 * Cost: no stage compares every pair of articles. Stories score the pairs
 * within the window, copies verify the pairs LSH proposes, topics add at
 * most `TOPIC_NEIGHBOURS` pairs per word or name of an article, and each pair
 * is scored once: the work grows with the articles and with how many are
 * published a day, not with the square of the corpus.
 *
 * This module is the composition; each stage is its own module: the records
 * (`story-schema.ts`), copies (`duplicates.ts`), names (`story-names.ts`),
 * reading and TF-IDF vectors (`story-vectors.ts`), the pair score
 * (`story-similarity.ts`), dates and the window (`story-dates.ts`), the
 * joining of articles into stories (`story-linkage.ts`) and topics with
 * their editor entries (`topic-clustering.ts`); this module composes them
 * and exports the whole API of story clustering.
 *
 * Pure and deterministic: no I/O, no clock, no randomness (the MinHash seeds
 * are fixed); output sorted.
 */
import { assignSlugs, slugify } from '../ingest/slug.ts';
import { cmp } from './event-calendar.ts';
import type { EventArticle } from './event-schema.ts';
import { findDuplicates, roundMeasure } from './duplicates.ts';
import { pairsWithinWindow, windowPairs, type StorySpan } from './story-dates.ts';
import { alikePairs, FAST_DECISIONS_BELOW, formStories } from './story-linkage.ts';
import { storyName } from './story-names.ts';
import type { Duplicate, Story, StoryClustering, StoryOptions } from './story-schema.ts';
import { combined, prepare, type ArticleSimilarity } from './story-similarity.ts';
import { clusterTopics, topicCandidates } from './topic-clustering.ts';

export {
  dateSpanSchema,
  duplicateSchema,
  storyClusteringSchema,
  storySchema,
  topicEditorEntrySchema,
  topicSchema,
  type Duplicate,
  type Story,
  type StoryClustering,
  type StoryOptions,
  type Topic,
  type TopicEditorEntry,
} from './story-schema.ts';
export { minhash, NEAR_DUPLICATE_JACCARD, overlap, SHINGLE_WORDS, shingles, WIRE_CONTAINMENT, WIRE_JACCARD } from './duplicates.ts';
export { nameRuns, storyName } from './story-names.ts';
export { LEDE_PARAGRAPHS } from './story-vectors.ts';
export { NAME_WEIGHT, type ArticleSimilarity } from './story-similarity.ts';
export { TOPIC_KEYS, TOPIC_NEIGHBOURS, TOPIC_SIMILARITY } from './topic-clustering.ts';

/** Default story window: every pair of a story's articles published at most this many days apart. */
export const STORY_WINDOW_DAYS = 4;
/**
 * Average article similarity at which articles published close together are
 * one story. Articles on one running subject score about this high however
 * different their news (their background paragraphs repeat each other), so it
 * is the window that tells a story from its topic; the score keeps unrelated
 * news of the same days apart.
 */
export const STORY_SIMILARITY = 0.2;

/**
 * The pairs of articles the clustering compares, ids in order, with their
 * similarity, for review and tests: every pair within the story window, and
 * the pairs `topicCandidates` proposes (in a corpus of at most
 * `TOPIC_NEIGHBOURS` + 1 articles, every pair that shares a word or name).
 */
export function articleSimilarities(articles: readonly EventArticle[], options: StoryOptions = {}): ArticleSimilarity[] {
  const { ids, ranges, features, parts } = prepare(articles);
  const n = ids.length;
  const keys = new Set<number>();
  for (const [a, b] of [...pairsWithinWindow(ranges, options.windowDays ?? STORY_WINDOW_DAYS), ...topicCandidates(features, ranges)]) keys.add(a * n + b);
  return [...keys]
    .sort((x, y) => x - y)
    .map((key) => {
      const a = Math.floor(key / n);
      const b = key % n;
      const p = parts(a, b);
      return { a: ids[a] ?? '', b: ids[b] ?? '', words: roundMeasure(p.words), lede: roundMeasure(p.lede), names: roundMeasure(p.names), score: roundMeasure(combined(p)) };
    });
}

/** How much work a clustering took, for tests that guard its scaling. */
export interface StoryStats {
  /** Article pairs looked at: those within the window, and those proposed for topics (a pair proposed twice counts twice). */
  pairsConsidered: number;
  /** Ordered article pairs whose similarity was computed. */
  pairsScored: number;
  /** Article pairs whose shingle sets were compared as possible copies. */
  copiesCompared: number;
}

/**
 * Clusters articles into stories and stories into topics (see the module
 * comment for the rules). Stories form agglomeratively: article pairs within
 * the window from most to least similar, two stories joining when the pair is
 * similar enough, every pair across them lies within the window and they are
 * alike on average; copies join first, as one story whatever their dates.
 */
export function clusterStories(articles: readonly EventArticle[], options: StoryOptions = {}): StoryClustering {
  return clusterStoriesWithStats(articles, options).clustering;
}

/** `clusterStories`, with how many pairs it compared. */
export function clusterStoriesWithStats(articles: readonly EventArticle[], options: StoryOptions = {}): { clustering: StoryClustering; stats: StoryStats } {
  const window = options.windowDays ?? STORY_WINDOW_DAYS;
  const corpus = prepare(articles);
  const { sorted, ids, dates, ranges, order, byId } = corpus;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string): number => indexOf.get(id) ?? -1;

  const { duplicates, compared } = findDuplicates(ids, corpus.takeShingles(), corpus.shingleHashes, order);

  // Only articles within the window of each other can join, so only those pairs are scored: each once, kept in one
  // flat array (a corpus of 100,000 articles has tens of millions of them). Those alike enough are taken in order.
  const inWindow = windowPairs(ranges, window);
  const scores = corpus.scoreWindow(inWindow);
  const spans: StorySpan[] = ranges.map((r) => (r ? { maxFrom: r.from, minTo: r.to, undated: false } : { maxFrom: -Infinity, minTo: Infinity, undated: true }));
  const { storyOf, members } = formStories({
    spans,
    copies: duplicates.map((d) => [at(d.first), at(d.copy)] as const),
    alike: alikePairs((visit) => inWindow.forEach(visit), scores, STORY_SIMILARITY, corpus.exact),
    window,
    threshold: STORY_SIMILARITY,
    windowScore: (x, y) => {
      const k = inWindow.indexOf(x, y);
      return k < 0 ? NaN : (scores[k] ?? NaN);
    },
    score: corpus.scoreOnce,
    fastDecisions: corpus.longestVector < FAST_DECISIONS_BELOW,
  });

  const duplicatesOf = new Map<number, Duplicate[]>();
  for (const d of duplicates) {
    const k = storyOf[at(d.first)] ?? -1;
    const list = duplicatesOf.get(k);
    if (list) list.push(d);
    else duplicatesOf.set(k, [d]);
  }
  const stories: Story[] = [];
  const drafts = members.flatMap((m, key) => {
    if (!m.length) return [];
    const list = m.map((i) => ids[i] ?? '').sort(order);
    const dated = list.map((id) => dates.get(id)).filter((d): d is string => d !== undefined).sort(cmp);
    const wire = new Map<string, string[]>();
    // Copies within the story, grouped by connected pairs.
    const groupOf = new Map<string, string>();
    // Union–find with path compression (Tarjan 1975), so a large wire group is not walked again and again.
    const root = (x: string): string => {
      let r = x;
      while (groupOf.has(r) && groupOf.get(r) !== r) r = groupOf.get(r) ?? r;
      for (let y = x; y !== r; ) {
        const next = groupOf.get(y) ?? r;
        groupOf.set(y, r);
        y = next;
      }
      return r;
    };
    for (const d of duplicatesOf.get(key) ?? []) {
      const ra = root(d.first);
      const rb = root(d.copy);
      groupOf.set(ra, ra);
      groupOf.set(rb, ra);
    }
    for (const id of list) {
      if (!groupOf.has(id)) continue;
      const r = root(id);
      const group = wire.get(r);
      if (group) group.push(id);
      else wire.set(r, [id]);
    }
    const first = list[0] ?? '';
    const span: Story['span'] = {};
    if (dated.length) {
      span.from = dated[0] ?? '';
      span.to = dated[dated.length - 1] ?? '';
    }
    return [
      {
        articles: list,
        firstReport: first,
        wireGroups: [...wire.values()].map((g) => [...g].sort(order)).sort((x, y) => order(x[0] ?? '', y[0] ?? '')),
        span,
        generatedName: storyName(list.map((id) => sorted[at(id)]?.data.headline ?? '')) || first,
      },
    ];
  });
  const storyBase = (d: (typeof drafts)[number]): string => slugify(`${d.span.from ?? 'undated'} ${d.generatedName}`);
  const storyIds = assignSlugs(drafts, storyBase, (d) => `${d.span.from ?? '9999'} ${d.firstReport}`);
  for (const d of drafts) stories.push({ id: storyIds.get(d) ?? storyBase(d), ...d });
  const storyOrder = (a: Story, b: Story): number => order(a.firstReport, b.firstReport);
  stories.sort(storyOrder);

  const { topics, warnings, proposed } = clusterTopics({ stories, ids, score: corpus.scoreOnce, inWindow, windowScores: scores, window, features: corpus.features, ranges, texts: byId, dates, order, entries: options.editor ?? [] });
  // Each record is checked against its schema by the caller, which leaves out one that fails (knowledge.ts).
  return { clustering: { stories, topics, duplicates, warnings }, stats: { pairsConsidered: inWindow.size + proposed, pairsScored: corpus.scored(), copiesCompared: compared } };
}
