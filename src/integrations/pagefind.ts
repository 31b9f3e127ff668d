/**
 * Builds the Pagefind search index into `dist/pagefind/` once Astro has
 * written the pages. Any error Pagefind reports fails the build: a site whose
 * search silently indexes nothing is worse than no build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefindApi from 'pagefind';

export function pagefind(): AstroIntegration {
  return {
    name: 'storyline:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const fail = (step: string, errors: readonly string[]): never => {
          throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
        };
        try {
          const { index, errors } = await pagefindApi.createIndex({});
          if (!index || errors.length > 0) return fail('createIndex', errors);
          // Only article pages carry `data-pagefind-body`, so Pagefind would read every other page only to drop it.
          const added = await index.addDirectory({ path: site, glob: 'articles/**/*.html' });
          if (added.errors.length > 0) fail('addDirectory', added.errors);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) fail('writeFiles', written.errors);
          logger.info(`indexed ${added.page_count} article pages into ${written.outputPath}`);
        } finally {
          await pagefindApi.close();
        }
      },
    },
  };
}
