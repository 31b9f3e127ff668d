/**
 * The bad inputs of docs/robustness.md, made for real in a temporary folder
 * and run through the ingest command in-process (`runIngest`), so the doc's
 * table is what a user sees, message for message. Used by
 * tests/unit/ingest-cli.test.ts (which checks the doc is up to date) and by
 * `node tests/update-robustness-doc.ts` (which rewrites the doc's table).
 */
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest, type IngestIo } from '../src/cli/ingest.ts';
import { articleSchema, type Article } from '../src/lib/schema.ts';
import { readContentFile } from '../src/lib/ingest/markdown.ts';

/** The `--today` every run here uses, so sidecar dates are judged against a fixed day. */
export const TODAY = '2025-12-31';

export interface CliRun {
  code: number;
  /** Every line printed, stdout and stderr, in order. */
  lines: string[];
  ms: number;
}

/** Runs the ingest command in `cwd` with `args`, capturing what it prints. */
export async function runCli(cwd: string, args: readonly string[], io: Partial<Pick<IngestIo, 'strictEnv' | 'knowledgeStages'>> = {}): Promise<CliRun> {
  const lines: string[] = [];
  const push = (text: string): void => {
    lines.push(...text.split('\n'));
  };
  const start = performance.now();
  const code = await runIngest(args, { cwd, today: TODAY, out: push, err: push, ...io });
  return { code, lines, ms: performance.now() - start };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `storyline-${prefix}-`));
}

/** A plain-text scrape: the headline, then one paragraph per line. */
export function scrape(headline: string, ...paragraphs: string[]): string {
  return `${headline}\n\n${paragraphs.join('\n\n')}\n`;
}

/** A plain-text article that is valid and unlike any other made with another `n`. */
export function tinyArticle(n: number | string, headline = `Council Approves Plan Number ${n}`): string {
  return scrape(headline, `The council approved plan ${n} on Monday after a long debate, officials said.`, `Work on plan ${n} starts in the spring.`);
}

/** Every file of a folder (recursive), by path relative to it, as bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else out.set(path, readFileSync(join(dir, path)));
    }
  };
  walk('');
  return out;
}

/** The entries of an output folder, validated, by file name. */
export function readEntries(outDir: string): Map<string, { data: Article; body: string }> {
  const dir = join(outDir, 'articles');
  const out = new Map<string, { data: Article; body: string }>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const { data, body } = readContentFile(readFileSync(join(dir, name), 'utf8'));
    out.set(name, { data: articleSchema.parse(data), body });
  }
  return out;
}

/** One bad input: what the user drops, the seed files that make it, and what the table says of it. */
export interface BadInput {
  /** What the user dropped, for the table. */
  input: string;
  /** Seed paths (relative to the seeds folder) whose messages are this case's. */
  files: string[];
  /** Extra words for the table's last column. */
  note?: string;
}

/** A valid article about a `place`, unlike any other made with another place. */
function variant(place: string): string {
  return scrape(`${place} Reopens After the Storm`, `The ${place.toLowerCase()} reopened on Monday after the storm, the port authority said.`, `Boats queued at the ${place.toLowerCase()} as the tide turned.`);
}

/** A 1x1 PNG image. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex');

/** A name with spaces, quotes and every shell metacharacter; the ingest never passes names to a shell. */
export const SHELL_NAME = `$(touch pwned) ; rm -rf ~ & 'quoted' "double" | *?[x] \`tick\`.txt`;

/**
 * Makes the bad-input corpus under `root/seeds` (plus a folder outside it,
 * `root/outside`, that symbolic links point to) and returns its cases.
 */
export function makeBadCorpus(root: string): BadInput[] {
  const seeds = join(root, 'seeds');
  const outside = join(root, 'outside');
  mkdirSync(seeds, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const cases: BadInput[] = [];
  /** Writes the files; the row shows the messages of `show` (default: every file that is not a sidecar, else the sidecar). */
  const add = (input: string, files: Record<string, string | Uint8Array>, options: { note?: string; show?: string[] } = {}): void => {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(seeds, name), content);
    const names = Object.keys(files);
    const seedsOnly = names.filter((n) => !n.endsWith('.meta.yaml'));
    cases.push({ input, files: options.show ?? (seedsOnly.length > 0 ? seedsOnly : names), ...(options.note ? { note: options.note } : {}) });
  };
  const sidecarCase = (input: string, stem: string, sidecar: string, note?: string): void =>
    add(input, { [`${stem}.txt`]: variant(stem), [`${stem}.meta.yaml`]: sidecar }, { show: [`${stem}.meta.yaml`], ...(note ? { note } : {}) });

  add('An empty file', { 'empty.txt': '' });
  add('A file of only spaces, tabs and blank lines', { 'blank.txt': ' \t\n\n   \r\n\u00a0\n' });
  add('A binary file (NUL bytes)', { 'binary.txt': new Uint8Array([0x53, 0x4c, 0x00, 0x01, 0x02, 0x00, 0xff]) });
  add('An image renamed `.txt`', { 'photo.txt': PNG });
  add('UTF-16 text without a byte-order mark', { 'utf16-no-bom.txt': Buffer.from('Storm Closes the Harbour Road\n\nThe road closed on Monday.\n', 'utf16le') });
  add('UTF-16 text with a byte-order mark', { 'utf16-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(variant('Dock'), 'utf16le')]) }, { note: 'read; `source.encoding: "utf-16le (BOM)"`' });
  add(
    'Windows-1252 or Latin-1 text',
    { 'windows-1252.txt': iconv.encode(scrape('Caf\u00e9 Reopens on the Quay', '\u201cWe lost \u20ac12,000 of stock,\u201d the owner, Ren\u00e9e Dupr\u00e9, said on Monday.', 'The harbour master said repairs would take until spring.'), 'windows-1252') },
    { note: 'read, with `source.encoding: "windows-1252"`' },
  );
  add('UTF-8 with a stray byte from another encoding', { 'damaged.txt': Buffer.concat([Buffer.from('Storm Closes the Harbour Road\n\nThe road\u2019s caf'), Buffer.from([0xe9]), Buffer.from(' stays shut.\n')]) });
  // Sparse: 50 MB as far as the file system says, no disk used; the ingest never reads it.
  add('A 50 MB file', { 'huge.txt': '' }, { note: 'refused on its size, before it is read' });
  truncateSync(join(seeds, 'huge.txt'), 50 * 1024 * 1024);
  add('A single line of 1 MB', { 'one-long-line.txt': `One Very Long Line\n\n${'The troops moved north on Tuesday and officials said nothing more about it. '.repeat(13_500)}\n` }, { note: 'refused on its word count (about 0.3 s)' });
  add('A file name with spaces', { 'a name with spaces.txt': variant('Marina') }, { note: 'read; the name is kept as it is' });
  add('A file name in Unicode', { 'ünïcödé – 記事.txt': variant('Quay') }, { note: 'read' });
  add('A file name with shell metacharacters', { [SHELL_NAME]: variant('Pier') }, { note: 'read; no shell ever sees the name' });
  add('A file name with a line break', { 'line\nbreak.txt': variant('Jetty') }, { note: 'read; the name is shown escaped' });
  writeFileSync(join(outside, 'secret.txt'), scrape('Secret Outside the Seeds Folder', 'This text must never be read by the ingest.'));
  symlinkSync(join(outside, 'secret.txt'), join(seeds, 'link-to-outside.txt'));
  cases.push({ input: 'A symbolic link to a file outside `seeds/`', files: ['link-to-outside.txt'], note: 'not read' });
  symlinkSync(outside, join(seeds, 'linked-folder'));
  cases.push({ input: 'A symbolic link to a folder outside `seeds/`', files: ['linked-folder'], note: 'not entered' });
  execFileSync('mkfifo', [join(seeds, 'pipe.txt')]);
  cases.push({ input: 'A named pipe (FIFO) or device', files: ['pipe.txt'], note: 'not read (reading would block)' });
  add('A file type the ingest does not read', { 'report.pdf': '%PDF-1.4\n' });
  add('A file with no extension', { README: 'notes\n' });
  sidecarCase('A sidecar that is not valid YAML', 'Canal', 'publisher: The Example Times\nnote: "unclosed\n');
  sidecarCase('A sidecar with an unknown field', 'Lock', 'publisher: The Example Times\nauthor: Jane Doe\n');
  sidecarCase('A sidecar date in the future', 'Wharf', 'published: 2031-08-22\n', `judged against \`--today\` (${TODAY} here)`);
  sidecarCase('A sidecar URL that is not http(s)', 'Dockyard', 'url: javascript:alert(document.cookie)\n');
  add('A sidecar with no seed beside it', { 'orphan.meta.yaml': 'publisher: The Example Times\n' });
  add(
    'Text that looks like markup: `<script>`, `<iframe>`, `onerror=`, `javascript:` links, Markdown links and images, `---`, `{{ }}`, `{ }`, `import` lines',
    {
      'markup.txt': scrape(
        'Markup in the Text Stays Text',
        'Attackers posted <script>alert(document.cookie)</script>, <iframe src="https://evil.example/"></iframe> and <img src=x onerror="alert(1)"> in a comment.',
        'A link [click](javascript:alert(2)) and an image ![pixel](https://evil.example/p.png) were shown as typed.',
        '---',
        'Template tags like {{ user.password }} and { like: this } were printed as typed.',
        "import Secret from './secret.astro'",
      ),
    },
    { note: 'read; escaped in the Markdown body, shown as text' },
  );
  add('Two seeds whose headlines give the same slug', { 'same-slug-a.txt': tinyArticle('A', 'Storm Hits the Coast'), 'same-slug-b.txt': tinyArticle('B', 'Storm Hits the Coast') }, { note: 'both read: `storm-hits-the-coast.md` and `storm-hits-the-coast-2.md`' });
  add('The same file dropped twice under two names', { 'copy-1.txt': tinyArticle('copy'), 'copy-2.txt': tinyArticle('copy') }, { note: 'one entry, from the first by path' });
  add('The same article saved twice, with different junk around it', { 'wire-1.txt': tinyArticle('wire'), 'wire-2.txt': tinyArticle('wire').replace('\n\n', '\n\nAdvertisement\n\n') }, { note: 'both entries kept' });
  return cases;
}

/** Messages of a run about one seed path (its `file` ends with `seeds/<path>`, a line break shown escaped). */
export function messagesFor(lines: readonly string[], path: string): string[] {
  const shown = `seeds/${path.replace(/\n/g, '\\x0a')}`;
  return lines.filter((l) => l.startsWith(`${shown}:`));
}

/** Removes a temporary folder made here. */
export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A row of the doc's table. */
export interface Row {
  input: string;
  seen: string[];
  exit: string;
  note: string;
}

/** Inline code in a table cell: `|` escaped, and wider fences around a backtick. */
function code(text: string): string {
  const escaped = text.replace(/\|/g, '\\|');
  return escaped.includes('`') ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
}

/** A seed that fails or warns is reported and the rest is written (0); `--strict` makes either a failure. */
function exitFor(lines: readonly string[]): string {
  if (lines.some((l) => / (?:error|warning) SL\d{3} /.test(l))) return '0 (1 with `--strict`)';
  return '0';
}

/** The table's rows for the bad corpus, from what one run printed. */
export function caseRows(cases: readonly BadInput[], lines: readonly string[]): Row[] {
  return cases.map((c) => {
    const seen = c.files.flatMap((f) => messagesFor(lines, f));
    return { input: c.input, seen, exit: exitFor(seen), note: c.note ?? '' };
  });
}

/** The table's rows for the events beside the bad corpus (each run in its own small folder). */
export async function scenarioRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scenario of SCENARIOS) rows.push(await scenario());
  return rows;
}

/** The table as Markdown, ending in a newline. */
export function renderTable(rows: readonly Row[]): string {
  const cell = (r: Row): string => (r.seen.length === 0 ? '(no message)' : r.seen.map(code).join('<br>'));
  return [
    '| Input or event | What the user sees | Exit code | Outcome |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.input} | ${cell(r)} | ${r.exit} | ${r.note} |`),
    '',
  ].join('\n');
}

/** Runs every case of docs/robustness.md and renders its table. */
export async function robustnessTable(): Promise<string> {
  const root = tempDir('doc');
  try {
    const cases = makeBadCorpus(root);
    const run = await runCli(root, ['--out', 'content']);
    return renderTable([...caseRows(cases, run.lines), ...(await scenarioRows())]);
  } finally {
    removeTemp(root);
  }
}

/** docs/robustness.md, and the markers its generated table stands between. */
export const DOC_PATH = new URL('../docs/robustness.md', import.meta.url).pathname;
export const TABLE_START = '<!-- robustness-table:start (generated by `node tests/update-robustness-doc.ts`; checked by tests/unit/ingest-cli.test.ts) -->';
export const TABLE_END = '<!-- robustness-table:end -->';

/** The generated table as it stands in the doc. */
export function documentedTable(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${DOC_PATH}: the table markers are missing`);
  return doc.slice(start + TABLE_START.length, end).replace(/^\n+/, '');
}

/** Runs beside the bad corpus: each makes its own small folder and returns its row. */
const SCENARIOS: (() => Promise<Row>)[] = [
  async () => {
    const root = tempDir('doc-args');
    const run = await runCli(root, ['--bogus']);
    removeTemp(root);
    return { input: 'An unknown option (`--bogus`)', seen: run.lines.filter(Boolean), exit: String(run.code), note: 'nothing read or written' };
  },
  async () => {
    const root = tempDir('doc-noseeds');
    const run = await runCli(root, ['--seeds', 'nowhere']);
    removeTemp(root);
    return { input: 'A seeds folder that does not exist', seen: run.lines.filter(Boolean), exit: String(run.code), note: 'nothing written' };
  },
  async () => {
    const root = tempDir('doc-unwritable');
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds', 'a.txt'), tinyArticle(1));
    writeFileSync(join(root, 'content'), 'a file where the output folder should be\n');
    const run = await runCli(root, []);
    removeTemp(root);
    return { input: 'An output folder that cannot be written', seen: run.lines.filter((l) => / SL\d{3} /.test(l)), exit: String(run.code), note: 'files already written are complete; the rest are as they were' };
  },
  async () => {
    const root = tempDir('doc-edited');
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds', 'a.txt'), tinyArticle(1));
    await runCli(root, []);
    const entry = join(root, 'content', 'articles', 'council-approves-plan-number-1.md');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('long debate', 'short debate'));
    const run = await runCli(root, []);
    const forced = await runCli(root, ['--force']);
    removeTemp(root);
    return {
      input: 'An entry in `content/articles/` edited by hand',
      seen: [...run.lines.filter((l) => / SL\d{3} /.test(l)), ...forced.lines.filter((l) => / SL\d{3} /.test(l)).map((l) => `(with --force) ${l}`)],
      exit: `${run.code} (${forced.code} with \`--force\`)`,
      note: 'nothing is written until the edit is moved to the seed or sidecar, or discarded with `--force`',
    };
  },
  async () => {
    const root = tempDir('doc-removed');
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds', 'a.txt'), tinyArticle(1));
    writeFileSync(join(root, 'seeds', 'b.txt'), tinyArticle(2));
    await runCli(root, []);
    rmSync(join(root, 'seeds', 'b.txt'));
    const run = await runCli(root, []);
    removeTemp(root);
    return { input: 'A seed deleted from `seeds/`', seen: run.lines.filter((l) => / SL\d{3} /.test(l)), exit: String(run.code), note: 'its entry is removed' };
  },
  async () => {
    const root = tempDir('doc-failed');
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds', 'a.txt'), tinyArticle(1));
    await runCli(root, []);
    writeFileSync(join(root, 'seeds', 'a.txt'), '');
    const run = await runCli(root, []);
    const strict = await runCli(root, ['--strict']);
    removeTemp(root);
    return { input: 'A seed that had an entry and now fails', seen: run.lines.filter((l) => / SL\d{3} |seeds failed/.test(l)), exit: `${run.code} (${strict.code} with \`--strict\`)`, note: 'the entry is kept as it was; the rest are written' };
  },
  async () => {
    const root = tempDir('doc-killed');
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds', 'a.txt'), tinyArticle(1));
    await runCli(root, []);
    writeFileSync(join(root, 'content', 'articles', 'council-approves-plan-number-1.md.4242.tmp'), 'half a fi');
    const run = await runCli(root, []);
    removeTemp(root);
    return { input: 'A run killed half-way (e.g. `kill -9`)', seen: run.lines.filter((l) => / SL\d{3} /.test(l)).map((l) => `(next run) ${l}`), exit: String(run.code), note: 'every file is as before or as after the killed run; the next run tidies up' };
  },
  async () => {
    const root = tempDir('doc-check');
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds', 'a.txt'), tinyArticle(1));
    await runCli(root, []);
    writeFileSync(join(root, 'seeds', 'b.txt'), tinyArticle(2));
    const run = await runCli(root, ['--check']);
    removeTemp(root);
    return { input: '`--check` when a seed changed since the last run', seen: run.lines.filter((l) => l.includes('content')), exit: String(run.code), note: 'nothing written' };
  },
];
