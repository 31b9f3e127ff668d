/**
 * A temporary copy of the project for tests that build a site of their own
 * (a sharded build, a site with its own files in `content/`): its `src/`,
 * `public/`, configuration and `content/`, with `node_modules/` linked entry
 * by entry so Astro's caches stay in the copy, and `seeds/` linked.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** A new copy of the project in the OS temporary folder, named `storyline-<name>-…`; the caller removes it. */
export function copyProject(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `storyline-${name}-`));
  for (const entry of ['src', 'public', 'content']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(ROOT, entry), join(dir, entry));
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) if (!entry.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  symlinkSync(join(ROOT, 'seeds'), join(dir, 'seeds'));
  return dir;
}

/** Runs `npm run build -- --no-ingest ARGS` in the copy at `dir` (no shard variables from outside); returns its output, or throws with its end. */
export function buildProject(dir: string, args: readonly string[] = []): string {
  const run = spawnSync(process.execPath, [join(dir, 'src/cli/build.ts'), '--no-ingest', ...args], { cwd: dir, env: { ...process.env, STORYLINE_SHARDS: '', STORYLINE_SHARD: '' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build ${args.join(' ')} exited ${run.status}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  return run.stdout;
}
