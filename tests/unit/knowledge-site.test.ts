import { describe, expect, it } from 'vitest';
import { parseEntityEditor } from '../../src/lib/knowledge/editor.ts';
import { buildKnowledge } from '../../src/lib/knowledge/knowledge.ts';
import { entitiesOf, entityFacets, hasEntityPage, indexKnowledge } from '../../src/lib/site/knowledge.ts';
import type { Article } from '../../src/lib/schema.ts';

const article = (id: string, body: string) => ({
  id,
  body,
  data: { headline: 'Talks Resume', published: { precision: 'unknown', basis: 'unknown' }, publisher: { basis: 'unknown' }, source: { path: `${id}.txt` }, standfirst: [], captions: [], credits: [], bylines: [], datelines: [], agencies: [], temporal: [], removed: [], blocks: body.split('\n\n').map((_, i) => [i + 1, i + 1]) } as unknown as Article,
});

describe('knowledge on the site', () => {
  const { knowledge } = buildKnowledge([
    article('b', 'Vladimir Putin met Kim Jong Un in Pyongyang on Tuesday.\n\nPutin said the talks went well.'),
    article('a', 'Kim Jong Un spoke in Pyongyang, the Korean Central News Agency (KCNA) said.'),
  ]);
  it('lists an article’s entities, most named first, and groups them into search facets', () => {
    expect(entitiesOf(knowledge, 'b').map(({ entity, count }) => [entity.name, count])).toEqual([
      ['Vladimir Putin', 2],
      ['Kim Jong Un', 1],
      ['Pyongyang', 1],
    ]);
    expect(entityFacets(knowledge, 'a')).toEqual({ people: ['Kim Jong Un'], places: ['Pyongyang'], organisations: ['Korean Central News Agency'] });
    expect(entitiesOf(knowledge, 'missing')).toEqual([]);
  });

  it('gives the figures of some articles in the layer’s order', () => {
    const { knowledge: k } = buildKnowledge([
      article('c', 'The flood killed 30 people.\n\nAbout 200 troops were deployed.'),
      article('d', 'The death toll rose to 45.'),
      article('e', 'Twelve people were injured.'),
    ]);
    const index = indexKnowledge(k);
    expect(index.figuresIn(['d', 'c', 'c']).map((f) => [f.article, f.block, f.value])).toEqual([
      ['c', 1, 30],
      ['c', 2, 200],
      ['d', 1, 45],
    ]);
    expect(index.figuresIn(['missing'])).toEqual([]);
  });
});

describe('hasEntityPage', () => {
  it('gives a page to an entity two articles name, or one an editor lists, and not to a name one article gives', () => {
    expect(hasEntityPage({ type: 'person', basis: 'detected', articles: ['a', 'b'] })).toBe(true);
    expect(hasEntityPage({ type: 'person', basis: 'detected', articles: ['a'] })).toBe(false);
    expect(hasEntityPage({ type: 'person', basis: 'detected', articles: ['a', 'a'] })).toBe(false);
    expect(hasEntityPage({ type: 'person', basis: 'editor', articles: ['a'] })).toBe(true);
  });
  it('counts distinct articles however the list repeats them, and gives no page to an empty list', () => {
    expect(hasEntityPage({ type: 'person', basis: 'detected', articles: ['a', 'a', 'a', 'b'] })).toBe(true);
    expect(hasEntityPage({ type: 'person', basis: 'detected', articles: [...Array<string>(1000).fill('a'), 'a'] })).toBe(false);
    expect(hasEntityPage({ type: 'person', basis: 'detected', articles: [] })).toBe(false);
  });
  it('gives none to an entity whose type the site leaves without pages (entityPages), an editor’s included', () => {
    expect(hasEntityPage({ type: 'place', basis: 'detected', articles: ['a', 'b'] }, ['person', 'organisation'])).toBe(false);
    expect(hasEntityPage({ type: 'place', basis: 'editor', articles: ['a'] }, ['person'])).toBe(false);
    expect(hasEntityPage({ type: 'person', basis: 'detected', articles: ['a', 'b'] }, ['person'])).toBe(true);
    expect(hasEntityPage({ type: 'person', basis: 'editor', articles: ['a'] }, [])).toBe(false);
  });
});

describe('parseEntityEditor', () => {
  it('reads corrections', () => {
    expect(parseEntityEditor('entities:\n  - name: Kremlin\n    type: organisation\n', 'e.yaml')).toEqual({
      editor: { entities: [{ name: 'Kremlin', type: 'organisation' }] },
      messages: [],
    });
  });
  it('reports bad YAML and unknown fields at their lines', () => {
    expect(parseEntityEditor('entities: [\n', 'e.yaml').messages[0]).toMatchObject({ code: 'SL501', severity: 'error' });
    const bad = parseEntityEditor('entities:\n  - name: Kremlin\n    kind: organisation\n', 'e.yaml');
    expect(bad.editor).toBeUndefined();
    expect(bad.messages).toEqual([{ file: 'e.yaml', line: 2, severity: 'error', code: 'SL502', message: 'entities.0: unknown field "kind"' }]);
  });
});
