/**
 * What the browsing pages show, computed from plain arrays (content entries
 * and the knowledge layer), so each is tested without Astro: a topic's
 * timeline grouped by month and day and cut into pages, publishers, the
 * monthly archive, an article's story and neighbours, an entity's articles
 * and events. Every lookup a page makes per article, story, topic or entity
 * goes through an index built once (`siteIndex`, `indexKnowledge`), and every
 * list a page shows is bounded, so no page's cost or size grows with the
 * corpus.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { TimelineEvent } from '../knowledge/events.ts';
import type { Story, Topic } from '../knowledge/stories.ts';
import type { Figure, FigureGroup, Measure } from '../knowledge/schema.ts';
import { figureSeries } from '../knowledge/figure-series.ts';
import type { SiteArticle as Article } from './site-article.ts';
import { formatPublished, publisherName, sortNewestFirst } from './articles.ts';
import { indexKnowledge, type KnowledgeIndex } from './knowledge.ts';
import { siteLocale, type SiteLocale } from './locale.ts';
import { figurePlot, type FigurePlot } from './figure-plot.ts';

/** Articles per page on lists that grow with the corpus (archive months, publishers, topics, stories). */
export const PAGE_SIZE = 50;

export interface Entry {
  id: string;
  data: Article;
  body?: string | undefined;
}


/** "June 2024", "29 June 2025", "2024": a date said to exactly its precision, in `locale` (the site's English by default). */
export function formatDate(date: string, locale: SiteLocale = siteLocale()): string {
  return formatPublished({ date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', basis: 'editor' }, locale);
}

export type TimelineItem =
  | { kind: 'event'; date: string; event: TimelineEvent }
  | { kind: 'article'; date: string; entry: Entry };

export interface TimelineMonth {
  /** `YYYY-MM`, or `YYYY` for what is known only to the year. */
  key: string;
  label: string;
  /** Items known only to this month (or year) first, then by day. */
  days: { key: string; label: string; items: TimelineItem[] }[];
}

/**
 * A topic's timeline, oldest first: its dated events and its articles at
 * their publication dates, grouped by month (or year, for what is known only
 * to the year) and by day. Within a day, events come before the articles that
 * report them. Undated items are left out; `undated` counts them.
 */
export function topicTimeline(
  events: readonly TimelineEvent[],
  entries: readonly Entry[],
  topic: Pick<Topic, 'articles'>,
  locale: SiteLocale = siteLocale(),
): { months: TimelineMonth[]; undated: number } {
  const members = new Set(topic.articles);
  const items: TimelineItem[] = [];
  let undated = 0;
  for (const event of events) {
    if (!event.citations.some((c) => members.has(c.article))) continue;
    if (event.date) items.push({ kind: 'event', date: event.date, event });
    else undated++;
  }
  for (const entry of entries) {
    if (!members.has(entry.id)) continue;
    if (entry.data.published.date) items.push({ kind: 'article', date: entry.data.published.date, entry });
    else undated++;
  }
  // Coarser dates sort before finer ones within their span ("2024" before "2024-01-05").
  const sortKey = (i: TimelineItem): string => `${i.date.padEnd(10, ' ')}${i.kind === 'event' ? 0 : 1}${i.kind === 'event' ? i.event.id : i.entry.id}`;
  items.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const months: TimelineMonth[] = [];
  for (const item of items) {
    const key = item.date.slice(0, 7);
    let month = months.at(-1);
    if (month?.key !== key) {
      month = { key, label: formatDate(key, locale), days: [] };
      months.push(month);
    }
    const dayKey = item.date;
    let day = month.days.at(-1);
    if (day?.key !== dayKey) {
      const unknown = item.date.length === 4 ? 'month unknown' : 'day unknown';
      day = { key: dayKey, label: item.date.length === 10 ? formatDate(item.date, locale) : `${formatDate(item.date, locale)}, ${unknown}`, items: [] };
      month.days.push(day);
    }
    day.items.push(item);
  }
  return { months, undated };
}

/** The topic an article belongs to, and the story. */
export function placeOf(knowledge: Knowledge, article: string): { topic: Topic | undefined; story: Story | undefined } {
  const index = indexKnowledge(knowledge);
  return { topic: index.topicsOf(article)[0], story: index.storiesOf(article)[0] };
}

/** The articles before and after this one in its topic, by publication date. */
export function neighbours<E extends Entry>(knowledge: Knowledge, entries: readonly E[], article: string): { previous: E | undefined; next: E | undefined } {
  return siteIndex(knowledge, entries).neighbours(article);
}

/**
 * Lookups over the content entries and the knowledge layer together, built
 * once for a pair of them: each article page, story, topic or entity asks in
 * constant (or its own size's) time instead of scanning the corpus.
 */
export interface SiteIndex<E extends Entry> {
  knowledge: KnowledgeIndex;
  entries: readonly E[];
  byId: ReadonlyMap<string, E>;
  /** Every entry, newest first (`sortNewestFirst`). */
  newest: readonly E[];
  /** The entries with these ids, in the order given; unknown ids are skipped. */
  resolve(ids: Iterable<string>): E[];
  topicOf(article: string): Topic | undefined;
  storyOf(article: string): Story | undefined;
  /** The articles before and after this one in its topic, by publication date. */
  neighbours(article: string): { previous: E | undefined; next: E | undefined };
}

const siteIndexes = new WeakMap<Knowledge, WeakMap<readonly Entry[], SiteIndex<Entry>>>();

/** The index of these entries with this knowledge layer, built on first use and kept while both live. */
export function siteIndex<E extends Entry>(knowledge: Knowledge, entries: readonly E[]): SiteIndex<E> {
  let byEntries = siteIndexes.get(knowledge);
  if (!byEntries) siteIndexes.set(knowledge, (byEntries = new WeakMap()));
  const cached = byEntries.get(entries);
  if (cached) return cached as unknown as SiteIndex<E>;
  const index = indexKnowledge(knowledge);
  const byId = new Map<string, E>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  const resolve = (ids: Iterable<string>): E[] => {
    const out: E[] = [];
    for (const id of ids) {
      const e = byId.get(id);
      if (e) out.push(e);
    }
    return out;
  };
  let newest: E[] | undefined;
  const ordered = new Map<Topic, { list: E[]; at: Map<string, number> }>();
  const orderOf = (topic: Topic): { list: E[]; at: Map<string, number> } => {
    let o = ordered.get(topic);
    if (!o) {
      // A topic's entries oldest first (`sortNewestFirst` reversed). The order is total (date,
      // headline, id), so sorting the topic's own entries gives what sorting a scan of all would.
      const list = sortNewestFirst(resolve(new Set(topic.articles))).reverse();
      o = { list, at: new Map(list.map((e, i) => [e.id, i] as const).reverse()) };
      ordered.set(topic, o);
    }
    return o;
  };
  const site: SiteIndex<E> = {
    knowledge: index,
    entries,
    byId,
    get newest() {
      return (newest ??= sortNewestFirst(entries));
    },
    resolve,
    topicOf: (article) => index.topicsOf(article)[0],
    storyOf: (article) => index.storiesOf(article)[0],
    neighbours(article) {
      const topic = index.topicsOf(article)[0];
      if (!topic) return { previous: undefined, next: undefined };
      const { list, at } = orderOf(topic);
      const i = at.get(article);
      if (i === undefined) return { previous: undefined, next: undefined };
      return { previous: i > 0 ? list[i - 1] : undefined, next: list[i + 1] };
    },
  };
  byEntries.set(entries, site as unknown as SiteIndex<Entry>);
  return site;
}

export function slugOf(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unknown'
  );
}

export interface PublisherGroup {
  slug: string;
  name: string;
  /** Whether the name is known (an "Unknown publisher" group gathers the rest). */
  known: boolean;
  entries: Entry[];
}

/** Articles by publisher, most articles first, then by name; unknown publishers last. */
export function publishers(entries: readonly Entry[]): PublisherGroup[] {
  const groups = new Map<string, PublisherGroup>();
  for (const entry of entries) {
    const name = publisherName(entry.data.publisher);
    const known = entry.data.publisher.name !== undefined;
    const slug = known ? slugOf(name) : 'unknown';
    const group = groups.get(slug) ?? { slug, name, known, entries: [] };
    group.entries.push(entry);
    groups.set(slug, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, entries: sortNewestFirst(g.entries) }))
    .sort((a, b) => Number(b.known) - Number(a.known) || b.entries.length - a.entries.length || a.name.localeCompare(b.name, 'en'));
}

/** Articles by month of publication, newest month first; undated articles in a last group. */
export function archive(entries: readonly Entry[], locale: SiteLocale = siteLocale()): { key: string; label: string; entries: Entry[] }[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of sortNewestFirst(entries)) {
    const date = entry.data.published.date;
    const key = date && date.length >= 7 ? date.slice(0, 7) : date ? date : 'undated';
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups].map(([key, list]) => ({ key, label: key === 'undated' ? 'Date unknown' : formatDate(key, locale), entries: list }));
}

/** The events that cite an article, or that a set of articles tells. */
export function eventsCiting(events: readonly TimelineEvent[], articles: readonly string[]): TimelineEvent[] {
  const set = new Set(articles);
  return events.filter((e) => e.citations.some((c) => set.has(c.article)));
}

/** Events whose citations fall in paragraphs where the entity is named. */
export function eventsNaming(knowledge: Knowledge, entityId: string): TimelineEvent[] {
  return indexKnowledge(knowledge).eventsNaming(entityId);
}

/**
 * Text with every article id in it replaced by a name for the article (event
 * notes name articles by id; readers know them by publisher). Only whole
 * ids are replaced, found word by word, so the cost is the text's length,
 * not the corpus's, and one id inside another ("x" in "x-2") is left alone.
 */
export function nameArticleIds(text: string, nameOf: (id: string) => string | undefined): string {
  return text.replace(/[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu, (token) => nameOf(token) ?? token);
}

/**
 * A date note as readers read it: article ids named (`nameArticleIds`),
 * ISO dates written out ("2009-05" → "May 2009"), and a sentence that only
 * repeats an earlier one for another article said once.
 */
export function readableNote(note: string, nameOf: (id: string) => string | undefined, locale: SiteLocale = siteLocale()): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  // Each sentence of a note opens with the id of the article it is about ("<id>: “May” could be …").
  for (const part of note.split(/(?<=\.)\s+(?=[\p{L}\p{N}_-]+: )/u)) {
    const claim = part.replace(/^[\p{L}\p{N}_-]+: /u, '').replace(/[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+){2,}/gu, '');
    if (seen.has(claim)) continue;
    seen.add(claim);
    kept.push(part);
  }
  const named = nameArticleIds(kept.join(' '), nameOf);
  return named.replace(/\b\d{4}-\d{2}(?:-\d{2})?\b/g, (iso) => formatDate(iso, locale));
}

/** Citations an event lists by name; the rest are counted (an event can be told by thousands of reports). */
export const EVENT_CITATIONS_SHOWN = 8;
/** Reports named per date when sources disagree on an event's date. */
export const DATE_SOURCES_SHOWN = 3;

/** The first `max` items and how many are left out: a list a page shows whatever the corpus's size. */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** Timeline items per page of a topic's timeline. */
export const TIMELINE_PAGE_SIZE = 50;

/**
 * A topic's timeline cut into pages of at most `size` items, the latest page
 * first (each page reads oldest first, like the whole). Pages end between
 * days where that keeps them at least half full; a day with more items than
 * that is split, its heading repeated on each page. Always at least one page.
 */
export function paginateTimeline(months: readonly TimelineMonth[], size = TIMELINE_PAGE_SIZE): TimelineMonth[][] {
  if (size < 1) throw new RangeError('page size must be at least 1');
  type Day = { month: TimelineMonth; day: TimelineMonth['days'][number] };
  const days: Day[] = months.flatMap((month) => month.days.map((day) => ({ month, day })));
  // Fill pages from the latest day backwards, so the first page holds the latest items.
  const pages: Day[][] = [];
  let page: Day[] = [];
  let count = 0;
  const close = (): void => {
    if (page.length > 0) pages.push(page.reverse());
    page = [];
    count = 0;
  };
  for (let i = days.length - 1; i >= 0; i--) {
    const { month, day } = days[i]!;
    let items = day.items;
    if (count > 0 && count + items.length > size && count >= size / 2) close();
    while (count + items.length > size) {
      // The latest items of the day stay with the later page.
      const room = size - count;
      page.push({ month, day: { ...day, items: items.slice(items.length - room) } });
      items = items.slice(0, items.length - room);
      count = size;
      close();
    }
    if (items.length > 0) {
      page.push({ month, day: { ...day, items } });
      count += items.length;
    }
    if (count >= size) close();
  }
  close();
  if (pages.length === 0) return [[]];
  return pages.map((list) => {
    const out: TimelineMonth[] = [];
    for (const { month, day } of list) {
      const last = out.at(-1);
      if (last?.key === month.key) last.days.push(day);
      else out.push({ ...month, days: [day] });
    }
    return out;
  });
}

/** Items of a timeline (or of one of its pages) by kind. */
export function timelineCounts(months: readonly TimelineMonth[]): { events: number; articles: number } {
  let events = 0;
  let articles = 0;
  for (const m of months) {
    for (const d of m.days) {
      for (const i of d.items) {
        if (i.kind === 'event') events++;
        else articles++;
      }
    }
  }
  return { events, articles };
}

/** A topic's stories, latest first (by their last publication date; undated last), at most `limit`, and how many there are. */
export function storiesOfTopic(knowledge: Knowledge, topic: Pick<Topic, 'stories'>, limit: number): { stories: Story[]; total: number } {
  const index = indexKnowledge(knowledge);
  const all = [...new Set(topic.stories)].flatMap((id) => index.story(id) ?? []);
  // Stable: stories of the same last date keep the knowledge layer's order (earliest first).
  const latest = all.map((s, i) => ({ s, i })).sort((a, b) => {
    const x = a.s.span.to ?? '';
    const y = b.s.span.to ?? '';
    return x === y ? a.i - b.i : x === '' ? 1 : y === '' ? -1 : x < y ? 1 : -1;
  });
  return { stories: latest.slice(0, limit).map(({ s }) => s), total: all.length };
}

/**
 * Events an entity page lists. An entity page is made for every person,
 * place and organisation (3,537 pages at 270 articles, four fifths of
 * `dist/`), so it shows few: the latest ones, and counts the rest, which are
 * on the timelines of the topics it links to.
 */
export const ENTITY_EVENTS_SHOWN = 10;
/** Entities a topic's first page lists, the first its articles name in the knowledge layer's order (most named overall first). */
export const TOPIC_ENTITIES_SHOWN = 10;
/** Articles an entity page lists, newest first; search (faceted by the entity) lists them all. */
export const ENTITY_ARTICLES_SHOWN = 10;
/** Topics an entity page links to, most of its articles first. */
export const ENTITY_TOPICS_SHOWN = 5;

export interface EntityListing<E extends Entry> {
  /** The latest events that name it, newest first, and how many are left out. */
  events: { shown: TimelineEvent[]; more: number; total: number };
  /** Its newest articles (`sortNewestFirst`), and how many are left out. */
  articles: { shown: E[]; more: number; total: number };
  /** The topics holding its articles, with how many of them each holds, most first; their timelines hold its events. */
  topics: { shown: { topic: Topic; articles: number }[]; more: number };
}

/**
 * What an entity page lists, bounded whatever the corpus, with counts of the
 * rest. `events` are the events that name the entity, in any order; the
 * latest by date are shown first ("2024-06" counts as the start of June),
 * those the sources give no agreed date come last. `articles` are the
 * articles that name it; `topicsOf` gives an article's topics. Costs one
 * sort of the entity's own events and articles, never a scan of the corpus.
 * `eventsTotal` is how many events name it when `events` holds only some of
 * them, the ones shown among them (a shard keeps no more: `knowledge-slice.ts`).
 */
export function entityListing<E extends Entry>(
  events: readonly TimelineEvent[],
  articles: readonly E[],
  topicsOf: (article: string) => readonly Topic[],
  limits: { events: number; articles: number; topics: number } = { events: ENTITY_EVENTS_SHOWN, articles: ENTITY_ARTICLES_SHOWN, topics: ENTITY_TOPICS_SHOWN },
  eventsTotal: number = events.length,
): EntityListing<E> {
  // Latest first; of one date, the later in the order given first; undated last, in the order given.
  const latest = events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => {
      const x = a.event.date ?? '';
      const y = b.event.date ?? '';
      if (x === y) return x === '' ? a.i - b.i : b.i - a.i;
      return x === '' ? 1 : y === '' ? -1 : x < y ? 1 : -1;
    });
  const shownEvents = firstOf(latest, limits.events);
  const shownArticles = firstOf(sortNewestFirst(articles), limits.articles);
  const counts = new Map<Topic, number>();
  for (const id of new Set(articles.map((a) => a.id))) for (const topic of new Set(topicsOf(id))) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const topics = [...counts].map(([topic, n]) => ({ topic, articles: n })).sort((a, b) => b.articles - a.articles || a.topic.name.localeCompare(b.topic.name, 'en') || a.topic.id.localeCompare(b.topic.id, 'en'));
  return {
    events: { shown: shownEvents.shown.map(({ event }) => event), more: Math.max(0, eventsTotal - shownEvents.shown.length), total: eventsTotal },
    articles: { ...shownArticles, total: articles.length },
    topics: firstOf(topics, limits.topics),
  };
}

/** A claim of "what the sources say", narrowed to some articles. */
export interface FiguresClaim {
  label: string;
  /** How many of the articles make it. */
  articles: number;
  /** Whom these articles attribute it to, sorted, at most the links limit. */
  attributions: string[];
  /** Where they make it, at most the links limit, in article and block order. */
  figures: { article: string; block: number }[];
  /** Places left out by the links limit. */
  more: number;
}

/**
 * The figure claims that these articles make, by measure, each narrowed to
 * these articles (its count, places and attributions): at most `claims`
 * claims a measure, the most made first, and `links` places and attributions
 * a claim, so the panel stays the same size however many articles make a
 * claim. Measure `other` is left out, as on the pages.
 */
export function figuresFor(groups: readonly FigureGroup[], articles: Iterable<string>, limits: { claims: number; links: number }): { measure: string; claims: FiguresClaim[]; total: number }[] {
  const members = new Set(articles);
  const out: { measure: string; claims: FiguresClaim[]; total: number }[] = [];
  for (const g of groups) {
    if (g.measure === 'other') continue;
    const claims: FiguresClaim[] = [];
    for (const c of g.claims) {
      const made = c.articles.filter((a) => members.has(a));
      if (made.length === 0) continue;
      const figures = c.figures.filter((f) => members.has(f.article));
      const attributions = [...new Set(figures.flatMap((f) => f.attribution ?? []))].sort().slice(0, limits.links);
      claims.push({ label: c.label, articles: made.length, attributions, figures: figures.slice(0, limits.links).map((f) => ({ article: f.article, block: f.block })), more: Math.max(0, figures.length - limits.links) });
    }
    // Most made here first; the knowledge layer's order breaks ties (the sort is stable).
    claims.sort((a, b) => b.articles - a.articles);
    if (claims.length > 0) out.push({ measure: g.measure, claims: claims.slice(0, limits.claims), total: claims.length });
  }
  return out;
}

/** One date of a series as the figures panel shows it. */
export interface SeriesPointRow {
  /** `YYYY-MM-DD`. */
  date: string;
  /** "13 Jan", with the year when the series spans more than one. */
  day: string;
  /** "about 50,000", "50,000–100,000". */
  label: string;
  /** Where the largest value of the day is given: its article and block. */
  cite: { article: string; block: number };
  /** Whom the day's figures are attributed to, sorted; empty when none is. */
  attributions: string[];
  /** Whether some figure of the day has no attribution. */
  unattributed: boolean;
  /** How many figures the day's value stands on. */
  reports: number;
}

/** A series as the figures panel shows it. */
export interface SeriesRow {
  key: string;
  measure: Measure;
  /** The counted noun when it is not the measure's usual one. */
  unit?: string;
  points: SeriesPointRow[];
  /** Dates left out by the points limit. */
  more: number;
  /** Every date of the series as a step chart (its own, larger limit). */
  plot?: FigurePlot;
}

/**
 * The figure series of these figures (`figureSeries`), each dated by its
 * article's publication date among `entries`: at most `series` of them, the
 * longest first within measure order. A date that says what the date before
 * it said is left out (the count did not change); of the rest, at most
 * `points`, spread evenly from the first to the latest, so the row stays
 * the same size however long the story runs.
 */
export function figureSeriesFor(
  figures: readonly Figure[],
  entries: ReadonlyMap<string, Entry>,
  limits: { series: number; points: number },
  locale: SiteLocale = siteLocale(),
): SeriesRow[] {
  const all = figureSeries(figures, (id) => entries.get(id)?.data.published.date);
  return all.slice(0, limits.series).map((s) => {
    const changed = s.points.filter((p, i) => i === 0 || p.label !== s.points[i - 1]?.label);
    const n = changed.length;
    const k = Math.max(2, limits.points);
    const kept = n <= k ? changed : [...new Set(Array.from({ length: k }, (_, i) => Math.round((i * (n - 1)) / (k - 1))))].map((i) => changed[i]!);
    const years = new Set(kept.map((p) => p.date.slice(0, 4)));
    const points = kept.map((p): SeriesPointRow => {
      const top = p.figures[0]!;
      return {
        date: p.date,
        day: locale.shortDay(p.date, years.size > 1),
        label: p.label,
        cite: { article: top.article, block: top.block },
        attributions: p.attributions,
        unattributed: p.unattributed,
        reports: p.figures.length,
      };
    });
    const plot = figurePlot(s, locale);
    return { key: s.key, measure: s.measure, ...(s.unit === undefined ? {} : { unit: s.unit }), points, more: s.points.length - points.length, ...(plot ? { plot } : {}) };
  });
}

/**
 * The badge each of a story's articles carries on the story page: "First
 * report", or which other articles it is a copy of (at most `names` of them
 * by headline, then how many more), or none.
 */
export function coverageBadges(story: Pick<Story, 'firstReport' | 'wireGroups'>, headlineOf: (id: string) => string | undefined, names = 3): (id: string) => string | undefined {
  const groupOf = new Map<string, readonly string[]>();
  for (const g of story.wireGroups) for (const id of g) if (!groupOf.has(id)) groupOf.set(id, g);
  return (id) => {
    if (id === story.firstReport) return 'First report';
    const group = groupOf.get(id);
    if (!group) return undefined;
    const others = group.filter((x) => x !== id);
    const listed = others.slice(0, names).map((x) => headlineOf(x) ?? x);
    const more = others.length - listed.length;
    return `Copy of the same text as ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  };
}
