/**
 * Helpers the pages call. They take plain `{ id, data, body }` objects, the
 * shape of an Astro content entry, so they are tested without Astro.
 */
import { markdownBlocks } from '../markdown-blocks.ts';
import type { Agency, Evidence, Published, Publisher } from '../schema.ts';
import type { SiteArticle as Article } from './site-article.ts';
import { siteLocale, type SiteLocale } from './locale.ts';

export interface ArticleEntry {
  id: string;
  data: Article;
  body?: string | undefined;
}


/** Newest first; undated articles last; ties by headline, then id, so the order is total. */
export function sortNewestFirst<T extends ArticleEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => {
    // ISO prefixes compare as strings; "2025-08" sorts as the start of August.
    const ka = a.data.published.date ?? '';
    const kb = b.data.published.date ?? '';
    if (ka !== kb) return ka === '' ? 1 : kb === '' ? -1 : ka < kb ? 1 : -1;
    return a.data.headline.localeCompare(b.data.headline, 'en') || a.id.localeCompare(b.id, 'en');
  });
}

/** "22 August 2025", "August 2025", "2025", or "Date unknown": never more precise than known, in `locale` (the site's English by default). */
export function formatPublished(p: Published, locale: SiteLocale = siteLocale()): string {
  return p.date ? locale.date(p.date) : 'Date unknown';
}

/** Words for where a fact came from, e.g. `inferred from “Friday, August 22”`. */
export function basisLabel(fact: Pick<Published, 'basis' | 'evidence'>): string {
  switch (fact.basis) {
    case 'editor':
      return 'set by an editor';
    case 'page':
      return pageBasis(fact.evidence);
    case 'inferred':
      return fact.evidence?.quote ? `inferred from “${fact.evidence.quote}”` : 'inferred from the text';
    case 'unknown':
      return 'not stated in the source';
  }
}

/** Longest quote a basis shows; a longer one (a whole address, say) is cut. */
const BASIS_QUOTE_CHARS = 60;

/**
 * Where on a saved page a fact was read. Only markup is "metadata": a date
 * written in the page's text or its address is said to be so, quoted, and the
 * page's most frequent date is an inference and is called one.
 */
function pageBasis(evidence: Evidence | undefined): string {
  if (!evidence) return 'from the page’s metadata';
  const raw = evidence.quote?.trim() ?? '';
  const quote = raw.length > BASIS_QUOTE_CHARS ? `${raw.slice(0, BASIS_QUOTE_CHARS - 1)}…` : raw;
  const quoted = quote ? ` “${quote}”` : '';
  switch (evidence.rule) {
    case 'text:most-frequent':
      return `inferred: the day the page’s text gives most often${quoted}`;
    case 'url-path':
    case 'og:url':
    case 'link:canonical':
      return `from the page’s address${quoted}`;
    case 'title':
    case 'title-site-name':
      return `from the page’s title${quoted}`;
  }
  if (evidence.rule.startsWith('text:') || evidence.rule === 'dateline') return `written on the page${quoted}`;
  return `from the page’s metadata (${evidence.rule})`;
}

export function publisherName(p: Publisher): string {
  return p.name ?? 'Unknown publisher';
}

/** How many words of a headline name an article in a list of sources whose publisher is unknown. */
export const SOURCE_HEADLINE_WORDS = 6;

/**
 * How a citation names its article: by publisher when known, else by the
 * opening words of its headline, quoted ("Unknown publisher" five times
 * over tells a reader nothing).
 */
export function sourceLabel(data: { publisher: Publisher; headline: string }): string {
  return data.publisher.name ?? `“${cutWords(data.headline, SOURCE_HEADLINE_WORDS)}”`;
}

/** Plain text of the first paragraph of a Markdown body. */
export function firstParagraph(markdown: string | undefined): string {
  if (!markdown) return '';
  return markdownBlocks(markdown, true).find((b) => b.kind === 'paragraph')?.text ?? '';
}

/** Text cut to about `maxWords` words. */
export function cutWords(text: string, maxWords: number): string {
  const ws = text.split(/\s+/).filter(Boolean);
  return ws.length <= maxWords ? text : `${ws.slice(0, maxWords).join(' ')}…`;
}

/** The line a list shows under a headline: the standfirst, else the opening paragraph, cut to about 40 words. */
export function teaser(entry: ArticleEntry, maxWords = 40): string {
  return cutWords(entry.data.standfirst[0]?.text ?? firstParagraph(entry.body), maxWords);
}

/** Minutes to read the body at 230 words a minute, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

/** Host name of a URL without `www.`, for "Read the original at …". */
export function hostOf(href: string): string {
  return new URL(href).hostname.replace(/^www\./, '');
}

export interface BodyBlock {
  kind: 'paragraph' | 'heading';
  text: string;
  /** 1-based position among the body's blocks; the anchor is `p-<n>`. */
  n: number;
  /** Seed lines the block came from. */
  lines: readonly [number, number] | undefined;
}

/**
 * The body's blocks as plain text, each with its seed lines (the entry's
 * `blocks`, in the same order). Bodies hold only paragraphs and headings of
 * plain text, so a page renders them as text nodes and no markup can reach it.
 */
export function bodyBlocks(markdown: string | undefined, lines: readonly (readonly [number, number])[]): BodyBlock[] {
  if (!markdown) return [];
  return markdownBlocks(markdown).map((b, i) => ({ kind: b.kind, text: b.text, n: i + 1, lines: lines[i] }));
}

/** "line 4" or "lines 4–9". */
export function lineLabel([a, b]: readonly [number, number]): string {
  return a === b ? `line ${a}` : `lines ${a}–${b}`;
}

/**
 * Where the raw seed is served, relative to the site base. Seeds that are not
 * plain text get `.txt` appended, so every static host serves them as text:
 * a saved web page must never run as a page of this site.
 */
export function rawPathFor(seedPath: string): string {
  return `raw/${seedPath}${/\.txt$/i.test(seedPath) ? '' : '.txt'}`;
}

const ROLE_WORDS: Record<Agency['role'], string> = { source: 'story', images: 'images', cited: 'cited' };

/** "Reuters (story)", "KCNA (images)". */
export function agencyLabel(agency: Agency): string {
  return `${agency.name} (${ROLE_WORDS[agency.role]})`;
}
