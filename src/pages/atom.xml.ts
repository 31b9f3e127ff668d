import type { APIRoute } from 'astro';
import { feedFor } from '../lib/site/feed-sources.ts';
import { atomResponse } from '../lib/site/feed-responses.ts';

export const GET: APIRoute = async ({ site }) => {
  const { meta, entries } = await feedFor(undefined, 'atom.xml', String(site));
  return atomResponse(meta, entries);
};
