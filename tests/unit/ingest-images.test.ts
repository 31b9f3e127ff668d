/**
 * Lead images through the ingest command: a saved page's picture beside it
 * and a sidecar's file are copied into `content/images/` and named in the
 * entry; a bad file is a warning and the entry is still written; a changed
 * image changes the entry even when the seed comes from the cache; an image
 * no entry uses any more is removed; `--check` sees a missing copy.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFile } from '../../src/lib/ingest/markdown.ts';
import { removeTemp, runCli, tempDir, tinyArticle } from '../robustness-corpus.ts';

/** A tiny valid PNG of one colour (the bytes differ with it). */
function png(shade: number): Buffer {
  // Made by hand: signature, IHDR, one IDAT, IEND. A 1×1 grey pixel; `shade` changes the pixel (and the CRCs are not checked here).
  return Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010800000000', 'hex'), Buffer.from([shade, 0, 0, 0, 0]), Buffer.from('0000000049454e44ae426082', 'hex')]);
}

const PARAGRAPHS = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1}: the council voted on Tuesday to rebuild the old bridge over the river, a plan that took nine years.</p>`).join('\n');
const PAGE = `<!doctype html><html><head><title>Council votes to rebuild bridge</title>
<meta property="og:image" content="https://example.org/img/lead.png">
</head><body><article><h1>Council votes to rebuild bridge</h1>
<figure><img src="page_files/lead.png"><figcaption>The old bridge. <span class="credit">Photo: Jane Roe</span></figcaption></figure>
${PARAGRAPHS}</article></body></html>`;

function imageOf(dir: string, entry: string): Record<string, unknown> | undefined {
  return readContentFile(readFileSync(join(dir, 'content/articles', entry), 'utf8')).data['image'] as Record<string, unknown> | undefined;
}

describe('lead images in the ingest', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('images');
    mkdirSync(join(dir, 'seeds/page_files'), { recursive: true });
    writeFileSync(join(dir, 'seeds/page.html'), PAGE);
    writeFileSync(join(dir, 'seeds/page_files/lead.png'), png(1));
    writeFileSync(join(dir, 'seeds/text.txt'), tinyArticle(1));
    writeFileSync(join(dir, 'seeds/text.meta.yaml'), 'image:\n  file: text.png\n  credit: Agency\n');
    writeFileSync(join(dir, 'seeds/text.png'), png(2));
    writeFileSync(join(dir, 'seeds/bad.txt'), tinyArticle(2));
    writeFileSync(join(dir, 'seeds/bad.meta.yaml'), 'image:\n  file: bad.png\n');
    writeFileSync(join(dir, 'seeds/bad.png'), '<!doctype html><html>not a picture</html>');
    writeFileSync(join(dir, 'seeds/gone.txt'), tinyArticle(3));
    writeFileSync(join(dir, 'seeds/gone.meta.yaml'), 'image:\n  file: nowhere.jpg\n');
    writeFileSync(join(dir, 'seeds/plain.txt'), tinyArticle(4));
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside/secret.png'), png(9));
    symlinkSync(join(dir, 'outside/secret.png'), join(dir, 'seeds/linked.png'));
    writeFileSync(join(dir, 'seeds/linked.txt'), tinyArticle(5));
    writeFileSync(join(dir, 'seeds/linked.meta.yaml'), 'image:\n  file: linked.png\n');
  });
  afterAll(() => removeTemp(dir));

  it('copies the pictures into content/images, names them in the entries, warns about bad ones and writes every entry', async () => {
    const run = await runCli(dir, ['--no-cache']);
    expect(run.code).toBe(0);
    const entries = readdirSync(join(dir, 'content/articles')).sort();
    expect(entries).toHaveLength(6);
    const page = entries.find((e) => e.startsWith('council-votes'))!;
    expect(imageOf(dir, page)).toMatchObject({ url: 'https://example.org/img/lead.png', caption: 'The old bridge.', credit: 'Jane Roe', alt: 'The old bridge.', basis: 'page', evidence: { rule: 'og:image' } });
    const text = entries.find((e) => e.endsWith('plan-number-1.md'))!;
    expect(imageOf(dir, text)).toMatchObject({ credit: 'Agency', alt: 'Council Approves Plan Number 1', basis: 'editor', evidence: { rule: 'sidecar', line: 1 } });
    for (const n of [2, 3, 4, 5]) expect(imageOf(dir, entries.find((e) => e.endsWith(`plan-number-${n}.md`))!)).toBeUndefined();
    const copies = readdirSync(join(dir, 'content/images')).sort();
    expect(copies).toHaveLength(2);
    for (const copy of copies) expect(copy).toMatch(/^[0-9a-f]{16}\.png$/);
    expect(imageOf(dir, page)!['file']).toMatch(/^\.\.\/images\/[0-9a-f]{16}\.png$/);
    const warnings = run.lines.filter((l) => l.includes('SL130'));
    expect(warnings).toEqual([
      expect.stringMatching(/^seeds\/bad\.meta\.yaml:1: warning SL130 seeds\/bad\.png: not a JPEG, PNG, WebP, AVIF or GIF image/),
      expect.stringMatching(/^seeds\/gone\.meta\.yaml:1: warning SL130 seeds\/nowhere\.jpg does not exist; the entry has no image$/),
      expect.stringMatching(/^seeds\/linked\.meta\.yaml:1: warning SL130 seeds\/linked\.png leads outside the seeds folder/),
    ]);
    // Pictures are not seeds: no "not read" message for them.
    expect(run.lines.some((l) => l.includes('SL101'))).toBe(false);
    expect((await runCli(dir, ['--check', '--no-cache'])).code).toBe(0);
  });

  it('notices a changed image although the seed comes from the cache, and removes the copy no entry uses', async () => {
    await runCli(dir, ['--cache', 'cache']);
    const before = readdirSync(join(dir, 'content/images')).sort();
    writeFileSync(join(dir, 'seeds/text.png'), png(3));
    expect((await runCli(dir, ['--check', '--cache', 'cache'])).code).toBe(3);
    const run = await runCli(dir, ['--cache', 'cache', '--json']);
    expect(JSON.parse(run.lines.join('\n')).cache.seeds.misses).toBe(0);
    const after = readdirSync(join(dir, 'content/images')).sort();
    expect(after).toHaveLength(2);
    expect(after).not.toEqual(before);
    const text = readdirSync(join(dir, 'content/articles')).find((e) => e.endsWith('plan-number-1.md'))!;
    expect(after).toContain(String(imageOf(dir, text)!['file']).slice('../images/'.length));
  });

  it('removes the copy when its entry goes, and --check reports a missing copy', async () => {
    rmSync(join(dir, 'seeds/text.txt'));
    rmSync(join(dir, 'seeds/text.meta.yaml'));
    await runCli(dir, ['--no-cache']);
    expect(readdirSync(join(dir, 'content/images'))).toHaveLength(1);
    const [copy] = readdirSync(join(dir, 'content/images'));
    rmSync(join(dir, 'content/images', copy!));
    const check = await runCli(dir, ['--check', '--no-cache']);
    expect(check.code).toBe(3);
    expect(check.lines.some((l) => l.includes(`content/images/${copy!}: missing`))).toBe(true);
    await runCli(dir, ['--no-cache']);
    expect(existsSync(join(dir, 'content/images', copy!))).toBe(true);
  });
});
