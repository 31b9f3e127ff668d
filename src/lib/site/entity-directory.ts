/**
 * The directory of people, organisations and places (`/entities/`): every
 * entity that has a page (`hasEntityPage`), grouped by type, each with the
 * number of articles naming it, the most covered first. Pure over the
 * knowledge layer's entities. A shard of a sharded build keeps only part of
 * most entities' article lists (`knowledge-slice.ts`), so it passes the
 * counts it read from the whole file.
 *
 * Bounded however large the corpus: the directory page lists the first
 * `ENTITY_DIRECTORY_SHOWN` of each group, and a group with more gets its own
 * pages of `ENTITY_DIRECTORY_PAGE_SIZE` (`/entities/all/<group>/`, `…/2/`).
 * Those addresses have two segments under `/entities/`, so no entity's page
 * (`/entities/<id>/`, one segment) can take one, whatever its id.
 */
import type { Entity, EntityType } from '../knowledge/schema.ts';
import { ENTITY_FACETS, ENTITY_TYPES, hasEntityPage } from './knowledge.ts';

/** Entities of each group the directory page lists before linking to the group's own pages. */
export const ENTITY_DIRECTORY_SHOWN = 48;

/** Entities per page of a group's own pages. */
export const ENTITY_DIRECTORY_PAGE_SIZE = 200;

/** The groups, in the order the directory shows them. */
export const ENTITY_GROUP_ORDER: readonly EntityType[] = ['person', 'organisation', 'place'];

/** A group's heading and the word for one of its members. */
export const ENTITY_GROUP_LABELS: Record<EntityType, { heading: string; one: string; many: string }> = {
  person: { heading: 'People', one: 'person', many: 'people' },
  organisation: { heading: 'Organisations', one: 'organisation', many: 'organisations' },
  place: { heading: 'Places', one: 'place', many: 'places' },
};

/** One line of the directory. */
export interface DirectoryEntry {
  id: string;
  name: string;
  /** Distinct articles that name it. */
  articles: number;
}

export interface DirectoryGroup {
  type: EntityType;
  /** The group's address segment: `people`, `organisations`, `places` (the search page's facet names too). */
  slug: string;
  /** Every member, the most articles first, then by name, then by id. */
  entries: DirectoryEntry[];
}

/** Distinct ids in a list (an entity's `articles`). */
export function distinctCount(ids: readonly string[]): number {
  return new Set(ids).size;
}

/**
 * The directory: one group per type that has any entity with a page, in
 * `ENTITY_GROUP_ORDER`, each sorted by article count (descending), then name
 * (`collator`: the site's language), then id, so the order is total and the
 * same in every build. An entity's article count is `totals`' (a shard's,
 * counted over the whole layer) or else the distinct articles of its record.
 * Only entities of `types` (the site's `entityPages`) have pages, so only they are listed.
 */
export function entityDirectory(
  entities: readonly Pick<Entity, 'id' | 'name' | 'type' | 'basis' | 'articles'>[],
  totals?: ReadonlyMap<string, number>,
  collator: Intl.Collator = new Intl.Collator('en'),
  types: readonly EntityType[] = ENTITY_TYPES,
): DirectoryGroup[] {
  const byType = new Map<EntityType, DirectoryEntry[]>();
  for (const entity of entities) {
    if (!hasEntityPage(entity, types)) continue;
    const list = byType.get(entity.type) ?? [];
    list.push({ id: entity.id, name: entity.name, articles: totals?.get(entity.id) ?? distinctCount(entity.articles) });
    byType.set(entity.type, list);
  }
  return ENTITY_GROUP_ORDER.flatMap((type) => {
    const entries = byType.get(type);
    if (!entries) return [];
    entries.sort((a, b) => b.articles - a.articles || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return [{ type, slug: ENTITY_FACETS[type], entries }];
  });
}

/** What the directory page shows of a group: its first `shown`, and how many more its own pages list. */
export function directorySummary(group: DirectoryGroup, shown = ENTITY_DIRECTORY_SHOWN): { entries: DirectoryEntry[]; total: number; more: number } {
  const entries = group.entries.slice(0, shown);
  return { entries, total: group.entries.length, more: group.entries.length - entries.length };
}

/** The groups that get their own pages: those the directory page cannot list whole. */
export function groupsWithPages(groups: readonly DirectoryGroup[], shown = ENTITY_DIRECTORY_SHOWN): DirectoryGroup[] {
  return groups.filter((g) => g.entries.length > shown);
}
