import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_SCRIPT, SEARCH_KEY_SCRIPT, contentSecurityPolicy, jsonLd, scriptHash } from '../../src/lib/site/head.ts';
import { absoluteUrl, readSiteConfig, withBase } from '../../src/lib/site/config.ts';
import { atomFeed, jsonFeed, type FeedEntry } from '../../src/lib/site/feeds.ts';

describe('head', () => {
  it('serialises JSON-LD so no string can close its script element', () => {
    const out = jsonLd({ headline: '</script><script>alert(1)</script>', x: '\u2028' });
    expect(out).not.toContain('</script>');
    expect(JSON.parse(out)).toEqual({ headline: '</script><script>alert(1)</script>', x: '\u2028' });
  });
  it('allows exactly the inline scripts by hash, WebAssembly for search, and frame-ancestors only as a header', () => {
    const expected = `'sha256-${createHash('sha256').update(SEARCH_KEY_SCRIPT).digest('base64')}'`;
    expect(scriptHash(SEARCH_KEY_SCRIPT)).toBe(expected);
    expect(contentSecurityPolicy(false)).toContain(expected);
    expect(contentSecurityPolicy(false)).toContain(scriptHash(HIGHLIGHT_SCRIPT));
    expect(contentSecurityPolicy(false)).toContain("'wasm-unsafe-eval'");
    expect(contentSecurityPolicy(false)).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy(false)).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy(true)).toContain("frame-ancestors 'none'");
  });
});

describe('site config', () => {
  it('reads SITE_URL and BASE_PATH, normalising the base', () => {
    expect(readSiteConfig({})).toEqual({ site: 'http://localhost:4321', base: '/' });
    expect(readSiteConfig({ SITE_URL: 'https://example.org/', BASE_PATH: '/news' })).toEqual({ site: 'https://example.org', base: '/news/' });
    expect(() => readSiteConfig({ SITE_URL: 'ftp://x' })).toThrow(/SITE_URL/);
    expect(() => readSiteConfig({ BASE_PATH: 'news' })).toThrow(/BASE_PATH/);
  });
  it('joins paths under the base', () => {
    expect(withBase('/news/', '/search/')).toBe('/news/search/');
    expect(absoluteUrl('https://example.org', '/news/', 'rss.xml')).toBe('https://example.org/news/rss.xml');
  });
});

describe('feeds', () => {
  const entry: FeedEntry = {
    url: 'https://example.org/articles/a/',
    title: 'A & B <c>',
    summary: 'Dek',
    published: '2025-08',
    timestamp: '2025-08-01T00:00:00Z',
    precision: 'month',
    dateBasis: 'set by an editor',
    publisher: 'The Example Times',
    publisherBasis: 'set by an editor',
    originalUrl: 'https://example.com/a',
    tags: ['Kursk'],
    html: '<p>Body</p>',
    text: 'Body',
  };
  const meta = { title: 'S', description: 'D', homeUrl: 'https://example.org/', feedUrl: 'https://example.org/atom.xml', lang: 'en' };
  it('writes Atom with the original as via link and source, escaping text', () => {
    const xml = atomFeed(meta, [entry]);
    expect(xml).toContain('<title>A &amp; B &lt;c&gt;</title>');
    expect(xml).toContain('<link rel="via" type="text/html" href="https://example.com/a" title="The Example Times"/>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Body&lt;/p&gt;</content>');
  });
  it('writes JSON Feed 1.1 with the provenance extension, and no date when none is known', () => {
    const feed = jsonFeed(meta, [entry, { ...entry, url: 'https://example.org/articles/b/', published: undefined, timestamp: undefined, precision: 'unknown' }]) as { items: Record<string, unknown>[] };
    expect(feed.items[0]).toMatchObject({ external_url: 'https://example.com/a', _storyline: { published: '2025-08', date_precision: 'month' } });
    expect(feed.items[1]).not.toHaveProperty('date_published');
  });
});
