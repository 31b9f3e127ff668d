/**
 * The headline. Scrapes often print it twice or more (the page title, the
 * <h1>, a share card), in variants that differ only in quotes, apostrophes,
 * case or spacing. A line repeated near the top is the headline; failing
 * that, the first headline-shaped line near the top.
 */
import type { Block } from './segment.ts';
import { foldKey, hasTypographicQuotes, words } from './normalize.ts';
import { isByline, isDateline } from './structure.ts';

export interface Headline {
  /** Index of the block chosen to stand for the headline. */
  index: number;
  text: string;
  /** Indexes of every block that is this headline or a variant of it. */
  occurrences: number[];
  /** How it was found. */
  rule: 'repeated-line' | 'headline-shape' | 'page-title';
}

/** How far from the top a headline may stand, in surviving blocks. */
const WINDOW = 12;

/** Short enough, and not a sentence closed by a full stop. */
export function isHeadlineShaped(text: string): boolean {
  const n = words(text).length;
  return n >= 3 && n <= 30 && text.length <= 220 && !/[.,;:]$/.test(text);
}

/**
 * @param candidates indexes of the blocks still in play (boilerplate already out), in order
 */
export function findHeadline(blocks: readonly Block[], candidates: readonly number[]): Headline | undefined {
  const top = candidates.slice(0, WINDOW);
  const byKey = new Map<string, number[]>();
  for (const i of top) {
    const key = foldKey(blocks[i]!.text);
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  }
  for (const i of top) {
    const same = byKey.get(foldKey(blocks[i]!.text))!;
    if (same.length >= 2 && isHeadlineShaped(blocks[i]!.text)) {
      const best = same.find((k) => hasTypographicQuotes(blocks[k]!.text)) ?? same[0]!;
      return { index: best, text: blocks[best]!.text, occurrences: same, rule: 'repeated-line' };
    }
  }
  const first = top.slice(0, 3).find((i) => isHeadlineShaped(blocks[i]!.text)) ?? leadHeadline(blocks, top);
  if (first === undefined) return undefined;
  return { index: first, text: blocks[first]!.text, occurrences: [first], rule: 'headline-shape' };
}

/** Words a headline has at least when it stands among a page's menu items and labels. */
const LEAD_HEADLINE_WORDS = 4;

/**
 * The headline among the short lines that head a page's article (what is
 * left of a whole page saved as text: section labels, the headline, the
 * byline, the date): the headline-shaped line of at least
 * `LEAD_HEADLINE_WORDS` words with the most words, before the first
 * paragraph. Menu items and labels are shorter; a standfirst closes with a
 * full stop, so is no headline shape.
 */
function leadHeadline(blocks: readonly Block[], top: readonly number[]): number | undefined {
  const firstParagraph = top.findIndex((i) => /[.!?]["”’)]?$/.test(blocks[i]!.text) && words(blocks[i]!.text).length > 12);
  const lead = top.slice(0, firstParagraph === -1 ? top.length : firstParagraph);
  let best: number | undefined;
  for (const i of lead) {
    const n = words(blocks[i]!.text).length;
    if (n < LEAD_HEADLINE_WORDS || !isHeadlineShaped(blocks[i]!.text) || /^by\s/i.test(blocks[i]!.text)) continue;
    if (best === undefined || n > words(blocks[best]!.text).length) best = i;
  }
  return best;
}

/**
 * The headline a page's own metadata gives, standing at `index`, with every
 * variant of it among the candidates.
 */
export function headlineAt(blocks: readonly Block[], candidates: readonly number[], index: number): Headline {
  const key = foldKey(blocks[index]!.text);
  const occurrences = candidates.slice(0, WINDOW).filter((i) => i === index || foldKey(blocks[i]!.text) === key);
  return { index, text: blocks[index]!.text, occurrences: occurrences.includes(index) ? occurrences : [index, ...occurrences], rule: 'page-title' };
}

/** How many blocks before the article's first paragraph the headline of a page dump is looked for. */
export const DUMP_LEAD_WINDOW = 10;

/** The fewest lines before the article's first paragraph that make a text a whole page rather than an article with its headline, standfirst, byline and date. */
export const MIN_PAGE_HEADER = 5;

/** A photo caption or credit line: "Whale expert Hori Parata. Photograph: …", "(Bild: Hersteller)", "… Getty Images". */
const CAPTION_MARK = /\b(photo(graph)?s?|image|credit|getty|reuters|afp|bild|foto|caption)\b|\)$/i;

/** A reading-time label: "4 min read". */
const READING_TIME = /^\d+\s*(min|mins|minutes?)\s+read$/i;

/** A line with a date or time in it: a dateline, or a byline that gives the date. */
function hasDate(text: string): boolean {
  return words(text).length <= 25 && (isDateline(text) || /\b(19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b|\b\d+\s+(minutes?|hours?|days?)\s+ago\b/i.test(text));
}

/**
 * Whether a byline or a dated line comes within the lines `after` a
 * candidate, past only what stands between a headline and its byline: a
 * standfirst or a caption (a dozen words or more), a credit or a label (four
 * words at most). Another headline-shaped line in between means the byline
 * belongs to that one.
 */
function isPlaced(after: readonly string[]): boolean {
  for (const t of after) {
    if (isByline(t) || hasDate(t) || /^by\b/i.test(t)) return true;
    const n = words(t).length;
    if (n > 4 && n < 12 && !CAPTION_MARK.test(t)) return false;
  }
  return false;
}

/** The first paragraph of the article: a closed sentence of more than twelve words. */
function isFirstParagraph(text: string): boolean {
  return /[.!?]["”’)]?$/.test(text) && words(text).length > 12;
}

/**
 * The headline of a whole page saved as text, once the page around the
 * article is cut (`article-run.ts`): among the `DUMP_LEAD_WINDOW` blocks
 * before the article's first paragraph, the headline-shaped line that heads
 * what an article's header holds, by a score (as Readability and
 * trafilatura weigh title candidates, here from the text alone): a byline
 * or a dated line in the few lines after it (a headline is followed by its
 * byline, date or standfirst), a headline's length, and closeness to the
 * paragraph; a menu row, a breadcrumb trail, a cut-off teaser ("…"), a
 * caption or credit, a reading time, a line with a clock time, a byline or
 * a dateline is never the headline. Ties go to the earlier line (a headline
 * stands above its standfirst). Only a line a byline or date follows
 * qualifies, unless `cut` (the page around the article was cut off, so what
 * is left heads the article). Undefined when no line qualifies, or when the
 * first paragraph stands within `MIN_PAGE_HEADER` lines of the top (an
 * article scraped alone opens with its headline, which `findHeadline`
 * reads) or further down than `DUMP_LEAD_WINDOW`.
 */
export function dumpHeadline(blocks: readonly Block[], candidates: readonly number[], cut: boolean): Headline | undefined {
  const firstParagraph = candidates.findIndex((i) => isFirstParagraph(blocks[i]!.text));
  // A scrape of the article alone opens with its headline: only a page whose article stands below a header of the site's own lines is read this way.
  if (firstParagraph < MIN_PAGE_HEADER || firstParagraph > DUMP_LEAD_WINDOW) return undefined;
  const lead = candidates.slice(Math.max(0, firstParagraph - DUMP_LEAD_WINDOW), firstParagraph);
  let best: { index: number; score: number } | undefined;
  lead.forEach((i, k) => {
    const text = blocks[i]!.text;
    const n = words(text).length;
    if (n < 3 || !isHeadlineShaped(text) || isByline(text) || isDateline(text) || /^((posted|written|words|story|reporting) )?by\s/i.test(text)) return;
    if (/…$|\.\.\.$|\s[|>»]\s|\|/.test(text) || CAPTION_MARK.test(text) || READING_TIME.test(text)) return;
    if (/\b\d{1,2}:\d{2}\b/.test(text)) return;
    const placed = isPlaced(lead.slice(k + 1, k + 4).map((j) => blocks[j]!.text));
    let score = placed ? 3 : 0;
    if (n >= 5 && n <= 20) score += 2;
    else if (n >= 4) score += 1;
    if (n > 20) score -= 1;
    // A line a byline or date follows is placed wherever it stands; any other is likelier the nearer it stands to the paragraph.
    if (!placed) score -= 0.2 * (lead.length - 1 - k);
    if ((placed || cut) && (best === undefined || score > best.score)) best = { index: i, score };
  });
  if (best === undefined) return undefined;
  const key = foldKey(blocks[best.index]!.text);
  const occurrences = candidates.slice(0, firstParagraph + 1).filter((i) => foldKey(blocks[i]!.text) === key);
  return { index: best.index, text: blocks[best.index]!.text, occurrences, rule: 'headline-shape' };
}
