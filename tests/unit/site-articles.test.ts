import { describe, expect, it } from 'vitest';
import { basisLabel, formatPublished, hostOf, readingMinutes, sortNewestFirst, teaser } from '../../src/lib/site/articles.ts';
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
