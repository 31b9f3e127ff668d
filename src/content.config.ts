import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/schema.ts';

/** Articles written by `npm run ingest`; the schema is the one the ingest validates against. */
const articles = defineCollection({
  loader: glob({ base: './content/articles', pattern: '**/*.md' }),
  schema: articleSchema,
});

export const collections = { articles };
