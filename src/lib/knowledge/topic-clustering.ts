/**
 * Topics: which articles belong to one running subject, at any distance in
 * time, and which pairs of articles are compared to find out.
 *
 * A topic is stories joined by similarity alone: two articles are linked
 * when they score `TOPIC_SIMILARITY` or more, and stories join by average
 * linkage over those links (`averageLinkage`, at `TOPIC_LINK_DENSITY`), so a
 * few links between two subjects never chain them into one. Comparing every pair would grow with
 * the square of the corpus, so candidate pairs come from an inverted index
 * over each article's words and names (`topicCandidates`): a rare feature
 * pairs every article that has it, a common one only the articles that count
 * it among their rarest with their nearest neighbours in publication order. A
 * running subject still links up, as a chain of articles close in time
 * sharing its rarer words and names, while the pairs grow with the articles.
 *
 * Generated topics are named from the names most of their articles share
 * (`topicName`); an editor's entry wins over the generated name and
 * membership, and an entry that cannot be applied as written is reported,
 * never guessed at. Deterministic: candidates come in feature order, ties by
 * index; topics come earliest first.
 */
import { assignSlugs, slugify } from '../ingest/slug.ts';
import { averageLinkage, PairKeys, StrongestLinks, uniquePairs } from './average-linkage.ts';
import { isWithinWindow, type WindowPairs } from './story-dates.ts';
import { DECISION_MARGIN } from './story-linkage.ts';
import { cmp, type DayRange } from './event-calendar.ts';
import { topicName, type NamedText } from './story-names.ts';
import type { Story, Topic, TopicEditorEntry } from './story-schema.ts';
import type { Features } from './story-similarity.ts';

/** Article similarity at which two articles (at any distance in time) are linked for topics. */
export const TOPIC_SIMILARITY = 0.12;
/**
 * The share of their article pairs two groups of articles must have linked
 * to join one topic (see `averageLinkage`): a lone article joins a group of
 * up to 66 through one link, two groups of 100 need 150 links between them.
 * Measured on the four t17-dev subjects read as one corpus of 1,154 articles:
 * single linkage made one topic of 93% of them (40% of its articles on its
 * main subject); at 0.015 the largest topics are the four subjects, 95% of
 * articles in a topic of their own subject. Read alone, each subject keeps
 * 49–93% of its articles in its largest topic (the rest in sub-topics such as
 * Wyclef Jean's charity within Haiti's earthquake, and diffuse comment pieces).
 */
export const TOPIC_LINK_DENSITY = 0.015;
/** How many of its strongest links each article keeps for topics (a link either end keeps is kept). */
export const TOPIC_LINKS_KEPT = 32;
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

/** What `clusterTopics` links stories by. */
export interface TopicInput {
  /** The stories, in publication order of their first reports. */
  stories: readonly Story[];
  /** Article ids in index order (the order `score`, `features` and `ranges` number articles in). */
  ids: readonly string[];
  /** The similarity of two articles by index, the first's vectors summed first (each pair is asked for once). */
  score: (i: number, j: number) => number;
  /** The pairs within the story window (`windowPairs(ranges, window)`), already scored. */
  inWindow: WindowPairs;
  /** Their scores (lower index first), by pair number, rounded to float32. */
  windowScores: Float32Array;
  /** The story window in days. */
  window: number;
  /** What each article is compared on. */
  features: readonly Features[];
  /** The days each article's publication date covers. */
  ranges: readonly (DayRange | undefined)[];
  /** Each article's names and words, by id, for naming topics. */
  texts: ReadonlyMap<string, NamedText>;
  /** Each article's publication date, by id. */
  dates: ReadonlyMap<string, string | undefined>;
  /** Publication order of article ids (`byPublication`). */
  order: (a: string, b: string) => number;
  /** Editor topics; the first entry for a slug wins. */
  entries: readonly TopicEditorEntry[];
}

/**
 * Groups stories into topics: single linkage over the window pairs and the
 * pairs `topicCandidates` proposes, a pair scored as (earlier story's
 * article, later one's) and linking at `TOPIC_SIMILARITY`. Generated topics
 * are named by `topicName`; an editor entry renames a generated topic with
 * its slug, or makes a topic of the articles it lists, which leave the
 * generated ones. Returns the topics (earliest first), warnings for entries
 * that could not be applied as written, and how many pairs were proposed.
 */
export function clusterTopics(input: TopicInput): { topics: Topic[]; warnings: string[]; proposed: number } {
  const { stories, ids, score, inWindow, windowScores, window, features, ranges, texts, dates, order, entries } = input;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string): number => indexOf.get(id) ?? -1;
  const storyOrder = (a: Story, b: Story): number => order(a.firstReport, b.firstReport);

  // Topics: articles joined by average linkage over the pairs alike enough, each pair scored as (earlier story's article, later one's).
  // Over articles, not stories, so that a story's size does not weigh its links; a story then goes whole to the group most of its articles are in.
  const position = new Int32Array(ids.length);
  stories.forEach((s, p) => {
    for (const a of s.articles) position[at(a)] = p;
  });
  // Each article keeps its strongest links. Each pair is scored once: the window's pairs, then the others proposed, once however often they are.
  const strongest = new StrongestLinks(ids.length, TOPIC_LINKS_KEPT);
  const offer = (x: number, y: number): void => {
    const s = (position[x] ?? 0) <= (position[y] ?? 0) ? score(x, y) : score(y, x);
    if (s >= TOPIC_SIMILARITY) strongest.offer(x, y, s);
  };
  // A window pair's exact score (in either order) is its float32 one to within 2⁻²⁴ and a dot product's last bits, so one clearly under the bound is not scored.
  const under = TOPIC_SIMILARITY * (1 - DECISION_MARGIN);
  inWindow.forEach((x, y, k) => {
    if ((windowScores[k] ?? 0) >= under) offer(x, y);
  });
  const n = ids.length;
  const beyond = new PairKeys();
  let proposed = 0;
  for (const [x, y] of topicCandidates(features, ranges)) {
    proposed += 1;
    if (!isWithinWindow(ranges, window, x, y)) beyond.push(x * n + y);
  }
  const pairs = uniquePairs(beyond.take(), n);
  for (let k = 0; k < pairs.length; k += 2) offer(pairs[k] ?? 0, pairs[k + 1] ?? 0);
  const groupOf = averageLinkage(
    ids.map(() => 1),
    strongest.links(),
    TOPIC_LINK_DENSITY,
  );
  const storyById = new Map(stories.map((s) => [s.id, s]));
  const storyOfArticle = new Map(stories.flatMap((s) => s.articles.map((a) => [a, s.id] as const)));
  const groups = new Map<number, string[]>();
  for (const s of stories) {
    const r = mostCommon(s.articles.map((a) => groupOf[at(a)] ?? 0));
    const group = groups.get(r);
    if (group) group.push(s.id);
    else groups.set(r, [s.id]);
  }

  // Editor entries: their articles leave the generated topics.
  const warnings: string[] = [];
  const known = new Set(ids);
  const claimed = new Map<string, string>();
  // The first entry for a slug wins; a second one is reported, not merged.
  const editor: TopicEditorEntry[] = [];
  for (const e of entries) {
    if (editor.some((x) => x.slug === e.slug)) warnings.push(`topic ${e.slug}: a second entry with this slug, ignored`);
    else editor.push(e);
  }
  for (const e of editor) {
    for (const a of e.articles ?? []) {
      if (!known.has(a)) warnings.push(`topic ${e.slug}: no article ${a}`);
      else if (claimed.has(a)) warnings.push(`topic ${e.slug}: article ${a} is already in topic ${claimed.get(a) ?? ''}`);
      else claimed.set(a, e.slug);
    }
  }

  interface TopicDraft {
    id?: string;
    name: string;
    description?: string;
    generated: boolean;
    articles: string[];
  }
  const topicDrafts: TopicDraft[] = [];
  for (const storyIdsOfTopic of groups.values()) {
    const articlesOfTopic = storyIdsOfTopic.flatMap((s) => storyById.get(s)?.articles ?? []).filter((a) => !claimed.has(a));
    if (!articlesOfTopic.length) continue;
    const named = topicName(articlesOfTopic.map((a) => texts.get(a)).filter((t): t is NamedText => t !== undefined));
    // Articles that name nothing: the topic takes the name of its largest story (the earliest on a tie).
    const largest = storyIdsOfTopic.map((s) => storyById.get(s)).reduce<Story | undefined>((best, s) => (s && (!best || s.articles.length > best.articles.length) ? s : best), undefined);
    topicDrafts.push({ name: named ?? largest?.generatedName ?? 'Untitled topic', generated: true, articles: articlesOfTopic });
  }
  // A bare number would share its address with a page of the topics list (`topics/2/`).
  const topicBase = (t: TopicDraft): string => t.id ?? slugify(t.name).replace(/^\d+$/, 'topic-$&');
  const topicKeys = new Map(topicDrafts.map((t) => [t, `${t.articles.map((a) => dates.get(a) ?? '9999').sort()[0] ?? ''} ${[...t.articles].sort(order)[0] ?? ''}`]));
  const generatedIds = assignSlugs(topicDrafts, topicBase, (t) => topicKeys.get(t) ?? '');
  for (const t of topicDrafts) t.id = generatedIds.get(t) ?? topicBase(t);
  for (const e of editor) {
    const own = (e.articles ?? []).filter((a) => claimed.get(a) === e.slug);
    const match = topicDrafts.find((t) => t.id === e.slug);
    if (match) {
      // Renames (and describes) a generated topic; listed articles join it.
      match.name = e.name;
      match.generated = false;
      if (e.description !== undefined) match.description = e.description;
      match.articles = [...new Set([...match.articles, ...own])];
    } else if (own.length === 0) {
      warnings.push(`topic ${e.slug}: matches no generated topic and lists no articles of its own, ignored`);
    } else {
      const t: TopicDraft = { id: e.slug, name: e.name, generated: false, articles: own };
      if (e.description !== undefined) t.description = e.description;
      topicDrafts.push(t);
    }
  }
  const topics: Topic[] = topicDrafts.map((t) => {
    const list = [...new Set(t.articles)].sort(order);
    const topic: Topic = {
      id: t.id ?? slugify(t.name),
      name: t.name,
      generated: t.generated,
      stories: [...new Set(list.map((a) => storyOfArticle.get(a) ?? ''))].filter(Boolean).sort((a, b) => {
        const sa = storyById.get(a);
        const sb = storyById.get(b);
        return sa && sb ? storyOrder(sa, sb) : cmp(a, b);
      }),
      articles: list,
    };
    if (t.description !== undefined) topic.description = t.description;
    return topic;
  });
  topics.sort((a, b) => {
    const fa = a.articles[0];
    const fb = b.articles[0];
    if (fa === undefined || fb === undefined) return Number(fa === undefined) - Number(fb === undefined) || cmp(a.id, b.id);
    return order(fa, fb) || cmp(a.id, b.id);
  });
  return { topics, warnings, proposed };
}

/** The value that occurs most often (the lowest of those tied); 0 for none. */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let most = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > most || (c === most && v < best)) [best, most] = [v, c];
  }
  return best;
}
