/**
 * The incremental ingest: a seed whose bytes, sidecar, path and code are
 * unchanged is taken from the cache, and what the cache gives is byte for
 * byte what running the pipeline gives; a damaged cache is a miss, never an
 * error. Seeds run on worker threads give the same output as on one thread.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTree, removeTemp, runCli, tempDir, tinyArticle } from '../robustness-corpus.ts';

const root = tempDir('ingest-cache');
afterAll(() => removeTemp(root));

/** A folder of `n` distinct small articles, a third with sidecars, under `root/<name>/seeds`. */
function corpus(name: string, n: number): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  for (let i = 0; i < n; i++) {
    writeFileSync(join(dir, 'seeds', `a${String(i).padStart(3, '0')}.txt`), tinyArticle(i));
    if (i % 3 === 0) writeFileSync(join(dir, 'seeds', `a${String(i).padStart(3, '0')}.meta.yaml`), `publisher: The Example Times\npublished: 2025-03-0${(i % 9) + 1}\n`);
  }
  return dir;
}

interface Summary {
  written: number;
  entries: number;
  cache: Record<string, { hits: number; misses: number }> | null;
}
const summary = (lines: readonly string[]): Summary => JSON.parse(lines.join('\n')) as Summary;

describe('the incremental ingest', () => {
  it('takes unchanged seeds from the cache, rewrites only what changed, and matches a run without cache byte for byte', async () => {
    const dir = corpus('small', 8);
    const first = await runCli(dir, ['--json', '--cache', 'cache']);
    expect(first.code).toBe(0);
    expect(summary(first.lines).cache?.['seeds']).toEqual({ hits: 0, misses: 8 });

    const again = await runCli(dir, ['--json', '--cache', 'cache']);
    expect(summary(again.lines)).toMatchObject({ written: 0, cache: { seeds: { hits: 8, misses: 0 } } });

    // One seed changes: one miss, and its entry is the only article rewritten.
    writeFileSync(join(dir, 'seeds', 'a004.txt'), tinyArticle('four, revised'));
    const before = readTree(join(dir, 'content', 'articles'));
    const changed = await runCli(dir, ['--json', '--cache', 'cache']);
    expect(summary(changed.lines).cache?.['seeds']).toEqual({ hits: 7, misses: 1 });
    const after = readTree(join(dir, 'content', 'articles'));
    const differ = [...new Set([...before.keys(), ...after.keys()])].filter((f) => !before.get(f)?.equals(after.get(f) ?? Buffer.alloc(0)));
    expect(differ).toEqual(['council-approves-plan-number-4.md', 'council-approves-plan-number-four-revised.md']);

    // The same output as a run that never saw the cache.
    const fresh = await runCli(dir, ['--out', 'fresh', '--no-cache']);
    expect(fresh.code).toBe(0);
    expect(readTree(join(dir, 'fresh'))).toEqual(readTree(join(dir, 'content')));
  });

  it('reuses the knowledge layer only while its entries, editor files and file on disk are unchanged', async () => {
    const dir = corpus('knowledge', 6);
    const knowledge = join(dir, 'content', 'knowledge.json');
    const first = await runCli(dir, ['--json', '--cache', 'cache']);
    expect(summary(first.lines).cache?.['knowledge']).toEqual({ hits: 0, misses: 1 });
    const made = readFileSync(knowledge, 'utf8');

    const again = await runCli(dir, ['--json', '--cache', 'cache']);
    expect(summary(again.lines)).toMatchObject({ written: 0, cache: { knowledge: { hits: 1, misses: 0 } } });

    // A hand-edited knowledge.json is not what the cache saw made: it is rebuilt.
    writeFileSync(knowledge, made.replace('"entities"', '"entities" '));
    const edited = await runCli(dir, ['--json', '--cache', 'cache']);
    // Its per-article steps came with the seeds from the cache: none ran again.
    expect(summary(edited.lines).cache?.['seeds']).toEqual({ hits: 6, misses: 0 });
    expect(summary(edited.lines).cache?.['mentions']).toBeUndefined();
    expect(readFileSync(knowledge, 'utf8')).toBe(made);

    // An editor file is part of the key.
    writeFileSync(join(dir, 'content', 'entities.yaml'), 'entities:\n  - name: Example Council\n    type: organisation\n');
    const editor = await runCli(dir, ['--json', '--cache', 'cache']);
    expect(summary(editor.lines).cache?.['knowledge']).toEqual({ hits: 0, misses: 1 });

    // One changed seed is a new layer, the same as a run without the cache.
    writeFileSync(join(dir, 'seeds', 'a002.txt'), tinyArticle('two, revised'));
    const changed = await runCli(dir, ['--json', '--cache', 'cache']);
    expect(summary(changed.lines).cache?.['knowledge']).toEqual({ hits: 0, misses: 1 });
    mkdirSync(join(dir, 'fresh'));
    writeFileSync(join(dir, 'fresh', 'entities.yaml'), readFileSync(join(dir, 'content', 'entities.yaml')));
    const fresh = await runCli(dir, ['--out', 'fresh', '--no-cache']);
    expect(fresh.code).toBe(0);
    expect(readFileSync(join(dir, 'fresh', 'knowledge.json'), 'utf8')).toBe(readFileSync(knowledge, 'utf8'));
  });

  it('keys on the sidecar and the day: a changed sidecar is a miss', async () => {
    const dir = corpus('sidecar', 4);
    await runCli(dir, ['--cache', 'cache']);
    writeFileSync(join(dir, 'seeds', 'a000.meta.yaml'), 'publisher: The Other Times\n');
    const run = await runCli(dir, ['--json', '--cache', 'cache']);
    expect(summary(run.lines).cache?.['seeds']).toEqual({ hits: 3, misses: 1 });
    expect(readFileSync(join(dir, 'content', 'articles', 'council-approves-plan-number-0.md'), 'utf8')).toContain('The Other Times');
  });

  it('treats a damaged or emptied cache file as a miss, and still writes the right output', async () => {
    const dir = corpus('damaged', 4);
    await runCli(dir, ['--cache', 'cache']);
    const expected = readTree(join(dir, 'content'));
    const files = readdirSync(join(dir, 'cache', 'seeds'));
    expect(files).toHaveLength(4);
    writeFileSync(join(dir, 'cache', 'seeds', files[0]!), '{"article": {"headline": ');
    writeFileSync(join(dir, 'cache', 'seeds', files[1]!), '');
    const run = await runCli(dir, ['--json', '--out', 'again', '--cache', 'cache']);
    expect(run.code).toBe(0);
    expect(summary(run.lines).cache?.['seeds']).toEqual({ hits: 2, misses: 2 });
    expect(readTree(join(dir, 'again'))).toEqual(expected);
  });

  it('gives the same output on worker threads as on one thread', async () => {
    const dir = corpus('threads', 70);
    const one = await runCli(dir, ['--out', 'one', '--jobs', '1', '--no-cache']);
    const two = await runCli(dir, ['--out', 'two', '--jobs', '2', '--no-cache']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(readTree(join(dir, 'two'))).toEqual(readTree(join(dir, 'one')));
    expect(readTree(join(dir, 'one')).size).toBeGreaterThan(70);
  }, 60_000);

  it('refuses a --jobs that is not a positive whole number', async () => {
    const dir = corpus('jobs', 1);
    const run = await runCli(dir, ['--jobs', 'lots']);
    expect(run.code).toBe(2);
    expect(run.lines.join('\n')).toContain('--jobs must be a whole number');
  });
});
