import type { APIRoute } from 'astro';
import { feedFor } from '../lib/site/feed-sources.ts';
import { rssResponse } from '../lib/site/feed-responses.ts';

export const GET: APIRoute = async ({ site }) => {
  const { meta, entries } = await feedFor(undefined, 'rss.xml', String(site));
  return rssResponse(meta, entries);
};
