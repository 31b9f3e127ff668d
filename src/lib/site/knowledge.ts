/**
 * Reading the knowledge layer on the site's side: `content/knowledge.json`,
 * validated once, and lookups the pages need, over plain data. The lookups go
 * through an index built once per knowledge object (`indexKnowledge`), so a
 * page asking about one article, story or entity costs the same at 10,000
 * articles as at ten.
 */
import { z } from 'zod';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { timelineEventSchema, type TimelineEvent } from '../knowledge/events.ts';
import { storyClusteringSchema, type Story, type Topic } from '../knowledge/stories.ts';
import { entityIndexSchema, figureGroupSchema, figureSchema, type Entity, type EntityType, type Figure } from '../knowledge/schema.ts';

/**
 * `knowledgeSchema`, composed here from the same parts: importing it from
 * `knowledge/knowledge.ts` would load the entity detector and its language
 * models (compromise, wink) into every site build, to check a file. A unit
 * test holds the two to the same fields and parts.
 */
export const siteKnowledgeSchema = z
  .object({
    entities: entityIndexSchema,
    figures: z.array(figureSchema),
    figureGroups: z.array(figureGroupSchema),
    events: z.array(timelineEventSchema),
    stories: storyClusteringSchema,
  })
  .strict();

export function parseKnowledge(json: unknown): Knowledge {
  return siteKnowledgeSchema.parse(json);
}

/** Facet names for entity types, as the search page shows them. */
/** Articles that must name a detected entity before it gets a page: one article's name may be noise ("Special", "Will Tunisia"). */
export const ENTITY_PAGE_MIN_ARTICLES = 2;

/** Every entity type: each gets pages unless a site's `entityPages` (content/site.yaml) names fewer. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'place'];

/**
 * Whether an entity gets a page (and links to it): its type is one of
 * `types` (the site's `entityPages`), and an editor listed it, or at least
 * `ENTITY_PAGE_MIN_ARTICLES` articles name it.
 */
export function hasEntityPage(entity: Pick<Entity, 'basis' | 'articles' | 'type'>, types: readonly EntityType[] = ENTITY_TYPES): boolean {
  if (!types.includes(entity.type)) return false;
  if (entity.basis === 'editor') return true;
  // Stops at the threshold: article pages ask this of every entity they name, and the most named list thousands of articles.
  const seen = new Set<string>();
  for (const article of entity.articles) {
    seen.add(article);
    if (seen.size >= ENTITY_PAGE_MIN_ARTICLES) return true;
  }
  return seen.size >= ENTITY_PAGE_MIN_ARTICLES;
}

export const ENTITY_FACETS: Record<EntityType, string> = { person: 'people', place: 'places', organisation: 'organisations' };

/** Lookups over one knowledge layer, each answered from maps built once. */
export interface KnowledgeIndex {
  /** Every topic holding the article, in the knowledge layer's order (the first is "its" topic). */
  topicsOf(article: string): readonly Topic[];
  /** Every story holding the article, in the knowledge layer's order (the first is "its" story). */
  storiesOf(article: string): readonly Story[];
  /** The first topic holding the story. */
  topicOfStory(story: string): Topic | undefined;
  topic(id: string): Topic | undefined;
  story(id: string): Story | undefined;
  entity(id: string): Entity | undefined;
  /** The entities an article names, most named first. */
  entitiesOf(article: string): readonly { entity: Entity; count: number }[];
  /** Events citing any of the articles, in the knowledge layer's order. */
  eventsCiting(articles: Iterable<string>): TimelineEvent[];
  /** Events whose citations fall in paragraphs where the entity is named, in the knowledge layer's order. */
  eventsNaming(entity: string): TimelineEvent[];
  /** Entities named in any of the articles, in the knowledge layer's order (most named overall first), at most `limit`. */
  entitiesNamedIn(articles: Iterable<string>, limit: number): Entity[];
  /** The figures of the articles, in the knowledge layer's order (article id, block, text). */
  figuresIn(articles: Iterable<string>): Figure[];
}

const indexes = new WeakMap<Knowledge, KnowledgeIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes in ascending order, deduplicated. */
function union(lists: Iterable<readonly number[] | undefined>): number[] {
  const seen = new Set<number>();
  for (const list of lists) for (const i of list ?? []) seen.add(i);
  return [...seen].sort((a, b) => a - b);
}

/** The index of a knowledge layer, built on first use and kept while the object lives. */
export function indexKnowledge(knowledge: Knowledge): KnowledgeIndex {
  const cached = indexes.get(knowledge);
  if (cached) return cached;
  const { topics, stories } = knowledge.stories;
  const topicsByArticle = new Map<string, Topic[]>();
  const storiesByArticle = new Map<string, Story[]>();
  const topicByStory = new Map<string, Topic>();
  for (const t of topics) {
    for (const a of new Set(t.articles)) push(topicsByArticle, a, t);
    for (const s of t.stories) if (!topicByStory.has(s)) topicByStory.set(s, t);
  }
  for (const s of stories) for (const a of new Set(s.articles)) push(storiesByArticle, a, s);
  const topicById = new Map(topics.map((t) => [t.id, t] as const).reverse());
  const storyById = new Map(stories.map((s) => [s.id, s] as const).reverse());
  const entities = knowledge.entities.entities;
  const entityById = new Map(entities.map((e) => [e.id, e] as const).reverse());
  // Entities by the articles that name them, as positions in `knowledge.entities.entities`.
  const entitiesByArticle = new Map<string, number[]>();
  entities.forEach((e, i) => {
    for (const a of new Set(e.articles)) push(entitiesByArticle, a, i);
  });
  const rows = new Map<string, { id: string; count: number }[]>();
  for (const row of knowledge.entities.articles) if (!rows.has(row.article)) rows.set(row.article, row.entities);
  const resolved = new Map<string, { entity: Entity; count: number }[]>();
  // Events by the articles and the paragraphs that cite them, as positions in `knowledge.events`.
  const eventsByArticle = new Map<string, number[]>();
  const eventsByPlace = new Map<string, number[]>();
  knowledge.events.forEach((event, i) => {
    for (const c of event.citations) {
      const byArticle = eventsByArticle.get(c.article);
      if (byArticle?.at(-1) !== i) push(eventsByArticle, c.article, i);
      const place = `${c.article}#${c.paragraph}`;
      if (eventsByPlace.get(place)?.at(-1) !== i) push(eventsByPlace, place, i);
    }
  });
  // Figures by article, as positions in `knowledge.figures`.
  const figuresByArticle = new Map<string, number[]>();
  knowledge.figures.forEach((f, i) => push(figuresByArticle, f.article, i));
  const NONE: readonly never[] = [];
  const index: KnowledgeIndex = {
    topicsOf: (article) => topicsByArticle.get(article) ?? NONE,
    storiesOf: (article) => storiesByArticle.get(article) ?? NONE,
    topicOfStory: (story) => topicByStory.get(story),
    topic: (id) => topicById.get(id),
    story: (id) => storyById.get(id),
    entity: (id) => entityById.get(id),
    entitiesOf(article) {
      let list = resolved.get(article);
      if (!list) {
        list = (rows.get(article) ?? []).flatMap(({ id, count }) => {
          const entity = entityById.get(id);
          return entity ? [{ entity, count }] : [];
        });
        resolved.set(article, list);
      }
      return list;
    },
    eventsCiting: (articles) => union([...new Set(articles)].map((a) => eventsByArticle.get(a))).map((i) => knowledge.events[i]!),
    eventsNaming(id) {
      const entity = entityById.get(id);
      if (!entity) return [];
      return union(entity.mentions.map((m) => eventsByPlace.get(`${m.article}#${m.block}`))).map((i) => knowledge.events[i]!);
    },
    entitiesNamedIn: (articles, limit) =>
      union([...new Set(articles)].map((a) => entitiesByArticle.get(a)))
        .slice(0, limit)
        .map((i) => entities[i]!),
    figuresIn: (articles) => union([...new Set(articles)].map((a) => figuresByArticle.get(a))).map((i) => knowledge.figures[i]!),
  };
  indexes.set(knowledge, index);
  return index;
}

/** The entities an article names, most named first, resolved to their records. */
export function entitiesOf(knowledge: Knowledge, article: string): { entity: Entity; count: number }[] {
  return [...indexKnowledge(knowledge).entitiesOf(article)];
}

/** Entity names by facet, for the search index. */
export function entityFacets(knowledge: Knowledge, article: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { entity } of indexKnowledge(knowledge).entitiesOf(article)) (out[ENTITY_FACETS[entity.type]] ??= []).push(entity.name);
  return out;
}

/** The stories and topics an article belongs to, by name, for the search index. */
export function storyFacets(knowledge: Knowledge, article: string): Record<string, string[]> {
  const index = indexKnowledge(knowledge);
  return {
    topic: index.topicsOf(article).map((t) => t.name),
    story: index.storiesOf(article).map((s) => s.generatedName),
  };
}
