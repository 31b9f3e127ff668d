/**
 * Markup in a seed stays text on every surface the site ships: the article
 * page, its JSON-LD, the feeds, the search index and the search results.
 *
 * A copy of the project (its `src/`, `public/` and config; `node_modules`
 * linked) is built from one hostile seed in a temporary folder, so the
 * project's own `content/` and `dist/` are untouched. The seed tries every
 * way in: a script in the headline that would close a JSON-LD block, script
 * and iframe tags, an `onerror=` attribute, a `javascript:` link, Markdown
 * links and images, raw HTML, front-matter fences, template and MDX syntax.
 * Each payload sets `window.__pwned` if it ever runs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Browser, Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltSite, type ServedSite } from '../../src/cli/browser.ts';
import { removeTemp, tempDir } from '../robustness-corpus.ts';

const PROJECT = new URL('../..', import.meta.url).pathname;
const HEADLINE = 'Quarry Vote Ends in </script><script>window.__pwned=1</script> Uproar';
const SEED = [
  HEADLINE,
  '',
  'Protesters at the quarry hearing posted <script>window.__pwned=2</script> and <iframe src="javascript:window.__pwned=3"></iframe> on the screen, officials said on Monday.',
  '',
  'One slide held <img src=x onerror="window.__pwned=4"> and a link [click here](javascript:window.__pwned=5) with an image ![pixel](https://evil.example/p.png) beside it.',
  '',
  '<div onclick="window.__pwned=6">A raw HTML block sat in the middle of the quarry report.</div>',
  '',
  '---',
  '',
  'Template tags like {{ user.password }} and { like: this } were printed as typed by the quarry council.',
  '',
  "import Secret from './secret.astro'",
  '',
  'The quarry council will vote again in March after the protest, the mayor said.',
  '',
].join('\n');
const SIDECAR = 'publisher: "The <b>Bold</b> Gazette</script>"\nurl: https://example.org/quarry?a=1&b=<2>\npublished: 2025-03-03\n';
const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');

let root: string;
let project: string;
let site: ServedSite;
let browser: Browser;
let slug: string;

const read = (path: string): string => readFileSync(join(project, 'dist', path), 'utf8');

beforeAll(async () => {
  root = tempDir('hostile-site');
  project = join(root, 'project');
  mkdirSync(join(project, 'seeds'), { recursive: true });
  for (const name of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(PROJECT, name), join(project, name), { recursive: true });
  symlinkSync(join(PROJECT, 'node_modules'), join(project, 'node_modules'));
  writeFileSync(join(project, 'seeds', 'quarry.txt'), SEED);
  writeFileSync(join(project, 'seeds', 'quarry.meta.yaml'), SIDECAR);
  // The build runs as `npm run build` would. Vitest copies `import.meta.env` into the process's
  // environment (BASE_URL=/, MODE=test, …), and Vite would take those over the project's config.
  const vitestOwn = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !vitestOwn.has(k))), ASTRO_TELEMETRY_DISABLED: '1' };
  execFileSync(process.execPath, [join(PROJECT, 'src/cli/ingest.ts'), '--today', '2025-12-31'], { cwd: project, stdio: 'pipe', env });
  execFileSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: project, stdio: 'pipe', env });
  slug = readdirSync(join(project, 'content/articles'))[0]!.replace(/\.md$/, '');
  site = await serveBuiltSite(project);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  if (root) removeTemp(root);
});

/** Opens a page, records dialogs and CSP violations, and says whether any payload ran. */
async function open(path: string): Promise<{ page: Page; ran: () => Promise<unknown>; dialogs: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(new URL(path, site.url).href);
  return { page, dialogs, ran: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned) };
}

describe('a seed full of markup', () => {
  it('is ingested, with its headline and payloads kept as text', () => {
    const entry = readFileSync(join(project, 'content/articles', `${slug}.md`), 'utf8');
    expect(entry).toContain('window.__pwned=2');
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('shows every payload on the article page as visible text, and runs none', async () => {
    const { page, ran, dialogs } = await open(`articles/${slug}/`);
    const article = page.locator('main');
    const text = await article.innerText();
    expect(await page.locator('h1').innerText()).toBe(HEADLINE);
    for (const shown of ['<script>window.__pwned=2</script>', '<iframe src="javascript:window.__pwned=3"></iframe>', '<img src=x onerror="window.__pwned=4">', '[click here](javascript:window.__pwned=5)', '![pixel](https://evil.example/p.png)', '<div onclick="window.__pwned=6">', '{{ user.password }}', '{ like: this }', "import Secret from './secret.astro'"]) {
      expect(text).toContain(shown);
    }
    // No element came from the text: no iframe, no image, no link to javascript:, no handler attribute.
    expect(await page.locator('main iframe, main img, main a[href^="javascript:"], main [onerror], main [onclick]').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('script:not([type="application/ld+json"]):not([src])').evaluateAll((els) => els.filter((e) => e.textContent?.includes('__pwned')).length)).toBe(0);
    expect(await ran()).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('keeps JSON-LD parseable with the same headline, and no script element comes from the text (no </script> breakout)', () => {
    // Parsed as a browser parses it: a breakout would end a JSON-LD block early and open a new script.
    const tree = fromHtml(read(`articles/${slug}/index.html`));
    const scripts: Element[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'script') scripts.push(node);
    });
    const jsonLd = scripts.filter((s) => s.properties['type'] === 'application/ld+json');
    expect(jsonLd.length).toBeGreaterThan(0);
    const parsed = jsonLd.map((s) => JSON.parse(toText(s)) as unknown);
    expect(JSON.stringify(parsed)).toContain(JSON.stringify(HEADLINE).slice(1, -1));
    for (const s of scripts.filter((x) => !jsonLd.includes(x))) expect(toText(s)).not.toContain('__pwned');
  });

  it('keeps the headline, publisher and text as text in RSS, Atom and JSON Feed', () => {
    const rss = parseRssFeed(read('rss.xml'));
    const atom = parseAtomFeed(read('atom.xml'));
    const json = parseJsonFeed(JSON.parse(read('feed.json')));
    expect(rss.items?.[0]?.title).toBe(HEADLINE);
    expect(atom.entries?.[0]?.title?.value).toBe(HEADLINE);
    expect(json.items?.[0]?.title).toBe(HEADLINE);
    // Feed HTML is escaped text: a reader that renders it shows the tags, never makes them.
    const content = json.items?.[0]?.content_html ?? '';
    expect(content).toContain('&lt;script&gt;window.__pwned=2&lt;/script&gt;');
    expect(content).not.toMatch(/<(script|iframe|img)\b/i);
    expect(read('rss.xml')).not.toMatch(/<script\b/i);
  });

  it('shows the payloads in search results as text, and runs none', async () => {
    const { page, ran, dialogs } = await open('search/?q=quarry');
    await page.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''));
    const results = page.locator('.search-result');
    expect(await results.count()).toBe(1);
    expect(await results.first().locator('h2').innerText()).toBe(HEADLINE);
    expect(await page.locator('#search-results script, #search-results iframe, #search-results img, #search-results [onerror]').count()).toBe(0);
    // A query that is itself markup.
    await page.goto(new URL(`search/?q=${encodeURIComponent('<img src=x onerror="window.__pwned=7">')}`, site.url).href);
    await page.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await ran()).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('serves the raw seed as plain text, never as a page', async () => {
    const response = await fetch(new URL(`raw/quarry.txt`, site.url));
    expect(response.headers.get('content-type') ?? '').toMatch(/^text\/plain/);
    expect(base).toMatch(/\/$/);
  });
});
