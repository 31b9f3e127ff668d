/**
 * `npm run bench [-- --sizes 100,1000 --runs 3 --timeout 300 --seed S --no-site --no-baseline --no-browser --no-events --no-profile --shards N --keep --out FILE]`
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
 * With `--shards N` the site is built as `npm run build -- --no-ingest
 * --shards N` builds it (N Astro builds, then the merge with the sitemap and
 * one Pagefind index); its peak memory is the largest process of the tree.
 * `--no-profile` leaves out the stage-by-stage profile, which holds the whole
 * corpus in one process (at 100,000 articles it cannot). After the build,
 * `npm run build` runs again with nothing changed (it finds `dist/` current).
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
 * Prints a table (numbers, ratios to the baseline, the budgets with
 * ✓/✗) and writes everything to `bench-results/bench-<time>.json` (or `--out`).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureDist, firstQueryBytes } from './bench-dist.ts';
import { coldStart, setupBaseline, setupProject } from './bench-projects.ts';
import { inputsDigest, writeStamp } from './build-stamp.ts';
import { budgets, printTable, type Incremental, type SizeResult, type Timing } from './bench-report.ts';
import { withHeapLimit } from './heap-limit.ts';
import { ANSI, ASTRO, BUILD_MARKS, failure, kb, mb, measured, median, phases, ROOT, runNode, type StepResult } from './bench-run.ts';


/** The ingest runs as `npm run build` runs it: under the heap limit (`heap-limit.ts`). */
const INGEST_ENV = { NODE_OPTIONS: withHeapLimit(process.env['NODE_OPTIONS']) };
const USAGE =
  'usage: npm run bench -- [--sizes 100,1000] [--runs 3] [--timeout 300] [--seed S] [--no-site] [--no-baseline] [--no-browser] [--no-events] [--no-profile] [--shards N] [--keep] [--out FILE]';

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
  const { findEntities } = await import('../lib/knowledge/entity-resolution.ts');
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
async function incremental(seeds: string, ingestArgs: readonly string[], cwd: string, o: Options): Promise<Incremental> {
  const unchanged = await measured(o.runs, () => runNode(ingestArgs, { cwd, timeoutMs: o.timeoutMs, env: INGEST_ENV }));
  const name = (await readdir(seeds)).sort().find((n) => n.endsWith('.txt'))!;
  const original = await readFile(join(seeds, name));
  let edit = 0;
  const oneSeed = await measured(o.runs, async () => {
    edit += 1;
    await writeFile(join(seeds, name), `${original.toString('utf8')}\nThe editors added correction number ${edit} to this article on Tuesday.\n`);
    const r = await runNode(ingestArgs, { cwd, timeoutMs: o.timeoutMs, env: INGEST_ENV });
    await writeFile(join(seeds, name), original);
    await runNode(ingestArgs, { cwd, timeoutMs: o.timeoutMs, env: INGEST_ENV });
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
  /** Whether to profile the ingest stage by stage (`--no-profile` leaves it out). */
  profile: boolean;
  /** Shards of the site build (`--shards N`); 1 is a whole `astro build`. */
  shards: number;
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

  // The breakdown, first: if it cannot finish, neither can the ingest. It holds the whole corpus in one
  // process (it is the breakdown, not the measurement), so at the largest sizes it is left out (--no-profile).
  let profile: StepResult | undefined;
  if (o.profile || !o.events) {
    log('profiling the ingest stage by stage');
    profile = await runNode(['src/cli/bench.ts', '--child-profile', seeds, ...(o.events ? [] : ['--no-events', '--write', join(project, 'content')])], { timeoutMs: o.timeoutMs });
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
  } else result.notes.push('--no-profile: the ingest was not profiled stage by stage');

  let contentReady = false;
  if (!o.events && profile?.ok) {
    const entries = Number(result.profile?.counts['entries'] ?? 0);
    result.ingest = { ms: profile.ms, runs: [profile.ms], ...(profile.rss !== undefined ? { rss: profile.rss } : {}), timedOut: false, articlesPerSecond: (size * 1000) / profile.ms, entries, source: 'profile without events' };
    result.notes.push('--no-events: the site was built from the profile’s output, with the events stage skipped (no timelines)');
    contentReady = true;
  } else if (profile === undefined || profile.ok) {
    log('running the ingest');
    const content = join(project, 'content');
    // Where `npm run build` in the project keeps its cache, so the unchanged rebuild below finds it warm.
    // Run as `npm run build` runs it in the project (its seeds/, content/ and cache, paths shown as there), so the
    // unchanged rebuild below finds the same report and a warm cache.
    const cache = join(project, 'node_modules', '.cache', 'storyline');
    const ingestArgs = [join(ROOT, 'src', 'cli', 'ingest.ts')];
    // Cold: no entries and no cache.
    const ingest = await measured(o.runs, async () => {
      await rm(content, { recursive: true, force: true });
      await rm(cache, { recursive: true, force: true });
      return runNode(ingestArgs, { cwd: project, timeoutMs: o.timeoutMs, env: INGEST_ENV });
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
      result.incremental = await incremental(seeds, ingestArgs, project, o);
      if (ingest.code === 1) result.notes.push(`the ingest reported errors: ${ingest.stderr.split('\n').filter((l) => / error /.test(l)).slice(0, 3).join(' | ')}`);
    }
  } else {
    result.notes.push('the ingest was not run: its profile did not finish, and the ingest does all of the profile’s work and more');
  }

  if (contentReady) {
    log(o.shards > 1 ? `building the site in ${o.shards} shards, then merging them` : 'building the site');
    const build = await measured(o.runs, async () => {
      await coldStart(project);
      // Sharded: `npm run build -- --no-ingest --shards N` (the shards, then the merge with its sitemap and index).
      const args = o.shards > 1 ? [join(ROOT, 'src', 'cli', 'build.ts'), '--no-ingest', '--shards', String(o.shards)] : [ASTRO, 'build'];
      return runNode(args, { cwd: project, timeoutMs: o.timeoutMs, marks: BUILD_MARKS });
    });
    // A sharded build renders the shared pages in every shard: count the merged site's pages instead.
    const pages = o.shards > 1 ? Number.NaN : Number(/(\d+) page\(s\) built/.exec(build.stdout.replace(ANSI, ''))?.[1] ?? NaN);
    result.build = { ...timing(build), ...phases(build.marks), ...(Number.isNaN(pages) ? {} : { pages, pagesPerSecond: (pages * 1000) / build.ms }) };
    if (!build.ok) result.notes.push(failure('astro build', build));
    else {
      result.dist = await measureDist(join(project, 'dist'));
      if (o.shards > 1) result.build = { ...result.build, pages: result.dist.pages, pagesPerSecond: (result.dist.pages * 1000) / build.ms, shards: o.shards };
      if (result.ingest?.source === 'ingest CLI') {
        // `npm run build` as a user runs it again with nothing changed: the ingest finds nothing to do, and
        // the stamp (written here as `npm run build` writes it after a build) says dist/ is current.
        writeStamp(project, inputsDigest(project, process.env));
        log('npm run build again, nothing changed');
        const again = await measured(o.runs, () => runNode([join(ROOT, 'src', 'cli', 'build.ts')], { cwd: project, timeoutMs: o.timeoutMs }));
        result.rebuild = { ...timing(again), skipped: /dist\/ is current/.test(again.stdout + again.stderr) };
        if (!again.ok) result.notes.push(failure('npm run build with nothing changed', again));
      }
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
        profile: { type: 'boolean', default: true },
        shards: { type: 'string', default: '1' },
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
  if (!Number.isInteger(Number(values.shards)) || Number(values.shards) < 1) {
    console.error(`--shards takes a whole number of shards, 1 or more\n${USAGE}`);
    return 2;
  }
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1 || !(timeout > 0) || (seed !== undefined && !Number.isInteger(seed))) {
    console.error(`--sizes takes positive integers (e.g. 100,1000), --runs a positive integer, --timeout seconds, --seed an integer\n${USAGE}`);
    return 2;
  }

  const started = new Date();
  const site = values.site ? await benchSite(values.browser) : undefined;
  const results: SizeResult[] = [];
  const options: Options = { runs, timeoutMs: timeout * 1000, seed, baseline: values.baseline, browser: values.browser, events: values.events, keep: values.keep, profile: values.profile, shards: Number(values.shards) };
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
      options: { sizes, runs, timeoutSeconds: timeout, seed: seed ?? 'default', events: values.events, profile: values.profile, shards: Number(values.shards) },
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
