import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/lib/ingest/html.ts';
import { imageCandidates, imageFileName, withLeadImage } from '../../src/lib/ingest/lead-image-entry.ts';
import { ingestSeed } from '../../src/lib/ingest/pipeline.ts';
import { parseSidecar } from '../../src/lib/ingest/sidecar.ts';
import { imageFormat, imageProblem } from '../../src/lib/image-format.ts';
import { checkStamp } from '../../src/lib/ingest/generated.ts';
import { articleSchema } from '../../src/lib/schema.ts';

const BODY = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1}: the council voted on Tuesday to rebuild the old bridge over the river, a plan that took nine years to agree and will cost the town far more than first thought.</p>`).join('\n');

/** A page with `head` in its <head> and `article` before the body's paragraphs. */
function page(head: string, article = ''): string {
  return `<!doctype html><html><head><title>Council votes to rebuild bridge</title>\n${head}\n</head><body><header><img src="/static/site-logo.png" alt="Town News"></header><article><h1>Council votes to rebuild bridge</h1>\n${article}\n${BODY}</article></body></html>`;
}

function images(html: string) {
  return extractHtml(html, 'p.html').images ?? [];
}

describe('findPageImages', () => {
  it('takes og:image first, with its alt text and its line', () => {
    const found = images(page('<meta property="og:image" content="https://cdn.example.org/a.jpg">\n<meta property="og:image:alt" content="The bridge at dusk">\n<meta name="twitter:image" content="https://cdn.example.org/b.jpg">'));
    expect(found[0]).toEqual({ url: 'https://cdn.example.org/a.jpg', alt: 'The bridge at dusk', evidence: { rule: 'og:image', quote: 'https://cdn.example.org/a.jpg', line: 2 } });
    expect(found[1]?.evidence.rule).toBe('twitter:image');
  });
  it('prefers og:image:secure_url and takes twitter:image:src when there is no og:image', () => {
    expect(images(page('<meta property="og:image" content="http://e.org/a.jpg"><meta property="og:image:secure_url" content="https://e.org/a.jpg">'))[0]?.url).toBe('https://e.org/a.jpg');
    expect(images(page('<meta name="twitter:image:src" content="https://e.org/t.jpg">'))[0]).toMatchObject({ url: 'https://e.org/t.jpg', evidence: { rule: 'twitter:image' } });
  });
  it('reads JSON-LD image as a string, an ImageObject with credit, or a list, in @graph too', () => {
    const ld = (image: unknown, graph = false): string => {
      const item = { '@type': 'NewsArticle', headline: 'Council votes to rebuild bridge', image };
      return `<script type="application/ld+json">${JSON.stringify(graph ? { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Town' }, item] } : item)}</script>`;
    };
    expect(images(page(ld('https://e.org/s.jpg')))[0]).toMatchObject({ url: 'https://e.org/s.jpg', evidence: { rule: 'json-ld:image' } });
    expect(images(page(ld({ '@type': 'ImageObject', url: 'https://e.org/o.jpg', caption: 'Workers on the bridge', creditText: 'Jane Roe/Agency' })))[0]).toMatchObject({
      url: 'https://e.org/o.jpg',
      caption: 'Workers on the bridge',
      credit: 'Jane Roe/Agency',
    });
    expect(images(page(ld([{ '@type': 'ImageObject', contentUrl: 'https://e.org/l.jpg', copyrightHolder: { '@type': 'Organization', name: 'Agency' } }], true)))[0]).toMatchObject({
      url: 'https://e.org/l.jpg',
      credit: 'Agency',
    });
  });
  it('falls back to the first figure, with its caption and credit, then the first content image', () => {
    const figure = images(page('', '<p>Intro words.</p><figure><img src="https://e.org/f.jpg"><figcaption>The river in flood. <span class="credit">Photo: J. Roe</span></figcaption></figure>'));
    expect(figure[0]).toMatchObject({ url: 'https://e.org/f.jpg', caption: 'The river in flood.', credit: 'J. Roe', evidence: { rule: 'figure' } });
    const plain = images(page('', '<img src="https://e.org/c.jpg" alt="A crane over the river">'));
    expect(plain[0]).toMatchObject({ url: 'https://e.org/c.jpg', alt: 'A crane over the river', evidence: { rule: 'content-image' } });
  });
  it('resolves relative addresses against <base href> or the canonical URL, and keeps them as local names', () => {
    const found = images(page('<link rel="canonical" href="https://e.org/news/bridge/"><meta property="og:image" content="../img/a.jpg">'));
    expect(found[0]).toMatchObject({ url: 'https://e.org/news/img/a.jpg', local: '../img/a.jpg' });
    expect(images(page('<base href="https://cdn.e.org/x/"><meta property="og:image" content="a.jpg">'))[0]?.url).toBe('https://cdn.e.org/x/a.jpg');
    expect(images(page('<meta property="og:image" content="//cdn.e.org/p.jpg"><link rel="canonical" href="https://e.org/a">'))[0]?.url).toBe('https://cdn.e.org/p.jpg');
  });
  it("finds a saved page's local copy of the og:image by its file name, with its figure's caption", () => {
    const found = images(
      page('<meta property="og:image" content="https://cdn.e.org/2025/bridge-lead.jpg?w=1200"><meta property="og:image:alt" content="Cranes over the bridge">', '<figure><img src="Council_files/bridge-lead.jpg"><figcaption>The bridge.</figcaption></figure>'),
    );
    expect(found[0]).toMatchObject({ url: 'https://cdn.e.org/2025/bridge-lead.jpg?w=1200', local: 'Council_files/bridge-lead.jpg', caption: 'The bridge.', alt: 'Cranes over the bridge', evidence: { rule: 'og:image' } });
  });
  it('skips data URIs, SVGs, logos and icons, tracking pixels and tiny declared sizes', () => {
    const skipped = page(
      '<meta property="og:image" content="https://e.org/brand/logo-share.png"><meta name="twitter:image" content="https://e.org/icon.svg">',
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://e.org/lazy.jpg"><img src="https://e.org/px.gif" width="1" height="1"><figure><img src="https://e.org/tiny.jpg" width="60" height="40"></figure><img src="https://e.org/real.jpg">',
    );
    const found = images(skipped);
    expect(found.map((f) => f.url)).toEqual(['https://e.org/lazy.jpg']);
    expect(images(page('<meta property="og:image" content="https://e.org/a.jpg"><meta property="og:image:width" content="50">'))).toEqual([]);
  });
  it("passes over a site's stand-in share image but keeps a story's picture that names a logo", () => {
    expect(images(page('<meta property="og:image" content="https://e.org/social_default_logo-1481777.png">'))).toEqual([]);
    expect(images(page('<meta property="og:image" content="https://e.org/img/site-logo.png">'))).toEqual([]);
    expect(images(page('<meta property="og:image" content="https://e.org/2016/raspberry_pi_logo_mainimage8_lg.jpg">'))[0]?.evidence.rule).toBe('og:image');
  });
  it('passes over content images that are furniture by name, alt text, size in the name or format, but not an aspect ratio', () => {
    const furniture = ['<img src="https://e.org/l/88x31.png">', '<img src="https://e.org/contentlogo/4224.jpg">', '<img src="https://e.org/listen.png" alt="Listen to this page">', '<img src="https://e.org/counter.gif">', '<img src="https://e.org/math/render/svg/28a0">'];
    expect(images(page('', furniture.join('')))).toEqual([]);
    expect(images(page('', '<img src="https://e.org/photo_3x2_rt.jpg">'))[0]?.url).toBe('https://e.org/photo_3x2_rt.jpg');
  });
  it('finds nothing on a page without pictures, and never the masthead logo', () => {
    expect(extractHtml(page(''), 'p.html').images).toBeUndefined();
  });
});

describe('imageFormat', () => {
  const bytes = (head: number[] | string, length = 32): Uint8Array => {
    const out = new Uint8Array(length);
    const codes = typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head;
    out.set(codes.slice(0, length));
    return out;
  };
  it('tells the formats by their first bytes', () => {
    expect(imageFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(imageFormat(bytes('\x89PNG\r\n\x1a\n'))).toBe('png');
    expect(imageFormat(bytes('GIF89a'))).toBe('gif');
    expect(imageFormat(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(imageFormat(bytes('\0\0\0\x1cftypavif\0\0\0\0mif1'))).toBe('avif');
    expect(imageFormat(bytes('\0\0\0\x1cftypmif1\0\0\0\0avif'))).toBe('avif');
  });
  it('refuses HTML, SVG, HEIC, short files and files over the limit', () => {
    expect(imageFormat(bytes('<!doctype html><html>'))).toBeUndefined();
    expect(imageFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeUndefined();
    expect(imageFormat(bytes('\0\0\0\x18ftypheic\0\0\0\0mif1'))).toBeUndefined();
    expect(imageFormat(new Uint8Array([0xff, 0xd8, 0xff]))).toBeUndefined();
    expect(imageProblem(bytes([0xff, 0xd8, 0xff]), 16)).toMatch(/more than 16/);
    expect(imageProblem(bytes([0xff, 0xd8, 0xff]))).toBeUndefined();
  });
});

describe('imageCandidates', () => {
  const found = { url: 'https://e.org/a.jpg', local: 'Page_files/a%20b.jpg', caption: 'The bridge', evidence: { rule: 'og:image', quote: 'https://e.org/a.jpg', line: 3 } };
  it("takes a page's local picture relative to the page, decoded; alt text is the page's, else the caption, else the headline", () => {
    const { candidates } = imageCandidates({
      seedPath: 'town/page.html',
      seedFile: 'seeds/town/page.html',
      headline: 'Bridge',
      pageImages: [found, { local: 'b.jpg', evidence: { rule: 'figure' } }, { local: 'c.jpg', alt: 'Cranes', caption: 'C', evidence: { rule: 'content-image' } }],
    });
    expect(candidates.map((c) => c.path)).toEqual(['town/Page_files/a b.jpg', 'town/b.jpg', 'town/c.jpg']);
    expect(candidates[0]).toMatchObject({ named: false, namedIn: { file: 'seeds/town/page.html', line: 3 }, image: { url: 'https://e.org/a.jpg', caption: 'The bridge', alt: 'The bridge', basis: 'page' } });
    expect(candidates[1]!.image.alt).toBe('Bridge');
    expect(candidates[2]!.image.alt).toBe('Cranes');
  });
  it('never names a file outside the seeds folder, nor a hidden one', () => {
    const escape = imageCandidates({ seedPath: 'page.html', seedFile: 'page.html', headline: 'H', pageImages: [{ local: '../../etc/x.jpg', evidence: { rule: 'figure' } }, { local: '.collect-state.json', evidence: { rule: 'figure' } }] });
    expect(escape.candidates).toEqual([]);
    const sidecar = imageCandidates({ seedPath: 'a/p.txt', seedFile: 'p.txt', headline: 'H', sidecar: { path: 'a/p.meta.yaml', file: 'p.meta.yaml', image: { file: '../../x.jpg' }, line: 4 } });
    expect(sidecar.candidates).toEqual([]);
    expect(sidecar.messages).toMatchObject([{ code: 'SL130', line: 4, severity: 'warning' }]);
  });
  it("takes the sidecar's file alone, with its fields; its other fields win over the page's; false gives none", () => {
    const named = imageCandidates({ seedPath: 'p.html', seedFile: 'p.html', headline: 'H', sidecar: { path: 'p.meta.yaml', file: 'p.meta.yaml', image: { file: 'p.jpg', credit: 'Agency' }, line: 5 }, pageImages: [found] });
    expect(named.candidates).toEqual([{ path: 'p.jpg', named: true, namedIn: { file: 'p.meta.yaml', line: 5 }, image: { credit: 'Agency', alt: 'H', basis: 'editor', evidence: { rule: 'sidecar', quote: 'p.jpg', line: 5 } } }]);
    const corrected = imageCandidates({ seedPath: 'p.html', seedFile: 'p.html', headline: 'H', sidecar: { path: 'p.meta.yaml', file: 'p.meta.yaml', image: { caption: 'Corrected', alt: 'Alt' }, line: 5 }, pageImages: [found] });
    expect(corrected.candidates[0]!.image).toMatchObject({ caption: 'Corrected', alt: 'Alt', url: 'https://e.org/a.jpg', basis: 'page' });
    expect(imageCandidates({ seedPath: 'p.html', seedFile: 'p.html', headline: 'H', sidecar: { path: 'p.meta.yaml', file: 'p.meta.yaml', image: false, line: 5 }, pageImages: [found] }).candidates).toEqual([]);
  });
});

describe('lead images through the pipeline and into the entry', () => {
  it('names the candidates of a saved page, none for a text seed, and puts the chosen one in a valid stamped entry', () => {
    const html = page('<meta property="og:image" content="https://e.org/img/lead.jpg">', '<figure><img src="page_files/lead.jpg"><figcaption>Lead.</figcaption></figure>');
    const r = ingestSeed({ path: 'page.html', file: 'seeds/page.html', bytes: new TextEncoder().encode(html) });
    expect(r.pageImage?.url).toBe('https://e.org/img/lead.jpg');
    expect(r.imageCandidates?.map((c) => c.path)).toEqual(['page_files/lead.jpg']);
    const made = withLeadImage(r.article!, r.body!, r.imageCandidates![0]!.image, imageFileName('ab'.repeat(32), 'jpg'));
    expect(made.article.image).toMatchObject({ file: '../images/abababababababab.jpg', caption: 'Lead.', basis: 'page' });
    expect(articleSchema.parse(made.article).image?.file).toBe('../images/abababababababab.jpg');
    expect(checkStamp(made.content)).toBe('intact');
    // The image stands where the schema lists it, after the URL.
    expect(made.content.indexOf('\nimage:')).toBeLessThan(made.content.indexOf('\nblocks:'));

    const text = ingestSeed({ path: 'a.txt', file: 'a.txt', bytes: new TextEncoder().encode('A headline\n\nA paragraph of text that is long enough to be the body of an article about the bridge.\n') });
    expect(text.imageCandidates).toBeUndefined();
    expect(text.pageImage).toBeUndefined();
  });
  it('refuses an entry image outside the content images folder', () => {
    const r = ingestSeed({ path: 'a.txt', file: 'a.txt', bytes: new TextEncoder().encode('A headline\n\nA paragraph of text that is long enough to be the body of an article about the bridge.\n') });
    expect(() => withLeadImage(r.article!, r.body!, { alt: 'x', basis: 'editor', evidence: { rule: 'sidecar' } }, '../../x.jpg')).toThrow();
  });
});

describe('the sidecar image field', () => {
  it('reads an image with its line, false, and refuses unknown image fields and absolute paths', () => {
    const r = parseSidecar('url: https://e.org/a\nimage:\n  file: a.jpg\n  caption: The bridge\n  credit: Jane Roe\n', 's.meta.yaml');
    expect(r.sidecar).toEqual({ url: 'https://e.org/a', image: { file: 'a.jpg', caption: 'The bridge', credit: 'Jane Roe' } });
    expect(r.lines.image).toBe(2);
    expect(parseSidecar('image: false\n', 's.meta.yaml').sidecar).toEqual({ image: false });
    expect(parseSidecar('image:\n  photographer: X\n', 's.meta.yaml').messages).toMatchObject([{ code: 'SL202', line: 1 }]);
    expect(parseSidecar('image:\n  file: /etc/passwd\n', 's.meta.yaml').messages).toMatchObject([{ code: 'SL202' }]);
  });
});
