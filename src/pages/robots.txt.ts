/**
 * `robots.txt`: everything may be crawled except the raw scrapes; the sitemap
 * is named with its absolute URL, as the format requires.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/site/config.ts';

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const body = ['User-agent: *', `Disallow: ${base}raw/`, '', `Sitemap: ${absoluteUrl(String(site), base, 'sitemap-index.xml')}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
