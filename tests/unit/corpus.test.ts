import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baselineMarkdown, buildWorld, frequentWord, generateArticle, generateCorpus, JUNK_KINDS, planCorpus, type GeneratedArticle } from '../../src/lib/bench/corpus.ts';
import { mulberry32, streamFor, Zipf } from '../../src/lib/bench/random.ts';
import { ingestSeed } from '../../src/lib/ingest/pipeline.ts';
import { normalizeLine } from '../../src/lib/ingest/normalize.ts';

const corpus = (size: number, seed?: number): GeneratedArticle[] => [...generateCorpus(planCorpus(size, seed))];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';

describe('random', () => {
  it('gives the same stream for the same seed and ids, another for others', () => {
    const a = streamFor(7, 1, 2);
    const b = streamFor(7, 1, 2);
    const c = streamFor(7, 1, 3);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('draws ranks with Zipf’s skew: rank 0 about twice as often as rank 1', () => {
    const z = new Zipf(100);
    const r = mulberry32(1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[z.sample(r)]!++;
    expect(counts[0]! / counts[1]!).toBeGreaterThan(1.6);
    expect(counts[0]! / counts[1]!).toBeLessThan(2.4);
    expect(counts[0]!).toBeGreaterThan(10 * counts[50]!);
  });
});

describe('generateCorpus', () => {
  it('is deterministic: the same seed gives byte-identical files, another seed others', () => {
    const one = corpus(40, 5);
    const two = corpus(40, 5);
    expect(two.map((a) => [a.fileName, a.text, a.sidecar])).toEqual(one.map((a) => [a.fileName, a.text, a.sidecar]));
    expect(corpus(40, 6).map((a) => a.text)).not.toEqual(one.map((a) => a.text));
  });

  it('makes a smaller corpus the first articles of a larger one, and any article on its own', () => {
    const small = corpus(30);
    const plan = planCorpus(90);
    expect(small.map((a) => generateArticle(plan, a.index).text)).toEqual(small.map((a) => a.text));
    expect(() => generateArticle(plan, 90)).toThrow();
  });

  it('uses no ambient randomness or clock', () => {
    const dir = new URL('../../src/lib/bench/', import.meta.url);
    for (const name of readdirSync(dir)) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      expect(source, name).not.toMatch(/Math\.random\(|Date\.now\(|performance\.now\(|new Date\(\)/);
    }
  });

  it('has the world and the shape of real scrapes', () => {
    const world = buildWorld(1);
    expect(world.topics.length).toBeGreaterThanOrEqual(36);
    expect(world.people.length + world.places.length + world.orgs.length).toBeGreaterThanOrEqual(300);

    const all = corpus(600);
    const names = all.map((a) => a.fileName);
    expect(names.every((n) => /^\d{6}_[0-9a-f]{16}\.txt$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    const sidecars = all.filter((a) => a.sidecar);
    expect(sidecars.length / all.length).toBeGreaterThan(0.2);
    expect(sidecars.length / all.length).toBeLessThan(0.5);
    expect(sidecars.every((a) => /^publisher: .+\nurl: https:\/\/\S+\npublished: \d{4}-\d{2}-\d{2}\n/m.test(a.sidecar!.text))).toBe(true);

    // Every kind of article and of boilerplate occurs.
    expect(new Set(all.map((a) => a.kind))).toEqual(new Set(['original', 'rewrite', 'wire-copy', 'near-duplicate', 'duplicate']));
    expect(new Set(all.flatMap((a) => a.junk.map((j) => j.kind)))).toEqual(new Set(JUNK_KINDS));
    // Duplicates are the same bytes; wire copies keep the first report's body under another outlet.
    for (const a of all.filter((x) => x.kind === 'duplicate')) expect(a.text).toBe(all[a.copyOf!]!.text);
    for (const a of all.filter((x) => x.kind === 'wire-copy')) {
      expect(a.body).toEqual(all[a.copyOf!]!.body);
      expect(a.publisher).not.toBe(all[a.copyOf!]!.publisher);
    }
    // Headlines repeated, some with another apostrophe.
    const repeated = all.filter((a) => a.text.split('\n').filter((l) => normalizeLine(l).toLowerCase().replace(/’/g, "'") === a.headline.toLowerCase().replace(/’/g, "'")).length >= 2);
    expect(repeated.length / all.length).toBeGreaterThan(0.3);
    expect(repeated.some((a) => a.headline.includes('’') && a.text.includes(a.headline.replace(/’/g, "'")))).toBe(true);
    // Dates in the text: a weekday with month and day in every lead, "last <Month>" in some.
    expect(all.every((a) => new RegExp(`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ${MONTH} \\d{1,2}`).test(a.body[0]!.text))).toBe(true);
    expect(all.some((a) => new RegExp(`last ${MONTH}`).test(a.text))).toBe(true);
    expect(all.filter((a) => a.captions.length > 0).length).toBeGreaterThan(all.length / 3);
    // Names recur with a skew: the most covered place is in many stories, the median one in few.
    const byPlace = new Map<string, number>();
    for (const a of all) for (const p of buildWorld(planCorpus(1).seed).places) if (a.text.includes(p.name)) byPlace.set(p.name, (byPlace.get(p.name) ?? 0) + 1);
    const counts = [...byPlace.values()].sort((x, y) => y - x);
    expect(counts[0]!).toBeGreaterThan(3 * counts[Math.floor(counts.length / 2)]!);
    expect(frequentWord(planCorpus(600))).toMatch(/^\p{Lu}\p{L}+$/u);
  });

  it('writes clean Markdown with a title for the baseline', () => {
    const a = corpus(3)[0]!;
    const md = baselineMarkdown(a);
    expect(md.startsWith(`---\ntitle: ${JSON.stringify(a.headline)}\ndate: ${a.published}\n---\n\n`)).toBe(true);
    expect(md).toContain(a.body[1]!.text);
    expect(md).not.toContain(a.junk[0]?.lines[0] ?? '\u0000');
  });
});

describe('the real ingest on the generated corpus', () => {
  const sample = corpus(80);
  const results = sample.map((a) => ({
    a,
    r: ingestSeed({
      path: a.fileName,
      file: `seeds/${a.fileName}`,
      bytes: new TextEncoder().encode(a.text),
      ...(a.sidecar ? { sidecar: { path: a.sidecar.fileName, file: `seeds/${a.sidecar.fileName}`, text: a.sidecar.text } } : {}),
    }),
  }));

  it('accepts every article without errors', () => {
    for (const { a, r } of results) {
      expect(r.messages.filter((m) => m.severity === 'error'), a.fileName).toEqual([]);
      expect(r.article, a.fileName).toBeDefined();
    }
  });

  it('removes every boilerplate line the generator wrote', () => {
    for (const { a, r } of results) {
      const removed = new Set(r.article!.removed.flatMap((x) => x.text.split('\n')));
      for (const j of a.junk) for (const line of j.lines) expect(removed.has(normalizeLine(line)), `${a.fileName}: ${j.kind}: ${line}`).toBe(true);
    }
  });

  it('keeps the headline and every paragraph of the article', () => {
    for (const { a, r } of results) {
      expect(r.article!.headline, a.fileName).toBe(a.headline);
      const body = r.body!.replace(/\s+/g, ' ');
      for (const b of a.body) expect(body, `${a.fileName}: ${b.text}`).toContain(normalizeLine(b.text).split(' ').slice(0, 8).join(' '));
    }
  });

  it('dates and attributes what it can: sidecars win, the rest is inferred from the text', () => {
    for (const { a, r } of results.filter((x) => x.a.sidecar)) {
      expect(r.article!.published).toMatchObject({ date: a.published, basis: 'editor' });
      expect(r.article!.publisher).toMatchObject({ name: a.publisher, basis: 'editor' });
    }
    const inferred = results.filter((x) => !x.a.sidecar && x.r.article!.published.basis === 'inferred');
    expect(inferred.length).toBeGreaterThan(results.filter((x) => !x.a.sidecar).length * 0.8);
  });
});
