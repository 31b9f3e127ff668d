/**
 * Which source gives a collected article's publisher and date, and how the
 * sidecar's note says so.
 *
 * Date, strongest first:
 *  1. the feed's publication field (`pubDate`, `dc:date`, Atom `published`,
 *     JSON Feed `date_published`): the publisher's own statement of when the
 *     item went out, per item, with no guessing which part of a page it is;
 *  2. the page's `article:published_time`: one value, for the page itself;
 *  3. the page's JSON-LD `datePublished` (a page's JSON-LD may describe
 *     several things, and the ingest has to pick the article among them);
 *  4. other page evidence the ingest reads (date meta tags, microdata,
 *     `<time datetime>`, a date in the URL path);
 *  5. the feed's update field (Atom `updated`, JSON Feed `date_modified`):
 *     when the item last changed, which is not when it was published.
 * A date the text alone implies is never written to the sidecar: the ingest
 * infers it and says so.
 *
 * When sources disagree on the day, the chosen one goes into `published`
 * and every other is named in the note with its value, so a reader sees
 * both (a sidecar has no other field for it).
 *
 * Publisher: the config's `publisher` (an editor's choice), then the page's
 * JSON-LD publisher or `og:site_name` (the outlet naming itself), then the
 * feed's title (which often names a section too: "Example Times – World"),
 * then the weaker page signals (`application-name`, the site name in the
 * `<title>`).
 */
import { sameDay, sameMoment, type DateReading } from './dates.ts';
import type { FeedDate } from './feed.ts';
import type { PageDate } from './page.ts';

export interface DateCandidate {
  reading: DateReading;
  /** Where it came from, for the note: "the feed's pubDate", "the page's JSON-LD datePublished". */
  label: string;
  /** Lower is stronger (see the module comment). */
  rank: number;
}

export interface DateChoice {
  chosen?: DateCandidate;
  /** Candidates that name another day than the chosen one, strongest first. */
  disagreeing: DateCandidate[];
  /** Candidates dated after the day the page was collected: impossible for a publication date, so never chosen. */
  future?: DateCandidate[];
}

/** Feed fields that state publication; the rest (`updated`, …) state a change. */
const FEED_PUBLICATION_FIELDS = new Set(['pubDate', 'dc:date', 'published', 'date_published']);

/** Every date candidate for an article, from its feed item (if any) and its page. */
export function dateCandidates(feed: { published?: FeedDate; updated?: FeedDate } | undefined, page: readonly PageDate[]): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const d of [feed?.published, feed?.updated]) {
    if (d) out.push({ reading: d.reading, label: `the feed's ${d.field}`, rank: FEED_PUBLICATION_FIELDS.has(d.field) ? 1 : 5 });
  }
  for (const d of page) {
    const rank = d.rule === 'article:published_time' ? 2 : d.rule === 'json-ld:datePublished' ? 3 : 4;
    out.push({ reading: d.reading, label: `the page's ${ruleLabel(d.rule)}`, rank });
  }
  return out.sort((a, b) => a.rank - b.rank);
}

/**
 * The strongest date, and the candidates naming another day. `today` is the
 * UTC day the page was collected (`YYYY-MM-DD`): a date after it (a wrong
 * time zone, a CMS's scheduled date) is never chosen, and the ingest would
 * reject it in a sidecar.
 */
export function chooseDate(candidates: readonly DateCandidate[], today: string): DateChoice {
  const all = [...candidates].sort((a, b) => a.rank - b.rank);
  const future = all.filter((c) => c.reading.date.slice(0, today.length) > today);
  const sorted = all.filter((c) => !future.includes(c));
  const chosen = sorted[0];
  if (!chosen) return { disagreeing: [], ...(future.length > 0 ? { future } : {}) };
  // Two candidates of the same kind (a feed's updated beside its pubDate) are not a disagreement worth reporting when the stronger is the feed's own.
  const disagreeing = sorted.slice(1).filter((c) => !sameDay(c.reading, chosen.reading) && !(c.rank === 5 && chosen.rank === 1));
  return { chosen, disagreeing, ...(future.length > 0 ? { future } : {}) };
}

/** The sentence the note gives the date: its source, and what the others say. */
export function dateNote(choice: DateChoice): string | undefined {
  const { chosen, disagreeing, future = [] } = choice;
  const ahead = future.map((c) => `${c.label} says ${c.reading.date} (${c.reading.raw}), after the day it was collected, so it is not used`);
  if (!chosen) return ahead.length > 0 ? `${upperFirst(joinList(ahead))}.` : undefined;
  let text = `Date from ${chosen.label} (${chosen.reading.raw})`;
  if (disagreeing.length > 0) {
    const others = disagreeing.map((c) => {
      const moment = sameMoment(c.reading, chosen.reading) ? ', the same moment in another time zone' : '';
      return `${c.label} says ${c.reading.date} (${c.reading.raw}${moment})`;
    });
    text += `; ${joinList(others)}`;
  }
  if (ahead.length > 0) text += `; ${joinList(ahead)}`;
  return `${text}.`;
}

export interface PublisherChoice {
  name: string;
  /** "the config", "the page's og:site_name", "the feed's title". */
  label: string;
}

/** The publisher by the order in the module comment; undefined when no source names one (the ingest then reads the text). */
export function choosePublisher(config: string | undefined, page: { name: string; rule: string } | undefined, feedTitle: string | undefined): PublisherChoice | undefined {
  if (config !== undefined) return { name: config, label: 'the collect config' };
  const strongPage = page && ['json-ld:publisher.name', 'og:site_name'].includes(page.rule);
  if (page && strongPage) return { name: page.name, label: `the page's ${ruleLabel(page.rule)}` };
  if (feedTitle !== undefined) return { name: feedTitle, label: "the feed's title" };
  if (page) return { name: page.name, label: `the page's ${ruleLabel(page.rule)}` };
  return undefined;
}

/** The ingest's metadata rule names as a reader knows them. */
export function ruleLabel(rule: string): string {
  const known: Record<string, string> = {
    'json-ld:datePublished': 'JSON-LD datePublished',
    'json-ld:publisher.name': 'JSON-LD publisher',
    'itemprop:datePublished': 'microdata datePublished',
    'time:datetime': '<time datetime>',
    'url-path': 'URL path',
    'title-site-name': '<title>',
  };
  if (known[rule]) return known[rule];
  if (rule.startsWith('meta:')) return `${rule.slice(5)} meta tag`;
  if (rule.startsWith('json-ld:')) return `JSON-LD ${rule.slice(8)}`;
  return rule;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
