/**
 * The cards of the articles a shard of a sharded build does not render
 * (`cards.ts`), handed from the content loader to the pages outside Astro's
 * content store. Kept in the store, each card would be held several times
 * over: in the store being synced, in the store's serialized chunks, which
 * the build bundles as modules (text the size of every card, kept by the
 * module graph for the whole build), and in the store the pages read. Here
 * each card is one object. The loader runs in the `astro build` process
 * before the pages are rendered in it, so the hand-over is a value on
 * `globalThis` under a registered symbol (the loader's modules and the
 * built pages are separate module instances, but one realm).
 */
import type { Entry } from './browse.ts';

const KEY = Symbol.for('storyline.shard-cards');

type Holder = { [KEY]?: Entry[] };

/** Starts a new list of cards (the loader, as its sync begins) and returns it. */
export function startShardCards(): Entry[] {
  const cards: Entry[] = [];
  (globalThis as Holder)[KEY] = cards;
  return cards;
}

/** The cards the loader kept outside the store in this process, or undefined when it kept none (a whole build, `astro dev`). */
export function shardCards(): readonly Entry[] | undefined {
  return (globalThis as Holder)[KEY];
}
