import { describe, expect, it } from 'vitest';
import { textOnDemand } from '../../src/lib/knowledge/text-on-demand.ts';
import type { KnowledgeArticle } from '../../src/lib/knowledge/text.ts';

const article = (id: string): KnowledgeArticle => ({ id, data: { headline: `Headline ${id}` } as KnowledgeArticle['data'], body: `Body of ${id}.` });

describe('textOnDemand', () => {
  it('gives views with the same ids whose text comes from read, read again only once it has left the last few kept', () => {
    const articles = ['a', 'b', 'c', 'd'].map(article);
    const reads: string[] = [];
    const views = textOnDemand(articles, (a) => (reads.push(a.id), { data: a.data, body: a.body }), 2);
    expect(views.map((v) => v.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(reads).toEqual([]);
    expect(views[0]!.body).toBe('Body of a.');
    expect(views[0]!.data.headline).toBe('Headline a');
    expect(views[1]!.body).toBe('Body of b.');
    expect(reads).toEqual(['a', 'b']);
    // Two kept: reading c lets a go, so a is read again.
    expect(views[2]!.data.headline).toBe('Headline c');
    expect(views[1]!.data.headline).toBe('Headline b');
    expect(views[0]!.body).toBe('Body of a.');
    expect(reads).toEqual(['a', 'b', 'c', 'a']);
    expect({ ...views[3]! }).toEqual(articles[3]);
  });
});
