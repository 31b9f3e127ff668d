/**
 * The site's share image (`og:image`, `twitter:image`): a 1200×630 card with
 * the site's mark, title and tagline, laid out as SVG. Pure: the text is
 * fitted with a `Measure` the caller gives (`share-image-render.ts` measures
 * with the fonts the card is drawn in), so the same title and tagline give
 * the same SVG, and the same PNG, in every build.
 *
 * SVG has no line wrapping, so the layout wraps the tagline itself: the
 * largest size from `TAGLINE_SIZES` at which it fits the card in whole lines
 * and at most as many lines as the space holds; at the smallest size a
 * tagline still too long is cut at a word, with an ellipsis. A title too wide
 * for its line at the largest size is set smaller, then cut the same way.
 */

/** The card's size in pixels: what Open Graph and Twitter's large card show. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/** Where the built site has it, relative to the base path. */
export const SHARE_IMAGE_PATH = 'og.png';

/** The accent colour the card is drawn with unless told otherwise: the site's light-theme accent (`--accent`). */
export const SHARE_IMAGE_ACCENT = '#1d4f91';

/** The faces the card uses, by role; `share-image-render.ts` maps them to font files. */
export type CardFont = 'title' | 'tagline';

/** The SVG font attributes of each role (the faces of the files `share-image-render.ts` loads). */
export const CARD_FONTS: Record<CardFont, string> = {
  title: 'font-family="DejaVu Sans" font-weight="700"',
  tagline: 'font-family="DejaVu Serif" font-weight="700" font-stretch="condensed"',
};

/** The width of `text` set in `font` at `size` pixels, in pixels (0 for nothing). */
export type Measure = (text: string, font: CardFont, size: number) => number;

export interface ShareCard {
  title: string;
  tagline: string;
  /** A CSS hex colour, `#rgb` or `#rrggbb`. */
  accent?: string;
}

const MARGIN = 80;
const MARK = 64;
const TITLE_X = MARGIN + MARK + 24;
const TITLE_WIDTH = SHARE_IMAGE_WIDTH - MARGIN - TITLE_X;
const TITLE_SIZES = [52, 46, 40, 34];
const TAGLINE_WIDTH = SHARE_IMAGE_WIDTH - 2 * MARGIN;
const TAGLINE_SIZES = [68, 62, 56, 50, 44, 40];
const TAGLINE_TOP = 196;
const TAGLINE_BOTTOM = 500;
const LINE_HEIGHT = 1.18;
const RULE_Y = 540;
const BG = '#fbfaf7';
const FG = '#1b1d21';
const RULE = '#dcd8cf';

/** Lines of `text` no wider than `width`, breaking at spaces; `cut` when it needed more than `maxLines` (the last line then ends in "…"). A word wider than the line stands on a line of its own, cut. */
export function wrapText(text: string, width: number, maxLines: number, measure: (s: string) => number): { lines: string[]; cut: boolean } {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line === '' || measure(candidate) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const fitted = lines.map((l) => (measure(l) <= width ? l : ellipsize(l, width, measure)));
  if (fitted.length <= maxLines) return { lines: fitted, cut: fitted.some((l, i) => l !== lines[i]) };
  const kept = fitted.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]!}…`, width, measure);
  return { lines: kept, cut: true };
}

/** `line` with words (or, for one long word, characters) taken off its end until it fits `width` with an ellipsis. */
function ellipsize(line: string, width: number, measure: (s: string) => number): string {
  let text = line.replace(/…$/, '');
  while (text.length > 1 && measure(`${text}…`) > width) {
    const space = text.lastIndexOf(' ');
    text = space > 0 ? text.slice(0, space) : text.slice(0, -1);
  }
  return `${text.replace(/[\s,;:.–—-]+$/, '')}…`;
}

export interface CardLayout {
  title: { size: number; lines: string[] };
  tagline: { size: number; lines: string[]; top: number };
}

/** Where the card's text goes: sizes and lines for the title and the tagline (see the module's comment). */
export function layoutCard(card: ShareCard, measure: Measure): CardLayout {
  let title = { size: TITLE_SIZES.at(-1)!, lines: [] as string[] };
  for (const size of TITLE_SIZES) {
    const wrapped = wrapText(card.title, TITLE_WIDTH, 1, (s) => measure(s, 'title', size));
    title = { size, lines: wrapped.lines };
    if (!wrapped.cut) break;
  }
  let tagline = { size: TAGLINE_SIZES.at(-1)!, lines: [] as string[] };
  for (const size of TAGLINE_SIZES) {
    const maxLines = Math.max(1, Math.floor((TAGLINE_BOTTOM - TAGLINE_TOP) / (size * LINE_HEIGHT)));
    const wrapped = wrapText(card.tagline, TAGLINE_WIDTH, maxLines, (s) => measure(s, 'tagline', size));
    tagline = { size, lines: wrapped.lines };
    if (!wrapped.cut) break;
  }
  // The tagline's block sits in the middle of its space.
  const block = tagline.lines.length * tagline.size * LINE_HEIGHT;
  const top = Math.round(TAGLINE_TOP + (TAGLINE_BOTTOM - TAGLINE_TOP - block) / 2);
  return { title, tagline: { ...tagline, top } };
}

/** Text for SVG: the five characters XML reserves escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A colour the card may use: a hex colour as given, else the default accent. */
function accentOf(card: ShareCard): string {
  return card.accent && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(card.accent) ? card.accent : SHARE_IMAGE_ACCENT;
}

/** The card as SVG, laid out with `measure`. */
export function shareCardSvg(card: ShareCard, measure: Measure): string {
  const { title, tagline } = layoutCard(card, measure);
  const accent = accentOf(card);
  const titleBaseline = MARGIN + MARK / 2 + Math.round(title.size * 0.36);
  const lineStep = Math.round(tagline.size * LINE_HEIGHT);
  const taglineText = tagline.lines
    .map((line, i) => `<tspan x="${MARGIN}" y="${tagline.top + Math.round(tagline.size * 0.92) + i * lineStep}">${escapeXml(line)}</tspan>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" viewBox="0 0 ${SHARE_IMAGE_WIDTH} ${SHARE_IMAGE_HEIGHT}">`,
    `<rect width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" fill="${BG}"/>`,
    // The site's mark, as in its favicon and header: three lines of text on the accent.
    `<rect x="${MARGIN}" y="${MARGIN}" width="${MARK}" height="${MARK}" rx="12" fill="${accent}"/>`,
    `<path d="M${MARGIN + 16} ${MARGIN + 20}h32M${MARGIN + 16} ${MARGIN + 32}h22M${MARGIN + 16} ${MARGIN + 44}h28" stroke="#ffffff" stroke-width="6" stroke-linecap="round"/>`,
    `<text x="${TITLE_X}" y="${titleBaseline}" ${CARD_FONTS.title} font-size="${title.size}" fill="${FG}">${escapeXml(title.lines[0] ?? '')}</text>`,
    `<text ${CARD_FONTS.tagline} font-size="${tagline.size}" fill="${FG}">${taglineText}</text>`,
    `<rect x="${MARGIN}" y="${RULE_Y}" width="${SHARE_IMAGE_WIDTH - 2 * MARGIN}" height="6" fill="${RULE}"/>`,
    `<rect x="${MARGIN}" y="${RULE_Y}" width="312" height="6" fill="${accent}"/>`,
    '</svg>',
  ].join('\n');
}
