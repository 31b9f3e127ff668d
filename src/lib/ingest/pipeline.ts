/**
 * The ingest pipeline: one seed's bytes (and its sidecar's text) in, one
 * validated content entry out, plus diagnostics. Pure: no file system, no
 * clock, no randomness, so the same input always gives byte-identical output.
 *
 * Stages, in order: decode → segment → boilerplate → headline → repeats →
 * structure → facts (publisher, date, URL) → Markdown.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.ts';
import { articleSchema, precisionOf, type Article, type Evidence, type Removal } from '../schema.ts';
import { decode } from './decode.ts';
import { segment, type Block } from './segment.ts';
import { findBoilerplate } from './boilerplate.ts';
import { findHeadline } from './headline.ts';
import { findRepeats } from './dedupe.ts';
import { classify, type Kind } from './structure.ts';
import { parseSidecar } from './sidecar.ts';
import { bodyToMarkdown, roundTripMismatches, writeContentFile, type BodyBlock } from './markdown.ts';
import { words } from './normalize.ts';
import { assignSlugs, slugify } from './slug.ts';

/** Bumped whenever a change to the pipeline may change its output. */
export const PIPELINE_VERSION = 1;

export interface SeedInput {
  /** Seed path relative to the seeds folder, forward slashes (recorded in front matter). */
  path: string;
  /** How messages name the file, e.g. `seeds/000_x.txt`. */
  file: string;
  bytes: Uint8Array;
  sidecar?: { path: string; file: string; text: string };
}

export interface SeedResult {
  input: SeedInput;
  /** The entry, when the seed gave one. */
  article?: Article;
  /** Markdown body of the entry. */
  body?: string;
  messages: Diagnostic[];
}

type Fate = { kind: Kind } | { removed: string };

const FORMATS: Record<string, Article['source']['format']> = { txt: 'txt', text: 'txt' };

export function ingestSeed(input: SeedInput): SeedResult {
  const messages: Diagnostic[] = [];
  const result = (extra: Partial<SeedResult> = {}): SeedResult => ({ input, messages, ...extra });
  const ext = input.path.split('.').pop()?.toLowerCase() ?? '';
  const format = FORMATS[ext];
  if (!format) {
    messages.push({ file: input.file, severity: 'warning', code: 'SL101', message: `".${ext}" files are not read; use .txt` });
    return result();
  }

  const sidecar = input.sidecar ? parseSidecar(input.sidecar.text, input.sidecar.file) : undefined;
  if (sidecar) messages.push(...sidecar.messages);
  if (sidecar && !sidecar.sidecar) return result();

  const decoded = decode(input.bytes, input.file);
  messages.push(...decoded.messages);
  if (decoded.text === undefined) return result();
  const text = decoded.text;
  const blocks = segment(text);

  const fates = new Map<number, Fate>();
  for (const hit of findBoilerplate(blocks)) fates.set(hit.index, { removed: hit.rule });
  const alive = (): number[] => blocks.map((_, i) => i).filter((i) => !fates.has(i));

  const headline = findHeadline(blocks, alive());
  if (headline) for (const i of headline.occurrences) if (i !== headline.index) fates.set(i, { removed: 'repeated-headline' });
  for (const i of findRepeats(blocks, alive())) fates.set(i, { removed: 'repeated-block' });
  for (const [i, kind] of classify(blocks, alive(), headline?.index)) if (i !== headline?.index) fates.set(i, { kind });

  const of = (kind: Kind): Block[] => blocks.filter((_, i) => i !== headline?.index && kindOf(fates.get(i)) === kind);
  const bodyIndexes = blocks.map((_, i) => i).filter((i) => ['paragraph', 'heading'].includes(kindOf(fates.get(i)) ?? ''));
  const body: BodyBlock[] = bodyIndexes.map((i) => ({ kind: kindOf(fates.get(i)) === 'heading' ? 'heading' : 'paragraph', text: blocks[i]!.text }));
  if (!body.some((b) => b.kind === 'paragraph')) {
    messages.push({ file: input.file, severity: 'error', code: 'SL104', message: 'no article text is left once the scrape is cleaned' });
    return result();
  }

  let headlineText = headline?.text;
  if (!headlineText) {
    headlineText = openingWords(body.find((b) => b.kind === 'paragraph')!.text);
    messages.push({ file: input.file, severity: 'warning', code: 'SL301', message: 'no headline line found; the opening words of the text stand in for it' });
  }

  const markdown = bodyToMarkdown(body);
  const mismatches = roundTripMismatches(markdown, body);
  if (mismatches.length > 0) {
    const line = blocks[bodyIndexes[mismatches[0]!] ?? 0]?.lines[0];
    messages.push({ file: input.file, ...(line ? { line } : {}), severity: 'error', code: 'SL901', message: 'internal: the Markdown written for this block does not read back as its text' });
    return result();
  }

  const facts = sidecar?.sidecar ?? {};
  const sidecarEvidence = (key: 'publisher' | 'published' | 'url'): Evidence => {
    const line = sidecar?.lines[key];
    return { rule: 'sidecar', ...(line ? { line } : {}) };
  };
  const span = (b: Block) => ({ text: b.text, lines: b.lines });

  const candidate = {
    headline: headlineText,
    headlineLines: (headline?.occurrences ?? []).map((i) => blocks[i]!.lines[0]),
    standfirst: of('standfirst').map(span),
    credits: of('credit').map(span),
    captions: of('caption').map(span),
    publisher: facts.publisher ? { name: facts.publisher, basis: 'editor', evidence: sidecarEvidence('publisher') } : { basis: 'unknown' },
    published: facts.published
      ? { date: facts.published, precision: precisionOf(facts.published), basis: 'editor', evidence: sidecarEvidence('published') }
      : { precision: 'unknown', basis: 'unknown' },
    ...(facts.url ? { url: { href: facts.url, basis: 'editor', evidence: sidecarEvidence('url') } } : {}),
    blocks: bodyIndexes.map((i) => blocks[i]!.lines),
    words: body.reduce((n, b) => n + words(b.text).length, 0),
    removed: removals(blocks, fates),
    source: {
      path: input.path,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      format,
      encoding: decoded.encoding,
      lines: text === '' ? 0 : text.split(/\r\n|\r|\n/).length,
      ...(input.sidecar ? { sidecar: input.sidecar.path } : {}),
      ...(facts.note ? { note: facts.note } : {}),
    },
  };
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    messages.push({ file: input.file, severity: 'error', code: 'SL902', message: `internal: the entry fails the schema at ${issue.path.join('.')}: ${issue.message}` });
    return result();
  }
  return result({ article: parsed.data, body: markdown });
}

function kindOf(fate: Fate | undefined): Kind | undefined {
  return fate && 'kind' in fate ? fate.kind : undefined;
}

/** Removed blocks, with neighbours removed by the same rule merged into one record. */
function removals(blocks: readonly Block[], fates: ReadonlyMap<number, Fate>): Removal[] {
  const out: Removal[] = [];
  let previous: { rule: string; index: number } | undefined;
  blocks.forEach((b, i) => {
    const fate = fates.get(i);
    if (!fate || !('removed' in fate)) {
      previous = undefined;
      return;
    }
    const last = out.at(-1);
    if (last && previous?.rule === fate.removed && previous.index === i - 1) {
      last.lines = [last.lines[0], b.lines[1]];
      last.text += `\n${b.text}`;
    } else {
      out.push({ rule: fate.removed, lines: [...b.lines], text: b.text });
    }
    previous = { rule: fate.removed, index: i };
  });
  return out;
}

/** The first sentence, cut to at most twelve words. */
function openingWords(text: string): string {
  const sentence = text.split(/(?<=[.!?])\s/)[0] ?? text;
  const ws = sentence.split(/\s+/);
  return ws.length <= 12 ? sentence.replace(/[.]$/, '') : `${ws.slice(0, 12).join(' ')}…`;
}

export interface OutputFile {
  /** Path relative to the output folder, e.g. `articles/<slug>.md`. */
  path: string;
  content: string;
}

export interface CorpusResult {
  files: OutputFile[];
  results: SeedResult[];
  messages: Diagnostic[];
}

/** Runs every seed and gives each entry its slug and file. */
export function ingestCorpus(inputs: readonly SeedInput[]): CorpusResult {
  const results = inputs.map(ingestSeed);
  const built = results.filter((r): r is SeedResult & { article: Article; body: string } => r.article !== undefined);
  const slugs = assignSlugs(built, (r) => slugify(r.article.headline), (r) => r.input.path);
  const files = built
    .map((r) => ({ path: `articles/${slugs.get(r)!}.md`, content: writeContentFile(r.article, r.body) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, results, messages: results.flatMap((r) => r.messages) };
}
