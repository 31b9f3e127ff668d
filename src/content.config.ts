import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { articleSchema } from './lib/schema.ts';

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

/** Articles written by `npm run ingest`; the schema is the one the ingest validates against. */
const articles = defineCollection({
  loader: withoutRendering(glob({ base: './content/articles', pattern: '**/*.md' })),
  schema: articleSchema,
});

export const collections = { articles };
