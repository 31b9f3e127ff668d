/**
 * A sharded build gives the same site as a whole build: in a temporary copy of
 * the project (its `src/`, `public/`, configuration and `content/`, with
 * `node_modules/` linked entry by entry so Astro's caches stay in the copy),
 * `npm run build -- --no-ingest` and `npm run build -- --no-ingest --shards 3`
 * write the same files with the same bytes, the sitemap and the Pagefind
 * index included (Pagefind names its files by their content and writes them
 * the same for the same pages). Run under `BASE_PATH=/news/` too by
 * `npm run test:e2e:subpath`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-shards-'));
  for (const name of ['src', 'public', 'content']) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(ROOT, name), join(dir, name));
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) if (!name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  symlinkSync(join(ROOT, 'seeds'), join(dir, 'seeds'));
  return dir;
}

function build(dir: string, args: string[]): string {
  const run = spawnSync(process.execPath, [join(dir, 'src/cli/build.ts'), '--no-ingest', ...args], { cwd: dir, env: { ...process.env, STORYLINE_SHARDS: '', STORYLINE_SHARD: '' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build ${args.join(' ')} exited ${run.status}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  return run.stdout;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('a sharded build', () => {
  let dir: string;
  let shardLog: string;
  beforeAll(() => {
    dir = project();
    build(dir, []);
    renameSync(join(dir, 'dist'), join(dir, 'whole'));
    shardLog = build(dir, ['--shards', '3', '--out', 'sharded']);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders a slice of the pages in each of its shards', () => {
    for (const k of [0, 1, 2]) expect(shardLog).toMatch(new RegExp(`\\[shard ${k}/3\\] .*shard ${k} of 3: [1-9]\\d* pages`));
  });
  it('writes the same files as a whole build, with the same bytes', () => {
    const whole = files(join(dir, 'whole'));
    const sharded = files(join(dir, 'sharded'));
    expect(whole.length).toBeGreaterThan(50);
    expect(whole.some((f) => f.startsWith('pagefind/') && f.endsWith('.pf_meta'))).toBe(true);
    expect(whole.some((f) => f.startsWith('sitemap'))).toBe(true);
    expect(sharded).toEqual(whole);
    const differing = whole.filter((f) => !readFileSync(join(dir, 'whole', f)).equals(readFileSync(join(dir, 'sharded', f))));
    expect(differing).toEqual([]);
  });
});
