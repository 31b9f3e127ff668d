/**
 * The sitemap (`sitemap-index.xml`, `sitemap-0.xml`, …) by `@astrojs/sitemap`,
 * with the site's options in one place: the whole build runs it as an
 * integration, and the merge of a sharded build runs the same integration's
 * hooks over the pages every shard rendered, so the two write the same files
 * (the integration sorts its URLs, so the order the pages were rendered in
 * does not matter).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import sitemap, { type SitemapOptions } from '@astrojs/sitemap';
import { pathToFileURL } from 'node:url';
import type { BuildSettings } from '../lib/site/config.ts';

/** Raw seeds and the 404 page are not pages to index. */
const OPTIONS: SitemapOptions = { filter: (page) => !/\/(raw|404)\b/.test(page) };

/** The sitemap integration of a whole build. */
export function siteMap(): AstroIntegration {
  return sitemap(OPTIONS);
}

/**
 * Writes the sitemap of `pages` (the page paths Astro reports at the end of a
 * build, relative to the base) into `dir`, as the integration does at the end
 * of a whole build of `settings`. The site's page routes all render pages, so
 * the pages alone give the integration every URL it would list.
 */
export async function writeSitemapOf(dir: string, pages: readonly string[], settings: BuildSettings, logger: AstroIntegrationLogger): Promise<void> {
  const hooks = sitemap(OPTIONS).hooks as Record<string, ((options: object) => unknown) | undefined>;
  const config = { site: settings.site, base: settings.base, trailingSlash: 'always', build: { format: 'directory' } };
  await hooks['astro:routes:resolved']?.({ routes: [], logger });
  await hooks['astro:config:done']?.({ config, logger });
  await hooks['astro:build:done']?.({ dir: pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`), pages: pages.map((pathname) => ({ pathname })), logger });
}
