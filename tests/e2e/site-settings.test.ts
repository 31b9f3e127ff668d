/**
 * A site set up in `content/site.yaml`, built as a user builds theirs: in a
 * temporary copy of the project (its `src/`, `public/`, configuration and
 * the five shipped seeds' `content/`, with `node_modules/` linked entry by
 * entry so Astro's caches stay in the copy), a settings file that sets every
 * field, and `astro build`. Each setting is found where it shows on the built
 * pages, and axe finds nothing on its home and article pages in either
 * scheme. A second copy with a bad file (an unknown field, a low-contrast
 * accent, a missing logo) gets the three `content/site.yaml:LINE:` errors
 * from the ingest and from Astro, and no `dist/`.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, copyProject } from '../project-copy.ts';
import { launchChromium, serveBuiltSite, type ServedSite } from '../../src/cli/browser.ts';
import { readContentFile } from '../../src/lib/ingest/markdown.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');

const SETTINGS = [
  'title: Korea Watch',
  'description: North and South Korea from many outlets, cleaned, dated and sourced.',
  'language: de',
  'timeZone: Asia/Seoul',
  'logo: images/korea-watch.svg',
  'favicon: images/korea-watch.png',
  'accent: "#b3261e"',
  'accentDark: "#f4a9a3"',
  'nav:',
  '  - { label: Start, href: / }',
  '  - { label: Themen, href: /topics/ }',
  '  - { label: Archiv, href: /archive/ }',
  '  - { label: Über uns, href: "https://example.org/korea-watch" }',
  'footer: Korea Watch is run by a small desk in Seoul. Every article links to its original.',
  'feedItems: 3',
  'keyEvents: 2',
  'entityPages: [person, organisation]',
  '',
].join('\n');

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#b3261e"/><path d="M15 14h9v15l12-15h11L33 31l15 19H36L24 34v16h-9z" fill="#fff"/></svg>\n';
/** A 1×1 PNG. */
const FAVICON = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** A copy of the project with the five seeds' content and `settings` as content/site.yaml. */
function project(name: string, settings: string): string {
  const dir = copyProject(name);
  mkdirSync(join(dir, 'public', 'images'));
  writeFileSync(join(dir, 'public', 'images', 'korea-watch.svg'), LOGO);
  writeFileSync(join(dir, 'public', 'images', 'korea-watch.png'), FAVICON);
  writeFileSync(join(dir, 'content', 'site.yaml'), settings);
  return dir;
}

/** Runs a command in `dir` as `npm run build` would, without Vitest's copies of `import.meta.env` (`buildEnv`). */
function run(dir: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args, { cwd: dir, env: { ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
}

const textOf = (html: string): string => toText(fromHtml(html)).replace(/\s+/g, ' ').trim();
const attr = (html: string, pattern: RegExp): string | undefined => pattern.exec(html)?.[1];
const jsonLdOf = (html: string): Record<string, unknown> => JSON.parse(attr(html, /<script type="application\/ld\+json">(.*?)<\/script>/s) ?? 'null') as Record<string, unknown>;

describe('a site set in content/site.yaml', () => {
  let dir: string;
  let page: (path: string) => string;
  let site: ServedSite;
  let browser: Browser;
  const articles = readdirSync(join(ROOT, 'content', 'articles'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ slug: f.replace(/\.md$/, ''), data: readContentFile(readFileSync(join(ROOT, 'content', 'articles', f), 'utf8')).data as { published: { date?: string; precision: string } } }));
  const dated = articles.find((a) => a.data.published.precision === 'day')!;
  const knowledge = JSON.parse(readFileSync(join(ROOT, 'content', 'knowledge.json'), 'utf8')) as { stories: { topics: { id: string }[] }; entities: { entities: { id: string; type: string; articles: string[] }[] } };
  const topic = knowledge.stories.topics[0]!;

  beforeAll(async () => {
    dir = project('settings-site', SETTINGS);
    const built = run(dir, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build']);
    if (built.status !== 0) throw new Error(`astro build exited ${built.status}:\n${built.stdout.slice(-3000)}\n${built.stderr.slice(-3000)}`);
    page = (path) => readFileSync(join(dir, 'dist', path), 'utf8');
    site = await serveBuiltSite(dir);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names the site in every <title>, the header and the home page’s description', () => {
    const home = page('index.html');
    expect(attr(home, /<title>(.*?)<\/title>/)).toBe('Korea Watch');
    expect(attr(page(`articles/${dated.slug}/index.html`), /<title>(.*?)<\/title>/)).toMatch(/ · Korea Watch$/);
    expect(textOf(attr(home, /<a class="brand"[^>]*>(.*?)<\/a>/s) ?? '')).toBe('Korea Watch');
    expect(attr(home, /<meta name="description" content="(.*?)"/)).toBe('North and South Korea from many outlets, cleaned, dated and sourced.');
    expect(attr(home, /<meta property="og:site_name" content="(.*?)"/)).toBe('Korea Watch');
  });
  it('shows the logo in the header and links the favicon', () => {
    const home = page('index.html');
    expect(home).toContain(`<img class="brand-logo" src="${base}images/korea-watch.svg" alt="" width="28" height="28">`);
    expect(home).toContain(`<link rel="icon" href="${base}images/korea-watch.png" type="image/png">`);
    expect(existsSync(join(dir, 'dist', 'images', 'korea-watch.svg'))).toBe(true);
  });
  it('declares the language on every page and in Open Graph', () => {
    for (const path of ['index.html', `articles/${dated.slug}/index.html`, `topics/${topic.id}/index.html`, '404.html']) {
      expect(attr(page(path), /<html lang="(.*?)"/), path).toBe('de');
    }
    expect(attr(page('index.html'), /<meta property="og:locale" content="(.*?)"/)).toBe('de_DE');
  });
  it('writes dates and numbers in German', () => {
    const date = dated.data.published.date!;
    const german = new Intl.DateTimeFormat('de', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
    expect(german).toMatch(/^\d+\. \S+ \d{4}$/);
    expect(page(`articles/${dated.slug}/index.html`)).toContain(`<time datetime="${date}">${german}</time>`);
    expect(page(`topics/${topic.id}/index.html`)).toContain(`${german}</time>`);
    // No date in the site's English form ("28 April 2025"); "paragraph 8" before a month heading is no date.
    expect(textOf(page(`topics/${topic.id}/index.html`))).not.toMatch(/(?<!paragraph )\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/);
  });
  it('names the site in the JSON-LD', () => {
    expect(jsonLdOf(page('index.html'))).toMatchObject({ '@type': 'WebSite', name: 'Korea Watch', description: 'North and South Korea from many outlets, cleaned, dated and sourced.', inLanguage: 'de' });
    expect(jsonLdOf(page(`articles/${dated.slug}/index.html`))).toMatchObject({ '@type': 'NewsArticle', inLanguage: 'de' });
  });
  it('puts the accent of each scheme in the site’s own stylesheet', () => {
    const home = page('index.html');
    const sheet = attr(home, /<link rel="stylesheet" href="(.*?)"/)!;
    expect(sheet.startsWith(`${base}_astro/`)).toBe(true);
    const css = readFileSync(join(dir, 'dist', sheet.slice(base.length)), 'utf8');
    expect(css).toMatch(/:root\s*\{\s*--accent:\s*#b3261e;\s*--accent-fg:\s*#fff(?:fff)?;?\s*\}/);
    expect(css).toMatch(/@media \(prefers-color-scheme: ?dark\)\s*\{\s*:root\s*\{\s*--accent:\s*#f4a9a3;/);
    expect(home).not.toMatch(/<style|style="/);
  });
  it('shows the navigation and the footer it sets', () => {
    const home = page('index.html');
    const nav = attr(home, /<nav aria-label="Main">(.*?)<\/nav>/s)!;
    expect([...nav.matchAll(/<a href="(.*?)">(.*?)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      [base, 'Start'],
      [`${base}topics/`, 'Themen'],
      [`${base}archive/`, 'Archiv'],
      ['https://example.org/korea-watch', 'Über uns'],
    ]);
    expect(textOf(attr(home, /<footer class="site-footer">(.*?)<\/footer>/s)!)).toContain('Korea Watch is run by a small desk in Seoul. Every article links to its original.');
  });
  it('carries feedItems articles in each feed, titled by the site, in its language, dated from midnight in its time zone', () => {
    const rss = page('rss.xml');
    expect(attr(rss, /<channel><title>(.*?)<\/title>/)).toBe('Korea Watch');
    expect(rss).toContain('<language>de</language>');
    expect(rss.match(/<item>/g)).toHaveLength(3);
    const atom = page('atom.xml');
    expect(atom).toContain('xml:lang="de"');
    expect(atom).toContain('<title>Korea Watch</title>');
    expect(atom.match(/<entry>/g)).toHaveLength(3);
    const published = [...atom.matchAll(/<published>(.*?)<\/published>/g)].map((m) => m[1]);
    expect(published.length).toBeGreaterThan(0);
    for (const p of published) expect(p).toMatch(/T00:00:00\+09:00$/);
    const json = JSON.parse(page('feed.json')) as { title: string; language: string; items: { content_text: string }[] };
    expect(json).toMatchObject({ title: 'Korea Watch', language: 'de' });
    expect(json.items).toHaveLength(3);
    expect(json.items.some((i) => / \d+\. \S+ \d{4} \(date /.test(i.content_text))).toBe(true);
    const topicFeed = JSON.parse(page(`topics/${topic.id}/feed.json`)) as { title: string; items: unknown[] };
    expect(topicFeed.title).toMatch(/ · Korea Watch$/);
    expect(topicFeed.items).toHaveLength(3);
    expect(articles.length).toBeGreaterThan(3);
  });
  it('leads each topic’s timeline with at most keyEvents key events', () => {
    const html = page(`topics/${topic.id}/index.html`);
    const key = attr(html, /<section class="key-events"[^>]*>(.*?)<\/section>/s)!;
    expect(key.match(/<li class="key-item">/g)).toHaveLength(2);
    expect(textOf(html)).toContain('The 2 events the most articles tell');
  });
  it('gives pages to the entity types it names only, and names the others as plain text', () => {
    const pages = new Set(readdirSync(join(dir, 'dist', 'entities')));
    const withPages = knowledge.entities.entities.filter((e) => new Set(e.articles).size >= 2);
    expect(withPages.some((e) => e.type === 'place')).toBe(true);
    for (const e of withPages) expect(pages.has(e.id), `${e.type} ${e.id}`).toBe(e.type !== 'place');
    const place = withPages.find((e) => e.type === 'place')!;
    for (const a of articles) expect(page(`articles/${a.slug}/index.html`)).not.toContain(`entities/${place.id}/`);
  });
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no accessibility violations on its home and article pages (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme });
      const tab = await context.newPage();
      for (const path of ['', `articles/${dated.slug}/`]) {
        await tab.goto(new URL(path, site.url).href);
        const result = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(result.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      // The accent in force is the scheme's own.
      const accent = await tab.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
      expect(accent).toBe(colorScheme === 'light' ? '#b3261e' : '#f4a9a3');
      await context.close();
    });
  }
});

describe('a bad content/site.yaml', () => {
  const BAD = ['title: Korea Watch', 'colour: red', 'accent: "#777777"', 'logo: images/missing.svg', ''].join('\n');
  const EXPECTED = [
    /^content\/site\.yaml:2: error SL511 unknown field "colour"/m,
    /^content\/site\.yaml:3: error SL513 accent: "#777777" has a contrast ratio of 4\.29:1 against the light background #fbfaf7/m,
    /^content\/site\.yaml:4: error SL512 logo: public\/images\/missing\.svg does not exist/m,
  ];
  let dir: string;
  beforeAll(() => {
    dir = project('settings-bad', BAD);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stops `npm run build` at the ingest with the three errors at their lines, and builds nothing', () => {
    const built = run(dir, [join(dir, 'src/cli/build.ts')]);
    expect(built.status).toBe(2);
    for (const line of EXPECTED) expect(built.stderr).toMatch(line);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  }, 60_000);
  it('stops `astro build` with the same errors, and no dist/', () => {
    const built = run(dir, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build']);
    expect(built.status).toBe(1);
    for (const line of EXPECTED) expect(built.stderr).toMatch(line);
    expect(built.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  }, 60_000);
});
