/**
 * `/sources.opml`: the feeds the site follows and its own, as OPML 2.0, the
 * subscription list every feed reader imports. The outlets' feeds come from
 * the collector's config (`collect.config.yaml`), filed in folders by topic
 * as a reader files them; the site's own feeds (the whole site and each
 * topic) come first, in a folder named after the site. feedsmith writes the
 * XML. No dates, so a build of the same inputs gives the same bytes.
 */
import { generateOpml, type Opml } from 'feedsmith';

/** A feed the collector follows, as its config names it. */
export interface FollowedFeed {
  url: string;
  title?: string;
  topic?: string;
  /** The outlet's home page. */
  site?: string;
  /** The publisher's name the config gives. */
  publisher?: string;
}

/** One of the site's own feeds. */
export interface OwnFeed {
  title: string;
  /** The feed's absolute address. */
  xmlUrl: string;
  /** The page it is the feed of. */
  htmlUrl: string;
}

export interface SourcesInput {
  /** The site's title. */
  title: string;
  own: readonly OwnFeed[];
  followed: readonly FollowedFeed[];
}

type Outline = Opml.Outline<Date>;

/** The OPML document's text. */
export function sourcesOpml(input: SourcesInput): string {
  const outlines: Outline[] = [];
  if (input.own.length > 0) {
    outlines.push({ text: input.title, title: input.title, outlines: input.own.map((f) => ({ text: f.title, title: f.title, type: 'rss', xmlUrl: f.xmlUrl, htmlUrl: f.htmlUrl })) });
  }
  // Folders in the order their topics first appear in the config; feeds with no topic after them, unfiled.
  const folders = new Map<string, Outline[]>();
  const loose: Outline[] = [];
  for (const feed of input.followed) {
    const name = feed.title ?? feed.publisher ?? new URL(feed.url).hostname;
    const outline: Outline = { text: name, title: name, type: 'rss', xmlUrl: feed.url, ...(feed.site ? { htmlUrl: feed.site } : {}) };
    if (feed.topic === undefined) loose.push(outline);
    else folders.set(feed.topic, [...(folders.get(feed.topic) ?? []), outline]);
  }
  for (const [topic, feeds] of folders) outlines.push({ text: topic, title: topic, outlines: feeds });
  outlines.push(...loose);
  return generateOpml({ head: { title: `${input.title}: sources` }, body: { outlines } });
}
