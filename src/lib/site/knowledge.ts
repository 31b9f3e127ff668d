/**
 * Reading the knowledge layer on the site's side: `content/knowledge.json`,
 * validated once, and lookups the pages need, over plain data.
 */
import { knowledgeSchema, type Knowledge } from '../knowledge/knowledge.ts';
import type { Entity, EntityType } from '../knowledge/schema.ts';

export function parseKnowledge(json: unknown): Knowledge {
  return knowledgeSchema.parse(json);
}

/** Facet names for entity types, as the search page shows them. */
export const ENTITY_FACETS: Record<EntityType, string> = { person: 'people', place: 'places', organisation: 'organisations' };

/** The entities an article names, most named first, resolved to their records. */
export function entitiesOf(knowledge: Knowledge, article: string): { entity: Entity; count: number }[] {
  const byId = new Map(knowledge.entities.entities.map((e) => [e.id, e]));
  const row = knowledge.entities.articles.find((a) => a.article === article);
  return (row?.entities ?? []).flatMap(({ id, count }) => {
    const entity = byId.get(id);
    return entity ? [{ entity, count }] : [];
  });
}

/** Entity names by facet, for the search index. */
export function entityFacets(knowledge: Knowledge, article: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { entity } of entitiesOf(knowledge, article)) (out[ENTITY_FACETS[entity.type]] ??= []).push(entity.name);
  return out;
}

/** The stories and topics an article belongs to, by name, for the search index. */
export function storyFacets(knowledge: Knowledge, article: string): Record<string, string[]> {
  return {
    topic: knowledge.stories.topics.filter((t) => t.articles.includes(article)).map((t) => t.name),
    story: knowledge.stories.stories.filter((s) => s.articles.includes(article)).map((s) => s.generatedName),
  };
}
