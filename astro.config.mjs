// @ts-check
import { defineConfig } from 'astro/config';
import { pagefind } from './src/integrations/pagefind.ts';
import { siteMap } from './src/integrations/sitemap.ts';
import { shardManifest } from './src/integrations/shard.ts';
import { readSiteConfig } from './src/lib/site/config.ts';
import { shardFromEnv } from './src/lib/site/shards.ts';

const { site, base } = readSiteConfig(process.env);
// A shard of a sharded build (`npm run build -- --shards N` or `--shard K/N`, which set these variables) renders its
// slice of the pages into its own folder, with its own caches, so shards can build at once in one checkout; the
// merge writes the sitemap and the Pagefind index over every shard's pages. The folder stays inside the project:
// Astro puts a build's server chunks in `./.astro/` (shared) when the output folder is outside the working directory.
const shard = shardFromEnv(process.env);
const shardBuild = shard && {
  outDir: process.env.STORYLINE_SHARD_OUT || `./.shards/${shard.index}-of-${shard.count}`,
  cacheDir: `./.cache/astro-shard-${shard.index}-of-${shard.count}`,
};

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Stylesheets are files, never inlined, so the Content-Security-Policy can allow styles from 'self' only.
  // Four pages in flight at once: one renders while the others' files are written (one at a time, rendering waited on
  // the writes about half the time). No page helper keeps state that depends on the order pages render in.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  ...shardBuild,
  integrations: shard ? [shardManifest(shard)] : [siteMap(), pagefind()],
  server: { port: 4321 },
});
