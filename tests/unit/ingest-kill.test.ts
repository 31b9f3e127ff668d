/**
 * An ingest killed at any moment (SIGKILL: no handler runs, no cleanup)
 * leaves every file of the output folder either as it was before the run or
 * as the run meant to write it, never half-written; temporary files it leaves
 * are removed by the next run, which finishes the job.
 *
 * The command is spawned for real on a corpus big enough that its writing
 * takes a while, and killed when it starts writing, part-way through, and
 * before it writes at all.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TODAY, readTree, removeTemp, runCli, tempDir, tinyArticle } from '../robustness-corpus.ts';

const CLI = new URL('../../src/cli/ingest.ts', import.meta.url).pathname;
const SEEDS = 100;

/** Spawns the ingest into `out`; kills it with SIGKILL after the `afterEvents`-th change in `out/articles` (or `afterMs`). */
function killedRun(root: string, out: string, when: { afterEvents?: number; afterMs?: number }): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--seeds', 'seeds', '--out', out, '--today', TODAY], { cwd: root, stdio: 'ignore' });
    let events = 0;
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    const watcher = watch(join(root, out, 'articles'), () => {
      events++;
      if (when.afterEvents !== undefined && events >= when.afterEvents) kill();
    });
    const timer = when.afterMs === undefined ? undefined : setTimeout(kill, when.afterMs);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      watcher.close();
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

describe('an ingest killed mid-run', () => {
  let root: string;
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  beforeAll(async () => {
    root = tempDir('kill');
    mkdirSync(join(root, 'seeds'));
    for (let i = 0; i < SEEDS; i++) writeFileSync(join(root, 'seeds', `s${String(i).padStart(4, '0')}.txt`), tinyArticle(i));
    await runCli(root, ['--out', 'before']);
    // The next run rewrites two thirds of the entries, removes a sixth and adds new ones.
    for (let i = 0; i < SEEDS; i++) {
      const path = join(root, 'seeds', `s${String(i).padStart(4, '0')}.txt`);
      if (i % 6 === 0) writeFileSync(path, tinyArticle(`${i + 10_000}`));
      else if (i % 3 !== 0) writeFileSync(path, `${tinyArticle(i)}\nThe vote was ${i} to ${i + 1}.\n`);
    }
    before = readTree(join(root, 'before'));
    cpSync(join(root, 'before'), join(root, 'after'), { recursive: true });
    await runCli(root, ['--out', 'after']);
    after = readTree(join(root, 'after'));
  }, 60_000);
  afterAll(() => removeTemp(root));

  it('leaves every file as before or as after, at every moment, and the next run finishes the job', async () => {
    const moments = [{ afterEvents: 1 }, { afterEvents: 30 }, { afterMs: 250 }];
    const outs = moments.map((_, k) => `trial-${k}`);
    for (const out of outs) cpSync(join(root, 'before'), join(root, out), { recursive: true });
    const runs = await Promise.all(moments.map((when, k) => killedRun(root, outs[k]!, when)));

    let caughtMidWrite = 0;
    for (const [k, out] of outs.entries()) {
      const tree = readTree(join(root, out));
      const files = [...tree.keys()].filter((f) => !/\.\d+\.tmp$/.test(f));
      for (const f of files) {
        const content = tree.get(f)!;
        const ok = (before.has(f) && before.get(f)!.equals(content)) || (after.has(f) && after.get(f)!.equals(content));
        expect(ok, `${out}/${f} is neither the old nor the new version`).toBe(true);
      }
      // Nothing the two versions share may be missing.
      for (const f of before.keys()) if (after.has(f)) expect(tree.has(f), `${out}/${f} went missing`).toBe(true);
      const changedSome = files.some((f) => !before.has(f) || !before.get(f)!.equals(tree.get(f)!));
      const unchangedSome = [...after.keys()].some((f) => !tree.has(f) || !after.get(f)!.equals(tree.get(f)!));
      if (runs[k]!.killed && changedSome && unchangedSome) caughtMidWrite++;

      const next = await runCli(root, ['--out', out]);
      expect(next.code, `${out}: the run after the kill`).toBe(0);
      expect(readTree(join(root, out)), `${out}: the run after the kill finishes the job`).toEqual(after);
    }
    // The kills are real: at least one landed while files were being written.
    expect(caughtMidWrite).toBeGreaterThan(0);
  }, 60_000);
});
