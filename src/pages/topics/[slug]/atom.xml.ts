import type { APIRoute, GetStaticPaths } from 'astro';
import { feedFor } from '../../../lib/site/feed-sources.ts';
import { atomResponse } from '../../../lib/site/feed-responses.ts';
import { knowledge } from '../../../lib/site/knowledge-data.ts';
import { sliceForShard } from '../../../lib/site/shards.ts';
import { shard } from '../../../lib/site/shard-data.ts';

export const getStaticPaths = (() => sliceForShard(knowledge.stories.topics, (t) => `topics/${t.id}`, shard).map((t) => ({ params: { slug: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { meta, entries } = await feedFor(params.slug, 'atom.xml', String(site));
  return atomResponse(meta, entries);
};
