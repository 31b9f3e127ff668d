/**
 * Full entries of articles a shard holds only cards of (`cards.ts`), read
 * from their files as the content layer reads them: the front matter parsed
 * by Astro's own parser (`parseFrontmatter`, as its Markdown entry type does)
 * and checked against the collection's schema (`siteArticleSchema`), the body trimmed. Only the
 * few pages that need whole articles from anywhere in the corpus read them
 * (the feeds' newest articles, the search page's newest 500), and only in
 * the shard that renders those pages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { siteArticleSchema } from './site-article.ts';
import { inShard, type Shard } from './shards.ts';
import { shard as thisShard } from './shard-data.ts';

interface StoredEntry {
  id: string;
  data: unknown;
  body?: string | undefined;
  /** The entry's file, relative to the project, as the content layer stores it. */
  filePath?: string | undefined;
}

/** The full entry of a card, read from its file (throws when the file cannot be read or no longer matches the schema). */
async function readEntry<E extends StoredEntry>(card: E): Promise<E> {
  if (card.filePath === undefined) throw new Error(`article ${card.id}: the content layer gave no file to read its full entry from`);
  const parsed = parseFrontmatter(await readFile(join(process.cwd(), card.filePath), 'utf8'), { frontmatter: 'empty-with-spaces' });
  return { ...card, data: siteArticleSchema.parse(parsed.frontmatter), body: parsed.content.trim() };
}

/**
 * The full entries of `entries`, in their order: in a whole build the
 * entries themselves; in a shard build, a card (an article whose page
 * another shard renders) read whole from its file.
 */
export async function fullEntries<E extends StoredEntry>(entries: readonly E[], shard: Shard | undefined = thisShard): Promise<E[]> {
  return Promise.all(entries.map((e) => (inShard(`articles/${e.id}`, shard) ? e : readEntry(e))));
}
