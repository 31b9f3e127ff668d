/**
 * Which feed items to fetch, and what to call what is saved. Pure.
 *
 * A feed item is fetched when its address is not known yet, or when it is
 * known and the feed's update stamp for it (Atom `updated`, JSON Feed
 * `date_modified`) changed since the last run: the only cheap sign an
 * article may have been edited. Items are skipped, before anything is
 * fetched, when no keyword matches, when they are dated before `since`, or
 * when the feed lists the same address twice.
 */
import { createHash } from 'node:crypto';
import { slugify } from '../ingest/slug.ts';
import { isBefore } from './dates.ts';
import type { FeedItem } from './feed.ts';
import { dedupeKey } from './url.ts';
import { lookup, type KnownIndex } from './state.ts';

export type ItemPlan =
  | { fetch: true; item: FeedItem; key: string; why: 'new' | 'updated'; knownKey?: string }
  | { fetch: false; item: FeedItem; key: string; why: 'known' | 'hand-made'; file: string }
  | { fetch: false; item: FeedItem; key: string; why: 'keywords' | 'since' | 'repeated' | 'limit'; detail: string };

export interface PlanOptions {
  keywords: readonly string[] | undefined;
  since: string | undefined;
  /** Most items to fetch. */
  maxItems: number;
  index: KnownIndex;
}

/** The plan for each item, in the feed's order. */
export function planFeedItems(items: readonly FeedItem[], options: PlanOptions): ItemPlan[] {
  const seen = new Set<string>();
  let fetching = 0;
  return items.map((item): ItemPlan => {
    const key = dedupeKey(item.url)!;
    if (seen.has(key)) return { fetch: false, item, key, why: 'repeated', detail: 'listed twice in the feed' };
    seen.add(key);
    const known = lookup(options.index, [key]);
    if (known?.kind === 'sidecar') return { fetch: false, item, key, why: 'hand-made', file: known.file };
    if (known) {
      const stamp = item.updated?.reading.raw;
      if (stamp === undefined || stamp === known.record.stamp) return { fetch: false, item, key, why: 'known', file: known.record.versions.at(-1)!.file };
    }
    const miss = keywordMiss(options.keywords, [item.title, item.summary, ...item.categories]);
    if (miss) return { fetch: false, item, key, why: 'keywords', detail: miss };
    const date = item.published?.reading.date ?? item.updated?.reading.date;
    if (options.since !== undefined && date !== undefined && isBefore(date, options.since)) {
      return { fetch: false, item, key, why: 'since', detail: `dated ${date}, before ${options.since}` };
    }
    if (fetching >= options.maxItems) return { fetch: false, item, key, why: 'limit', detail: `more than ${options.maxItems} new items in one run; left for the next` };
    fetching++;
    return known ? { fetch: true, item, key, why: 'updated', knownKey: known.key } : { fetch: true, item, key, why: 'new' };
  });
}

/**
 * Undefined when `keywords` is unset or one of them stands in the texts as
 * whole words (any case, accents ignored); else a sentence saying none did.
 */
export function keywordMiss(keywords: readonly string[] | undefined, texts: readonly (string | undefined)[]): string | undefined {
  if (keywords === undefined || keywords.length === 0) return undefined;
  const haystack = fold(texts.filter((t): t is string => t !== undefined).join('\n'));
  const hit = keywords.some((k) => {
    const needle = fold(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return new RegExp(`(?<![\\p{L}\\p{N}])${needle}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
  });
  return hit ? undefined : `none of the keywords (${keywords.join(', ')}) appears`;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Longest slug part of a seed's file name, so names stay readable in a listing. */
const STEM_SLUG_LENGTH = 60;

/**
 * A seed's file stem: a readable slug of the headline and the first eight hex
 * digits of the SHA-256 of the article's dedupe key. The same address always
 * gives the same hash, so the name is stable; two headlines that slug alike
 * still get different names.
 */
export function seedStem(headline: string, key: string): string {
  let slug = slugify(headline);
  if (slug.length > STEM_SLUG_LENGTH) {
    const cut = slug.slice(0, STEM_SLUG_LENGTH + 1);
    const end = cut.lastIndexOf('-');
    slug = end > 20 ? cut.slice(0, end) : slug.slice(0, STEM_SLUG_LENGTH).replace(/-+$/, '');
  }
  return `${slug}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/** The seed file for version `version` (1 is the first) of the article with stem `stem`. */
export function seedFileName(stem: string, version: number): string {
  return version <= 1 ? `${stem}.html` : `${stem}-v${version}.html`;
}
