/**
 * The entity index held packed (`EntityTable`) and read as a section
 * (`EntitySection`): it gives back the plain index it was made from, writes
 * the same text as the plain section does, and leaves out an entity that
 * fails its schema with the warning `keepValid` gives, the articles' lists
 * without it, and the events' mentions without it.
 */
import { describe, expect, it } from 'vitest';
import { EntityTable } from '../../src/lib/knowledge/compact-entities.ts';
import { EntitySection, plainEntities } from '../../src/lib/knowledge/entity-section.ts';
import { findEntities, resolveEntities, resolveEntityTable } from '../../src/lib/knowledge/entity-resolution.ts';
import { extractMentions } from '../../src/lib/knowledge/entities.ts';
import { buildKnowledge, type KnowledgeProblem } from '../../src/lib/knowledge/knowledge.ts';
import { articleEntitiesSchema, entitySchema, type EntityIndex } from '../../src/lib/knowledge/schema.ts';
import { firstPlace, keepValid, placeAt } from '../../src/lib/knowledge/valid-records.ts';
import { prettyJsonPieces } from '../../src/lib/pretty-json.ts';
import { THREE_REPORTS, seedEntries } from '../content-entries.ts';

const CORPUS = seedEntries(THREE_REPORTS, '2025-12-31');
const INDEX = findEntities(CORPUS);

/** The section as the layer made it from plain objects: each record checked, the lists without the entities left out. */
function checkedPlain(index: EntityIndex, problems: KnowledgeProblem[]): EntityIndex {
  const entities = keepValid('entities', index.entities, entitySchema, (e) => firstPlace(e.mentions), problems);
  const kept = new Set(entities.map((e) => e.id));
  const articles = keepValid(
    'entities',
    index.articles.map((a) => ({ ...a, entities: a.entities.filter((e) => kept.has(e.id)) })),
    articleEntitiesSchema,
    (a) => placeAt(a.article),
    problems,
  );
  return { entities, articles, warnings: index.warnings };
}

/** The index with its second entity's id made one no schema allows. */
function withBadEntity(index: EntityIndex): EntityIndex {
  return { ...index, entities: index.entities.map((e, i) => (i === 1 ? { ...e, id: 'Not A Slug' } : e)) };
}

describe('EntityTable', () => {
  it('gives back the plain index it holds, key order included', () => {
    expect(INDEX.entities.length).toBeGreaterThan(5);
    expect(JSON.stringify(EntityTable.fromIndex(INDEX).toIndex())).toBe(JSON.stringify(INDEX));
    // A mention written twice in one block, and a described entity.
    const counted = { ...INDEX, entities: INDEX.entities.map((e, i) => (i === 0 ? { ...e, count: e.count + 1, mentions: e.mentions.map((m, j) => (j === 0 ? { ...m, count: 2 } : m)), description: 'Described.' } : e)) };
    expect(JSON.stringify(EntityTable.fromIndex(counted).toIndex())).toBe(JSON.stringify(counted));
    const table = resolveEntityTable(CORPUS.map((a) => extractMentions(a)));
    expect(JSON.stringify(table.toIndex())).toBe(JSON.stringify(INDEX));
    expect(resolveEntities(CORPUS.map((a) => extractMentions(a)))).toEqual(INDEX);
  });

  it('refuses an index whose articles are not those its mentions name', () => {
    const broken = { ...INDEX, entities: INDEX.entities.map((e, i) => (i === 0 ? { ...e, articles: [...e.articles].reverse().concat('zzz') } : e)) };
    expect(() => EntityTable.fromIndex(broken)).toThrow(/its articles are not/);
  });

  it('looks up an article’s body mentions as the events stage read them from the plain index', () => {
    const table = EntityTable.fromIndex(INDEX);
    const all = INDEX.entities.flatMap((e) => e.mentions.filter((m) => m.block > 0).map((m) => ({ entity: e.id, article: m.article, block: m.block, text: m.text })));
    for (const a of CORPUS) expect(table.mentionsOf(a.id, () => true, (b) => b > 0)).toEqual(all.filter((m) => m.article === a.id));
    expect(table.mentionsOf('no-such-article')).toEqual([]);
  });
});

describe('EntitySection', () => {
  it('writes the text of the plain section, leaving out an entity that fails its schema with the same warning', () => {
    const bad = withBadEntity(INDEX);
    const expectedProblems: KnowledgeProblem[] = [];
    const expected = checkedPlain(bad, expectedProblems);
    expect(expectedProblems).toHaveLength(1);
    expect(expected.entities).toHaveLength(INDEX.entities.length - 1);

    const problems: KnowledgeProblem[] = [];
    const section = new EntitySection(EntityTable.fromIndex(bad), problems);
    const text = [...prettyJsonPieces(section.streamed(), '  ')].join('');
    section.finish();
    expect(text).toBe(JSON.stringify(expected, null, 2).replace(/\n/g, '\n  '));
    expect(problems).toEqual(expectedProblems);
    // Read again, or read as plain arrays: the same records, and no warning twice.
    expect(plainEntities(section.streamed())).toEqual(expected);
    expect(problems).toHaveLength(1);
  });

  it('reports every failing record once, in the plain order, when the articles are read first or nothing is read', () => {
    const bad = withBadEntity(INDEX);
    const expectedProblems: KnowledgeProblem[] = [];
    checkedPlain(bad, expectedProblems);
    const first: KnowledgeProblem[] = [];
    const articlesFirst = new EntitySection(EntityTable.fromIndex(bad), first);
    void [...articlesFirst.streamed().articles];
    articlesFirst.finish();
    expect(first).toEqual(expectedProblems);
    const none: KnowledgeProblem[] = [];
    const unread = new EntitySection(EntityTable.fromIndex(bad), none);
    unread.finish();
    expect(none).toEqual(expectedProblems);
    // The events do not see the entity left out.
    const id = INDEX.entities[1]!.id;
    expect(CORPUS.flatMap((a) => unread.mentionsOf(a.id)).some((m) => m.entity === 'Not A Slug' || m.entity === id)).toBe(false);
  });

  it('is what buildKnowledge returns when the resolution stage gives a bad entity', () => {
    const bad = withBadEntity(INDEX);
    const expectedProblems: KnowledgeProblem[] = [];
    const expected = checkedPlain(bad, expectedProblems);
    const { knowledge, problems } = buildKnowledge(CORPUS, {}, { stages: { resolveEntities: () => EntityTable.fromIndex(bad) } });
    expect(knowledge.entities).toEqual(expected);
    expect(problems.filter((p) => p.stage === 'entities')).toEqual(expectedProblems);
  });
});
