/**
 * `/sources.opml`: the site's own feeds and the outlets' feeds it follows,
 * for a feed reader to import (`sources-opml.ts`, `collect-sources.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { absoluteUrl } from '../lib/site/config.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { knowledge } from '../lib/site/knowledge-data.ts';
import { readFollowedFeeds } from '../lib/site/collect-sources.ts';
import { settings } from '../lib/site/settings-data.ts';
import { sliceForShard } from '../lib/site/shards.ts';
import { shard } from '../lib/site/shard-data.ts';
import { sourcesOpml } from '../lib/site/sources-opml.ts';

// A parameter, so a sharded build writes it in one shard (keyed `feeds`, with the site's feeds).
export const getStaticPaths = (() => sliceForShard([{ params: { sources: 'sources' } }], () => 'feeds', shard)) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const at = (path: string): string => absoluteUrl(String(site), base, path);
  const { feeds, messages } = readFollowedFeeds(process.cwd());
  for (const m of messages) console.warn(formatDiagnostic(m));
  const own = [
    { title: settings.title, xmlUrl: at('rss.xml'), htmlUrl: at('') },
    ...knowledge.stories.topics.map((t) => ({ title: `${t.name} · ${settings.title}`, xmlUrl: at(`topics/${t.id}/rss.xml`), htmlUrl: at(`topics/${t.id}/`) })),
  ];
  return new Response(sourcesOpml({ title: settings.title, own, followed: feeds }), { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
