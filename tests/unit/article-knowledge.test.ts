/**
 * The knowledge layer's per-article steps, run beside the pipeline (on the
 * seed's worker) and handed to `buildKnowledge`, give the very layer that
 * running them inside `buildKnowledge` gives; a step that threw there leaves
 * the article out of its stage with the same problem.
 */
import { describe, expect, it } from 'vitest';
import { articleKnowledge, holdMentions, packHeldMentions, restoreMentions, unpackHeldMentions, withArticle, type ArticleKnowledge, type HeldMentions } from '../../src/lib/knowledge/article-knowledge.ts';
import { StringTable } from '../../src/lib/knowledge/compact-mentions.ts';
import { extractMentions } from '../../src/lib/knowledge/entities.ts';
import { findFigures } from '../../src/lib/knowledge/figures.ts';
import { buildKnowledge } from '../../src/lib/knowledge/knowledge.ts';
import type { KnowledgeArticle } from '../../src/lib/knowledge/text.ts';
import { THREE_REPORTS, seedEntries } from '../content-entries.ts';

const TODAY = '2025-12-31';


const CORPUS = seedEntries(THREE_REPORTS, TODAY);
const bad = CORPUS.find((a) => a.data.headline.startsWith('Seoul'))!.id;
/** Through JSON, as the seed cache and the worker's reply carry it. */
const precomputed = (articles: readonly KnowledgeArticle[]): Map<string, ArticleKnowledge> =>
  new Map(articles.map((a) => [a.id, JSON.parse(JSON.stringify(articleKnowledge(a.data, a.body))) as ArticleKnowledge]));

describe('per-article knowledge computed beside the pipeline', () => {
  it('gives the records the steps give, less the article id, which withArticle puts back first', () => {
    for (const a of CORPUS) {
      const k = articleKnowledge(a.data, a.body);
      if ('error' in k.mentions || 'error' in k.figures) throw new Error('a step failed');
      expect(JSON.stringify(withArticle(a.id, k.mentions.value))).toBe(JSON.stringify(extractMentions(a)));
      expect(JSON.stringify(k.figures.value.map((f) => withArticle(a.id, f)))).toBe(JSON.stringify(findFigures([a])));
    }
    expect(CORPUS.some((a) => findFigures([a]).length > 0)).toBe(true);
  });

  it('makes the same layer, byte for byte, as computing the steps in buildKnowledge', () => {
    const plain = buildKnowledge(CORPUS);
    const given = buildKnowledge(CORPUS, {}, { precomputed: precomputed(CORPUS) });
    expect(JSON.stringify(given)).toBe(JSON.stringify(plain));
    // An article without a precomputed result is computed there.
    const some = buildKnowledge(CORPUS, {}, { precomputed: precomputed(CORPUS.filter((a) => a.id !== bad)) });
    expect(JSON.stringify(some)).toBe(JSON.stringify(plain));
    // Held without what the article gives again (each unit's text and words), as the ingest holds them.
    const held = new Map([...precomputed(CORPUS)].map(([id, k]) => [id, 'error' in k.mentions ? k : { ...k, mentions: { value: holdMentions(k.mentions.value) } }]));
    expect(JSON.stringify(buildKnowledge(CORPUS, {}, { precomputed: held }))).toBe(JSON.stringify(plain));
    // Packed over one table, as the ingest holds them until the entity stage.
    const table = new StringTable();
    const packed = new Map([...precomputed(CORPUS)].map(([id, k]) => [id, 'error' in k.mentions ? k : { ...k, mentions: { value: packHeldMentions(holdMentions(k.mentions.value) as HeldMentions, table) } }]));
    expect(JSON.stringify(buildKnowledge(CORPUS, {}, { precomputed: packed }))).toBe(JSON.stringify(plain));
  });

  it('packs held mentions and unpacks them field for field, each string once in the table', () => {
    const table = new StringTable();
    for (const a of CORPUS) {
      const k = articleKnowledge(a.data, a.body);
      if ('error' in k.mentions) throw new Error('a step failed');
      const held = holdMentions(k.mentions.value) as HeldMentions;
      expect(unpackHeldMentions(packHeldMentions(held, table))).toEqual(held);
    }
    expect(new Set(table.list).size).toBe(table.list.length);
  });

  it('derives again, field for field, the unit texts and words it does not hold', () => {
    for (const a of CORPUS) {
      const k = articleKnowledge(a.data, a.body);
      if ('error' in k.mentions) throw new Error('a step failed');
      const held = holdMentions(k.mentions.value);
      expect(JSON.stringify(held)).not.toContain('"words"');
      expect(JSON.stringify(restoreMentions(held, a))).toBe(JSON.stringify(k.mentions.value));
    }
  });

  it('consumes the precomputed results, and needs no article text while entities are resolved', () => {
    const plain = buildKnowledge(CORPUS);
    const articles = CORPUS.map((a) => ({ ...a }));
    const given = precomputed(articles);
    const held: Pick<KnowledgeArticle, 'data' | 'body'>[] = [];
    const articleText = {
      release: () => {
        for (const a of articles) {
          held.push({ data: a.data, body: a.body });
          a.data = {} as KnowledgeArticle['data'];
          a.body = '';
        }
      },
      restore: () => articles.forEach((a, i) => Object.assign(a, held[i])),
    };
    const parked = buildKnowledge(articles, {}, { precomputed: given, articleText });
    expect(held).toHaveLength(CORPUS.length);
    expect(JSON.stringify(parked)).toBe(JSON.stringify(plain));
    for (const k of given.values()) expect([k.mentions, k.figures]).toEqual([{ error: 'released' }, { error: 'released' }]);
  });

  /** The corpus's articles with their text taken out (as the parking file holds it), their precomputed knowledge, and the text by article. */
  const parkedCorpus = () => {
    const articles = CORPUS.map((a) => ({ ...a }));
    const given = precomputed(articles);
    const text = new Map<KnowledgeArticle, Pick<KnowledgeArticle, 'data' | 'body'>>(articles.map((a) => [a, { data: a.data, body: a.body }]));
    for (const a of articles) Object.assign(a, { data: {} as KnowledgeArticle['data'], body: '' });
    return { articles, given, text };
  };

  it('reads parked articles one at a time through articleText.read until their text is restored', () => {
    const plain = buildKnowledge(CORPUS);
    const { articles, given, text } = parkedCorpus();
    let reads = 0;
    let restored = false;
    const articleText = {
      release: () => undefined,
      read: (a: KnowledgeArticle) => {
        expect(restored).toBe(false);
        reads += 1;
        return text.get(a)!;
      },
      restore: () => {
        restored = true;
        for (const [a, t] of text) Object.assign(a, t);
      },
    };
    const parked = buildKnowledge(articles, {}, { precomputed: given, articleText });
    expect(reads).toBe(CORPUS.length);
    expect(JSON.stringify(parked)).toBe(JSON.stringify(plain));
  });

  it('with stream set, never restores the text: every later stage reads it through articleText.read, and the layer is the same', () => {
    const plain = buildKnowledge(CORPUS);
    const { articles, given, text } = parkedCorpus();
    let reads = 0;
    const articleText = {
      release: () => undefined,
      // A copy at each read, as the parking file gives: no stage may rely on the identity of an article's text.
      read: (a: KnowledgeArticle) => {
        reads += 1;
        return structuredClone(text.get(a)!);
      },
      restore: () => {
        throw new Error('restored');
      },
      stream: true,
    };
    const streamed = buildKnowledge(articles, {}, { precomputed: given, articleText });
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(plain));
    // Entities read each article once; the later stages once more (a corpus this small stays within the texts kept).
    expect(reads).toBe(2 * CORPUS.length);
  });

  it('leaves an article whose step threw out of that stage, with the problem buildKnowledge reports for a throw', () => {
    const thrown = buildKnowledge(CORPUS, {}, {
      stages: {
        extractMentions: (a, o) => {
          if (a.id === bad) throw new TypeError('boom in names');
          return extractMentions(a, o);
        },
      },
    });
    const given = precomputed(CORPUS);
    given.set(bad, { ...given.get(bad)!, mentions: { error: 'TypeError: boom in names' } });
    const failed = buildKnowledge(CORPUS, {}, { precomputed: given });
    expect(failed.problems).toHaveLength(1);
    expect(JSON.stringify(failed)).toBe(JSON.stringify(thrown));
  });

  it('is not used for a step a test replaced', () => {
    const calls: string[] = [];
    buildKnowledge(CORPUS, {}, {
      precomputed: precomputed(CORPUS),
      stages: {
        extractMentions: (a, o) => {
          calls.push(a.id);
          return extractMentions(a, o);
        },
      },
    });
    expect(calls.sort()).toEqual(CORPUS.map((a) => a.id).sort());
  });
});
