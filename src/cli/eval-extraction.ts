/**
 * Extraction benchmark, two ways:
 *
 *   npm run eval:extraction [-- --cases DIR]
 *   npm run eval:extraction -- --dataset DIR [--case NAME]... [--json] [--today YYYY-MM-DD] [--date-labels FILE] [--site-labels FILE]
 *
 * `--dataset` reads a folder laid out like `../shared/datasets/readability-pages`
 * (`<case>/source.html`, `expected.html`, `expected-metadata.json`) and prints
 * one row for each of the HTML path (Storyline, Readability alone) and the
 * text path (Storyline on a text dump of the page, the raw dump itself):
 * pages, failures, 4-gram shingle body P/R/F1, headline, date and site name.
 * The scoring and its rules are in src/lib/eval/extraction-*.ts; `today`
 * defaults to a fixed day so the output does not depend on the clock.
 * `--date-labels FILE` scores dates against human date labels instead of the
 * reference's `publishedTime` (see `DateLabelFile`); it defaults to
 * tests/eval-labels/<dataset folder name>-dates.json when that file exists.
 * `--site-labels FILE` does the same for site names on the pages it labels
 * (see `SiteLabelFile`), defaulting to tests/eval-labels/<name>-sites.json. Exits
 * 2 on a bad command line or a missing dataset, else 0.
 *
 * `--cases` (the default, over tests/extraction/<case>/ with page.html and
 * gold.json) reads body text and metadata by Mozilla Readability alone
 * against what the Storyline ingest makes of the same page, as follows.
 *
 * Body: token-level precision, recall and F1 (lower-cased runs of letters and
 * digits, compared as multisets) against the gold body. The gold body is what
 * a reader should read as the article: its paragraphs, internal subheadings,
 * list items and quoted paragraphs, in order. It leaves out the headline, the
 * standfirst (dek), captions and photo credits, bylines and datelines, and
 * every widget, appeal and label. Each side is scored on the text it hands its
 * users as the article body:
 * - Readability: `textContent` of its article, as its users get it (it
 *   includes whatever captions, deks and widgets Readability kept);
 * - Storyline: the entry's Markdown body (paragraphs and subheadings; the
 *   headline, standfirst, captions and credits are front matter, not body),
 *   read back to plain text so Markdown escapes do not count as words.
 *
 * Metadata: a publisher is right when it matches the gold name up to case,
 * quotes and spacing; a date when it is the gold calendar date. Readability's
 * `publishedTime` is cut to its first ten characters when it starts with
 * YYYY-MM-DD (the reading most generous to it).
 *
 * Until the pipeline reads .html seeds (it answers SL101), the Storyline side
 * runs the same stages on the extraction itself: extractHtml, then
 * boilerplate, headline, repeats and structure, keeping paragraphs and
 * headings. The output says which path was used.
 *
 * `--cases` always exits 0: it measures, it does not judge.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { findBoilerplate } from '../lib/ingest/boilerplate.ts';
import { findRepeats } from '../lib/ingest/dedupe.ts';
import { findHeadline } from '../lib/ingest/headline.ts';
import { extractHtml } from '../lib/ingest/html.ts';
import { foldKey } from '../lib/ingest/normalize.ts';
import { ingestSeed } from '../lib/ingest/pipeline.ts';
import { classify } from '../lib/ingest/structure.ts';
import { dateLabels, evaluateCase, formatTable, imageLine, siteLabels, summarise, type CaseResult, type DatasetCase, type DateLabelFile, type ReferenceMetadata, type SiteLabelFile } from '../lib/eval/extraction-dataset.ts';

interface Gold {
  body: string[];
  publisher?: string;
  published?: string;
}

interface Side {
  body: string;
  publisher: string | undefined;
  published: string | undefined;
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function score(predicted: string, gold: string): Score {
  const want = new Map<string, number>();
  for (const t of tokens(gold)) want.set(t, (want.get(t) ?? 0) + 1);
  const got = tokens(predicted);
  let overlap = 0;
  for (const t of got) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      want.set(t, n - 1);
    }
  }
  const goldCount = tokens(gold).length;
  const precision = got.length === 0 ? 0 : overlap / got.length;
  const recall = goldCount === 0 ? 0 : overlap / goldCount;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function readabilityAlone(html: string): Side {
  const doc = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
  const article = new Readability(doc).parse();
  const time = article?.publishedTime ?? '';
  return {
    body: article?.textContent ?? '',
    publisher: article?.siteName ?? undefined,
    published: /^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : undefined,
  };
}

function storyline(html: string, file: string): Side & { path: 'pipeline' | 'stages' } {
  const result = ingestSeed({ path: 'page.html', file, bytes: new TextEncoder().encode(html) });
  if (!result.messages.some((m) => m.code === 'SL101')) {
    const tree = fromMarkdown(result.body ?? '');
    return {
      path: 'pipeline',
      body: tree.children.map((node) => toString(node)).join('\n'),
      publisher: result.article?.publisher.name,
      published: result.article?.published.date,
    };
  }
  const page = extractHtml(html, file);
  const blocks = page.blocks;
  const gone = new Set(findBoilerplate(blocks).map((hit) => hit.index));
  const alive = (): number[] => blocks.map((_, i) => i).filter((i) => !gone.has(i));
  const headline = findHeadline(blocks, alive());
  for (const i of headline?.occurrences ?? []) if (i !== headline?.index) gone.add(i);
  for (const i of findRepeats(blocks, alive())) gone.add(i);
  const kinds = classify(blocks, alive(), headline?.index);
  const body = alive().filter((i) => i !== headline?.index && ['paragraph', 'heading'].includes(kinds.get(i) ?? ''));
  return {
    path: 'stages',
    body: body.map((i) => blocks[i]!.text).join('\n'),
    publisher: page.publisher?.value,
    published: page.published?.value,
  };
}

/** The `--cases` benchmark over `dir` (see the module comment). */
function runCases(dir: string, io: EvalExtractionIo): number {
  const cases = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  if (cases.length === 0) {
    io.out(`no cases in ${dir}`);
    return 0;
  }

  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  const mark = (got: string | undefined, want: string | undefined, same: (a: string, b: string) => boolean): { ok: boolean; text: string } => {
    const ok = got !== undefined && want !== undefined && same(got, want);
    return { ok, text: `${ok ? '✓' : '✗'} ${got ?? '—'}` };
  };
  const sameName = (a: string, b: string): boolean => foldKey(a) === foldKey(b);
  const sameDate = (a: string, b: string): boolean => a === b;

  const rows: string[][] = [];
  const totals = { rF1: 0, oF1: 0, rPub: 0, oPub: 0, rDate: 0, oDate: 0 };
  const paths = new Set<string>();
  for (const name of cases) {
    const html = readFileSync(join(dir, name, 'page.html'), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, name, 'gold.json'), 'utf8')) as Gold;
    const goldText = gold.body.join('\n');
    const r = readabilityAlone(html);
    const o = storyline(html, join(dir, name, 'page.html'));
    paths.add(o.path);
    const rs = score(r.body, goldText);
    const os = score(o.body, goldText);
    const rPub = mark(r.publisher, gold.publisher, sameName);
    const oPub = mark(o.publisher, gold.publisher, sameName);
    const rDate = mark(r.published, gold.published, sameDate);
    const oDate = mark(o.published, gold.published, sameDate);
    totals.rF1 += rs.f1;
    totals.oF1 += os.f1;
    totals.rPub += Number(rPub.ok);
    totals.oPub += Number(oPub.ok);
    totals.rDate += Number(rDate.ok);
    totals.oDate += Number(oDate.ok);
    rows.push([
      name,
      `${pct(rs.precision)} ${pct(rs.recall)} ${pct(rs.f1)}`,
      `${pct(os.precision)} ${pct(os.recall)} ${pct(os.f1)}`,
      `${rPub.text} / ${oPub.text}`,
      `${rDate.text} / ${oDate.text}`,
    ]);
  }

  const header = ['case', 'Readability P     R    F1', 'Storyline P     R    F1', 'publisher: Readability / Storyline', 'published: Readability / Storyline'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const n = cases.length;
  io.out(`Storyline side: ${[...paths].map((p) => (p === 'pipeline' ? 'ingestSeed (full pipeline)' : 'extractHtml + boilerplate/headline/repeats/structure stages (the pipeline does not read .html yet)')).join('; ')}`);
  io.out(line(header));
  io.out(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) io.out(line(row));
  io.out('');
  io.out(`mean body F1:      Readability ${pct(totals.rF1 / n)}   Storyline ${pct(totals.oF1 / n)}`);
  io.out(`publisher correct: Readability ${totals.rPub}/${n}   Storyline ${totals.oPub}/${n}`);
  io.out(`published correct: Readability ${totals.rDate}/${n}   Storyline ${totals.oDate}/${n}`);
  return 0;
}

/** Where the command writes, and where it runs from. */
export interface EvalExtractionIo {
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Milliseconds from some fixed point, for the run time printed under the table. */
  now?: () => number;
}

/** The day the ingest is told it is, unless `--today` says otherwise. */
export const DEFAULT_TODAY = '2026-01-01';

const USAGE = 'usage: npm run eval:extraction -- [--cases DIR] | --dataset DIR [--case NAME]... [--json] [--today YYYY-MM-DD] [--date-labels FILE] [--site-labels FILE]';

/** What `--dataset --json` prints. */
export interface ExtractionDatasetReport {
  dataset: string;
  today: string;
  /** The date-label file scored against, when one was. */
  dateLabels?: string;
  /** The site-label file scored against, when one was. */
  siteLabels?: string;
  summary: ReturnType<typeof summarise>;
  cases: CaseResult[];
}

/** The case folders of `dataset` (those with a `source.html`), or only those named in `only`; throws a message when there are none. */
function findCases(dataset: string, only: readonly string[] | undefined): string[] {
  if (!existsSync(dataset)) throw new Error(`eval:extraction: no dataset at ${dataset}`);
  const all = readdirSync(dataset, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dataset, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  if (only !== undefined) {
    const missing = only.filter((name) => !all.includes(name));
    if (missing.length > 0) throw new Error(`eval:extraction: no case ${missing.map((m) => `"${m}"`).join(', ')} in ${dataset}`);
    return [...new Set(only)];
  }
  if (all.length === 0) throw new Error(`eval:extraction: no <case>/source.html in ${dataset}`);
  return all;
}

async function runDataset(dataset: string, shown: string, only: readonly string[] | undefined, json: boolean, today: string, labelFile: string | undefined, siteFile: string | undefined, io: EvalExtractionIo): Promise<number> {
  let names: string[];
  let labels: Map<string, string | null> | undefined;
  let sites: Map<string, string[] | null> | undefined;
  try {
    names = findCases(dataset, only);
    if (labelFile !== undefined) labels = dateLabels(JSON.parse(readFileSync(labelFile, 'utf8')) as DateLabelFile);
    if (siteFile !== undefined) sites = siteLabels(JSON.parse(readFileSync(siteFile, 'utf8')) as SiteLabelFile);
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  const started = io.now?.();
  const cases: CaseResult[] = [];
  for (const name of names) {
    const folder = join(dataset, name);
    const metadataFile = join(folder, 'expected-metadata.json');
    const metadata = existsSync(metadataFile) ? (JSON.parse(readFileSync(metadataFile, 'utf8')) as ReferenceMetadata) : {};
    const expectedFile = join(folder, 'expected.html');
    const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '';
    const page: DatasetCase = { name, source: readFileSync(join(folder, 'source.html'), 'utf8'), expected, metadata };
    if (labels?.has(name) === true) page.dateLabel = labels.get(name) ?? null;
    if (sites?.has(name) === true) page.siteLabel = sites.get(name) ?? null;
    cases.push(evaluateCase(page, today));
    // jsdom frees a closed window's memory only once the event loop turns.
    await new Promise((done) => setImmediate(done));
  }
  const summary = summarise(cases);
  if (json) {
    const report: ExtractionDatasetReport = { dataset: shown, today, summary, cases };
    if (labelFile !== undefined) report.dateLabels = labelFile;
    if (siteFile !== undefined) report.siteLabels = siteFile;
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(`eval:extraction on ${shown}: ${cases.length} page${cases.length === 1 ? '' : 's'}, today = ${today}${labelFile === undefined ? '' : `, dates against ${labelFile}`}${siteFile === undefined ? '' : `, site names against ${siteFile}`}`);
  io.out(formatTable(summary));
  io.out(imageLine(cases));
  if (started !== undefined) io.out(`time: ${((io.now!() - started) / 1000).toFixed(1)} s`);
  const failures = cases.flatMap((c) => (['html-storyline', 'text-storyline'] as const).filter((s) => c.systems[s].failed).map((s) => `${c.case} (${s}: ${c.systems[s].reason ?? 'failed'})`));
  if (failures.length > 0) io.out(`failed: ${failures.join('; ')}`);
  return 0;
}

/** Runs the benchmark with command-line `argv`; resolves to the exit code. */
export async function runEvalExtraction(argv: readonly string[], io: EvalExtractionIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        cases: { type: 'string' },
        dataset: { type: 'string' },
        case: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        today: { type: 'string' },
        'date-labels': { type: 'string' },
        'site-labels': { type: 'string' },
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
    if (args.case !== undefined || args.json || args.today !== undefined || args['date-labels'] !== undefined || args['site-labels'] !== undefined) {
      io.err(`--case, --json, --today, --date-labels and --site-labels go with --dataset\n${USAGE}`);
      return 2;
    }
    return runCases(resolve(io.cwd, args.cases ?? 'tests/extraction'), io);
  }
  if (args.cases !== undefined) {
    io.err(`--cases and --dataset are two different benchmarks: give one\n${USAGE}`);
    return 2;
  }
  const today = args.today ?? DEFAULT_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    io.err(`--today must be a date written YYYY-MM-DD, not "${today}"\n${USAGE}`);
    return 2;
  }
  const dataset = resolve(io.cwd, args.dataset);
  const defaultLabels = resolve(io.cwd, 'tests/eval-labels', `${basename(dataset)}-dates.json`);
  const labelFile = args['date-labels'] !== undefined ? resolve(io.cwd, args['date-labels']) : existsSync(defaultLabels) ? defaultLabels : undefined;
  const defaultSites = resolve(io.cwd, 'tests/eval-labels', `${basename(dataset)}-sites.json`);
  const siteFile = args['site-labels'] !== undefined ? resolve(io.cwd, args['site-labels']) : existsSync(defaultSites) ? defaultSites : undefined;
  return runDataset(dataset, args.dataset, args.case, args.json, today, labelFile, siteFile, io);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runEvalExtraction(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    now: () => performance.now(),
  });
}
