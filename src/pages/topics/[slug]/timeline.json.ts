/**
 * `/topics/<slug>/timeline.json`: the topic's timeline in TimelineJS's format,
 * its latest `TIMELINE_JSON_LIMIT` items, so the file stays the same size
 * however long the topic runs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { knowledge } from '../../../lib/site/knowledge-data.ts';
import { site as siteData } from '../../../lib/site/site-data.ts';
import { topicTimeline } from '../../../lib/site/timeline.ts';
import { withBase } from '../../../lib/site/config.ts';
import { sliceForShard } from '../../../lib/site/shards.ts';
import { shard } from '../../../lib/site/shard-data.ts';

export const getStaticPaths = (() => sliceForShard(knowledge.stories.topics, (t) => `topics/${t.id}`, shard).map((t) => ({ params: { slug: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const index = await siteData();
  const base = import.meta.env.BASE_URL;
  // Absolute links when the site's URL is configured (SITE_URL), else site-relative paths.
  const site: string | undefined = import.meta.env.SITE;
  const url = (id: string): string => {
    const path = withBase(base, `articles/${id}/`);
    return site ? new URL(path, site).href : path;
  };
  const topic = index.knowledge.topic(params.slug ?? '');
  const timeline = topic && topicTimeline(knowledge, topic.id, index.resolve(new Set(topic.articles)), url, index.knowledge.eventsCiting(topic.articles));
  return new Response(JSON.stringify(timeline, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
