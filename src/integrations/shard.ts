/**
 * In a shard build (`STORYLINE_SHARD=K/N`), writes the shard's manifest
 * (`SHARD_MANIFEST`: which shard it is and the pages it rendered) into its
 * output folder, for the merge: the merge checks the set of shards is whole
 * and writes the sitemap of every shard's pages.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARD_MANIFEST, type ShardManifest } from '../lib/site/shard-merge.ts';
import type { Shard } from '../lib/site/shards.ts';

export function shardManifest(shard: Shard): AstroIntegration {
  return {
    name: 'storyline:shard',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const manifest: ShardManifest = { shard: shard.index, count: shard.count, pages: pages.map((p) => p.pathname).sort() };
        await writeFile(join(fileURLToPath(dir), SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
        logger.info(`shard ${shard.index} of ${shard.count}: ${pages.length} pages`);
      },
    },
  };
}
