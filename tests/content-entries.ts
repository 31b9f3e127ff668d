/**
 * The project's own content entries, `content/articles/*.md`, read the way
 * Astro's content layer reads them (id = file name without `.md`), for tests
 * that check the knowledge layer on the real seeds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContentFile } from '../src/lib/ingest/markdown.ts';
import { articleSchema, type Article } from '../src/lib/schema.ts';

const DIR = join(import.meta.dirname, '../content/articles');

export function contentEntries(): { id: string; data: Article; body: string }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const { data, body } = readContentFile(readFileSync(join(DIR, f), 'utf8'));
      return { id: f.replace(/\.md$/, ''), data: articleSchema.parse(data), body };
    });
}
