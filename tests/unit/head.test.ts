import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_SCRIPT, SEARCH_KEY_SCRIPT, canonicalUrl, contentSecurityPolicy, jsonLd, scriptHash } from '../../src/lib/site/head.ts';
import { absoluteUrl, readSiteConfig, withBase } from '../../src/lib/site/config.ts';
import { DEFAULT_FEED_ITEMS as FEED_ITEMS } from '../../src/lib/site/site-settings.ts';
import { atomFeed, feedEntries, jsonFeed, type FeedEntry } from '../../src/lib/site/feeds.ts';
import type { Article } from '../../src/lib/schema.ts';

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
  it('names a page’s own address as canonical, and none for the not-found page', () => {
    expect(canonicalUrl('/news/articles/a/', 'https://example.org/')).toBe('https://example.org/news/articles/a/');
    expect(canonicalUrl('/articles/a/', 'https://example.org')).toBe('https://example.org/articles/a/');
    expect(canonicalUrl('/404/', 'https://example.org/', true)).toBeUndefined();
    expect(canonicalUrl('/news/404/', 'https://example.org/', true)).toBeUndefined();
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

describe('feed entries', () => {
  // A plain array of articles, more than a feed carries: dated to the day or to the month, and some undated.
  const day = (i: number): string => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const articles = Array.from({ length: 130 }, (_, i) => {
    const published: Article['published'] =
      i % 9 === 0 ? { precision: 'unknown', basis: 'unknown' } : i % 9 === 4 ? { date: day(i).slice(0, 7), precision: 'month', basis: 'editor' } : { date: day(i), precision: 'day', basis: 'page' };
    const paragraphs = [`Opening of article ${i}.`, `Middle of article ${i} & more <b>.`, `Last paragraph of article ${i}.`];
    return {
      id: `article-${i}`,
      data: { headline: `Article ${i}`, standfirst: [{ text: `Standfirst ${i}` }], published, publisher: { name: 'The Example Times', basis: 'editor' }, blocks: [[1, 1], [2, 2], [3, 3]] } as unknown as Article,
      body: `${paragraphs.join('\n\n')}\n`,
      paragraphs,
    };
  });
  // Shuffled, so the order given says nothing.
  const shuffled = articles.map((a, i) => ({ a, k: (i * 53) % 131 })).sort((x, y) => x.k - y.k).map(({ a }) => a);

  it('carries only the newest FEED_ITEMS articles, newest first by the date as known, each with its full text', () => {
    expect(FEED_ITEMS).toBe(50);
    const entries = feedEntries(shuffled, FEED_ITEMS, 'https://example.org', '/');
    expect(entries).toHaveLength(FEED_ITEMS);
    // The dated articles with the latest dates ("2020-05" counts as the start of May), none undated while dated ones are left.
    const dated = articles.filter((a) => a.data.published.date !== undefined).sort((x, y) => (x.data.published.date! < y.data.published.date! ? 1 : -1));
    expect(dated[FEED_ITEMS - 1]!.data.published.date).not.toBe(dated[FEED_ITEMS]!.data.published.date);
    expect(entries.map((e) => e.url).sort()).toEqual(dated.slice(0, FEED_ITEMS).map((a) => `https://example.org/articles/${a.id}/`).sort());
    const keys = entries.map((e) => e.published!);
    expect(keys).toEqual([...keys].sort().reverse());
    for (const e of entries) {
      const article = articles.find((a) => e.url.endsWith(`/${a.id}/`))!;
      for (const p of article.paragraphs) {
        expect(e.text).toContain(p);
        expect(e.html).toContain(`<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`);
      }
    }
    // Every format carries the same bounded list.
    expect((jsonFeed({ ...meta(), feedUrl: 'https://example.org/feed.json' }, entries) as { items: unknown[] }).items).toHaveLength(FEED_ITEMS);
    expect(atomFeed(meta(), entries).match(/<entry>/g)).toHaveLength(FEED_ITEMS);
  });

  it('carries every article of a short list, undated last, and takes any limit', () => {
    const few = shuffled.filter((a) => Number(a.id.slice(8)) < 20);
    const entries = feedEntries(few, FEED_ITEMS, 'https://example.org', '/news/');
    expect(entries).toHaveLength(20);
    expect(entries.slice(-3).map((e) => e.published)).toEqual([undefined, undefined, undefined]);
    expect(entries[0]!.url).toBe('https://example.org/news/articles/article-19/');
    expect(feedEntries(shuffled, 3, 'https://example.org', '/').map((e) => e.title)).toEqual(['Article 129', 'Article 128', 'Article 127']);
    expect(feedEntries(shuffled, 0, 'https://example.org', '/')).toEqual([]);
  });

  function meta() {
    return { title: 'S', description: 'D', homeUrl: 'https://example.org/', feedUrl: 'https://example.org/atom.xml', lang: 'en' };
  }
});
