/**
 * Search in a real browser against the built site and its Pagefind index.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltSite, type ServedSite } from '../../src/cli/browser.ts';

let site: ServedSite;
let browser: Browser;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  site = await serveBuiltSite();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});
beforeEach(async () => {
  page = await (await browser.newContext()).newPage();
  dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

const url = (path: string): string => new URL(path, site.url).href;

/** Waits until the results list reflects the URL's query (the status line stops saying "Type"). */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return /result/.test(s);
  });
}

const headlines = (): Promise<string[]> => page.locator('.search-result h2 a').allTextContents();

/** The text Pagefind holds for each page a search for `term` finds, read in the search page (which must have loaded). */
async function indexedContents(term: string): Promise<string[]> {
  // A string, so the test runner's transform leaves the browser's dynamic import alone.
  return (await page.evaluate(`(async () => {
    const base = document.querySelector('form.search-form').dataset.base;
    const pagefind = await import(base + 'pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(term)});
    return Promise.all(search.results.map(async (r) => (await r.data()).content));
  })()`)) as string[];
}

describe('search page', () => {
  it('finds all five seed articles for "Kursk"', async () => {
    await page.goto(url('search/?q=Kursk'));
    await settled();
    expect(await headlines()).toHaveLength(5);
    expect(await page.locator('.search-result mark').first().textContent()).toMatch(/kursk/i);
  });

  it('finds only the Moscow Times article for "Lyubimova"', async () => {
    await page.goto(url('search/?q=Lyubimova'));
    await settled();
    expect(await page.locator('.search-result .meta').allTextContents()).toEqual([expect.stringContaining('The Moscow Times')]);
  });

  it('shows the no-results state with suggestions', async () => {
    await page.goto(url('search/?q=zzqqxxnothing'));
    await settled();
    expect(await headlines()).toEqual([]);
    await expect.poll(() => page.locator('#search-empty').isVisible()).toBe(true);
    expect(await page.locator('#search-empty .suggestions a').count()).toBeGreaterThan(0);
  });

  it('searches as you type, narrows by publisher, sorts by date, and keeps it all in the URL', async () => {
    await page.goto(url('search/'));
    await page.waitForSelector('form.search-form[data-ready="true"]');
    await page.locator('#search-query').fill('Kim');
    await settled();
    const all = (await headlines()).length;
    expect(all).toBe(5);

    await page.locator('.facet input[name="publisher"][value="The Moscow Times"]').click();
    await expect.poll(async () => (await headlines()).length).toBe(1);
    expect(new URL(page.url()).searchParams.getAll('publisher')).toEqual(['The Moscow Times']);

    await page.locator('.facet input[name="publisher"][value="The Moscow Times"]').click();
    await page.locator('#search-sort').selectOption('date-desc');
    await expect.poll(async () => (await headlines()).length).toBe(5);
    const dates = await page.locator('.search-result .meta').allTextContents();
    const parsed = dates.map((d) => Date.parse(d.split(' · ')[1]!.replace(' (inferred)', '')));
    expect(parsed).toEqual([...parsed].sort((a, b) => b - a));

    await page.locator('.facet input[name="month"][value="2025-08"]').click();
    await expect.poll(async () => (await headlines()).length).toBe(3);
    const shared = page.url();
    const before = await headlines();
    const reloaded = await (await browser.newContext()).newPage();
    await reloaded.goto(shared);
    await reloaded.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await reloaded.locator('.search-result h2 a').allTextContents()).toEqual(before);
    expect(await reloaded.locator('#search-query').inputValue()).toBe('Kim');
    expect(await reloaded.locator('.facet input[value="2025-08"]').isChecked()).toBe(true);
    expect(await reloaded.locator('#search-sort').inputValue()).toBe('date-desc');
  });

  it('shows a query that looks like markup as text, and runs nothing', async () => {
    const attack = '<img src=x onerror=alert(1)>';
    await page.goto(url(`search/?q=${encodeURIComponent(attack)}`));
    await settled();
    expect(await page.locator('#search-status').textContent()).toContain(attack);
    expect(await page.locator('#search-empty-query').textContent()).toContain(attack);
    expect(await page.locator('main img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it('works from the keyboard alone: "/" focuses the box, arrows move through results, Enter opens one', async () => {
    await page.goto(url(''));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('Kursk');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Kursk/);
    await settled();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).textContent);
    expect(second).toBe((await headlines())[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/[^/]+\/\?highlight=Kursk/i);
    expect(await page.locator('h1').textContent()).toBe(second);
    // The words searched for are marked on the article the result leads to.
    await expect.poll(() => page.locator('.prose mark').count()).toBeGreaterThan(0);
  });

  it('indexes the article, never the page around it', async () => {
    await page.goto(url('search/'));
    await page.waitForSelector('form.search-form[data-ready="true"]');
    const contents = await indexedContents('Kim');
    expect(contents).toHaveLength(5);
    for (const text of contents) {
      // Not the navigation, the article's facts line, the provenance section or the removed junk.
      expect(text).not.toMatch(/Where this comes from|What we removed|Latest|set by an editor|Post a Comment|Leave a Reply|Sign up for our/);
    }
  });

  it('shows excerpts of the article text, without the reading time, word count or byline', async () => {
    await page.goto(url('search/?q=Kim+Jong+Un'));
    await settled();
    const excerpts = await page.locator('.search-result .excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const text of excerpts) expect(text).not.toMatch(/min read|words|Agencies:|Image credit/);
    // The index itself holds none of it, so no excerpt of any query can show it.
    const contents = await indexedContents('Kim');
    expect(contents).toHaveLength(5);
    for (const text of contents) expect(text).not.toMatch(/\d min read|\d words\b|Agencies:/);
  });
});

describe('entity facets', () => {
  it('filter by the people, places and organisations the articles name, also from a shared URL', async () => {
    await page.goto(url('search/?q=Kim'));
    await settled();
    const people = await page.locator('.facet input[name="people"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(people).toContain('Kim Jong Un');
    expect(await page.locator('.facet input[name="places"][value="Kursk"]').count()).toBe(1);
    await page.locator('.facet input[name="people"][value="Olga Lyubimova"]').click();
    await expect.poll(async () => (await headlines()).length).toBe(1);

    await page.goto(url('search/?people=Kim+Jong+Un'));
    await settled();
    expect((await headlines()).length).toBe(5);
  });
});

describe('story and topic facets', () => {
  it('narrow to the articles of one story, and hold every article in the topic', async () => {
    await page.goto(url('search/?q=Kim'));
    await settled();
    const topics = await page.locator('.facet input[name="topic"]').count();
    expect(topics).toBe(1);
    const stories = page.locator('.facet input[name="story"]');
    const counts = await page.locator('.facet', { has: page.locator('input[name="story"]') }).locator('.count').allTextContents();
    expect(counts.map(Number).sort()).toEqual([1, 1, 1, 2]);
    const two = counts.findIndex((c) => c === '2');
    await stories.nth(two).click();
    await expect.poll(async () => (await headlines()).length).toBe(2);
  });
});
