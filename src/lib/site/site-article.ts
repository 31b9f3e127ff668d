/**
 * An article's front matter as the site keeps it: all of it but `temporal`
 * (the times the body names, which the ingest reads for the events and no
 * page shows). It is the larger half of the front matter, so leaving it out
 * of the content store makes the store, and the server bundle it is written
 * into, about a third smaller. In a file of its own: the search page's
 * browser script imports `articles.ts`, and must not bundle the schema.
 */
import { articleSchema } from '../schema.ts';

/** The collection's schema: the ingest's (`articleSchema`), less `temporal`. */
export const siteArticleSchema = articleSchema.transform(({ temporal: _temporal, ...kept }) => kept);
export type SiteArticle = ReturnType<typeof siteArticleSchema.parse>;
