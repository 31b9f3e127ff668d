/**
 * `/topics/<slug>/timeline.json`: the topic's timeline in TimelineJS's format.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import knowledgeJson from '../../../../content/knowledge.json';
import { parseKnowledge } from '../../../lib/site/knowledge.ts';
import { topicTimeline } from '../../../lib/site/timeline.ts';
import { withBase } from '../../../lib/site/config.ts';

const knowledge = parseKnowledge(knowledgeJson);

export const getStaticPaths = (() => knowledge.stories.topics.map((t) => ({ params: { slug: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const entries = await getCollection('articles');
  const base = import.meta.env.BASE_URL;
  // Absolute links when the site's URL is configured (SITE_URL), else site-relative paths.
  const site: string | undefined = import.meta.env.SITE;
  const url = (id: string): string => {
    const path = withBase(base, `articles/${id}/`);
    return site ? new URL(path, site).href : path;
  };
  const timeline = topicTimeline(knowledge, params.slug ?? '', entries, url);
  return new Response(JSON.stringify(timeline, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
