/**
 * Which shard of a sharded site build renders which page, and the checks the
 * merge of the shards' outputs makes. Pure: the build passes the shard in
 * (from `STORYLINE_SHARD=K/N`, see `shard-data.ts`) and the pages pass plain
 * arrays of their paths.
 *
 * A page's shard is a hash of a key naming the item it shows (its route and
 * id, e.g. `articles/<id>`), modulo the shard count: the assignment depends on
 * nothing but the key, so a page stays in its shard as the corpus grows, and
 * every shard computes it without seeing the others. The hash is 32-bit
 * FNV-1a over the key's UTF-16 code units (Fowler, Noll and Vo), which spreads
 * similar keys (slugs sharing a long prefix) evenly enough for a slice count.
 */

import { join } from 'node:path';

/** Shard `index` (0-based) of `count` shards. */
export interface Shard {
  index: number;
  count: number;
}

/** The most shards a build may be cut into: more is a typo, not a plan. */
export const MAX_SHARDS = 256;

/** `"K/N"` (shard K of N, 0 ≤ K < N) as a shard, or a message saying what is wrong with it. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `a shard is written K/N (shard K of N, counted from 0), not "${text}"`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return `a shard count is 1 to ${MAX_SHARDS}, not ${count}`;
  if (index >= count) return `shard ${index} of ${count} does not exist: shards are numbered 0 to ${count - 1}`;
  return { index, count };
}

/** A shard count (`--shards N`, `STORYLINE_SHARDS=N`), or a message saying what is wrong with it. */
export function parseShardCount(text: string): number | string {
  const count = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS) return `a shard count is a whole number from 1 to ${MAX_SHARDS}, not "${text}"`;
  return count;
}

/**
 * The shard this build renders, from `STORYLINE_SHARD` in `env`; undefined
 * when unset (a whole build). Throws a readable error on a bad value, as
 * `readSiteConfig` does: the build cannot start with it.
 */
export function shardFromEnv(env: Record<string, string | undefined>): Shard | undefined {
  const text = env['STORYLINE_SHARD'];
  if (text === undefined || text === '') return undefined;
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new Error(`STORYLINE_SHARD: ${shard}`);
  return shard;
}

/** The shard (0 … count−1) that renders the page keyed `key`. */
export function shardOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** Whether `shard` renders the page keyed `key`; every page is in a whole build (`shard` undefined). */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return shard === undefined || shard.count === 1 || shardOf(key, shard.count) === shard.index;
}

/** The items of `items` whose pages `shard` renders, in their order; all of them in a whole build. */
export function sliceForShard<T>(items: readonly T[], keyOf: (item: T) => string, shard: Shard | undefined): T[] {
  if (shard === undefined || shard.count === 1) return [...items];
  return items.filter((item) => inShard(keyOf(item), shard));
}

/** The folder a shard of `root` builds into unless told otherwise (inside the project: see `astro.config.mjs`). */
export function defaultShardDir(root: string, shard: Shard): string {
  return join(root, '.shards', `${shard.index}-of-${shard.count}`);
}
