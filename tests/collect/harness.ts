/**
 * Runs the collector in-process (its `runCollect`, with a fixed clock and
 * captured output) in a fresh temporary folder, for tests.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runCollect } from '../../src/cli/collect.ts';

/** Short limits so failure cases finish in well under a second. */
export const FAST = { timeoutMs: 400, retries: 2, backoffMs: 10, perHostDelayMs: 0, perHostConcurrency: 2 };

export interface Workspace {
  dir: string;
  seeds: string;
  /** Writes `collect.config.yaml` (an object is written as YAML). */
  config(value: object | string): Promise<void>;
  /** Runs the command; the clock reads `now`. */
  collect(argv?: string[], now?: string): Promise<{ code: number; out: string[]; err: string[]; ms: number }>;
  /** Seed files (not dotfiles), sorted. */
  files(): Promise<string[]>;
  read(name: string): Promise<string>;
  remove(): Promise<void>;
}

export async function workspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'storyline-collect-'));
  const seeds = join(dir, 'seeds');
  return {
    dir,
    seeds,
    config: (value) => writeFile(join(dir, 'collect.config.yaml'), typeof value === 'string' ? value : stringify(value)),
    async collect(argv = [], now = '2026-11-23T17:40:00Z') {
      const out: string[] = [];
      const err: string[] = [];
      const start = performance.now();
      const code = await runCollect(argv, { cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date(now) });
      return { code, out, err, ms: performance.now() - start };
    },
    async files() {
      try {
        return (await readdir(seeds)).filter((n) => !n.startsWith('.')).sort();
      } catch {
        return [];
      }
    },
    read: (name) => readFile(join(seeds, name), 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
