// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { pagefind } from './src/integrations/pagefind.ts';
import { readSiteConfig } from './src/lib/site/config.ts';

const { site, base } = readSiteConfig(process.env);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Stylesheets are files, never inlined, so the Content-Security-Policy can allow styles from 'self' only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [sitemap({ filter: (page) => !/\/(raw|404)\b/.test(page) }), pagefind()],
  server: { port: 4321 },
});
