/**
 * The sharded site build's I/O (`npm run build -- --shards N`, `--shard K/N`,
 * `--merge DIR...`; see `build.ts`): running one Astro build per shard, and
 * merging the shards' output folders into one site with its sitemap and one
 * Pagefind index. Which shard renders which page, and the merge's checks, are
 * the pure `src/lib/site/shards.ts` and `src/lib/site/shard-merge.ts`.
 *
 * A shard build is `astro build` with `STORYLINE_SHARD=K/N` (and
 * `STORYLINE_SHARD_OUT`, its output folder) in its environment;
 * `astro.config.mjs` gives it its own output and cache folders, so shards can
 * build at once in one checkout. They still share `.astro/` (generated types
 * and the content layer's import maps, written the same by every shard, each
 * write a rename of `<file>.tmp`): the shards start one after another, each
 * once the one before has synced its content (Astro logs "Synced content"),
 * so no two write those files at the same moment.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { copyFile, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { indexSite } from '../integrations/pagefind.ts';
import { writeSitemapOf } from '../integrations/sitemap.ts';
import type { BuildSettings } from '../lib/site/config.ts';
import { checkShardSet, conflictMessage, mergedPages, mergePlan, parseManifest, SHARD_MANIFEST, type ShardManifest } from '../lib/site/shard-merge.ts';
import { defaultShardDir, type Shard } from '../lib/site/shards.ts';
import { withHeapLimit } from './heap-limit.ts';

/** `NODE_OPTIONS` for a shard's build: `options` with the heap limit (`HEAP_LIMIT_MB`) added, unless they set one. */
export function shardNodeOptions(options: string | undefined): string {
  return withHeapLimit(options);
}

/**
 * Runs `astro build` for `shard` of the project in `root` into `outDir`;
 * resolves with its exit code. `onSynced` is called once the shard's content
 * is synced (or it has exited). Its output lines are prefixed with the shard.
 */
export function buildShard(root: string, shard: Shard, outDir: string, env: NodeJS.ProcessEnv, onSynced: () => void = () => {}): Promise<number> {
  const label = `[shard ${shard.index}/${shard.count}]`;
  const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...env, STORYLINE_SHARD: `${shard.index}/${shard.count}`, STORYLINE_SHARD_OUT: outDir, NODE_OPTIONS: shardNodeOptions(env['NODE_OPTIONS']) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let synced = false;
  const synchronised = (): void => {
    if (synced) return;
    synced = true;
    onSynced();
  };
  for (const [stream, write] of [
    [child.stdout, (line: string) => process.stdout.write(`${label} ${line}\n`)],
    [child.stderr, (line: string) => process.stderr.write(`${label} ${line}\n`)],
  ] as const) {
    createInterface({ input: stream }).on('line', (line) => {
      write(line);
      if (line.includes('Synced content')) synchronised();
    });
  }
  return new Promise((done) => {
    child.on('error', (error) => {
      process.stderr.write(`${label} ${error.message}\n`);
      synchronised();
      done(1);
    });
    child.on('close', (code) => {
      synchronised();
      done(code ?? 1);
    });
  });
}

/**
 * Builds the `count` shards of the project in `root`, at most `jobs` at once,
 * into `.shards/K-of-N/`; resolves with the folders, or the first failing
 * exit code. A shard starts once the previous one has synced its content.
 */
export async function buildAllShards(root: string, count: number, jobs: number, env: NodeJS.ProcessEnv): Promise<{ dirs: string[] } | { code: number }> {
  const dirs = Array.from({ length: count }, (_, index) => defaultShardDir(root, { index, count }));
  const codes: number[] = [];
  let next = 0;
  let running = 0;
  let starting = false;
  await new Promise<void>((finished) => {
    const launch = (): void => {
      if (starting) return;
      if (next >= count || running >= jobs) {
        if (running === 0 && next >= count) finished();
        return;
      }
      const index = next++;
      running++;
      starting = true;
      void buildShard(root, { index, count }, dirs[index]!, env, () => {
        starting = false;
        launch();
      }).then((code) => {
        codes[index] = code;
        running--;
        launch();
      });
    };
    launch();
  });
  const failed = codes.findIndex((code) => code !== 0);
  if (failed >= 0) {
    console.error(`build: shard ${failed} of ${count} exited ${codes[failed]}; the site was not merged`);
    return { code: codes[failed]! };
  }
  return { dirs };
}

/** Every file under `dir`, relative to it with `/` separators. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Whether two files have the same bytes (sizes first; then the contents, in pieces). */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  if (sa.size !== sb.size) return false;
  if (sa.size <= 1 << 20) return (await readFile(a)).equals(await readFile(b));
  const [fa, fb] = await Promise.all([open(a), open(b)]);
  try {
    const ba = Buffer.alloc(1 << 20);
    const bb = Buffer.alloc(1 << 20);
    for (let at = 0; at < sa.size; at += ba.length) {
      const [ra, rb] = await Promise.all([fa.read(ba, 0, ba.length, at), fb.read(bb, 0, bb.length, at)]);
      if (ra.bytesRead !== rb.bytesRead || !ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
    }
    return true;
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function consoleLogger(): AstroIntegrationLogger {
  const logger = {
    label: 'merge',
    options: {},
    info: (message: string) => console.log(`merge: ${message}`),
    warn: (message: string) => console.warn(`merge: ${message}`),
    error: (message: string) => console.error(`merge: ${message}`),
    debug: () => {},
    fork: () => logger,
  };
  return logger as unknown as AstroIntegrationLogger;
}

/**
 * Merges the shard output folders `dirs` into `out` (emptied first): checks
 * they are every shard of one build, copies each file from the first shard
 * that wrote it and checks every other copy has the same bytes, then writes
 * the sitemap of all the shards' pages and one Pagefind index over the whole
 * site. Resolves with the error messages, empty on success; on an error the
 * sitemap and index are not written.
 */
export async function mergeShards(dirs: readonly string[], out: string, settings: BuildSettings, options: { index?: boolean } = {}): Promise<string[]> {
  const read: { where: string; dir: string; manifest: ShardManifest }[] = [];
  const messages: string[] = [];
  for (const dir of dirs) {
    const where = join(dir, SHARD_MANIFEST);
    const text = await readFile(where, 'utf8').catch(() => undefined);
    const manifest = text === undefined ? `${where}: missing (is ${dir} the output of a shard build?)` : parseManifest(text, where);
    if (typeof manifest === 'string') messages.push(manifest);
    else read.push({ where: dir, dir, manifest });
  }
  if (messages.length > 0) return messages;
  const set = checkShardSet(read);
  if (set.length > 0) return set;
  read.sort((a, b) => a.manifest.shard - b.manifest.shard);
  const names = read.map((r) => `shard ${r.manifest.shard} (${r.dir})`);
  const listings = await Promise.all(read.map((r) => listFiles(r.dir)));
  const plan = mergePlan(listings);
  const inside = read.find((r) => `${resolve(r.dir)}${sep}`.startsWith(`${resolve(out)}${sep}`));
  if (inside) return [`${out}: the merged site's folder holds ${inside.dir}, which the merge would delete; merge into another folder`];
  await rm(out, { recursive: true, force: true });
  await pool(plan, 32, async ({ path, from }) => {
    const first = join(read[from[0]!]!.dir, path);
    const target = join(out, path);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(first, target);
    for (const other of from.slice(1)) {
      if (!(await sameBytes(first, join(read[other]!.dir, path)))) messages.push(conflictMessage(path, names[from[0]!]!, names[other]!));
    }
  });
  if (messages.length > 0) return messages.sort();
  const logger = consoleLogger();
  await writeSitemapOf(out, mergedPages(read.map((r) => r.manifest)), settings, logger);
  if (options.index !== false) {
    const { pages, outputPath } = await indexSite(out);
    logger.info(`indexed ${pages} article pages into ${outputPath}`);
  }
  console.log(`merge: ${read.length} shards, ${plan.length} files into ${out}`);
  return [];
}
