/**
 * The directory of people, organisations and places (`entity-directory.ts`):
 * which entities it lists, in which groups and order, with which counts, and
 * how it stays bounded as the corpus grows.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/lib/knowledge/schema.ts';
import { ENTITY_DIRECTORY_SHOWN, directorySummary, distinctCount, entityDirectory, groupsWithPages } from '../../src/lib/site/entity-directory.ts';

type DirectoryInput = Pick<Entity, 'id' | 'name' | 'type' | 'basis' | 'articles'>;

const entity = (id: string, type: Entity['type'], articles: string[], basis: Entity['basis'] = 'detected', name = id.toUpperCase()): DirectoryInput => ({ id, name, type, basis, articles });

describe('the entity directory', () => {
  const entities = [
    entity('kursk', 'place', ['a', 'b', 'c']),
    entity('kim', 'person', ['a', 'b', 'c', 'd']),
    entity('once', 'person', ['a']),
    entity('kremlin', 'organisation', ['a'], 'editor'),
    entity('putin', 'person', ['a', 'a', 'b', 'c']),
    entity('moscow', 'place', ['b', 'c', 'd']),
    entity('nis', 'organisation', ['c', 'd']),
  ];

  it('groups people, organisations and places in that order, lists only entities with a page, and counts distinct articles', () => {
    const groups = entityDirectory(entities);
    expect(groups.map((g) => [g.type, g.slug])).toEqual([
      ['person', 'people'],
      ['organisation', 'organisations'],
      ['place', 'places'],
    ]);
    const people = groups[0]!.entries;
    // One article's name has no page, so no line; a name repeated in one article counts once.
    expect(people).toEqual([
      { id: 'kim', name: 'KIM', articles: 4 },
      { id: 'putin', name: 'PUTIN', articles: 3 },
    ]);
    // An editor's entity has a page however few articles name it.
    expect(groups[1]!.entries.map((e) => e.id)).toEqual(['nis', 'kremlin']);
  });

  it('sorts by article count, then by name in the site language, then by id', () => {
    const places = entityDirectory([
      entity('zz', 'place', ['a', 'b'], 'detected', 'Zürich'),
      entity('ab', 'place', ['a', 'b'], 'detected', 'Ämsterdam'),
      entity('b2', 'place', ['a', 'b'], 'detected', 'Berlin'),
      entity('b1', 'place', ['a', 'b'], 'detected', 'Berlin'),
      entity('top', 'place', ['a', 'b', 'c'], 'detected', 'Yerevan'),
    ])[0]!.entries;
    expect(places.map((e) => e.id)).toEqual(['top', 'ab', 'b1', 'b2', 'zz']);
  });

  it('takes the counts it is given over the records (a shard keeps only part of an entity’s articles)', () => {
    const totals = new Map([['kursk', 40]]);
    const places = entityDirectory(entities, totals).find((g) => g.type === 'place')!.entries;
    expect(places).toEqual([
      { id: 'kursk', name: 'KURSK', articles: 40 },
      { id: 'moscow', name: 'MOSCOW', articles: 3 },
    ]);
  });

  it('leaves out a type no entity with a page has, and is empty for an empty layer', () => {
    expect(entityDirectory(entities.filter((e) => e.type !== 'organisation')).map((g) => g.type)).toEqual(['person', 'place']);
    expect(entityDirectory([])).toEqual([]);
  });

  it('shows the first of a large group on the directory page and gives only such groups pages of their own', () => {
    const many = Array.from({ length: ENTITY_DIRECTORY_SHOWN + 5 }, (_, i) => entity(`p${i}`, 'person', Array.from({ length: 2 + i }, (_, a) => `a${a}`)));
    const groups = entityDirectory([...many, ...entities.filter((e) => e.type === 'place')]);
    const people = directorySummary(groups[0]!);
    expect(people.entries).toHaveLength(ENTITY_DIRECTORY_SHOWN);
    expect(people.entries[0]!.id).toBe(`p${ENTITY_DIRECTORY_SHOWN + 4}`);
    expect(people.total).toBe(ENTITY_DIRECTORY_SHOWN + 5);
    expect(people.more).toBe(5);
    expect(directorySummary(groups[1]!)).toMatchObject({ total: 2, more: 0 });
    expect(groupsWithPages(groups).map((g) => g.slug)).toEqual(['people']);
  });

  it('stays bounded at tens of thousands of entities: the directory page lists at most its first of each group', () => {
    const types: Entity['type'][] = ['person', 'organisation', 'place'];
    const many = Array.from({ length: 30_000 }, (_, i) => entity(`e${i}`, types[i % 3]!, Array.from({ length: 1 + ((i * 7919) % 13) }, (_, a) => `a${(i + a) % 10_000}`), i % 97 === 0 ? 'editor' : 'detected'));
    const started = performance.now();
    const groups = entityDirectory(many);
    expect(performance.now() - started).toBeLessThan(5_000);
    const withPage = many.filter((e) => e.basis === 'editor' || new Set(e.articles).size >= 2).length;
    expect(groups.reduce((n, g) => n + g.entries.length, 0)).toBe(withPage);
    for (const group of groups) {
      expect(directorySummary(group).entries.length).toBe(ENTITY_DIRECTORY_SHOWN);
      const counts = group.entries.map((e) => e.articles);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    expect(groupsWithPages(groups)).toHaveLength(3);
  });

  it('counts distinct ids', () => {
    expect(distinctCount(['a', 'b', 'a'])).toBe(2);
    expect(distinctCount([])).toBe(0);
  });
});
