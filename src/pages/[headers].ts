/**
 * `_headers` for Netlify and Cloudflare Pages: the Content-Security-Policy
 * (with `frame-ancestors`, which a meta tag cannot carry), long cache
 * lifetimes for hashed assets and Pagefind's content-addressed files, short
 * ones for HTML and feeds. Generated so the script hashes in the policy always
 * match the pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { contentSecurityPolicy } from '../lib/site/head.ts';
import { sliceForShard } from '../lib/site/shards.ts';
import { shard } from '../lib/site/shard-data.ts';

// Astro skips page files whose names start with "_", so the name comes from a parameter.
export const getStaticPaths = (() => sliceForShard([{ params: { headers: '_headers' } }], () => '_headers', shard)) satisfies GetStaticPaths;

export const GET: APIRoute = () => {
  const base = import.meta.env.BASE_URL;
  const body = [
    `${base}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy(true)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Cache-Control: public, max-age=300, must-revalidate',
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${base}pagefind/*`,
    '  Cache-Control: public, max-age=86400',
    `${base}pagefind/fragment/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${base}pagefind/index/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${base}sources.opml`,
    '  Content-Type: text/x-opml; charset=utf-8',
    `${base}raw/*`,
    '  Content-Type: text/plain; charset=utf-8',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
