/**
 * The site's feeds (`rss.xml`, `atom.xml`, `feed.json`): the newest articles
 * with their full texts. One route with a parameter, not three files, so a
 * sharded build renders them in one shard (keyed `feeds`), the one that reads
 * those articles whole; a page without parameters is rendered by every shard.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedFor, type FeedFormat } from '../lib/site/feed-sources.ts';
import { atomResponse, jsonFeedResponse, rssResponse } from '../lib/site/feed-responses.ts';
import { sliceForShard } from '../lib/site/shards.ts';
import { shard } from '../lib/site/shard-data.ts';

const FORMATS: readonly FeedFormat[] = ['rss.xml', 'atom.xml', 'feed.json'];

export const getStaticPaths = (() => sliceForShard(FORMATS, () => 'feeds', shard).map((feed) => ({ params: { feed } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const format = params.feed as FeedFormat;
  const { meta, entries } = await feedFor(undefined, format, String(site));
  return format === 'rss.xml' ? rssResponse(meta, entries) : format === 'atom.xml' ? atomResponse(meta, entries) : jsonFeedResponse(meta, entries);
};
