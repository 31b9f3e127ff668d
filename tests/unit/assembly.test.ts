/**
 * The ingest's corpus decisions taken one seed at a time (`CorpusStream`, as
 * the CLI streams entries) are the ones `assembleCorpus` takes over all seeds
 * at once: the same copies (SL405, SL406), the same slugs, the same report.
 */
import { describe, expect, it } from 'vitest';
import { CorpusStream, assembleReport, reportRow } from '../../src/lib/ingest/assembly.ts';
import { PIPELINE_VERSION, assembleCorpus, buildReport, type SeedResult } from '../../src/lib/ingest/pipeline.ts';
import { slugify } from '../../src/lib/ingest/slug.ts';

/** A seed result with what the corpus decisions read: headline, source bytes' hash, body, content, sidecar. */
function result(path: string, headline: string, bytes: string, body: string, sidecar?: string): SeedResult {
  return {
    input: { path, file: `seeds/${path}`, bytes: new Uint8Array(0), ...(sidecar === undefined ? {} : { sidecar: { path: `${path}.meta.yaml`, file: `seeds/${path}.meta.yaml`, text: sidecar } }) },
    article: { headline, source: { sha256: bytes }, removed: [{ rule: 'ad', lines: [1, 1], text: 'Advertisement' }] } as unknown as NonNullable<SeedResult['article']>,
    body,
    content: `---\nheadline: ${headline}\n---\n${body}\n`,
    messages: [],
  };
}

const SEEDS: SeedResult[] = [
  result('a.txt', 'Council approves plan', 'h1', 'one'),
  // The base slug of a later seed's headline, taken by this seed's suffix only if no seed has it as a base.
  result('b.txt', 'Council approves plan', 'h2', 'two'),
  result('c.txt', 'Council approves plan 2', 'h3', 'three'),
  result('d.txt', 'Council approves plan', 'h1', 'one'),
  result('e.txt', 'Council approves plan', 'h1', 'one', 'published: 2024-01-01'),
  result('f.txt', 'Storm hits coast', 'h4', 'two'),
  { input: { path: 'g.txt', file: 'seeds/g.txt', bytes: new Uint8Array(0) }, messages: [{ file: 'seeds/g.txt', severity: 'error', code: 'SL107', message: 'empty' }] },
  result('h.txt', 'Council approves plan', 'h5', 'five'),
  result('i.txt', 'Council approves plan 3', 'h6', 'six'),
];

describe('CorpusStream', () => {
  it('decides copies and slugs as assembleCorpus does, naming at once every entry whose slug no later seed can change', () => {
    const corpus = assembleCorpus(SEEDS);
    const expected = new Map(corpus.results.map((r) => [r.input.path, corpus.entries.get(r)]));
    const stream = new CorpusStream();
    const rows = [];
    const now = new Map<string, string>();
    const waiting: string[] = [];
    for (const seed of SEEDS) {
      const { result: r, slug, pending } = stream.add(seed);
      if (slug !== undefined) now.set(r.input.path, slug);
      if (pending) waiting.push(r.input.path);
      expect(r.messages).toEqual(corpus.results.find((c) => c.input.path === r.input.path)!.messages);
      rows.push(r);
    }
    const slugs = stream.finalSlugs();
    for (const [path, slug] of now) expect(slugs.get(path)).toBe(slug);
    expect(waiting.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.article ? `articles/${slugs.get(r.input.path)!}.md` : undefined).toBe(expected.get(r.input.path));
    const report = assembleReport(
      rows.map((r) => reportRow(r, r.article ? `articles/${slugs.get(r.input.path)!}.md` : undefined)),
      [],
      PIPELINE_VERSION,
    );
    expect(report).toEqual(buildReport(corpus, []));
    expect(new Set(slugs.values()).size).toBe(slugs.size);
    expect(slugs.get('c.txt')).toBe(slugify('Council approves plan 2'));
  });
  it('refuses seeds out of path order', () => {
    const stream = new CorpusStream();
    stream.add(SEEDS[1]!);
    expect(() => stream.add(SEEDS[0]!)).toThrow(/out of order/);
  });
});
