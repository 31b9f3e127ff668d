/**
 * The built site in Chromium: navigation from the home page, the article
 * page's parts, and accessibility (axe-core, WCAG 2 A and AA).
 * Runs against `dist/`, which `npm run test:e2e` builds first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltSite, type ServedSite } from '../../src/cli/browser.ts';
import { readContentFile } from '../../src/lib/ingest/markdown.ts';
import { rawPathFor } from '../../src/lib/site/articles.ts';

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

const entries = readdirSync('content/articles')
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ slug: f.replace(/\.md$/, ''), data: readContentFile(readFileSync(`content/articles/${f}`, 'utf8')).data }));

async function axeViolations(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('home page', () => {
  it('lists every article and leads to it', async () => {
    await page.goto(site.url);
    const links = page.locator('.article-list :is(h2, h3) a');
    expect(await links.count()).toBe(entries.length);
    const first = links.first();
    const headline = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(headline);
  });
  it('has no accessibility violations', async () => {
    await page.goto(site.url);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('article pages', () => {
  for (const entry of entries) {
    it(`${entry.slug}: shows the clean article with its provenance`, async () => {
      await page.goto(new URL(`articles/${entry.slug}/`, site.url).href);
      expect((await page.locator('h1').textContent())!.trim()).toBe(entry.data['headline']);
      // Quotes folded, since a removed copy may differ from the kept one only in them.
      const fold = (t: string): string => t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
      const body = fold(await page.locator('main .prose').innerText());
      // Every body block is a paragraph or heading anchored as p-<n>, carrying its seed lines.
      const blocks = entry.data['blocks'] as [number, number][];
      const anchored = await page.locator('main .prose > [id^="p-"]').evaluateAll((els) => els.map((e) => [e.id, e.getAttribute('data-lines')]));
      expect(anchored).toEqual(blocks.map((b, i) => [`p-${i + 1}`, `${b[0]}-${b[1]}`]));
      // Junk the ingest removed never shows in the article text; a repeated block shows exactly once.
      for (const removal of entry.data['removed'] as { rule: string; text: string }[]) {
        for (const line of removal.text.split('\n').filter((l) => l.split(' ').length >= 4)) {
          const times = body.split(fold(line)).length - 1;
          expect(times, `${removal.rule}: ${line}`).toBe(removal.rule.startsWith('repeated-') ? (removal.rule === 'repeated-block' ? 1 : 0) : 0);
        }
      }
      // Where the text came from: the raw seed is one click away and is served as it was.
      const source = entry.data['source'] as { path: string; sha256: string };
      const raw = page.locator(`a[href$="/${rawPathFor(source.path)}"]`);
      expect(await raw.count()).toBe(1);
      const response = await page.request.get(new URL(rawPathFor(source.path), site.url).href);
      expect(response.ok()).toBe(true);
      expect(response.headers()['content-type']).toMatch(/^text\/plain/);
      expect(Buffer.from(await response.body()).equals(readFileSync(`seeds/${source.path}`))).toBe(true);
    });
  }
  it('has no accessibility violations, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(new URL(`articles/${entries[0]!.slug}/`, site.url).href);
      await page.locator('details.removed summary').click();
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('missing pages', () => {
  it('answer 404 with a way home', async () => {
    const response = await page.goto(new URL('no/such/page/', site.url).href);
    expect(response?.status()).toBe(404);
    expect(await page.locator(`a[href="${new URL(site.url).pathname}"]`).count()).toBeGreaterThan(0);
  });
});

describe('entity chips', () => {
  it('lead from an article to the entity’s page', async () => {
    await page.goto(new URL(`articles/${entries[0]!.slug}/`, site.url).href);
    const chip = page.locator('.chips a').first();
    const name = (await chip.textContent())!;
    await chip.click();
    await page.waitForURL(/\/entities\/[^/]+\/$/);
    expect(name.startsWith((await page.locator('h1').textContent())!)).toBe(true);
  });
});

describe('about page', () => {
  it('is linked from every page’s footer and, with no content/about.md, explains what the site shows and how it knows it', async () => {
    await page.goto(new URL(`articles/${entries[0]!.slug}/`, site.url).href);
    await page.locator('footer a', { hasText: 'About this site' }).click();
    await page.waitForURL(/\/about\/$/);
    expect(await page.locator('h1').textContent()).toMatch(/^About /);
    const text = await page.locator('main').innerText();
    // Cleaned articles and their sources, how dates are found and what each basis means, stories, topics, key events, names.
    for (const phrase of ['cleaned of', 'raw text', 'set by an editor', 'inferred from', 'not stated in the source', 'How dates are found', 'story', 'topic', 'Key events', 'entity detection']) expect(text).toContain(phrase);
    for (const path of ['publishers/', 'topics/', 'entities/', 'search/']) expect(await page.locator(`main a[href$="/${path}"]`).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
