/**
 * The built site as files: feeds parse with a real feed parser and carry
 * the newest articles (at most `FEED_ITEMS`), the sitemap lists every page,
 * robots.txt names it, every page but the not-found page names its own
 * address, no text runs words together where inline parts meet, the HTML
 * validates with the Nu HTML Checker, and no page breaks its
 * Content-Security-Policy in Chromium. Runs against `dist/` for the root
 * build and, in `npm run test:e2e:subpath`, for the `/news/` build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseOpml, parseRssFeed } from 'feedsmith';
import type { Element, Root, RootContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltSite, type ServedSite } from '../../src/cli/browser.ts';
import { sortNewestFirst } from '../../src/lib/site/articles.ts';
import { DEFAULT_FEED_ITEMS as FEED_ITEMS } from '../../src/lib/site/site-settings.ts';
import { parseKnowledge } from '../../src/lib/site/knowledge.ts';
import { contentEntries } from '../content-entries.ts';

const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
const articles = readdirSync('content/articles').filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
const read = (path: string): string => readFileSync(join('dist', path), 'utf8');
const entries = contentEntries();
const knowledge = parseKnowledge(JSON.parse(readFileSync('content/knowledge.json', 'utf8')));
const feedDirs = ['', ...readdirSync('dist/topics', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `topics/${d.name}/`)];

describe('feeds', () => {
  for (const dir of feedDirs) {
    it(`/${dir}: RSS, Atom and JSON Feed parse and carry the newest articles, at most FEED_ITEMS`, () => {
      const rss = parseRssFeed(read(`${dir}rss.xml`));
      const atom = parseAtomFeed(read(`${dir}atom.xml`));
      const json = parseJsonFeed(JSON.parse(read(`${dir}feed.json`)));
      const slugs = (links: (string | undefined)[]): string[] => links.map((l) => /\/articles\/([^/]+)\/$/.exec(l ?? '')?.[1] ?? '').sort();
      const topic = dir === '' ? undefined : knowledge.stories.topics.find((t) => dir === `topics/${t.id}/`);
      const expected = sortNewestFirst(topic ? entries.filter((e) => topic.articles.includes(e.id)) : entries)
        .slice(0, FEED_ITEMS)
        .map((e) => e.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThanOrEqual(FEED_ITEMS);
      expect(slugs(rss.items?.map((i) => i.link) ?? [])).toEqual(expected);
      expect(slugs(atom.entries?.map((e) => e.links?.find((l) => l.rel === 'alternate')?.href) ?? [])).toEqual(expected);
      expect(slugs(json.items?.map((i) => i.url) ?? [])).toEqual(expected);
      // JSON Feed 1.1 required fields, and our provenance extension.
      const raw = JSON.parse(read(`${dir}feed.json`)) as { version: string; title: string; items: Record<string, unknown>[] };
      expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
      expect(raw.title).toBeTruthy();
      for (const item of raw.items) {
        expect(typeof item['id']).toBe('string');
        expect(typeof item['content_html'] === 'string' || typeof item['content_text'] === 'string').toBe(true);
        expect(item['_storyline']).toMatchObject({ publisher: expect.any(String), date_basis: expect.any(String) });
      }
      // Full text, and the original article as Atom's via link where known.
      expect(atom.entries!.every((e) => (e.content?.value ?? '').length > 200)).toBe(true);
      expect(atom.entries!.filter((e) => e.source?.title).length).toBe(atom.entries!.length);
      expect(read(`${dir}atom.xml`)).toContain('rel="via"');
    });
  }
});

describe('discovery files', () => {
  it('the sitemap lists every page, and robots.txt points to it', () => {
    const index = read('sitemap-index.xml');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.slice(base.length));
    const listed = new Set(sitemaps.flatMap((s) => [...read(s).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)));
    const pages = readdirSync('dist', { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `${base}${f.replace(/index\.html$/, '')}`);
    expect(pages.filter((p) => !listed.has(p))).toEqual([]);
    expect(read('robots.txt')).toMatch(new RegExp(`Sitemap: https?://[^\\s]+${base}sitemap-index\\.xml`));
  });
  it('sources.opml parses with a feed library and lists the site\'s feed and each topic\'s, by their absolute addresses, each of which was built', () => {
    const doc = parseOpml(read('sources.opml'));
    const mine = doc.body?.outlines?.[0];
    const feeds = (mine?.outlines ?? []).map((o) => new URL(o.xmlUrl ?? 'invalid:').pathname);
    expect(feeds[0]).toBe(`${base}rss.xml`);
    expect([...feeds].sort()).toEqual(feedDirs.map((dir) => `${base}${dir}rss.xml`).sort());
    for (const path of feeds) expect(existsSync(join('dist', path.slice(base.length)))).toBe(true);
    expect(mine?.outlines?.every((o) => o.type === 'rss' && o.text && o.htmlUrl)).toBe(true);
    expect(read('publishers/index.html')).toContain(`href="${base}sources.opml"`);
    expect(read('_headers')).toContain(`${base}sources.opml\n  Content-Type: text/x-opml`);
  });
  it('pages carry canonical, Open Graph and JSON-LD; articles a NewsArticle', () => {
    const html = read(`articles/${articles[0]}/index.html`);
    expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/articles\//);
    expect(html).toContain('<meta property="og:type" content="article"');
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['headline']).toBeTruthy();
  });
  it('every page names its own address as canonical and og:url, except the not-found page, which names none', () => {
    const pages = readdirSync('dist', { recursive: true }).map(String).filter((f) => f.endsWith('index.html'));
    for (const file of pages) {
      const html = read(file);
      const own = `${base}${file.replace(/index\.html$/, '')}`;
      expect(new URL(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? 'invalid:').pathname, file).toBe(own);
      expect(new URL(/<meta property="og:url" content="([^"]+)"/.exec(html)?.[1] ?? 'invalid:').pathname, file).toBe(own);
    }
    const notFound = read('404.html');
    expect(notFound).toContain('Page not found');
    expect(notFound).not.toMatch(/rel="canonical"|og:url/);
    expect(notFound).toContain('<meta name="robots" content="noindex">');
  });
  it('every link that leaves the site has rel="noopener noreferrer", and no page has an inline event handler', () => {
    const pages = readdirSync('dist', { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    const own = new URL(/<link rel="canonical" href="([^"]+)"/.exec(read('index.html'))![1]!).host;
    let outbound = 0;
    const bad: string[] = [];
    for (const file of pages) {
      const html = read(file);
      if (/<[a-z][^>]*\son[a-z]+=/i.test(html)) bad.push(`${file}: inline event handler`);
      for (const [tag] of html.matchAll(/<a\b[^>]*>/g)) {
        const href = /\shref="(https?:\/\/[^"]+)"/.exec(tag)?.[1];
        if (href === undefined || new URL(href.replace(/&amp;/g, '&')).host === own) continue;
        outbound += 1;
        const rel = (/\srel="([^"]*)"/.exec(tag)?.[1] ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) bad.push(`${file}: ${tag}`);
      }
    }
    expect(outbound).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });
  it('every page names the site’s share image, a 1200×630 PNG the build drew', () => {
    const pages = readdirSync('dist', { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    const named = new Set<string>();
    for (const file of pages) {
      const html = read(file);
      const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(og, file).toBeDefined();
      expect(/<meta name="twitter:image" content="([^"]+)"/.exec(html)?.[1], file).toBe(og);
      expect(html, file).toContain('<meta property="og:image:width" content="1200"');
      expect(html, file).toContain('<meta property="og:image:height" content="630"');
      named.add(new URL(og!).pathname);
    }
    expect([...named]).toEqual([`${base}og.png`]);
    const png = readFileSync(join('dist', 'og.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // Drawn at build time, not copied from public/.
    expect(existsSync('public/og.png')).toBe(false);
  });
  it('_headers sets a Content-Security-Policy that lets Pagefind run', () => {
    const headers = read('_headers');
    expect(headers).toMatch(/Content-Security-Policy: .*'wasm-unsafe-eval'/);
    expect(headers).toContain(`${base}_astro/*`);
  });
});

describe('text', () => {
  // Astro drops white space that runs to a line break between an element and text, so "·\n<a>" renders as "·<a>".
  // A chart's SVG is one image, named by its aria-label; its labels are placed, not run as text.
  const INLINE_SKIP = new Set(['script', 'style', 'template', 'svg']);
  const BLOCK = new Set('html head body header footer main nav section article aside div p ul ol li dl dt dd h1 h2 h3 h4 h5 h6 blockquote figure figcaption form fieldset details summary table thead tbody tr td th select option noscript br hr label input button textarea'.split(' '));
  const textOf = (node: Root | RootContent): string =>
    node.type === 'text' ? node.value : node.type === 'element' && INLINE_SKIP.has(node.tagName) ? '' : 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '';
  /** Places where two inline parts meet with no space between words or after punctuation: "topic:RSS", "·This", "2025(inferred)". */
  function joins(node: Root | Element, out: string[] = []): string[] {
    const parts: (Element | Text)[] = [];
    for (const c of node.children as RootContent[]) if (c.type === 'element' || c.type === 'text') parts.push(c);
    for (let i = 1; i < parts.length; i++) {
      const [a, b] = [parts[i - 1]!, parts[i]!];
      if ((a.type === 'element' && BLOCK.has(a.tagName)) || (b.type === 'element' && BLOCK.has(b.tagName)) || (a.type === 'text' && b.type === 'text')) continue;
      const [left, right] = [textOf(a), textOf(b)];
      if (/[\p{L}\p{N})”’:,;·.]$/u.test(left) && /^[\p{L}\p{N}(“·]/u.test(right)) out.push(`${left.slice(-25)}|${right.slice(0, 25)}`);
    }
    for (const c of parts) if (c.type === 'element' && !INLINE_SKIP.has(c.tagName)) joins(c, out);
    return out;
  }
  it('no page runs two words, or a word and a separator, together where inline parts meet', () => {
    const pages = readdirSync('dist', { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    const found = pages.flatMap((file) => joins(fromHtml(read(file))).map((j) => `${file}: ${j}`));
    expect(found).toEqual([]);
  });
  it('the topic page’s links read with their spaces', () => {
    const text = toText(fromHtml(read(`topics/${knowledge.stories.topics[0]!.id}/index.html`)));
    expect(text).toMatch(/of this topic · This timeline as data \(TimelineJS format\) · Follow this topic: RSS, Atom, JSON Feed/);
  });
});

describe('HTML validity', () => {
  it('every page passes the Nu HTML Checker with no errors', { timeout: 180_000 }, () => {
    const jar = 'node_modules/vnu-jar/build/dist/vnu.jar';
    expect(existsSync(jar)).toBe(true);
    // `npm run provision` (run by `npm test`) installs Java as root; say so rather than fail on a spawn error.
    if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) {
      throw new Error('No Java runtime: the Nu HTML Checker (vnu-jar) needs `java` on PATH. Install one: as root, `npm run provision` does it (apt-get install -y default-jre-headless), or put any Java 11+ on PATH.');
    }
    let output = '';
    try {
      execFileSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'text', 'dist'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stderr?: string }).stderr ?? error);
    }
    expect(output).toBe('');
  });
});

describe('Content-Security-Policy in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await serveBuiltSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });
  it('no page violates it, including search and a highlighted article', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const paths = ['', `articles/${articles[0]}/?highlight=Kim`, 'search/?q=Kursk', `topics/${feedDirs[1]!.split('/')[1]}/`];
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(new URL(path, site.url).href);
      if (path.startsWith('search')) await page.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''));
      if (path.includes('highlight')) await page.waitForFunction(() => document.querySelector('.prose mark') !== null);
      found.push(...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).map((v) => `${path}: ${v}`));
    }
    expect(found).toEqual([]);
  });
});
