import { describe, expect, it } from 'vitest';
import { basisLabel, formatPublished, hostOf, readingMinutes, sortNewestFirst, sourceLabel, teaser } from '../../src/lib/site/articles.ts';
import type { Article } from '../../src/lib/schema.ts';

function entry(id: string, date: string | undefined, headline = id, extra: Partial<Article> = {}) {
  const published: Article['published'] = date
    ? { date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', basis: 'editor' }
    : { precision: 'unknown', basis: 'unknown' };
  return { id, data: { headline, standfirst: [], published, ...extra } as unknown as Article, body: 'First paragraph here.\n\nSecond.\n' };
}

describe('sortNewestFirst', () => {
  it('puts newer first, undated last, and breaks ties by headline', () => {
    const list = [entry('a', undefined), entry('b', '2025-04'), entry('c', '2025-08-23'), entry('d', '2025-08-23', 'A first')];
    expect(sortNewestFirst(list).map((e) => e.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('formatPublished', () => {
  it('never shows more precision than is known', () => {
    expect(formatPublished({ date: '2025-08-22', precision: 'day', basis: 'editor' })).toBe('22 August 2025');
    expect(formatPublished({ date: '2025-08', precision: 'month', basis: 'editor' })).toBe('August 2025');
    expect(formatPublished({ date: '2025', precision: 'year', basis: 'editor' })).toBe('2025');
    expect(formatPublished({ precision: 'unknown', basis: 'unknown' })).toBe('Date unknown');
  });
});

describe('basisLabel', () => {
  it('names where a fact came from', () => {
    expect(basisLabel({ basis: 'editor' })).toBe('set by an editor');
    expect(basisLabel({ basis: 'inferred', evidence: { rule: 'weekday', quote: 'Friday, August 22' } })).toBe('inferred from “Friday, August 22”');
    expect(basisLabel({ basis: 'unknown' })).toBe('not stated in the source');
  });

  it('says where on a saved page a fact was read: markup, the text, the address, or an inference from the text', () => {
    expect(basisLabel({ basis: 'page', evidence: { rule: 'og:site_name', quote: 'The Harbour Times' } })).toBe('from the page’s metadata (og:site_name)');
    expect(basisLabel({ basis: 'page', evidence: { rule: 'text:near-headline', quote: 'Posted on March 3, 2019' } })).toBe('written on the page “Posted on March 3, 2019”');
    expect(basisLabel({ basis: 'page', evidence: { rule: 'text:most-frequent', quote: '2016/02/27' } })).toBe('inferred: the day the page’s text gives most often “2016/02/27”');
    const address = basisLabel({ basis: 'page', evidence: { rule: 'url-path', quote: `https://news.example/${'section/'.repeat(12)}2019/03/03/harbour` } });
    expect(address.startsWith('from the page’s address “https://news.example/section/')).toBe(true);
    expect(address.endsWith('…”')).toBe(true);
  });
});

describe('teaser and reading time', () => {
  it('uses the standfirst, else the first paragraph', () => {
    expect(teaser(entry('a', undefined))).toBe('First paragraph here.');
    expect(teaser(entry('a', undefined, 'h', { standfirst: [{ text: 'The dek.', lines: [2, 2] }] }))).toBe('The dek.');
    expect(teaser({ ...entry('a', undefined), body: `${'word '.repeat(50)}\n` }, 10)).toBe(`${'word '.repeat(10).trim()}…`);
  });
  it('rounds reading time, at least a minute', () => {
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1000)).toBe(4);
  });
  it('shows hosts without www', () => {
    expect(hostOf('https://www.example.com/a')).toBe('example.com');
  });
});

import { excerptRuns, facetLabel, orderFacetValues, readSearchState, searchFacts, suggestTerms, writeSearchState } from '../../src/lib/site/search.ts';

describe('search helpers', () => {
  it('gives every article a publisher, a year (or "Date unknown") and a date sort key that keeps undated ones last', () => {
    const dated = searchFacts({ ...entry('a', '2025-08').data, publisher: { name: 'X', basis: 'editor' }, agencies: [], standfirst: [] } as Article);
    expect(dated.filters).toEqual({ publisher: ['X'], year: ['2025'], month: ['2025-08'] });
    expect(dated.sort.date).toBe('2025-08-00');
    const undated = searchFacts({ ...entry('b', undefined).data, publisher: { basis: 'unknown' }, agencies: [], standfirst: [] } as Article);
    expect(undated.filters).toEqual({ publisher: ['Unknown publisher'], year: ['Date unknown'] });
    expect(undated.sort.date).toBe('0000-00-00');
  });
  it('keeps query, filters and sort in the URL and reads them back', () => {
    const state = { q: 'Kim <b>', sort: 'date-desc' as const, filters: { publisher: ['A & B', 'C'], month: ['2025-08'] } };
    const params = writeSearchState(state);
    expect(params.toString()).toBe('q=Kim+%3Cb%3E&month=2025-08&publisher=A+%26+B&publisher=C&sort=date-desc');
    expect(readSearchState(params)).toEqual(state);
    expect(readSearchState(new URLSearchParams('sort=evil&q='))).toEqual({ q: '', sort: '', filters: {} });
  });
  it('splits excerpts into text runs, never markup', () => {
    expect(excerptRuns('a &lt;img src=x&gt; <mark>Kursk</mark> b<script>x</script>')).toEqual([
      { text: 'a <img src=x> ', marked: false },
      { text: 'Kursk', marked: true },
      { text: ' bx', marked: false },
    ]);
  });
  it('labels and orders facet values', () => {
    expect(facetLabel('month', '2025-08')).toBe('August 2025');
    expect(orderFacetValues('year', { '2024': 1, 'Date unknown': 3, '2025': 2 }).map(([v]) => v)).toEqual(['2025', '2024', 'Date unknown']);
    expect(orderFacetValues('publisher', { B: 1, A: 1, C: 2 }).map(([v]) => v)).toEqual(['C', 'A', 'B']);
  });
  it('suggests the proper names most articles use', () => {
    const texts = ['Troops fought in Kursk, officials in Seoul said. Kim Jong Un spoke.', 'The leader Kim Jong Un visited Kursk on Monday.', 'Nothing here.'];
    expect(suggestTerms(texts)).toEqual(['Kim Jong Un', 'Kursk', 'Seoul']);
  });
});

describe('sourceLabel', () => {
  it('names a source by its publisher, else by its headline\'s opening words', () => {
    expect(sourceLabel({ publisher: { name: 'Example News' } as Article['publisher'], headline: 'Talks resume' })).toBe('Example News');
    expect(sourceLabel({ publisher: {} as Article['publisher'], headline: 'Talks resume in the capital after a week of protests' })).toBe('“Talks resume in the capital after…”');
    expect(sourceLabel({ publisher: {} as Article['publisher'], headline: 'Talks resume' })).toBe('“Talks resume”');
  });
});
