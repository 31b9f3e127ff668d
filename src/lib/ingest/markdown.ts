/**
 * Writes content files: YAML front matter (through gray-matter, with the
 * `yaml` engine and every string quoted, so no YAML dialect can turn a date
 * or "no" into something else) and a Markdown body built as an mdast tree
 * and serialised by mdast-util-to-markdown, which escapes whatever in the
 * text would otherwise be read as Markdown or HTML. The body is parsed back
 * to check that every block reads as the plain text it was made from.
 */
import matter from 'gray-matter';
import { Document, isScalar, parse as parseYaml, visit } from 'yaml';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

export interface BodyBlock {
  kind: 'paragraph' | 'heading';
  text: string;
}

const yamlEngine = {
  parse: (s: string): object => (parseYaml(s) ?? {}) as object,
  stringify: (data: object): string => {
    const doc = new Document(data);
    // Lists of plain values (line ranges, line numbers) read best on one line.
    visit(doc, {
      Seq(_, node) {
        if (node.items.every((item) => isScalar(item))) node.flow = true;
      },
    });
    return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, flowCollectionPadding: false });
  },
};

/** gray-matter options that read and write front matter with the `yaml` package. */
export const matterOptions = { engines: { yaml: yamlEngine } };

export function bodyToMarkdown(blocks: readonly BodyBlock[]): string {
  const children: RootContent[] = blocks.map((b): Paragraph | Heading =>
    b.kind === 'heading'
      ? { type: 'heading', depth: 2, children: [{ type: 'text', value: b.text }] }
      : { type: 'paragraph', children: [{ type: 'text', value: b.text }] },
  );
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { bullet: '-', emphasis: '_', rule: '-' });
}

/** Blocks whose text does not survive a Markdown round trip (empty when all do). */
export function roundTripMismatches(markdown: string, blocks: readonly BodyBlock[]): number[] {
  const parsed = fromMarkdown(markdown).children;
  const bad: number[] = [];
  blocks.forEach((b, i) => {
    const node = parsed[i];
    const kindOk = node?.type === (b.kind === 'heading' ? 'heading' : 'paragraph');
    if (!node || !kindOk || toString(node) !== b.text) bad.push(i);
  });
  if (parsed.length !== blocks.length) bad.push(blocks.length);
  return bad;
}

/** The whole content file: front matter, then the body. */
export function writeContentFile(frontMatter: object, body: string): string {
  return matter.stringify(body, frontMatter, matterOptions);
}

/** Reads a content file written by `writeContentFile`. */
export function readContentFile(text: string): { data: Record<string, unknown>; body: string } {
  const parsed = matter(text, matterOptions);
  return { data: parsed.data, body: parsed.content };
}
