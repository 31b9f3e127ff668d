/**
 * A fetched page, read the way the ingest will read it. The page goes through
 * the ingest's own pipeline (`ingestSeed`, without a sidecar), so the
 * collector saves only pages the ingest turns into an article, and the text
 * it compares between versions is the clean article text, not the page's
 * changing furniture (ads, "most read" lists, timestamps).
 *
 * Besides the ingest's facts, `article:published_time` is read on its own:
 * the ingest prefers JSON-LD's `datePublished`, and the collector wants both
 * to say when they disagree.
 *
 * Pure: no I/O and no clock.
 */
import { createHash } from 'node:crypto';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { ingestSeed } from '../ingest/pipeline.ts';
import type { PageImage } from '../ingest/lead-image.ts';
import { readDate, type DateReading } from './dates.ts';
import { absoluteHttpUrl, isSiteRoot } from './url.ts';

/** A date the page gives, with the metadata rule that read it (the ingest's rule names, e.g. `json-ld:datePublished`). */
export interface PageDate {
  reading: DateReading;
  rule: string;
}

export interface PageFacts {
  /** The headline as the ingest finds it. */
  headline: string;
  /** The clean body as the ingest writes it (Markdown). */
  body: string;
  /** SHA-256 (hex) of the headline and clean body: equal hashes mean the article's text did not change. */
  textHash: string;
  /** Words in the clean body. */
  words: number;
  /** The page's canonical address (canonical link, `og:url` or JSON-LD), when it names one other than the site root. */
  canonical?: string;
  /** The publisher the page's metadata names, with the rule that read it (never one inferred from the text). */
  publisher?: { name: string; rule: string };
  /** Publication dates the page's metadata gives: `article:published_time`, then what the ingest reads (JSON-LD first). */
  dates: PageDate[];
  /** The page's lead image with a web address, as the ingest finds it (`lead-image.ts`). */
  image?: PageImage;
}

export type PageReadResult = { ok: true; page: PageFacts } | { ok: false; reason: string };

/**
 * Reads a page; `url` is where it was fetched from and names it in the
 * ingest's messages. Not ok when the ingest finds no article in it.
 */
export function readPage(html: string, url: string): PageReadResult {
  const result = ingestSeed({ path: 'page.html', file: url, bytes: new TextEncoder().encode(html) });
  const { article, body } = result;
  if (!article || body === undefined) {
    const error = result.messages.find((m) => m.severity === 'error');
    return { ok: false, reason: error ? `${error.message} (${error.code})` : 'the ingest made no article of it' };
  }
  const dates: PageDate[] = [];
  const ogTime = metaContent(html, ['article:published_time']);
  const ogReading = readDate(ogTime);
  if (ogReading) dates.push({ reading: ogReading, rule: 'article:published_time' });
  const published = article.published;
  if (published.basis === 'page' && published.date !== undefined && published.evidence && published.evidence.rule !== 'article:published_time') {
    const quoted = readDate(published.evidence.quote);
    // The ingest cuts the date to its calendar day; the raw value keeps the time for comparisons when it reads the same.
    const reading = quoted && quoted.date === published.date ? quoted : { date: published.date, raw: published.evidence.quote ?? published.date };
    dates.push({ reading, rule: published.evidence.rule });
  }
  const page: PageFacts = {
    headline: article.headline,
    body,
    textHash: createHash('sha256').update(`${article.headline}\n\n${body}`).digest('hex'),
    words: article.words,
    dates,
  };
  if (article.url?.basis === 'page' && !isSiteRoot(article.url.href)) page.canonical = article.url.href;
  if (result.pageImage) page.image = result.pageImage;
  if (article.publisher.basis === 'page' && article.publisher.name !== undefined) {
    page.publisher = { name: article.publisher.name, rule: article.publisher.evidence?.rule ?? 'page' };
  }
  return { ok: true, page };
}

/** The feeds a web page links to (`<link rel="alternate" type="application/rss+xml" href>`, Atom, JSON Feed), absolute. */
export function feedLinksIn(html: string, base: string): string[] {
  const out: string[] = [];
  for (const el of elements(fromHtml(html), 'link')) {
    const rel = String(el.properties['rel'] ?? '').toLowerCase();
    const type = String(el.properties['type'] ?? '').toLowerCase();
    const href = absoluteHttpUrl(String(el.properties['href'] ?? ''), base);
    if (/\balternate\b/.test(rel) && /(rss|atom)\+xml|feed\+json/.test(type) && href && !out.includes(href)) out.push(href);
  }
  return out;
}

/** The `content` of the first `<meta property|name>` with one of the keys. */
function metaContent(html: string, keys: readonly string[]): string | undefined {
  for (const el of elements(fromHtml(html), 'meta')) {
    const key = String(el.properties['property'] ?? el.properties['name'] ?? '').toLowerCase();
    const content = el.properties['content'];
    if (keys.includes(key) && typeof content === 'string' && content.trim() !== '') return content;
  }
  return undefined;
}

function elements(root: HastRoot, tag: string): HastElement[] {
  const out: HastElement[] = [];
  const stack: (HastRoot | HastElement)[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === tag) out.push(child);
      stack.push(child);
    }
  }
  return out;
}
