/**
 * Hostile and broken input, at the level of the pure pipeline: encodings,
 * binary files, sizes, sidecars, copies, internal failures, the generated
 * stamp, and markup that must stay text. The command-line side (file names,
 * links, exit codes, hand edits) is in ingest-cli.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../fixture-case.ts';
import { checkSize, decode, MAX_SEED_BYTES } from '../../src/lib/ingest/decode.ts';
import { checkStamp, stampContentFile } from '../../src/lib/ingest/generated.ts';
import { readContentFile } from '../../src/lib/ingest/markdown.ts';
import { ingestCorpus, ingestSeed, MAX_WORDS, type SeedInput } from '../../src/lib/ingest/pipeline.ts';
import { parseSidecar } from '../../src/lib/ingest/sidecar.ts';
import { articleSchema } from '../../src/lib/schema.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const ARTICLE = 'Harbour Reopens After Storm\n\nThe harbour reopened on Monday after the storm, officials said.\n\nShips queued to enter.\n';
const seed = (path: string, content: string | Uint8Array, sidecar?: string): SeedInput => ({
  path,
  file: `seeds/${path}`,
  bytes: typeof content === 'string' ? utf8(content) : content,
  ...(sidecar === undefined ? {} : { sidecar: { path: path.replace(/\.\w+$/, '.meta.yaml'), file: `seeds/${path.replace(/\.\w+$/, '.meta.yaml')}`, text: sidecar } }),
});
const codes = (r: { messages: { code: string }[] }): string[] => r.messages.map((m) => m.code);

describe('decoding what people drop in', () => {
  it('reads Windows-1252 (curly quotes, euro, accents) and says so', () => {
    const bytes = iconv.encode('“We lost €12,000,” said Renée — in the café…', 'windows-1252');
    const r = decode(bytes, 'a.txt');
    expect(r.text).toBe('“We lost €12,000,” said Renée — in the café…');
    expect(r.encoding).toBe('windows-1252');
    expect(r.messages).toEqual([expect.objectContaining({ code: 'SL108', severity: 'warning', line: 1 })]);
  });
  it('reads Latin-1 text the same way (Latin-1 letters are Windows-1252’s)', () => {
    const r = decode(iconv.encode('Le conseil a voté mardi.\n« Nous avons fait le nécessaire », a déclaré la maire.\n', 'latin1'), 'a.txt');
    expect(r.text).toContain('« Nous avons fait le nécessaire »');
    expect(r.encoding).toBe('windows-1252');
  });
  it('refuses damaged UTF-8 rather than turning its good letters into mojibake', () => {
    const r = decode(new Uint8Array([...utf8('Kim’s “troops”\nare '), 0xe9, ...utf8(' here\n')]), 'a.txt');
    expect(r.text).toBeUndefined();
    expect(r.messages).toEqual([expect.objectContaining({ code: 'SL103', line: 2 })]);
  });
  it('refuses bytes Windows-1252 leaves undefined, and random high bytes', () => {
    expect(codes(decode(new Uint8Array([...utf8('Text '), 0x81, 0x41]), 'a.txt'))).toEqual(['SL103']);
    expect(codes(decode(new Uint8Array([0xe9, 0xfa, 0xc3, 0xb0, 0x41, 0xd0, 0xfe]), 'a.txt'))).toEqual(['SL103']);
  });
  it('names the kind of binary file when its first bytes tell', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(decode(png, 'a.txt').messages[0]).toMatchObject({ code: 'SL102', message: 'the file is a PNG image, not text' });
    expect(decode(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'a.txt').messages[0]?.message).toContain('JPEG');
    expect(decode(utf8('%PDF-1.7\n\u0001\u0002'), 'a.txt').messages[0]?.message).toContain('PDF');
  });
  it('spots UTF-16 saved without a byte-order mark', () => {
    const r = decode(iconv.encode('Storm closes the road.\n', 'utf16-le').subarray(2), 'a.txt');
    expect(r.messages[0]).toMatchObject({ code: 'SL102' });
    expect(r.messages[0]?.message).toContain('UTF-16');
  });
  it('refuses control bytes that no text holds, even without NULs', () => {
    expect(codes(decode(new Uint8Array([0x41, 0x01, 0x42, 0xff]), 'a.txt'))).toEqual(['SL102']);
  });
});

describe('size limits', () => {
  it('refuses a file over MAX_SEED_BYTES on its size, without its bytes', () => {
    expect(checkSize(MAX_SEED_BYTES, 'a.txt')).toBeUndefined();
    const r = ingestSeed({ path: 'big.txt', file: 'seeds/big.txt', bytes: new Uint8Array(0), size: 50 * 1024 * 1024 });
    expect(r.messages).toEqual([{ file: 'seeds/big.txt', severity: 'error', code: 'SL106', message: expect.stringContaining('the file is 50 MB; files over 10 MB are not read') }]);
  });
  it('refuses a 1 MB single line of prose (173,000 words) quickly, on its word count', () => {
    const line = 'The troops moved north on Tuesday and officials said nothing more about it. '.repeat(13_500);
    const start = performance.now();
    const r = ingestSeed(seed('long.txt', `One Very Long Line\n\n${line}\n`));
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(r.article).toBeUndefined();
    expect(r.messages).toEqual([expect.objectContaining({ code: 'SL106', message: expect.stringContaining(`over ${MAX_WORDS.toLocaleString('en')} words`) })]);
  });
  it('reads a long one-line article under the limit, in time linear in its length', () => {
    const line = 'The troops moved north on Tuesday and officials said nothing more about it. '.repeat(3_000);
    const start = performance.now();
    const r = ingestSeed(seed('long.txt', `One Very Long Line\n\n${line}\n`));
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(r.article?.words).toBe(39_000);
  });
  it('refuses a page of far too many words before parsing it', () => {
    const page = `<html><body><article><h1>Big</h1>${'<p>Paragraph after paragraph of words, many of them.</p>\n'.repeat(20_000)}</article></body></html>`;
    const start = performance.now();
    const r = ingestSeed(seed('big.html', page));
    expect(performance.now() - start).toBeLessThan(3_000);
    expect(r.messages).toEqual([expect.objectContaining({ code: 'SL106', message: expect.stringContaining('the page holds about 160,001 words') })]);
  });
  it('does not count what scripts and styles hold as the page’s words', () => {
    const page = `<html><head><script>${'var x = 1; '.repeat(60_000)}</script><style>${'p { color: red } '.repeat(20_000)}</style></head><body><article><h1>Small Page, Big Script</h1><p>The council met on Monday, officials said, and voted for the plan.</p></article></body></html>`;
    const r = ingestSeed(seed('page.html', page));
    expect(codes(r)).toEqual([]);
    expect(r.article?.headline).toBe('Small Page, Big Script');
  });
});

describe('sidecars', () => {
  it('refuses a publication date after today, at each precision', () => {
    expect(codes(parseSidecar('published: 2026-01-01\n', 's.meta.yaml', '2025-12-31'))).toEqual(['SL204']);
    expect(codes(parseSidecar('published: 2026-01\n', 's.meta.yaml', '2025-12-31'))).toEqual(['SL204']);
    expect(codes(parseSidecar('published: 2026\n', 's.meta.yaml', '2025-12-31'))).toEqual(['SL204']);
    // Today itself, and a month or year that has begun, are fine.
    for (const d of ['2025-12-31', '2025-12', '2025']) expect(parseSidecar(`published: ${d}\n`, 's.meta.yaml', '2025-12-31').sidecar).toEqual({ published: d });
    expect(parseSidecar('published: 2031-01-01\n', 's.meta.yaml').sidecar).toBeDefined();
  });
  it('says a URL must be http(s), whatever else it is', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.com/a', '/relative/path', 'data:text/html,<script>alert(1)</script>', 'example.com']) {
      const r = parseSidecar(`url: "${url}"\n`, 's.meta.yaml');
      expect(r.messages).toEqual([expect.objectContaining({ code: 'SL202', line: 1, message: expect.stringContaining('http:// or https://') })]);
    }
  });
  it('refuses a YAML alias bomb and a sidecar that is not a mapping, without throwing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    expect(codes(parseSidecar(bomb, 's.meta.yaml'))).toEqual(['SL201']);
    expect(codes(parseSidecar('- publisher\n- url\n', 's.meta.yaml'))).toEqual(['SL201']);
    expect(codes(parseSidecar('just a sentence\n', 's.meta.yaml'))).toEqual(['SL201']);
  });
  it('decodes a sidecar given as bytes like a seed, and refuses one that is binary', () => {
    const good = ingestSeed({ ...seed('a.txt', ARTICLE), sidecar: { path: 'a.meta.yaml', file: 'seeds/a.meta.yaml', bytes: iconv.encode('publisher: Le Café\n', 'windows-1252') } });
    expect(good.article?.publisher).toMatchObject({ name: 'Le Café', basis: 'editor' });
    expect(codes(good)).toEqual(['SL108']);
    const bad = ingestSeed({ ...seed('a.txt', ARTICLE), sidecar: { path: 'a.meta.yaml', file: 'seeds/a.meta.yaml', bytes: new Uint8Array([0x70, 0, 0x75]) } });
    expect(bad.article).toBeUndefined();
    expect(bad.messages).toEqual([expect.objectContaining({ file: 'seeds/a.meta.yaml', code: 'SL102' })]);
  });
});

describe('copies in the corpus', () => {
  it('writes one entry for a file dropped twice, naming both', () => {
    const corpus = ingestCorpus([seed('b.txt', ARTICLE), seed('a.txt', ARTICLE)]);
    expect(corpus.files.map((f) => readContentFile(f.content).data['source'])).toEqual([expect.objectContaining({ path: 'a.txt' })]);
    const copy = corpus.results.find((r) => r.input.path === 'b.txt')!;
    expect(copy.duplicateOf).toBe('a.txt');
    expect(copy.messages).toEqual([expect.objectContaining({ file: 'seeds/b.txt', code: 'SL405', severity: 'warning', message: expect.stringContaining('seeds/a.txt') })]);
  });
  it('keeps both when the copies have different sidecars, or the same text in different files', () => {
    const sidecars = ingestCorpus([seed('a.txt', ARTICLE, 'publisher: One\n'), seed('b.txt', ARTICLE, 'publisher: Two\n')]);
    expect(sidecars.files).toHaveLength(2);
    expect(sidecars.messages.map((m) => [m.file, m.code])).toEqual([['seeds/b.txt', 'SL406']]);
    const junk = ingestCorpus([seed('a.txt', ARTICLE), seed('b.txt', ARTICLE.replace('\n\n', '\n\nAdvertisement\n\n'))]);
    expect(junk.files).toHaveLength(2);
    expect(junk.messages.map((m) => [m.file, m.code])).toEqual([['seeds/b.txt', 'SL406']]);
  });
});

describe('unexpected failures', () => {
  it('turn into SL903 for the one seed, and the others still give entries', () => {
    const broken = seed('broken.txt', ARTICLE);
    Object.defineProperty(broken, 'bytes', {
      get() {
        throw new RangeError('simulated bug\n    at somewhere (file.ts:1:1)');
      },
    });
    const corpus = ingestCorpus([broken, seed('fine.txt', ARTICLE)]);
    expect(corpus.files).toHaveLength(1);
    expect(corpus.messages).toEqual([
      {
        file: 'seeds/broken.txt',
        severity: 'error',
        code: 'SL903',
        message: 'internal: the ingest failed on this file (RangeError: simulated bug); the other seeds were still ingested; please report it',
      },
    ]);
  });
});

describe('the generated stamp', () => {
  const entry = ingestSeed(seed('a.txt', ARTICLE));
  const content = entry.content!;
  it('is the last front-matter field, validates, and matches the file', () => {
    expect(articleSchema.parse(entry.article).generated?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(content).toMatch(/\ngenerated:\n {2}hash: "[0-9a-f]{64}"\n---\n/);
    expect(checkStamp(content)).toBe('intact');
    expect(stampContentFile(entry.article!, entry.body!).content).toBe(content);
  });
  it('catches any edit, to the body or to a fact, down to one byte', () => {
    expect(checkStamp(content.replace('Ships queued', 'Ships waited'))).toBe('edited');
    expect(checkStamp(content.replace('"Harbour Reopens After Storm"', '"Harbour Reopens"'))).toBe('edited');
    expect(checkStamp(`${content}\n`)).toBe('edited');
    expect(checkStamp(content.replace(/hash: "[0-9a-f]{64}"/, `hash: "${'0'.repeat(64)}"`))).toBe('edited');
  });
  it('tells an entry with no stamp, and reads CRLF line ends as LF', () => {
    expect(checkStamp(content.replace(/generated:\n {2}hash: "[0-9a-f]{64}"\n/, ''))).toBe('unstamped');
    expect(checkStamp('# hand-written\n')).toBe('unstamped');
    expect(checkStamp(content.replace(/\n/g, '\r\n'))).toBe('intact');
  });
});

describe('markup in the text stays text', () => {
  const cases = ['markup-as-text', 'markup-hostile', 'markup-hostile-md', 'markup-hostile-html'];
  const processor = createMarkdownProcessor({});
  for (const name of cases) {
    it(`${name}: the body reads back as plain text blocks, and no renderer makes an element of it`, async () => {
      const file = readFileSync(join(FIXTURES_DIR, name, 'expected.md'), 'utf8');
      const { data, body } = readContentFile(file);
      articleSchema.parse(data);
      // CommonMark, as the pipeline's own check reads it: paragraphs and headings holding one text node each.
      const tree = fromMarkdown(body);
      for (const node of tree.children) {
        expect(['paragraph', 'heading']).toContain(node.type);
        expect('children' in node && node.children.map((c) => c.type)).toEqual(['text']);
      }
      expect(tree.children.map((n) => toString(n)).join('\n')).not.toContain('\\<');
      // Astro's own Markdown pipeline (GFM, smartypants): no script, frame, image, handler or script URL comes out.
      const html = (await (await processor).render(body)).code;
      const elements: Element[] = [];
      const walk = (n: HastRoot | HastContent): void => {
        if (n.type === 'element') elements.push(n);
        if ('children' in n) for (const c of n.children) walk(c);
      };
      walk(fromHtml(html, { fragment: true }));
      for (const el of elements) {
        expect(['p', 'h2', 'a']).toContain(el.tagName);
        expect(Object.keys(el.properties).filter((k) => /^on/i.test(k))).toEqual([]);
        if (el.tagName === 'a') expect(String(el.properties['href'])).toMatch(/^https?:\/\//);
      }
    });
  }
});

describe('message codes', () => {
  it('are each documented in the README table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const sources = ['src/cli/ingest.ts', ...['decode', 'pipeline', 'sidecar', 'html', 'markdown-input', 'dates', 'generated'].map((f) => `src/lib/ingest/${f}.ts`)];
    const used = new Set(sources.flatMap((f) => [...readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8').matchAll(/'(SL\d{3})'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(20);
    for (const code of used) expect(readme, code).toMatch(new RegExp(`^\\| [^|]*\\b${code}\\b[^|]*\\| (error|warning|info) \\|`, 'm'));
  });
});
