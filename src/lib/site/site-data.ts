/**
 * The articles and the knowledge layer as the pages read them, gathered once
 * per build: `getCollection` copies every entry on each call, so pages that
 * each called it made the build quadratic in the corpus. In `astro dev` the
 * articles are read on every call, so edits show.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { knowledge } from './knowledge-data.ts';
import { siteIndex, type SiteIndex } from './browse.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

let cached: Promise<ArticleEntry[]> | undefined;

/** Every article entry, in the content layer's order. */
export function articles(): Promise<readonly ArticleEntry[]> {
  if (import.meta.env.DEV) return getCollection('articles');
  return (cached ??= getCollection('articles'));
}

/** Lookups over the articles and the knowledge layer, built once. */
export async function site(): Promise<SiteIndex<ArticleEntry>> {
  return siteIndex(knowledge, await articles());
}
