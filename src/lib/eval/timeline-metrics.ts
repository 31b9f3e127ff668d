/**
 * Timeline-summarisation metrics, as the Timeline17 papers score them
 * (Martschat and Markert 2017, `smartschat/tilse`; Ghalandari and Ifrim
 * 2020, `complementizer/news-tls`), and the numbers `npm run eval:timeline`
 * prints beside them. See shared/notes/timeline-summarisation.md §1.
 *
 * - Protocol: for a reference timeline with k dates from `first` to `last`,
 *   the system picks its own k dates within [first, last] (`protocolOf`).
 * - Date-F1: exact day match of the two date sets (`dateScores`).
 * - ROUGE-1, agreement variant: only dates both timelines have are compared;
 *   a system date the reference lacks adds its tokens to the precision
 *   denominator, a reference date the system missed adds its tokens to the
 *   recall denominator; counts are summed over dates (`agreementRouge`).
 * - Over several timelines, precision and recall are averaged and F is taken
 *   from the averages (`meanScores`).
 * - Baseline: the k days with the most articles published, each said by the
 *   lead sentence of that day's longest article (`baselineTimeline`).
 * - Event incoherence: how often a citation's sentence has little to do with
 *   the title of the event it is filed under (`eventIncoherence`).
 *
 * Pure: no I/O, no clock.
 */
import type { TimelineEvent } from '../knowledge/events.ts';
import type { Entity } from '../knowledge/schema.ts';
import { articleUnits, sentences, type KnowledgeArticle } from '../knowledge/text.ts';
import { hasEntityPage } from '../site/knowledge.ts';
import { contentStems, rouge1Counts, rougeWords } from './rouge.ts';

/** One date of a timeline and what it says (several texts for one date are joined). */
export interface DatedText {
  /** `YYYY-MM-DD`. */
  date: string;
  text: string;
}

/** Precision, recall and their harmonic mean, each in [0, 1]. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** The harmonic mean of precision and recall; 0 when both are 0. */
export function fScore(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** What the system is given for one reference timeline: its number of dates and its first and last date. */
export interface Protocol {
  k: number;
  from: string;
  to: string;
}

/** The Timeline17 protocol for a reference timeline: k = its number of distinct dates, span = its first to last date. Undefined for an empty one. */
export function protocolOf(reference: readonly DatedText[]): Protocol | undefined {
  const dates = [...new Set(reference.map((r) => r.date))].sort();
  const from = dates[0];
  const to = dates[dates.length - 1];
  return from === undefined || to === undefined ? undefined : { k: dates.length, from, to };
}

/**
 * Date-F1 of one timeline: P = shared / |system dates|, R = shared /
 * |reference dates|, exact string match of the days (a day off earns
 * nothing). An empty side scores 0.
 */
export function dateScores(system: readonly string[], reference: readonly string[]): Scores {
  const ours = new Set(system);
  const theirs = new Set(reference);
  let shared = 0;
  for (const d of ours) if (theirs.has(d)) shared += 1;
  const precision = ours.size === 0 ? 0 : shared / ours.size;
  const recall = theirs.size === 0 ? 0 : shared / theirs.size;
  return { precision, recall, f1: fScore(precision, recall) };
}

/** Texts by date, those of one date joined with a space. */
function byDate(timeline: readonly DatedText[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { date, text } of timeline) map.set(date, map.has(date) ? `${map.get(date)} ${text}` : text);
  return map;
}

/** ROUGE-1 agreement scores with the summed counts they come from. */
export interface RougeScores extends Scores {
  /** Clipped unigram matches on dates both timelines have (the numerator of both P and R). */
  hits: number;
  /** Tokens of every system date: the precision denominator. */
  systemTokens: number;
  /** Tokens of every reference date: the recall denominator. */
  referenceTokens: number;
}

/**
 * ROUGE-1 of one timeline, agreement variant (tilse `evaluate_agreement`):
 * texts are compared only on dates both timelines have; every system date's
 * tokens count in the precision denominator and every reference date's in
 * the recall denominator, so a wrong date costs precision and a missed date
 * costs recall. Tokens are `rougeWords` (lowercased, SMART stop words out,
 * Porter-stemmed). A zero denominator gives 0.
 */
export function agreementRouge(system: readonly DatedText[], reference: readonly DatedText[]): RougeScores {
  const ours = byDate(system);
  const theirs = byDate(reference);
  const refTokens = new Map([...theirs].map(([d, t]) => [d, rougeWords(t)]));
  let hits = 0;
  let systemTokens = 0;
  for (const [date, text] of ours) {
    const tokens = rougeWords(text);
    systemTokens += tokens.length;
    const ref = refTokens.get(date);
    if (ref) hits += rouge1Counts(tokens, ref).hits;
  }
  let referenceTokens = 0;
  for (const tokens of refTokens.values()) referenceTokens += tokens.length;
  const precision = systemTokens === 0 ? 0 : hits / systemTokens;
  const recall = referenceTokens === 0 ? 0 : hits / referenceTokens;
  return { precision, recall, f1: fScore(precision, recall), hits, systemTokens, referenceTokens };
}

/** The corpus score over timelines: precision and recall averaged, F from the averages (tilse `_compute_average`). All 0 for none. */
export function meanScores(scores: readonly Scores[]): Scores {
  if (scores.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const precision = scores.reduce((s, x) => s + x.precision, 0) / scores.length;
  const recall = scores.reduce((s, x) => s + x.recall, 0) / scores.length;
  return { precision, recall, f1: fScore(precision, recall) };
}

/** system / baseline, or undefined when the baseline is 0. */
export function ratio(system: number, baseline: number): number | undefined {
  return baseline === 0 ? undefined : system / baseline;
}

/** What the baseline needs of an article. */
export interface BaselineArticle {
  id: string;
  /** Publication date; only a day-precise one (`YYYY-MM-DD`) counts. */
  published: string | undefined;
  /** Body length in words: the longest article of a day speaks for it. */
  words: number;
  /** Its lead sentence (see `leadSentence`). */
  lead: string;
}

/**
 * The publication-count baseline (PUBCOUNT in Ghalandari and Ifrim 2020):
 * the k days within [from, to] on which the most articles were published
 * (ties: the earlier day), in date order, each said by the lead sentence of
 * that day's longest article (ties: the smaller id).
 */
export function baselineTimeline(articles: readonly BaselineArticle[], protocol: Protocol): DatedText[] {
  const days = new Map<string, BaselineArticle[]>();
  for (const a of articles) {
    const day = a.published;
    if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day) || day < protocol.from || day > protocol.to) continue;
    days.set(day, [...(days.get(day) ?? []), a]);
  }
  return [...days]
    .sort(([da, a], [db, b]) => b.length - a.length || (da < db ? -1 : 1))
    .slice(0, Math.max(0, protocol.k))
    .sort(([da], [db]) => (da < db ? -1 : 1))
    .map(([date, list]) => {
      const longest = [...list].sort((a, b) => b.words - a.words || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
      return { date, text: longest?.lead ?? '' };
    });
}

/** An article's lead: the first sentence of its first non-empty body paragraph, else its headline. */
export function leadSentence(article: KnowledgeArticle): string {
  for (const unit of articleUnits(article)) {
    if (unit.block === 0 || unit.kind !== 'paragraph') continue;
    const first = sentences(unit.text)[0];
    if (first) return first.text;
  }
  return article.data.headline;
}

/** How many of the most-cited events' citations stray from the event's title. */
export interface Incoherence {
  /** Events looked at (at most `top`). */
  events: number;
  /** Their citations. */
  citations: number;
  /** Citations whose sentence shares fewer than `minShared` content words with the event's summary. */
  incoherent: number;
  /** incoherent / citations (0 when there are none). */
  share: number;
}

/**
 * Event incoherence: among the `top` events with the most citations (ties:
 * the event listed first), the share of citations whose sentence shares
 * fewer than `minShared` content words (`contentStems`: 4+ letters, not SMART
 * stop words, lowercased and stemmed) with the event's summary. A high share
 * says the event merged sentences that tell different things.
 */
export function eventIncoherence(events: readonly TimelineEvent[], options: { top?: number; minShared?: number } = {}): Incoherence {
  const top = options.top ?? 20;
  const minShared = options.minShared ?? 2;
  const chosen = events
    .map((event, order) => ({ event, order }))
    .sort((a, b) => b.event.citations.length - a.event.citations.length || a.order - b.order)
    .slice(0, Math.max(0, top))
    .map((x) => x.event);
  let citations = 0;
  let incoherent = 0;
  for (const event of chosen) {
    const title = contentStems(event.summary);
    for (const c of event.citations) {
      citations += 1;
      let shared = 0;
      for (const w of contentStems(c.sentence)) if (title.has(w)) shared += 1;
      if (shared < minShared) incoherent += 1;
    }
  }
  return { events: chosen.length, citations, incoherent, share: citations === 0 ? 0 : incoherent / citations };
}

/** The parts of knowledge.json the size figures read. */
export interface KnowledgeShape {
  events: readonly unknown[];
  entities: { entities: readonly Pick<Entity, 'basis' | 'articles' | 'type'>[] };
  stories: { topics: readonly { articles: readonly string[] }[] };
}

/** Size figures of a knowledge layer. */
export interface KnowledgeFigures {
  events: number;
  /** Key events when the layer marks them (a `keyEvents` list, or events with `key: true`); undefined when it has no such notion. */
  keyEvents: number | undefined;
  topics: number;
  /** Articles in the largest topic over all articles (0 with no articles). */
  largestTopicShare: number;
  largestTopicArticles: number;
  /** Entities the site makes a page for (`hasEntityPage`: named by two or more articles, or listed by an editor). */
  entityPages: number;
}

/**
 * Size figures of `knowledge` (knowledge.json as parsed JSON) over a corpus
 * of `articles` articles.
 */
export function knowledgeFigures(knowledge: KnowledgeShape, articles: number): KnowledgeFigures {
  const largest = Math.max(0, ...knowledge.stories.topics.map((t) => new Set(t.articles).size));
  return {
    events: knowledge.events.length,
    keyEvents: keyEventCount(knowledge),
    topics: knowledge.stories.topics.length,
    largestTopicArticles: largest,
    largestTopicShare: articles === 0 ? 0 : largest / articles,
    entityPages: knowledge.entities.entities.filter((entity) => hasEntityPage(entity)).length,
  };
}

/** Key events, when the layer marks them: a top-level `keyEvents` list, or events flagged `key: true`; undefined otherwise. */
function keyEventCount(knowledge: KnowledgeShape): number | undefined {
  const list = (knowledge as { keyEvents?: unknown }).keyEvents;
  if (Array.isArray(list)) return list.length;
  const flagged = knowledge.events.filter((e) => typeof e === 'object' && e !== null && 'key' in e);
  return flagged.length === 0 ? undefined : flagged.filter((e) => (e as { key: unknown }).key === true).length;
}
