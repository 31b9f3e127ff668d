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
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Diagnostic } from '../diagnostics.ts';
import type { Evidence } from '../schema.ts';
import { ARTICLE_CONTAINERS, containerCandidate, preferContainer, suspectExtraction } from './html-candidates.ts';
import { findPublished } from './html-dates.ts';
import {
  findDescription,
  findLdByline,
  findPublisher,
  findUrl,
  isUrlLike,
  metaFact,
  microdataAuthor,
  readabilityByline,
  readJsonLd,
  readMetas,
  siteNames,
} from './html-metadata.ts';
import { reconcileSite, siteFromPage } from './html-site.ts';
import { findPageImages, type PageImage } from './lead-image.ts';
import { findHeadline, siteFromTitle } from './html-title.ts';
import { foldKey, normalizeLine } from './normalize.ts';
import type { Block } from './segment.ts';

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
  /** The page's lead images, best first (`lead-image.ts`); absent when it names none. */
  images?: PageImage[];
  messages: Diagnostic[];
}

/** Elements that are never article text, whatever they hold. */
export const NEVER_TEXT = [
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
  const publisher = findPublisher(doc, ld, metas, src);
  const url = findUrl(doc, ld, metas, src);
  const headline = findHeadline(doc, ld, metas, src, siteNames(ld, metas), (el) => (el.closest(NEVER_TEXT) === null ? asBlock(el, src) : undefined));
  const published = findPublished(doc, ld, metas, src, url, headline?.element, options.today);
  const outlet = reconcileSite(publisher, siteFromTitle(doc, src, headline?.fact.value), url?.value) ?? siteFromPage(doc, src, headline?.fact.value, url?.value);
  const description = findDescription(ld, metas, src);
  const pageByline = findLdByline(ld, src) ?? metaFact(metas, ['author'], 'meta:', src, (v) => !isUrlLike(v)) ?? microdataAuthor(doc, src);
  // Before the page's furniture is removed: a figure may stand in an element dropped below.
  const images = findPageImages(doc, ld, metas, src, url?.value);

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
  const same = (b: Block): boolean => headBlock !== undefined && b.lines[0] === headBlock.lines[0] && [headBlock.text, headline?.shown].some((t) => t !== undefined && foldKey(b.text) === foldKey(t));
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
  if (images.length > 0) out.images = images;
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

/** Where a node of the parsed page stands in the HTML source. */
export interface SourceMap {
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
export function asBlock(el: Element, src: SourceMap): Block | undefined {
  const blocks = toBlocks(el, src);
  if (blocks.length === 0) return undefined;
  return { text: blocks.map((b) => b.text).join(' '), lines: [Math.min(...blocks.map((b) => b.lines[0])), Math.max(...blocks.map((b) => b.lines[1]))] };
}

