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
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from '../project-copy.ts';

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
    dir = copyProject('shards');
    buildProject(dir);
    renameSync(join(dir, 'dist'), join(dir, 'whole'));
    shardLog = buildProject(dir, ['--shards', '3', '--out', 'sharded']);
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
