/**
 * Builds the Pagefind search index into `<site>/pagefind/` once Astro has
 * written the pages (a whole build), or once the merge of a sharded build has
 * put every shard's pages in one folder (`indexSite`). Any error Pagefind
 * reports fails the build: a site whose search silently indexes nothing is
 * worse than no build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefindApi from 'pagefind';
import { unlessStalled } from './stall.ts';

/** What the build says when Pagefind's indexer goes away without an answer (`unlessStalled`). */
export const PAGEFIND_STALLED =
  "Pagefind's indexer stopped without answering. It holds every page it reads in memory (about 245 KB an article page of this site), so on a large site the system may have stopped it for want of memory (see `dmesg`); README's Benchmark section has the numbers.";

/** Indexes the article pages of the built site in `site` into `site/pagefind/`; returns how many pages it indexed. Throws Pagefind's errors. */
export async function indexSite(site: string): Promise<{ pages: number; outputPath: string }> {
  const fail = (step: string, errors: readonly string[]): never => {
    throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
  };
  try {
    const { index, errors } = await unlessStalled(pagefindApi.createIndex({}), PAGEFIND_STALLED);
    if (!index || errors.length > 0) return fail('createIndex', errors);
    // Only article pages carry `data-pagefind-body`, so Pagefind would read every other page only to drop it.
    const added = await unlessStalled(index.addDirectory({ path: site, glob: 'articles/**/*.html' }), PAGEFIND_STALLED);
    if (added.errors.length > 0) fail('addDirectory', added.errors);
    const written = await unlessStalled(index.writeFiles({ outputPath: join(site, 'pagefind') }), PAGEFIND_STALLED);
    if (written.errors.length > 0) fail('writeFiles', written.errors);
    return { pages: added.page_count, outputPath: written.outputPath };
  } finally {
    await pagefindApi.close();
  }
}

/** The integration of a whole build; a shard build leaves the index to the merge. */
export function pagefind(): AstroIntegration {
  return {
    name: 'storyline:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, outputPath } = await indexSite(fileURLToPath(dir));
        logger.info(`indexed ${pages} article pages into ${outputPath}`);
      },
    },
  };
}
