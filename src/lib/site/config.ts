/**
 * Where the site is deployed, and addresses in it. The build reads the
 * environment through `readSiteConfig(process.env)` in `astro.config.mjs`:
 * `SITE_URL` (the deployed origin, e.g. `https://news.example.org`) and
 * `BASE_PATH` (a sub-path such as `/news/`) override the defaults. What the
 * site is (its title, language, look, limits) is set in `content/site.yaml`
 * (`site-settings.ts`).
 */
import { z } from 'zod';

const envSchema = z.object({
  /** The origin the site is deployed at; absolute URLs (feeds, canonical links, sitemap) use it. */
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The path the site is served under: `/` or `/<segments>/`. */
  BASE_PATH: z
    .string()
    .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$|^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]+$/, 'BASE_PATH is a path like /news/')
    .optional(),
});

export interface BuildSettings {
  site: string;
  /** Always begins and ends with `/`. */
  base: string;
}

/** The build's site and base from the environment, checked; throws a readable error on a bad value. */
export function readSiteConfig(env: Record<string, string | undefined>): BuildSettings {
  const parsed = envSchema.safeParse({ SITE_URL: env['SITE_URL'] || undefined, BASE_PATH: env['BASE_PATH'] || undefined });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n'));
  const base = (parsed.data.BASE_PATH ?? '/').replace(/\/?$/, '/');
  return { site: (parsed.data.SITE_URL ?? 'http://localhost:4321').replace(/\/$/, ''), base };
}

/** A path inside the site, under the configured base (`import.meta.env.BASE_URL`). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** An absolute URL for a path inside the site. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(base, path), `${site.replace(/\/$/, '')}/`).href;
}
