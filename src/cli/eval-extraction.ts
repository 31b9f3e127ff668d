/**
 * Extraction benchmark over tests/extraction/<case>/ (page.html + gold.json):
 * body text and metadata read by Mozilla Readability alone against what the
 * Storyline ingest makes of the same page.
 *
 *   node src/cli/eval-extraction.ts [--cases DIR]
 *
 * Body: token-level precision, recall and F1 (lower-cased runs of letters and
 * digits, compared as multisets) against the gold body. The gold body is what
 * a reader should read as the article: its paragraphs, internal subheadings,
 * list items and quoted paragraphs, in order. It leaves out the headline, the
 * standfirst (dek), captions and photo credits, bylines and datelines, and
 * every widget, appeal and label. Each side is scored on the text it hands its
 * users as the article body:
 * - Readability: `textContent` of its article, as its users get it (it
 *   includes whatever captions, deks and widgets Readability kept);
 * - Storyline: the entry's Markdown body (paragraphs and subheadings; the
 *   headline, standfirst, captions and credits are front matter, not body),
 *   read back to plain text so Markdown escapes do not count as words.
 *
 * Metadata: a publisher is right when it matches the gold name up to case,
 * quotes and spacing; a date when it is the gold calendar date. Readability's
 * `publishedTime` is cut to its first ten characters when it starts with
 * YYYY-MM-DD (the reading most generous to it).
 *
 * Until the pipeline reads .html seeds (it answers SL101), the Storyline side
 * runs the same stages on the extraction itself: extractHtml, then
 * boilerplate, headline, repeats and structure, keeping paragraphs and
 * headings. The output says which path was used.
 *
 * Always exits 0: it measures, it does not judge.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { findBoilerplate } from '../lib/ingest/boilerplate.ts';
import { findRepeats } from '../lib/ingest/dedupe.ts';
import { findHeadline } from '../lib/ingest/headline.ts';
import { extractHtml } from '../lib/ingest/html.ts';
import { foldKey } from '../lib/ingest/normalize.ts';
import { ingestSeed } from '../lib/ingest/pipeline.ts';
import { classify } from '../lib/ingest/structure.ts';

interface Gold {
  body: string[];
  publisher?: string;
  published?: string;
}

interface Side {
  body: string;
  publisher: string | undefined;
  published: string | undefined;
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
}

const { values } = parseArgs({ options: { cases: { type: 'string', default: 'tests/extraction' } } });
const dir = values.cases;

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function score(predicted: string, gold: string): Score {
  const want = new Map<string, number>();
  for (const t of tokens(gold)) want.set(t, (want.get(t) ?? 0) + 1);
  const got = tokens(predicted);
  let overlap = 0;
  for (const t of got) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      want.set(t, n - 1);
    }
  }
  const goldCount = tokens(gold).length;
  const precision = got.length === 0 ? 0 : overlap / got.length;
  const recall = goldCount === 0 ? 0 : overlap / goldCount;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function readabilityAlone(html: string): Side {
  const doc = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
  const article = new Readability(doc).parse();
  const time = article?.publishedTime ?? '';
  return {
    body: article?.textContent ?? '',
    publisher: article?.siteName ?? undefined,
    published: /^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : undefined,
  };
}

function storyline(html: string, file: string): Side & { path: 'pipeline' | 'stages' } {
  const result = ingestSeed({ path: 'page.html', file, bytes: new TextEncoder().encode(html) });
  if (!result.messages.some((m) => m.code === 'SL101')) {
    const tree = fromMarkdown(result.body ?? '');
    return {
      path: 'pipeline',
      body: tree.children.map((node) => toString(node)).join('\n'),
      publisher: result.article?.publisher.name,
      published: result.article?.published.date,
    };
  }
  const page = extractHtml(html, file);
  const blocks = page.blocks;
  const gone = new Set(findBoilerplate(blocks).map((hit) => hit.index));
  const alive = (): number[] => blocks.map((_, i) => i).filter((i) => !gone.has(i));
  const headline = findHeadline(blocks, alive());
  for (const i of headline?.occurrences ?? []) if (i !== headline?.index) gone.add(i);
  for (const i of findRepeats(blocks, alive())) gone.add(i);
  const kinds = classify(blocks, alive(), headline?.index);
  const body = alive().filter((i) => i !== headline?.index && ['paragraph', 'heading'].includes(kinds.get(i) ?? ''));
  return {
    path: 'stages',
    body: body.map((i) => blocks[i]!.text).join('\n'),
    publisher: page.publisher?.value,
    published: page.published?.value,
  };
}

const cases = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
if (cases.length === 0) {
  console.log(`no cases in ${dir}`);
  process.exit(0);
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
const mark = (got: string | undefined, want: string | undefined, same: (a: string, b: string) => boolean): { ok: boolean; text: string } => {
  const ok = got !== undefined && want !== undefined && same(got, want);
  return { ok, text: `${ok ? '✓' : '✗'} ${got ?? '—'}` };
};
const sameName = (a: string, b: string): boolean => foldKey(a) === foldKey(b);
const sameDate = (a: string, b: string): boolean => a === b;

const rows: string[][] = [];
const totals = { rF1: 0, oF1: 0, rPub: 0, oPub: 0, rDate: 0, oDate: 0 };
const paths = new Set<string>();
for (const name of cases) {
  const html = readFileSync(join(dir, name, 'page.html'), 'utf8');
  const gold = JSON.parse(readFileSync(join(dir, name, 'gold.json'), 'utf8')) as Gold;
  const goldText = gold.body.join('\n');
  const r = readabilityAlone(html);
  const o = storyline(html, join(dir, name, 'page.html'));
  paths.add(o.path);
  const rs = score(r.body, goldText);
  const os = score(o.body, goldText);
  const rPub = mark(r.publisher, gold.publisher, sameName);
  const oPub = mark(o.publisher, gold.publisher, sameName);
  const rDate = mark(r.published, gold.published, sameDate);
  const oDate = mark(o.published, gold.published, sameDate);
  totals.rF1 += rs.f1;
  totals.oF1 += os.f1;
  totals.rPub += Number(rPub.ok);
  totals.oPub += Number(oPub.ok);
  totals.rDate += Number(rDate.ok);
  totals.oDate += Number(oDate.ok);
  rows.push([
    name,
    `${pct(rs.precision)} ${pct(rs.recall)} ${pct(rs.f1)}`,
    `${pct(os.precision)} ${pct(os.recall)} ${pct(os.f1)}`,
    `${rPub.text} / ${oPub.text}`,
    `${rDate.text} / ${oDate.text}`,
  ]);
}

const header = ['case', 'Readability P     R    F1', 'Storyline P     R    F1', 'publisher: Readability / Storyline', 'published: Readability / Storyline'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
const n = cases.length;
console.log(`Storyline side: ${[...paths].map((p) => (p === 'pipeline' ? 'ingestSeed (full pipeline)' : 'extractHtml + boilerplate/headline/repeats/structure stages (the pipeline does not read .html yet)')).join('; ')}`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(row));
console.log('');
console.log(`mean body F1:      Readability ${pct(totals.rF1 / n)}   Storyline ${pct(totals.oF1 / n)}`);
console.log(`publisher correct: Readability ${totals.rPub}/${n}   Storyline ${totals.oPub}/${n}`);
console.log(`published correct: Readability ${totals.rDate}/${n}   Storyline ${totals.oDate}/${n}`);
