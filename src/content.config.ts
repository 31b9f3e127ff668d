import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { siteArticleSchema } from './lib/site/site-article.ts';
import { articleCard } from './lib/site/cards.ts';
import { startShardCards } from './lib/site/shard-cards.ts';
import { poolStrings, type StringPool } from './lib/site/string-pool.ts';
import type { Entry } from './lib/site/browse.ts';
import { inShard, shardFromEnv, type Shard } from './lib/site/shards.ts';

/**
 * The glob loader without its Markdown rendering. Pages read an article's
 * body as plain-text blocks (`bodyBlocks`) and never call `render()`, yet the
 * glob loader renders every Markdown file to HTML while syncing and keeps
 * that HTML in the content store, which is written to disk and bundled into
 * the build: a quarter of the store, rendered for nothing. Handing the loader
 * entry types that only read front matter makes it store the id, data and
 * body alone. (`entryTypes` is the loader context Astro gives the glob
 * loader; if a later Astro has none, the loader runs unchanged.)
 */
function withoutRendering(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const types: unknown = (context as { entryTypes?: unknown }).entryTypes;
      if (!(types instanceof Map)) return loader.load(context);
      const readOnly = new Map([...(types as Map<string, { getEntryInfo: unknown }>)].map(([ext, type]) => [ext, { getEntryInfo: type.getEntryInfo }]));
      return loader.load({ ...context, entryTypes: readOnly } as LoaderContext);
    },
  };
}

/**
 * In a shard of a sharded build, the loader keeps the full entry of each
 * article whose page the shard renders (`inShard('articles/<id>')`) in the
 * content store, and the card of every other one (`articleCard`) outside it
 * (`shard-cards.ts`), so the shard's content store, and the server bundle it
 * is written into, hold about 1/N of the articles. The choice depends on the
 * entry's id alone, so an entry the loader skips as unchanged (same digest)
 * is still the right one; a card is never in the store, so the loader reads
 * every other article on every sync and the list of cards is whole (a card
 * a store of an older build still holds is taken out). Each shard has its own
 * store (its own `cacheDir`, see `astro.config.mjs`). A whole build keeps
 * every entry whole, in the store.
 */
function slicedForShard(loader: Loader, shard: Shard | undefined): Loader {
  if (shard === undefined || shard.count === 1) return loader;
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const cards = startShardCards();
      // The cards share their short strings (publisher names, dates, the fields' bases): one copy of each.
      const pool: StringPool = new Map();
      const set = (entry: Parameters<LoaderContext['store']['set']>[0]): boolean => {
        // A copy, as a card is (below): parsed from its file on a cold sync, the entry's strings are slices of the file's text.
        if (inShard(`articles/${entry.id}`, shard)) return context.store.set(structuredClone(entry));
        if (context.store.has(entry.id)) context.store.delete(entry.id);
        // A copy: the card's strings are slices of the parsed file (the YAML parser's and the body's), which
        // would keep every article's whole text alive; copied, they hold only their own characters.
        cards.push(poolStrings(structuredClone(articleCard(entry as unknown as Entry)), pool));
        return true;
      };
      const store = new Proxy(context.store, {
        get: (target, key) => {
          if (key === 'set') return set;
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      return loader.load({ ...context, store });
    },
  };
}

/** Articles written by `npm run ingest`; the schema is the one the ingest validates against, less what no page reads (`siteArticleSchema`). */
const articles = defineCollection({
  loader: slicedForShard(withoutRendering(glob({ base: './content/articles', pattern: '**/*.md' })), shardFromEnv(process.env)),
  schema: siteArticleSchema,
});

export const collections = { articles };
