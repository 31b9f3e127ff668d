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
 * 2 bad command line, unreadable seeds folder or unwritable output folder;
 * 3 --check found content out of date; 4 an entry was edited by hand
 * (nothing was written).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Dirent } from 'node:fs';
import { availableParallelism } from 'node:os';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { assembleCorpus, buildReport, seedCacheKey, type CachedSeedResult, type SeedInput, type SeedResult } from '../lib/ingest/pipeline.ts';
import { articleSchema, isRealCalendarDate, type IngestReport } from '../lib/schema.ts';
import { buildKnowledge, knowledgeSchema, type ArticleMemo, type Knowledge, type KnowledgeProblem, type KnowledgeStages } from '../lib/knowledge/knowledge.ts';
import type { KnowledgeArticle } from '../lib/knowledge/text.ts';
import type { ArticleKnowledge } from '../lib/knowledge/article-knowledge.ts';
import { ENTITY_EDITOR_FILE, TOPIC_EDITOR_FILE, parseEntityEditor, parseTopicEditor } from '../lib/knowledge/editor.ts';
import { readContentFile } from '../lib/ingest/markdown.ts';
import { SIDECAR_SUFFIX, sidecarNameFor } from '../lib/ingest/sidecar.ts';
import { MAX_SEED_BYTES } from '../lib/ingest/decode.ts';
import { checkStamp } from '../lib/ingest/generated.ts';
import { codeDigest, openCache, type DiskCache } from './cache.ts';
import { isCacheable, runSeed, startSeedPool } from './seed-pool.ts';

/** The ingest report's file name in the output folder. */
const REPORT_NAME = 'ingest-report.json';
/** The knowledge layer's file name in the output folder. */
const KNOWLEDGE_NAME = 'knowledge.json';
/** Temporary files `writeAtomic` makes: `<name>.<pid>.tmp`. */
const TEMP_FILE = /\.\d+\.tmp$/;

const USAGE = 'usage: npm run ingest -- [--seeds DIR] [--out DIR] [--check] [--json] [--strict] [--force] [--today YYYY-MM-DD] [--jobs N] [--cache DIR | --no-cache]';
/** Where results are cached between runs, relative to where the command runs (the convention of Astro, Vite and Babel). */
const DEFAULT_CACHE = 'node_modules/.cache/storyline';
/** Below this many seeds, starting worker threads (about a second each, to load the pipeline) costs more than it saves. */
const POOL_MIN_SEEDS = 64;
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
  /** Today's date, `YYYY-MM-DD` (`--today` overrides it). */
  today: string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The process environment's `STORYLINE_STRICT`: `1` or `true` acts as `--strict`. */
  strictEnv?: string;
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
  const today = args.today ?? io.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isRealCalendarDate(today)) {
    io.err(`--today must be a date written YYYY-MM-DD, not "${today}"\n${USAGE}`);
    return 2;
  }
  const seedsDir = resolve(io.cwd, args.seeds);
  const outDir = resolve(io.cwd, args.out);
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
  const results: SeedResult[] = [];
  const options = { today: run.today };
  const code = run.cache ? codeDigest() : '';
  // Many seeds to run: worker threads, one per core. A few: this thread, without the workers' start-up.
  const workers = run.jobs;
  const pool = seeds.found.length >= POOL_MIN_SEEDS && workers > 1 ? startSeedPool(workers) : undefined;
  const inFlight = new Set<Promise<void>>();
  try {
    for (const seed of seeds.found) {
      const input = await readSeed(seed, shown, messages);
      if (input === undefined) {
        seeds.unreadable.push(seed.path);
        continue;
      }
      // Only the seed's hash (in its entry) is needed from here on: its bytes are let go.
      const kept = { ...input, bytes: new Uint8Array(0), size: input.size ?? input.bytes.length };
      const key = run.cache ? seedCacheKey(input, options, code) : '';
      const cached = run.cache?.get<CachedSeedResult>('seeds', key);
      if (cached) {
        results.push({ ...cached, input: kept });
        continue;
      }
      const done = (result: CachedSeedResult, stored = false): void => {
        results.push({ ...result, input: kept });
        // An internal failure is not cached: the next run tries again.
        if (!stored && isCacheable(result)) run.cache?.set('seeds', key, result);
      };
      if (pool) {
        // The worker stores the result in the cache itself.
        const job: Promise<void> = pool.run(input, options, run.cache ? { dir: run.cache.dir, kind: 'seeds', key } : undefined).then((r) => done(r, true));
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
        // Hold at most two seeds a worker: the rest are still on disk.
        if (inFlight.size >= 2 * workers) await Promise.race(inFlight);
      } else {
        done(runSeed(input, options));
        // A turn of the event loop lets the engine free what the seed's page left (jsdom windows are
        // only released then): without it, memory grew by about 1 MB with every saved page.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  const corpus = assembleCorpus(results);
  const corpusMessages = [...messages];

  // Existing entries, by the seed they name, so a failed seed keeps its entry.
  const existing = await readExisting(articlesDir);
  const failed = new Set([...seeds.unreadable, ...corpus.results.filter((r) => !r.article && r.messages.some((m) => m.severity === 'error')).map((r) => r.input.path)]);
  const wanted = new Map(corpus.files.map((f) => [f.path.slice('articles/'.length), f.content]));
  for (const [name, entry] of existing) {
    const seed = wanted.has(name) ? undefined : entry.seed();
    if (!wanted.has(name) && seed !== undefined && (failed.has(seed) || seeds.unreadable.some((p) => p.endsWith('/') && seed.startsWith(p)))) {
      wanted.set(name, entry.content);
      corpusMessages.push({ file: shown(join(articlesDir, name)), severity: 'info', code: 'SL401', message: `kept as it was, because ${shown(join(seedsDir, seed))} failed` });
    }
  }
  const stale = [...existing.keys()].filter((name) => !wanted.has(name));
  for (const name of stale) {
    corpusMessages.push({ file: shown(join(articlesDir, name)), severity: 'info', code: 'SL402', message: 'removed: its seed is gone' });
  }
  const changed = [...wanted].filter(([name, content]) => existing.get(name)?.content !== content).map(([name]) => name);

  // An entry this run would overwrite or delete must be as the ingest wrote it.
  const edited = [...changed, ...stale].filter((name) => existing.has(name) && checkStamp(existing.get(name)!.content) !== 'intact').sort();
  for (const name of edited) {
    const entry = existing.get(name)!;
    const path = entry.seed();
    const seed = path === undefined ? 'its seed' : shown(join(seedsDir, path));
    const how = checkStamp(entry.content) === 'unstamped' ? 'has no generated stamp: it was written by hand (or by an ingest older than the stamp)' : 'was edited by hand since the ingest wrote it';
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

  const leftovers = await tempLeftovers([articlesDir, outDir]);
  for (const path of leftovers) {
    corpusMessages.push({ file: shown(path), severity: 'info', code: 'SL407', message: 'a temporary file left by an interrupted ingest; removed' });
  }

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
  const oldKnowledge = await readFile(knowledgePath)
    .then(sha256)
    .catch(() => undefined);
  let knowledge: { digest: string; text?: string } | undefined;
  const knowledgeWarnings: Diagnostic[] = [];
  try {
    const entries = [];
    // This run's entries as the pipeline made them; only entries kept from an earlier run are parsed.
    const made = new Map([...corpus.entries].map(([r, path]) => [path.slice('articles/'.length), r]));
    // The per-article knowledge the seeds' runs computed, by entry id.
    const precomputed = new Map<string, ArticleKnowledge>();
    for (const [name, content] of wanted) {
      const r = made.get(name);
      const { data, body } = r ? { data: r.article!, body: r.body! } : readContentFile(content);
      const parsed = articleSchema.safeParse(data);
      if (parsed.success) {
        entries.push({ id: name.replace(/\.md$/, ''), data: parsed.data, body });
        if (r?.knowledge) precomputed.set(name.replace(/\.md$/, ''), r.knowledge);
      } else {
        const issue = parsed.error.issues[0]!;
        corpusMessages.push({ file: shown(join(articlesDir, name)), severity: 'error', code: 'SL408', message: `this entry does not match the schema (at ${issue.path.join('.')}: ${issue.message}); fix its seed` });
      }
    }
    // Per-article work (names, figures) is cached by the entry's bytes, which hold its id, data and body.
    const entryHash = new Map([...wanted].map(([name, content]) => [name.replace(/\.md$/, ''), sha256(content)]));
    const cache = run.cache;
    // The layer depends only on the code, the editor files and the entries (its warnings also on the paths shown): when
    // none changed, the file on disk is still right if it is the one this cache saw made (same digest).
    const knowledgeKey = sha256([code, shown(editorPath), editorText ?? '', shown(topicsPath), topicsText ?? '', ...entries.map((e) => `${e.id} ${entryHash.get(e.id) ?? ''}`).sort()].join('\n'));
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
      const build = buildKnowledge(
        entries,
        { ...(editor?.editor ? { entities: editor.editor } : {}), ...(topics?.editor ? { topics: topics.editor } : {}) },
        { precomputed, ...(memo ? { memo } : {}), ...(io.knowledgeStages ? { stages: io.knowledgeStages } : {}) },
      );
      let built: Knowledge | undefined = build.knowledge;
      for (const warning of built.entities.warnings) knowledgeWarnings.push({ file: shown(editorPath), severity: 'warning', code: 'SL503', message: warning });
      for (const warning of built.stories.warnings) knowledgeWarnings.push({ file: shown(topicsPath), severity: 'warning', code: 'SL503', message: warning });
      const byId = new Map(entries.map((e) => [e.id, e]));
      for (const problem of build.problems) knowledgeWarnings.push(problemDiagnostic(problem, byId.get(problem.article ?? ''), seedsDir, knowledgePath, shown));
      const checked = knowledgeSchema.parse(built);
      // Only the checked copy is needed from here: the original can be collected before the text is made.
      built = undefined;
      const text = `${JSON.stringify(checked, null, 2)}\n`;
      knowledge = { digest: sha256(text), text };
      cache?.set('knowledge', knowledgeKey, { digest: knowledge.digest, warnings: knowledgeWarnings } satisfies KnownKnowledge);
    }
    corpusMessages.push(...knowledgeWarnings);
  } catch (error) {
    corpusMessages.push({ file: shown(knowledgePath), severity: 'error', code: 'SL904', message: `internal: the knowledge layer could not be built (${oneLine(error)}); it was left as it was; please report it` });
  }

  const ingestReport = buildReport(
    corpus,
    corpusMessages.filter((m) => !ACTION_CODES.has(m.code)),
  );
  const reportText = `${JSON.stringify(ingestReport, null, 2)}\n`;
  const reportPath = join(outDir, REPORT_NAME);
  const oldReport = await readFile(reportPath, 'utf8').catch(() => undefined);
  const all = [...corpus.messages, ...corpusMessages];
  // A run that writes nothing reports no removals: leave out what it would have done.
  const unwritten = all.filter((m) => !ACTION_CODES.has(m.code));

  if (edited.length > 0 && !run.force) {
    summarize(ingestReport, unwritten, run, 0);
    return 4;
  }

  if (run.check) {
    const problems = [
      ...changed.map((n) => `${shown(join(articlesDir, n))}: ${existing.has(n) ? 'out of date' : 'missing'}`),
      ...stale.map((n) => `${shown(join(articlesDir, n))}: no seed produces it any more`),
      ...(oldReport === reportText ? [] : [`${shown(reportPath)}: out of date`]),
      ...(knowledge === undefined || oldKnowledge === knowledge.digest ? [] : [`${shown(knowledgePath)}: out of date`]),
      ...leftovers.map((p) => `${shown(p)}: left by an interrupted ingest`),
    ];
    summarize(ingestReport, unwritten, run, 0);
    if (problems.length > 0) {
      io.err(`${problems.join('\n')}\n${shown(outDir)}/ is stale: run \`npm run ingest\``);
      return 3;
    }
    return exitCode(all, run.strict);
  }

  try {
    await mkdir(articlesDir, { recursive: true });
    for (const path of leftovers) await rm(path, { force: true });
    for (const name of changed) await writeAtomic(join(articlesDir, name), wanted.get(name)!);
    for (const name of stale) await rm(join(articlesDir, name), { force: true });
    if (oldReport !== reportText) await writeAtomic(reportPath, reportText);
    if (knowledge?.text !== undefined && oldKnowledge !== knowledge.digest) await writeAtomic(knowledgePath, knowledge.text);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    summarize(ingestReport, all, run, 0);
    io.err(formatDiagnostic({ file: shown(e.path ?? outDir), severity: 'error', code: 'SL002', message: `cannot write the output (${e.code ?? e.message}); files already written are complete, the rest were left as they were` }));
    return 2;
  }
  summarize(ingestReport, all, run, changed.length + stale.length);
  return exitCode(all, run.strict);
}

/** What the cache keeps of a knowledge layer it saw written: the file's digest and the warnings that came with it. */
interface KnownKnowledge {
  digest: string;
  warnings: Diagnostic[];
}

function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Seeds and their sidecars (not yet read), sorted by path; undefined when the folder cannot be read. */
async function readSeeds(
  dir: string,
  shown: (p: string) => string,
  messages: Diagnostic[],
): Promise<{ found: FoundSeed[]; unreadable: string[] } | undefined> {
  const unreadable: string[] = [];
  // Regular files only: a symbolic link is reported, never followed (not even to a folder: Node's
  // recursive readdir would walk into it), and a FIFO or device would block a read forever.
  const files: string[] = [];
  const names: string[] = [];
  const walk = async (rel: string): Promise<boolean> => {
    let entries: Dirent[];
    try {
      entries = await readdir(rel === '' ? dir : join(dir, rel), { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const abs = join(dir, name);
      names.push(name);
      if (entry.isSymbolicLink()) {
        messages.push({ file: shown(abs), severity: 'warning', code: 'SL105', message: 'symbolic links are not followed; copy the file into the seeds folder' });
      } else if (entry.isDirectory()) {
        if (!(await walk(name))) {
          messages.push({ file: shown(abs), severity: 'error', code: 'SL109', message: 'the folder cannot be read; the entries of its seeds are kept' });
          unreadable.push(`${name}/`);
        }
      } else if (entry.isFile()) files.push(name);
      else messages.push({ file: shown(abs), severity: 'warning', code: 'SL101', message: 'not a regular file (a pipe, socket or device); not read' });
    }
    return true;
  };
  if (!(await walk(''))) {
    messages.push({ file: shown(dir), severity: 'error', code: 'SL001', message: 'cannot read the seeds folder' });
    return undefined;
  }
  files.sort();
  const sidecars = new Set(files.filter((n) => n.endsWith(SIDECAR_SUFFIX)));
  const seeds = files.filter((n) => !sidecars.has(n));
  const sidecarOf = (name: string): string => {
    const slash = name.lastIndexOf('/');
    return name.slice(0, slash + 1) + sidecarNameFor(name.slice(slash + 1));
  };
  const claimed = new Set(names.filter((n) => !n.endsWith(SIDECAR_SUFFIX)).map(sidecarOf));
  for (const name of sidecars) {
    if (!claimed.has(name)) {
      messages.push({ file: shown(join(dir, name)), severity: 'warning', code: 'SL203', message: `no seed named ${name.slice(0, -SIDECAR_SUFFIX.length)}.* stands beside this sidecar` });
    }
  }

  const found = seeds.map((name) => {
    const sidecarName = sidecarOf(name);
    return { path: name, abs: join(dir, name), ...(sidecars.has(sidecarName) ? { sidecar: { path: sidecarName, abs: join(dir, sidecarName) } } : {}) };
  });
  return { found, unreadable };
}

interface FoundSeed {
  path: string;
  abs: string;
  sidecar?: { path: string; abs: string };
}

/**
 * A seed's bytes and its sidecar's, read when its turn comes (so the run
 * holds one seed's bytes at a time); undefined, with SL109, when they cannot be read.
 */
async function readSeed(seed: FoundSeed, shown: (p: string) => string, messages: Diagnostic[]): Promise<SeedInput | undefined> {
  try {
    const input: SeedInput = { path: seed.path, file: shown(seed.abs), ...readLimited(seed.abs) };
    if (seed.sidecar) input.sidecar = { path: seed.sidecar.path, file: shown(seed.sidecar.abs), ...readLimited(seed.sidecar.abs) };
    return input;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    messages.push({ file: shown(seed.abs), severity: 'error', code: 'SL109', message: `the file cannot be read (${code}); its entry, if any, is kept` });
    return undefined;
  }
}

/**
 * A file's bytes, or only its size when it is too large to read (the pipeline refuses it on its size).
 * Read synchronously: seeds are small regular files, and a thread-pool round trip per file was half
 * the time of a re-ingest with nothing to do.
 */
function readLimited(path: string): { bytes: Uint8Array; size?: number } {
  const { size } = statSync(path);
  if (size > MAX_SEED_BYTES) return { bytes: new Uint8Array(0), size };
  return { bytes: readFileSync(path) };
}

interface ExistingEntry {
  content: string;
  /** The seed path its front matter names (parsed on demand: most entries are simply rewritten or kept). */
  seed: () => string | undefined;
}

async function readExisting(dir: string): Promise<Map<string, ExistingEntry>> {
  const map = new Map<string, ExistingEntry>();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return map;
  }
  for (const name of names) {
    // Synchronously, as `readLimited` reads seeds.
    const content = readFileSync(join(dir, name), 'utf8');
    const seed = (): string | undefined => {
      try {
        const source = readContentFile(content).data['source'] as { path?: unknown } | undefined;
        return typeof source?.path === 'string' ? source.path : undefined;
      } catch {
        return undefined;
      }
    };
    map.set(name, { content, seed });
  }
  return map;
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

/**
 * Writes beside the target, then renames over it, so a reader (or a run
 * killed half-way) never sees half a file: rename replaces the old file in one
 * step. The temporary file is removed when the write fails.
 */
async function writeAtomic(path: string, content: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
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
  entry: { id: string; data: { source: { path: string }; blocks: readonly (readonly [number, number])[]; headlineLines: readonly number[] } } | undefined,
  seedsDir: string,
  knowledgePath: string,
  shown: (abs: string) => string,
): Diagnostic {
  const line = entry === undefined || p.paragraph === undefined ? undefined : p.paragraph === 0 ? entry.data.headlineLines[0] : entry.data.blocks[p.paragraph - 1]?.[0];
  const where = entry === undefined ? '' : ` (article ${entry.id}${p.paragraph === undefined ? '' : p.paragraph === 0 ? ', headline' : `, paragraph ${p.paragraph}`})`;
  return {
    file: shown(entry === undefined ? knowledgePath : join(seedsDir, entry.data.source.path)),
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
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ...(process.env['STORYLINE_STRICT'] === undefined ? {} : { strictEnv: process.env['STORYLINE_STRICT'] }),
  });
}
