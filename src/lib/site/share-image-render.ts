/**
 * The share image as PNG bytes: the card's SVG (`share-image.ts`) drawn by
 * resvg (`@resvg/resvg-js`, whose npm package ships its binary) in the DejaVu
 * fonts of the npm package `dejavu-fonts-ttf`. Only those font files are
 * loaded, never the system's, so the text is measured and drawn alike on
 * every machine and the same title and tagline give the same bytes (a
 * sharded build and a whole build write the same file). DejaVu covers Latin,
 * Greek and Cyrillic; a script it lacks (Chinese, Japanese, Korean, Arabic…)
 * is not drawn.
 *
 * Reads the font files (resvg reads them itself, given their paths), found
 * from the project folder, so it runs at the Astro edge (`src/pages/[image].png.ts`) and in tests.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { CARD_FONTS, shareCardSvg, type CardFont, type Measure, type ShareCard } from './share-image.ts';

/** The font files the card is drawn in, by role, in the package's `ttf/` folder. */
const FONT_FILES: Record<CardFont, string> = { title: 'DejaVuSans-Bold.ttf', tagline: 'DejaVuSerifCondensed-Bold.ttf' };

/** resvg's options: the card's fonts only, no system fonts. */
function options(root: string): ResvgRenderOptions {
  const dir = join(dirname(createRequire(join(root, 'package.json')).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    font: { fontFiles: Object.values(FONT_FILES).map((f) => join(dir, f)), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  };
}

/** A `Measure` by resvg: the right edge of the text's drawn box, set from x = 0. */
function measureWith(opts: ResvgRenderOptions): Measure {
  const cache = new Map<string, number>();
  return (text, font, size) => {
    const key = `${font}\u0000${size}\u0000${text}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="${size * 3}"><text x="0" y="${size * 2}" ${CARD_FONTS[font]} font-size="${size}">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</text></svg>`;
    const box = new Resvg(svg, opts).getBBox();
    const width = box ? box.x + box.width : 0;
    cache.set(key, width);
    return width;
  };
}

/** The card's SVG and its PNG, for the project at `root` (where `node_modules/` is). */
export function renderShareImage(card: ShareCard, root = process.cwd()): { svg: string; png: Buffer } {
  const opts = options(root);
  const svg = shareCardSvg(card, measureWith(opts));
  const png = new Resvg(svg, opts).render().asPng();
  return { svg, png };
}
