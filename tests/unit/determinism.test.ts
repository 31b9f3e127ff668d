/**
 * Same input, same bytes out: the ingest run twice on the project's seeds
 * gives byte-identical output folders, identical to the committed
 * `content/`, and a second run into the same folder changes nothing; the
 * site built twice from `content/` gives byte-identical `dist/` folders.
 *
 * The build runs `astro build` twice (about 5 s each on the five seeds), into
 * temporary folders, so it never touches the project's own `dist/`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTree, removeTemp, runCli, tempDir } from '../robustness-corpus.ts';

const PROJECT = new URL('../..', import.meta.url).pathname;
const CONTENT = join(PROJECT, 'content');
/** The files the ingest writes; the rest of `content/` (the editor's YAML files) are its input. */
const generated = (tree: Map<string, Buffer>): Map<string, Buffer> => new Map([...tree].filter(([f]) => f.startsWith('articles/') || f.endsWith('.json')));

describe('determinism', () => {
  const root = tempDir('determinism');
  afterAll(() => removeTemp(root));

  it('ingesting twice gives byte-identical output, the same as the committed content/, and a re-run changes nothing', async () => {
    const outs = ['one', 'two'].map((name) => {
      const out = join(root, name);
      mkdirSync(out);
      // The editor's corrections are part of the input.
      for (const f of ['entities.yaml', 'topics.yaml']) if (existsSync(join(CONTENT, f))) copyFileSync(join(CONTENT, f), join(out, f));
      return out;
    });
    for (const out of outs) expect((await runCli(PROJECT, ['--out', out])).code).toBe(0);
    const one = readTree(outs[0]!);
    expect(readTree(outs[1]!)).toEqual(one);
    expect(generated(one)).toEqual(generated(readTree(CONTENT)));
    const again = await runCli(PROJECT, ['--out', outs[0]!]);
    expect(again.lines.at(-1)).toContain(' 0 files changed');
    expect(readTree(outs[0]!)).toEqual(one);
  }, 60_000);

  it('building the site twice gives byte-identical dist/ folders', () => {
    const astro = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const dists = ['dist-one', 'dist-two'].map((name) => join(root, name));
    for (const dist of dists) execFileSync(process.execPath, [astro, 'build', '--outDir', dist], { cwd: PROJECT, stdio: 'pipe', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    const one = readTree(dists[0]!);
    expect(one.size).toBeGreaterThan(10);
    const two = readTree(dists[1]!);
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    const differ = [...one.keys()].filter((f) => !one.get(f)!.equals(two.get(f)!));
    expect(differ, 'files that differ between two builds').toEqual([]);
  }, 120_000);
});
