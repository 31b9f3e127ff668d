/**
 * The ingest pipeline: one seed's bytes (and its sidecar's text) in, one
 * validated content entry out, plus diagnostics. Pure: no file system, no
 * clock, no randomness, so the same input always gives byte-identical output.
 *
 * Stages, in order: decode → Penn Treebank tokenisation undone (research
 * corpora) → blocks (segment a text seed; extract a saved page or a Markdown
 * file) → boilerplate → headline → repeats → structure → facts (publisher,
 * agencies, date, URL) → temporal expressions → Markdown.
 *
 * Each fact comes from the strongest source that gives it: the editor's
 * sidecar, then the page's own metadata (HTML and Markdown seeds), then a
 * rule reading the text (basis `inferred`, quoting what it read); else it is
 * unknown.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.ts';
import { articleSchema, precisionOf, type Article, type Evidence, type IngestReport, type Published, type Publisher, type Removal } from '../schema.ts';
import { checkSize, decode } from './decode.ts';
import { stampContentFile } from './generated.ts';
import { segment, type Block } from './segment.ts';
import { detokenizePtbLine, normalizePtb, normalizePtbBlocks } from './ptb.ts';
import { findBoilerplate } from './boilerplate.ts';
import { outsideArticle } from './article-run.ts';
import { shortPageBody } from './short-page.ts';
import { dumpHeadline, findHeadline, headlineAt } from './headline.ts';
import { findRepeats } from './dedupe.ts';
import { classify, type Kind } from './structure.ts';
import { parseSidecar } from './sidecar.ts';
import { bodyToMarkdown, roundTripMismatches, type BodyBlock } from './markdown.ts';
import { foldKey, words } from './normalize.ts';
import { assignSlugs, slugify } from './slug.ts';
import { DuplicateCheck, assembleReport, reportRow } from './assembly.ts';
import { extractHtml, type HtmlExtraction } from './html.ts';
import { readMarkdown } from './markdown-input.ts';
import { findPublisher } from './publisher.ts';
import { findAgencies } from './agencies.ts';
import { extractTemporal, inferPublished, type DateBlock, type ExpressionCache } from './dates.ts';
import { dateNearHeadline } from './text-dates.ts';
import type { ArticleKnowledge } from '../knowledge/article-knowledge.ts';
import { imageCandidates, type ImageCandidate } from './lead-image-entry.ts';
import type { PageImage } from './lead-image.ts';

/** Bumped whenever a change to the pipeline may change its output. */
export const PIPELINE_VERSION = 4;

export interface SeedInput {
  /** Seed path relative to the seeds folder, forward slashes (recorded in front matter). */
  path: string;
  /** How messages name the file, e.g. `seeds/000_x.txt`. */
  file: string;
  bytes: Uint8Array;
  /**
   * The file's size, when the caller did not read it all: a file over
   * `MAX_SEED_BYTES` is refused on its size alone, so the CLI passes its size
   * and no bytes rather than loading it.
   */
  size?: number;
  /** The sidecar, as text or (from the CLI) as bytes, which are decoded like a seed's. */
  sidecar?: { path: string; file: string; text: string } | { path: string; file: string; bytes: Uint8Array; size?: number };
}

/** What the pipeline needs from outside that it cannot know itself. */
export interface IngestOptions {
  /**
   * The day the ingest runs, `YYYY-MM-DD`: a sidecar's publication date after
   * it is refused (SL204), and a saved page's date after it is not taken. The pipeline reads no clock, so the CLI passes it;
   * without it, dates are not checked against the calendar.
   */
  today?: string;
}

export interface SeedResult {
  input: SeedInput;
  /** The entry, when the seed gave one. */
  article?: Article;
  /** Markdown body of the entry. */
  body?: string;
  /** The body blocks the Markdown was written from: `body` reads back as exactly these. */
  bodyBlocks?: BodyBlock[];
  /** The whole content file (front matter with its stamp, then the body). */
  content?: string;
  /**
   * Files that may hold the entry's lead image, best first (`imageCandidates`): the pipeline reads no disk, so the
   * CLI opens them, and puts the first that is an image into the entry (`withLeadImage`). Absent when there are none.
   */
  imageCandidates?: ImageCandidate[];
  /** A saved page's lead image as the page names it (the first with a web address): what the collector fetches. */
  pageImage?: PageImage;
  /** Set when the seed is a copy of an earlier seed (same bytes, same sidecar), which alone gives the entry. */
  duplicateOf?: string;
  /** The knowledge layer's per-article steps over the entry, when the caller ran them with the pipeline (see `articleKnowledge`). */
  knowledge?: ArticleKnowledge;
  messages: Diagnostic[];
}

type Fate = { kind: Kind } | { removed: string };

/**
 * The most words an entry's clean body may hold. News articles run to a few
 * thousand words and the longest long-reads to about 30,000; a longer text
 * is a book, a dump or a file of something else. The limit also bounds the
 * time later stages take: the knowledge layer needs about 14 s for 100,000
 * words of prose, and grows faster than linearly on text with few sentence
 * ends (docs/robustness.md has the measurements).
 */
export const MAX_WORDS = 50_000;

/** What readers are told about a seed that came Penn-Treebank-tokenised (see `source.detokenized`). */
const PTB_NOTE =
  'The source text came tokenised as in the Penn Treebank (brackets written -LRB- and -RRB-, quotes as `` and \'\', words split as "do n\'t"); its spacing, brackets, quotes and escaped characters were restored before the article was read. No word was changed.';

const FORMATS: Record<string, Article['source']['format']> = { txt: 'txt', text: 'txt', html: 'html', htm: 'html', md: 'md', markdown: 'md' };

/**
 * One seed to one entry. Never throws for any input bytes (the property tests
 * in tests/unit/property.test.ts hold it to that); every problem is a message.
 */
export function ingestSeed(input: SeedInput, options: IngestOptions = {}): SeedResult {
  const messages: Diagnostic[] = [];
  const result = (extra: Partial<SeedResult> = {}): SeedResult => ({ input, messages, ...extra });
  const ext = input.path.includes('.') ? (input.path.split('.').pop()?.toLowerCase() ?? '') : '';
  const format = FORMATS[ext];
  if (!format) {
    messages.push({ file: input.file, severity: 'warning', code: 'SL101', message: ext === '' ? 'files with no extension are not read; use .txt, .html or .md' : `".${ext}" files are not read; use .txt, .html or .md` });
    return result();
  }
  const tooLarge = checkSize(input.size ?? input.bytes.length, input.file);
  if (tooLarge) {
    messages.push(tooLarge);
    return result();
  }

  let sidecar: ReturnType<typeof parseSidecar> | undefined;
  if (input.sidecar) {
    let sidecarText: string | undefined;
    if ('text' in input.sidecar) sidecarText = input.sidecar.text;
    else {
      const big = checkSize(input.sidecar.size ?? input.sidecar.bytes.length, input.sidecar.file);
      const decodedSidecar = big ? { text: undefined, messages: [big] } : decode(input.sidecar.bytes, input.sidecar.file);
      messages.push(...decodedSidecar.messages);
      sidecarText = decodedSidecar.text;
    }
    if (sidecarText === undefined) return result();
    sidecar = parseSidecar(sidecarText, input.sidecar.file, options.today);
    messages.push(...sidecar.messages);
    if (!sidecar.sidecar) return result();
  }

  const decoded = decode(input.bytes, input.file);
  messages.push(...decoded.messages);
  if (decoded.text === undefined) return result();
  const text = decoded.text;
  if (text.trim() === '') {
    messages.push({ file: input.file, severity: 'error', code: 'SL107', message: input.bytes.length === 0 ? 'the file is empty' : 'the file holds only white space' });
    return result();
  }
  // A page is parsed whole before its article is found, and parsing a page of tens of thousands of sibling
  // paragraphs takes time that grows with their square; one whose text alone is far over the limit is refused first.
  if (format === 'html') {
    const estimate = pageWordEstimate(text);
    if (estimate > MAX_WORDS * 2) {
      messages.push({
        file: input.file,
        severity: 'error',
        code: 'SL106',
        message: `the page holds about ${estimate.toLocaleString('en')} words of text; pages over ${(MAX_WORDS * 2).toLocaleString('en')} are not read (an article is under ${MAX_WORDS.toLocaleString('en')}): save the article's page alone`,
      });
      return result();
    }
  }
  const page: HtmlExtraction | undefined =
    format === 'html' ? extractHtml(text, input.file, options.today ? { today: options.today } : {}) : format === 'md' ? readMarkdown(text, input.file) : undefined;
  if (page) messages.push(...page.messages);
  if (page?.messages.some((m) => m.severity === 'error')) return result();
  // A research corpus's Penn-Treebank-tokenised text is put back into normal typography before any stage reads it.
  // It keeps its lines (a text seed's line ends stay where they were; a page's blocks keep their source lines),
  // so every line number below still points into the seed.
  const ptb = page ? normalizePtbBlocks(page.blocks) : normalizePtb(text);
  const blocks = 'blocks' in ptb ? ptb.blocks : segment(ptb.text);
  const pageDescription = page?.description && ptb.detected ? detokenizePtbLine(page.description.value) : page?.description?.value;

  const fates = new Map<number, Fate>();
  for (const hit of findBoilerplate(blocks)) fates.set(hit.index, { removed: hit.rule });
  const alive = (): number[] => blocks.map((_, i) => i).filter((i) => !fates.has(i));
  // A whole page saved as text keeps its article's run of blocks and what heads it; the menus, link lists and footer around it go.
  const outside = page === undefined && !ptb.detected ? outsideArticle(blocks, alive()) : [];
  for (const i of outside) fates.set(i, { removed: 'outside-article' });

  // A page's own title, which the page extraction puts first, is its headline.
  // A line repeated near the top is the headline wherever it stands; else a page dump's headline heads its article.
  const found = findHeadline(blocks, alive());
  const headline =
    page?.title && blocks.length > 0
      ? headlineAt(blocks, alive(), 0)
      : found?.rule !== 'repeated-line' && page === undefined && !ptb.detected
        ? (dumpHeadline(blocks, alive(), outside.length > 0) ?? found)
        : found;
  if (headline) for (const i of headline.occurrences) if (i !== headline.index) fates.set(i, { removed: 'repeated-headline' });
  for (const i of findRepeats(blocks, alive())) fates.set(i, { removed: 'repeated-block' });
  for (const [i, kind] of classify(blocks, alive(), headline?.index)) if (i !== headline?.index) fates.set(i, { kind });
  // A line near the top that repeats the page's own summary is its standfirst, however it reads.
  if (pageDescription !== undefined) {
    const summary = foldKey(pageDescription);
    const kept = blocks.map((_, i) => i).filter((i) => kindOf(fates.get(i)) !== undefined || i === headline?.index);
    for (const i of kept.slice(0, 6)) {
      if (i !== headline?.index && summary !== '' && foldKey(blocks[i]!.text) === summary) fates.set(i, { kind: 'standfirst' });
    }
  }

  // A page of one to a few blocks is still an article: what the shape rules took for furniture is its text.
  for (const i of shortPageBody(blocks.length, fates, headline && { index: headline.index, text: headline.text, fromPage: headline.rule === 'page-title' })) fates.set(i, { kind: 'paragraph' });

  const of = (kind: Kind): Block[] => blocks.filter((_, i) => i !== headline?.index && kindOf(fates.get(i)) === kind);
  const bodyIndexes = blocks.map((_, i) => i).filter((i) => ['paragraph', 'heading'].includes(kindOf(fates.get(i)) ?? ''));
  const body: BodyBlock[] = bodyIndexes.map((i) => ({ kind: kindOf(fates.get(i)) === 'heading' ? 'heading' : 'paragraph', text: blocks[i]!.text }));
  if (!body.some((b) => b.kind === 'paragraph')) {
    messages.push({ file: input.file, severity: 'error', code: 'SL104', message: 'no article text is left once the scrape is cleaned' });
    return result();
  }
  const wordCount = body.reduce((n, b) => n + words(b.text).length, 0);
  if (wordCount > MAX_WORDS) {
    messages.push({
      file: input.file,
      severity: 'error',
      code: 'SL106',
      message: `the clean text is ${wordCount.toLocaleString('en')} words; texts over ${MAX_WORDS.toLocaleString('en')} words are not read as one article (the longest long-reads run to about 30,000): check it is an article, or split it`,
    });
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
    // On a saved web page a wire dateline names the agency whose copy the site runs, not the site (syndication).
    if (guess && !(page !== undefined && guess.evidence.rule === 'wire-dateline')) publisher = { name: guess.name, basis: 'inferred', evidence: guess.evidence };
  }

  // The date rules read the body blocks twice (for the publication date, then every date): found once.
  const expressions: ExpressionCache = new Map();
  let published: Published;
  if (facts.published) published = { date: facts.published, precision: precisionOf(facts.published), basis: 'editor', evidence: sidecarEvidence('published') };
  else if (page?.published) published = { date: page.published.value, precision: precisionOf(page.published.value), basis: 'page', evidence: page.published.evidence };
  else {
    const inferred = inferPublished(kept, input.file, expressions);
    // A text's dateline or byline beside its headline (an HTML page's was read in its markup) outranks dates found
    // elsewhere in it; where both read the same day on the same line, the dateline's own reading (with its time) stands.
    const near = format === 'html' ? undefined : dateNearHeadline(blocks, headline ? [headline.index, ...headline.occurrences] : [], bodyIndexes.find((i) => kindOf(fates.get(i)) === 'paragraph'));
    if (near && (inferred.published.evidence?.line !== near.line || inferred.published.date !== near.date)) {
      published = { date: near.date, precision: 'day', basis: 'inferred', evidence: { rule: 'text:near-headline', quote: near.quote, line: near.line, note: near.note } };
    } else {
      messages.push(...inferred.messages);
      published = inferred.published;
    }
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
    words: wordCount,
    removed: removals(blocks, fates),
    temporal: extractTemporal(bodyDateBlocks, published, expressions),
    source: {
      path: input.path,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      format,
      encoding: decoded.encoding,
      lines: text === '' ? 0 : text.split(/\r\n|\r|\n/).length,
      ...(ptb.detected && ptb.lines.length > 0 ? { detokenized: { rule: 'penn-treebank' as const, lines: ptb.lines, note: PTB_NOTE } } : {}),
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
  const stamped = stampContentFile(parsed.data, markdown);
  const images = imageCandidates({
    seedPath: input.path,
    seedFile: input.file,
    headline: headlineText,
    ...(input.sidecar && sidecar?.sidecar ? { sidecar: { path: input.sidecar.path, file: input.sidecar.file, image: sidecar.sidecar.image, line: sidecar.lines.image } } : {}),
    ...(page?.images ? { pageImages: page.images } : {}),
  });
  messages.push(...images.messages);
  const pageImage = page?.images?.find((i) => i.url !== undefined);
  return result({
    article: stamped.article,
    body: markdown,
    bodyBlocks: body,
    content: stamped.content,
    ...(images.candidates.length > 0 ? { imageCandidates: images.candidates } : {}),
    ...(pageImage ? { pageImage } : {}),
  });
}

/**
 * Words in a page's text, roughly: the text between tags, skipping comments
 * and what scripts, styles and templates hold. One pass with indexOf, so it
 * stays linear whatever the page (no regex that could backtrack).
 */
function pageWordEstimate(html: string): number {
  const lower = html.toLowerCase();
  let n = 0;
  const count = (from: number, to: number): void => {
    const re = /[\p{L}\p{N}]+/gu;
    const part = html.slice(from, to);
    while (re.exec(part)) n++;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    count(i, lt < 0 ? html.length : lt);
    if (lt < 0) break;
    const raw = /^<(script|style|template)\b/.exec(lower.slice(lt, lt + 10))?.[1];
    let next: number;
    if (raw) next = lower.indexOf(`</${raw}`, lt + 1);
    else if (html.startsWith('<!--', lt)) next = html.indexOf('-->', lt + 4);
    else next = html.indexOf('>', lt + 1);
    i = next < 0 ? html.length : next + 1;
  }
  return n;
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

/**
 * Runs every seed and gives each entry its slug and file. A seed the
 * pipeline fails on unexpectedly (a bug) is reported as SL903 and the others
 * still go through. Seeds are compared in path order: a byte-identical copy
 * of an earlier seed with the same sidecar gives no second entry (SL405);
 * a different file whose clean text is the same as an earlier seed's keeps
 * its entry, with a warning (SL406), since two outlets may run one wire story.
 */
export function ingestCorpus(inputs: readonly SeedInput[], options: IngestOptions = {}): CorpusResult {
  return assembleCorpus(inputs.map((input) => ingestSeedSafely(input, options)));
}

/**
 * The second half of `ingestCorpus`, for a caller that runs the seeds itself
 * (the CLI yields to the event loop between seeds: jsdom's windows are only
 * freed then, so a synchronous run over thousands of pages would hold them all).
 */
export function assembleCorpus(seedResults: readonly SeedResult[]): CorpusResult {
  // Copies, so that flagging duplicates leaves the caller's results as they were.
  const results = seedResults.map((r) => ({ ...r, messages: [...r.messages] })).sort((a, b) => (a.input.path < b.input.path ? -1 : a.input.path > b.input.path ? 1 : 0));
  markDuplicates(results);
  const built = results.filter((r): r is SeedResult & { article: Article; body: string; content: string } => r.article !== undefined && r.content !== undefined);
  const slugs = assignSlugs(built, (r) => slugify(r.article.headline), (r) => r.input.path);
  const entries = new Map<SeedResult, string>(built.map((r) => [r, `articles/${slugs.get(r)!}.md`]));
  const files = built.map((r) => ({ path: entries.get(r)!, content: r.content })).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, results, entries, messages: results.flatMap((r) => r.messages) };
}

/**
 * What `ingestSeed` gives for a seed, less its input: the part a cache keeps.
 * Plain JSON (strings, numbers, arrays, objects), so it survives a round trip
 * through `JSON.stringify` unchanged.
 */
export type CachedSeedResult = Omit<SeedResult, 'input' | 'duplicateOf'>;

/**
 * A key that changes whenever `ingestSeed(input, options)` may give another
 * result: the seed's path and shown name (both are in the output), its bytes
 * (or, refused on size, its size), its sidecar, and the day (a sidecar's date
 * and a saved page's publication date are judged against it). `code` names the pipeline's code; the caller
 * passes a digest of it, since a pure function cannot read its own source.
 */
export function seedCacheKey(input: SeedInput, options: IngestOptions, code: string): string {
  const hash = createHash('sha256');
  const part = (value: string | Uint8Array): void => {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  };
  part(`${PIPELINE_VERSION}\n${code}`);
  part(input.path);
  part(input.file);
  part(input.size === undefined ? '' : String(input.size));
  part(input.bytes);
  const sidecar = input.sidecar;
  part(sidecar ? `${sidecar.path}\n${sidecar.file}\n${'size' in sidecar && sidecar.size !== undefined ? sidecar.size : ''}` : '');
  part(sidecar ? ('text' in sidecar ? sidecar.text : sidecar.bytes) : '');
  const ext = input.path.includes('.') ? (input.path.split('.').pop()?.toLowerCase() ?? '') : '';
  part(sidecar || FORMATS[ext] === 'html' ? (options.today ?? '') : '');
  return hash.digest('hex');
}

/** `ingestSeed`, with an unexpected exception turned into a message about the seed (SL903) instead of ending the run. */
export function ingestSeedSafely(input: SeedInput, options: IngestOptions = {}): SeedResult {
  try {
    return ingestSeed(input, options);
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      input,
      messages: [{ file: input.file, severity: 'error', code: 'SL903', message: `internal: the ingest failed on this file (${what.split('\n')[0]}); the other seeds were still ingested; please report it` }],
    };
  }
}

/** Flags copies among results in seed path order (see `ingestCorpus`). */
function markDuplicates(results: SeedResult[]): void {
  const check = new DuplicateCheck();
  for (const r of results) check.check(r);
}

/**
 * The ingest report for a run: every seed with its status, entry, removals and
 * messages, in seed path order, and `extra` messages about the corpus.
 */
export function buildReport(corpus: CorpusResult, extra: readonly Diagnostic[]): IngestReport {
  const rows = [...corpus.results].sort((a, b) => (a.input.path < b.input.path ? -1 : 1)).map((r) => reportRow(r, corpus.entries.get(r)));
  return assembleReport(rows, extra, PIPELINE_VERSION);
}
