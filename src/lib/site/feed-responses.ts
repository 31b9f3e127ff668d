/**
 * The three feed formats as HTTP responses, for the feed routes.
 */
import rss from '@astrojs/rss';
import { atomFeed, jsonFeed, type FeedEntry, type FeedMeta } from './feeds.ts';

export function rssResponse(meta: FeedMeta, entries: readonly FeedEntry[]): Promise<Response> {
  return rss({
    title: meta.title,
    description: meta.description,
    site: meta.homeUrl,
    trailingSlash: true,
    customData: `<language>${meta.lang}</language>`,
    items: entries.map((e) => ({
      title: e.title,
      link: e.url,
      ...(e.timestamp ? { pubDate: new Date(e.timestamp) } : {}),
      ...(e.summary ? { description: e.summary } : {}),
      content: e.html,
      author: e.publisher,
      categories: e.tags,
      ...(e.originalUrl ? { source: { title: e.publisher, url: e.originalUrl } } : {}),
      // The size is not known when the feed is written (the image is made after the pages); RSS says 0 then.
      ...(e.image ? { enclosure: { url: e.image.url, length: 0, type: e.image.type } } : {}),
    })),
  });
}

export function atomResponse(meta: FeedMeta, entries: readonly FeedEntry[]): Response {
  return new Response(atomFeed(meta, entries), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

export function jsonFeedResponse(meta: FeedMeta, entries: readonly FeedEntry[]): Response {
  return new Response(`${JSON.stringify(jsonFeed(meta, entries), null, 2)}\n`, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
