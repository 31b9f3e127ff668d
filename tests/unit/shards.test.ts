/**
 * The sharded build's pure parts (`src/lib/site/shards.ts`,
 * `src/lib/site/shard-merge.ts`) and the merge on real folders: every page in
 * exactly one shard, which stays put as the corpus grows; a set of shards
 * that is not one whole build, or a file two shards wrote differently, is an
 * error naming it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeShards, shardNodeOptions } from '../../src/cli/shards.ts';
import { HEAP_LIMIT_MB as SHARD_HEAP_MB } from '../../src/cli/heap-limit.ts';
import { planBuild } from '../../src/cli/build.ts';
import { checkShardSet, conflictMessage, mergedPages, mergePlan, parseManifest, SHARD_MANIFEST, type ShardManifest } from '../../src/lib/site/shard-merge.ts';
import { inShard, parseShard, parseShardCount, shardFromEnv, shardOf, sliceForShard } from '../../src/lib/site/shards.ts';

const keys = Array.from({ length: 2000 }, (_, i) => `articles/story-${i}-${'x'.repeat(i % 7)}`);

describe("a shard's heap limit", () => {
  it('is added to NODE_OPTIONS unless they set one', () => {
    expect(shardNodeOptions(undefined)).toBe(`--max-old-space-size=${SHARD_HEAP_MB}`);
    expect(shardNodeOptions(' --enable-source-maps ')).toBe(`--enable-source-maps --max-old-space-size=${SHARD_HEAP_MB}`);
    expect(shardNodeOptions('--max-old-space-size=6000')).toBe('--max-old-space-size=6000');
  });
});

describe('slicing', () => {
  it('reads K/N and rejects what is not a shard', () => {
    expect(parseShard('1/3')).toEqual({ index: 1, count: 3 });
    expect(parseShard(' 0 / 1 ')).toEqual({ index: 0, count: 1 });
    expect(parseShard('3/3')).toMatch(/numbered 0 to 2/);
    expect(parseShard('0/0')).toMatch(/count is 1 to/);
    expect(parseShard('1 of 3')).toMatch(/written K\/N/);
    expect(parseShardCount('4')).toBe(4);
    expect(parseShardCount('two')).toMatch(/whole number/);
    expect(parseShardCount('0')).toMatch(/whole number/);
    expect(shardFromEnv({})).toBeUndefined();
    expect(shardFromEnv({ STORYLINE_SHARD: '' })).toBeUndefined();
    expect(shardFromEnv({ STORYLINE_SHARD: '2/4' })).toEqual({ index: 2, count: 4 });
    expect(() => shardFromEnv({ STORYLINE_SHARD: '4/4' })).toThrow(/STORYLINE_SHARD: .*0 to 3/);
  });
  it('puts every page in exactly one shard, in its order, and a whole build renders all', () => {
    for (const count of [1, 2, 3, 7]) {
      const slices = Array.from({ length: count }, (_, index) => sliceForShard(keys, (k) => k, { index, count }));
      expect(slices.flat().sort()).toEqual([...keys].sort());
      for (const slice of slices) expect(slice).toEqual(keys.filter((k) => slice.includes(k)));
      for (const key of keys.slice(0, 50)) expect(slices.filter((s) => s.includes(key))).toHaveLength(1);
    }
    expect(sliceForShard(keys, (k) => k, undefined)).toEqual(keys);
    expect(keys.every((k) => inShard(k, undefined) && inShard(k, { index: 0, count: 1 }))).toBe(true);
  });
  it('keeps a page in its shard whatever else the corpus holds, and spreads pages evenly', () => {
    const grown = [...keys, ...Array.from({ length: 500 }, (_, i) => `articles/later-${i}`)];
    const shard = { index: 1, count: 3 };
    expect(sliceForShard(grown, (k) => k, shard).filter((k) => keys.includes(k))).toEqual(sliceForShard(keys, (k) => k, shard));
    for (const count of [2, 4, 8]) {
      const sizes = Array.from({ length: count }, (_, index) => keys.filter((k) => shardOf(k, count) === index).length);
      for (const size of sizes) expect(Math.abs(size - keys.length / count)).toBeLessThan((keys.length / count) * 0.15);
    }
  });
});

describe('the build command line', () => {
  const root = '/project';
  it('plans a whole, sharded, one-shard or merge build, and refuses mixtures', () => {
    expect(planBuild([], root, {})).toMatchObject({ mode: 'whole', count: 1, ingest: true });
    expect(planBuild([], root, { STORYLINE_SHARDS: '3' })).toMatchObject({ mode: 'shards', count: 3, out: '/project/dist' });
    expect(planBuild(['--shards', '2', '--jobs', '1', '--no-ingest'], root, {})).toMatchObject({ mode: 'shards', count: 2, jobs: 1, ingest: false });
    expect(planBuild(['--shard', '1/4'], root, {})).toMatchObject({ mode: 'shard', shard: { index: 1, count: 4 }, out: '/project/.shards/1-of-4' });
    expect(planBuild(['--merge', 'a', 'b', '--out', 'site'], root, {})).toMatchObject({ mode: 'merge', dirs: ['/project/a', '/project/b'], out: '/project/site' });
    expect(planBuild(['--shards', '2', '--shard', '0/2'], root, {})).toMatch(/do not go together/);
    expect(planBuild(['--shard', '2/2'], root, {})).toMatch(/^--shard: /);
    expect(planBuild([], root, { STORYLINE_SHARDS: 'many' })).toMatch(/^STORYLINE_SHARDS: /);
    expect(planBuild(['--merge'], root, {})).toMatch(/needs the shard output folders/);
    expect(planBuild(['--shard', '0/2', '--out', '../elsewhere'], root, {})).toMatch(/must be inside the project/);
    expect(planBuild(['--shard', '0/2', '--out', 'shard-out'], root, {})).toMatchObject({ out: '/project/shard-out' });
    expect(planBuild(['stray'], root, {})).toMatch(/unexpected argument stray/);
  });
});

const manifest = (shard: number, count: number, pages: string[] = []): ShardManifest => ({ shard, count, pages });

describe('the merge checks', () => {
  it('reads a manifest, or says why not', () => {
    expect(parseManifest('{"shard":1,"count":2,"pages":["a/"]}', 'm.json')).toEqual(manifest(1, 2, ['a/']));
    expect(parseManifest('{"shard":2,"count":2,"pages":[]}', 'm.json')).toMatch(/^m\.json: not a shard manifest/);
    expect(parseManifest('{', 'm.json')).toMatch(/^m\.json: not JSON/);
  });
  it('wants every shard of one count, once', () => {
    expect(checkShardSet([{ where: 'a', manifest: manifest(1, 2) }, { where: 'b', manifest: manifest(0, 2) }])).toEqual([]);
    expect(checkShardSet([{ where: 'a', manifest: manifest(0, 3) }, { where: 'b', manifest: manifest(2, 3) }])).toEqual([expect.stringMatching(/^missing shard 1 of 3/)]);
    expect(checkShardSet([{ where: 'a', manifest: manifest(0, 2) }, { where: 'b', manifest: manifest(0, 2) }])).toEqual(['b: shard 0 is also a', expect.stringMatching(/^missing shard 1 of 2/)]);
    expect(checkShardSet([{ where: 'a', manifest: manifest(0, 2) }, { where: 'b', manifest: manifest(1, 3) }])).toContain('b: shard 1 of 3, but a is of 2');
    expect(checkShardSet([])).toEqual(['no shard outputs to merge']);
  });
  it('copies each file from the first shard that wrote it and compares the rest', () => {
    expect(mergePlan([['index.html', 'articles/a/index.html', SHARD_MANIFEST], ['index.html', 'articles/b/index.html', SHARD_MANIFEST]])).toEqual([
      { path: 'articles/a/index.html', from: [0] },
      { path: 'articles/b/index.html', from: [1] },
      { path: 'index.html', from: [0, 1] },
    ]);
    expect(mergedPages([manifest(0, 2, ['', 'b/']), manifest(1, 2, ['a/', ''])])).toEqual(['', 'a/', 'b/']);
    expect(conflictMessage('index.html', 'shard 0', 'shard 1')).toMatch(/^index\.html: shard 0 and shard 1 wrote different bytes/);
  });
});

describe('merging shard folders', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const shardFolder = (root: string, m: ShardManifest, files: Record<string, string>): string => {
    const dir = join(root, `shard-${m.shard}`);
    for (const [path, text] of Object.entries({ ...files, [SHARD_MANIFEST]: JSON.stringify(m) })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };
  const settings = { site: 'https://news.example.org', base: '/' };
  const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
    const log = console.log;
    console.log = () => {};
    try {
      return await run();
    } finally {
      console.log = log;
    }
  };

  it('joins the shards into one site with the sitemap of all their pages', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shard-merge-'));
    temps.push(root);
    const a = shardFolder(root, manifest(0, 2, ['', 'articles/a/']), { 'index.html': 'home', 'articles/a/index.html': 'A', '_astro/site.css': 'css' });
    const b = shardFolder(root, manifest(1, 2, ['', 'articles/b/']), { 'index.html': 'home', 'articles/b/index.html': 'B', '_astro/site.css': 'css' });
    const out = join(root, 'site');
    expect(await quietly(() => mergeShards([b, a], out, settings, { index: false }))).toEqual([]);
    expect(readFileSync(join(out, 'articles/b/index.html'), 'utf8')).toBe('B');
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(['https://news.example.org/', 'https://news.example.org/articles/a/', 'https://news.example.org/articles/b/']);
  });
  it('fails, naming the file, when two shards wrote it differently, and when a shard is missing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shard-merge-'));
    temps.push(root);
    const a = shardFolder(root, manifest(0, 3), { 'index.html': 'home', 'rss.xml': 'feed' });
    const b = shardFolder(root, manifest(1, 3), { 'index.html': 'home, built from other content', 'rss.xml': 'feed' });
    const c = shardFolder(root, manifest(2, 3), { 'index.html': 'home', 'rss.xml': 'feed' });
    const messages = await quietly(() => mergeShards([a, b, c], join(root, 'site'), settings, { index: false }));
    expect(messages).toEqual([conflictMessage('index.html', `shard 0 (${a})`, `shard 1 (${b})`)]);
    expect(await quietly(() => mergeShards([a, c], join(root, 'site'), settings, { index: false }))).toEqual([expect.stringMatching(/^missing shard 1 of 3/)]);
    expect(await quietly(() => mergeShards([a, b, c], root, settings, { index: false }))).toEqual([expect.stringMatching(/which the merge would delete/)]);
  });
});
