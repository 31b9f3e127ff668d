import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { siteArticleSchema } from './lib/site/site-article.ts';
import { articleCard } from './lib/site/cards.ts';
import { startShardArticles } from './lib/site/shard-cards.ts';
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
 * In a shard of a sharded build, the loader keeps nothing in the content
 * store: it hands the pages (`shard-cards.ts`) a copy of the full entry of
 * each article whose page the shard renders (`inShard('articles/<id>')`),
 * as the store would give it, and the card (`articleCard`) of every other
 * one, so the shard holds one copy of about 1/N of the articles and a card
 * of the rest, instead of the store's several copies. The store is emptied
 * as the sync begins, so the loader skips no entry as unchanged and the lists
 * are whole on every sync. Each shard has its own store (its own `cacheDir`,
 * see `astro.config.mjs`). A whole build keeps every entry whole, in the
 * store.
 */
function slicedForShard(loader: Loader, shard: Shard | undefined): Loader {
  if (shard === undefined || shard.count === 1) return loader;
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const articles = startShardArticles();
      context.store.clear();
      // Entries and cards share their short strings (publisher names, dates, the fields' bases): one copy of each.
      const pool: StringPool = new Map();
      const set = (entry: Parameters<LoaderContext['store']['set']>[0]): boolean => {
        // Copies: parsed from its file, an entry's strings are slices of the file's text (the YAML parser's and the
        // body's), which would keep every article's whole text alive; copied, they hold only their own characters.
        if (inShard(`articles/${entry.id}`, shard)) articles.own.push(poolStrings(structuredClone(entry), pool) as unknown as Entry);
        else articles.cards.push(poolStrings(structuredClone(articleCard(entry as unknown as Entry)), pool));
        return true;
      };
      const store = new Proxy(context.store, {
        get: (target, key) => {
          if (key === 'set') return set;
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      // The pool is needed only while the entries are read.
      return loader.load({ ...context, store }).finally(() => pool.clear());
    },
  };
}

/** Articles written by `npm run ingest`; the schema is the one the ingest validates against, less what no page reads (`siteArticleSchema`). */
const articles = defineCollection({
  loader: slicedForShard(withoutRendering(glob({ base: './content/articles', pattern: '**/*.md' })), shardFromEnv(process.env)),
  schema: siteArticleSchema,
});

export const collections = { articles };
