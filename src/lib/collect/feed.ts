/**
 * Feeds to items. One parser, feedsmith, reads RSS 2.0, RSS 1.0 (RDF), Atom
 * 1.0 and JSON Feed 1.x; this module maps its four shapes to one item shape
 * the collector plans with: the article's address, its title, summary and
 * categories (for keyword filters), and its dates, each with the field it
 * came from (so a sidecar can say "the feed's pubDate").
 *
 * Pure: the CLI fetches the feed and hands the text in.
 */
import { decodeHTML } from 'entities';
import { parseFeed, type AnyFeed } from 'feedsmith';
import { readDate, type DateReading } from './dates.ts';
import { cleanUrl } from './url.ts';

/** A date the feed gives, with the field that gave it. */
export interface FeedDate {
  reading: DateReading;
  /** The feed's field, as sidecar notes name it: `pubDate`, `dc:date`, `published`, `updated`, `date_published`, `date_modified`. */
  field: string;
}

export interface FeedItem {
  /** The article's address, absolute and without tracking parameters. */
  url: string;
  title?: string;
  /** The item's summary or description as plain text. */
  summary?: string;
  categories: string[];
  /** When the item was published, if the feed says. */
  published?: FeedDate;
  /** When the item last changed, if the feed says (Atom `updated`, JSON Feed `date_modified`, `dcterms:modified`). */
  updated?: FeedDate;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  /** The feed's own title, e.g. `The Example Times – World`. */
  title?: string;
  items: FeedItem[];
  /** Items left out because they name no http(s) article address. */
  skipped: number;
}

export type FeedReadResult = { ok: true; feed: ParsedFeed } | { ok: false; reason: string };

/** Reads a feed's text; `feedUrl` resolves relative item links. */
export function readFeed(text: string, feedUrl: string): FeedReadResult {
  let parsed: AnyFeed<string>;
  try {
    // feedsmith reads JSON Feed from a parsed object and XML from text.
    const trimmed = text.trimStart();
    const input: unknown = trimmed.startsWith('{') ? JSON.parse(trimmed) : text;
    parsed = parseFeed<string>(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: /unrecognized feed format/i.test(message) ? 'not RSS, Atom or JSON Feed' : `the feed cannot be parsed (${message})` };
  }
  const items: FeedItem[] = [];
  let skipped = 0;
  const push = (link: string | undefined, fields: Omit<FeedItem, 'url'>): void => {
    const url = link === undefined ? undefined : cleanUrl(link, feedUrl);
    if (url === undefined) skipped++;
    else items.push({ url, ...fields });
  };

  switch (parsed.format) {
    case 'rss': {
      const feed = parsed.feed;
      for (const item of feed.items ?? []) {
        const guid = item.guid?.isPermaLink === false ? undefined : item.guid?.value;
        const link = item.link ?? (guid !== undefined && /^https?:\/\//i.test(guid) ? guid : undefined);
        push(link, {
          ...text1('title', item.title),
          ...text1('summary', item.description),
          categories: (item.categories ?? []).map((c) => c.name).filter(nonEmpty),
          ...dated('published', item.pubDate, 'pubDate', item.dc?.dates?.[0], 'dc:date'),
          ...dated('updated', item.atom?.updated, 'atom:updated', item.dcterms?.modified?.[0], 'dcterms:modified'),
        });
      }
      return { ok: true, feed: { format: 'rss', ...text1('title', feed.title), items, skipped } };
    }
    case 'rdf': {
      const feed = parsed.feed;
      for (const item of feed.items ?? []) {
        push(item.link, {
          ...text1('title', item.title),
          ...text1('summary', item.description),
          categories: (item.dc?.subjects ?? []).filter(nonEmpty),
          ...dated('published', item.dc?.dates?.[0], 'dc:date'),
          ...dated('updated', item.dcterms?.modified?.[0], 'dcterms:modified'),
        });
      }
      return { ok: true, feed: { format: 'rdf', ...text1('title', feed.title), items, skipped } };
    }
    case 'atom': {
      const feed = parsed.feed;
      for (const entry of feed.entries ?? []) {
        const links = entry.links ?? [];
        const link = (links.find((l) => (l.rel ?? 'alternate') === 'alternate' && (l.type === undefined || /html/i.test(l.type))) ?? links.find((l) => (l.rel ?? 'alternate') === 'alternate'))?.href;
        push(link, {
          ...text1('title', entry.title?.value),
          ...text1('summary', entry.summary?.value ?? entry.content?.value),
          categories: (entry.categories ?? []).map((c) => c.label ?? c.term).filter(nonEmpty),
          ...dated('published', entry.published, 'published', entry.dc?.dates?.[0], 'dc:date'),
          ...dated('updated', entry.updated, 'updated'),
        });
      }
      return { ok: true, feed: { format: 'atom', ...text1('title', feed.title?.value), items, skipped } };
    }
    case 'json': {
      const feed = parsed.feed;
      for (const item of feed.items ?? []) {
        push(item.url ?? item.external_url, {
          ...text1('title', item.title),
          ...text1('summary', item.summary ?? item.content_text ?? item.content_html),
          categories: (item.tags ?? []).filter(nonEmpty),
          ...dated('published', item.date_published, 'date_published'),
          ...dated('updated', item.date_modified, 'date_modified'),
        });
      }
      return { ok: true, feed: { format: 'json', ...text1('title', feed.title), items, skipped } };
    }
  }
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** `{ [key]: plain text }` when the value has any text, else `{}` (for exactOptionalPropertyTypes). */
function text1<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  const text = value === undefined ? '' : plainText(value);
  return (text === '' ? {} : { [key]: text }) as { [P in K]?: string };
}

/** Markup and entities out, spaces collapsed: summaries are often HTML. */
export function plainText(value: string): string {
  return decodeHTML(value.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first of the values that reads as a date, with its field name, under `key`. */
function dated<K extends 'published' | 'updated'>(key: K, ...pairs: (string | undefined)[]): { [P in K]?: FeedDate } {
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const reading = readDate(pairs[i]);
    if (reading) return { [key]: { reading, field: pairs[i + 1]! } } as { [P in K]?: FeedDate };
  }
  return {} as { [P in K]?: FeedDate };
}
