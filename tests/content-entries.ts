/**
 * The project's own content entries, `content/articles/*.md`, read the way
 * Astro's content layer reads them (id = file name without `.md`), for tests
 * that check the knowledge layer on the real seeds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContentFile } from '../src/lib/ingest/markdown.ts';
import { ingestCorpus, type SeedInput } from '../src/lib/ingest/pipeline.ts';
import type { KnowledgeArticle } from '../src/lib/knowledge/text.ts';
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

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * The content entries the ingest makes of plain-text seeds, each with a
 * sidecar date and the name of the seed it came from; throws when the
 * pipeline failed inside (an SL9xx message).
 */
export function seedEntries(seeds: readonly { name: string; text: string; published: string }[], today: string): (KnowledgeArticle & { seed: string })[] {
  const inputs: SeedInput[] = seeds.map((s) => ({
    path: `${s.name}.txt`,
    file: `seeds/${s.name}.txt`,
    bytes: encode(s.text),
    sidecar: { path: `${s.name}.meta.yaml`, file: `seeds/${s.name}.meta.yaml`, bytes: encode(`published: ${s.published}\n`) },
  }));
  const corpus = ingestCorpus(inputs, { today });
  for (const r of corpus.results) for (const m of r.messages) if (/^SL9/.test(m.code)) throw new Error(`${m.file}: ${m.code} ${m.message}`);
  return [...corpus.entries].map(([r, path]) => ({ id: path.slice('articles/'.length).replace(/\.md$/, ''), data: r.article!, body: r.body!, seed: r.input.path.replace(/\.txt$/, '') }));
}
