/**
 * Which records of the knowledge layer a shard of a sharded build keeps: what
 * the pages it renders read, so a shard holds about its slice of the events
 * and of the entities' mentions instead of all of them. Pure: the records are
 * handed in one at a time as the file is read (`knowledge-file.ts`).
 *
 * What each page reads (every query of `KnowledgeIndex` returns records in
 * the layer's order, and keeping every record a query can return keeps its
 * answer): a story's page the events citing its articles; a topic's pages,
 * feeds and timeline (and the home page, rendered with its lead topic) the
 * events citing its articles and their figures; an entity's page the events
 * at the places it is named (its mentions), of which it shows the latest
 * `ENTITY_EVENTS_SHOWN` and a count: a first reading, which sees the events
 * after the entities, picks those and counts the rest
 * (`ShardKnowledgeNeeds.entityEvents`), so an entity named in thousands of
 * paragraphs keeps ten events, not all of theirs, and of its mentions those
 * at the places these events cite. Every page may name any entity
 * (by its record without its mentions, with only the articles that tell a
 * page of this shard something: `articlesKept`; a topic's page lists the
 * first `TOPIC_ENTITIES_SHOWN` entities its articles name, and only those
 * keep the topic's articles) and any story or topic, so
 * those are all kept; of the figure groups, the claims made in its topics'
 * articles, narrowed to those articles; which entities an article names is kept for the
 * articles whose pages or feed entries the shard renders. The pairs of
 * copies (`stories.duplicates`) no page reads.
 */
import { ENTITY_EVENTS_SHOWN, TOPIC_ENTITIES_SHOWN } from './browse.ts';
import { distinctCount } from './entity-directory.ts';
import { ENTITY_TYPES, hasEntityPage } from './knowledge.ts';
import type { EntityType } from '../knowledge/schema.ts';
import { inShard, type Shard } from './shards.ts';

/** A record a selector leaves out of its array. */
export const DROP: unique symbol = Symbol('dropped record');

/**
 * What to keep of a record of the layer, given the keys of its array (e.g.
 * `['entities', 'entities']`, `['events']`) and its position in the array:
 * the record, a part of it that still matches its schema, or `DROP`.
 */
export type RecordSelector = (keys: readonly string[], element: unknown, index: number) => unknown;

/** What a shard's pages need of the layer beyond the records every shard keeps. */
export interface ShardKnowledgeNeeds {
  /** Articles whose events the shard shows: those of its stories and topics. */
  articles: Set<string>;
  /** Articles of its topics, whose figures its topic pages show. */
  topicArticles: Set<string>;
  /** The same articles, each with its topics whose pages the shard renders (their positions among them). */
  topicsByArticle: Map<string, number[]>;
  /** `<article>#<block>` places where its entities are named, with the entities (positions in `entityIds`). */
  places: Map<string, number[]>;
  /** The ids of the entities whose pages the shard renders. */
  entityIds: string[];
  /** Events (positions in the layer's `events`) an entity page of the shard shows: each entity's latest `ENTITY_EVENTS_SHOWN`. */
  entityEvents: Set<number>;
  /** How many events name each entity whose page the shard renders (`eventsNaming` of the whole layer), by id. */
  eventTotals: Map<string, number>;
  /** The places each entity whose page the shard renders is named at that the events its page shows cite, by id: its mentions there are kept. */
  entityPlaces: Map<string, Set<string>>;
  /** How many distinct articles name each entity that has a page, in the whole layer, by id: the directory (`entity-directory.ts`) counts them, and the shard keeps only part of most entities' articles. */
  articleTotals: Map<string, number>;
}

interface Named {
  id: string;
}
interface EntityRecord extends Named {
  basis: 'editor' | 'detected';
  type: EntityType;
  articles: string[];
  mentions: { article: string; block: number }[];
}
interface EventRecord {
  date?: string | undefined;
  citations: { article: string; paragraph: number }[];
}

/** An event an entity page may show: its position in the layer and its date ('' when undated). */
interface Ranked {
  i: number;
  date: string;
  /** The places it cites where the entity is named. */
  places: string[];
}

/**
 * Whether `a` comes before `b` on an entity page (`entityListing`): the
 * latest date first, of one date the later in the layer first, undated last
 * in the layer's order.
 */
function ranksBefore(a: Ranked, b: Ranked): boolean {
  if (a.date === b.date) return a.date === '' ? a.i < b.i : a.i > b.i;
  return a.date === '' ? false : b.date === '' ? true : a.date > b.date;
}

/** Puts `event` into `top` (kept in page order) if it is among the first `max`. */
function offer(top: Ranked[], event: Ranked, max: number): void {
  let at = top.length;
  while (at > 0 && ranksBefore(event, top[at - 1]!)) at--;
  if (at >= max) return;
  top.splice(at, 0, event);
  if (top.length > max) top.pop();
}

const at = (keys: readonly string[]): string => keys.join('.');

/**
 * The articles a shard keeps of an entity whose page it does not render: of
 * each of its topics whose first `TOPIC_ENTITIES_SHOWN` entities (in the
 * layer's order: `entitiesNamedIn`) the entity is, the articles the topic
 * holds, in their order (`shown` counts each topic's entities so far, the
 * entities being read in order); then the first others until two distinct
 * ones are kept, so whether the entity has a page (`hasEntityPage`: two
 * articles name it) reads as from the whole. A topic's first entities keep
 * the articles it holds, and no entity keeps an article it does not name,
 * so the first entities its articles name are those of the whole layer.
 */
function articlesKept(entity: EntityRecord, topicsByArticle: ReadonlyMap<string, readonly number[]>, shown: number[]): string[] {
  const listed = new Set<number>();
  for (const a of entity.articles) for (const t of topicsByArticle.get(a) ?? []) listed.add(t);
  for (const t of listed) {
    if ((shown[t] ?? 0) < TOPIC_ENTITIES_SHOWN) shown[t] = (shown[t] ?? 0) + 1;
    else listed.delete(t);
  }
  const kept = listed.size === 0 ? [] : entity.articles.filter((a) => (topicsByArticle.get(a) ?? []).some((t) => listed.has(t)));
  const distinct = new Set(kept);
  for (const a of entity.articles) {
    if (distinct.size >= 2) break;
    if (!distinct.has(a)) {
      distinct.add(a);
      kept.push(a);
    }
  }
  return kept;
}

function ownEntity(entity: EntityRecord, shard: Shard, types: readonly EntityType[]): boolean {
  return hasEntityPage(entity, types) && inShard(`entities/${entity.id}`, shard);
}

/**
 * A selector for a first reading of the layer (its entities, events and
 * stories, in the layer's order: the events after the entities) that keeps
 * nothing and gathers `shard`'s needs (`result()` once the reading is done).
 * `types` are the entity types that get pages (the site's `entityPages`).
 */
export function shardKnowledgeNeeds(shard: Shard, types: readonly EntityType[] = ENTITY_TYPES): { select: RecordSelector; result: () => ShardKnowledgeNeeds } {
  const needs: ShardKnowledgeNeeds = { articles: new Set(), topicArticles: new Set(), topicsByArticle: new Map(), places: new Map(), entityIds: [], entityEvents: new Set(), eventTotals: new Map(), entityPlaces: new Map(), articleTotals: new Map() };
  const counts: number[] = [];
  const tops: Ranked[][] = [];
  let topics = 0;
  const select: RecordSelector = (keys, element, index) => {
    switch (at(keys)) {
      case 'stories.stories': {
        const story = element as Named & { articles: string[] };
        if (inShard(`stories/${story.id}`, shard)) for (const a of story.articles) needs.articles.add(a);
        break;
      }
      case 'stories.topics': {
        const topic = element as Named & { articles: string[] };
        if (inShard(`topics/${topic.id}`, shard)) {
          const t = topics++;
          for (const a of topic.articles) {
            needs.articles.add(a);
            needs.topicArticles.add(a);
            appendDistinct(needs.topicsByArticle, a, t);
          }
        }
        break;
      }
      case 'entities.entities': {
        const entity = element as EntityRecord;
        if (hasEntityPage(entity, types)) needs.articleTotals.set(entity.id, distinctCount(entity.articles));
        if (!ownEntity(entity, shard, types)) break;
        const e = needs.entityIds.push(entity.id) - 1;
        counts.push(0);
        tops.push([]);
        for (const m of entity.mentions) appendDistinct(needs.places, `${m.article}#${m.block}`, e);
        break;
      }
      case 'events': {
        const event = element as EventRecord;
        const naming = new Map<number, string[]>();
        for (const c of event.citations) {
          const place = `${c.article}#${c.paragraph}`;
          for (const e of needs.places.get(place) ?? []) {
            const list = naming.get(e);
            if (list) list.push(place);
            else naming.set(e, [place]);
          }
        }
        for (const [e, places] of naming) {
          counts[e]!++;
          offer(tops[e]!, { i: index, date: event.date ?? '', places }, ENTITY_EVENTS_SHOWN);
        }
        break;
      }
    }
    return DROP;
  };
  const result = (): ShardKnowledgeNeeds => {
    needs.entityIds.forEach((id, e) => {
      needs.eventTotals.set(id, counts[e]!);
      const places = new Set<string>();
      for (const event of tops[e]!) {
        needs.entityEvents.add(event.i);
        for (const place of event.places) places.add(place);
      }
      needs.entityPlaces.set(id, places);
    });
    return needs;
  };
  return { select, result };
}

/** The selector keeping what `shard`'s pages read, given its needs (`shardKnowledgeNeeds`, with the same `types`). */
export function shardKnowledgeSelector(needs: ShardKnowledgeNeeds, shard: Shard, types: readonly EntityType[] = ENTITY_TYPES): RecordSelector {
  const feedsHere = inShard('feeds', shard);
  // Entities listed so far on each of the shard's topic pages.
  const shown: number[] = [];
  return (keys, element, index) => {
    switch (at(keys)) {
      case 'entities.entities': {
        const entity = element as EntityRecord;
        if (!ownEntity(entity, shard, types)) return { ...entity, mentions: [], articles: articlesKept(entity, needs.topicsByArticle, shown) };
        // Its mentions are read only to find the events naming it (`eventsNaming`): those at the places its page's events cite.
        const places = needs.entityPlaces.get(entity.id);
        return { ...entity, mentions: entity.mentions.filter((m) => places?.has(`${m.article}#${m.block}`)) };
      }
      case 'entities.articles': {
        // Which entities an article names: its own page, and the feeds (a topic's, of its articles; the site's, of any).
        const { article } = element as { article: string };
        return feedsHere || inShard(`articles/${article}`, shard) || needs.topicArticles.has(article) ? element : DROP;
      }
      case 'figures':
        return needs.topicArticles.has((element as { article: string }).article) ? element : DROP;
      case 'figureGroups': {
        // A topic's figures panel reads of each claim only the articles and figures of the topic's articles (`figuresFor`).
        const group = element as { claims: { articles: string[]; figures: { article: string }[] }[] };
        const claims = group.claims.flatMap((c) => {
          const articles = c.articles.filter((a) => needs.topicArticles.has(a));
          return articles.length === 0 ? [] : [{ ...c, articles, figures: c.figures.filter((f) => needs.topicArticles.has(f.article)) }];
        });
        return { ...group, claims };
      }
      case 'events': {
        const event = element as EventRecord;
        return needs.entityEvents.has(index) || event.citations.some((c) => needs.articles.has(c.article)) ? element : DROP;
      }
      case 'stories.duplicates':
        return DROP;
      default:
        return element;
    }
  };
}

/** Adds `value` to `key`'s list, unless it is already the list's last (values arrive in order, so the list stays distinct). */
function appendDistinct(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list.at(-1) !== value) list.push(value);
}
