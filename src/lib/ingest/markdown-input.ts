/**
 * Already-clean Markdown seeds: YAML front matter for the facts, a Markdown
 * body for the text. The body's paragraphs, headings, list items and quotes
 * become blocks that go through the same cleaning stages as a text scrape;
 * the title leads them, so the headline stage finds it where it finds a
 * scrape's. Front matter is the page's own metadata (basis `page`).
 */
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { parseDocument, LineCounter, isMap, isScalar } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import type { HtmlExtraction, PageFact } from './html.ts';
import { normalizeLine, splitLines, unmarkLine } from './normalize.ts';
import type { Block } from './segment.ts';

const KEYS = {
  title: ['title', 'headline'],
  standfirst: ['description', 'summary', 'dek', 'subtitle', 'standfirst'],
  published: ['date', 'published', 'pubDate', 'publishDate', 'datePublished', 'published_at'],
  publisher: ['publisher', 'source', 'site', 'site_name', 'siteName'],
  url: ['url', 'canonical', 'canonical_url', 'canonicalURL', 'link', 'source_url'],
  byline: ['author', 'authors', 'byline'],
} as const;

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` from the front of an ISO-like value, as written (no time-zone shift). */
export function isoDatePrefix(value: string): string | undefined {
  return /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:$|[T ]\d)/.exec(value.trim())?.[1];
}

export function readMarkdown(text: string, file: string): HtmlExtraction {
  const messages: Diagnostic[] = [];
  const lines = splitLines(text);
  let bodyStart = 0;
  const fields = new Map<string, { value: string; line: number }>();
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close < 0) {
      messages.push({ file, line: 1, severity: 'error', code: 'SL120', message: 'the front matter opened on line 1 is never closed with ---' });
      return { blocks: [], messages };
    }
    bodyStart = close + 1;
    const counter = new LineCounter();
    const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter: counter, prettyErrors: false });
    for (const e of doc.errors) {
      messages.push({ file, line: counter.linePos(e.pos[0]).line + 1, severity: 'error', code: 'SL121', message: `the front matter is not valid YAML: ${e.message.split('\n')[0]}` });
    }
    if (doc.errors.length > 0) return { blocks: [], messages };
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const raw: unknown = isScalar(pair.value) ? pair.value.value : (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.();
        const value = Array.isArray(raw) ? raw.filter((v) => typeof v === 'string').join(', ') : raw;
        if (typeof value === 'string' || typeof value === 'number') {
          fields.set(String(pair.key.value), { value: String(value).trim(), line: counter.linePos(pair.key.range[0]).line + 1 });
        }
      }
    }
  }

  const field = (names: readonly string[]): { key: string; value: string; line: number } | undefined => {
    for (const key of names) {
      const f = fields.get(key);
      if (f && f.value !== '') return { key, ...f };
    }
    return undefined;
  };
  const fact = (f: { key: string; value: string; line: number }, value = f.value): PageFact<string> => ({
    value,
    evidence: { rule: `front-matter:${f.key}`, quote: f.value, line: f.line },
  });

  const blocks: Block[] = [];
  const title = field(KEYS.title);
  if (title) blocks.push({ text: normalizeLine(title.value), lines: [title.line, title.line] });
  const dek = field(KEYS.standfirst);
  if (dek) blocks.push({ text: normalizeLine(dek.value), lines: [dek.line, dek.line] });
  const description = dek ? fact(dek, normalizeLine(dek.value)) : undefined;

  const root: Root = fromMarkdown(lines.slice(bodyStart).join('\n'));
  const visit = (node: RootContent): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'html') {
      const raw = node.type === 'html' ? unmarkLine(node.value) : toString(node);
      const text = normalizeLine(raw.replace(/\s*\n\s*/g, ' '));
      const start = node.position?.start.line ?? 1;
      const end = node.position?.end.line ?? start;
      if (/[\p{L}\p{N}]/u.test(text)) blocks.push({ text, lines: [bodyStart + start, bodyStart + end], ...(node.type === 'heading' ? { hint: 'heading' as const } : {}) });
    } else if ('children' in node && node.type !== 'table') {
      for (const child of node.children) visit(child as RootContent);
    }
  };
  for (const node of root.children) visit(node);

  const result: HtmlExtraction = { blocks, messages };
  if (title) result.title = fact(title);
  if (description) result.description = description;
  const publisher = field(KEYS.publisher);
  if (publisher) result.publisher = fact(publisher);
  const url = field(KEYS.url);
  if (url && /^https?:\/\//i.test(url.value)) result.url = fact(url);
  const byline = field(KEYS.byline);
  if (byline) result.byline = fact(byline);
  const published = field(KEYS.published);
  if (published) {
    const date = isoDatePrefix(published.value);
    if (date) result.published = fact(published, date);
    else messages.push({ file, line: published.line, severity: 'warning', code: 'SL122', message: `the date "${published.value}" is not an ISO date (YYYY-MM-DD); it is not used` });
  }
  return result;
}
