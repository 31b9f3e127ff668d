/**
 * What the browsing pages show, computed from plain arrays (content entries
 * and the knowledge layer), so each is tested without Astro: a topic's
 * timeline grouped by month and day, publishers, the monthly archive, an
 * article's story and neighbours, an entity's articles and events.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { TimelineEvent } from '../knowledge/events.ts';
import type { Story, Topic } from '../knowledge/stories.ts';
import type { Article } from '../schema.ts';
import { formatPublished, publisherName, sortNewestFirst } from './articles.ts';

/** Articles per page on lists that grow with the corpus (archive months, publishers, entities). */
export const PAGE_SIZE = 50;

export interface Entry {
  id: string;
  data: Article;
  body?: string | undefined;
}


/** "June 2024", "29 June 2025", "2024": a date said to exactly its precision. */
export function formatDate(date: string): string {
  return formatPublished({ date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', basis: 'editor' });
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
export function topicTimeline(events: readonly TimelineEvent[], entries: readonly Entry[], topic: Pick<Topic, 'articles'>): { months: TimelineMonth[]; undated: number } {
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
      month = { key, label: formatDate(key), days: [] };
      months.push(month);
    }
    const dayKey = item.date;
    let day = month.days.at(-1);
    if (day?.key !== dayKey) {
      const unknown = item.date.length === 4 ? 'month unknown' : 'day unknown';
      day = { key: dayKey, label: item.date.length === 10 ? formatDate(item.date) : `${formatDate(item.date)}, ${unknown}`, items: [] };
      month.days.push(day);
    }
    day.items.push(item);
  }
  return { months, undated };
}

/** The topic an article belongs to, and the story. */
export function placeOf(knowledge: Knowledge, article: string): { topic: Topic | undefined; story: Story | undefined } {
  return {
    topic: knowledge.stories.topics.find((t) => t.articles.includes(article)),
    story: knowledge.stories.stories.find((s) => s.articles.includes(article)),
  };
}

/** The articles before and after this one in its topic, by publication date. */
export function neighbours(knowledge: Knowledge, entries: readonly Entry[], article: string): { previous: Entry | undefined; next: Entry | undefined } {
  const topic = placeOf(knowledge, article).topic;
  if (!topic) return { previous: undefined, next: undefined };
  const ordered = sortNewestFirst(entries.filter((e) => topic.articles.includes(e.id))).reverse();
  const at = ordered.findIndex((e) => e.id === article);
  return { previous: at > 0 ? ordered[at - 1] : undefined, next: at >= 0 ? ordered[at + 1] : undefined };
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
export function archive(entries: readonly Entry[]): { key: string; label: string; entries: Entry[] }[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of sortNewestFirst(entries)) {
    const date = entry.data.published.date;
    const key = date && date.length >= 7 ? date.slice(0, 7) : date ? date : 'undated';
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups].map(([key, list]) => ({ key, label: key === 'undated' ? 'Date unknown' : formatDate(key), entries: list }));
}

/** The events that cite an article, or that a set of articles tells. */
export function eventsCiting(events: readonly TimelineEvent[], articles: readonly string[]): TimelineEvent[] {
  const set = new Set(articles);
  return events.filter((e) => e.citations.some((c) => set.has(c.article)));
}

/** Events whose citations fall in paragraphs where the entity is named. */
export function eventsNaming(knowledge: Knowledge, entityId: string): TimelineEvent[] {
  const entity = knowledge.entities.entities.find((e) => e.id === entityId);
  if (!entity) return [];
  const places = new Set(entity.mentions.map((m) => `${m.article}#${m.block}`));
  return knowledge.events.filter((e) => e.citations.some((c) => places.has(`${c.article}#${c.paragraph}`)));
}
