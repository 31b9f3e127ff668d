/**
 * The settings of `content/site.yaml` that the build itself applies: the
 * rules they need (the accent colour, the logo's box: `settingsCss`),
 * appended to the site's stylesheet (`src/styles/global.css`), so they are
 * served from the site's own CSS file and the Content-Security-Policy keeps
 * `style-src 'self'`; and, in `astro dev`, a restart when the file changes.
 * The pages read the rest (`settings-data.ts`).
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { settingsCss } from '../lib/site/settings-css.ts';
import { SETTINGS_FILE, type SiteSettings } from '../lib/site/site-settings.ts';

/** The stylesheet the rules are appended to. */
const STYLESHEET = /\/src\/styles\/global\.css(?:\?.*)?$/;

export function siteSettings(settings: SiteSettings, root: string): AstroIntegration {
  const css = settingsCss(settings);
  return {
    name: 'storyline:site-settings',
    hooks: {
      'astro:config:setup': ({ addWatchFile, updateConfig }) => {
        addWatchFile(join(root, 'content', SETTINGS_FILE));
        if (css === undefined) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'storyline:settings-css',
                enforce: 'pre',
                transform(code: string, id: string) {
                  return STYLESHEET.test(id.split('\\').join('/')) ? { code: `${code}${css}`, map: null } : null;
                },
              },
            ],
          },
        });
      },
    },
  };
}
