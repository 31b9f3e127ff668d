import type { APIRoute } from 'astro';
import { feedFor } from '../lib/site/feed-sources.ts';
import { jsonFeedResponse } from '../lib/site/feed-responses.ts';

export const GET: APIRoute = async ({ site }) => {
  const { meta, entries } = await feedFor(undefined, 'feed.json', String(site));
  return jsonFeedResponse(meta, entries);
};
