/**
 * Scoring for `npm run eval:extraction -- --dataset DIR`: body overlap by word
 * shingles, and whether a headline, a date and a site name are right.
 *
 * Body: the text is cut into lower-cased word tokens (runs of letters and
 * digits), and each run of 4 consecutive tokens is a shingle. Precision,
 * recall and F1 are those of the two shingle *sets*, per page, as the
 * article-extraction benchmark (scrapinghub/article-extraction-benchmark)
 * scores them; pages are then averaged. A text of 1 to 3 tokens is one
 * shingle of all its tokens, so a very short reference is still comparable.
 * Two empty texts agree fully; an empty text against a non-empty one scores 0.
 *
 * Pure: no I/O, no clock.
 */
import { foldKey } from '../ingest/normalize.ts';

/** Precision, recall and their harmonic mean, each in [0, 1]. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** Shingle length the benchmark uses. */
export const SHINGLE_SIZE = 4;

/** Lower-cased runs of letters and digits, in order. */
export function wordTokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The set of `size`-token shingles of `text` (one shingle of all tokens when there are fewer than `size`). */
export function shingles(text: string, size = SHINGLE_SIZE): Set<string> {
  const tokens = wordTokens(text);
  const out = new Set<string>();
  if (tokens.length === 0) return out;
  if (tokens.length < size) {
    out.add(tokens.join(' '));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(' '));
  return out;
}

/** F1 of a precision and a recall; 0 when both are 0. */
export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Shingle-set precision, recall and F1 of `predicted` against `reference` (see the module comment for empty texts). */
export function bodyScores(predicted: string, reference: string, size = SHINGLE_SIZE): Scores {
  const got = shingles(predicted, size);
  const want = shingles(reference, size);
  if (got.size === 0 && want.size === 0) return { precision: 1, recall: 1, f1: 1 };
  if (got.size === 0 || want.size === 0) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const s of got) if (want.has(s)) overlap++;
  const precision = overlap / got.size;
  const recall = overlap / want.size;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Mean of per-page scores (F1 is the mean of the pages' F1, not the F1 of the means); all 0 for no pages. */
export function meanScores(pages: readonly Scores[]): Scores {
  if (pages.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const sum = (pick: (s: Scores) => number): number => pages.reduce((acc, s) => acc + pick(s), 0) / pages.length;
  return { precision: sum((s) => s.precision), recall: sum((s) => s.recall), f1: sum((s) => s.f1) };
}

/** A headline folded for comparison: Unicode-normalised, lower case, no quotes of any kind, white space collapsed. */
export function headlineKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["'`\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\u2032\u2033]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether two headlines are the same up to case, quotes and white space (never for an empty one). */
export function sameHeadline(got: string | undefined, want: string | undefined): boolean {
  if (got === undefined || want === undefined) return false;
  const a = headlineKey(got);
  return a !== '' && a === headlineKey(want);
}

/**
 * What separates a page title's headline from its site or section name, for
 * `sameHeadlineFair`: a spaced bar, hyphen, en or em dash, middle dot,
 * bullet, guillemet or at sign; a double colon; an underscore; or the space
 * before a closing bracketed name ("… [Site]"). A colon is not one: "Title:
 * subtitle" is one headline.
 */
const SITE_SEPARATOR = /\s+[|\-–—·•»@]\s+|\s*::\s*|\s*_\s*|\s+(?=\[[^\]]+\]\s*$)/gu;

/**
 * Whether `got` is the reference headline `want`, either the same
 * (`sameHeadline`) or `want` with its site or section name cut off one end:
 * `want` read as segments between `SITE_SEPARATOR`s, and `got` the same as
 * the text before some separator, each segment cut off having no more words
 * than what is kept, or the text after one, each segment cut off having fewer
 * words (a site name leads a title less often than it ends one, so a tie
 * goes to the head: "Mozilla - Wikipedia" is right for "Mozilla" only).
 * Readability keeps a title's site segment ("How to Build a Terrarium |
 * eHow") where a reader that strips it gives the bare headline; both are the
 * page's headline. The word bound keeps a headline's own second half from
 * counting as a site name ("Minecraft 1.8 - The Bountiful Update" is not
 * right for "Minecraft 1.8").
 */
export function sameHeadlineFair(got: string | undefined, want: string | undefined): boolean {
  if (sameHeadline(got, want)) return true;
  if (got === undefined || want === undefined || headlineKey(got) === '') return false;
  const cuts = [...want.matchAll(SITE_SEPARATOR)].map((m) => [m.index, m.index + m[0].length] as const);
  const segments: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    segments.push(want.slice(from, start));
    from = end;
  }
  segments.push(want.slice(from));
  const size = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return cuts.some(([start, end], i) => {
    const head = want.slice(0, start);
    const tail = want.slice(end);
    return (
      (headlineKey(head) === headlineKey(got) && segments.slice(i + 1).every((s) => size(s) <= size(head))) ||
      (headlineKey(tail) === headlineKey(got) && segments.slice(0, i + 1).every((s) => size(s) < size(tail)))
    );
  });
}

/** Whether two site names are the same up to case, quotes, dashes and spacing (the ingest's own `foldKey`). */
export function sameSiteName(got: string | undefined, want: string | undefined): boolean {
  if (got === undefined || want === undefined) return false;
  const a = foldKey(got);
  return a !== '' && a === foldKey(want);
}

/** The calendar date `YYYY-MM-DD` a timestamp starts with, or undefined when it starts with none. */
export function calendarDate(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const head = value.trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(head) ? head : undefined;
}

/** Counts for a metadata field over pages that have a reference value. */
export interface FieldTally {
  /** Pages whose reference has a value. */
  reference: number;
  /** Of those, pages where the system gave a value. */
  given: number;
  /** Of those, pages where it was right. */
  right: number;
}

/** An empty tally. */
export function emptyTally(): FieldTally {
  return { reference: 0, given: 0, right: 0 };
}

/**
 * Adds one page to a tally. A page with no reference value is not counted at
 * all: whatever the system gave there can be neither confirmed nor refuted.
 */
export function addToTally(tally: FieldTally, want: string | undefined, got: string | undefined, right: boolean): void {
  if (want === undefined) return;
  tally.reference++;
  if (got !== undefined) tally.given++;
  if (got !== undefined && right) tally.right++;
}

/** Precision (right / given), recall (right / reference) and F1 of a tally; 0 where a denominator is 0. */
export function tallyScores(tally: FieldTally): Scores {
  const precision = tally.given === 0 ? 0 : tally.right / tally.given;
  const recall = tally.reference === 0 ? 0 : tally.right / tally.reference;
  return { precision, recall, f1: f1Of(precision, recall) };
}
