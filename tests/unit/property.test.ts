/**
 * Property tests (fast-check): whatever bytes or text a seed holds, the
 * pipeline never throws, reports no internal error, gives an entry only when
 * it validates against the schema and its stamp matches its file, writes a
 * Markdown body that reads back as exactly the blocks it came from, and gives
 * the same output every time (so ingesting twice changes nothing).
 *
 * Run counts are kept small enough for the unit suite; set FC_RUNS to run
 * more (e.g. FC_RUNS=2000 npx vitest run tests/unit/property.test.ts).
 */
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/lib/ingest/decode.ts';
import { checkStamp } from '../../src/lib/ingest/generated.ts';
import { readContentFile } from '../../src/lib/ingest/markdown.ts';
import { ingestCorpus, ingestSeed, type SeedInput } from '../../src/lib/ingest/pipeline.ts';
import { parseSidecar } from '../../src/lib/ingest/sidecar.ts';
import { articleSchema, diagnosticSchema } from '../../src/lib/schema.ts';

const RUNS = Number(process.env['FC_RUNS'] ?? 0) || undefined;
const runs = (n: number): { numRuns: number } => ({ numRuns: RUNS ?? n });
/** Each test's time limit: the default, or ample when FC_RUNS asks for long runs. */
const LIMIT = RUNS ? 3_600_000 : 30_000;
/** A turn of the event loop, which jsdom needs to free the windows of the pages read before it. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const TODAY = '2025-12-31';

/** Everything the pipeline promises about one seed; returns whether it gave an entry. */
function holds(input: SeedInput): boolean {
  const r = ingestSeed(input, { today: TODAY });
  for (const m of r.messages) {
    diagnosticSchema.parse(m);
    expect(m.code, m.message).not.toMatch(/^SL9/);
  }
  expect(ingestSeed(input, { today: TODAY })).toEqual(r);
  if (!r.article) {
    expect(r.messages.some((m) => m.severity === 'error' || m.code === 'SL101')).toBe(true);
    return false;
  }
  articleSchema.parse(r.article);
  expect(checkStamp(r.content!)).toBe('intact');
  const file = readContentFile(r.content!);
  expect(articleSchema.parse(file.data)).toEqual(r.article);
  expect(file.body).toBe(r.body);
  const blocks = fromMarkdown(r.body!).children;
  expect(blocks.map((b) => [b.type, toString(b)])).toEqual(r.bodyBlocks!.map((b) => [b.kind, b.text]));
  expect(ingestCorpus([input], { today: TODAY }).files).toEqual(ingestCorpus([input], { today: TODAY }).files);
  return true;
}

const seedOf = (bytes: Uint8Array, ext: string): SeedInput => ({ path: `seed.${ext}`, file: `seeds/seed.${ext}`, bytes });
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Words, markup that must stay text, and odd Unicode: what hostile scrapes are made of. */
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('the', 'council', 'said', 'Monday', 'troops', 'in', 'June', '2025', 'Reuters', 'Kim', 'officials', 'on', 'Friday,', 'August', '22', 'last', 'week', 'By', 'Advertisement', 'Share', 'Published') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>', '</script>', '<iframe src=x>', '<img src=x onerror=alert(1)>', '[link](javascript:alert(1))', '![img](http://x/y.png)',
      '---', '***', '___', '{{ user }}', '{ x }', '{%', 'import X from "y"', 'export const a = 1', '#', '##', '>', '*', '-', '+', '1.', '`code`', '```',
      '<!-- c -->', '&amp;', '&lt;', '&#x3C;', '\\', '|', '<', '>', '~~', '_', '__', 'http://example.com/a', '<http://x>', '[^1]', '<br>', '</p>',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u200b', '\u00a0', '\ufeff', '\u202e', '\u0000', '\r', '\t', 'é', 'ß', '記事', '🙂', '\ud83d', 'ﬁ', 'e\u0301') },
);
const line = fc.array(token, { minLength: 1, maxLength: 24 }).map((t) => t.join(' '));
const scrape = fc
  .tuple(line, fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\n\n', '\r\n'))
  .map(([headline, lines, sep]) => `${headline}${sep}${sep}${lines.join(sep)}\n`);

describe('the pipeline, on any input', () => {
  it('holds its promises for arbitrary bytes, read as each format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1500 }), fc.constantFrom('txt', 'html', 'md'), async (bytes, ext) => {
        holds(seedOf(bytes, ext));
        await tick();
      }),
      runs(120),
    );
  }, LIMIT);
  it('holds its promises for arbitrary Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), fc.constantFrom('txt', 'md'), (text, ext) => void holds(seedOf(encode(text), ext))), runs(120));
  }, LIMIT);
  it('holds its promises for scrape-like text full of markup, and gives entries for most of it', () => {
    let entries = 0;
    let all = 0;
    fc.assert(
      fc.property(scrape, (text) => {
        all++;
        if (holds(seedOf(encode(text), 'txt'))) entries++;
      }),
      runs(150),
    );
    expect(entries).toBeGreaterThan(all / 2);
  }, LIMIT);
  it('holds its promises for the same text as a saved page and as Markdown', async () => {
    const page = scrape.map((text) => {
      const [headline, ...rest] = text.split('\n').filter(Boolean);
      const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return `<html><head><title>${esc(headline ?? '')}</title></head><body><article><h1>${esc(headline ?? '')}</h1>${rest.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
    });
    await fc.assert(
      fc.asyncProperty(page, async (html) => {
        holds(seedOf(encode(html), 'html'));
        await tick();
      }),
      runs(40),
    );
    fc.assert(fc.property(scrape, (md) => void holds(seedOf(encode(`---\ntitle: "x"\n---\n${md}`), 'md'))), runs(60));
  }, LIMIT);
  it('decodes or refuses any bytes, and reads any sidecar text, without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const d = decode(bytes, 'f');
        expect(d.text === undefined).toBe(d.messages.some((m) => m.severity === 'error'));
      }),
      runs(500),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const s = parseSidecar(text, 's.meta.yaml', TODAY);
        expect(s.sidecar === undefined).toBe(s.messages.length > 0);
      }),
      runs(300),
    );
  }, LIMIT);
});
