/**
 * What each feed route serves: the site's feeds carry the newest
 * `feedItems` articles (content/site.yaml), a topic's feeds the newest
 * `feedItems` of the topic's articles, titled and dated as the settings say. Routes call `feedFor` and only
 * choose the format. Each feed's entries are made once and shared by its
 * three formats, and each article's entry once for every feed it is in.
 */
import { feedEntries, type FeedEntry, type FeedMeta } from './feeds.ts';
import { absoluteUrl } from './config.ts';
import { locale, settings } from './settings-data.ts';
import { site as siteData } from './site-data.ts';
import { sortNewestFirst } from './articles.ts';
import { fullEntries } from './article-files.ts';
import { leadShareImage } from './lead-image-files.ts';

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
    // The newest `feedItems` (the order is total, so cutting first keeps `feedEntries`' pick), read whole: a shard holds cards of most.
    const limit = settings.feedItems;
    const newest = topic ? sortNewestFirst(index.resolve(new Set(topic.articles))).slice(0, limit) : index.newest.slice(0, limit);
    entries = fullEntries(newest).then(async (full) => {
      const made = feedEntries(full, limit, site, base, tagsOf, cache, { locale, timeZone: settings.timeZone });
      // The lead images, as the article pages publish them (the same JPEG); an entry shared by several feeds gets it once.
      const images = new Map(full.map((e) => [absoluteUrl(site, base, `articles/${e.id}/`), e.data.image] as const));
      for (const entry of made) {
        if (entry.image !== undefined || !images.get(entry.url)) continue;
        const shared = await leadShareImage(images.get(entry.url), site);
        if (shared) entry.image = { url: shared.url, type: shared.type };
      }
      return made;
    });
    made.set(key, entries);
  }
  return {
    meta: {
      title: topic ? `${topic.name} · ${settings.title}` : settings.title,
      description: topic?.description ?? (topic ? `Articles on ${topic.name}, newest first.` : settings.description),
      homeUrl: absoluteUrl(site, base, home),
      feedUrl: absoluteUrl(site, base, `${home}${format}`),
      lang: settings.language,
    },
    entries: await entries,
  };
}
