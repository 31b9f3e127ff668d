/**
 * The articles and the knowledge layer as the pages read them, gathered once
 * per build: `getCollection` copies every entry on each call, so pages that
 * each called it made the build quadratic in the corpus. In `astro dev` the
 * articles are read on every call, so edits show.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { knowledge } from './knowledge-data.ts';
import { siteIndex, type SiteIndex } from './browse.ts';
import { shardArticles } from './shard-cards.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

let cached: Promise<ArticleEntry[]> | undefined;

/**
 * Every article entry, in the content layer's order; in a shard, its own
 * articles' entries, then the cards of the others, which the loader keeps
 * outside the content store (`shard-cards.ts`). No page depends on the
 * order: every list is sorted by a total order.
 */
export function articles(): Promise<readonly ArticleEntry[]> {
  const load = async (): Promise<ArticleEntry[]> => {
    const held = shardArticles();
    if (held === undefined) return getCollection('articles');
    // As `getCollection` gives an entry: the stored entry with its collection.
    return [...held.own, ...held.cards].map((entry) => ({ ...entry, collection: 'articles' }) as unknown as ArticleEntry);
  };
  // A build run with NODE_ENV other than production (e.g. under a test runner) is DEV too, and may be a shard.
  if (import.meta.env.DEV) return load();
  return (cached ??= load());
}

/** Lookups over the articles and the knowledge layer, built once. */
export async function site(): Promise<SiteIndex<ArticleEntry>> {
  return siteIndex(knowledge, await articles());
}
