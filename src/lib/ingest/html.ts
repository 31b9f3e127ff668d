/**
 * Saved web pages. One HTML page in; out come the article as blocks (the
 * headline first, then one block per paragraph-level element, each pointing at
 * the lines of the HTML file it was read from) and the page's own metadata,
 * each fact with the rule that read it and the raw value it read.
 *
 * Pure and deterministic: jsdom parses the page without running scripts or
 * loading anything, and Mozilla Readability finds the article element.
 * Boilerplate that Readability leaves inside the article ("Advertisement",
 * newsletter boxes, appeals) is deliberately kept here: the pipeline's
 * boilerplate stage judges it with the same rules as a text seed's, and
 * records what it removes. Only elements that are never text (scripts,
 * forms, navigation, hidden elements, …) are dropped before anything is read.
 *
 * Messages (the README documents codes in its table):
 * - SL110 error: no article content found in the page (no blocks are returned);
 * - SL111 warning: a JSON-LD block is not valid JSON and was skipped;
 * - SL112 info: Readability found no article, so the page's main element was read whole;
 * - SL113 error: the page could not be read at all (no blocks and no facts are returned).
 */
import { Readability } from '@mozilla/readability';
import { decodeHTML } from 'entities';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Diagnostic } from '../diagnostics.ts';
import type { Evidence } from '../schema.ts';
import { ARTICLE_CONTAINERS, containerCandidate, preferContainer, suspectExtraction } from './html-candidates.ts';
import { foldKey, normalizeLine, words } from './normalize.ts';
import type { Block } from './segment.ts';
import { calendarDate, dateInUrlPath, mostFrequentDate, plausibleDate, publicationDateInText } from './page-dates.ts';

export interface PageFact<T> {
  value: T;
  /** rule names the metadata read, e.g. `json-ld:datePublished`, `og:site_name`, `url-path`; quote is the raw value. */
  evidence: Evidence;
}

export interface HtmlExtraction {
  /**
   * The article as blocks, in reading order, the headline first when the page
   * has one, each block's `lines` pointing into the HTML source. These go
   * through the same cleaning stages as a text seed's blocks.
   */
  blocks: Block[];
  /** The page's own title for the article (h1, og:title, JSON-LD headline or <title> minus the site name). */
  title?: PageFact<string>;
  publisher?: PageFact<string>;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  published?: PageFact<string>;
  /** Canonical URL (absolute http/https). */
  url?: PageFact<string>;
  /** The page's own one- or two-sentence summary (JSON-LD description, og:description, meta description). */
  description?: PageFact<string>;
  /** Author names when the page gives them. */
  byline?: PageFact<string>;
  messages: Diagnostic[];
}

/** Elements that are never article text, whatever they hold. */
const NEVER_TEXT = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'canvas', 'svg', 'math',
  'form', 'button', 'input', 'select', 'textarea', 'label', 'dialog',
  'nav', 'aside', 'footer',
  '[hidden]', '[aria-hidden="true" i]',
  '[role="navigation" i]', '[role="complementary" i]', '[role="contentinfo" i]', '[role="search" i]', '[role="dialog" i]',
].join(', ');

/** Elements that end a run of inline text: each starts a block of its own. */
const BLOCK_TAGS = [
  'address', 'article', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
];
const BLOCK_SET = new Set(BLOCK_TAGS);
const BLOCK_SELECTOR = BLOCK_TAGS.join(', ');

/** Schema.org types that are an article. */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Report)$/;
/** Schema.org types whose name is the outlet's. */
const OUTLET_TYPES = ['NewsMediaOrganization', 'Organization', 'Corporation', 'WebSite'];

/** Meta tags (by property or name) that give the original publication time, strongest first (htmldate's list, Barbaresi 2020). */
const PUBLISHED_META = ['article:published_time', 'og:published_time', 'article:published'];
const DATE_META = [
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published', 'article_date_original', 'parsely-pub-date', 'sailthru.date',
  'citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created',
  'dc.date', 'dcterms.date', 'date', 'originalpublicationdate', 'cxenseparse:recs:publishtime',
];
/** Meta tags of a modification time: a last resort, and said so. */
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'dcterms.modified', 'dc.date.modified', 'last-modified'];

/** What separates a headline from the site name in a <title>. */
const TITLE_SEPARATOR = /\s+[|–—·•»-]\s+|:\s+/g;

/** What reading a page needs from outside: `today` (`YYYY-MM-DD`) bounds its publication date; without it only `DATE_FLOOR` does. */
export interface HtmlOptions {
  today?: string;
}

export function extractHtml(html: string, file: string, options: HtmlOptions = {}): HtmlExtraction {
  const messages: Diagnostic[] = [];
  try {
    return read(html, file, messages, options);
  } catch (error) {
    // A page that trips the parser or Readability (nesting deep enough to exhaust the stack, say) is reported, never thrown.
    messages.push({ file, severity: 'error', code: 'SL113', message: `the page could not be read: ${error instanceof Error ? error.message : String(error)}` });
    return { blocks: [], messages };
  }
}

function read(html: string, file: string, messages: Diagnostic[], options: HtmlOptions): HtmlExtraction {
  const depth = nestingOf(html);
  if (depth > MAX_DEPTH) {
    messages.push({ file, severity: 'error', code: 'SL113', message: `the page nests elements ${depth} deep (more than ${MAX_DEPTH}); it was not read` });
    return { blocks: [], messages };
  }
  // No `runScripts` and no `resources`: scripts never run and nothing is fetched.
  const dom = new JSDOM(html, { includeNodeLocations: true, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const src = sourceMap(html, dom);

  // Metadata first: it reads scripts (JSON-LD) and elements that are removed below.
  const ld = readJsonLd(doc, src, file, messages);
  const metas = readMetas(doc);
  const publisher = findPublisher(ld, metas, src);
  const url = findUrl(doc, ld, metas, src);
  const headline = findHeadline(doc, ld, metas, src, publisher?.value);
  const published = findPublished(doc, ld, metas, src, url, headline?.element, options.today);
  const outlet = publisher ?? siteFromTitle(doc, src, headline?.fact.value);
  const description = findDescription(ld, metas, src);
  const pageByline = findLdByline(ld, src) ?? metaFact(metas, ['author'], 'meta:', src, (v) => !isUrlLike(v)) ?? microdataAuthor(doc, src);

  for (const el of [...doc.querySelectorAll(NEVER_TEXT)]) {
    // ASP.NET and some portal CMSs wrap the whole page in one <form>: that one is the page, not a widget.
    if (el.localName === 'form' && el.querySelector('h1, p') !== null && el.querySelectorAll('p').length >= 3) continue;
    el.remove();
  }
  for (const el of [...doc.querySelectorAll('[style]')]) {
    if (/(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(el.getAttribute('style') ?? '')) el.remove();
  }

  // Readability renames elements and wraps loose text in new paragraphs: each element keeps its own tag in an attribute.
  for (const el of doc.querySelectorAll('*')) el.setAttribute(TAG_AT, el.localName);
  // A second candidate for the article, taken before Readability changes the page.
  const container = containerCandidate(doc);

  let parsed: ReturnType<Readability<Node>['parse']> = null;
  const tooDeep = depth > MAX_READABILITY_DEPTH;
  try {
    if (!tooDeep) parsed = new Readability(doc, { serializer: (node: Node) => node, keepClasses: true }).parse();
  } catch {
    // Readability throws on some pages it cannot handle; the fallback below reads them.
  }
  const headBlock = headline ? { text: headline.fact.value, lines: headline.lines } : undefined;
  // The article element may hold the headline's own h1: it is already the first block.
  const same = (b: Block): boolean => headBlock !== undefined && b.lines[0] === headBlock.lines[0] && foldKey(b.text) === foldKey(headBlock.text);
  let body = parsed?.content instanceof dom.window.Element ? toBlocks(parsed.content, src).filter((b) => !same(b)) : [];
  const bodyText = body.map((b) => b.text).join('\n');
  if (body.length > 0 && container && suspectExtraction(bodyText)) {
    // trafilatura's comparison: Readability's article, unless it is short and the page's own container holds it and much more.
    const other = toBlocks(container, src).filter((b) => !same(b));
    if (preferContainer(bodyText, other.map((b) => b.text).join('\n'))) body = other;
  }
  if (body.length === 0) {
    const root = container ?? doc.querySelector(ARTICLE_CONTAINERS) ?? doc.body;
    if (root) body = toBlocks(root, src).filter((b) => !same(b));
    const why = tooDeep ? `the page nests elements more than ${MAX_READABILITY_DEPTH} deep, too deep for Readability` : 'Readability found no article';
    if (root && body.length > 0) messages.push({ file, severity: 'info', code: 'SL112', message: `${why}; the page's <${root.localName}> was read whole` });
  }

  const out: HtmlExtraction = { blocks: [], messages };
  if (body.length === 0) {
    messages.push({ file, severity: 'error', code: 'SL110', message: 'no article content found in the page' });
  } else {
    out.blocks = headBlock ? [headBlock, ...body] : body;
  }
  if (headline) out.title = headline.fact;
  if (outlet) out.publisher = outlet;
  if (published) out.published = published;
  if (url) out.url = url;
  if (description) out.description = description;
  const byline = pageByline ?? readabilityByline(parsed?.byline);
  if (byline) out.byline = byline;
  return out;
}

/** Nesting past which Readability is not run: its time grows much faster than depth, and real pages nest a few dozen deep. */
const MAX_READABILITY_DEPTH = 150;
/** Nesting past which the page is not read at all: jsdom's own tree building slows with the square of depth. */
const MAX_DEPTH = 2000;

/** How deep the page's elements nest, measured on hast's fast parse before jsdom builds its slower tree. */
function nestingOf(html: string): number {
  let max = 0;
  const stack: { node: HastRoot | HastElement; depth: number }[] = [{ node: fromHtml(html), depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    max = Math.max(max, top.depth);
    for (const child of top.node.children) if (child.type === 'element') stack.push({ node: child, depth: top.depth + 1 });
  }
  return max;
}

interface SourceMap {
  /** First and last line of a node's non-blank source text, when it can be placed. */
  linesOf(node: Node): [number, number] | undefined;
  /** Line on which an element's start tag stands. */
  lineOf(node: Node): number | undefined;
  /** Line within `node` on which `needle` first stands in the raw source, else the node's own line. */
  lineOfText(node: Node, needle: string): number | undefined;
}

/** Attribute that carries an element's source offsets through Readability's re-parses. */
const AT = 'data-storyline-at';

/**
 * Lines counted as the pipeline counts them (CRLF, lone CR and LF each end a
 * line), from the parser's offsets, so every line number points into the
 * seed as an editor opens it.
 *
 * Readability moves nodes (they keep their offsets), renames elements (the
 * attributes are copied) and, when a first attempt finds too little text,
 * re-parses the body from its own serialisation (new nodes, no offsets). So
 * every element is stamped with its offsets in an attribute, and a text node
 * the parser did not place is found by its text among the page's text nodes,
 * within the span of its nearest stamped ancestor.
 */
function sourceMap(html: string, dom: JSDOM): SourceMap {
  const starts = [0];
  for (const m of html.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const trimmed = (start: number, end: number): [number, number] | undefined => {
    while (start < end && /\s/.test(html[start]!)) start++;
    while (end > start && /\s/.test(html[end - 1]!)) end--;
    return start < end ? [lineAt(start), lineAt(end - 1)] : undefined;
  };
  const doc = dom.window.document;
  const texts = new Map<string, [number, number][]>();
  const walker = doc.createTreeWalker(doc, dom.window.NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const loc = dom.nodeLocation(n);
    const data = n.nodeValue ?? '';
    if (loc && /\S/.test(data)) texts.set(data, [...(texts.get(data) ?? []), [loc.startOffset, loc.endOffset]]);
  }
  for (const el of doc.querySelectorAll('*')) {
    const loc = dom.nodeLocation(el);
    if (loc) el.setAttribute(AT, `${loc.startOffset}:${loc.endOffset}`);
  }
  const stamp = (el: Element | null): [number, number] | undefined => {
    const m = el?.getAttribute(AT)?.match(/^(\d+):(\d+)$/);
    return m ? [Number(m[1]), Number(m[2])] : undefined;
  };
  const offsets = (node: Node): [number, number] | undefined => {
    const loc = dom.nodeLocation(node);
    if (loc) return [loc.startOffset, loc.endOffset];
    if (node.nodeType === node.ELEMENT_NODE) return stamp(node as Element);
    if (node.nodeType !== node.TEXT_NODE) return undefined;
    const found = texts.get(node.nodeValue ?? '') ?? [];
    for (let el = node.parentElement; el; el = el.parentElement) {
      const range = stamp(el);
      if (!range) continue;
      return found.find(([s, e]) => s >= range[0] && e <= range[1]) ?? range;
    }
    return found[0];
  };
  return {
    linesOf(node) {
      const range = offsets(node);
      return range ? trimmed(...range) : undefined;
    },
    lineOf(node) {
      const range = offsets(node);
      return range ? lineAt(range[0]) : undefined;
    },
    lineOfText(node, needle) {
      const range = offsets(node);
      if (!range) return undefined;
      const at = html.slice(range[0], range[1]).indexOf(needle);
      return lineAt(range[0] + Math.max(at, 0));
    },
  };
}

/**
 * The element's text as blocks: each paragraph-level element (and each run
 * of text standing between such elements) is one block; a table row whose
 * cells hold only inline text is one block, its cells joined by " | ". A
 * figcaption is one block, credit and all: a caption rarely closes like a
 * sentence once its credit follows, which is how the structure stage tells
 * captions from paragraphs.
 *
 * Where two inline elements meet with no space between them and the second
 * opens a new word in capitals ("…the water.</span><span>Credit…",
 * "2025</span><span>Updated"), a space is put between: pages lay such
 * elements out as separate lines with CSS, and gluing them would make words
 * that are not in the page.
 */
function toBlocks(root: Element, src: SourceMap): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let spans: [number, number][] = [];
  let anchor: Node | undefined;
  let last = '';
  let edge = false;
  // What the markup says the block being gathered is.
  let hint: Block['hint'];
  const push = (text: string): void => {
    if (text === '') return;
    parts.push(text);
    last = text.at(-1)!;
  };
  const flush = (): void => {
    const text = normalizeLine(parts.join('').replace(/\s+/g, ' '));
    if (/[\p{L}\p{N}]/u.test(text)) {
      const lines = spans.length > 0 ? ([Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))] as [number, number]) : ancestorLines(anchor, src);
      blocks.push({ text, lines: lines ?? blocks.at(-1)?.lines ?? [1, 1], ...(hint ? { hint } : {}) });
    }
    parts = [];
    spans = [];
    anchor = undefined;
    last = '';
    edge = false;
  };
  const inline = (node: Node): void => {
    if (node.nodeType === node.TEXT_NODE) {
      const data = node.nodeValue ?? '';
      if (edge && /[\p{Ll}\p{N}.,:;!?…)]/u.test(last) && /^\p{Lu}/u.test(data)) push(' ');
      if (data !== '') edge = false;
      push(data);
      if (/\S/.test(data)) {
        anchor ??= node;
        const lines = src.linesOf(node);
        if (lines) spans.push(lines);
      }
    } else if (node.nodeType === node.ELEMENT_NODE && !(node as Element).matches(NEVER_TEXT)) {
      edge = true;
      if ((node as Element).localName === 'br') push(' ');
      else for (const child of [...node.childNodes]) inline(child);
      edge = true;
    }
  };
  const visit = (el: Element): void => {
    for (const child of [...el.childNodes]) {
      const c = child as Element;
      if (child.nodeType !== child.ELEMENT_NODE || !(BLOCK_SET.has(c.localName) || c.querySelector(BLOCK_SELECTOR) !== null)) {
        inline(child);
        continue;
      }
      flush();
      if (c.matches(NEVER_TEXT)) continue;
      const cells = c.localName === 'tr' ? [...c.children].filter((cell) => cell.localName === 'td' || cell.localName === 'th') : [];
      const outer = hint;
      hint = hintOf(c) ?? (outer === undefined && isRunningText(c) ? 'text' : outer);
      if (cells.length > 0 && cells.every((cell) => cell.querySelector(BLOCK_SELECTOR) === null)) {
        hint = 'row';
        cells.forEach((cell, i) => {
          if (i > 0) push(' | ');
          inline(cell);
        });
      } else {
        visit(c);
      }
      flush();
      hint = outer;
    }
  };
  visit(root);
  flush();
  return blocks;
}

/** Subheadings and captions are what their elements say they are, whatever their wording. */
function hintOf(el: Element): Block['hint'] {
  if (/^h[2-6]$/.test(el.localName)) return 'heading';
  if (el.localName === 'figcaption' || el.localName === 'caption') return 'caption';
  return undefined;
}

/** Attribute that carries an element's tag in the page through Readability's renaming. */
const TAG_AT = 'data-storyline-tag';

/** Elements that hold running text: paragraphs, list items, quotes, preformatted text, definitions. */
const TEXT_TAGS = new Set(['p', 'li', 'pre', 'blockquote', 'dd', 'dt']);
/** Where a page puts a picture's caption or credit, whatever the element: left to the structure stage's judgement. */
const PICTURE_CONTEXT = 'figure, [class*="caption" i], [class*="credit" i], [id*="caption" i]';

/**
 * A paragraph, list item or quote of the page (not one Readability made of
 * a box's loose text) outside any figure or caption box is running text,
 * closed by a full stop or not (a list item, a line that opens a list or
 * some code with a colon): the markup says so, so the structure stage does
 * not take it for a caption.
 */
function isRunningText(el: Element): boolean {
  return TEXT_TAGS.has(el.getAttribute(TAG_AT) ?? '') && el.closest(PICTURE_CONTEXT) === null;
}

/** Lines of the nearest located ancestor, for text the parser did not place. */
function ancestorLines(node: Node | undefined, src: SourceMap): [number, number] | undefined {
  for (let n = node?.parentNode ?? null; n; n = n.parentNode) {
    const lines = src.linesOf(n);
    if (lines) return lines;
  }
  return undefined;
}

/** An element's text as one block, on the lines its text stands on. */
function asBlock(el: Element, src: SourceMap): Block | undefined {
  const blocks = toBlocks(el, src);
  if (blocks.length === 0) return undefined;
  return { text: blocks.map((b) => b.text).join(' '), lines: [Math.min(...blocks.map((b) => b.lines[0])), Math.max(...blocks.map((b) => b.lines[1]))] };
}

/** A metadata value as text: entities some CMSs escape twice decoded, spaces normalised. */
function cleanValue(raw: string): string {
  const decoded = /&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(raw) ? decodeHTML(raw) : raw;
  return normalizeLine(decoded.replace(/\s+/g, ' '));
}

function isUrlLike(value: string): boolean {
  return /^(https?:)?\/\//i.test(value.trim());
}

function fact(value: string, rule: string, quote: string, line: number | undefined, note?: string): PageFact<string> {
  return { value, evidence: { rule, quote, ...(line ? { line } : {}), ...(note ? { note } : {}) } };
}

interface Meta {
  content: string;
  element: Element;
}

/** `<meta>` contents by lower-cased `property`, `name` or `http-equiv`, the first of each kept. */
function readMetas(doc: Document): Map<string, Meta> {
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
function metaFact(
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

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface JsonLd {
  /** Top-level items, the items of every @graph and pages' main entities, in page order. */
  items: JsonObject[];
  /** Every object with an @id and more, for resolving references such as `"publisher": {"@id": "#org"}`. */
  byId: Map<string, JsonObject>;
  /** The script each item was read from. */
  scriptOf: Map<JsonObject, Element>;
}

function isObject(x: Json | undefined): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function readJsonLd(doc: Document, src: SourceMap, file: string, messages: Diagnostic[]): JsonLd {
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

function typesOf(item: JsonObject): string[] {
  const t = item['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(https?:\/\/schema\.org\/|schema:)/i, ''));
}

/** The object an `{"@id": …}` reference stands for, or the value itself. */
function resolve(ld: JsonLd, x: Json | undefined): Json | undefined {
  if (isObject(x) && typeof x['@id'] === 'string' && Object.keys(x).length === 1) return ld.byId.get(x['@id']) ?? x;
  return x;
}

/** Names in a JSON-LD value: a string, an object's `name`, or a list of either. */
function namesIn(ld: JsonLd, x: Json | undefined): string[] {
  const v = resolve(ld, x);
  if (typeof v === 'string') return v.trim() !== '' && !isUrlLike(v) ? [v] : [];
  if (Array.isArray(v)) return v.flatMap((y) => namesIn(ld, y));
  if (isObject(v)) {
    const name = v['name'];
    return typeof name === 'string' ? namesIn(ld, name) : Array.isArray(name) ? namesIn(ld, name[0]) : [];
  }
  return [];
}

function firstString(x: Json | undefined): string | undefined {
  if (typeof x === 'string' && x.trim() !== '') return x;
  return Array.isArray(x) ? firstString(x[0]) : undefined;
}

/** The page's summary of the article: JSON-LD `description`, `og:description`, or the description meta tag. */
function findDescription(ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap): PageFact<string> | undefined {
  for (const item of articlesIn(ld)) {
    const value = firstString(item['description']);
    if (value) return ldFact(ld, item, value, 'json-ld:description', src);
  }
  return metaFact(metas, ['og:description', 'description', 'twitter:description'], '', src);
}

function articlesIn(ld: JsonLd): JsonObject[] {
  return ld.items.filter((item) => typesOf(item).some((t) => ARTICLE_TYPE.test(t)));
}

function ldFact(ld: JsonLd, item: JsonObject, raw: string, rule: string, src: SourceMap, value = cleanValue(raw), note?: string): PageFact<string> {
  const script = ld.scriptOf.get(item);
  return fact(value, rule, raw.trim(), script ? src.lineOfText(script, raw) : undefined, note);
}

function findLdByline(ld: JsonLd, src: SourceMap): PageFact<string> | undefined {
  for (const item of articlesIn(ld)) {
    const names = namesIn(ld, item['author']).map(cleanValue).filter((n) => n !== '');
    if (names.length > 0) return ldFact(ld, item, names.join(', '), 'json-ld:author', src);
  }
  return undefined;
}

/** Microdata `itemprop="author"`: its `name` property, else its text. */
function microdataAuthor(doc: Document, src: SourceMap): PageFact<string> | undefined {
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
function readabilityByline(raw: string | null | undefined): PageFact<string> | undefined {
  const value = raw
    ? cleanValue(raw)
        .replace(/^((words|story|text|reporting) )?by\s+/i, '')
        .replace(/\s*[|·•,–—-]?\s*\b(published|updated|posted)\b.*$/i, '')
    : '';
  return raw && value !== '' && !isUrlLike(value) ? fact(value, 'readability:byline', raw.trim(), undefined) : undefined;
}

function findPublisher(ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap): PageFact<string> | undefined {
  for (const item of articlesIn(ld)) {
    const name = namesIn(ld, item['publisher'])[0];
    if (name && cleanValue(name) !== '') return ldFact(ld, item, name, 'json-ld:publisher.name', src);
  }
  const meta = metaFact(metas, ['og:site_name'], '', src) ?? metaFact(metas, ['application-name'], 'meta:', src);
  if (meta) return meta;
  for (const type of OUTLET_TYPES) {
    for (const item of [...ld.items, ...ld.byId.values()]) {
      if (!typesOf(item).includes(type)) continue;
      const name = namesIn(ld, item['name'])[0];
      if (name && cleanValue(name) !== '') return ldFact(ld, item, name, `json-ld:${type}.name`, src);
    }
  }
  return undefined;
}

/**
 * The site name as the <title> gives it beside the headline ("Headline |
 * Site", "Site: Headline"): the last resort, when no metadata names the outlet.
 */
function siteFromTitle(doc: Document, src: SourceMap, headline: string | undefined): PageFact<string> | undefined {
  const title = doc.querySelector('title');
  const raw = title?.textContent ?? '';
  if (!title || !headline || raw.trim() === '') return undefined;
  const text = cleanValue(raw);
  const key = foldKey(headline);
  for (const m of text.matchAll(TITLE_SEPARATOR)) {
    const left = text.slice(0, m.index);
    const right = text.slice(m.index + m[0].length);
    const site = foldKey(left) === key ? right.split(TITLE_SEPARATOR).at(-1) : foldKey(right) === key ? left.split(TITLE_SEPARATOR)[0] : undefined;
    // "Opinion: Headline" names a section, not the outlet: a name before a colon has two words or more.
    const minWords = m[0].trim() === ':' ? 2 : 1;
    if (site && /\p{L}/u.test(site) && words(site).length >= minWords && words(site).length <= 6) {
      return fact(site.trim(), 'title-site-name', raw.trim(), src.lineOf(title), 'The outlet is named in the page title beside the headline.');
    }
  }
  return undefined;
}

function findUrl(doc: Document, ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap): PageFact<string> | undefined {
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

interface Headline {
  fact: PageFact<string>;
  lines: [number, number];
  /** The h1 the headline was read from, when it was. */
  element?: Element;
}

/** Share of the shorter text's words that the other text has too. */
function similarity(a: string, b: string): number {
  const wa = new Set(words(a.toLowerCase()));
  const wb = new Set(words(b.toLowerCase()));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

/**
 * The headline: the page's h1, or when the page has several (a logo, a
 * section name), the one the metadata's title agrees with; else og:title,
 * the JSON-LD headline, or the <title> without its site name.
 */
function findHeadline(doc: Document, ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap, site: string | undefined): Headline | undefined {
  const metaTitle = ((): { fact: PageFact<string>; node: Node } | undefined => {
    const og = metas.get('og:title');
    const ogFact = metaFact(metas, ['og:title'], '', src);
    if (og && ogFact) return { fact: ogFact, node: og.element };
    for (const item of articlesIn(ld)) {
      const raw = firstString(item['headline']);
      const script = ld.scriptOf.get(item);
      if (raw && script && cleanValue(raw) !== '') return { fact: ldFact(ld, item, raw, 'json-ld:headline', src), node: script };
    }
    const title = doc.querySelector('title');
    const raw = title?.textContent ?? '';
    const value = title ? stripSiteName(cleanValue(raw), site) : '';
    if (title && value !== '') return { fact: fact(value, 'title', raw.trim(), src.lineOf(title)), node: title };
    return undefined;
  })();

  const shownAs = (el: Element): Block | undefined => (el.closest(NEVER_TEXT) === null ? asBlock(el, src) : undefined);
  // A site's logo is often an h1 too: it names the site, or is the link to the home page.
  const isLogo = (element: Element, text: string): boolean =>
    (site !== undefined && foldKey(text) === foldKey(site)) ||
    [...element.querySelectorAll('a[href]')].some((a) => {
      const href = a.getAttribute('href') ?? '';
      return /(^|\s)home(\s|$)/i.test(a.getAttribute('rel') ?? '') || (URL.canParse(href, 'https://x.invalid/') && new URL(href, 'https://x.invalid/').pathname === '/' && !href.includes('?'));
    });
  const h1s = [...doc.querySelectorAll('h1')].flatMap((element) => {
    const block = shownAs(element);
    return block && /\p{L}/u.test(block.text) && !isLogo(element, block.text) ? [{ element, block }] : [];
  });
  const scored = metaTitle ? h1s.map((h) => ({ h, score: similarity(h.block.text, metaTitle.fact.value) })).filter((s) => s.score >= 0.5) : [];
  const inMain = h1s.filter((h) => h.element.closest('article, main, [role="main" i], [itemprop~="headline"]') !== null);
  const h1 = metaTitle
    ? (scored.sort((a, b) => b.score - a.score)[0]?.h ?? (h1s.length === 1 && words(h1s[0]!.block.text).length >= 4 ? h1s[0] : undefined))
    : (inMain[0] ?? h1s[0]);
  if (h1) return { fact: fact(h1.block.text, 'h1', h1.block.text, h1.block.lines[0]), lines: h1.block.lines, element: h1.element };
  if (!metaTitle) return undefined;
  // The title the metadata gives usually stands on the page too (a blog's post title in an h3): its lines are the headline's.
  const key = foldKey(metaTitle.fact.value);
  const shown = [...doc.querySelectorAll('h2, h3, h4, [itemprop~="headline"], .entry-title, .post-title')]
    .map(shownAs)
    .find((b) => b !== undefined && foldKey(b.text) === key);
  const line = metaTitle.fact.evidence.line ?? src.lineOf(metaTitle.node) ?? 1;
  return { fact: metaTitle.fact, lines: shown?.lines ?? [line, line] };
}

/** A <title> without a trailing " | Site" or " - Site" (several " | " parts go while they are short). */
function stripSiteName(title: string, site: string | undefined): string {
  let parts = title.split(/\s+[|–—·•»]\s+/);
  if (site !== undefined && parts.length > 1 && foldKey(parts[0]!) === foldKey(site)) parts = parts.slice(1);
  while (parts.length > 1 && (words(parts.at(-1)!).length <= 5 || (site !== undefined && foldKey(parts.at(-1)!) === foldKey(site)))) parts.pop();
  let text = parts.join(' | ');
  const dash = text.match(/^(.{12,}?)\s+-\s+([^-]+)$/);
  if (dash && (words(dash[2]!).length <= 4 || (site !== undefined && foldKey(dash[2]!) === foldKey(site)))) text = dash[1]!;
  return text;
}

/** Marks of an update or edit time, which is not the publication date. */
const UPDATED = /updat|modif|edit|revis/i;
/** Sections of a page whose dates belong to other content (comments, other stories). */
const OTHER_CONTENT = /comment|related|recommend|more-stories|most-read|popular|trending|sidebar|rail|teaser|latest/i;
/** Class or id words of an element that shows the article's date, byline or dateline. */
const DATE_CLASS = /date|publish|posted|byline|dateline|timestamp|\bmeta\b|time/i;
/** Elements whose text is never visible article text, for the page-wide date search. */
const NOT_VISIBLE = 'script, style, noscript, template, head, nav, aside, footer, [hidden], [aria-hidden="true" i]';

/**
 * The article's publication date as a page fact, from the strongest evidence
 * the page gives, in htmldate's order (Barbaresi 2020): JSON-LD
 * `datePublished`, then `dateCreated` (article items first; `@graph` and
 * `mainEntity` items are read too); publication meta tags (Open Graph, then
 * Dublin Core, Parsely, Sailthru, Highwire and CMS names); microdata
 * `datePublished`/`dateCreated` on any element; the article's `<time
 * datetime>` (publication-marked first); elements whose class or id says
 * date, byline or dateline with a date in their text; the URL path; a dated
 * line near the headline ("Published 14 March 2019"); a modification date
 * (`dateModified`, `article:modified_time`, `og:updated_time`,
 * `last-modified`), noted as such; and last the page's most frequent
 * plausible date. An update's date is never taken while the page gives its
 * original date anywhere. Each fact keeps its rule and the quoted raw value;
 * dates before `DATE_FLOOR` or after `today` are refused at every step.
 */
function findPublished(
  doc: Document,
  ld: JsonLd,
  metas: ReadonlyMap<string, Meta>,
  src: SourceMap,
  url: PageFact<string> | undefined,
  h1: Element | undefined,
  today: string | undefined,
): PageFact<string> | undefined {
  const dated = (f: PageFact<string> | undefined): PageFact<string> | undefined => {
    const date = f && calendarDate(f.evidence.quote ?? f.value);
    return f && date && plausibleDate(date, today) ? { ...f, value: date } : undefined;
  };
  const articles = articlesIn(ld);
  const ldDate = (key: string, note?: string): PageFact<string> | undefined => {
    for (const item of [...articles, ...ld.items.filter((i) => !articles.includes(i))]) {
      const raw = firstString(item[key]);
      const f = raw ? dated(ldFact(ld, item, raw, `json-ld:${key}`, src, undefined, note)) : undefined;
      if (f) return f;
    }
    return undefined;
  };
  const metaDate = (groups: readonly (readonly [readonly string[], string])[], note?: string): PageFact<string> | undefined => {
    for (const [keys, prefix] of groups) {
      for (const key of keys) {
        const f = dated(metaFact(metas, [key], prefix, src));
        if (f) return note ? { ...f, evidence: { ...f.evidence, note } } : f;
      }
    }
    return undefined;
  };
  const structured = ldDate('datePublished') ?? metaDate([[PUBLISHED_META, ''], [DATE_META, 'meta:']]);
  if (structured) return structured;

  const inOtherContent = (el: Element): boolean => {
    for (let n: Element | null = el; n; n = n.parentElement) {
      if (n.matches('nav, aside, [role="navigation" i], [role="complementary" i]') || OTHER_CONTENT.test(`${n.id} ${n.getAttribute('class') ?? ''}`)) return true;
      if (n.matches('article, main')) return false;
    }
    return false;
  };
  const valueOf = (el: Element): string => el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? el.textContent ?? '';
  const candidate = (el: Element, rule: string): PageFact<string> | undefined => {
    const raw = valueOf(el);
    return raw.trim() === '' ? undefined : dated(fact(raw, rule, raw.trim(), src.lineOf(el)));
  };
  const microdata = (prop: string): PageFact<string> | undefined => {
    for (const el of doc.querySelectorAll(`[itemprop~="${prop}" i]`)) {
      // Microdata dates belong to the item they stand in: a comment's or a review's date is not the article's.
      const scope = el.closest('[itemscope][itemtype]')?.getAttribute('itemtype')?.split('/').at(-1) ?? '';
      if (scope !== '' && !ARTICLE_TYPE.test(scope)) continue;
      const f = inOtherContent(el) ? undefined : candidate(el, `itemprop:${prop}`);
      if (f) return f;
    }
    return undefined;
  };
  // What names publication outright comes before what names creation (a JSON-LD `dateCreated` is often the CMS's UTC record).
  const created = microdata('datePublished') ?? ldDate('dateCreated') ?? microdata('dateCreated');
  if (created) return created;
  // <time> elements of the article itself: in its <article>, <main> or <header>, or beside its h1.
  const headerOfH1 = h1?.parentElement?.parentElement ?? undefined;
  const ofArticle = (el: Element): boolean =>
    !inOtherContent(el) && (el.closest('article, main, header, [role="main" i]') !== null || headerOfH1?.contains(el) === true);
  const times = [...doc.querySelectorAll('time[datetime]')].filter(ofArticle);
  const marks = (t: Element): string => `${t.getAttribute('class') ?? ''} ${t.parentElement?.getAttribute('class') ?? ''} ${t.hasAttribute('pubdate') ? 'pubdate' : ''}`;
  const ranked = [
    ...times.filter((t) => /publish|pubdate|posted|entry-date|dateline|byline/i.test(marks(t)) && !UPDATED.test(marks(t))),
    ...times.filter((t) => !UPDATED.test(marks(t))),
  ];
  for (const t of ranked) {
    const f = candidate(t, 'time:datetime');
    if (f) return f;
  }
  // Elements that say by class or id that they show the date, byline or dateline, with a short text holding one:
  // only in the headline's article (or the h1's grandparent) and before its body text starts (its first paragraph
  // of 100 characters or more that is not a byline), where a page's own dateline stands
  // (teasers, references and comments further on carry other dates).
  const region = h1 ? (h1.closest('article, main, [role="main" i]') ?? headerOfH1) : undefined;
  const bodyStart = region ? [...region.querySelectorAll('p')].find((p) => (p.textContent ?? '').trim().length >= 100 && !/^by\s/i.test((p.textContent ?? '').trim())) : undefined;
  const beforeBody = (el: Element): boolean => bodyStart === undefined || (el.compareDocumentPosition(bodyStart) & 4) !== 0;
  // Inside the region only, and never a wrapper of the headline or the body text: a layout's class names
  // ("two-col-sidebar") say nothing of its content.
  const elsewhere = (el: Element): boolean => {
    for (let n: Element | null = el; n && n !== region; n = n.parentElement) {
      if ((h1 && n.contains(h1)) || (bodyStart && n.contains(bodyStart))) continue;
      const names = `${n.id} ${n.getAttribute('class') ?? ''}`;
      // A bar named for the date as well ("date-and-comments") is the article's byline bar.
      if (n.matches('nav, aside, cite') || (OTHER_CONTENT.test(names) && !/date|byline|timestamp/i.test(names)) || CITATIONS.test(names)) return true;
    }
    return false;
  };
  for (const el of region ? region.querySelectorAll('[class], [id]') : []) {
    const names = `${el.id} ${el.getAttribute('class') ?? ''}`;
    if (!DATE_CLASS.test(names) || UPDATED.test(names) || elsewhere(el) || el.closest(NOT_VISIBLE) !== null || !beforeBody(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '' || text.length > 200) continue;
    const found = publicationDateInText(text, today);
    if (found) return fact(found.date, 'element:date-class', found.quote, src.lineOf(el), `An element marked "${names.trim()}" shows the date.`);
  }
  const fromPath = url ? dateInUrlPath(url.value) : undefined;
  if (url && fromPath && plausibleDate(fromPath, today)) {
    const note = `The page gives no date in its metadata; the URL path holds the ${fromPath.length === 10 ? 'day' : 'month'}.`;
    return fact(fromPath, 'url-path', url.evidence.quote ?? url.value, url.evidence.line, note);
  }
  // A dated line near the headline or byline: the blocks after the h1 in its header or article.

  // The body's first paragraph is read too, for a cued date only (a short line is never the body's start).
  const near = h1 && region ? nearHeadline(h1, region).filter((el) => (el === bodyStart || beforeBody(el)) && !elsewhere(el)) : [];
  for (const el of near) {
    // A short line of its own is a dateline or byline; in a longer one, or in a table (an infobox), only a cued date counts.
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const found = publicationDateInText(text, today, text.length <= 80 && el.closest('table') === null);
    if (found) return fact(found.date, 'text:near-headline', found.quote, src.lineOf(el), 'A line near the headline gives the date.');
  }
  // Only an update's date: the page was published that day or before. Said in the note, so a reader is not misled.
  const modifiedNote = 'The page gives only when it was last modified; it was published that day or earlier.';
  const modified = ldDate('dateModified', modifiedNote) ?? metaDate([[MODIFIED_META, '']], modifiedNote);
  if (modified) return modified;
  const visible = doc.body ? visibleText(doc.body) : '';
  const frequent = mostFrequentDate(visible, today);
  if (frequent) {
    const note = `The page gives no date in its markup; ${frequent.count} dates in its text are this day, more than any other.`;
    return fact(frequent.date, 'text:most-frequent', frequent.quote, undefined, note);
  }
  return undefined;
}

/** The few elements after the h1 in its region (at most 8 blocks, by document order), where bylines and datelines stand. */
function nearHeadline(h1: Element, scope: Element): Element[] {
  const blocks = [...scope.querySelectorAll('p, div, span, address, li, h2, h3, h4, h5, h6')].filter(
    (el) => (h1.compareDocumentPosition(el) & 4) !== 0 && el.children.length <= 3 && (el.textContent ?? '').length <= 200,
  );
  return blocks.slice(0, 8);
}

/** Reference lists and citations, whose dates are of the works cited or when they were read. */
const CITATIONS = /reference|citation|footnote|reflist|bibliograph/i;

/** The page's visible text, skipping scripts, navigation, asides, footers, other stories, comments, citations and tables (whose dates are data), one space between elements. */
function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const el = n as Element;
      if (el.matches(NOT_VISIBLE) || el.localName === 'cite' || el.localName === 'table' || OTHER_CONTENT.test(`${el.id} ${el.getAttribute('class') ?? ''}`) || CITATIONS.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) return;
      parts.push(' ');
      for (const c of n.childNodes) walk(c);
      parts.push(' ');
    }
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ');
}
