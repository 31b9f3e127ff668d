/**
 * What each feed route serves: the site's feeds carry the newest
 * `FEED_ITEMS` articles, a topic's feeds the newest `FEED_ITEMS` of the
 * topic's articles. Routes call `feedFor` and only
 * choose the format. Each feed's entries are made once and shared by its
 * three formats, and each article's entry once for every feed it is in.
 */
import { feedEntries, type FeedEntry, type FeedMeta } from './feeds.ts';
import { absoluteUrl, FEED_ITEMS, siteConfig } from './config.ts';
import { site as siteData } from './site-data.ts';
import { sortNewestFirst } from './articles.ts';
import { fullEntries } from './article-files.ts';

export type FeedFormat = 'rss.xml' | 'atom.xml' | 'feed.json';

const made = new Map<string, Promise<FeedEntry[]>>();
const perArticle = new Map<string, FeedEntry>();

export async function feedFor(topicId: string | undefined, format: FeedFormat, site: string): Promise<{ meta: FeedMeta; entries: FeedEntry[] }> {
  const base = import.meta.env.BASE_URL;
  const index = await siteData();
  const topic = topicId ? index.knowledge.topic(topicId) : undefined;
  const home = topic ? `topics/${topic.id}/` : '';
  const tagsOf = (id: string): string[] => [
    ...index.knowledge.topicsOf(id).map((t) => t.name),
    ...index.knowledge
      .entitiesOf(id)
      .slice(0, 6)
      .map(({ entity }) => entity.name),
  ];
  const key = `${site}\n${base}\n${topic?.id ?? ''}`;
  let entries = made.get(key);
  if (!entries || import.meta.env.DEV) {
    const cache = import.meta.env.DEV ? new Map<string, FeedEntry>() : perArticle;
    // The newest `FEED_ITEMS` (the order is total, so cutting first keeps `feedEntries`' pick), read whole: a shard holds cards of most.
    const newest = topic ? sortNewestFirst(index.resolve(new Set(topic.articles))).slice(0, FEED_ITEMS) : index.newest.slice(0, FEED_ITEMS);
    entries = fullEntries(newest).then((full) => feedEntries(full, FEED_ITEMS, site, base, tagsOf, cache));
    made.set(key, entries);
  }
  return {
    meta: {
      title: topic ? `${topic.name} · ${siteConfig.title}` : siteConfig.title,
      description: topic?.description ?? (topic ? `Articles on ${topic.name}, newest first.` : siteConfig.description),
      homeUrl: absoluteUrl(site, base, home),
      feedUrl: absoluteUrl(site, base, `${home}${format}`),
      lang: siteConfig.lang,
    },
    entries: await entries,
  };
}
