/**
 * `npm run ingest [-- --seeds DIR --out DIR --check --json --strict]`
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
 * Exit codes: 0 all good; 1 some seed had an error (the others were written),
 * or a warning under --strict; 2 bad command line; 3 --check found content
 * out of date.
 */
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { buildReport, ingestCorpus, type SeedInput } from '../lib/ingest/pipeline.ts';
import { articleSchema, type IngestReport } from '../lib/schema.ts';
import { buildKnowledge, knowledgeSchema } from '../lib/knowledge/knowledge.ts';
import { ENTITY_EDITOR_FILE, TOPIC_EDITOR_FILE, parseEntityEditor, parseTopicEditor } from '../lib/knowledge/editor.ts';
import { readContentFile } from '../lib/ingest/markdown.ts';
import { SIDECAR_SUFFIX, sidecarNameFor } from '../lib/ingest/sidecar.ts';

/** The ingest report's file name in the output folder. */
const REPORT_NAME = 'ingest-report.json';
/** The knowledge layer's file name in the output folder. */
const KNOWLEDGE_NAME = 'knowledge.json';

const USAGE = 'usage: npm run ingest -- [--seeds DIR] [--out DIR] [--check] [--json] [--strict]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        seeds: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'content' },
        check: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
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
  const seedsDir = resolve(args.seeds);
  const outDir = resolve(args.out);
  const articlesDir = join(outDir, 'articles');
  // Paths as the user typed them: relative to where they stand, or absolute when outside it.
  const shown = (abs: string): string => {
    const rel = relative(process.cwd(), abs);
    return (rel.startsWith('..') ? abs : rel).split(sep).join('/') || '.';
  };

  const messages: Diagnostic[] = [];
  const inputs = await readSeeds(seedsDir, shown, messages);
  if (inputs === undefined) {
    console.error(messages.map(formatDiagnostic).join('\n'));
    return 2;
  }
  const corpus = ingestCorpus(inputs);
  messages.push(...corpus.messages);
  const corpusMessages = [...messages.filter((m) => !corpus.messages.includes(m))];

  // Existing entries, by the seed they name, so a failed seed keeps its entry.
  const existing = await readExisting(articlesDir);
  const failed = new Set(corpus.results.filter((r) => !r.article).map((r) => r.input.path));
  const wanted = new Map(corpus.files.map((f) => [f.path.slice('articles/'.length), f.content]));
  for (const [name, entry] of existing) {
    if (!wanted.has(name) && entry.seed !== undefined && failed.has(entry.seed)) {
      wanted.set(name, entry.content);
      corpusMessages.push({ file: shown(join(articlesDir, name)), severity: 'info', code: 'SL401', message: `kept as it was, because seeds/${entry.seed} failed` });
    }
  }
  const stale = [...existing.keys()].filter((name) => !wanted.has(name));
  for (const name of stale) {
    corpusMessages.push({ file: shown(join(articlesDir, name)), severity: 'info', code: 'SL402', message: 'removed: its seed is gone' });
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
  const knowledge = buildKnowledge(
    [...wanted].map(([name, content]) => {
      const { data, body } = readContentFile(content);
      return { id: name.replace(/\.md$/, ''), data: articleSchema.parse(data), body };
    }),
    { ...(editor?.editor ? { entities: editor.editor } : {}), ...(topics?.editor ? { topics: topics.editor } : {}) },
  );
  for (const warning of knowledge.entities.warnings) corpusMessages.push({ file: shown(editorPath), severity: 'warning', code: 'SL503', message: warning });
  for (const warning of knowledge.stories.warnings) corpusMessages.push({ file: shown(topicsPath), severity: 'warning', code: 'SL503', message: warning });
  const knowledgeText = `${JSON.stringify(knowledgeSchema.parse(knowledge), null, 2)}\n`;
  const knowledgePath = join(outDir, KNOWLEDGE_NAME);
  const oldKnowledge = await readFile(knowledgePath, 'utf8').catch(() => undefined);

  const ingestReport = buildReport(corpus, corpusMessages);
  const reportText = `${JSON.stringify(ingestReport, null, 2)}\n`;
  const reportPath = join(outDir, REPORT_NAME);
  const oldReport = await readFile(reportPath, 'utf8').catch(() => undefined);
  const changed = [...wanted].filter(([name, content]) => existing.get(name)?.content !== content).map(([name]) => name);
  const all = [...corpus.messages, ...corpusMessages];

  if (args.check) {
    const problems = [
      ...changed.map((n) => `${shown(join(articlesDir, n))}: ${existing.has(n) ? 'out of date' : 'missing'}`),
      ...stale.map((n) => `${shown(join(articlesDir, n))}: no seed produces it any more`),
      ...(oldReport === reportText ? [] : [`${shown(reportPath)}: out of date`]),
      ...(oldKnowledge === knowledgeText ? [] : [`${shown(knowledgePath)}: out of date`]),
    ];
    summarize(ingestReport, all, args.json, 0);
    if (problems.length > 0) {
      console.error(`${problems.join('\n')}\n${shown(outDir)}/ is stale: run \`npm run ingest\``);
      return 3;
    }
    return exitCode(all, args.strict);
  }

  await mkdir(articlesDir, { recursive: true });
  for (const name of changed) await writeAtomic(join(articlesDir, name), wanted.get(name)!);
  for (const name of stale) await rm(join(articlesDir, name));
  if (oldReport !== reportText) await writeAtomic(reportPath, reportText);
  if (oldKnowledge !== knowledgeText) await writeAtomic(knowledgePath, knowledgeText);
  summarize(ingestReport, all, args.json, changed.length + stale.length);
  return exitCode(all, args.strict);
}

/** Seeds and their sidecars, sorted by path; undefined when the folder cannot be read. */
async function readSeeds(dir: string, shown: (p: string) => string, messages: Diagnostic[]): Promise<SeedInput[] | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).map((n) => n.split(sep).join('/')).sort();
  } catch {
    messages.push({ file: shown(dir), severity: 'error', code: 'SL001', message: 'cannot read the seeds folder' });
    return undefined;
  }
  const present = new Set(names);
  const inputs: SeedInput[] = [];
  for (const name of names) {
    const abs = join(dir, name);
    const base = name.split('/').pop()!;
    if (base.startsWith('.') || name.split('/').some((part) => part.startsWith('.'))) continue;
    const stat = await lstat(abs);
    if (stat.isDirectory()) continue;
    if (stat.isSymbolicLink()) {
      messages.push({ file: shown(abs), severity: 'warning', code: 'SL105', message: 'symbolic links are not followed; copy the file into the seeds folder' });
      continue;
    }
    if (name.endsWith(SIDECAR_SUFFIX)) {
      const stem = name.slice(0, -SIDECAR_SUFFIX.length);
      if (!names.some((n) => n !== name && sidecarNameFor(n) === name)) {
        messages.push({ file: shown(abs), severity: 'warning', code: 'SL203', message: `no seed named ${stem}.* stands beside this sidecar` });
      }
      continue;
    }
    const sidecarName = (name.includes('/') ? `${name.slice(0, name.lastIndexOf('/') + 1)}` : '') + sidecarNameFor(base);
    const input: SeedInput = { path: name, file: shown(abs), bytes: await readFile(abs) };
    if (present.has(sidecarName)) {
      const sidecarAbs = join(dir, sidecarName);
      input.sidecar = { path: sidecarName, file: shown(sidecarAbs), text: await readFile(sidecarAbs, 'utf8') };
    }
    inputs.push(input);
  }
  return inputs;
}

interface ExistingEntry {
  content: string;
  /** The seed path its front matter names. */
  seed: string | undefined;
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
    const content = await readFile(join(dir, name), 'utf8');
    let seed: string | undefined;
    try {
      const source = readContentFile(content).data['source'] as { path?: unknown } | undefined;
      seed = typeof source?.path === 'string' ? source.path : undefined;
    } catch {
      seed = undefined;
    }
    map.set(name, { content, seed });
  }
  return map;
}

/** Writes beside the target, then renames over it, so a reader never sees half a file. */
async function writeAtomic(path: string, content: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, content, 'utf8');
  await rename(temp, path);
}

/** Prints the messages and a one-line summary, or with --json one JSON object on stdout. */
function summarize(ingestReport: IngestReport, messages: Diagnostic[], json: boolean, written: number): void {
  const sorted = sortDiagnostics(messages);
  const t = ingestReport.totals;
  if (json) {
    const summary = { read: t.seeds, written, entries: t.entries, failed: t.failed, skipped: t.skipped, errors: t.errors, warnings: t.warnings, removals: t.removals, messages: sorted };
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  for (const m of sorted) (m.severity === 'info' ? console.log : console.error)(formatDiagnostic(m));
  const removed = Object.values(t.removals).reduce((a, b) => a + b, 0);
  console.log(
    `ingest: ${t.seeds} seeds read, ${t.entries} entries, ${written} files changed, ${removed} removals, ${t.failed} failed, ${t.skipped} skipped, ${t.errors} errors, ${t.warnings} warnings`,
  );
}

function exitCode(messages: Diagnostic[], strict: boolean): number {
  if (messages.some((m) => m.severity === 'error')) return 1;
  if (strict && messages.some((m) => m.severity === 'warning')) return 1;
  return 0;
}

process.exitCode = await main();
