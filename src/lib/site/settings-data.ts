/**
 * The site's settings as the pages read them: `content/site.yaml` of the
 * project being built, read once per build (`astro.config.mjs` has already
 * refused a file with errors, so this never sees one), and the locale its
 * dates and numbers are written in. In `astro dev`, restart after editing the
 * file (the config watches it and restarts the server).
 */
import { loadSiteSettings } from './settings-file.ts';
import { siteLocale } from './locale.ts';

export const settings = loadSiteSettings(process.cwd());

export const locale = siteLocale(settings.language);
