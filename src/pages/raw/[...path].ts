/**
 * Serves each seed byte for byte at `/raw/<seed path>`, so a reader can check
 * the clean article against what was scraped.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const getStaticPaths = (async () => {
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ params: { path: entry.data.source.path } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bytes = await readFile(join(process.cwd(), 'seeds', params.path ?? ''));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
