// @ts-check
import { defineConfig } from 'astro/config';
import { pagefind } from './src/integrations/pagefind.ts';
import { siteMap } from './src/integrations/sitemap.ts';
import { shardManifest } from './src/integrations/shard.ts';
import { readSiteConfig } from './src/lib/site/config.ts';
import { shardFromEnv } from './src/lib/site/shards.ts';
import { projectPlace, readSiteSettings } from './src/lib/site/settings-file.ts';
import { formatDiagnostic } from './src/lib/diagnostics.ts';
import { siteSettings } from './src/integrations/site-settings.ts';
import { leadImageOriginals } from './src/integrations/lead-image-originals.ts';

const { site, base } = readSiteConfig(process.env);
// content/site.yaml, read and checked before anything is built: a file with errors stops the build with every
// `content/site.yaml:LINE:` message, and no `dist/` is written. The pages read the same file (settings-data.ts).
const { settings, messages } = readSiteSettings(projectPlace(process.cwd()));
if (settings === undefined) {
  const lines = messages.map(formatDiagnostic).join('\n');
  // The dev server, restarting on an edit of the file, keeps running and shows the errors; any other command stops.
  if (process.argv.includes('dev')) throw Object.assign(new Error(lines), { stack: lines });
  console.error(`${lines}\nthe site is not built: correct ${messages.length === 1 ? 'this error' : `these ${messages.length} errors`} in content/site.yaml`);
  process.exit(1);
}
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
  // Lead images (LeadPicture.astro): sharp's AVIF at effort 3, not its default 4. On photos 720 px wide, made 960 and
  // 224 px wide, effort 3 encoded in a quarter of the time (341 ms against 1,477 ms) and wrote files 3% smaller.
  image: { service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 3 } } } },
  integrations: [siteSettings(settings, process.cwd()), leadImageOriginals(), ...(shard ? [shardManifest(shard)] : [siteMap(), pagefind()])],
  server: { port: 4321 },
});
