/**
 * The ingest pipeline: one seed's bytes (and its sidecar's text) in, one
 * validated content entry out, plus diagnostics. Pure: no file system, no
 * clock, no randomness, so the same input always gives byte-identical output.
 *
 * Stages, in order: decode → blocks (segment a text seed; extract a saved
 * page or a Markdown file) → boilerplate → headline → repeats → structure →
 * facts (publisher, agencies, date, URL) → temporal expressions → Markdown.
 *
 * Each fact comes from the strongest source that gives it: the editor's
 * sidecar, then the page's own metadata (HTML and Markdown seeds), then a
 * rule reading the text (basis `inferred`, quoting what it read); else it is
 * unknown.
 */
import { createHash } from 'node:crypto';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { articleSchema, precisionOf, type Article, type Evidence, type IngestReport, type Published, type Publisher, type Removal } from '../schema.ts';
import { decode } from './decode.ts';
import { segment, type Block } from './segment.ts';
import { findBoilerplate } from './boilerplate.ts';
import { findHeadline, headlineAt } from './headline.ts';
import { findRepeats } from './dedupe.ts';
import { classify, type Kind } from './structure.ts';
import { parseSidecar } from './sidecar.ts';
import { bodyToMarkdown, roundTripMismatches, writeContentFile, type BodyBlock } from './markdown.ts';
import { foldKey, words } from './normalize.ts';
import { assignSlugs, slugify } from './slug.ts';
import { extractHtml, type HtmlExtraction } from './html.ts';
import { readMarkdown } from './markdown-input.ts';
import { findPublisher } from './publisher.ts';
import { findAgencies } from './agencies.ts';
import { extractTemporal, inferPublished, type DateBlock } from './dates.ts';

/** Bumped whenever a change to the pipeline may change its output. */
export const PIPELINE_VERSION = 2;

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

const FORMATS: Record<string, Article['source']['format']> = { txt: 'txt', text: 'txt', html: 'html', htm: 'html', md: 'md', markdown: 'md' };

export function ingestSeed(input: SeedInput): SeedResult {
  const messages: Diagnostic[] = [];
  const result = (extra: Partial<SeedResult> = {}): SeedResult => ({ input, messages, ...extra });
  const ext = input.path.split('.').pop()?.toLowerCase() ?? '';
  const format = FORMATS[ext];
  if (!format) {
    messages.push({ file: input.file, severity: 'warning', code: 'SL101', message: `".${ext}" files are not read; use .txt, .html or .md` });
    return result();
  }

  const sidecar = input.sidecar ? parseSidecar(input.sidecar.text, input.sidecar.file) : undefined;
  if (sidecar) messages.push(...sidecar.messages);
  if (sidecar && !sidecar.sidecar) return result();

  const decoded = decode(input.bytes, input.file);
  messages.push(...decoded.messages);
  if (decoded.text === undefined) return result();
  const text = decoded.text;
  const page: HtmlExtraction | undefined =
    format === 'html' ? extractHtml(text, input.file) : format === 'md' ? readMarkdown(text, input.file) : undefined;
  if (page) messages.push(...page.messages);
  if (page?.messages.some((m) => m.severity === 'error')) return result();
  const blocks = page ? page.blocks : segment(text);

  const fates = new Map<number, Fate>();
  for (const hit of findBoilerplate(blocks)) fates.set(hit.index, { removed: hit.rule });
  const alive = (): number[] => blocks.map((_, i) => i).filter((i) => !fates.has(i));

  // A page's own title, which the page extraction puts first, is its headline.
  const headline = page?.title && blocks.length > 0 ? headlineAt(blocks, alive(), 0) : findHeadline(blocks, alive());
  if (headline) for (const i of headline.occurrences) if (i !== headline.index) fates.set(i, { removed: 'repeated-headline' });
  for (const i of findRepeats(blocks, alive())) fates.set(i, { removed: 'repeated-block' });
  for (const [i, kind] of classify(blocks, alive(), headline?.index)) if (i !== headline?.index) fates.set(i, { kind });
  // A line near the top that repeats the page's own summary is its standfirst, however it reads.
  if (page?.description) {
    const summary = foldKey(page.description.value);
    const kept = blocks.map((_, i) => i).filter((i) => kindOf(fates.get(i)) !== undefined || i === headline?.index);
    for (const i of kept.slice(0, 6)) {
      if (i !== headline?.index && summary !== '' && foldKey(blocks[i]!.text) === summary) fates.set(i, { kind: 'standfirst' });
    }
  }

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
  const kept = blocks.flatMap((b, i): DateBlock[] => {
    const kind = i === headline?.index ? undefined : kindOf(fates.get(i));
    return kind && kind !== 'byline' ? [{ text: b.text, lines: b.lines, kind }] : [];
  });

  let publisher: Publisher = { basis: 'unknown' };
  if (facts.publisher) publisher = { name: facts.publisher, basis: 'editor', evidence: sidecarEvidence('publisher') };
  else if (page?.publisher) publisher = { name: page.publisher.value, basis: 'page', evidence: page.publisher.evidence };
  else {
    const guess = findPublisher(blocks);
    if (guess) publisher = { name: guess.name, basis: 'inferred', evidence: guess.evidence };
  }

  let published: Published;
  if (facts.published) published = { date: facts.published, precision: precisionOf(facts.published), basis: 'editor', evidence: sidecarEvidence('published') };
  else if (page?.published) published = { date: page.published.value, precision: precisionOf(page.published.value), basis: 'page', evidence: page.published.evidence };
  else {
    const inferred = inferPublished(kept, input.file);
    messages.push(...inferred.messages);
    published = inferred.published;
  }

  const url = facts.url
    ? { href: facts.url, basis: 'editor' as const, evidence: sidecarEvidence('url') }
    : page?.url
      ? { href: page.url.value, basis: 'page' as const, evidence: page.url.evidence }
      : undefined;

  const bodyDateBlocks: DateBlock[] = body.map((b, k) => ({ text: b.text, lines: blocks[bodyIndexes[k]!]!.lines, kind: b.kind }));
  const credits = blocks.filter((_, i) => i !== headline?.index && ['credit', 'caption'].includes(kindOf(fates.get(i)) ?? ''));

  const candidate = {
    headline: headlineText,
    headlineLines: (headline?.occurrences ?? []).map((i) => blocks[i]!.lines[0]),
    standfirst: of('standfirst').map(span),
    credits: of('credit').map(span),
    captions: of('caption').map(span),
    bylines: of('byline').map(span),
    datelines: of('dateline').map(span),
    agencies: findAgencies(bodyIndexes.map((i) => blocks[i]!), credits),
    publisher,
    published,
    ...(url ? { url } : {}),
    blocks: bodyIndexes.map((i) => blocks[i]!.lines),
    words: body.reduce((n, b) => n + words(b.text).length, 0),
    removed: removals(blocks, fates),
    temporal: extractTemporal(bodyDateBlocks, published),
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
  /** The entry file (relative to the output folder) each successful seed gave. */
  entries: Map<SeedResult, string>;
  messages: Diagnostic[];
}

/** Runs every seed and gives each entry its slug and file. */
export function ingestCorpus(inputs: readonly SeedInput[]): CorpusResult {
  const results = inputs.map(ingestSeed);
  const built = results.filter((r): r is SeedResult & { article: Article; body: string } => r.article !== undefined);
  const slugs = assignSlugs(built, (r) => slugify(r.article.headline), (r) => r.input.path);
  const entries = new Map<SeedResult, string>(built.map((r) => [r, `articles/${slugs.get(r)!}.md`]));
  const files = built
    .map((r) => ({ path: entries.get(r)!, content: writeContentFile(r.article, r.body) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, results, entries, messages: results.flatMap((r) => r.messages) };
}

/**
 * The ingest report for a run: every seed with its status, entry, removals and
 * messages, in seed path order, and `extra` messages about the corpus.
 */
export function buildReport(corpus: CorpusResult, extra: readonly Diagnostic[]): IngestReport {
  const seeds = [...corpus.results]
    .sort((a, b) => (a.input.path < b.input.path ? -1 : 1))
    .map((r) => {
      const entry = corpus.entries.get(r);
      const status: IngestReport['seeds'][number]['status'] = entry ? 'ok' : r.messages.some((m) => m.severity === 'error') ? 'failed' : 'skipped';
      return {
        path: r.input.path,
        status,
        ...(entry ? { entry } : {}),
        ...(r.article ? { headline: r.article.headline } : {}),
        removed: r.article?.removed ?? [],
        messages: sortDiagnostics(r.messages),
      };
    });
  const all = [...corpus.messages, ...extra];
  const removals: Record<string, number> = {};
  for (const seed of seeds) for (const r of seed.removed) removals[r.rule] = (removals[r.rule] ?? 0) + 1;
  return {
    pipelineVersion: PIPELINE_VERSION,
    totals: {
      seeds: seeds.length,
      entries: seeds.filter((s) => s.status === 'ok').length,
      failed: seeds.filter((s) => s.status === 'failed').length,
      skipped: seeds.filter((s) => s.status === 'skipped').length,
      errors: all.filter((m) => m.severity === 'error').length,
      warnings: all.filter((m) => m.severity === 'warning').length,
      removals: Object.fromEntries(Object.entries(removals).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    seeds,
    messages: sortDiagnostics(extra),
  };
}
