/**
 * Removes from a build's assets the untouched copies of the lead images
 * (`isLeadImageOriginal`): no page shows them, so a whole build, every
 * shard of a sharded one and a site with `images: false` publish the same
 * files, the resized pictures alone.
 */
import type { AstroIntegration } from 'astro';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLeadImageOriginal } from '../lib/site/lead-images.ts';

export function leadImageOriginals(): AstroIntegration {
  return {
    name: 'storyline:lead-image-originals',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const assets = join(fileURLToPath(dir), '_astro');
        const names = await readdir(assets).catch(() => [] as string[]);
        await Promise.all(names.filter(isLeadImageOriginal).map((name) => rm(join(assets, name), { force: true })));
      },
    },
  };
}
