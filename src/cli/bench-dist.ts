/**
 * The bench's measures of a built site: sizes of `dist/` and of the search
 * index, gzipped page weights, and the bytes of a first search in Chromium.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './bench-run.ts';

async function files(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  const out: string[] = [];
  for (const name of names) if ((await stat(join(dir, name))).isFile()) out.push(join(dir, name));
  return out;
}

async function totalBytes(paths: readonly string[]): Promise<number> {
  let n = 0;
  for (const p of paths) n += (await stat(p)).size;
  return n;
}

const gz = async (path: string): Promise<number> => gzipSync(await readFile(path)).length;


export interface DistStats {
  pages: number;
  distBytes: number;
  indexBytes: number;
  indexFiles: number;
  homeGzipBytes: number;
  articlePages: number;
  articleGzipMedianBytes?: number;
  articleGzipMaxBytes?: number;
  /** Article pages that load a script file (the budget says none may). */
  articlePagesWithScriptFiles: number;
  /** The heaviest HTML page of any kind (lists, topics, stories, entities), gzipped, and its path: no page may grow with the corpus. */
  largestPage?: { path: string; gzipBytes: number };
}

/** Sizes of a built site; an article page's weight is its HTML plus the stylesheets it links, each gzipped. */
export async function measureDist(dist: string): Promise<DistStats> {
  const all = await files(dist);
  const index = all.filter((p) => p.startsWith(join(dist, 'pagefind') + sep));
  const articles = all.filter((p) => p.startsWith(join(dist, 'articles') + sep) && p.endsWith('.html'));
  const cssGz = new Map<string, number>();
  const pageWeight = async (path: string): Promise<{ bytes: number; scripts: boolean }> => {
    const html = await readFile(path, 'utf8');
    let bytes = gzipSync(html).length;
    for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
      const href = m[1]!.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
      const file = join(dist, href.replace(/^\/+/, ''));
      if (!cssGz.has(file)) cssGz.set(file, existsSync(file) ? await gz(file) : 0);
      bytes += cssGz.get(file)!;
    }
    return { bytes, scripts: /<script\b[^>]*\bsrc=/.test(html) };
  };
  const weights: number[] = [];
  let withScripts = 0;
  for (const p of articles) {
    const w = await pageWeight(p);
    weights.push(w.bytes);
    if (w.scripts) withScripts++;
  }
  // Every page, gzipped alone: the largest is where a list or an event grew with the corpus.
  let largestPage: DistStats['largestPage'];
  for (const p of all.filter((f) => f.endsWith('.html') && !f.startsWith(join(dist, 'pagefind') + sep))) {
    const bytes = gzipSync(await readFile(p)).length;
    if (!largestPage || bytes > largestPage.gzipBytes) largestPage = { path: relative(dist, p), gzipBytes: bytes };
  }
  const home = join(dist, 'index.html');
  return {
    ...(largestPage ? { largestPage } : {}),
    pages: all.filter((p) => p.endsWith('.html')).length,
    distBytes: await totalBytes(all),
    indexBytes: await totalBytes(index),
    indexFiles: index.length,
    homeGzipBytes: existsSync(home) ? (await pageWeight(home)).bytes : 0,
    articlePages: articles.length,
    ...(weights.length > 0 ? { articleGzipMedianBytes: median(weights), articleGzipMaxBytes: Math.max(...weights) } : {}),
    articlePagesWithScriptFiles: withScripts,
  };
}

/** Bytes the browser receives for the search page's first query: Pagefind's script, wasm, index chunks and fragments. */
export async function firstQueryBytes(root: string, query: string): Promise<{ bytes: number; requests: number }> {
  const { launchChromium, serveBuiltSite } = await import('./browser.ts');
  const site = await serveBuiltSite(root);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('search/', site.url).href);
    await page.waitForSelector('form.search-form[data-ready="true"]');
    let bytes = 0;
    let requests = 0;
    page.on('requestfinished', (request) => {
      if (!request.url().includes('/pagefind/')) return;
      requests++;
      void request.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize));
    });
    // Count the loader too: it was fetched before the listener, so add what the page fetched for it.
    const before = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/pagefind/'))
        .reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0),
    );
    await page.locator('#search-query').fill(query);
    await page.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 120_000 });
    await page.waitForTimeout(300);
    return { bytes: bytes + before, requests };
  } finally {
    await browser.close();
    await site.stop();
  }
}
