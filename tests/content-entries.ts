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

/**
 * Three short reports on North Korea's troops and the Russian pact (two of
 * one story, one earlier), as plain-text seeds for `seedEntries`: a corpus
 * small enough for tests that run the knowledge layer many times.
 */
export const THREE_REPORTS: readonly { name: string; text: string; published: string }[] = [
  {
    name: 'a',
    published: '2024-10-18',
    text: 'North Korea Sends Troops to Russia\n\nNorth Korea sent 1,500 special forces troops to Russia on October 8, South Korea\'s spy agency said.\n\nThe troops were moved on Russian navy ships from Chongjin to Vladivostok, officials in Seoul said on Friday.\n',
  },
  {
    name: 'b',
    published: '2024-10-19',
    text: 'Seoul Says Pyongyang Deployed Special Forces\n\nSouth Korea\'s spy agency said North Korea sent 1,500 special forces troops to Russia on October 8.\n\nPresident Yoon Suk Yeol called an emergency meeting on Friday.\n',
  },
  {
    name: 'c',
    published: '2024-06-20',
    text: 'Putin and Kim Sign Defence Pact\n\nVladimir Putin and Kim Jong Un signed a mutual defence pact in Pyongyang on June 19; at least 12 officials attended, Reuters said.\n\nThe treaty obliges each side to help the other if attacked, Kim said on Wednesday.\n',
  },
];
