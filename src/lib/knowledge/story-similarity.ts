/**
 * How alike two articles are, the score story and topic clustering compare:
 * the TF-IDF cosine of their whole texts' content words and of their ledes'
 * in equal parts, and the Jaccard index of their proper names with weight
 * `NAME_WEIGHT`.
 *
 * Method: words alone miss that two reports name the same people and places
 * in different words, and names alone join every article about one country;
 * the blend of the two (TF-IDF over stems, Jaccard over folded name keys)
 * separates reports of one news event from unrelated news of the same days.
 * The corpus is read once (`prepare`) and a pair is scored once, on demand,
 * so a caller pays only for the pairs it asks about, never for every pair.
 * Pure and deterministic.
 */
import type { EventArticle } from './event-schema.ts';
import { cmp } from './event-calendar.ts';
import { shingleTable } from './duplicates.ts';
import { byPublication, dayRange, type WindowPairs } from './story-dates.ts';
import { dot, foldShortNames, nameJaccard, readArticle, readTexts, remembered, tfidf, Vocabulary, type ArticleText, type CorpusReader, type SparseVector, type TermCounts, type TextReading } from './story-vectors.ts';
import type { NamedText } from './story-names.ts';
import { contentWords, stemWord } from './text-words.ts';

/** How alike two articles are: their whole texts' and their ledes' words in equal parts, and the names they share with this weight. */
export const NAME_WEIGHT = 0.3;

/** What two articles are compared on. */
export interface Features {
  terms: SparseVector;
  lede: SparseVector;
  /** Name ids, ascending. */
  names: Int32Array;
}

/** The parts of a pair's similarity (see `ArticleSimilarity`). */
export interface SimilarityParts {
  words: number;
  lede: number;
  names: number;
}

/** The score of a pair from its parts. */
export function combined(p: SimilarityParts): number {
  return ((1 - NAME_WEIGHT) / 2) * (p.words + p.lede) + NAME_WEIGHT * p.names;
}

/**
 * The corpus read once. Articles are numbered in id order; `exact(i, j)` and
 * `scoreOnce(i, j)` are the similarity of articles i and j, `scoreWindow`
 * scores the window's pairs at once (to float32), `scored()` counts the
 * computations a cache of the window's scores would have needed, and
 * `longestVector` is the most terms of any article's vectors.
 */
export function prepare(articles: readonly EventArticle[]) {
  const sorted = [...articles].sort((a, b) => cmp(a.id, b.id));
  const ids = sorted.map((a) => a.id);
  const dates = new Map(sorted.map((a) => [a.id, a.data.published.date]));
  const order = byPublication(dates);
  const ranges = sorted.map((a) => dayRange(a.data.published.date));

  const { texts, features, vocabularySize, shingleHashes } = readCorpus(sorted);
  // What later steps read of each article's text: its names for topic titles, its shingles for copies.
  const byId = new Map<string, NamedText>(texts.map((t) => [t.id, { names: t.names, surfaces: t.surfaces }]));
  let shingles: Int32Array[] | undefined = texts.map((t) => t.shingles);

  const scratch = new Float64Array(vocabularySize);
  // The most terms a dot product sums: how far two orders of its sum can differ.
  let longestVector = 0;
  for (const f of features) longestVector = Math.max(longestVector, f.terms.ids.length, f.lede.ids.length);
  const parts = (i: number, j: number): SimilarityParts => {
    const fa = features[i];
    const fb = features[j];
    if (!fa || !fb) return { words: 0, lede: 0, names: 0 };
    return { words: dot(fa.terms, fb.terms, scratch), lede: dot(fa.lede, fb.lede, scratch), names: nameJaccard(fa.names, fb.names) };
  };
  let scored = 0;
  // A dot product sums in the shorter vector's order, the first's on a tie: (i, j) scores as (j, i) unless two of their vectors tie in length.
  const symmetric = (i: number, j: number): boolean => {
    const fa = features[i];
    const fb = features[j];
    return !!fa && !!fb && fa.terms.ids.length !== fb.terms.ids.length && fa.lede.ids.length !== fb.lede.ids.length;
  };
  // The window's pairs, scored all at once (`scoreWindow`), lower index first: a flat float32 array (a corpus of 100,000
  // articles has some 80 million such pairs), not a map entry per pair. Float32 keeps a score to 2⁻²⁴ of itself: enough to
  // filter on and for the kept sums' decisions (`DECISION_MARGIN` in story-linkage.ts); an exact score is computed again.
  let window: WindowPairs | undefined;
  const symmetricInWindow = (i: number, j: number): boolean => !!window && window.indexOf(i, j) >= 0 && (i < j || symmetric(i, j));
  /** The exact similarity of articles i and j, the first's vectors summed first: a window pair's is the one its float32 score rounds. */
  const exact = (i: number, j: number): number => combined(parts(i, j));
  /**
   * The similarity of articles i and j (`exact`). `scored()` counts the
   * calls whose pair the window did not already score in an order that sums
   * the same, as a cache of the window's scores would compute them.
   */
  const scoreOnce = (i: number, j: number): number => {
    if (!symmetricInWindow(i, j)) scored += 1;
    return exact(i, j);
  };
  /**
   * Scores every pair of `pairs` once, lower index first, and returns the
   * scores by pair number, rounded to float32. Call it before any of those
   * pairs is scored.
   */
  const scoreWindow = (pairs: WindowPairs): Float32Array => {
    const scores = new Float32Array(pairs.size);
    pairs.forEach((a, b, k) => (scores[k] = exact(a, b)));
    scored += pairs.size;
    window = pairs;
    return scores;
  };
  /** Each article's shingle ids, handed over once: copies are found from them and then they are let go. */
  const takeShingles = (): Int32Array[] => {
    const taken = shingles ?? [];
    shingles = undefined;
    return taken;
  };
  return { sorted, ids, dates, ranges, order, takeShingles, byId, features, shingleHashes, parts, exact, scoreOnce, scoreWindow, scored: (): number => scored, longestVector };
}

/**
 * Reads every article (numbered as `sorted`) into its features. A text that
 * several articles repeat is read once, and let go after its last use, so at
 * most the words of the texts still to come are held, never the corpus's;
 * each article's term counts are held as vocabulary ids until the vectors are
 * made. Its own function, so that no closure of `prepare` keeps what reading
 * made alive.
 */
function readCorpus(sorted: readonly EventArticle[]): { texts: Pick<ArticleText, 'id' | 'names' | 'surfaces' | 'shingles'>[]; features: Features[]; vocabularySize: number; shingleHashes: number[] } {
  const cache = new Map<string, TextReading>();
  const perArticle = sorted.map((a) => readTexts(a, cache));
  const capitalisedElsewhere = new Set<string>();
  for (const { sentences } of cache.values()) {
    for (const s of sentences) {
      for (const m of s.matchAll(/(?<=\s)\p{Lu}[\p{L}-]*/gu)) capitalisedElsewhere.add(m[0].replace(/['’]s$/, ''));
    }
  }
  cache.clear();
  const reader: CorpusReader = { capitalisedElsewhere, stem: remembered(stemWord), content: remembered(contentWords), shingles: shingleTable() };
  const vocabulary = new Vocabulary();
  const terms: TermCounts[] = [];
  const ledes: TermCounts[] = [];
  const texts = sorted.map((a, i) => {
    const read = perArticle[i] ?? [];
    perArticle[i] = [];
    const { terms: whole, lede, ...rest } = readArticle(a, read, reader);
    terms.push(vocabulary.add(whole, true));
    ledes.push(vocabulary.add(lede, false));
    return rest;
  });
  foldShortNames(texts);

  const nameIds = new Map<string, number>();
  for (const t of texts) for (const k of t.names.keys()) if (!nameIds.has(k)) nameIds.set(k, nameIds.size);
  const termVectors = tfidf(terms, vocabulary);
  const ledeVectors = tfidf(ledes, vocabulary);
  const features: Features[] = texts.map((t, i) => ({
    terms: termVectors[i] ?? { ids: new Int32Array(), weights: new Float64Array() },
    lede: ledeVectors[i] ?? { ids: new Int32Array(), weights: new Float64Array() },
    names: Int32Array.from(t.names.keys(), (k) => nameIds.get(k) ?? 0).sort(),
  }));
  return { texts: texts.map(({ id, names, surfaces, shingles }) => ({ id, names, surfaces, shingles })), features, vocabularySize: vocabulary.size, shingleHashes: reader.shingles.hashes };
}

/** One pair of articles and how alike they are. */
export interface ArticleSimilarity {
  a: string;
  b: string;
  /** TF-IDF cosine of their content words. */
  words: number;
  /** TF-IDF cosine of their ledes' content words. */
  lede: number;
  /** Jaccard index of their proper names. */
  names: number;
  /** The combined score the clustering uses. */
  score: number;
}
