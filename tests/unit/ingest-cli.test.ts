/**
 * The ingest command on real folders (temporary ones), run in-process with
 * `runIngest`: every bad input of docs/robustness.md in one corpus, then the
 * events around it (hand edits, removed seeds, interrupted runs, exit codes)
 * and a folder of 10,000 files. The doc's table is checked against what the
 * command printed here.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.ts';
import { ingestReportSchema } from '../../src/lib/schema.ts';
import {
  DOC_PATH,
  SHELL_NAME,
  caseRows,
  documentedTable,
  makeBadCorpus,
  messagesFor,
  readEntries,
  readTree,
  removeTemp,
  renderTable,
  runCli,
  scenarioRows,
  tempDir,
  tinyArticle,
  type BadInput,
  type CliRun,
} from '../robustness-corpus.ts';

/** A printed line is a message (`file[:line]: severity SLnnn text`) or the summary; nothing else (no stack trace). */
const MESSAGE = /^.+?(:\d+)?: (error|warning|info) SL\d{3} \S/;
const SUMMARY = /^ingest: \d+ seeds read, /;
/** The line that counts failed seeds before the summary. */
const FAILED = /^\d[\d,]* of [\d,]+ seeds failed; see content\/ingest-report\.json; the rest were written/;

describe('a corpus of bad inputs', () => {
  let root: string;
  let cases: BadInput[];
  let run: CliRun;
  beforeAll(async () => {
    root = tempDir('bad');
    cases = makeBadCorpus(root);
    run = await runCli(root, ['--out', 'content']);
  }, 60_000);
  afterAll(() => removeTemp(root));

  it('is read in one run that reports every problem as a message, counts the failed seeds and exits 0', () => {
    expect(run.code).toBe(0);
    for (const line of run.lines.filter(Boolean)) expect(line).toSatisfy((l: string) => MESSAGE.test(l) || SUMMARY.test(l) || FAILED.test(l));
    expect(run.lines.filter((l) => FAILED.test(l))).toHaveLength(1);
    expect(run.ms).toBeLessThan(30_000);
  });
  it('gives each bad file its own stable code', () => {
    const codesOf = (file: string): string[] => messagesFor(run.lines, file).map((l) => / (SL\d{3}) /.exec(l)![1]!);
    expect(codesOf('empty.txt')).toEqual(['SL107']);
    expect(codesOf('blank.txt')).toEqual(['SL107']);
    expect(codesOf('binary.txt')).toEqual(['SL102']);
    expect(codesOf('photo.txt')).toEqual(['SL102']);
    expect(codesOf('utf16-no-bom.txt')).toEqual(['SL102']);
    expect(codesOf('windows-1252.txt')).toEqual(['SL108']);
    expect(codesOf('damaged.txt')).toEqual(['SL103']);
    expect(codesOf('huge.txt')).toEqual(['SL106']);
    expect(codesOf('one-long-line.txt')).toEqual(['SL106']);
    expect(codesOf('link-to-outside.txt')).toEqual(['SL105']);
    expect(codesOf('linked-folder')).toEqual(['SL105']);
    expect(codesOf('pipe.txt')).toEqual(['SL101']);
    expect(codesOf('report.pdf')).toEqual(['SL101']);
    expect(codesOf('README')).toEqual(['SL101']);
    expect(codesOf('Canal.meta.yaml')).toEqual(['SL201']);
    expect(codesOf('Lock.meta.yaml')).toEqual(['SL202']);
    expect(codesOf('Wharf.meta.yaml')).toEqual(['SL204']);
    expect(codesOf('Dockyard.meta.yaml')).toEqual(['SL202']);
    expect(codesOf('orphan.meta.yaml')).toEqual(['SL203']);
    expect(codesOf('copy-2.txt')).toEqual(['SL405']);
    expect(codesOf('wire-2.txt')).toEqual(['SL406']);
    for (const ok of ['utf16-bom.txt', 'a name with spaces.txt', 'ünïcödé – 記事.txt', SHELL_NAME, 'line\nbreak.txt', 'markup.txt', 'same-slug-a.txt', 'copy-1.txt']) {
      expect(messagesFor(run.lines, ok)).toEqual([]);
    }
  });
  it('writes the good seeds’ entries, names and all, and never reads through a link', () => {
    const entries = readEntries(join(root, 'content'));
    const bySeed = new Map([...entries].map(([name, e]) => [e.data.source.path, { name, ...e }]));
    for (const name of ['a name with spaces.txt', 'ünïcödé – 記事.txt', SHELL_NAME, 'line\nbreak.txt', 'utf16-bom.txt', 'windows-1252.txt', 'markup.txt', 'copy-1.txt', 'wire-1.txt', 'wire-2.txt']) {
      expect(bySeed.has(name), name).toBe(true);
    }
    expect(bySeed.has('copy-2.txt')).toBe(false);
    expect([...entries.values()].some((e) => e.data.headline.includes('Secret'))).toBe(false);
    expect(existsSync(join(root, 'pwned'))).toBe(false);
    const cp1252 = bySeed.get('windows-1252.txt')!;
    expect(cp1252.data.source.encoding).toBe('windows-1252');
    expect(cp1252.data.headline).toBe('Café Reopens on the Quay');
    expect(cp1252.body).toContain('“We lost €12,000 of stock,” the owner, Renée Dupré, said on Monday.');
    expect(bySeed.get('same-slug-a.txt')!.name).toBe('storm-hits-the-coast.md');
    expect(bySeed.get('same-slug-b.txt')!.name).toBe('storm-hits-the-coast-2.md');
  });
  it('records every seed in the report: failed, skipped (copies too) or ok', () => {
    const report = ingestReportSchema.parse(JSON.parse(readFileSync(join(root, 'content', 'ingest-report.json'), 'utf8')));
    const status = new Map(report.seeds.map((s) => [s.path, s.status]));
    expect(status.get('huge.txt')).toBe('failed');
    expect(status.get('copy-2.txt')).toBe('skipped');
    expect(status.get('report.pdf')).toBe('skipped');
    expect(status.get('copy-1.txt')).toBe('ok');
  });
  it('is what docs/robustness.md shows', async () => {
    const table = renderTable([...caseRows(cases, run.lines), ...(await scenarioRows())]);
    expect(table, 'docs/robustness.md is out of date: run `node tests/update-robustness-doc.ts`').toBe(documentedTable(readFileSync(DOC_PATH, 'utf8')));
  }, 30_000);
});

/** A seeds folder of small articles, `a.txt`, `b.txt`, …; returns the root. */
function smallCorpus(prefix: string, count = 3): string {
  const root = tempDir(prefix);
  mkdirSync(join(root, 'seeds'));
  for (let i = 0; i < count; i++) writeFileSync(join(root, 'seeds', `${String.fromCharCode(97 + i)}.txt`), tinyArticle(i + 1));
  return root;
}
const entryPath = (root: string, n: number): string => join(root, 'content', 'articles', `council-approves-plan-number-${n}.md`);

describe('entries edited by hand', () => {
  it('stop the ingest (exit 4) before anything is written, with the way to keep or discard the edit', async () => {
    const root = smallCorpus('edit');
    await runCli(root, []);
    writeFileSync(entryPath(root, 1), readFileSync(entryPath(root, 1), 'utf8').replace('long debate', 'short debate'));
    writeFileSync(join(root, 'seeds', 'b.txt'), tinyArticle('2b'));
    writeFileSync(join(root, 'seeds', 'd.txt'), tinyArticle(4));
    const before = readTree(join(root, 'content'));
    const run = await runCli(root, []);
    expect(run.code).toBe(4);
    expect(run.lines.filter((l) => MESSAGE.test(l))).toEqual([
      'content/articles/council-approves-plan-number-1.md: error SL403 was edited by hand since the ingest wrote it; nothing was written. To keep the edit, move it into seeds/a.txt or its sidecar (.meta.yaml) and run again; to discard it, run with --force',
    ]);
    expect(readTree(join(root, 'content'))).toEqual(before);
    expect((await runCli(root, ['--check'])).code).toBe(4);

    const forced = await runCli(root, ['--force']);
    expect(forced.code).toBe(0);
    expect(forced.lines.filter((l) => MESSAGE.test(l))).toEqual([
      'content/articles/council-approves-plan-number-1.md: info SL404 was edited by hand since the ingest wrote it; the edit is discarded (--force)',
      // b.txt's new headline gives a new entry; its old one goes.
      'content/articles/council-approves-plan-number-2.md: info SL402 removed: its seed is gone',
    ]);
    expect(readFileSync(entryPath(root, 1), 'utf8')).toContain('long debate');
    expect(existsSync(entryPath(root, 4))).toBe(true);
    expect((await runCli(root, ['--check'])).code).toBe(0);
    removeTemp(root);
  });
  it('protect an entry whose seed is gone, and one written entirely by hand', async () => {
    const root = smallCorpus('edit-stale');
    await runCli(root, []);
    writeFileSync(entryPath(root, 2), `${readFileSync(entryPath(root, 2), 'utf8')}\nAn editor’s note.\n`);
    rmSync(join(root, 'seeds', 'b.txt'));
    writeFileSync(join(root, 'content', 'articles', 'by-hand.md'), '---\nheadline: "By hand"\n---\nWritten by an editor.\n');
    const run = await runCli(root, []);
    expect(run.code).toBe(4);
    expect(run.lines.filter((l) => / SL403 /.test(l)).map((l) => l.split(':')[0])).toEqual(['content/articles/by-hand.md', 'content/articles/council-approves-plan-number-2.md']);
    expect(run.lines.find((l) => l.startsWith('content/articles/by-hand.md'))).toContain('has no generated stamp');
    expect(existsSync(entryPath(root, 2))).toBe(true);
    removeTemp(root);
  });
  it('do not stop a run whose only edited entry keeps its place because its seed failed: the rest is written, and no temporary file is left', async () => {
    const root = smallCorpus('edit-failed', 2);
    await runCli(root, []);
    const edited = `${readFileSync(entryPath(root, 1), 'utf8')}\nAn editor’s note.\n`;
    writeFileSync(entryPath(root, 1), edited);
    writeFileSync(join(root, 'seeds', 'a.txt'), '');
    const before = readFileSync(entryPath(root, 2), 'utf8');
    writeFileSync(join(root, 'seeds', 'b.txt'), tinyArticle(2).replace('long debate', 'short debate'));
    const run = await runCli(root, []);
    expect(run.code).toBe(0);
    expect(run.lines.filter((l) => / SL40[13] /.test(l))).toEqual([expect.stringMatching(/^content\/articles\/council-approves-plan-number-1\.md: info SL401 /)]);
    expect(readFileSync(entryPath(root, 1), 'utf8')).toBe(edited);
    expect(readFileSync(entryPath(root, 2), 'utf8')).not.toBe(before);
    expect(readdirSync(join(root, 'content', 'articles')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    removeTemp(root);
  });
  it('leave the folder exactly as it was on exit 4, though the run had entries to write and to park (two seeds, one headline)', async () => {
    const root = smallCorpus('edit-parked', 2);
    await runCli(root, []);
    writeFileSync(entryPath(root, 1), readFileSync(entryPath(root, 1), 'utf8').replace('long debate', 'short debate'));
    writeFileSync(join(root, 'seeds', 'b.txt'), tinyArticle(2).replace('long debate', 'short debate'));
    writeFileSync(join(root, 'seeds', 'c.txt'), tinyArticle(2));
    const before = readTree(join(root, 'content'));
    const run = await runCli(root, []);
    expect(run.code).toBe(4);
    expect(readTree(join(root, 'content'))).toEqual(before);
    const forced = await runCli(root, ['--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(join(root, 'content', 'articles')).sort()).toEqual(['council-approves-plan-number-1.md', 'council-approves-plan-number-2-2.md', 'council-approves-plan-number-2.md']);
    expect((await runCli(root, ['--check'])).code).toBe(0);
    removeTemp(root);
  });
  it('are not confused with a checkout that turned line ends into CRLF', async () => {
    const root = smallCorpus('crlf');
    await runCli(root, []);
    writeFileSync(entryPath(root, 1), readFileSync(entryPath(root, 1), 'utf8').replace(/\n/g, '\r\n'));
    const run = await runCli(root, []);
    expect(run.code).toBe(0);
    expect(readFileSync(entryPath(root, 1), 'utf8')).not.toContain('\r');
    removeTemp(root);
  });
});

describe('removed seeds and re-runs', () => {
  it('remove the entry with SL402, and a run after that changes nothing at all', async () => {
    const root = smallCorpus('removed');
    await runCli(root, []);
    rmSync(join(root, 'seeds', 'c.txt'));
    const run = await runCli(root, []);
    expect(run.code).toBe(0);
    expect(run.lines).toContain('content/articles/council-approves-plan-number-3.md: info SL402 removed: its seed is gone');
    expect(existsSync(entryPath(root, 3))).toBe(false);
    const after = readTree(join(root, 'content'));
    const again = await runCli(root, []);
    expect(again.lines.at(-1)).toContain(' 0 files changed');
    expect(readTree(join(root, 'content'))).toEqual(after);
    expect((await runCli(root, ['--check'])).code).toBe(0);
    removeTemp(root);
  });
});

describe('temporary files left by a killed run', () => {
  it('make --check fail, and are removed by the next run', async () => {
    const root = smallCorpus('leftover');
    await runCli(root, []);
    const leftovers = [join(root, 'content', 'articles', 'x.md.123.tmp'), join(root, 'content', 'knowledge.json.123.tmp')];
    for (const f of leftovers) writeFileSync(f, 'half');
    const check = await runCli(root, ['--check']);
    expect(check.code).toBe(3);
    expect(check.lines).toContain('content/articles/x.md.123.tmp: left by an interrupted ingest');
    const run = await runCli(root, []);
    expect(run.code).toBe(0);
    for (const f of leftovers) expect(existsSync(f)).toBe(false);
    expect((await runCli(root, ['--check'])).code).toBe(0);
    removeTemp(root);
  });
});

describe('exit codes', () => {
  it('2 for a bad command line or an unreadable seeds folder, with the reason and no stack', async () => {
    const root = tempDir('args');
    for (const args of [['--bogus'], ['stray'], ['--today', '2025-02-30'], ['--today', 'tomorrow'], ['--seeds', 'missing']]) {
      const run = await runCli(root, args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.lines.join('\n')).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(root)).toEqual([]);
    removeTemp(root);
  });
  it('0 for warnings, 1 for warnings under --strict, and one JSON object with --json', async () => {
    const root = smallCorpus('strict', 1);
    writeFileSync(join(root, 'seeds', 'notes.pdf'), 'x');
    expect((await runCli(root, [])).code).toBe(0);
    expect((await runCli(root, ['--strict'])).code).toBe(1);
    const json = await runCli(root, ['--json']);
    const summary = JSON.parse(json.lines.join('\n')) as { warnings: number; messages: { code: string }[] };
    expect(summary.warnings).toBe(1);
    expect(summary.messages.map((m) => m.code)).toEqual(['SL101']);
    removeTemp(root);
  });
  it('0 when a seed fails (it keeps its last good entry), 1 under --strict or STORYLINE_STRICT=1', async () => {
    const root = smallCorpus('failed-seed', 2);
    expect((await runCli(root, [])).code).toBe(0);
    const kept = readFileSync(entryPath(root, 1), 'utf8');
    writeFileSync(join(root, 'seeds', 'a.txt'), '');
    writeFileSync(join(root, 'seeds', 'c.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const run = await runCli(root, []);
    expect(run.code).toBe(0);
    expect(run.lines).toContain('2 of 3 seeds failed; see content/ingest-report.json (1 kept its last good entry); the rest were written (--strict or STORYLINE_STRICT=1 makes this a failure)');
    expect(run.lines.filter((l) => / error SL10[27] /.test(l))).toEqual([expect.stringMatching(/^seeds\/a\.txt: error SL107 /), expect.stringMatching(/^seeds\/c\.txt: error SL102 .*PNG/)]);
    expect(readFileSync(entryPath(root, 1), 'utf8')).toBe(kept);
    expect(existsSync(entryPath(root, 2))).toBe(true);
    expect((await runCli(root, ['--strict'])).code).toBe(1);
    expect((await runCli(root, [], { strictEnv: '1' })).code).toBe(1);
    expect((await runCli(root, [], { strictEnv: '0' })).code).toBe(0);
    removeTemp(root);
  });
  it('npm run build stops before Astro under --strict or STORYLINE_STRICT=1 when a seed fails', async () => {
    const root = smallCorpus('build-strict', 1);
    writeFileSync(join(root, 'seeds', 'empty.txt'), '');
    const quiet = { ...process.env, STORYLINE_STRICT: '' };
    expect(await runBuild(['--bogus'], root, quiet)).toBe(2);
    expect(await runBuild(['--strict'], root, quiet)).toBe(1);
    expect(await runBuild([], root, { ...quiet, STORYLINE_STRICT: '1' })).toBe(1);
    // The ingest wrote the good seed; Astro never ran (it would have made dist/).
    expect(existsSync(entryPath(root, 1))).toBe(true);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    removeTemp(root);
  }, 60_000);
  it('2 when the output cannot be written, leaving nothing half-done', async () => {
    const root = smallCorpus('unwritable', 1);
    writeFileSync(join(root, 'content'), 'not a folder');
    const run = await runCli(root, []);
    expect(run.code).toBe(2);
    expect(run.lines.filter((l) => MESSAGE.test(l))).toEqual([expect.stringMatching(/^content\/articles: error SL002 cannot write the output \(ENOTDIR\)/)]);
    removeTemp(root);
  });
});

describe('a folder of 10,000 files', () => {
  it('is read in one run in seconds: 9,800 tiny non-articles and 200 articles', async () => {
    const root = tempDir('many');
    const seeds = join(root, 'seeds');
    mkdirSync(seeds);
    // The files the ingest must list, stat, read and judge one by one; few articles, since the
    // knowledge layer's cost over many entries is its own (see docs/robustness.md).
    for (let i = 0; i < 10_000; i++) {
      const name = `f${String(i).padStart(5, '0')}`;
      if (i % 50 === 0) writeFileSync(join(seeds, `${name}.txt`), tinyArticle(i));
      else if (i % 4 === 1) writeFileSync(join(seeds, `${name}.txt`), '');
      else if (i % 4 === 2) writeFileSync(join(seeds, `${name}.meta.yaml`), 'publisher: Orphan\n');
      else writeFileSync(join(seeds, `${name}.pdf`), 'x');
    }
    const run = await runCli(root, ['--out', 'content']);
    expect(run.code).toBe(0);
    expect(readdirSync(join(root, 'content', 'articles'))).toHaveLength(200);
    expect(run.lines.at(-1)).toMatch(/^ingest: \d+ seeds read, 200 entries, 200 files changed/);
    expect(run.ms).toBeLessThan(30_000);
    removeTemp(root);
  }, 60_000);
});
