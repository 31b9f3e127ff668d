/**
 * The article's run in a whole page saved as text. jusText's verdicts
 * (`block-classes.ts`) find the article's good blocks; the run is the span
 * from the first to the last of them, with the few blocks just before it
 * (headline, byline, dateline, standfirst, picture and caption stand there,
 * and are short, so jusText would call them furniture) and just after it
 * (a closing byline or an author's note). Everything outside is the page
 * around the article: menus, link lists, teasers, the footer.
 *
 * A scrape of the article alone has little or nothing outside its run, so
 * the run is only cut when the page around it is more than a stray line:
 * at least `MIN_OUTSIDE` blocks; and only when the run holds most of the
 * page's prose (else the verdicts missed the article).
 *
 * Pure and deterministic.
 */
import { classifyBlocks, LENGTH_LOW } from './block-classes.ts';
import type { Block } from './segment.ts';

/** The most blocks in a row that are not prose the run takes in before its first good block (headline, byline, dateline, standfirst, credit, caption); more in a row are a menu or a list of links. */
export const LEAD_BLOCKS = 6;
/** The most blocks in a row that are not prose the run takes in after its last good block (a closing byline, an author's note). */
export const TAIL_BLOCKS = 2;
/** The fewest blocks outside the run for it to be cut at all. */
export const MIN_OUTSIDE = 3;

/** Prose: a block long enough to hold a sentence (jusText's `LENGTH_LOW`) that ends like one. */
function isProse(text: string): boolean {
  return text.length >= LENGTH_LOW && /[.!?…]["”’)\]]?$/u.test(text);
}

/**
 * Indexes (into `blocks`) of the blocks among `alive` that stand outside the
 * article's run, in order; none when the page's language has no stop list,
 * when no block is good, or when fewer than `MIN_OUTSIDE` stand outside.
 * The run grows from the first and last good block through prose (which a
 * stop list may misjudge: a paragraph thick with names), and through at most
 * `LEAD_BLOCKS` (before) or `TAIL_BLOCKS` (after) other blocks in a row.
 */
export function outsideArticle(blocks: readonly Block[], alive: readonly number[]): number[] {
  const texts = alive.map((i) => blocks[i]!.text);
  const verdict = classifyBlocks(texts);
  if (verdict === undefined) return [];
  const good = verdict.classes.flatMap((c, k) => (c === 'good' ? [k] : []));
  const first = good[0];
  const last = good.at(-1);
  if (first === undefined || last === undefined) return [];
  const grow = (start: number, step: -1 | 1, allowed: number): number => {
    let edge = start;
    let others = 0;
    for (let k = start + step; k >= 0 && k < texts.length; k += step) {
      if (isProse(texts[k]!)) others = 0;
      else if (++others > allowed) break;
      if (others === 0) edge = k;
    }
    // Non-prose blocks right at the edge (headline, byline) stay with the run.
    let k = edge + step;
    for (let n = 0; n < allowed && k >= 0 && k < texts.length && !isProse(texts[k]!); n += 1, k += step) edge = k;
    return edge;
  };
  const from = grow(first, -1, LEAD_BLOCKS);
  const to = grow(last, 1, TAIL_BLOCKS);
  const outside = alive.filter((_, k) => k < from || k > to);
  // The article is most of the page's prose: a run that leaves more prose outside than it holds was not found.
  const prose = (ks: readonly number[]): number => ks.reduce((n, k) => n + (isProse(texts[k]!) ? texts[k]!.length : 0), 0);
  const inside = texts.map((_, k) => k).filter((k) => k >= from && k <= to);
  const outsideKs = texts.map((_, k) => k).filter((k) => k < from || k > to);
  return outside.length >= MIN_OUTSIDE && prose(inside) >= prose(outsideKs) ? outside : [];
}
