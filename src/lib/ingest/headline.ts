/**
 * The headline. Scrapes often print it twice or more (the page title, the
 * <h1>, a share card), in variants that differ only in quotes, apostrophes,
 * case or spacing. A line repeated near the top is the headline; failing
 * that, the first headline-shaped line near the top.
 */
import type { Block } from './segment.ts';
import { foldKey, hasTypographicQuotes, words } from './normalize.ts';

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
