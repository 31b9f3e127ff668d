/**
 * A saved or fetched page's lead image: the picture the page itself names
 * for sharing, else the first picture of its article. Read from the parsed
 * page (`html.ts` calls it before anything is removed), so the collector
 * (through `readPage`, which runs the ingest's pipeline) and the ingest of a
 * saved page find the same image by the same rules.
 *
 * Precedence: `og:image` (`og:image:secure_url`, `og:image:url`), then
 * `twitter:image` (`twitter:image:src`), then the article's JSON-LD `image`
 * (a URL, an ImageObject or a list of either, in the article item or its
 * `@graph`), then the first `<figure>`'s image, then the first image of the
 * article's content. Passed over: `data:` URIs, SVGs, pictures whose name
 * says logo, icon, avatar, sprite, spacer or pixel, images declared smaller
 * than `MIN_SIDE` pixels (tracking pixels, thumbnails of other stories),
 * and content images inside a header, navigation, footer or aside.
 *
 * Pure: reads the parsed document only.
 */
import type { Evidence } from '../schema.ts';
import type { SourceMap } from './html.ts';
import { articlesIn, cleanValue, isObject, resolve, type Json, type JsonLd, type JsonObject, type Meta } from './html-metadata.ts';

/** Images declared narrower or lower than this many pixels are not a lead image. */
export const MIN_SIDE = 100;

/** A lead image as the page names it. */
export interface PageImage {
  /** The address resolved against the page's base (`<base href>`, else its canonical URL), when it resolves to http(s). */
  url?: string;
  /**
   * The address as the page writes it when it is relative (`photo_files/a.jpg`,
   * `./img/a.jpg`): a page saved "complete" keeps its pictures beside it
   * under such names, so the ingest looks for the file there.
   */
  local?: string;
  /** The caption: the ImageObject's `caption`, else the `<figcaption>` of the page's own `<img>` of the picture. */
  caption?: string;
  /** The page's alt text for it: `og:image:alt`/`twitter:image:alt`, else its `<img alt>`. */
  alt?: string;
  /** Who the picture is credited to: the ImageObject's `creditText`, `copyrightHolder` or `author`, or the figure's credit line. */
  credit?: string;
  /** The rule that found it (`og:image`, `twitter:image`, `json-ld:image`, `figure`, `content-image`), the address quoted and its line. */
  evidence: Evidence;
}

/** Meta keys for the share image, in precedence order, with the rule each is named by. */
const META_KEYS: readonly (readonly [string, string])[] = [
  ['og:image:secure_url', 'og:image'],
  ['og:image', 'og:image'],
  ['og:image:url', 'og:image'],
  ['twitter:image', 'twitter:image'],
  ['twitter:image:src', 'twitter:image'],
];

/**
 * A share image's file name that says it is the site's stand-in, not the
 * story's picture: a default or placeholder, or a name that is a logo
 * (`logo.png`, `site-logo-2x.png`; not `raspberry_pi_logo_mainimage.jpg`,
 * a story about a logo).
 */
const STAND_IN_NAME = /(?:^|[\W_])(?:default|placeholder|fallback|blank|spacer|pixel)(?:[\W_]|$)|^(?:site|brand|social|share|og)?[-_]?logos?(?:[\W_]|$)|(?:^|[\W_])logos?(?:[-_.@]\w{0,6})?\.\w+$/i;

/** A content image's path (folders too) that says it is the page's furniture: logos, icons, buttons, badges, avatars. */
const FURNITURE_PATH = /logo|(?:^|[\W_])(?:icons?|favicon|sprites?|avatars?|spacer|pixel|blank|placeholder|badges?|buttons?|emoji|svg)(?:[\W_]|$)/i;

/** A content image's alt text that says the same. */
const FURNITURE_ALT = /\b(?:logo|icon|button|badge|avatar|licen[cs]e|listen to)\b/i;

/** Where a content image is the page's, not the article's. */
const FURNITURE_BOX = 'header, nav, footer, aside, [role="banner" i], [role="navigation" i], [role="contentinfo" i], [role="complementary" i]';

/**
 * Every lead image the page names, best first (at most one per rule, none
 * repeated): the first is the lead image; the ingest of a saved page takes
 * the first whose file it finds on disk.
 */
export function findPageImages(doc: Document, ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap, canonical: string | undefined): PageImage[] {
  const base = baseOf(doc, canonical);
  const out: PageImage[] = [];
  const figures = contentImages(doc);
  const add = (
    raw: string,
    rule: string,
    line: number | undefined,
    extra: { caption?: string | undefined; alt?: string | undefined; credit?: string | undefined; width?: number | undefined; height?: number | undefined },
  ): void => {
    const address = raw.trim();
    if (!usable(address, extra.width, extra.height) || (rule !== 'figure' && rule !== 'content-image' && STAND_IN_NAME.test(fileName(address)))) return;
    const url = absolute(address, base);
    const local = isRelative(address) ? address : undefined;
    if (url === undefined && local === undefined) return;
    if (out.some((o) => (url !== undefined && o.url === url) || (local !== undefined && o.local === local))) return;
    // The page's own <img> of the same picture (a saved page's local copy, its figcaption and credit).
    const same = figures.find((f) => sameFile(f.src, address));
    const image: PageImage = { evidence: { rule, quote: address, ...(line ? { line } : {}) } };
    if (url !== undefined) image.url = url;
    const onDisk = local ?? (same && isRelative(same.src) ? same.src : undefined);
    if (onDisk !== undefined) image.local = onDisk;
    const caption = extra.caption ?? same?.caption;
    if (caption) image.caption = caption;
    const alt = extra.alt ?? same?.alt;
    if (alt) image.alt = alt;
    const credit = extra.credit ?? same?.credit;
    if (credit) image.credit = credit;
    out.push(image);
  };

  for (const [key, rule] of META_KEYS) {
    if (out.some((o) => o.evidence.rule === rule)) continue;
    const meta = metas.get(key);
    if (!meta) continue;
    const prefix = rule === 'og:image' ? 'og:image' : 'twitter:image';
    const alt = metas.get(`${prefix}:alt`)?.content;
    add(meta.content, rule, src.lineOf(meta.element), {
      alt: alt === undefined ? undefined : text(alt) || undefined,
      width: numberOf(metas.get(`${prefix}:width`)?.content),
      height: numberOf(metas.get(`${prefix}:height`)?.content),
    });
  }
  for (const item of articlesIn(ld)) {
    const found = ldImage(ld, item['image']);
    if (!found) continue;
    const script = ld.scriptOf.get(item);
    add(found.url, 'json-ld:image', script ? src.lineOfText(script, found.url) : undefined, found);
    break;
  }
  const figure = figures.find((f) => f.inFigure);
  if (figure) add(figure.src, 'figure', src.lineOf(figure.element), figure);
  const first = figures[0];
  if (first && first !== figure) add(first.src, 'content-image', src.lineOf(first.element), first);
  return out;
}

/** An image of the page's content, with what stands around it. */
interface ContentImage {
  element: Element;
  src: string;
  inFigure: boolean;
  caption?: string | undefined;
  alt?: string | undefined;
  credit?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
}

/** The content images, in page order: inside the article element when there is one, never in the page's furniture. */
function contentImages(doc: Document): ContentImage[] {
  const root = doc.querySelector('article') ?? doc.querySelector('main, [role="main" i]') ?? doc.body;
  if (!root) return [];
  const out: ContentImage[] = [];
  for (const img of root.querySelectorAll('img')) {
    if (img.closest(FURNITURE_BOX) !== null && img.closest('figure') === null) continue;
    const src = imageSource(img);
    if (src === undefined) continue;
    const width = numberOf(img.getAttribute('width') ?? undefined);
    const height = numberOf(img.getAttribute('height') ?? undefined);
    if (!usable(src, width, height) || furniture(src, img.getAttribute('alt') ?? '')) continue;
    const figure = img.closest('figure');
    const caption = figure?.querySelector('figcaption');
    const creditEl = figure?.querySelector('[class*="credit" i], [class*="copyright" i], [class*="byline" i], small, cite') ?? undefined;
    const credit = creditEl ? creditOf(creditEl.textContent ?? '') : undefined;
    const captionText = caption ? text(captionText0(caption, creditEl)) : undefined;
    const alt = text(img.getAttribute('alt') ?? '');
    out.push({ element: img, src, inFigure: figure !== null, caption: captionText || undefined, alt: alt || undefined, credit: credit || undefined, width, height });
    if (out.length >= 8) break;
  }
  return out;
}

/** A figcaption's text without its credit line. */
function captionText0(caption: Element, credit: Element | undefined): string {
  if (credit === undefined || !caption.contains(credit)) return caption.textContent ?? '';
  const copy = caption.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll('[class*="credit" i], [class*="copyright" i], [class*="byline" i], small, cite')) el.remove();
  return copy.textContent ?? '';
}

/** An `<img>`'s address: `src`, unless it is a lazy-loading placeholder, then `data-src` and its kin, then the first of `srcset`. */
function imageSource(img: Element): string | undefined {
  const candidates = [img.getAttribute('src'), img.getAttribute('data-src'), img.getAttribute('data-lazy-src'), img.getAttribute('data-original'), firstOfSrcset(img.getAttribute('srcset') ?? img.getAttribute('data-srcset'))];
  return candidates.map((c) => c?.trim()).find((c): c is string => c !== undefined && c !== '' && !/^data:/i.test(c));
}

function firstOfSrcset(srcset: string | null): string | undefined {
  return srcset?.split(',')[0]?.trim().split(/\s+/)[0];
}

/** The JSON-LD image's address, caption and credit: a URL, an ImageObject (`url` or `contentUrl`) or a list (its first usable). */
function ldImage(ld: JsonLd, value: Json | undefined, depth = 0): { url: string; caption?: string; credit?: string; width?: number; height?: number } | undefined {
  const v = resolve(ld, value);
  if (depth > 3 || v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : { url: v.trim() };
  if (Array.isArray(v)) {
    for (const x of v) {
      const found = ldImage(ld, x, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(v)) return undefined;
  const url = [v['contentUrl'], v['url']].map((x) => (typeof x === 'string' ? x.trim() : Array.isArray(x) && typeof x[0] === 'string' ? x[0].trim() : '')).find((x) => x !== '');
  if (url === undefined) return undefined;
  const out: { url: string; caption?: string; credit?: string; width?: number; height?: number } = { url };
  const caption = ldText(ld, v['caption']) ?? ldText(ld, v['description']);
  if (caption) out.caption = caption;
  const credit = ldText(ld, v['creditText']) ?? ldText(ld, v['copyrightHolder']) ?? ldText(ld, v['author']);
  if (credit && creditOf(credit)) out.credit = creditOf(credit);
  const width = numberOf(ldNumber(v['width']));
  const height = numberOf(ldNumber(v['height']));
  if (width !== undefined) out.width = width;
  if (height !== undefined) out.height = height;
  return out;
}

/** A JSON-LD value as text: a string, a named thing's `name`, or the first of a list. */
function ldText(ld: JsonLd, value: Json | undefined): string | undefined {
  const v = resolve(ld, value);
  if (typeof v === 'string') return text(v) || undefined;
  if (Array.isArray(v)) return ldText(ld, v[0]);
  if (isObject(v)) return ldText(ld, (v as JsonObject)['name']);
  return undefined;
}

function ldNumber(value: Json | undefined): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (isObject(value)) return ldNumber(value['value']);
  return undefined;
}

/** Not a data URI, not an SVG, not declared tiny (in its attributes or in its name: `88x31.png`, `16x16.png`). */
function usable(address: string, width: number | undefined, height: number | undefined): boolean {
  if (address === '' || /^(?:data|blob|javascript):/i.test(address)) return false;
  const path = pathOf(address);
  if (/\.svgz?$/i.test(path)) return false;
  if ((width !== undefined && width < MIN_SIDE) || (height !== undefined && height < MIN_SIDE)) return false;
  const named = /(?:^|[\W_])(\d{1,4})x(\d{1,4})(?:[\W_]|$)/i.exec(fileName(address));
  // Both sides two digits or more: `3x2` in a name is an aspect ratio, not a size.
  if (named && [named[1], named[2]].every((n) => Number(n) >= 10 && Number(n) < MIN_SIDE)) return false;
  return true;
}

/** A content image that is the page's furniture: its path or alt text says logo, icon, button, badge…, or it is a GIF (buttons, counters, spacers). */
function furniture(address: string, alt: string): boolean {
  const path = pathOf(address);
  return FURNITURE_PATH.test(path) || FURNITURE_ALT.test(alt) || /\.gif$/i.test(path);
}

/** The last segment of an address's path. */
function fileName(address: string): string {
  return pathOf(address).split('/').pop() ?? '';
}

/**
 * The path of an address, decoded where it can be, without query or
 * fragment: for a relative address, the file name a browser saved it under
 * (`my%20page_files/a.jpg` as `my page_files/a.jpg`).
 */
export function pathOf(address: string): string {
  const path = address.split(/[?#]/)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Whether two addresses name the same file: the same last path segment (a saved page renames the folder, not the file). */
function sameFile(a: string, b: string): boolean {
  const name = (x: string): string => (pathOf(x).split('/').pop() ?? '').toLowerCase();
  return name(a) !== '' && name(a) === name(b);
}

/** A relative address (no scheme, not protocol-relative, not rooted): a file a saved page may keep beside it. */
function isRelative(address: string): boolean {
  return !/^[a-z][a-z\d+.-]*:/i.test(address) && !address.startsWith('/') && !address.startsWith('\\');
}

/** The base relative addresses resolve against: the page's `<base href>` (itself resolved), else its canonical URL. */
function baseOf(doc: Document, canonical: string | undefined): string | undefined {
  const href = doc.querySelector('base[href]')?.getAttribute('href')?.trim();
  if (href) {
    const url = absolute(href, canonical);
    if (url !== undefined) return url;
  }
  return canonical;
}

/** `address` as an absolute http(s) URL, or undefined. */
function absolute(address: string, base: string | undefined): string | undefined {
  try {
    const url = base === undefined ? new URL(address) : new URL(address, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function text(value: string): string {
  return cleanValue(value);
}

/** A credit without the label it is written with ("Photo: Jane Roe", "Credit: Agency"): the page shows its own label. */
function creditOf(value: string): string {
  return text(value).replace(/^(?:photo(?:graph)?|picture|image|foto|credit)s?(?:\s+by)?\s*[:：]\s*/i, '').trim();
}
