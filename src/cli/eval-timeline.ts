/**
 * `npm run eval:timeline -- --dataset DIR [--topic NAME] [--json] [--cache]`
 *
 * Measures the timelines Storyline builds against journalists' timelines.
 * DIR holds one folder per topic, laid out like shared/datasets/t17-dev:
 * `<topic>/seeds/` (seeds with `.meta.yaml` sidecars) and `<topic>/truth.json`
 * (`{ timelines: [{ name, events: [{ date, text }] }] }`). For each topic the
 * ingest runs in-process (`runIngest`) into a temporary folder, then
 * knowledge.json and the articles it wrote are read and scored (see
 * src/lib/eval/): Date-F1 and ROUGE-1 (agreement) of `keyDates` and of the
 * publication-count baseline against each reference timeline, their mean,
 * event incoherence and the size of the knowledge layer. The temporary
 * folder is removed afterwards; nothing is written into the project.
 *
 * The ingest runs with --no-cache, so its time is a cold run's; `--cache`
 * reuses per-seed results kept under the system's temporary folder
 * (`storyline-eval-timeline-cache`), for quick reruns.
 *
 * Prints a table, or with --json one JSON object (`TimelineReport`).
 * Progress goes to stderr. Exit codes: 0 done; 1 the ingest failed or wrote
 * something unreadable; 2 bad command line, or a dataset folder or topic
 * that is missing or not laid out as above.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readContentFile } from '../lib/ingest/markdown.ts';
import { knowledgeSchema } from '../lib/knowledge/knowledge.ts';
import { articleSchema, ingestReportSchema } from '../lib/schema.ts';
import { leadSentence, type BaselineArticle } from '../lib/eval/timeline-metrics.ts';
import { evaluateTopic, formatReport, summarise, type ReferenceTimeline, type TopicResult } from '../lib/eval/timeline-report.ts';
import { localToday, runIngest } from './ingest.ts';

const USAGE = 'usage: npm run eval:timeline -- --dataset DIR [--topic NAME] [--json] [--cache]';
const CACHE_DIR = 'storyline-eval-timeline-cache';

/** truth.json: only what the evaluation reads; other fields are allowed. */
const truthSchema = z.object({
  timelines: z
    .array(
      z.object({
        name: z.string().min(1),
        events: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), text: z.string() })).min(1),
      }),
    )
    .min(1),
});

/** Where the command runs and prints; the CLI passes the process's own. */
export interface EvalTimelineIo {
  /** Folder relative paths are taken from. */
  cwd: string;
  /** Today, `YYYY-MM-DD`: passed to the ingest as --today. */
  today: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A failure with its exit code and message. */
class Stop extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

/** Runs the evaluation with command-line `argv`; resolves to the exit code. */
export async function runEvalTimeline(argv: readonly string[], io: EvalTimelineIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        dataset: { type: 'string' },
        topic: { type: 'string' },
        json: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: false },
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
  if (args.dataset === undefined) {
    io.err(`--dataset DIR is required\n${USAGE}`);
    return 2;
  }
  try {
    const dataset = resolve(io.cwd, args.dataset);
    const topics = findTopics(dataset, args.topic);
    const results: TopicResult[] = [];
    for (const topic of topics) results.push(await evaluateFolder(dataset, topic, io, args.cache));
    const report = summarise(args.dataset, io.today, results);
    io.out(args.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  } catch (error) {
    if (error instanceof Stop) {
      io.err(error.message);
      return error.code;
    }
    throw error;
  }
}

/** The topic folders of a dataset (each with `seeds/` and `truth.json`), sorted; only `only` when given. */
function findTopics(dataset: string, only: string | undefined): string[] {
  if (!existsSync(dataset) || !statSync(dataset).isDirectory()) throw new Stop(2, `eval:timeline: no dataset folder at ${dataset}\n${USAGE}`);
  const isTopic = (name: string): boolean => existsSync(join(dataset, name, 'truth.json')) && existsSync(join(dataset, name, 'seeds'));
  const topics = readdirSync(dataset, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isTopic(d.name))
    .map((d) => d.name)
    .sort();
  if (only !== undefined) {
    if (!topics.includes(only)) throw new Stop(2, `eval:timeline: no topic "${only}" in ${dataset} (topics: ${topics.join(', ') || 'none'})`);
    return [only];
  }
  if (topics.length === 0) throw new Stop(2, `eval:timeline: ${dataset} has no topic folder (<topic>/seeds/ and <topic>/truth.json)`);
  return topics;
}

/** The reference timelines of a topic's truth.json. */
function readTruth(file: string): ReferenceTimeline[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Stop(2, `eval:timeline: ${file} is not readable JSON (${(error as Error).message})`);
  }
  const parsed = truthSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Stop(2, `eval:timeline: ${file}: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'not valid'}`);
  }
  return parsed.data.timelines;
}

/** Ingests one topic into a temporary folder, scores what it wrote, and removes the folder. */
async function evaluateFolder(dataset: string, topic: string, io: EvalTimelineIo, cache: boolean): Promise<TopicResult> {
  const references = readTruth(join(dataset, topic, 'truth.json'));
  const out = mkdtempSync(join(tmpdir(), `storyline-eval-${topic}-`));
  try {
    const seedsDir = join(dataset, topic, 'seeds');
    const cacheArgs = cache ? ['--cache', join(tmpdir(), CACHE_DIR)] : ['--no-cache'];
    const said: string[] = [];
    io.err(`eval:timeline: ${topic}: ingesting ${seedsDir}…`);
    const started = performance.now();
    const code = await runIngest(['--seeds', seedsDir, '--out', out, ...cacheArgs, '--today', io.today], { cwd: io.cwd, today: io.today, out: (l) => said.push(l), err: (l) => said.push(l) });
    const ingestSeconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Stop(1, `eval:timeline: ${topic}: the ingest exited ${code}:\n${said.slice(-20).join('\n')}`);
    const knowledge = readKnowledge(join(out, 'knowledge.json'), topic);
    const articles = readArticles(join(out, 'articles'), topic);
    const seeds = readSeedTotals(join(out, 'ingest-report.json'), topic);
    io.err(`eval:timeline: ${topic}: ${articles.length} articles (${seeds.failed} ${seeds.failed === 1 ? 'seed' : 'seeds'} failed), ${knowledge.events.length} events in ${ingestSeconds.toFixed(1)} s`);
    return evaluateTopic({ topic, references, knowledge, articles, seeds, ingestSeconds, cached: cache });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function readKnowledge(file: string, topic: string): z.infer<typeof knowledgeSchema> {
  const parsed = knowledgeSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Stop(1, `eval:timeline: ${topic}: knowledge.json does not match its schema (${parsed.error.issues[0]?.message ?? 'not valid'})`);
  return parsed.data;
}

/** How many seeds the ingest read and how many failed, from its report. */
function readSeedTotals(file: string, topic: string): { read: number; failed: number } {
  const parsed = ingestReportSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Stop(1, `eval:timeline: ${topic}: ingest-report.json does not match its schema`);
  return { read: parsed.data.totals.seeds, failed: parsed.data.totals.failed };
}

/** What the baseline reads of each written article. */
function readArticles(dir: string, topic: string): BaselineArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const { data, body } = readContentFile(readFileSync(join(dir, f), 'utf8'));
      const parsed = articleSchema.safeParse(data);
      if (!parsed.success) throw new Stop(1, `eval:timeline: ${topic}: articles/${f} does not match its schema`);
      const article = { id: f.replace(/\.md$/, ''), data: parsed.data, body };
      return { id: article.id, published: parsed.data.published.date, words: parsed.data.words, lead: leadSentence(article) };
    });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runEvalTimeline(process.argv.slice(2), {
    cwd: process.cwd(),
    today: localToday(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
