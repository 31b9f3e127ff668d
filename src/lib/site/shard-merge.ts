/**
 * The checks the merge of a sharded build's outputs makes, pure over what the
 * CLI read: each shard's manifest (which shard of how many it is, and the
 * pages it rendered) and the files each shard wrote. The merged site is a
 * whole build's only if every shard of one count is there, once, and every
 * file two shards both wrote (the shared pages, `public/`, Astro's hashed
 * assets) has the same bytes in both: a difference means the shards were
 * built from different content or code, and is an error naming the file.
 */

/** What a shard build writes beside its pages (`SHARD_MANIFEST` in its output folder). */
export interface ShardManifest {
  /** This shard's index, 0 … count−1. */
  shard: number;
  /** How many shards the build was cut into. */
  count: number;
  /** The page paths Astro reported for this shard, relative to the base, sorted. */
  pages: string[];
}

/** The manifest's file name in a shard's output folder; the merge does not copy it. */
export const SHARD_MANIFEST = '.storyline-shard.json';

/** A manifest from its JSON text, or a message saying why it is not one (`where` names the file). */
export function parseManifest(text: string, where: string): ShardManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `${where}: not JSON (${(error as Error).message})`;
  }
  const m = value as Partial<ShardManifest> | null;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (m === null || typeof m !== 'object' || !whole(m.shard) || !whole(m.count) || m.shard >= m.count || !Array.isArray(m.pages) || !m.pages.every((p) => typeof p === 'string')) {
    return `${where}: not a shard manifest ({ shard, count, pages })`;
  }
  return { shard: m.shard, count: m.count, pages: m.pages };
}

/**
 * Messages for a set of shards that is not one whole build: counts that
 * differ, a shard given twice, a shard missing. Empty when the set is whole.
 * `where` names each manifest's folder, in the order given.
 */
export function checkShardSet(manifests: readonly { where: string; manifest: ShardManifest }[]): string[] {
  if (manifests.length === 0) return ['no shard outputs to merge'];
  const messages: string[] = [];
  const count = manifests[0]!.manifest.count;
  const seen = new Map<number, string>();
  for (const { where, manifest } of manifests) {
    if (manifest.count !== count) messages.push(`${where}: shard ${manifest.shard} of ${manifest.count}, but ${manifests[0]!.where} is of ${count}`);
    const earlier = seen.get(manifest.shard);
    if (earlier !== undefined) messages.push(`${where}: shard ${manifest.shard} is also ${earlier}`);
    else seen.set(manifest.shard, where);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) messages.push(`missing shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count}: its pages would be absent from the site`);
  return messages;
}

/** One file of the merged site: the shards (positions in the list given) that wrote it, in order. The first is copied; the others must match it. */
export interface MergedFile {
  path: string;
  from: number[];
}

/** Every file the shards wrote, sorted by path, with the shards that wrote it. `listings[i]` is shard position i's files (paths relative to its folder, `/`-separated). */
export function mergePlan(listings: readonly (readonly string[])[]): MergedFile[] {
  const byPath = new Map<string, number[]>();
  listings.forEach((files, i) => {
    for (const path of files) {
      if (path === SHARD_MANIFEST) continue;
      const from = byPath.get(path);
      if (from) from.push(i);
      else byPath.set(path, [i]);
    }
  });
  return [...byPath].map(([path, from]) => ({ path, from })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The error for a file two shards wrote with different bytes. */
export function conflictMessage(path: string, first: string, other: string): string {
  return `${path}: ${first} and ${other} wrote different bytes (were the shards built from the same content/ and code?)`;
}

/** Every page any shard rendered, once, sorted: the page list of the whole build. */
export function mergedPages(manifests: readonly ShardManifest[]): string[] {
  return [...new Set(manifests.flatMap((m) => m.pages))].sort();
}
