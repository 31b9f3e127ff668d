/**
 * What each feed route serves: the site's feeds carry every article, a
 * topic's feeds carry the topic's articles. Routes call `feedFor` and only
 * choose the format.
 */
import { getCollection } from 'astro:content';
import { feedEntries, type FeedEntry, type FeedMeta } from './feeds.ts';
import { absoluteUrl, siteConfig } from './config.ts';
import { knowledge } from './knowledge-data.ts';
import { entitiesOf } from './knowledge.ts';

export type FeedFormat = 'rss.xml' | 'atom.xml' | 'feed.json';

export async function feedFor(topicId: string | undefined, format: FeedFormat, site: string): Promise<{ meta: FeedMeta; entries: FeedEntry[] }> {
  const base = import.meta.env.BASE_URL;
  const all = await getCollection('articles');
  const topic = topicId ? knowledge.stories.topics.find((t) => t.id === topicId) : undefined;
  const entries = topic ? all.filter((e) => topic.articles.includes(e.id)) : all;
  const home = topic ? `topics/${topic.id}/` : '';
  const tagsOf = (id: string): string[] => [
    ...knowledge.stories.topics.filter((t) => t.articles.includes(id)).map((t) => t.name),
    ...entitiesOf(knowledge, id)
      .slice(0, 6)
      .map(({ entity }) => entity.name),
  ];
  return {
    meta: {
      title: topic ? `${topic.name} · ${siteConfig.title}` : siteConfig.title,
      description: topic?.description ?? (topic ? `Articles on ${topic.name}, newest first.` : siteConfig.description),
      homeUrl: absoluteUrl(site, base, home),
      feedUrl: absoluteUrl(site, base, `${home}${format}`),
      lang: siteConfig.lang,
    },
    entries: feedEntries(entries, site, base, tagsOf),
  };
}
