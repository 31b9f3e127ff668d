/**
 * Feed entries for RSS 2.0 (written by @astrojs/rss), Atom 1.0 and JSON Feed
 * 1.1 (written here: neither library carries what we need per entry, the
 * original article as Atom's `source`/`via` link and our provenance as a JSON
 * Feed extension). Each entry has the headline, the standfirst, the date to
 * its known precision and how it is known, the original publisher and URL,
 * and the full clean text.
 */
import type { SiteArticle as Article } from './site-article.ts';
import { basisLabel, formatPublished, publisherName, sortNewestFirst } from './articles.ts';
import { bodyBlocks } from './articles.ts';
import { absoluteUrl } from './config.ts';
import { escapeHtml } from './timeline.ts';
import { siteLocale, type SiteLocale } from './locale.ts';
import { startOfDay } from '../time-zone.ts';

export interface FeedMeta {
  title: string;
  description: string;
  /** The page the feed is about. */
  homeUrl: string;
  /** This feed's own URL. */
  feedUrl: string;
  lang: string;
}

export interface FeedEntry {
  url: string;
  title: string;
  summary: string | undefined;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as known. */
  published: string | undefined;
  /** A full timestamp for formats that require one: the first instant of what is known. */
  timestamp: string | undefined;
  precision: Article['published']['precision'];
  dateBasis: string;
  publisher: string;
  publisherBasis: string;
  originalUrl: string | undefined;
  tags: string[];
  /** The clean text as HTML paragraphs, escaped, with a provenance line. */
  html: string;
  text: string;
  /** The article's lead image as the site publishes it (a JPEG), when it shows one. */
  image?: { url: string; type: string } | undefined;
}

/** How feed entries write dates: the locale of the provenance line, and the time zone whose midnight starts a day (UTC without one). */
export interface FeedDates {
  locale?: SiteLocale;
  timeZone?: string | undefined;
}

/** The first instant of what is known of `date`: its first day's midnight, in `timeZone` or UTC. */
export function timestampOf(date: string | undefined, timeZone?: string): string | undefined {
  if (!date) return undefined;
  const [y, m = '01', d = '01'] = date.split('-');
  return timeZone === undefined ? `${y}-${m}-${d}T00:00:00Z` : startOfDay(`${y}-${m}-${d}`, timeZone);
}

/**
 * The newest `limit` entries as feed entries, newest first by publication
 * date as known (undated last; `sortNewestFirst`), each with its full text.
 * Routes pass the site's `feedItems` (content/site.yaml), so no feed grows with the corpus.
 * Only the entries kept are turned into text. `cache`, keyed by the entry's
 * URL, lets feeds that share articles make each article's entry once.
 */
export function feedEntries(
  entries: readonly { id: string; data: Article; body?: string | undefined }[],
  limit: number,
  site: string,
  base: string,
  tagsOf: (id: string) => string[] = () => [],
  cache?: Map<string, FeedEntry>,
  dates: FeedDates = {},
): FeedEntry[] {
  const locale = dates.locale ?? siteLocale();
  return sortNewestFirst(entries).slice(0, Math.max(0, limit)).map((entry) => {
    const url = absoluteUrl(site, base, `articles/${entry.id}/`);
    const known = cache?.get(url);
    if (known) return known;
    const { data } = entry;
    const blocks = bodyBlocks(entry.body, data.blocks);
    const publisher = publisherName(data.publisher);
    const provenance = `Published by ${publisher} (${basisLabel(data.publisher)}), ${formatPublished(data.published, locale)} (date ${basisLabel(data.published)}).${data.url ? ` Original: ${data.url.href}` : ''}`;
    const paragraphs = blocks.map((b) => (b.kind === 'heading' ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`));
    const standfirst = data.standfirst.map((s) => `<p><strong>${escapeHtml(s.text)}</strong></p>`);
    const made: FeedEntry = {
      url,
      title: data.headline,
      summary: data.standfirst[0]?.text,
      published: data.published.date,
      timestamp: timestampOf(data.published.date, dates.timeZone),
      precision: data.published.precision,
      dateBasis: basisLabel(data.published),
      publisher,
      publisherBasis: basisLabel(data.publisher),
      originalUrl: data.url?.href,
      tags: tagsOf(entry.id),
      html: [...standfirst, ...paragraphs, `<p><em>${escapeHtml(provenance)}</em></p>`].join('\n'),
      text: [...data.standfirst.map((s) => s.text), ...blocks.map((b) => b.text), provenance].join('\n\n'),
    };
    cache?.set(url, made);
    return made;
  });
}

const xml = (text: string): string => escapeHtml(text);

/** Atom 1.0. Entries without a known date carry the feed's `updated` (when we last changed the feed), never an invented publication date. */
export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const updated = entries.map((e) => e.timestamp).filter((t): t is string => t !== undefined).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const items = entries.map((e) =>
    [
      '  <entry>',
      `    <id>${xml(e.url)}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>`,
      e.originalUrl ? `    <link rel="via" type="text/html" href="${xml(e.originalUrl)}" title="${xml(e.publisher)}"/>` : '',
      e.image ? `    <link rel="enclosure" type="${xml(e.image.type)}" href="${xml(e.image.url)}"/>` : '',
      e.timestamp ? `    <published>${e.timestamp}</published>` : '',
      `    <updated>${e.timestamp ?? updated}</updated>`,
      `    <author><name>${xml(e.publisher)}</name></author>`,
      `    <source>`,
      `      <id>${xml(e.originalUrl ?? e.url)}</id>`,
      `      <title>${xml(e.publisher)}</title>`,
      e.originalUrl ? `      <link rel="alternate" href="${xml(e.originalUrl)}"/>` : '',
      `      <updated>${e.timestamp ?? updated}</updated>`,
      `    </source>`,
      ...e.tags.map((t) => `    <category term="${xml(t)}"/>`),
      e.summary ? `    <summary>${xml(e.summary)}</summary>` : '',
      `    <content type="html">${xml(e.html)}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(meta.lang)}">`,
    `  <id>${xml(meta.homeUrl)}</id>`,
    `  <title>${xml(meta.title)}</title>`,
    `  <subtitle>${xml(meta.description)}</subtitle>`,
    `  <link rel="alternate" type="text/html" href="${xml(meta.homeUrl)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(meta.feedUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}

/** JSON Feed 1.1, with Storyline's provenance under the `_storyline` extension. */
export function jsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): object {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    language: meta.lang,
    items: entries.map((e) => ({
      id: e.url,
      url: e.url,
      ...(e.originalUrl ? { external_url: e.originalUrl } : {}),
      title: e.title,
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.image ? { image: e.image.url } : {}),
      content_html: e.html,
      content_text: e.text,
      ...(e.timestamp ? { date_published: e.timestamp } : {}),
      authors: [{ name: e.publisher }],
      ...(e.tags.length > 0 ? { tags: e.tags } : {}),
      _storyline: {
        publisher: e.publisher,
        publisher_basis: e.publisherBasis,
        ...(e.published ? { published: e.published } : {}),
        date_precision: e.precision,
        date_basis: e.dateBasis,
        ...(e.originalUrl ? { original_url: e.originalUrl } : {}),
      },
    })),
  };
}
