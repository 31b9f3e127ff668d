/**
 * The share image (`share-image.ts`, `share-image-render.ts`): the card's
 * text fitted to its lines, the SVG it makes, and the PNG resvg draws from it
 * (1200×630, the same bytes for the same title and tagline).
 */
import { describe, expect, it } from 'vitest';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, escapeXml, layoutCard, shareCardSvg, wrapText, type Measure } from '../../src/lib/site/share-image.ts';
import { renderShareImage } from '../../src/lib/site/share-image-render.ts';

/** Every character half the font size wide. */
const mono: Measure = (text, _font, size) => text.length * size * 0.5;

/** A PNG's width and height from its IHDR chunk, after checking its signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('wrapping the card’s text', () => {
  const chars = (s: string): number => s.length;
  it('breaks at spaces into lines no wider than the width', () => {
    expect(wrapText('one two three four five', 9, 5, chars)).toEqual({ lines: ['one two', 'three', 'four five'], cut: false });
    expect(wrapText('  spaced   out  ', 20, 2, chars)).toEqual({ lines: ['spaced out'], cut: false });
    expect(wrapText('', 10, 2, chars)).toEqual({ lines: [], cut: false });
  });
  it('cuts what needs more lines than allowed at a word, with an ellipsis that fits', () => {
    const { lines, cut } = wrapText('one two three four five six', 9, 2, chars);
    expect(cut).toBe(true);
    expect(lines).toEqual(['one two', 'three…']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(9);
  });
  it('cuts a word wider than the line', () => {
    const { lines, cut } = wrapText('Supercalifragilistic', 8, 2, chars);
    expect(cut).toBe(true);
    expect(lines).toEqual(['Superca…']);
  });
});

describe('the card’s layout', () => {
  it('sets a short tagline large and a long one smaller, in more lines, never past the space', () => {
    const short = layoutCard({ title: 'Korea Watch', tagline: 'News on the two Koreas.' }, mono);
    const long = layoutCard({ title: 'Korea Watch', tagline: 'News on the two Koreas, cleaned, dated and sourced: every fact shows where it came from, and every story its first report.' }, mono);
    expect(short.tagline.lines).toEqual(['News on the two Koreas.']);
    expect(long.tagline.size).toBeLessThan(short.tagline.size);
    expect(long.tagline.lines.length).toBeGreaterThan(1);
    expect(long.tagline.lines.join(' ')).toContain('first report.');
    const huge = layoutCard({ title: 'T', tagline: 'word '.repeat(400) }, mono);
    expect(huge.tagline.lines.at(-1)).toMatch(/…$/);
    expect(huge.tagline.top + huge.tagline.lines.length * huge.tagline.size * 1.18).toBeLessThanOrEqual(520);
  });
  it('sets a long title smaller, then cuts it', () => {
    expect(layoutCard({ title: 'Korea Watch', tagline: '' }, mono).title).toEqual({ size: 52, lines: ['Korea Watch'] });
    const long = layoutCard({ title: 'The Extraordinarily Long Name of a Regional Newsroom Collective and Friends', tagline: '' }, mono).title;
    expect(long.size).toBe(34);
    expect(long.lines).toHaveLength(1);
    expect(long.lines[0]).toMatch(/…$/);
  });
  it('writes the title and tagline as text, escaped, with the accent given', () => {
    const svg = shareCardSvg({ title: 'Q&A <News>', tagline: 'Say "what" & \'why\'', accent: '#8a1c2b' }, mono);
    expect(svg).toContain('>Q&amp;A &lt;News&gt;</text>');
    expect(svg).toContain('Say &quot;what&quot; &amp; &apos;why&apos;');
    expect(svg).toContain('fill="#8a1c2b"');
    expect(svg).not.toContain('#1d4f91');
    // Not a colour: the default accent.
    expect(shareCardSvg({ title: 'T', tagline: 't', accent: 'red;x' }, mono)).toContain('fill="#1d4f91"');
    expect(escapeXml('<&>"\'')).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});

describe('the share image', () => {
  it('is a 1200×630 PNG, the same bytes for the same title and tagline, other bytes for others', () => {
    const card = { title: 'Korea Watch', tagline: 'Daily news on the two Koreas, cleaned and sourced.' };
    const first = renderShareImage(card).png;
    expect(pngSize(first)).toEqual({ width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT });
    expect(renderShareImage({ ...card }).png.equals(first)).toBe(true);
    expect(renderShareImage({ ...card, title: 'Korea Watcher' }).png.equals(first)).toBe(false);
    expect(renderShareImage({ ...card, tagline: 'Daily news on the two Koreas.' }).png.equals(first)).toBe(false);
  });
  it('fits the text as the packaged fonts draw it: a short tagline on one line at the largest size, a long one wrapped', () => {
    expect(renderShareImage({ title: 'Storyline', tagline: 'A short line.' }).svg).toMatch(/font-size="68"[^>]*><tspan[^>]*>A short line\.<\/tspan><\/text>/);
    // Without its fonts resvg would measure nothing, and put this on one line.
    const long = renderShareImage({ title: 'Storyline', tagline: 'News from many outlets, cleaned, dated and sourced: every fact shows where it came from.' }).svg;
    expect(long.match(/<tspan /g)?.length).toBeGreaterThanOrEqual(3);
  });
});
