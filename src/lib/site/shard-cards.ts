/**
 * The articles of a shard of a sharded build, handed from the content loader
 * to the pages outside Astro's content store: the full entries of the
 * articles whose pages the shard renders, and the cards (`cards.ts`) of the
 * others. Kept in the store, each entry would be held several times over: in
 * the store being synced (alive for the whole build), in the store's
 * serialized chunks, which the build bundles as modules (text the size of
 * every entry, kept by the module graph), in the store the pages read, and
 * in the copy of its data `getCollection` makes. Here each is one object. The
 * loader runs in the `astro build` process before the pages are rendered in
 * it, so the hand-over is a value on `globalThis` under a registered symbol
 * (the loader's modules and the built pages are separate module instances,
 * but one realm).
 */
import type { Entry } from './browse.ts';

const KEY = Symbol.for('storyline.shard-articles');

/** A shard's articles: its own, whole, and the cards of the others. */
export interface ShardArticles {
  /** The full entries of the articles whose pages the shard renders, as the content store would give them. */
  own: Entry[];
  /** The cards of the other articles. */
  cards: Entry[];
}

type Holder = { [KEY]?: ShardArticles };

/** Starts new lists (the loader, as its sync begins) and returns them. */
export function startShardArticles(): ShardArticles {
  const articles: ShardArticles = { own: [], cards: [] };
  (globalThis as Holder)[KEY] = articles;
  return articles;
}

/** The articles the loader kept outside the store in this process, or undefined when it kept none (a whole build, `astro dev`). */
export function shardArticles(): ShardArticles | undefined {
  return (globalThis as Holder)[KEY];
}
