/**
 * `npm run bench [-- --sizes 100,1000 --runs 3 --timeout 300 --seed S --no-site --no-baseline --no-browser --no-events --keep --out FILE]`
 *
 * How fast Storyline is, and how heavy its pages are, at several corpus sizes,
 * against a plain Astro site built in the same run (issue 9). Two sections:
 *
 * 1. **The project's own site** (`npm run bench` builds it first): the size of
 *    `dist/`, of the search index, gzipped page weights and the bytes a
 *    browser downloads for a first search query, as before; also written to
 *    `bench-results/site.json`.
 * 2. **Generated corpora** (`--sizes`, default 100 and 1,000; 10,000 and
 *    100,000 on request). For each size, in `os.tmpdir()/storyline-bench-<size>/`:
 *    - the corpus, made by `src/cli/gen-corpus.ts` (deterministic; see
 *      `src/lib/bench/corpus.ts`);
 *    - a **profile** of the ingest in a child process (this file with
 *      `--child-profile`): read, pipeline, then each knowledge stage timed
 *      alone. It mirrors `src/cli/ingest.ts` and `buildKnowledge`; it is the
 *      breakdown, not the measurement;
 *    - the **ingest** as users run it (`node src/cli/ingest.ts --seeds … --out …`):
 *      wall time, articles/s, peak RSS;
 *    - `astro build` of a copy of the project (its `src/`, `public/` and
 *      configuration copied, `node_modules/` linked entry by entry so Astro's
 *      caches stay in the copy) over the generated content: wall time, pages/s,
 *      peak RSS, and its phases read from the build log as it arrives
 *      (content sync, bundling, rendering, then the Pagefind integration);
 *    - the **baseline**: a minimal Astro project (the same articles as
 *      Markdown with a title, a page each through a content collection, a
 *      home list) built by the same `astro`, then indexed by Pagefind's Node
 *      API (this file with `--child-pagefind`);
 *    - `dist/` and index sizes, median and largest article page (HTML plus
 *      the stylesheets it links, gzipped), external scripts on article pages,
 *      and the bytes of a first one-word search in Chromium.
 *
 * Builds are cold (outputs and caches removed first). A step that takes under
 * 10 s is repeated (`--runs`, default 3) and its median reported. A step that
 * exceeds `--timeout` seconds is stopped and reported as a lower bound; what
 * depends on it is skipped. With `--no-events` the site is built from the
 * profile's output with the events stage skipped, so the build can be measured
 * at sizes the events stage cannot yet reach (labelled as such).
 *
 * Memory is the peak RSS from `/usr/bin/time -v` when present (the largest
 * process of the tree: Node or the Pagefind binary), else Node's own
 * `process.resourceUsage().maxRSS` written at exit by a preload.
 *
 * Prints a table (numbers, ratios to the baseline, the issue's budgets with
 * ✓/✗) and writes everything to `bench-results/bench-<time>.json` (or `--out`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

/** The repository root (this file is `src/cli/bench.ts`). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';
/** Steps shorter than this are repeated for a median. */
const SHORT_MS = 10_000;

const USAGE =
  'usage: npm run bench -- [--sizes 100,1000] [--runs 3] [--timeout 300] [--seed S] [--no-site] [--no-baseline] [--no-browser] [--no-events] [--keep] [--out FILE]';

// ---------------------------------------------------------------------------
// Small helpers

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
/** Colour codes, in case a child writes them despite NO_COLOR. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

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

// ---------------------------------------------------------------------------
// Running a step: wall time, peak memory, log marks, timeout

interface StepResult {
  /** False when it failed or timed out. */
  ok: boolean;
  timedOut: boolean;
  code: number | null;
  ms: number;
  /** Peak resident set size in bytes, when known. */
  rss?: number;
  stdout: string;
  stderr: string;
  /** Milliseconds from the start at which each mark's pattern first appeared in the output. */
  marks: Record<string, number>;
}

interface StepOptions {
  cwd?: string;
  timeoutMs: number;
  marks?: Record<string, RegExp>;
  env?: NodeJS.ProcessEnv;
}

/** Preload for machines without GNU time: writes the process's peak RSS in GNU time's words at exit. */
const RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{try{writeFileSync(process.env.BENCH_RSS_FILE,'Maximum resident set size (kbytes): '+process.resourceUsage().maxRSS)}catch{}});",
)}`;

let stepCounter = 0;

/**
 * Runs `node <args>` (Node being this one), measured. The child gets its own
 * process group, so a timeout stops it and everything it started (the
 * Pagefind binary), and nothing else.
 */
async function runNode(args: readonly string[], options: StepOptions): Promise<StepResult> {
  const rssFile = join(tmpdir(), `storyline-bench-rss-${process.pid}-${stepCounter++}.txt`);
  const useTime = existsSync(GNU_TIME);
  const [command, argv] = useTime ? [GNU_TIME, ['-v', '-o', rssFile, process.execPath, ...args]] : [process.execPath, ['--import', RSS_PRELOAD, ...args]];
  const started = performance.now();
  const child = spawn(command, argv, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const marks: Record<string, number> = {};
  const out: string[] = [];
  const err: string[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out.push(chunk);
    const now = performance.now() - started;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.replace(ANSI, '');
      for (const [name, pattern] of Object.entries(options.marks ?? {})) if (marks[name] === undefined && pattern.test(line)) marks[name] = now;
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, options.timeoutMs);
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  clearTimeout(timer);
  const ms = performance.now() - started;
  const report = await readFile(rssFile, 'utf8').catch(() => '');
  await rm(rssFile, { force: true });
  const kbytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
  return {
    ok: !timedOut && code === 0,
    timedOut,
    code,
    ms,
    ...(kbytes ? { rss: Number(kbytes) * 1024 } : {}),
    stdout: out.join(''),
    stderr: err.join(''),
    marks,
  };
}

/**
 * A step run once, then again up to `runs` times in all when it is short;
 * the run with the median time is returned, with every time.
 */
async function measured(runs: number, run: () => Promise<StepResult>): Promise<StepResult & { runs: number[] }> {
  const results = [await run()];
  while (results[0]!.ok && results[0]!.ms < SHORT_MS && results.length < runs) results.push(await run());
  const times = results.map((r) => r.ms);
  const m = median(times);
  const chosen = results.find((r) => r.ms === m)!;
  return { ...chosen, runs: times };
}

function failure(name: string, r: StepResult): string {
  if (r.timedOut) return `${name} stopped after ${secs(r.ms)} (--timeout)`;
  return `${name} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`;
}

// ---------------------------------------------------------------------------
// Projects in temporary folders

/** `node_modules/` as a folder of links to the repository's packages, so Astro's caches (`node_modules/.astro`, `.vite`) stay here. */
async function linkNodeModules(dir: string): Promise<void> {
  const target = join(dir, 'node_modules');
  await mkdir(target, { recursive: true });
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    await symlink(join(ROOT, 'node_modules', name), join(target, name));
  }
}

/** A copy of this project that builds the content in `<dir>/content` and serves raw seeds from `seeds`. */
async function setupProject(dir: string, seeds: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of ['src', 'public']) await cp(join(ROOT, name), join(dir, name), { recursive: true });
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json']) await cp(join(ROOT, name), join(dir, name));
  await linkNodeModules(dir);
  await symlink(seeds, join(dir, 'seeds'));
}

/** The plain Astro site the issue compares against: Markdown with a title, a page each, a home list. */
const BASELINE_FILES: Record<string, string> = {
  'package.json': '{ "name": "plain-astro-baseline", "private": true, "type": "module" }\n',
  'astro.config.mjs': "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' } });\n",
  'src/content.config.ts': [
    "import { defineCollection } from 'astro:content';",
    "import { glob } from 'astro/loaders';",
    "import { z } from 'astro/zod';",
    '',
    "const articles = defineCollection({ loader: glob({ base: './content', pattern: '**/*.md' }), schema: z.object({ title: z.string(), date: z.coerce.date() }) });",
    'export const collections = { articles };',
    '',
  ].join('\n'),
  'src/pages/[slug].astro': [
    '---',
    "import { getCollection, render } from 'astro:content';",
    'export async function getStaticPaths() {',
    "  const entries = await getCollection('articles');",
    '  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));',
    '}',
    'const { entry } = Astro.props;',
    'const { Content } = await render(entry);',
    '---',
    '<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
    '<body><main><h1>{entry.data.title}</h1><p>{entry.data.date.toISOString().slice(0, 10)}</p><Content /></main></body></html>',
    '',
  ].join('\n'),
  'src/pages/index.astro': [
    '---',
    "import { getCollection } from 'astro:content';",
    "const entries = (await getCollection('articles')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime());",
    '---',
    '<html lang="en"><head><meta charset="utf-8" /><title>Articles</title></head>',
    '<body><main><h1>Articles</h1><ul>{entries.map((e) => <li><a href={`/${e.id}/`}>{e.data.title}</a></li>)}</ul></main></body></html>',
    '',
  ].join('\n'),
};

async function setupBaseline(dir: string): Promise<void> {
  for (const [name, text] of Object.entries(BASELINE_FILES)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  await linkNodeModules(dir);
}

/** Removes what a build leaves behind, so the next build is cold. */
async function coldStart(dir: string): Promise<void> {
  for (const name of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) await rm(join(dir, name), { recursive: true, force: true });
}

const BUILD_MARKS: Record<string, RegExp> = {
  synced: /\[content\] Synced content/,
  routesStart: /generating static routes/,
  routesDone: /^\d\d:\d\d:\d\d ✓ Completed in/,
  indexed: /\[storyline:pagefind\] indexed \d+ (?:article )?pages/,
  complete: /\[build\] Complete!/,
};

interface BuildPhases {
  /** Start to "Synced content": config, content layer (Markdown parsed and rendered into the data store). */
  syncMs?: number;
  /** To "generating static routes": type generation, Vite bundling, collection of paths. */
  bundleMs?: number;
  /** Rendering every page to HTML. */
  renderMs?: number;
  /** After rendering until Pagefind's "indexed" line: the `astro:build:done` hooks, Pagefind above all. */
  pagefindMs?: number;
}

function phases(marks: Record<string, number>): BuildPhases {
  const span = (from: number | undefined, to: number | undefined): number | undefined => (from !== undefined && to !== undefined ? to - from : undefined);
  const out: BuildPhases = {};
  const set = (key: keyof BuildPhases, v: number | undefined): void => {
    if (v !== undefined) out[key] = v;
  };
  set('syncMs', marks['synced']);
  set('bundleMs', span(marks['synced'], marks['routesStart']));
  set('renderMs', span(marks['routesStart'], marks['routesDone']));
  set('pagefindMs', span(marks['routesDone'], marks['indexed']));
  return out;
}

// ---------------------------------------------------------------------------
// Measuring a built site

interface DistStats {
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
async function measureDist(dist: string): Promise<DistStats> {
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
async function firstQueryBytes(root: string, query: string): Promise<{ bytes: number; requests: number }> {
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

// ---------------------------------------------------------------------------
// Child modes

/** One line of the profile child's output. */
interface ProfileLine {
  stage: string;
  ms: number;
  [key: string]: unknown;
}

/**
 * `--child-profile SEEDS [--write OUT] [--no-events]`: the ingest's work, stage
 * by stage, one JSON line per stage as it ends (so a timeout still tells how
 * far it got). Mirrors `src/cli/ingest.ts` (seeds and sidecars read, the pure
 * pipeline, entries parsed) and `buildKnowledge` (entities, figures, events
 * with entity mentions, stories), then serialises as the ingest does. With
 * `--write`, writes the entries, the report and `knowledge.json` there.
 */
async function childProfile(seeds: string, writeTo: string | undefined, events: boolean): Promise<void> {
  const { ingestCorpus, buildReport } = await import('../lib/ingest/pipeline.ts');
  const { readContentFile } = await import('../lib/ingest/markdown.ts');
  const { SIDECAR_SUFFIX, sidecarNameFor } = await import('../lib/ingest/sidecar.ts');
  const { articleSchema } = await import('../lib/schema.ts');
  const { knowledgeSchema } = await import('../lib/knowledge/knowledge.ts');
  const { findEntities } = await import('../lib/knowledge/entities.ts');
  const { findFigures, groupFigures } = await import('../lib/knowledge/figures.ts');
  const { findEvents } = await import('../lib/knowledge/events.ts');
  const { clusterStories } = await import('../lib/knowledge/stories.ts');

  let t = performance.now();
  const lap = (stage: string, extra: Record<string, unknown> = {}): void => {
    const now = performance.now();
    console.log(JSON.stringify({ stage, ms: now - t, ...extra } satisfies ProfileLine));
    t = now;
  };
  const names = (await readdir(seeds)).sort();
  const present = new Set(names);
  const inputs = [];
  for (const name of names) {
    if (name.endsWith(SIDECAR_SUFFIX) || name.startsWith('.')) continue;
    const sidecar = sidecarNameFor(name);
    inputs.push({
      path: name,
      file: `seeds/${name}`,
      bytes: await readFile(join(seeds, name)),
      ...(present.has(sidecar) ? { sidecar: { path: sidecar, file: `seeds/${sidecar}`, text: await readFile(join(seeds, sidecar), 'utf8') } } : {}),
    });
  }
  lap('read', { seeds: inputs.length });
  const corpus = ingestCorpus(inputs);
  lap('pipeline', { entries: corpus.files.length });
  const articles = corpus.files
    .map((f) => {
      const { data, body } = readContentFile(f.content);
      return { id: f.path.slice('articles/'.length).replace(/\.md$/, ''), data: articleSchema.parse(data), body };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  lap('entries');
  const entities = findEntities(articles);
  lap('entities', { entities: entities.entities.length });
  const mentions = entities.entities.flatMap((e) => e.mentions.filter((m) => m.block > 0).map((m) => ({ entity: e.id, article: m.article, block: m.block, text: m.text })));
  const figures = findFigures(articles);
  const figureGroups = groupFigures(figures);
  lap('figures', { figures: figures.length });
  const found = events ? findEvents(articles, { mentions }) : [];
  lap('events', { events: found.length, skipped: !events });
  const stories = clusterStories(articles, {});
  lap('stories', { stories: stories.stories.length, topics: stories.topics.length });
  const knowledgeText = `${JSON.stringify(knowledgeSchema.parse({ entities, figures, figureGroups, events: found, stories }), null, 2)}\n`;
  lap('serialise', { bytes: knowledgeText.length });
  if (writeTo) {
    await mkdir(join(writeTo, 'articles'), { recursive: true });
    for (const f of corpus.files) await writeFile(join(writeTo, f.path), f.content);
    await writeFile(join(writeTo, 'knowledge.json'), knowledgeText);
    await writeFile(join(writeTo, 'ingest-report.json'), `${JSON.stringify(buildReport(corpus, []), null, 2)}\n`);
    lap('write');
  }
}

/** `--child-pagefind DIST`: Pagefind's Node API over a built site, as the project's integration runs it. */
async function childPagefind(dist: string): Promise<void> {
  const pagefind = await import('pagefind');
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0) throw new Error(`createIndex: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length > 0) throw new Error(`addDirectory: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`writeFiles: ${written.errors.join('; ')}`);
    console.log(JSON.stringify({ pages: added.page_count, ms: performance.now() - started }));
  } finally {
    await pagefind.close();
  }
}

// ---------------------------------------------------------------------------
// One corpus size

interface Timing {
  ms: number;
  runs: number[];
  rss?: number;
  timedOut: boolean;
}

interface SizeResult {
  size: number;
  dir: string;
  corpus?: Record<string, unknown>;
  query?: string;
  profile?: { stages: Record<string, number>; counts: Record<string, unknown>; complete: boolean; timedOut: boolean; ms: number; rss?: number };
  ingest?: Timing & { articlesPerSecond: number; entries?: number; errors?: number; warnings?: number; source: 'ingest CLI' | 'profile without events' };
  build?: Timing & BuildPhases & { pages?: number; pagesPerSecond?: number };
  baseline?: { build?: Timing & BuildPhases & { pages?: number; pagesPerSecond?: number }; pagefind?: Timing & { pages?: number }; dist?: DistStats };
  dist?: DistStats;
  search?: { query: string; bytes: number; requests: number };
  incremental?: Incremental;
  notes: string[];
}

interface Incremental {
  /** Re-ingest with nothing changed: every seed from the cache, nothing written. */
  unchanged: Timing & { written?: number };
  /** Re-ingest after one seed's text changed. */
  oneSeed: Timing & { written?: number };
}

/** Files the ingest says it changed ("N files changed"). */
const writtenBy = (stdout: string): number | undefined => {
  const n = /(\d+) files changed/.exec(stdout)?.[1];
  return n === undefined ? undefined : Number(n);
};

/**
 * The incremental ingest, after a cold run has filled the cache: a run with
 * nothing changed, and a run after one seed gained a sentence (each a median
 * of `runs`; the seed is put back, and re-ingested, between runs).
 */
async function incremental(seeds: string, ingestArgs: readonly string[], o: Options): Promise<Incremental> {
  const unchanged = await measured(o.runs, () => runNode(ingestArgs, { timeoutMs: o.timeoutMs }));
  const name = (await readdir(seeds)).sort().find((n) => n.endsWith('.txt'))!;
  const original = await readFile(join(seeds, name));
  let edit = 0;
  const oneSeed = await measured(o.runs, async () => {
    edit += 1;
    await writeFile(join(seeds, name), `${original.toString('utf8')}\nThe editors added correction number ${edit} to this article on Tuesday.\n`);
    const r = await runNode(ingestArgs, { timeoutMs: o.timeoutMs });
    await writeFile(join(seeds, name), original);
    await runNode(ingestArgs, { timeoutMs: o.timeoutMs });
    return r;
  });
  return {
    unchanged: { ...timing(unchanged), ...(writtenBy(unchanged.stdout) === undefined ? {} : { written: writtenBy(unchanged.stdout)! }) },
    oneSeed: { ...timing(oneSeed), ...(writtenBy(oneSeed.stdout) === undefined ? {} : { written: writtenBy(oneSeed.stdout)! }) },
  };
}

const timing = (r: StepResult & { runs: number[] }): Timing => ({ ms: r.ms, runs: r.runs, ...(r.rss !== undefined ? { rss: r.rss } : {}), timedOut: r.timedOut });

interface Options {
  runs: number;
  timeoutMs: number;
  seed: number | undefined;
  baseline: boolean;
  browser: boolean;
  events: boolean;
  keep: boolean;
}

async function benchSize(size: number, o: Options): Promise<SizeResult> {
  const dir = join(tmpdir(), `storyline-bench-${size}`);
  const result: SizeResult = { size, dir, notes: [] };
  const log = (message: string): void => console.error(`[${size}] ${message}`);
  await rm(dir, { recursive: true, force: true });
  const seeds = join(dir, 'seeds');
  const project = join(dir, 'project');
  const baseline = join(dir, 'baseline');

  log('generating the corpus');
  const gen = await runNode(
    ['src/cli/gen-corpus.ts', '--size', String(size), '--out', seeds, '--markdown', join(baseline, 'content'), '--json', ...(o.seed === undefined ? [] : ['--seed', String(o.seed)])],
    { timeoutMs: o.timeoutMs },
  );
  if (!gen.ok) {
    result.notes.push(failure('gen-corpus', gen));
    return result;
  }
  const summary = JSON.parse(gen.stdout) as Record<string, unknown> & { query: string };
  result.corpus = { ...summary, genMs: gen.ms };
  result.query = summary.query;
  await setupProject(project, seeds);
  await setupBaseline(baseline);

  // The breakdown, first: if it cannot finish, neither can the ingest.
  log('profiling the ingest stage by stage');
  const profile = await runNode(['src/cli/bench.ts', '--child-profile', seeds, ...(o.events ? [] : ['--no-events', '--write', join(project, 'content')])], {
    timeoutMs: o.timeoutMs,
  });
  const stages: Record<string, number> = {};
  const counts: Record<string, unknown> = {};
  for (const line of profile.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const { stage, ms, ...rest } = JSON.parse(line) as ProfileLine;
    stages[stage] = ms;
    Object.assign(counts, rest);
  }
  result.profile = { stages, counts, complete: profile.ok, timedOut: profile.timedOut, ms: profile.ms, ...(profile.rss !== undefined ? { rss: profile.rss } : {}) };
  if (!profile.ok) result.notes.push(failure('the ingest profile', profile));

  let contentReady = false;
  if (!o.events && profile.ok) {
    const entries = Number(counts['entries'] ?? 0);
    result.ingest = { ms: profile.ms, runs: [profile.ms], ...(profile.rss !== undefined ? { rss: profile.rss } : {}), timedOut: false, articlesPerSecond: (size * 1000) / profile.ms, entries, source: 'profile without events' };
    result.notes.push('--no-events: the site was built from the profile’s output, with the events stage skipped (no timelines)');
    contentReady = true;
  } else if (profile.ok) {
    log('running the ingest');
    const content = join(project, 'content');
    const cache = join(dir, 'ingest-cache');
    const ingestArgs = ['src/cli/ingest.ts', '--seeds', seeds, '--out', content, '--cache', cache];
    // Cold: no entries and no cache.
    const ingest = await measured(o.runs, async () => {
      await rm(content, { recursive: true, force: true });
      await rm(cache, { recursive: true, force: true });
      return runNode(ingestArgs, { timeoutMs: o.timeoutMs });
    });
    // Exit code 1 means a seed had an error; the others were still written.
    const said = (what: string): number | undefined => {
      const n = new RegExp(`(\\d+) ${what}\\b`).exec(ingest.stdout)?.[1];
      return n === undefined ? undefined : Number(n);
    };
    const [entries, errors, warnings] = [said('entries'), said('errors'), said('warnings')];
    result.ingest = {
      ...timing(ingest),
      articlesPerSecond: (size * 1000) / ingest.ms,
      ...(entries === undefined ? {} : { entries }),
      ...(errors === undefined ? {} : { errors }),
      ...(warnings === undefined ? {} : { warnings }),
      source: 'ingest CLI',
    };
    if (ingest.timedOut || (ingest.code !== 0 && ingest.code !== 1)) result.notes.push(failure('the ingest', ingest));
    else {
      contentReady = true;
      log('re-ingesting: nothing changed, then one seed changed');
      result.incremental = await incremental(seeds, ingestArgs, o);
      if (ingest.code === 1) result.notes.push(`the ingest reported errors: ${ingest.stderr.split('\n').filter((l) => / error /.test(l)).slice(0, 3).join(' | ')}`);
    }
  } else {
    result.notes.push('the ingest was not run: its profile did not finish, and the ingest does all of the profile’s work and more');
  }

  if (contentReady) {
    log('building the site');
    const build = await measured(o.runs, async () => {
      await coldStart(project);
      return runNode([ASTRO, 'build'], { cwd: project, timeoutMs: o.timeoutMs, marks: BUILD_MARKS });
    });
    const pages = Number(/(\d+) page\(s\) built/.exec(build.stdout.replace(ANSI, ''))?.[1] ?? NaN);
    result.build = { ...timing(build), ...phases(build.marks), ...(Number.isNaN(pages) ? {} : { pages, pagesPerSecond: (pages * 1000) / build.ms }) };
    if (!build.ok) result.notes.push(failure('astro build', build));
    else {
      result.dist = await measureDist(join(project, 'dist'));
      if (o.browser) {
        log(`measuring a first search for "${summary.query}" in Chromium`);
        try {
          result.search = { query: summary.query, ...(await firstQueryBytes(project, summary.query)) };
        } catch (error) {
          result.notes.push(`first search not measured: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
  }

  if (o.baseline) {
    log('building the plain Astro baseline');
    const builds: (StepResult & { index?: StepResult })[] = [];
    // Build and index together, so each index run sees a fresh build.
    const once = async (): Promise<StepResult & { index?: StepResult }> => {
      await coldStart(baseline);
      const b = await runNode([ASTRO, 'build'], { cwd: baseline, timeoutMs: o.timeoutMs, marks: BUILD_MARKS });
      const index = b.ok ? await runNode(['src/cli/bench.ts', '--child-pagefind', join(baseline, 'dist')], { timeoutMs: o.timeoutMs }) : undefined;
      const r = { ...b, ...(index ? { index } : {}) };
      builds.push(r);
      return r;
    };
    const b = await measured(o.runs, once);
    const pages = Number(/(\d+) page\(s\) built/.exec(b.stdout.replace(ANSI, ''))?.[1] ?? NaN);
    result.baseline = { build: { ...timing(b), ...phases(b.marks), ...(Number.isNaN(pages) ? {} : { pages, pagesPerSecond: (pages * 1000) / b.ms }) } };
    if (!b.ok) result.notes.push(failure('the baseline build', b));
    const indexRuns = builds.map((x) => x.index).filter((x): x is StepResult => x !== undefined);
    if (indexRuns.length > 0) {
      const times = indexRuns.map((x) => x.ms);
      const m = indexRuns.find((x) => x.ms === median(times))!;
      const pagesIndexed = m.ok ? (JSON.parse(m.stdout.trim().split('\n').pop() ?? '{}') as { pages?: number }).pages : undefined;
      result.baseline.pagefind = { ms: m.ms, runs: times, ...(m.rss !== undefined ? { rss: m.rss } : {}), timedOut: m.timedOut, ...(pagesIndexed !== undefined ? { pages: pagesIndexed } : {}) };
      if (!m.ok) result.notes.push(failure('the baseline’s Pagefind index', m));
      else result.baseline.dist = await measureDist(join(baseline, 'dist'));
    }
  }

  if (!o.keep) await rm(dir, { recursive: true, force: true });
  return result;
}

// ---------------------------------------------------------------------------
// Budgets (issue 9) and the table

interface Budget {
  name: string;
  /** The sizes the issue sets it for. */
  appliesTo: string;
  /** The measured value, shown as text, or undefined when not measured. */
  shown?: string;
  pass?: boolean;
}

const GB = 1024 ** 3;

function budgets(r: SizeResult): Budget[] {
  const out: Budget[] = [];
  const ingest = r.ingest;
  const b = r.build;
  const base = r.baseline;
  const baseTotal = base?.build && base.pagefind ? base.build.ms + base.pagefind.ms : undefined;
  // A step that timed out still gives a lower bound, which may already break the budget.
  const lowerBound = (t: Timing | undefined): string => (t?.timedOut ? '≥ ' : '');
  if (ingest && base?.build?.ms) {
    const ratio = ingest.ms / base.build.ms;
    out.push({ name: 'ingest + knowledge ≤ 25% of the plain Astro build', appliesTo: '10,000', shown: `${lowerBound(ingest)}${(100 * ratio).toFixed(0)}%`, pass: ratio <= 0.25 });
  } else if (r.profile?.timedOut && base?.build?.ms) {
    out.push({ name: 'ingest + knowledge ≤ 25% of the plain Astro build', appliesTo: '10,000', shown: `≥ ${((100 * r.profile.ms) / base.build.ms).toFixed(0)}%`, pass: false });
  } else out.push({ name: 'ingest + knowledge ≤ 25% of the plain Astro build', appliesTo: '10,000' });
  if (ingest && b && baseTotal) {
    const ratio = (ingest.ms + b.ms) / baseTotal;
    out.push({ name: 'npm run build ≤ 1.5× plain Astro + Pagefind', appliesTo: '10,000', shown: `${lowerBound(b)}${ratio.toFixed(2)}×`, pass: ratio <= 1.5 });
  } else if (!ingest && r.profile?.timedOut && baseTotal) {
    out.push({ name: 'npm run build ≤ 1.5× plain Astro + Pagefind', appliesTo: '10,000', shown: `≥ ${(r.profile.ms / baseTotal).toFixed(1)}×`, pass: false });
  } else out.push({ name: 'npm run build ≤ 1.5× plain Astro + Pagefind', appliesTo: '10,000' });
  const peaks = [ingest?.rss, b?.rss].filter((x): x is number => x !== undefined);
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    const limit = r.size >= 100_000 ? 4 * GB : 3.5 * GB;
    out.push({ name: r.size >= 100_000 ? 'ingest peak memory ≤ 4 GB' : 'peak memory ≤ 3.5 GB', appliesTo: r.size >= 100_000 ? '100,000' : '10,000', shown: mb(peak), pass: peak <= limit });
  } else out.push({ name: 'peak memory ≤ 3.5 GB', appliesTo: '10,000' });
  const one = r.incremental?.oneSeed;
  if (one) out.push({ name: 're-ingest after one seed changed < 2 s', appliesTo: '10,000', shown: `${lowerBound(one)}${secs(one.ms)}`, pass: !one.timedOut && one.ms < 2000 });
  else out.push({ name: 're-ingest after one seed changed < 2 s', appliesTo: '10,000' });
  if (r.search) out.push({ name: 'first search ≤ 300 KB', appliesTo: '10,000', shown: kb(r.search.bytes), pass: r.search.bytes <= 300 * 1024 });
  else out.push({ name: 'first search ≤ 300 KB', appliesTo: '10,000' });
  if (r.dist?.articleGzipMaxBytes !== undefined) {
    out.push({
      name: 'every article page ≤ 14 KB gzipped, no JS files',
      appliesTo: 'all',
      shown: `${kb(r.dist.articleGzipMaxBytes)}, ${r.dist.articlePagesWithScriptFiles} with JS`,
      pass: r.dist.articleGzipMaxBytes <= 14 * 1024 && r.dist.articlePagesWithScriptFiles === 0,
    });
  } else out.push({ name: 'every article page ≤ 14 KB gzipped, no JS files', appliesTo: 'all' });
  return out;
}

function printTable(results: readonly SizeResult[]): void {
  const t = (x: Timing | undefined): string => (x === undefined ? '—' : `${x.timedOut ? '> ' : ''}${secs(x.ms)}${x.runs.length > 1 ? ` (median of ${x.runs.length})` : ''}`);
  const opt = (x: number | undefined, f: (n: number) => string): string => (x === undefined ? '—' : f(x));
  const stage = (r: SizeResult, name: string): string => {
    const p = r.profile;
    if (!p) return '—';
    const v = p.stages[name];
    if (v !== undefined) return secs(v);
    // The stage that was running when the profile was stopped.
    const done = Object.values(p.stages).reduce((a, b) => a + b, 0);
    const order = ['read', 'pipeline', 'entries', 'entities', 'figures', 'events', 'stories', 'serialise'];
    const running = order.find((s) => p.stages[s] === undefined);
    return p.timedOut && running === name ? `> ${secs(p.ms - done)} (stopped)` : '—';
  };
  const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
  const rows: [string, (r: SizeResult) => string][] = [
    ['corpus: articles / stories / sidecars', (r) => (r.corpus ? `${r.corpus['articles']} / ${r.corpus['stories']} / ${r.corpus['sidecars']}` : '—')],
    ['corpus: raw size', (r) => opt(r.corpus?.['bytes'] as number | undefined, mb)],
    ['ingest: wall time', (r) => `${t(r.ingest)}${r.ingest?.source === 'profile without events' ? ' (profile, no events)' : ''}`],
    ['ingest: articles/s', (r) => opt(r.ingest?.articlesPerSecond, (n) => n.toFixed(1))],
    ['ingest: entries, errors, warnings', (r) => (r.ingest?.entries === undefined ? '—' : `${r.ingest.entries}, ${r.ingest.errors ?? '?'}, ${r.ingest.warnings ?? '?'}`)],
    ['ingest: peak RSS', (r) => opt(r.ingest?.rss, mb)],
    ['re-ingest, nothing changed (files written)', (r) => (r.incremental ? `${t(r.incremental.unchanged)} (${r.incremental.unchanged.written ?? '?'})` : '—')],
    ['re-ingest, one seed changed (files written)', (r) => (r.incremental ? `${t(r.incremental.oneSeed)} (${r.incremental.oneSeed.written ?? '?'})` : '—')],
    ['  profile: read seeds', (r) => stage(r, 'read')],
    ['  profile: pipeline (per-article stages)', (r) => stage(r, 'pipeline')],
    ['  profile: parse entries', (r) => stage(r, 'entries')],
    ['  profile: knowledge: entities', (r) => stage(r, 'entities')],
    ['  profile: knowledge: figures', (r) => stage(r, 'figures')],
    ['  profile: knowledge: events', (r) => stage(r, 'events')],
    ['  profile: knowledge: stories', (r) => stage(r, 'stories')],
    ['  profile: serialise knowledge.json', (r) => stage(r, 'serialise')],
    [
      '  profile: knowledge layer total',
      (r) => {
        const s = r.profile?.stages;
        if (!s || s['serialise'] === undefined) return r.profile?.timedOut ? `> ${secs(r.profile.ms - (s?.['read'] ?? 0) - (s?.['pipeline'] ?? 0))}` : '—';
        return secs((s['entries'] ?? 0) + (s['entities'] ?? 0) + (s['figures'] ?? 0) + (s['events'] ?? 0) + (s['stories'] ?? 0) + s['serialise']);
      },
    ],
    ['astro build (incl. Pagefind): wall time', (r) => t(r.build)],
    ['  content sync', (r) => opt(r.build?.syncMs, secs)],
    ['  types + bundling', (r) => opt(r.build?.bundleMs, secs)],
    ['  rendering pages', (r) => opt(r.build?.renderMs, secs)],
    ['  Pagefind (build:done hooks)', (r) => opt(r.build?.pagefindMs, secs)],
    ['astro build: pages, pages/s', (r) => (r.build?.pages === undefined ? '—' : `${r.build.pages}, ${r.build.pagesPerSecond!.toFixed(0)}/s`)],
    ['astro build: peak RSS', (r) => opt(r.build?.rss, mb)],
    ['total (ingest + build)', (r) => (r.ingest && r.build ? secs(r.ingest.ms + r.build.ms) : '—')],
    ['baseline: astro build', (r) => t(r.baseline?.build)],
    ['baseline: pages/s, peak RSS', (r) => (r.baseline?.build?.pages === undefined ? '—' : `${r.baseline.build.pagesPerSecond!.toFixed(0)}/s, ${opt(r.baseline.build.rss, mb)}`)],
    ['baseline: Pagefind', (r) => `${t(r.baseline?.pagefind)}${r.baseline?.pagefind?.rss ? `, ${mb(r.baseline.pagefind.rss)}` : ''}`],
    ['baseline: total', (r) => (r.baseline?.build && r.baseline.pagefind ? secs(r.baseline.build.ms + r.baseline.pagefind.ms) : '—')],
    ['ratio: total / baseline total', (r) => ratio(r.ingest && r.build ? r.ingest.ms + r.build.ms : undefined, r.baseline?.build && r.baseline.pagefind ? r.baseline.build.ms + r.baseline.pagefind.ms : undefined)],
    ['ratio: astro build / baseline build + Pagefind', (r) => ratio(r.build?.ms, r.baseline?.build && r.baseline.pagefind ? r.baseline.build.ms + r.baseline.pagefind.ms : undefined)],
    ['ratio: ingest / baseline astro build', (r) => ratio(r.ingest?.ms, r.baseline?.build?.ms)],
    ['dist/ size (baseline)', (r) => `${opt(r.dist?.distBytes, mb)} (${opt(r.baseline?.dist?.distBytes, mb)})`],
    ['search index (baseline)', (r) => `${opt(r.dist?.indexBytes, mb)} (${opt(r.baseline?.dist?.indexBytes, mb)})`],
    ['home page, HTML+CSS gzipped', (r) => opt(r.dist?.homeGzipBytes, kb)],
    ['article page gzipped: median / largest', (r) => (r.dist?.articleGzipMedianBytes === undefined ? '—' : `${kb(r.dist.articleGzipMedianBytes)} / ${kb(r.dist.articleGzipMaxBytes!)}`)],
    ['largest page of any kind, HTML gzipped', (r) => (r.dist?.largestPage ? `${kb(r.dist.largestPage.gzipBytes)} ${r.dist.largestPage.path}` : '—')],
    ['first search: bytes (requests)', (r) => (r.search ? `${kb(r.search.bytes)} (${r.search.requests}) "${r.search.query}"` : '—')],
  ];
  const table: string[][] = [['', ...results.map((r) => r.size.toLocaleString('en-US'))], ...rows.map(([label, f]) => [label, ...results.map(f)])];
  const allBudgets = results.map(budgets);
  const names = allBudgets[0]?.map((b) => b.name) ?? [];
  table.push(['budgets (issue 9)', ...results.map(() => '')]);
  names.forEach((name, i) => {
    const applies = allBudgets[0]![i]!.appliesTo;
    table.push([`  ${name} [${applies}]`, ...allBudgets.map((bs) => (bs[i]?.shown === undefined ? '—' : `${bs[i]!.pass ? '✓' : '✗'} ${bs[i]!.shown}`))]);
  });
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  for (const r of results) for (const note of r.notes) console.log(`note [${r.size}]: ${note}`);
}

// ---------------------------------------------------------------------------
// The project's own site

async function benchSite(browser: boolean): Promise<Record<string, unknown> | undefined> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('site: dist/ is not built (run `npm run build`, or `npm run bench`, which builds first); skipped');
    return undefined;
  }
  const d = await measureDist(dist);
  const search = browser ? await firstQueryBytes(ROOT, 'Kursk') : undefined;
  const results = {
    pages: d.pages,
    distBytes: d.distBytes,
    indexBytes: d.indexBytes,
    indexFiles: d.indexFiles,
    homeGzipBytes: d.homeGzipBytes,
    articleGzipMedianBytes: d.articleGzipMedianBytes,
    articleGzipMaxBytes: d.articleGzipMaxBytes,
    articlePagesWithScriptFiles: d.articlePagesWithScriptFiles,
    ...(search ? { firstQueryBytes: search.bytes, firstQueryRequests: search.requests } : {}),
  };
  console.log('The project’s own site (dist/)');
  console.log(`  pages                          ${d.pages}`);
  console.log(`  dist/                          ${kb(d.distBytes)}`);
  console.log(`  search index                   ${kb(d.indexBytes)} in ${d.indexFiles} files (${((100 * d.indexBytes) / d.distBytes).toFixed(0)}% of dist/)`);
  console.log(`  home page, HTML+CSS gzipped    ${kb(d.homeGzipBytes)}`);
  if (d.articleGzipMedianBytes !== undefined) console.log(`  article page, HTML+CSS gzipped median ${kb(d.articleGzipMedianBytes)}, largest ${kb(d.articleGzipMaxBytes!)}`);
  if (search) console.log(`  first query "Kursk"            ${kb(search.bytes)} over ${search.requests} requests after the page loaded`);
  await mkdir(join(ROOT, 'bench-results'), { recursive: true });
  await writeFile(join(ROOT, 'bench-results', 'site.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('  wrote bench-results/site.json\n');
  return results;
}

// ---------------------------------------------------------------------------

async function versionOf(pkg: string): Promise<string | undefined> {
  const text = await readFile(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as { version?: string }).version;
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        sizes: { type: 'string', default: '100,1000' },
        runs: { type: 'string', default: '3' },
        timeout: { type: 'string', default: '300' },
        seed: { type: 'string' },
        site: { type: 'boolean', default: true },
        baseline: { type: 'boolean', default: true },
        browser: { type: 'boolean', default: true },
        events: { type: 'boolean', default: true },
        keep: { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
        'child-profile': { type: 'string' },
        'child-pagefind': { type: 'string' },
        write: { type: 'string' },
      },
      allowNegative: true,
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values['child-profile'] !== undefined) {
    await childProfile(resolve(values['child-profile']), values.write === undefined ? undefined : resolve(values.write), values.events);
    return 0;
  }
  if (values['child-pagefind'] !== undefined) {
    await childPagefind(resolve(values['child-pagefind']));
    return 0;
  }

  const sizes = values.sizes
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => Number(s.replace(/[_\s]/g, '')));
  const runs = Number(values.runs);
  const timeout = Number(values.timeout);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1 || !(timeout > 0) || (seed !== undefined && !Number.isInteger(seed))) {
    console.error(`--sizes takes positive integers (e.g. 100,1000), --runs a positive integer, --timeout seconds, --seed an integer\n${USAGE}`);
    return 2;
  }

  const started = new Date();
  const site = values.site ? await benchSite(values.browser) : undefined;
  const results: SizeResult[] = [];
  const options: Options = { runs, timeoutMs: timeout * 1000, seed, baseline: values.baseline, browser: values.browser, events: values.events, keep: values.keep };
  const out = values.out === undefined ? join(ROOT, 'bench-results', `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`) : resolve(values.out);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, totalMemory: totalmem(), freeMemoryAtStart: freemem(), node: process.version };
  const versions = { astro: await versionOf('astro'), pagefind: await versionOf('pagefind') };
  // The table and the JSON file are written after every size, so a long run that is stopped keeps what it measured.
  for (const size of sizes) {
    results.push(await benchSize(size, options));
    console.log(`Generated corpora (${cpus().length} cores, ${mb(totalmem())} memory, Node ${process.version}; steps under 10 s are medians of up to ${runs} runs)`);
    printTable(results);
    const report = {
      date: started.toISOString(),
      machine,
      versions,
      options: { sizes, runs, timeoutSeconds: timeout, seed: seed ?? 'default', events: values.events },
      ...(site ? { site } : {}),
      sizes: results.map((r) => ({ ...r, budgets: budgets(r) })),
    };
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  }
  const shown = relative(process.cwd(), out);
  console.log(`\nwrote ${shown.startsWith('..') ? out : shown}`);
  return 0;
}

process.exitCode = await main();
