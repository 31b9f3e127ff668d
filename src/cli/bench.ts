/**
 * `npm run bench`: numbers about the built site in `dist/` (run `npm run
 * build` first): its size, the search index's size, the bytes of the home and
 * of article pages (gzipped, as a server sends them), and the bytes a browser
 * downloads for a first search query, measured in Chromium from an empty
 * cache. Prints a table and writes the same numbers as JSON to
 * `bench-results/site.json`.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveBuiltSite } from './browser.ts';

const DIST = 'dist';

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
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const all = await files(DIST);
const index = all.filter((p) => p.startsWith(join(DIST, 'pagefind')));
const articles = all.filter((p) => p.startsWith(join(DIST, 'articles')) && p.endsWith('.html'));
const css = all.filter((p) => p.endsWith('.css') && !p.includes('pagefind'));
const cssGz = (await Promise.all(css.map(gz))).reduce((a, b) => a + b, 0);
const articleGz = await Promise.all(articles.map(async (p) => (await gz(p)) + cssGz));

/** Bytes the browser receives for the search page's first query: Pagefind's script, wasm, index chunks and fragments. */
async function firstQueryBytes(query: string): Promise<{ bytes: number; requests: number }> {
  const site = await serveBuiltSite();
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
    await page.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''));
    await page.waitForTimeout(300);
    return { bytes: bytes + before, requests };
  } finally {
    await browser.close();
    await site.stop();
  }
}

const search = await firstQueryBytes('Kursk');
const results = {
  pages: all.filter((p) => p.endsWith('.html')).length,
  distBytes: await totalBytes(all),
  indexBytes: await totalBytes(index),
  indexFiles: index.length,
  homeGzipBytes: (await gz(join(DIST, 'index.html'))) + cssGz,
  articleGzipMedianBytes: median(articleGz),
  articleGzipMaxBytes: Math.max(...articleGz),
  firstQueryBytes: search.bytes,
  firstQueryRequests: search.requests,
};
console.log(`pages                          ${results.pages}`);
console.log(`dist/                          ${kb(results.distBytes)}`);
console.log(`search index                   ${kb(results.indexBytes)} in ${results.indexFiles} files (${((100 * results.indexBytes) / results.distBytes).toFixed(0)}% of dist/)`);
console.log(`home page, HTML+CSS gzipped    ${kb(results.homeGzipBytes)}`);
console.log(`article page, HTML+CSS gzipped median ${kb(results.articleGzipMedianBytes)}, largest ${kb(results.articleGzipMaxBytes)}`);
console.log(`first query "Kursk"            ${kb(results.firstQueryBytes)} over ${results.firstQueryRequests} requests after the page loaded`);
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/site.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench-results/site.json');
