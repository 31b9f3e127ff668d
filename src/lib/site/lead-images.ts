/**
 * What the pages need to show an article's lead image: the module that
 * holds its file, the thumbnail's alt text, and how the image is known.
 * The images are the ingest's copies in `content/images/`, turned into
 * responsive AVIF and WebP at build time by Astro's image service
 * (`LeadPicture.astro`). They are found by `import.meta.glob`, not by the
 * content collection's `image()` helper: a shard of a sharded build hands
 * its pages entries outside Astro's content store (`shard-cards.ts`), where
 * the helper's references are never resolved; a module path resolves the
 * same in a whole build and in every shard.
 *
 * Pure.
 */
import type { LeadImage } from '../schema.ts';

/** The folder, from the project root, whose files `LeadPicture.astro` imports. */
export const IMAGE_MODULE_DIR = '/content/images/';

/** The thumbnail in lists, in CSS pixels (4:3); made at this width and twice it. */
export const THUMB = { width: 112, height: 84 } as const;

/** How wide the thumbnail is drawn (`.thumb` in the stylesheet: 22vw between 5rem and 7rem). */
export const THUMB_SIZES = '(min-width: 32rem) 7rem, 5rem';

/** Widths the lead image is made in, in pixels (no wider than the file itself). */
export const LEAD_WIDTHS = [480, 960] as const;

/** Widest an article's share image (og:image, JSON-LD) is made, in pixels: the size link previews ask for. */
export const SHARE_WIDTH = 1200;

/** How wide the lead image is drawn: the article column (`--measure`, 68ch of the body font), else the viewport less its margins. */
export const LEAD_SIZES = '(min-width: 46rem) 42rem, calc(100vw - 2rem)';

/** The module key of an entry's image (`../images/<name>` → `/content/images/<name>`), or undefined for any other path. */
export function imageModuleKey(file: string): string | undefined {
  const m = /^\.\.\/images\/([\w.-]+)$/.exec(file);
  return m && !m[1]!.startsWith('.') ? `${IMAGE_MODULE_DIR}${m[1]!}` : undefined;
}

/**
 * A list thumbnail's alt text: the caption, else none. The headline stands
 * beside it as the link's text, so an alt repeating it would be read twice.
 */
export function thumbnailAlt(image: Pick<LeadImage, 'caption'>): string {
  return image.caption ?? '';
}

/** How the picture was chosen, for readers: "set by an editor", "the page’s share image (og:image)", … */
export function imageBasisLabel(image: Pick<LeadImage, 'basis' | 'evidence'>): string {
  if (image.basis === 'editor') return 'set by an editor';
  switch (image.evidence.rule) {
    case 'og:image':
    case 'twitter:image':
      return `the page’s share image (${image.evidence.rule})`;
    case 'json-ld:image':
      return 'the article’s image in the page’s metadata (JSON-LD)';
    case 'figure':
      return 'the article’s first figure';
    case 'content-image':
      return 'the article’s first picture';
    default:
      return `from the page (${image.evidence.rule})`;
  }
}

/**
 * Whether a built asset's name (`_astro/<name>`) is Astro's copy of one of
 * `content/images/` as it is (`<sha16>.<hash8>.<ext>`), not a resized one
 * (`<sha16>.<hash8>_<transform>.<ext>`). The pages only ever show resized
 * ones, but Vite writes every image the pages may import, and Astro deletes
 * an original only where its own build resized it: a shard that shows no
 * picture of an article, or a site with `images: false`, would publish the
 * originals (`src/integrations/lead-image-originals.ts` removes them).
 */
export function isLeadImageOriginal(name: string): boolean {
  return /^[0-9a-f]{16}\.[\w-]{8}\.(?:jpg|png|webp|avif|gif)$/.test(name);
}
