/**
 * Topics: which articles belong to one running subject, at any distance in
 * time, and which pairs of articles are compared to find out.
 *
 * A topic is stories linked by similarity alone (single linkage over the
 * pairs compared, at `TOPIC_SIMILARITY`). Comparing every pair would grow with
 * the square of the corpus, so candidate pairs come from an inverted index
 * over each article's words and names (`topicCandidates`): a rare feature
 * pairs every article that has it, a common one only the articles that count
 * it among their rarest with their nearest neighbours in publication order. A
 * running subject still links up, as a chain of articles close in time
 * sharing its rarer words and names, while the pairs grow with the articles.
 * Deterministic: candidates come in feature order, ties by index.
 */
import type { DayRange } from './event-calendar.ts';
import type { Features } from './story-similarity.ts';

/**
 * Article similarity at which two articles (at any distance in time) belong
 * to one topic. At 0.15, single-subject corpora of real news (a year of one
 * war from one outlet) split into a topic of half the articles and a hundred
 * singletons; at 0.12 each development corpus keeps 80% or more in one topic
 * while the unit cases of unrelated stories stay apart.
 */
export const TOPIC_SIMILARITY = 0.12;
/**
 * Beyond the story window, articles sharing a word or name with at most this
 * many others are all compared for topics, and past that each is compared
 * with this many of them, the nearest in time (see `topicCandidates`).
 */
export const TOPIC_NEIGHBOURS = 16;
/** How many of an article's rarest words and names it is compared through for topics, however common they are. */
export const TOPIC_KEYS = 16;

/**
 * Pairs of articles (indices, lower first; a pair may come more than once)
 * compared for topics beyond those within the story window. An article's
 * features are its words and names. A feature shared by at most
 * `TOPIC_NEIGHBOURS` + 1 articles pairs them all; a commoner one pairs each
 * article that counts it among its `TOPIC_KEYS` rarest features with the
 * `TOPIC_NEIGHBOURS` articles sharing it nearest in publication order, half
 * on either side. So a corpus of at most `TOPIC_NEIGHBOURS` + 1 articles has
 * every pair that shares anything compared (and a pair that shares nothing
 * scores 0), while a larger one has pairs in proportion to its articles, not
 * their square. What a larger one leaves out are pairs far apart in time that
 * share only common words and names: a running subject still links up as a
 * chain of articles close in time that share its rarer ones.
 */
export function* topicCandidates(features: readonly Features[], ranges: readonly (DayRange | undefined)[]): Generator<[number, number]> {
  // Words and names as one feature space: words first, then names.
  let words = 0;
  for (const f of features) for (const id of f.terms.ids) words = Math.max(words, id + 1);
  const own = features.map((f) => [...f.terms.ids, ...Array.from(f.names, (k) => words + k)]);
  const postings: number[][] = [];
  own.forEach((fs, i) => {
    for (const x of fs) (postings[x] ??= []).push(i);
  });
  const day = (i: number): number => ranges[i]?.from ?? Infinity;
  const df = (x: number): number => postings[x]?.length ?? 0;
  const rarer = (x: number, y: number): number => df(x) - df(y) || x - y;
  const lastKey = own.map((fs) => [...fs].sort(rarer)[Math.min(TOPIC_KEYS, fs.length) - 1]);
  const half = TOPIC_NEIGHBOURS / 2;
  for (const [x, list] of postings.entries()) {
    if (!list) continue;
    if (list.length <= TOPIC_NEIGHBOURS + 1) {
      for (let p = 0; p < list.length; p++) for (let q = p + 1; q < list.length; q++) yield pair(list[p] ?? 0, list[q] ?? 0);
      continue;
    }
    list.sort((a, b) => day(a) - day(b) || a - b);
    for (let p = 0; p < list.length; p++) {
      const a = list[p] ?? 0;
      const key = lastKey[a];
      if (key === undefined || rarer(x, key) > 0) continue;
      for (let q = Math.max(0, p - half); q <= Math.min(list.length - 1, p + half); q++) if (q !== p) yield pair(a, list[q] ?? 0);
    }
  }
}

/** The pair of two indices, lower first. */
function pair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}
