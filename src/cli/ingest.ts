/**
 * `npm run ingest [-- --seeds DIR --out DIR --check --json --strict --force --today YYYY-MM-DD]`
 *
 * The file-system edge of the ingest: reads seeds and sidecars, runs the pure
 * pipeline, and writes `<out>/articles/*.md` atomically (temporary file, then
 * rename). A seed that fails keeps its previous entry; an entry whose seed is
 * gone is removed and reported.
 *
 * It also writes `<out>/ingest-report.json` (see `ingestReportSchema`) and
 * the knowledge layer, `<out>/knowledge.json` (see `knowledgeSchema`), built
 * with the editor's corrections in `<out>/entities.yaml` when there is one.
 * The site's settings, `<out>/site.yaml`, are checked first, as the build
 * checks them: their `timeZone` decides which day is today (the latest a
 * sidecar's date may be), and a file with errors stops the run (exit 2).
 *
 * Safety: an entry whose generated stamp no longer matches its bytes was
 * edited by hand; the ingest then writes nothing and stops (exit 4) unless
 * `--force` says to discard the edit. A run killed at any moment leaves every
 * file either as it was or as the run meant to write it (each file is written
 * to a temporary file and renamed over the old one); temporary files left by a
 * killed run are removed by the next one. Expected problems are messages, never
 * stack traces; an unexpected failure on one seed is reported for that seed
 * (SL903) and the rest still build.
 *
 * Exit codes: 0 done, even when some seeds failed (each is reported with its
 * file and line, keeps its last good entry, and the summary counts them) or
 * the knowledge layer left a record out; 1 any error or warning under
 * --strict (or STORYLINE_STRICT=1), or the ingest itself stopped on a bug;
 * 2 bad command line, unreadable seeds folder, unwritable output folder, or
 * a `<out>/site.yaml` with errors (nothing is read or written);
 * 3 --check found content out of date; 4 an entry was edited by hand
 * (nothing was written).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { PIPELINE_VERSION, seedCacheKey, type CachedSeedResult, type SeedResult } from '../lib/ingest/pipeline.ts';
import { assembleReport } from '../lib/ingest/assembly.ts';
import { isRealCalendarDate, type IngestReport } from '../lib/schema.ts';
import type { StreamedEntities } from '../lib/knowledge/entity-section.ts';
import { buildKnowledgeSections, knowledgeSchema, type ArticleMemo, type Knowledge, type KnowledgeProblem, type KnowledgeStages } from '../lib/knowledge/knowledge.ts';
import { parseByRecord } from '../lib/zod-records.ts';
import type { KnowledgeArticle } from '../lib/knowledge/text.ts';
import { ENTITY_EDITOR_FILE, TOPIC_EDITOR_FILE, parseEntityEditor, parseTopicEditor } from '../lib/knowledge/editor.ts';
import { codeDigest, openCache, type DiskCache } from './cache.ts';
import { isCacheable, runSeed, startSeedPool, type SeedPool } from './seed-pool.ts';
import { EntryCollector, EntryWriter, TEMP_FILE, readExisting, removeQuietly, seedOfEntry, sha256, tempPath, type ArticlePlace, type WriteMode } from './entries.ts';
import { JsonObjectFile, serializeJson } from './json-file.ts';
import { readSeed, readSeeds } from './seeds.ts';
import { LeadImages } from './lead-images.ts';
import { readSiteSettings } from '../lib/site/settings-file.ts';
import { dayIn } from '../lib/time-zone.ts';

/** The ingest report's file name in the output folder. */
const REPORT_NAME = 'ingest-report.json';
/** The knowledge layer's file name in the output folder. */
const KNOWLEDGE_NAME = 'knowledge.json';

const USAGE = 'usage: npm run ingest -- [--seeds DIR] [--out DIR] [--check] [--json] [--strict] [--force] [--today YYYY-MM-DD] [--jobs N] [--cache DIR | --no-cache]';
/** Where results are cached between runs, relative to where the command runs (the convention of Astro, Vite and Babel). */
const DEFAULT_CACHE = 'node_modules/.cache/storyline';
/** The module that runs one seed, on this thread or a worker: its closure is what a seed's cached result depends on. */
const SEED_RUNNER = new URL('./seed-pool.ts', import.meta.url).pathname;
/** Below this many seeds, starting worker threads (about a second each, to load the pipeline) costs more than it saves. */
const POOL_MIN_SEEDS = 64;
/** Seeds that missed the cache run on this thread until there are more than this many; then the worker threads start. */
const POOL_AFTER_MISSES = 4;
/**
 * From this many articles on, the knowledge layer's stages after the entities
 * read each article's text from the parking file as they come to it, instead
 * of holding the corpus's text (about 12 KB an article: 1.2 GB at 100,000).
 * Below it, the text comes back whole, which is quicker.
 */
export const STREAM_TEXT_FROM = 20_000;
/** The default `--jobs` is one thread a core up to this many: reading seeds and writing entries stay on one thread, so more gain little. */
const MAX_WORKERS = 4;

/**
 * Codes for what this run did rather than what the corpus is: printed, but
 * kept out of the report, so that running the ingest again on the same input
 * leaves the report byte-identical.
 */
const ACTION_CODES = new Set(['SL402', 'SL404', 'SL407']);

/** Where the command runs and where it prints; the CLI passes the process's own. */
export interface IngestIo {
  /** Folder that relative paths and shown paths are taken from. */
  cwd: string;
  /** Today's date in the machine's time zone, `YYYY-MM-DD` (`--today` overrides it). */
  today: string;
  /** The present instant: with it, a site that sets `timeZone` (content/site.yaml) takes today as the day it is there. */
  now?: Date;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The process environment's `STORYLINE_STRICT`: `1` or `true` acts as `--strict`. */
  strictEnv?: string;
  /** `STREAM_TEXT_FROM` in its place: tests stream the text of a small corpus. */
  streamTextFrom?: number;
  /** Knowledge stages to use instead of the real ones: for tests that inject a failure. */
  knowledgeStages?: Partial<KnowledgeStages>;
}

/** Runs the ingest with command-line `argv` (without `node` and the script); resolves to the exit code. */
export async function runIngest(argv: readonly string[], io: IngestIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        seeds: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'content' },
        check: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        today: { type: 'string' },
        cache: { type: 'string', default: DEFAULT_CACHE },
        jobs: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const seedsDir = resolve(io.cwd, args.seeds);
  const outDir = resolve(io.cwd, args.out);
  // The site's settings, beside the other editor files: a file with errors is refused here as the build refuses it.
  const site = readSiteSettings({ contentDir: outDir, publicDir: resolve(io.cwd, 'public'), cwd: io.cwd });
  if (site.settings === undefined) {
    io.err([...site.messages.map(formatDiagnostic), `nothing was ingested: correct ${site.messages.length === 1 ? 'this error' : 'these errors'} first`].join('\n'));
    return 2;
  }
  const timeZone = site.settings.timeZone;
  const today = args.today ?? (timeZone !== undefined && io.now !== undefined ? dayIn(io.now, timeZone) : io.today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isRealCalendarDate(today)) {
    io.err(`--today must be a date written YYYY-MM-DD, not "${today}"\n${USAGE}`);
    return 2;
  }
  // Paths as the user typed them: relative to where they stand, or absolute when outside it.
  // Control characters (a newline in a file name) are escaped, so every message stays one line.
  const shown = (abs: string): string => {
    const rel = relative(io.cwd, abs);
    const path = (rel.startsWith('..') ? abs : rel).split(sep).join('/') || '.';
    return [...path].map((c) => (c < ' ' || c === '\u007f' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
  };
  try {
    const jobs = args.jobs === undefined ? Math.min(availableParallelism(), MAX_WORKERS) : Number(args.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) {
      io.err(`--jobs must be a whole number of threads, 1 or more, not "${args.jobs}"\n${USAGE}`);
      return 2;
    }
    const cache = args['no-cache'] ? undefined : openCache(resolve(io.cwd, args.cache));
    const strict = args.strict || /^(?:1|true|yes)$/i.test(io.strictEnv ?? '');
    return await ingest({ seedsDir, outDir, today, shown, io, jobs, check: args.check, json: args.json, strict, force: args.force, ...(cache ? { cache } : {}) });
  } catch (error) {
    // Only a bug reaches here: every expected problem is a message. One line, no stack.
    io.err(formatDiagnostic({ file: shown(outDir), severity: 'error', code: 'SL904', message: `internal: the ingest stopped (${oneLine(error)}); please report it` }));
    return 1;
  }
}

interface Run {
  seedsDir: string;
  outDir: string;
  today: string;
  shown: (abs: string) => string;
  io: IngestIo;
  check: boolean;
  json: boolean;
  strict: boolean;
  force: boolean;
  /** Threads for the per-seed pipeline (`--jobs`); 1 runs every seed on this thread. */
  jobs: number;
  /** Results of earlier runs, by what they depend on; absent with --no-cache. */
  cache?: DiskCache;
}

async function ingest(run: Run): Promise<number> {
  const { seedsDir, outDir, shown, io } = run;
  const articlesDir = join(outDir, 'articles');
  const messages: Diagnostic[] = [];
  const seeds = await readSeeds(seedsDir, shown, messages);
  if (seeds === undefined) {
    io.err(messages.map(formatDiagnostic).join('\n'));
    return 2;
  }

  // What is on disk, as digests and stamps. Whether entries may be written as their seeds finish is decided
  // before anything is written: with an entry edited by hand the run may yet have to write nothing (SL403),
  // so its entries are held in temporary files until that is known; --check writes nothing at all.
  const existing = readExisting(articlesDir);
  const leftovers = await tempLeftovers([articlesDir, outDir]);
  const handEdited = [...existing.values()].some((e) => e.stamp !== 'intact');
  const mode: WriteMode = run.check ? 'none' : handEdited && !run.force ? 'held' : 'now';
  const writer = new EntryWriter(articlesDir, mode);
  if (mode === 'now') removeLeftovers(leftovers, writer);

  const entries = new EntryCollector(existing, writer, (name) => shown(join(articlesDir, name)));
  // Lead images are copied as their entries arrive (named by their bytes, a copy no entry ends up using is swept below).
  const images = new LeadImages(seedsDir, outDir, mode !== 'none', shown);
  const options = { today: run.today };
  const code = run.cache ? codeDigest() : '';
  // A seed's result depends only on the code its run loads: a change elsewhere (the corpus-wide stages) keeps it.
  const seedCode = run.cache ? codeDigest(SEED_RUNNER) : '';
  // Many seeds to run: worker threads, one per core. A few: this thread, without the workers' start-up. The workers
  // start only once more than `POOL_AFTER_MISSES` seeds missed the cache, so a re-ingest with a seed or two changed
  // never waits for them (each loads the pipeline and the tagger: about a second of a core).
  const workers = run.jobs;
  const poolWanted = seeds.found.length >= POOL_MIN_SEEDS && workers > 1;
  // With no cache, or one that holds no seed's result yet, every seed misses: the workers then take the first seed,
  // instead of waiting while this thread runs `POOL_AFTER_MISSES` seeds (warming the pipeline up) before they start.
  const poolAfter = run.cache === undefined || !existsSync(join(run.cache.dir, 'seeds')) ? 0 : POOL_AFTER_MISSES;
  let pool: SeedPool | undefined;
  let misses = 0;
  const inFlight = new Set<Promise<void>>();
  // Results are taken in seed path order (copies and slugs are decided in it); a worker's result that comes early waits here.
  const arrived: (SeedResult | null | undefined)[] = [];
  let next = 0;
  const arrive = (index: number, result: SeedResult | null): void => {
    arrived[index] = result;
    for (let r = arrived[next]; r !== undefined; r = arrived[next]) {
      arrived[next++] = undefined;
      if (r !== null) entries.add(images.place(r));
    }
  };
  try {
    for (const [index, seed] of seeds.found.entries()) {
      const input = await readSeed(seed, shown, messages);
      if (input === undefined) {
        seeds.unreadable.push(seed.path);
        arrive(index, null);
        continue;
      }
      // Only the seed's hash (in its entry) is needed from here on: its bytes are let go.
      const kept = { ...input, bytes: new Uint8Array(0), size: input.size ?? input.bytes.length };
      const key = run.cache ? seedCacheKey(input, options, seedCode) : '';
      const cached = run.cache?.get<CachedSeedResult>('seeds', key);
      if (cached) {
        arrive(index, { ...cached, input: kept });
        continue;
      }
      const done = (result: CachedSeedResult, stored = false): void => {
        // An internal failure is not cached: the next run tries again.
        if (!stored && isCacheable(result)) run.cache?.set('seeds', key, result);
        arrive(index, { ...result, input: kept });
      };
      misses += 1;
      if (poolWanted && pool === undefined && misses > poolAfter) pool = startSeedPool(workers);
      if (pool) {
        // The worker stores the result in the cache itself.
        const job: Promise<void> = pool.run(input, options, run.cache ? { dir: run.cache.dir, kind: 'seeds', key } : undefined).then((r) => done(r, true));
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
        // Hold at most two seeds a worker: the rest are still on disk.
        if (inFlight.size >= 2 * workers) await Promise.race(inFlight);
      } else {
        // A copy, as a worker's result arrives: a string the pipeline cut from the page is a slice that keeps the
        // whole page alive, and the run keeps some of them (dates' sentences, removals) for every seed.
        done(structuredClone(runSeed(input, options)));
        // A turn of the event loop lets the engine free what the seed's page left (jsdom windows are
        // only released then): without it, memory grew by about 1 MB with every saved page.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  const corpus = entries.finish();
  const corpusMessages = [...messages, ...corpus.messages];

  // Existing entries this run does not make: kept when their seed failed, else removed.
  const failed = new Set([...seeds.unreadable, ...corpus.failed]);
  const stale: string[] = [];
  for (const name of existing.keys()) {
    if (corpus.names.has(name)) continue;
    const seed = seedOfEntry(join(articlesDir, name));
    if (seed !== undefined && (failed.has(seed) || seeds.unreadable.some((p) => p.endsWith('/') && seed.startsWith(p)))) {
      const text = readFileSync(join(articlesDir, name), 'utf8');
      entries.keep(name, text, existing.get(name)!.digest, corpusMessages);
      images.keep(text);
      corpusMessages.push({ file: shown(join(articlesDir, name)), severity: 'info', code: 'SL401', message: `kept as it was, because ${shown(join(seedsDir, seed))} failed` });
    } else {
      stale.push(name);
      corpusMessages.push({ file: shown(join(articlesDir, name)), severity: 'info', code: 'SL402', message: 'removed: its seed is gone' });
    }
  }
  const changed = corpus.changed;

  // An entry this run would overwrite or delete must be as the ingest wrote it.
  const edited = [...changed, ...stale].filter((name) => existing.has(name) && existing.get(name)!.stamp !== 'intact').sort();
  for (const name of edited) {
    const path = seedOfEntry(join(articlesDir, name));
    const seed = path === undefined ? 'its seed' : shown(join(seedsDir, path));
    const how = existing.get(name)!.stamp === 'unstamped' ? 'has no generated stamp: it was written by hand (or by an ingest older than the stamp)' : 'was edited by hand since the ingest wrote it';
    corpusMessages.push(
      run.force
        ? { file: shown(join(articlesDir, name)), severity: 'info', code: 'SL404', message: `${how}; the edit is discarded (--force)` }
        : {
            file: shown(join(articlesDir, name)),
            severity: 'error',
            code: 'SL403',
            message: `${how}; nothing was written. To keep the edit, move it into ${seed} or its sidecar (.meta.yaml) and run again; to discard it, run with --force`,
          },
    );
  }
  for (const path of leftovers) {
    corpusMessages.push({ file: shown(path), severity: 'info', code: 'SL407', message: 'a temporary file left by an interrupted ingest; removed' });
  }
  // Whether this run writes anything: not under --check, nor when it stops on a hand edit.
  const writes = mode !== 'none' && (edited.length === 0 || run.force);

  // The knowledge layer over the entries as they will stand, with the editor's corrections.
  const editorPath = join(outDir, ENTITY_EDITOR_FILE);
  const editorText = await readFile(editorPath, 'utf8').catch(() => undefined);
  const editor = editorText === undefined ? undefined : parseEntityEditor(editorText, shown(editorPath));
  if (editor) corpusMessages.push(...editor.messages);
  const topicsPath = join(outDir, TOPIC_EDITOR_FILE);
  const topicsText = await readFile(topicsPath, 'utf8').catch(() => undefined);
  const topics = topicsText === undefined ? undefined : parseTopicEditor(topicsText, shown(topicsPath));
  if (topics) corpusMessages.push(...topics.messages);
  const knowledgePath = join(outDir, KNOWLEDGE_NAME);
  // The layer is compared by digest, not held twice: at 10,000 articles its text is over 150 MB.
  const oldKnowledge = await fileDigest(knowledgePath);
  let knowledge: { digest: string; temp?: string } | undefined;
  const knowledgeWarnings: Diagnostic[] = [];
  try {
    const articles = entries.articles;
    let storyWarnings: readonly string[] = [];
    const entryHash = entries.hashes;
    const cache = run.cache;
    // The layer depends only on the code, the editor files and the entries (its warnings also on the paths shown): when
    // none changed, the file on disk is still right if it is the one this cache saw made (same digest).
    const knowledgeKey = sha256([code, shown(editorPath), editorText ?? '', shown(topicsPath), topicsText ?? '', ...articles.map((e) => `${e.id} ${entryHash.get(e.id) ?? ''}`).sort()].join('\n'));
    const known = cache?.get<KnownKnowledge>('knowledge', knowledgeKey);
    if (known && oldKnowledge === known.digest) {
      knowledge = { digest: known.digest };
      knowledgeWarnings.push(...known.warnings);
    } else {
      const memo: ArticleMemo | undefined = cache
        ? <T>(kind: string, article: KnowledgeArticle, compute: () => T): T => {
            const key = sha256(`${code}\n${kind}\n${article.id}\n${entryHash.get(article.id) ?? ''}`);
            const hit = cache.get<T>(kind, key);
            if (hit !== undefined) return hit;
            const value = compute();
            cache.set(kind, key, value);
            return value;
          }
        : undefined;
      // Each section is checked (its records were, as the layer was built: `keepValid`; here its frame), written to a
      // temporary file renamed in place below, and let go before the next is built, so the layer is never held whole.
      const temp = writes ? tempPath(knowledgePath) : undefined;
      if (temp !== undefined) {
        try {
          mkdirSync(outDir, { recursive: true });
        } catch (error) {
          writer.error ??= error as NodeJS.ErrnoException;
        }
      }
      const file = new JsonObjectFile(temp);
      let problems: KnowledgeProblem[];
      try {
        problems = buildKnowledgeSections(
          articles,
          { ...(editor?.editor ? { entities: editor.editor } : {}), ...(topics?.editor ? { topics: topics.editor } : {}) },
          { precomputed: entries.takePrecomputed(), articleText: { release: () => entries.parkArticleText(), restore: () => entries.restoreArticleText(), read: (a) => entries.readArticleText(a), stream: articles.length >= (io.streamTextFrom ?? STREAM_TEXT_FROM) }, ...(memo ? { memo } : {}), ...(io.knowledgeStages ? { stages: io.knowledgeStages } : {}) },
          (key, value) => {
            // The entities section comes with its records made and checked one at a time as it is written (`StreamedEntities`): its frame is the stage's own.
            const section = key === 'entities' ? value : parseByRecord(knowledgeSchema.shape[key] as z.ZodType, value, 'frame');
            if (key === 'entities') for (const warning of (section as StreamedEntities).warnings) knowledgeWarnings.push({ file: shown(editorPath), severity: 'warning', code: 'SL503', message: warning });
            if (key === 'stories') storyWarnings = (section as Knowledge['stories']).warnings;
            file.member(key, section);
          },
        );
      } catch (error) {
        file.close();
        if (temp !== undefined) removeQuietly(temp);
        throw error;
      }
      // The articles' text is not needed from here on.
      entries.releaseArticles();
      for (const warning of storyWarnings) knowledgeWarnings.push({ file: shown(topicsPath), severity: 'warning', code: 'SL503', message: warning });
      for (const problem of problems) knowledgeWarnings.push(problemDiagnostic(problem, entries.placeOf(problem.article ?? ''), seedsDir, knowledgePath, shown));
      const digest = file.finish();
      if (file.error === undefined) knowledge = { digest, ...(temp === undefined ? {} : { temp }) };
      else {
        if (temp !== undefined) removeQuietly(temp);
        // Reported as the output that cannot be written (SL002), when the run comes to write it.
        writer.error ??= file.error;
      }
      if (knowledge) cache?.set('knowledge', knowledgeKey, { digest: knowledge.digest, warnings: knowledgeWarnings } satisfies KnownKnowledge);
    }
    corpusMessages.push(...knowledgeWarnings);
  } catch (error) {
    corpusMessages.push({ file: shown(knowledgePath), severity: 'error', code: 'SL904', message: `internal: the knowledge layer could not be built (${oneLine(error)}); it was left as it was; please report it` });
  }
  entries.releaseArticles();
  const dropKnowledgeTemp = (): void => {
    if (knowledge?.temp !== undefined) removeQuietly(knowledge.temp);
  };

  const ingestReport = assembleReport(
    corpus.rows,
    corpusMessages.filter((m) => !ACTION_CODES.has(m.code)),
    PIPELINE_VERSION,
  );
  const reportPath = join(outDir, REPORT_NAME);
  const oldReport = await fileDigest(reportPath);
  const reportDigest = serializeJson(ingestReport);
  // The rows' messages are the seeds' own, as the report's schema types them.
  const all = [...corpus.rows.flatMap((r) => r.messages as Diagnostic[]), ...corpusMessages];
  // A run that writes nothing reports no removals: leave out what it would have done.
  const unwritten = all.filter((m) => !ACTION_CODES.has(m.code));

  if (edited.length > 0 && !run.force) {
    writer.discard();
    dropKnowledgeTemp();
    summarize(ingestReport, unwritten, run, 0);
    return 4;
  }

  if (run.check) {
    const problems = [
      ...changed.map((n) => `${shown(join(articlesDir, n))}: ${existing.has(n) ? 'out of date' : 'missing'}`),
      ...stale.map((n) => `${shown(join(articlesDir, n))}: no seed produces it any more`),
      ...(oldReport === reportDigest ? [] : [`${shown(reportPath)}: out of date`]),
      ...(knowledge === undefined || oldKnowledge === knowledge.digest ? [] : [`${shown(knowledgePath)}: out of date`]),
      ...leftovers.map((p) => `${shown(p)}: left by an interrupted ingest`),
      ...[...images.missing].sort().map((n) => `${shown(images.pathOf(n))}: missing`),
      ...images.stale().map((n) => `${shown(images.pathOf(n))}: no entry uses it any more`),
    ];
    summarize(ingestReport, unwritten, run, 0);
    if (problems.length > 0) {
      io.err(`${problems.join('\n')}\n${shown(outDir)}/ is stale: run \`npm run ingest\``);
      return 3;
    }
    return exitCode(all, run.strict);
  }

  try {
    if (mode === 'held') {
      removeLeftovers(leftovers, writer);
      writer.commit();
    }
    if (writer.error) throw writer.error;
    if (images.error) throw images.error;
    for (const name of stale) rmSync(join(articlesDir, name), { force: true });
    images.sweep();
    if (oldReport !== reportDigest) {
      mkdirSync(outDir, { recursive: true });
      const temp = tempPath(reportPath);
      try {
        serializeJson(ingestReport, temp);
        renameSync(temp, reportPath);
      } catch (error) {
        removeQuietly(temp);
        throw error;
      }
    }
    if (knowledge?.temp !== undefined) {
      if (oldKnowledge !== knowledge.digest) renameSync(knowledge.temp, knowledgePath);
      else rmSync(knowledge.temp, { force: true });
    }
  } catch (error) {
    dropKnowledgeTemp();
    const e = error as NodeJS.ErrnoException;
    summarize(ingestReport, all, run, 0);
    io.err(formatDiagnostic({ file: shown(e.path ?? outDir), severity: 'error', code: 'SL002', message: `cannot write the output (${e.code ?? e.message}); files already written are complete, the rest were left as they were` }));
    return 2;
  }
  summarize(ingestReport, all, run, changed.length + stale.length);
  return exitCode(all, run.strict);
}

/** Removes what killed runs left; a failure is the writer's first error. */
function removeLeftovers(paths: readonly string[], writer: EntryWriter): void {
  try {
    for (const path of paths) rmSync(path, { force: true });
  } catch (error) {
    writer.error ??= error as NodeJS.ErrnoException;
  }
}

/** The SHA-256 of a file's bytes, or undefined when it cannot be read. */
async function fileDigest(path: string): Promise<string | undefined> {
  return readFile(path)
    .then(sha256)
    .catch(() => undefined);
}


/** What the cache keeps of a knowledge layer it saw written: the file's digest and the warnings that came with it. */
interface KnownKnowledge {
  digest: string;
  warnings: Diagnostic[];
}

/** Temporary files a killed run left in the folders (not recursive). */
async function tempLeftovers(dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) if (TEMP_FILE.test(name)) out.push(join(dir, name));
  }
  return out;
}

/** Prints the messages and a one-line summary, or with --json one JSON object on stdout. */
function summarize(ingestReport: IngestReport, messages: Diagnostic[], run: Run, written: number): void {
  const sorted = sortDiagnostics(messages);
  const t = ingestReport.totals;
  // The report leaves out this run's actions (ACTION_CODES); the counts printed here include them.
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.filter((m) => m.severity === 'warning').length;
  if (run.json) {
    const summary = { read: t.seeds, written, entries: t.entries, failed: t.failed, skipped: t.skipped, errors, warnings, removals: t.removals, cache: run.cache?.stats ?? null, messages: sorted };
    run.io.out(JSON.stringify(summary, null, 2));
    return;
  }
  for (const m of sorted) (m.severity === 'info' ? run.io.out : run.io.err)(formatDiagnostic(m));
  // What failed, in one line each, then the totals (always the last line).
  const report = run.shown(join(run.outDir, REPORT_NAME));
  const unreadable = messages.filter((m) => m.code === 'SL109' && m.severity === 'error').length;
  const failedSeeds = t.failed + unreadable;
  if (failedSeeds > 0) {
    const kept = messages.filter((m) => m.code === 'SL401').length;
    run.io.err(
      `${failedSeeds.toLocaleString('en')} of ${(t.seeds + unreadable).toLocaleString('en')} seeds failed; see ${report}` +
        `${kept > 0 ? ` (${kept.toLocaleString('en')} kept ${kept === 1 ? 'its' : 'their'} last good entry)` : ''}` +
        `${run.strict ? '' : '; the rest were written (--strict or STORYLINE_STRICT=1 makes this a failure)'}`,
    );
  }
  const leftOut = messages.filter((m) => m.code === 'SL904' || m.code === 'SL905').length;
  if (leftOut > 0) run.io.err(`the knowledge layer left out ${leftOut.toLocaleString('en')} ${leftOut === 1 ? 'article or record' : 'articles or records'} it could not make valid and wrote the rest; see ${report}`);
  const removed = Object.values(t.removals).reduce((a, b) => a + b, 0);
  run.io.out(
    `ingest: ${t.seeds} seeds read, ${t.entries} entries, ${written} files changed, ${removed} removals, ${t.failed} failed, ${t.skipped} skipped, ${errors} errors, ${warnings} warnings${cached(run.cache)}`,
  );
}

/**
 * A knowledge problem as a message on the seed it concerns, at the first line
 * of the paragraph (`p.paragraph` 0 is the headline), else on `knowledge.json`.
 */
function problemDiagnostic(
  p: KnowledgeProblem,
  entry: ArticlePlace | undefined,
  seedsDir: string,
  knowledgePath: string,
  shown: (abs: string) => string,
): Diagnostic {
  const line = entry === undefined || p.paragraph === undefined ? undefined : p.paragraph === 0 ? entry.headline : entry.blocks[p.paragraph - 1];
  const where = entry === undefined ? '' : ` (article ${p.article ?? ''}${p.paragraph === undefined ? '' : p.paragraph === 0 ? ', headline' : `, paragraph ${p.paragraph}`})`;
  return {
    file: shown(entry === undefined ? knowledgePath : join(seedsDir, entry.source)),
    ...(line === undefined ? {} : { line }),
    severity: p.severity,
    code: p.severity === 'error' ? 'SL904' : 'SL905',
    message: `${p.stage}: ${p.message}${where}`,
  };
}

/** One line on an error: its name and the first line of its message (a ZodError's first issue). */
function oneLine(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return `ZodError: ${issue ? `${issue.path.join('.') || 'the record'}: ${issue.message}` : 'not valid'}`;
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return what.split('\n')[0] ?? what;
}

/** ", 4,990 of 5,000 seeds from the cache" when a cache was used. */
function cached(cache: DiskCache | undefined): string {
  const seeds = cache?.stats['seeds'];
  if (!seeds) return '';
  return `, ${seeds.hits.toLocaleString('en')} of ${(seeds.hits + seeds.misses).toLocaleString('en')} seeds from the cache`;
}

/**
 * 0 when the run wrote what it could: a seed that failed (it keeps its last
 * good entry) and a record the knowledge layer left out are reported, not
 * fatal, so a collector that saves one unreadable page never takes the site
 * down. Under --strict any error or warning is 1.
 */
function exitCode(messages: Diagnostic[], strict: boolean): number {
  if (strict && messages.some((m) => m.severity === 'error' || m.severity === 'warning')) return 1;
  return 0;
}

/** Today in the local time zone, as an editor reads the calendar. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runIngest(process.argv.slice(2), {
    cwd: process.cwd(),
    today: localToday(),
    now: new Date(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ...(process.env['STORYLINE_STRICT'] === undefined ? {} : { strictEnv: process.env['STORYLINE_STRICT'] }),
  });
}
