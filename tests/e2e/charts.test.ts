/**
 * The charts of the built site: a topic's first page shows its coverage over
 * time, a story page which outlets reported it when; each is an inline SVG
 * with an accessible name, a caption and a table of its numbers, drawn
 * without JavaScript, and axe finds nothing with the tables open.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltSite, type ServedSite } from '../../src/cli/browser.ts';
import { parseKnowledge } from '../../src/lib/site/knowledge.ts';
import { contentEntries } from '../content-entries.ts';

let site: ServedSite;
let browser: Browser;
let page: Page;
const scripts: string[] = [];

beforeAll(async () => {
  site = await serveBuiltSite();
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const url = (path: string): string => new URL(path, site.url).href;
const knowledge = parseKnowledge(JSON.parse(readFileSync('content/knowledge.json', 'utf8')));
const published = new Map(contentEntries().map((e) => [e.id, e.data.published.date]));
const isDay = (d: string | undefined): boolean => d !== undefined && d.length === 10;

async function openTablesAndCheck(p: Page): Promise<string[]> {
  for (const d of await p.locator('details.chart-data').all()) await d.evaluate((e) => e.setAttribute('open', ''));
  const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('.chart').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('coverage over time on a topic page', () => {
  const topic = knowledge.stories.topics[0]!;
  it('draws the articles by date as bars, with a caption and a table that add up to the dated articles', async () => {
    scripts.length = 0;
    await page.goto(url(`topics/${topic.id}/`));
    const chart = page.locator('.coverage-over-time .chart');
    expect(await chart.count()).toBe(1);
    const svg = chart.locator('svg[role="img"]');
    expect(await svg.getAttribute('aria-label')).toMatch(/^Articles a (day|week|month)/);
    expect(await svg.locator('rect.chart-bar').count()).toBeGreaterThan(0);
    const dated = topic.articles.filter((id) => isDay(published.get(id))).length;
    expect(await chart.locator('figcaption').textContent()).toContain(`${dated} in all`);
    const counts = await chart.locator('table tbody td:nth-child(2)').allTextContents();
    expect(counts.reduce((s, c) => s + Number(c), 0)).toBe(dated);
    // The numbered lines are the key events' numbers in their list.
    const keys = await page.locator('.key-events .key-item').count();
    for (const n of await svg.locator('.chart-mark text').allTextContents()) expect(Number(n)).toBeLessThanOrEqual(keys);
    expect(await openTablesAndCheck(page)).toEqual([]);
    expect(scripts).toEqual([]);
  });
});

describe('who reported a story when', () => {
  it('a story of one article has none', async () => {
    const single = knowledge.stories.stories.find((s) => s.articles.length === 1)!;
    await page.goto(url(`stories/${single.id}/`));
    expect(await page.locator('.story-when').count()).toBe(0);
  });
  for (const story of knowledge.stories.stories.filter((s) => s.articles.length > 1)) {
    it(`${story.id}: one row per outlet, one dot per day, with its table`, async () => {
      scripts.length = 0;
      await page.goto(url(`stories/${story.id}/`));
      const strip = page.locator('.story-when .chart');
      expect(await strip.count()).toBe(1);
      const svg = strip.locator('svg[role="img"]');
      expect(await svg.getAttribute('aria-label')).toMatch(/^Which outlets reported this story when/);
      const rows = await strip.locator('table tbody tr').count();
      expect(await svg.locator('.strip-row').count()).toBe(rows);
      const days = new Set(story.articles.map((id) => published.get(id)).filter(isDay));
      expect(await svg.locator('circle.chart-dot').count()).toBeGreaterThanOrEqual(days.size);
      expect(await strip.locator('figcaption').textContent()).toMatch(/Each dot is a day/);
      expect(await openTablesAndCheck(page)).toEqual([]);
      expect(scripts).toEqual([]);
    });
  }
});
