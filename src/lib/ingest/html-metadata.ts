/**
 * A saved page's own metadata, read from its markup: meta tags, JSON-LD
 * (top-level items, `@graph`, `mainEntity`, `@id` references), microdata,
 * canonical links. Each fact keeps the rule that read it, the raw value it
 * quoted and the line it stands on. The headline and the <title>'s site name
 * are read in `html-title.ts`, the publication date in `html-dates.ts`, the
 * article text in `html.ts`.
 */
import { decodeHTML } from 'entities';
import type { Diagnostic } from '../diagnostics.ts';
import type { PageFact, SourceMap } from './html.ts';
import { normalizeLine } from './normalize.ts';

/** Schema.org types that are an article. */
export const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Report)$/;
/** Schema.org types whose name is the outlet's. */
const OUTLET_TYPES = ['NewsMediaOrganization', 'Organization', 'Corporation', 'WebSite'];

/** A metadata value as text: entities some CMSs escape twice decoded, spaces normalised. */
export function cleanValue(raw: string): string {
  const decoded = /&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(raw) ? decodeHTML(raw) : raw;
  return normalizeLine(decoded.replace(/\s+/g, ' '));
}

export function isUrlLike(value: string): boolean {
  return /^(https?:)?\/\//i.test(value.trim());
}

export function fact(value: string, rule: string, quote: string, line: number | undefined, note?: string): PageFact<string> {
  return { value, evidence: { rule, quote, ...(line ? { line } : {}), ...(note ? { note } : {}) } };
}

export interface Meta {
  content: string;
  element: Element;
}

/** `<meta>` contents by lower-cased `property`, `name` or `http-equiv`, the first of each kept. */
export function readMetas(doc: Document): Map<string, Meta> {
  const metas = new Map<string, Meta>();
  for (const element of doc.querySelectorAll('meta[content]')) {
    const content = element.getAttribute('content') ?? '';
    if (content.trim() === '') continue;
    for (const attr of ['property', 'name', 'http-equiv']) {
      const key = element.getAttribute(attr)?.trim().toLowerCase();
      if (key && !metas.has(key)) metas.set(key, { content, element });
    }
  }
  return metas;
}

/** The first of `keys` the page gives a usable value for, as a fact named `prefix + key`. */
export function metaFact(
  metas: ReadonlyMap<string, Meta>,
  keys: readonly string[],
  prefix: string,
  src: SourceMap,
  accept: (value: string) => boolean = () => true,
): PageFact<string> | undefined {
  for (const key of keys) {
    const meta = metas.get(key);
    if (!meta) continue;
    const value = cleanValue(meta.content);
    if (value !== '' && accept(value)) return fact(value, `${prefix}${key}`, meta.content.trim(), src.lineOf(meta.element));
  }
  return undefined;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface JsonLd {
  /** Top-level items, the items of every @graph and pages' main entities, in page order. */
  items: JsonObject[];
  /** Every object with an @id and more, for resolving references such as `"publisher": {"@id": "#org"}`. */
  byId: Map<string, JsonObject>;
  /** The script each item was read from. */
  scriptOf: Map<JsonObject, Element>;
}

export function isObject(x: Json | undefined): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function readJsonLd(doc: Document, src: SourceMap, file: string, messages: Diagnostic[]): JsonLd {
  const ld: JsonLd = { items: [], byId: new Map(), scriptOf: new Map() };
  for (const script of doc.querySelectorAll('script[type]')) {
    if (!/^\s*application\/ld\+json\s*(;|$)/i.test(script.getAttribute('type') ?? '')) continue;
    const text = (script.textContent ?? '').replace(/^\s*(<!--|<!\[CDATA\[)/, '').replace(/(-->|\]\]>)\s*$/, '');
    if (text.trim() === '') continue;
    let data: Json;
    try {
      data = JSON.parse(text) as Json;
    } catch {
      try {
        // Raw line breaks and tabs inside strings are the commonest fault of hand-built JSON-LD.
        data = JSON.parse(text.replace(/\p{Cc}+/gu, ' ')) as Json;
      } catch {
        const line = src.lineOf(script);
        messages.push({ file, ...(line ? { line } : {}), severity: 'warning', code: 'SL111', message: 'a JSON-LD block is not valid JSON; its metadata was skipped' });
        continue;
      }
    }
    // Items stand at the top, in an @graph, or as a page's mainEntity ({"@type": "WebPage", "mainEntity": {"@type": "NewsArticle"}}).
    const top = (x: Json | undefined, depth: number): void => {
      if (depth > 6) return;
      if (Array.isArray(x)) for (const y of x) top(y, depth + 1);
      else if (isObject(x)) {
        ld.items.push(x);
        ld.scriptOf.set(x, script);
        if (Array.isArray(x['@graph'])) top(x['@graph'], depth + 1);
        if (isObject(x['mainEntity'])) top(x['mainEntity'], depth + 1);
      }
    };
    const index = (x: Json, depth: number): void => {
      if (depth > 12) return;
      if (Array.isArray(x)) for (const y of x) index(y, depth + 1);
      else if (isObject(x)) {
        const id = x['@id'];
        if (typeof id === 'string' && Object.keys(x).length > 1 && !ld.byId.has(id)) {
          ld.byId.set(id, x);
          ld.scriptOf.set(x, script);
        }
        for (const y of Object.values(x)) index(y, depth + 1);
      }
    };
    top(data, 0);
    index(data, 0);
  }
  return ld;
}

export function typesOf(item: JsonObject): string[] {
  const t = item['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(https?:\/\/schema\.org\/|schema:)/i, ''));
}

/** The object an `{"@id": …}` reference stands for, or the value itself. */
export function resolve(ld: JsonLd, x: Json | undefined): Json | undefined {
  if (isObject(x) && typeof x['@id'] === 'string' && Object.keys(x).length === 1) return ld.byId.get(x['@id']) ?? x;
  return x;
}

/** Names in a JSON-LD value: a string, an object's `name`, or a list of either. */
export function namesIn(ld: JsonLd, x: Json | undefined): string[] {
  const v = resolve(ld, x);
  if (typeof v === 'string') return v.trim() !== '' && !isUrlLike(v) ? [v] : [];
  if (Array.isArray(v)) return v.flatMap((y) => namesIn(ld, y));
  if (isObject(v)) {
    const name = v['name'];
    return typeof name === 'string' ? namesIn(ld, name) : Array.isArray(name) ? namesIn(ld, name[0]) : [];
  }
  return [];
}

export function firstString(x: Json | undefined): string | undefined {
  if (typeof x === 'string' && x.trim() !== '') return x;
  return Array.isArray(x) ? firstString(x[0]) : undefined;
}

/** The page's summary of the article: JSON-LD `description`, `og:description`, or the description meta tag. */
export function findDescription(ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap): PageFact<string> | undefined {
  for (const item of articlesIn(ld)) {
    const value = firstString(item['description']);
    if (value) return ldFact(ld, item, value, 'json-ld:description', src);
  }
  return metaFact(metas, ['og:description', 'description', 'twitter:description'], '', src);
}

export function articlesIn(ld: JsonLd): JsonObject[] {
  return ld.items.filter((item) => typesOf(item).some((t) => ARTICLE_TYPE.test(t)));
}

export function ldFact(ld: JsonLd, item: JsonObject, raw: string, rule: string, src: SourceMap, value = cleanValue(raw), note?: string): PageFact<string> {
  const script = ld.scriptOf.get(item);
  return fact(value, rule, raw.trim(), script ? src.lineOfText(script, raw) : undefined, note);
}

export function findLdByline(ld: JsonLd, src: SourceMap): PageFact<string> | undefined {
  for (const item of articlesIn(ld)) {
    const names = namesIn(ld, item['author']).map(cleanValue).filter((n) => n !== '');
    if (names.length > 0) return ldFact(ld, item, names.join(', '), 'json-ld:author', src);
  }
  return undefined;
}

/** Microdata `itemprop="author"`: its `name` property, else its text. */
export function microdataAuthor(doc: Document, src: SourceMap): PageFact<string> | undefined {
  for (const el of doc.querySelectorAll('[itemprop~="author"]')) {
    const named = el.querySelector('[itemprop~="name"]');
    const raw = named?.getAttribute('content') ?? (named ?? el).textContent ?? '';
    const value = cleanValue(raw);
    if (value !== '' && !isUrlLike(value)) return fact(value, 'itemprop:author', raw.trim(), src.lineOf(named ?? el));
  }
  return undefined;
}

/**
 * Readability's byline is the text of the page's byline element, which often
 * carries a lead-in ("By", "Words by") and the time after the names.
 */
export function readabilityByline(raw: string | null | undefined): PageFact<string> | undefined {
  const value = raw
    ? cleanValue(raw)
        .replace(/^((words|story|text|reporting) )?by\s+/i, '')
        .replace(/\s*[|·•,–—-]?\s*\b(published|updated|posted)\b.*$/i, '')
    : '';
  return raw && value !== '' && !isUrlLike(value) ? fact(value, 'readability:byline', raw.trim(), undefined) : undefined;
}

/** A company's legal form closing a name ("…, Inc.", "… Media Group"): the name of an owner rather than of the site. */
export const LEGAL = /,?\s+(?:llc|l\.l\.c\.|inc\.?|incorporated|ltd\.?|limited|plc|corp\.?|corporation|gmbh|ag|s\.?a\.?|s\.?l\.?|co\.?|company|group|media group|holdings?)$/iu;

/**
 * The outlet as the page's metadata names it: the JSON-LD publisher of its
 * article, og:site_name, application-name, then a JSON-LD organisation or
 * website. A JSON-LD publisher in a company's legal form gives way to the
 * page's og:site_name, which names the site the reader sees.
 */
export function findPublisher(doc: Document, ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap): PageFact<string> | undefined {
  for (const item of articlesIn(ld)) {
    const name = namesIn(ld, item['publisher'])[0];
    if (!name || cleanValue(name) === '') continue;
    if (LEGAL.test(cleanValue(name)) && cleanValue(metas.get('og:site_name')?.content ?? '') !== '') break;
    return ldFact(ld, item, name, 'json-ld:publisher.name', src);
  }
  // An application-name that is one of the page's titles (some CMSs copy the headline there) names no outlet.
  const titles = new Set([doc.querySelector('title')?.textContent ?? '', metas.get('og:title')?.content ?? '', metas.get('twitter:title')?.content ?? ''].map((v) => cleanValue(v).toLowerCase()));
  const meta = metaFact(metas, ['og:site_name'], '', src) ?? metaFact(metas, ['application-name'], 'meta:', src, (v) => !titles.has(v.toLowerCase()));
  if (meta) return withoutByline(meta);
  for (const type of OUTLET_TYPES) {
    for (const item of [...ld.items, ...ld.byId.values()]) {
      if (!typesOf(item).includes(type)) continue;
      const name = namesIn(ld, item['name'])[0];
      if (name && cleanValue(name) !== '') return ldFact(ld, item, name, `json-ld:${type}.name`, src);
    }
  }
  return undefined;
}

/** A byline some CMSs append to the site name ("Example.com | By: Jane Doe") is no part of the outlet's name. */
const BYLINE_SEGMENT = /\s+[|·•–—-]\s+by\b:?\s.*$/iu;

function withoutByline(site: PageFact<string>): PageFact<string> {
  const value = site.value.replace(BYLINE_SEGMENT, '').trim();
  return value === site.value || value === '' ? site : { ...site, value };
}

/**
 * Every name the page's metadata gives the outlet: JSON-LD publishers of its
 * articles, og:site_name, application-name, and JSON-LD organisations and
 * websites. The headline reader cuts these off titles and never takes one
 * for the headline.
 */
export function siteNames(ld: JsonLd, metas: ReadonlyMap<string, Meta>): string[] {
  const names = [
    ...articlesIn(ld).flatMap((item) => namesIn(ld, item['publisher'])),
    ...['og:site_name', 'application-name'].flatMap((key) => metas.get(key)?.content ?? []),
    ...[...ld.items, ...ld.byId.values()].filter((item) => typesOf(item).some((t) => OUTLET_TYPES.includes(t))).flatMap((item) => namesIn(ld, item['name'])),
  ];
  return [...new Set(names.map(cleanValue).filter((n) => /[\p{L}\p{N}]/u.test(n)))];
}

export function findUrl(doc: Document, ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap): PageFact<string> | undefined {
  const absolute = (raw: string | undefined): string | undefined => {
    const value = raw?.trim() ?? '';
    if (!/^https?:\/\/[^/\s]/i.test(value) || !URL.canParse(value)) return undefined;
    return new URL(value).href;
  };
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    if (!/(^|\s)canonical(\s|$)/i.test(link.getAttribute('rel') ?? '')) continue;
    const raw = link.getAttribute('href') ?? '';
    const href = absolute(raw);
    if (href) return fact(href, 'link:canonical', raw.trim(), src.lineOf(link));
  }
  const og = metas.get('og:url');
  const ogHref = absolute(og?.content);
  if (og && ogHref) return fact(ogHref, 'og:url', og.content.trim(), src.lineOf(og.element));
  for (const item of articlesIn(ld)) {
    for (const key of ['url', 'mainEntityOfPage']) {
      const v = resolve(ld, item[key]);
      const raw = typeof v === 'string' ? v : isObject(v) ? firstString(v['@id']) ?? firstString(v['url']) : undefined;
      const href = absolute(raw);
      if (raw && href) return ldFact(ld, item, raw, `json-ld:${key}`, src, href);
    }
  }
  return undefined;
}
