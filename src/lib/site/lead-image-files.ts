/**
 * The lead images' files as image modules, for Astro's image service: the
 * ingest's copies in `content/images/`, imported eagerly (their metadata,
 * read from each file's header, in one module rather than a chunk each).
 * `LeadPicture.astro` draws them; an article page also makes its share
 * image (og:image, JSON-LD `image`) from the same file.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { LeadImage } from '../schema.ts';
import { imageModuleKey, SHARE_WIDTH } from './lead-images.ts';
import { settings } from './settings-data.ts';

const files = import.meta.glob<ImageMetadata>('/content/images/*.{jpg,png,webp,avif,gif}', { eager: true, import: 'default' });

/** The image module of an entry's lead image, or none when the site turns images off or the copy is missing. */
export function leadImageSource(image: Pick<LeadImage, 'file'> | undefined): ImageMetadata | undefined {
  if (!settings.images || image === undefined) return undefined;
  const key = imageModuleKey(image.file);
  return key === undefined ? undefined : files[key];
}

/** An article's share image: its absolute address, size and type. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  type: 'image/jpeg';
}

/**
 * The lead image as link previews and feed readers take it (og:image,
 * twitter:image, JSON-LD `image`, the feeds' enclosures): a JPEG, the one
 * format every one of them reads, at most `SHARE_WIDTH` wide. Astro's image
 * service makes it once however many pages and feeds name it.
 */
export async function leadShareImage(image: Pick<LeadImage, 'file'> | undefined, site: string | URL): Promise<ShareImage | undefined> {
  const src = leadImageSource(image);
  if (src === undefined) return undefined;
  const made = await getImage({ src, width: Math.min(SHARE_WIDTH, src.width), format: 'jpg' });
  return { url: new URL(made.src, site).href, width: Number(made.attributes['width']), height: Number(made.attributes['height']), type: 'image/jpeg' };
}
