/**
 * One page of a folder laid out like `../shared/datasets/readability-pages`
 * (`source.html`, `expected.html`, `expected-metadata.json`) read four ways,
 * each scored against the reference, and the pages summed into one row per
 * way:
 *
 * - `html-storyline`: the ingest of `source.html` as an `.html` seed
 *   (`ingestSeed`, as `npm run ingest` runs it);
 * - `html-readability`: Mozilla Readability alone on `source.html`;
 * - `text-storyline`: the ingest of the page's text dump (`textDump`) as a
 *   `.txt` seed;
 * - `text-dump`: the dump itself taken as the body (the text path's anchor:
 *   what a reader of the raw scrape gets); it gives no metadata.
 *
 * The reference body is the text of `expected.html` (Readability's own
 * output, so `html-readability` is near 1 by construction and differs only
 * where the installed Readability differs from the one that wrote it). Each
 * body is read as lines the same way before scoring: the Storyline entry's
 * Markdown body read back to plain text, one block a line; Readability's
 * article HTML and the reference through `dumpLines`.
 *
 * Metadata, each only over pages whose reference has a value (see
 * `addToTally`): headline against `title`, strictly (`sameHeadline`) and
 * fairly (`sameHeadlineFair`: the reference may keep a site segment the
 * reader cut, "Title | Site"), the same rule for every reading; date against the
 * first ten characters of `publishedTime` (`calendarDate`), site name against
 * `siteName` (`sameSiteName`). When the page carries a date label
 * (`DatasetCase.dateLabel`, a human reading of the page's publication date),
 * the date is scored against the label instead and over every labelled page:
 * a date given on a page labelled null counts as given and wrong. Site-name
 * labels (`DatasetCase.siteLabel`) are scored the same way: a labelled page
 * is scored against the label (any of its accepted spellings) instead of the
 * reference's `siteName`, and a name given on a page labelled null counts as
 * given and wrong. A page fails when its reader throws, gives no
 * entry or article, or gives an empty body; a failed page scores 0 on the body
 * and gives no metadata.
 *
 * Pure: no file system, no clock (the caller passes `today`).
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { ingestSeed } from '../ingest/pipeline.ts';
import { textDump } from './extraction-dump.ts';
import {
  addToTally,
  bodyScores,
  calendarDate,
  emptyTally,
  meanScores,
  sameHeadline,
  sameHeadlineFair,
  sameSiteName,
  tallyScores,
  type FieldTally,
  type Scores,
} from './extraction-score.ts';

/** The reference metadata of one page (`expected-metadata.json`); only these fields are read. */
export interface ReferenceMetadata {
  title?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

/** One page of the dataset, as read from its folder. */
export interface DatasetCase {
  name: string;
  source: string;
  expected: string;
  metadata: ReferenceMetadata;
  /** The labelled publication date (`YYYY-MM-DD`), null when the page shows none; undefined when the page is not labelled. */
  dateLabel?: string | null;
  /** The labelled site name and its other accepted spellings (first is the label), null when the page names no site; undefined when not labelled. */
  siteLabel?: string[] | null;
}

/** A date-label file (`tests/eval-labels/<dataset>-dates.json`): one labelled date per case, with where it was read. */
export interface DateLabelFile {
  labels: { case: string; date: string | null; basis?: string }[];
}

/** The labels of a date-label file by case name; throws a message on a malformed file. */
export function dateLabels(file: DateLabelFile): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const label of file.labels ?? []) {
    if (typeof label.case !== 'string' || (label.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(label.date)))) {
      throw new Error(`date labels: bad entry ${JSON.stringify(label)}`);
    }
    out.set(label.case, label.date);
  }
  return out;
}

/** A site-label file (`tests/eval-labels/<dataset>-sites.json`): the site each labelled case names, other accepted spellings, and where it was read. */
export interface SiteLabelFile {
  labels: { case: string; site: string | null; also?: string[]; basis?: string }[];
}

/** The labels of a site-label file by case name (accepted spellings, label first); throws a message on a malformed file. */
export function siteLabels(file: SiteLabelFile): Map<string, string[] | null> {
  const out = new Map<string, string[] | null>();
  for (const label of file.labels ?? []) {
    const also = label.also ?? [];
    if (typeof label.case !== 'string' || (label.site !== null && (typeof label.site !== 'string' || label.site.trim() === '')) || !Array.isArray(also) || also.some((a) => typeof a !== 'string')) {
      throw new Error(`site labels: bad entry ${JSON.stringify(label)}`);
    }
    out.set(label.case, label.site === null ? null : [label.site, ...also]);
  }
  return out;
}

/** The four readings, in the order the table lists them. */
export const SYSTEMS = ['html-storyline', 'html-readability', 'text-storyline', 'text-dump'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** What the table calls each reading. */
export const SYSTEM_LABELS: Record<SystemName, string> = {
  'html-storyline': 'HTML path  Storyline',
  'html-readability': 'HTML path  Readability',
  'text-storyline': 'text path  Storyline',
  'text-dump': 'text path  raw dump',
};

/** What one reading of a page gave. */
export interface SystemOutput {
  failed: boolean;
  /** Why it failed (an error message or diagnostic codes). */
  reason?: string;
  body: string;
  headline?: string;
  /** `YYYY-MM-DD`, or a coarser date when that is all the reader gave. */
  published?: string;
  siteName?: string;
  /** The lead image's address and the rule that found it (`lead-image.ts`), when the reading finds one. */
  image?: { url: string; rule: string };
}

/** One reading of one page, scored. */
export interface SystemResult {
  failed: boolean;
  reason?: string;
  body: Scores;
  /** Undefined where the reading gives no metadata or the reference has none. */
  headlineRight?: boolean;
  /** Right up to a site segment the reference kept or cut (`sameHeadlineFair`). */
  headlineRightFair?: boolean;
  dateRight?: boolean;
  siteNameRight?: boolean;
  headline?: string;
  published?: string;
  siteName?: string;
}

/** One page, all four readings. */
export interface CaseResult {
  case: string;
  /** `dateLabelled`: `published` is a date label (absent when the label is null), scored over every labelled page. */
  /** `siteLabelled`: `siteName` is a site label (absent when null), `siteAlso` its other accepted spellings, scored over every labelled page. */
  reference: { title?: string; published?: string; siteName?: string; siteAlso?: string[]; words: number; dateLabelled?: boolean; siteLabelled?: boolean };
  systems: Record<SystemName, SystemResult>;
  /** Whether the page declares a share image (`og:image`, `twitter:image`), and the lead image the HTML path found. */
  image: { declared: boolean; url?: string; rule?: string };
}

/** One row of the table: a reading summed over pages. */
export interface SummaryRow {
  system: SystemName;
  pages: number;
  failed: number;
  /** Mean over all pages, failed ones counting 0. */
  body: Scores;
  /** Null for the raw dump, which gives no metadata. */
  /** `right` and `accuracy` strict (`sameHeadline`); `fairRight` and `fairAccuracy` by `sameHeadlineFair`. */
  headline: (FieldTally & { accuracy: number; fairRight: number; fairAccuracy: number }) | null;
  date: (FieldTally & Scores) | null;
  siteName: (FieldTally & Scores) | null;
}

/** Plain text of a Markdown body, one top-level block a line. */
export function markdownText(markdown: string): string {
  return fromMarkdown(markdown)
    .children.map((node) => toString(node))
    .join('\n');
}

/** Lines of an HTML fragment or page, read as the dump reads a page. */
export function htmlText(html: string): string {
  return textDump(html).join('\n');
}

function storyline(path: string, file: string, text: string, today: string): SystemOutput {
  try {
    const result = ingestSeed({ path, file, bytes: new TextEncoder().encode(text) }, { today });
    const codes = result.messages.filter((m) => m.severity === 'error').map((m) => m.code);
    if (!result.article || result.body === undefined) return { failed: true, reason: codes.join(', ') || 'no entry', body: '' };
    const body = markdownText(result.body);
    const out: SystemOutput = { failed: body.trim() === '', body, headline: result.article.headline };
    if (out.failed) out.reason = 'empty body';
    if (result.article.published.date !== undefined) out.published = result.article.published.date;
    if (result.article.publisher.name !== undefined) out.siteName = result.article.publisher.name;
    if (result.pageImage?.url !== undefined) out.image = { url: result.pageImage.url, rule: result.pageImage.evidence.rule };
    return out;
  } catch (error) {
    return { failed: true, reason: `threw: ${(error as Error).message}`, body: '' };
  }
}

function readability(source: string): SystemOutput {
  const dom = new JSDOM(source, { virtualConsole: new VirtualConsole() });
  try {
    const article = new Readability(dom.window.document).parse();
    if (!article) return { failed: true, reason: 'no article', body: '' };
    const body = htmlText(article.content ?? '');
    const out: SystemOutput = { failed: body.trim() === '', body };
    if (out.failed) out.reason = 'empty body';
    if (article.title) out.headline = article.title;
    const date = calendarDate(article.publishedTime);
    if (date !== undefined) out.published = date;
    if (article.siteName) out.siteName = article.siteName;
    return out;
  } catch (error) {
    return { failed: true, reason: `threw: ${(error as Error).message}`, body: '' };
  } finally {
    dom.window.close();
  }
}

const given = (value: string | null | undefined): string | undefined => (value === null || value === undefined || value.trim() === '' ? undefined : value);

function score(output: SystemOutput, referenceBody: string, reference: CaseResult['reference'], metadata: boolean): SystemResult {
  const result: SystemResult = { failed: output.failed, body: output.failed ? { precision: 0, recall: 0, f1: 0 } : bodyScores(output.body, referenceBody) };
  if (output.reason !== undefined) result.reason = output.reason;
  if (!metadata) return result;
  if (output.headline !== undefined) result.headline = output.headline;
  if (output.published !== undefined) result.published = output.published;
  if (output.siteName !== undefined) result.siteName = output.siteName;
  if (reference.title !== undefined) {
    result.headlineRight = sameHeadline(output.headline, reference.title);
    result.headlineRightFair = sameHeadlineFair(output.headline, reference.title);
  }
  if (reference.published !== undefined || reference.dateLabelled === true) result.dateRight = output.published !== undefined && output.published === reference.published;
  if (reference.siteName !== undefined || reference.siteLabelled === true) {
    result.siteNameRight = [reference.siteName, ...(reference.siteAlso ?? [])].some((name) => sameSiteName(output.siteName, name));
  }
  return result;
}

/** Reads one page the four ways and scores each (see the module comment). */
export function evaluateCase(page: DatasetCase, today: string): CaseResult {
  const referenceBody = htmlText(page.expected);
  const reference: CaseResult['reference'] = { words: referenceBody.split(/\s+/).filter(Boolean).length };
  const title = given(page.metadata.title);
  const published = page.dateLabel !== undefined ? (page.dateLabel ?? undefined) : calendarDate(given(page.metadata.publishedTime));
  if (page.dateLabel !== undefined) reference.dateLabelled = true;
  const siteName = page.siteLabel !== undefined ? page.siteLabel?.[0] : given(page.metadata.siteName);
  if (page.siteLabel !== undefined) reference.siteLabelled = true;
  if (page.siteLabel && page.siteLabel.length > 1) reference.siteAlso = page.siteLabel.slice(1);
  if (title !== undefined) reference.title = title;
  if (published !== undefined) reference.published = published;
  if (siteName !== undefined) reference.siteName = siteName;

  const dump = textDump(page.source).join('\n');
  const outputs: Record<SystemName, SystemOutput> = {
    'html-storyline': storyline('page.html', `${page.name}/source.html`, page.source, today),
    'html-readability': readability(page.source),
    'text-storyline': storyline('page.txt', `${page.name}/source.txt`, dump, today),
    'text-dump': dump.trim() === '' ? { failed: true, reason: 'empty dump', body: '' } : { failed: false, body: dump },
  };
  const systems = {} as Record<SystemName, SystemResult>;
  for (const system of SYSTEMS) systems[system] = score(outputs[system], referenceBody, reference, system !== 'text-dump');
  const found = outputs['html-storyline'].image;
  const image: CaseResult['image'] = { declared: SHARE_IMAGE.test(page.source), ...(found ? { url: found.url, rule: found.rule } : {}) };
  return { case: page.name, reference, systems, image };
}

/** A `<meta>` naming a share image. */
const SHARE_IMAGE = /<meta\b[^>]*\b(?:property|name)\s*=\s*["']?(?:og:image|twitter:image)\b/i;

/** How often the HTML path finds a lead image: on the pages that declare a share image, and on the others (their first figure or picture). */
export function imageLine(cases: readonly CaseResult[]): string {
  const declared = cases.filter((c) => c.image.declared);
  const others = cases.filter((c) => !c.image.declared);
  const found = (list: readonly CaseResult[]): number => list.filter((c) => c.image.url !== undefined).length;
  return `lead image: found on ${found(declared)} of the ${declared.length} pages that declare og:image or twitter:image, and on ${found(others)} of the ${others.length} others (their first figure or picture)`;
}

/** Adds one labelled page (date or site name): every page counts where a date is given, only dated labels count as references. */
function addLabelledDate(tally: FieldTally, want: string | undefined, got: string | undefined, right: boolean): void {
  if (want !== undefined) tally.reference++;
  if (got !== undefined) tally.given++;
  if (got !== undefined && right) tally.right++;
}

/** Sums the pages into one row per reading. */
export function summarise(cases: readonly CaseResult[]): SummaryRow[] {
  return SYSTEMS.map((system) => {
    const results = cases.map((c) => c.systems[system]);
    const headline = emptyTally();
    const fairHeadline = emptyTally();
    const date = emptyTally();
    const siteName = emptyTally();
    cases.forEach((c, i) => {
      const r = results[i]!;
      addToTally(headline, c.reference.title, r.headline, r.headlineRight === true);
      addToTally(fairHeadline, c.reference.title, r.headline, r.headlineRightFair === true);
      if (c.reference.dateLabelled === true) addLabelledDate(date, c.reference.published, r.published, r.dateRight === true);
      else addToTally(date, c.reference.published, r.published, r.dateRight === true);
      if (c.reference.siteLabelled === true) addLabelledDate(siteName, c.reference.siteName, r.siteName, r.siteNameRight === true);
      else addToTally(siteName, c.reference.siteName, r.siteName, r.siteNameRight === true);
    });
    const metadata = system !== 'text-dump';
    const withScores = (t: FieldTally): FieldTally & Scores => ({ ...t, ...tallyScores(t) });
    return {
      system,
      pages: cases.length,
      failed: results.filter((r) => r.failed).length,
      body: meanScores(results.map((r) => r.body)),
      headline: metadata
        ? {
            ...headline,
            accuracy: headline.reference === 0 ? 0 : headline.right / headline.reference,
            fairRight: fairHeadline.right,
            fairAccuracy: fairHeadline.reference === 0 ? 0 : fairHeadline.right / fairHeadline.reference,
          }
        : null,
      date: metadata ? withScores(date) : null,
      siteName: metadata ? withScores(siteName) : null,
    };
  });
}

const pct = (x: number): string => (x * 100).toFixed(1);

/** The summary as a fixed-width text table, with a legend line under it. */
export function formatTable(rows: readonly SummaryRow[]): string {
  const header = ['reading', 'pages', 'failed', 'body P / R / F1', 'headline fair (strict)', 'date P / R / F1 (right/given/ref)', 'site name P / R / F1 (right/given/ref)'];
  const field = (t: (FieldTally & Scores) | null): string =>
    t === null ? '—' : `${pct(t.precision)} / ${pct(t.recall)} / ${pct(t.f1)} (${t.right}/${t.given}/${t.reference})`;
  const cells = rows.map((r) => [
    SYSTEM_LABELS[r.system],
    String(r.pages),
    String(r.failed),
    `${pct(r.body.precision)} / ${pct(r.body.recall)} / ${pct(r.body.f1)}`,
    r.headline === null ? '—' : `${pct(r.headline.fairAccuracy)} (${r.headline.fairRight}/${r.headline.reference}) [${pct(r.headline.accuracy)}]`,
    field(r.date),
    field(r.siteName),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ');
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...cells.map(line),
    '',
    'body: 4-gram word-shingle sets against the text of expected.html, per page, averaged (failed pages count 0).',
    'headline: right / pages with a title, fair = up to a site segment one side kept ("Title | Site" vs "Title"), [strict] = same text;',
    'date and site name: only pages whose reference has one (ref), P = right/given, R = right/ref;',
    'with date labels, ref = pages labelled with a date, and a date given on a page labelled none counts as given and wrong;',
    'with site labels, the same over labelled pages (the others against the reference).',
  ].join('\n');
}
