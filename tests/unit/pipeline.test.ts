import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestCorpus, ingestSeed, type SeedInput } from '../../src/lib/ingest/pipeline.ts';
import { readContentFile } from '../../src/lib/ingest/markdown.ts';
import { articleSchema } from '../../src/lib/schema.ts';

const seed = (path: string, text: string, sidecar?: string): SeedInput => ({
  path,
  file: `seeds/${path}`,
  bytes: new TextEncoder().encode(text),
  ...(sidecar === undefined ? {} : { sidecar: { path: 'x.meta.yaml', file: 'seeds/x.meta.yaml', text: sidecar } }),
});

const ARTICLE = 'Harbour Reopens After Storm\nHarbour Reopens After Storm\n\nThe harbour reopened on Monday after the storm.\n\nShips queued to enter.\n';

describe('ingestSeed', () => {
  it('gives a schema-valid entry whose facts from the sidecar are marked as the editor’s', () => {
    const r = ingestSeed(seed('a.txt', ARTICLE, 'publisher: Example News\npublished: 2025-08-22\n'));
    expect(r.messages).toEqual([]);
    const a = articleSchema.parse(r.article);
    expect(a.headline).toBe('Harbour Reopens After Storm');
    expect(a.publisher).toEqual({ name: 'Example News', basis: 'editor', evidence: { rule: 'sidecar', line: 1 } });
    expect(a.published).toMatchObject({ date: '2025-08-22', precision: 'day', basis: 'editor' });
    expect(a.removed).toEqual([{ rule: 'repeated-headline', lines: [2, 2], text: 'Harbour Reopens After Storm' }]);
    expect(r.body).toBe('The harbour reopened on Monday after the storm.\n\nShips queued to enter.\n');
  });
  it('says a fact is unknown rather than guessing it', () => {
    const a = ingestSeed(seed('a.txt', ARTICLE)).article!;
    expect(a.publisher).toEqual({ basis: 'unknown' });
    expect(a.published).toEqual({ precision: 'unknown', basis: 'unknown' });
  });
  it('reports a bad sidecar and gives no entry, rather than dropping the editor’s facts', () => {
    const r = ingestSeed(seed('a.txt', ARTICLE, 'publishr: X\n'));
    expect(r.article).toBeUndefined();
    expect(r.messages.map((m) => m.code)).toEqual(['SL202']);
  });
  it('reads a saved page in the encoding its <meta> declares, headline and body alike', () => {
    const paragraphs = [
      'Мост через реку открыли в понедельник после трёх лет ремонта, сообщили в городской администрации, и первые машины проехали по нему утром.',
      'По словам инженеров, новый настил выдержит вдвое большую нагрузку, а пешеходные дорожки стали шире на полметра с каждой стороны.',
    ];
    const html = `<!doctype html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">\n<title>Мост открыт после ремонта | Городские вести</title>\n</head>\n<body>\n<article>\n<h1>Мост открыт после ремонта</h1>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n</article>\n</body>\n</html>\n`;
    const r = ingestSeed({ path: 'bridge.html', file: 'seeds/bridge.html', bytes: new Uint8Array(iconv.encode(html, 'windows-1251')) });
    expect(r.messages).toEqual([expect.objectContaining({ code: 'SL114', severity: 'warning', line: 4 })]);
    const a = articleSchema.parse(r.article);
    expect(a.headline).toBe('Мост открыт после ремонта');
    expect(a.source.encoding).toBe('windows-1251');
    expect(r.body).toBe(`${paragraphs.join('\n\n')}\n`);
  });
  it('declines formats it does not read', () => {
    expect(ingestSeed(seed('a.pdf', ARTICLE)).messages.map((m) => m.code)).toEqual(['SL101']);
  });
});

describe('ingestCorpus', () => {
  it('is deterministic and independent of input order', () => {
    // b.txt shares a.txt's headline (so its slug) but is a different file: an identical copy would give no entry (SL405).
    const inputs = [seed('b.txt', `${ARTICLE}\nThe port authority thanked the crews.\n`), seed('a.txt', ARTICLE), seed('c.txt', 'Other Story Entirely Here\n\nText.\n')];
    const one = ingestCorpus(inputs).files;
    const two = ingestCorpus([...inputs].reverse()).files;
    expect(two).toEqual(one);
    expect(one.map((f) => f.path)).toEqual(['articles/harbour-reopens-after-storm-2.md', 'articles/harbour-reopens-after-storm.md', 'articles/other-story-entirely-here.md']);
    expect(readContentFile(one[1]!.content).data['source']).toMatchObject({ path: 'a.txt' });
  });
});
