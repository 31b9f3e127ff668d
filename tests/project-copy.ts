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

/**
 * The environment a build in a copy runs in: the test's, less the shard
 * variables and what Vitest sets for its own Vite (`BASE_URL=/`, `MODE`,
 * `NODE_ENV=test`, …), which the build's Vite would take over the site's
 * configuration (every link would ignore `BASE_PATH`).
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, STORYLINE_SHARDS: '', STORYLINE_SHARD: '' };
  for (const name of Object.keys(env)) if (/^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST(?:_.*)?)$/.test(name)) delete env[name];
  return env;
}

/** Runs `npm run build -- --no-ingest ARGS` in the copy at `dir`; returns its output, or throws with its end. */
export function buildProject(dir: string, args: readonly string[] = []): string {
  const run = spawnSync(process.execPath, [join(dir, 'src/cli/build.ts'), '--no-ingest', ...args], { cwd: dir, env: buildEnv(), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build ${args.join(' ')} exited ${run.status}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  return run.stdout;
}
