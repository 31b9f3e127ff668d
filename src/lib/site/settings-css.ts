/**
 * The stylesheet rules a site's settings add to `src/styles/global.css`
 * (appended by `src/integrations/site-settings.ts`, so they are served from
 * the site's own CSS file and win over its defaults): the accent colour of
 * each scheme, and the box the header's logo sits in. Without either setting
 * nothing is added, and the stylesheet is byte for byte the default one.
 */
import { accentCss } from './contrast.ts';
import type { SiteSettings } from './site-settings.ts';

/** The header's logo: a square beside the title, the image fitted inside it, its box fixed so nothing shifts as it loads. */
const LOGO_CSS = ['', '/* The logo set in content/site.yaml. */', '.brand-logo { display: block; width: 1.5em; height: 1.5em; object-fit: contain; }', ''].join('\n');

/** The rules to append, or undefined when the settings need none. */
export function settingsCss(settings: Pick<SiteSettings, 'accent' | 'accentDark' | 'logo'>): string | undefined {
  const parts = [settings.accent === undefined ? '' : accentCss(settings.accent, settings.accentDark), settings.logo === undefined ? '' : LOGO_CSS].filter(Boolean);
  return parts.length === 0 ? undefined : parts.join('');
}
