/** Dates and numbers in the site's language: the default English unchanged, any other tag by Intl. */
import { describe, expect, it } from 'vitest';
import { ogLocale, siteLocale } from '../../src/lib/site/locale.ts';
import { formatPublished } from '../../src/lib/site/articles.ts';
import { facetLabel } from '../../src/lib/site/search.ts';

describe('siteLocale', () => {
  it('writes the site’s own English by default', () => {
    const en = siteLocale();
    expect([en.date('2025-08-22'), en.date('2025-08'), en.date('2025')]).toEqual(['22 August 2025', 'August 2025', '2025']);
    expect([en.shortDay('2025-09-03', false), en.shortDay('2025-09-03', true)]).toEqual(['3 Sep', '3 Sep 2025']);
    expect(en.number(1234567)).toBe('1,234,567');
    expect(siteLocale('en')).toBe(en);
  });
  it('writes another language’s dates and numbers as Intl does, never moving the day', () => {
    const de = siteLocale('de');
    expect([de.date('2025-08-22'), de.date('2025-08'), de.date('2025')]).toEqual(['22. August 2025', 'August 2025', '2025']);
    expect(de.date('2025-01-01')).toBe('1. Januar 2025');
    expect(de.number(1234567)).toBe('1.234.567');
    expect(siteLocale('ko').date('2025-08-22')).toBe('2025년 8월 22일');
    expect(siteLocale('en-US').date('2025-08-22')).toBe('August 22, 2025');
    expect(siteLocale('fr').shortDay('2025-08-22', false)).toBe('22 août');
  });
  it('is what the date helpers and search facets use', () => {
    expect(formatPublished({ date: '2025-08-22', precision: 'day', basis: 'editor' }, siteLocale('de'))).toBe('22. August 2025');
    expect(facetLabel('month', '2025-08', siteLocale('de'))).toBe('August 2025');
    expect(facetLabel('month', '2025-03', siteLocale('de'))).toBe('März 2025');
    expect(facetLabel('month', '2025-13')).toBe('2025-13');
    expect(facetLabel('year', 'Date unknown', siteLocale('ko'))).toBe('Date unknown');
  });
});

describe('ogLocale', () => {
  it('names the language and its likely territory', () => {
    expect(ogLocale('en')).toBe('en_GB');
    expect(ogLocale('de')).toBe('de_DE');
    expect(ogLocale('ko')).toBe('ko_KR');
    expect(ogLocale('en-US')).toBe('en_US');
    expect(ogLocale('pt-BR')).toBe('pt_BR');
  });
});
