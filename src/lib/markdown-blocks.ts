/**
 * The top-level paragraphs and headings of a Markdown body as plain text,
 * read fast. The ingest writes bodies as one-line blocks between blank lines,
 * and the site and the knowledge stages number those blocks the same way
 * (the n-th is anchored `#p-n`), so both read them through this one function.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/** A block of a Markdown body as plain text. */
export interface TextBlock {
  kind: 'paragraph' | 'heading';
  text: string;
}

/** Characters that can make a line read as more (or less) than its own text. */
const INLINE_SPECIAL = /[\\&<>`*_[\]#\0\r]/;
/** Line starts that can open a block reaching past a blank line (lists, quotes, fences, HTML, definitions, breaks) or indented code. */
const BLOCK_START = /^(?:[-+*>`~<[_|=]|\d{1,9}[.)])/;

/**
 * The body's blocks as the Markdown parser reads them (paragraphs and
 * headings, as plain text), fast. Bodies are one-line blocks between blank
 * lines, most of them plain text: those are taken as they are, blocks with
 * a character Markdown may read are parsed one by one, and a body with any
 * block that could reach into another (a list, a quote, a fence, a line
 * break inside a block) is parsed whole, so the result is always the
 * parser's. With `untilParagraph`, stops after the first paragraph.
 */
export function markdownBlocks(markdown: string, untilParagraph = false): TextBlock[] {
  const chunks = markdown.split(/\n(?:[ \t]*\n)+/);
  const last = chunks.length - 1;
  if (chunks[last]?.endsWith('\n')) chunks[last] = chunks[last]!.slice(0, -1);
  const simple = chunks.every((c, i) => (c === '' && (i === 0 || i === last)) || (!c.includes('\n') && c === c.trim() && c !== '' && !BLOCK_START.test(c)));
  const parse = (text: string): TextBlock[] =>
    fromMarkdown(text).children.flatMap((node): TextBlock[] => (node.type === 'paragraph' || node.type === 'heading' ? [{ kind: node.type, text: toString(node) }] : []));
  if (!simple) {
    const all = parse(markdown);
    if (!untilParagraph) return all;
    const at = all.findIndex((b) => b.kind === 'paragraph');
    return at < 0 ? all : all.slice(0, at + 1);
  }
  const out: TextBlock[] = [];
  for (const chunk of chunks) {
    if (chunk === '') continue;
    const blocks = INLINE_SPECIAL.test(chunk) ? parse(chunk) : [{ kind: 'paragraph' as const, text: chunk }];
    for (const b of blocks) {
      out.push(b);
      if (untilParagraph && b.kind === 'paragraph') return out;
    }
  }
  return out;
}
