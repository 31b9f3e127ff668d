/**
 * `node src/cli/gen-corpus.ts --size N --out DIR [--seed S] [--markdown DIR] [--json]`
 *
 * Writes the benchmark corpus (`src/lib/bench/corpus.ts`): N raw scrapes
 * `<stem>.txt` and, for about a third of them, sidecars `<stem>.meta.yaml`,
 * into DIR, ready for `npm run ingest -- --seeds DIR`. With `--markdown`, also
 * the same articles as clean Markdown with a `title` (one `<stem>.md` each),
 * for a plain Astro site to build as a baseline.
 *
 * The output folders must be new or empty, so a corpus is never mixed with
 * other files. Articles are made and written a few at a time: memory stays
 * flat at any size. Prints a summary (with `--json`, one JSON object: the
 * counts, the seed, the corpus version and a frequent one-word query).
 *
 * Exit codes: 0 written; 2 bad command line or an output folder not empty.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { baselineMarkdown, CORPUS_VERSION, DEFAULT_SEED, emptyStats, frequentWord, generateCorpus, planCorpus, tally, type GeneratedArticle } from '../lib/bench/corpus.ts';

const USAGE = 'usage: node src/cli/gen-corpus.ts --size N --out DIR [--seed S] [--markdown DIR] [--json]';
/** Files in flight at once: enough to keep the disk busy, few enough to hold nothing large. */
const BATCH = 64;

async function emptyOrNew(dir: string): Promise<boolean> {
  const names = await readdir(dir).catch(() => []);
  return names.length === 0;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        size: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        markdown: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const size = Number(args.size);
  const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(seed) || args.out === undefined) {
    console.error(`--size must be a positive integer, --seed an integer, and --out is required\n${USAGE}`);
    return 2;
  }
  const out = resolve(args.out);
  const markdown = args.markdown === undefined ? undefined : resolve(args.markdown);
  for (const dir of [out, ...(markdown ? [markdown] : [])]) {
    if (!(await emptyOrNew(dir))) {
      console.error(`${dir} is not empty: give a new or empty folder`);
      return 2;
    }
    await mkdir(dir, { recursive: true });
  }

  const started = performance.now();
  const plan = planCorpus(size, seed);
  const stats = emptyStats(plan);
  const write = async (a: GeneratedArticle): Promise<void> => {
    await writeFile(join(out, a.fileName), a.text);
    if (a.sidecar) await writeFile(join(out, a.sidecar.fileName), a.sidecar.text);
    if (markdown) await writeFile(join(markdown, `${a.stem}.md`), baselineMarkdown(a));
  };
  let batch: Promise<void>[] = [];
  for (const article of generateCorpus(plan)) {
    tally(stats, article);
    batch.push(write(article));
    if (batch.length >= BATCH) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);

  const summary = { corpusVersion: CORPUS_VERSION, seed, out, ...(markdown ? { markdown } : {}), ...stats, query: frequentWord(plan), ms: Math.round(performance.now() - started) };
  if (args.json) console.log(JSON.stringify(summary));
  else {
    const k = stats.kinds;
    console.log(
      `gen-corpus: ${stats.articles} articles (${k.original} first reports, ${k.rewrite} rewrites, ${k['wire-copy']} wire copies, ${k['near-duplicate']} near-duplicates, ${k.duplicate} duplicates) ` +
        `in ${stats.stories} stories, ${stats.sidecars} sidecars, ${(stats.bytes / 1e6).toFixed(1)} MB, seed ${seed}, into ${out}${markdown ? ` and ${markdown}` : ''}`,
    );
  }
  return 0;
}

process.exitCode = await main();
