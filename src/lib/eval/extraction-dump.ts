/**
 * A text dump of a saved page, as a scraper that keeps "all the visible text"
 * would write it: one block a line, navigation, footers and widgets included.
 * `npm run eval:extraction -- --dataset DIR` ingests it as a `.txt` seed to
 * measure the text path on the same pages as the HTML path, and reads the
 * reference body (`expected.html`) with it.
 *
 * Rules: only `<body>` is read; `script`, `style`, `noscript`, `template` and
 * other elements that show no text (`svg`, `iframe`, `head`, ...) are dropped,
 * as is any element with the `hidden` attribute or an inline `display: none`.
 * Each block-level element's own text (its text outside nested blocks) is one
 * line, and `<br>` ends a line; white space is collapsed and empty lines are
 * left out.
 *
 * Pure: jsdom parses without running scripts or fetching anything.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

/** Elements whose content is never shown as text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video', 'picture', 'img', 'map', 'select', 'datalist', 'input', 'textarea', 'button']);

/** Elements that start and end a line of their own. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The visible lines under `root` (see the module comment for the rules). */
export function dumpLines(root: Node): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (DROPPED.has(tag) || element.hasAttribute('hidden')) return;
    if (/display\s*:\s*none/i.test(element.getAttribute('style') ?? '')) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

/** The visible lines of an HTML page's `<body>`, one block a line. */
export function textDump(html: string): string[] {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    return dumpLines(dom.window.document.body ?? dom.window.document.documentElement);
  } finally {
    dom.window.close();
  }
}
