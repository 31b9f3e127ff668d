/**
 * What an image file is, told by its first bytes, never by its name or the
 * server's word alone: the collector checks a fetched picture with it, and
 * the ingest every file it copies into the content folder. Only the formats
 * Astro's image service (sharp) reads and browsers show: JPEG, PNG, WebP,
 * AVIF and GIF.
 *
 * Pure.
 */
import type { IMAGE_EXTENSIONS } from './schema.ts';

export type ImageExtension = (typeof IMAGE_EXTENSIONS)[number];

/** The largest image taken, in bytes: the collector's default `fetch.maxImageBytes`, and the ingest's limit on a file it copies. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Media types a server may name an image by, with the format each stands for. */
export const IMAGE_MEDIA_TYPES: Readonly<Record<string, ImageExtension>> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
};

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/** The image format the bytes begin as, or undefined when they are no image this site takes. */
export function imageFormat(bytes: Uint8Array): ImageExtension | undefined {
  if (bytes.length < 12) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  // ISO BMFF: a `ftyp` box whose major or a compatible brand is AVIF's.
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const size = Math.min(bytes.length, ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, 64);
    for (let at = 8; at + 4 <= size; at += 4) if (/^avi[fs]$/.test(ascii(bytes, at, at + 4))) return 'avif';
  }
  return undefined;
}

/** Why the bytes are not an image the site takes, or undefined when they are one. */
export function imageProblem(bytes: Uint8Array, maxBytes = MAX_IMAGE_BYTES): string | undefined {
  if (bytes.length > maxBytes) return `the image is ${bytes.length.toLocaleString('en')} bytes, more than ${maxBytes.toLocaleString('en')}`;
  if (imageFormat(bytes) === undefined) return 'not a JPEG, PNG, WebP, AVIF or GIF image (by its first bytes)';
  return undefined;
}
