import type { APIRoute, GetStaticPaths } from 'astro';
import { feedFor } from '../../../lib/site/feed-sources.ts';
import { rssResponse } from '../../../lib/site/feed-responses.ts';
import { knowledge } from '../../../lib/site/knowledge-data.ts';
import { sliceForShard } from '../../../lib/site/shards.ts';
import { shard } from '../../../lib/site/shard-data.ts';

export const getStaticPaths = (() => sliceForShard(knowledge.stories.topics, (t) => `topics/${t.id}`, shard).map((t) => ({ params: { slug: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { meta, entries } = await feedFor(params.slug, 'rss.xml', String(site));
  return rssResponse(meta, entries);
};
