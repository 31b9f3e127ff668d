/** Site-wide settings. */
export const siteConfig = {
  title: 'Storyline',
  description: 'News from many outlets, cleaned, dated and sourced: every fact shows where it came from.',
  lang: 'en',
} as const;

/** A path inside the site, under the configured base (`import.meta.env.BASE_URL`). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
