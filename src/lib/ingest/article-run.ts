/**
 * The article's run in a whole page saved as text. jusText's verdicts
 * (`block-classes.ts`) find the article's good blocks; the run is the span
 * from the first to the last good block of the page's densest stretch of
 * them (`mainSpan`: related stories, comments or a gallery set off by page
 * furniture are left out), with the few blocks just before it
 * (headline, byline, dateline, standfirst, picture and caption stand there,
 * and are short, so jusText would call them furniture) and just after it
 * (a closing byline or an author's note). Everything outside is the page
 * around the article: menus, link lists, teasers, the footer.
 *
 * A scrape of the article alone has little or nothing outside its run, so
 * the run is only cut when the page around it is more than a stray line:
 * at least `MIN_OUTSIDE` blocks; and only when the run holds a good share
 * of the page's prose (`MIN_PROSE_SHARE`; else the verdicts missed the
 * article).
 *
 * Pure and deterministic.
 */
import { classifyBlocks, LENGTH_LOW, type BlockClass } from './block-classes.ts';
import type { Block } from './segment.ts';
import { words } from './normalize.ts';

/** The most blocks in a row that are not prose the run takes in before its first good block (headline, byline, dateline, standfirst, credit, caption); more in a row are a menu or a list of links. */
export const LEAD_BLOCKS = 6;
/** The most blocks in a row that are not prose the run takes in after its last good block (a closing byline, an author's note). */
export const TAIL_BLOCKS = 2;
/** The most words a block that is not prose may hold for the run to take it in after its last good block. */
export const TAIL_WORDS = 40;
/** What a short block of page furniture between two stretches of good blocks costs, in characters of good text (see `mainSpan`). */
export const FURNITURE_COST = 200;
/** The least share of the page's prose (in characters) the run must hold; a run with less missed the article. */
export const MIN_PROSE_SHARE = 0.4;
/** The least score (see `mainSpan`) of a stretch of good blocks outside the densest for it to count as another part of the article: some five paragraphs of jusText's `length_high` net of their furniture; a teaser, a gallery caption or a ticker item under its headline scores far less. */
export const DENSE_STRETCH = 1000;
/** The least prose (in characters) the dense stretches must hold to be taken as the article without holding `MIN_PROSE_SHARE` of the page's prose: some 250 words. */
export const ARTICLE_PROSE = 1500;
/** The fewest blocks outside the run for it to be cut at all. */
export const MIN_OUTSIDE = 3;

/** Ends like a sentence, or like the clause that introduces a list or a piece of code ("It looks like this:"). */
function closesClause(text: string): boolean {
  return /[.!?…:]["”’)\]]?$/u.test(text);
}

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
  // Where the densest stretch is not most of the page's prose, the stretches about as dense (other parts of the article) join it; when together they hold an article's worth of prose, what lies outside them (a ticker, a gallery, teasers) is the page's, however much of it there is.
  const span = run(mainSpan(verdict.classes, alive, texts, blocks.length, 0), texts) ?? run(mainSpan(verdict.classes, alive, texts, blocks.length, DENSE_STRETCH), texts, 0, ARTICLE_PROSE);
  // Failing both (a short article under teasers that outweigh it), the run spans every good block.
  const whole = span ?? run(verdict.classes.flatMap((c, k) => (c === 'good' ? [k] : [])), texts);
  if (whole === undefined) return [];
  const outside = alive.filter((_, k) => k < whole.from || k > whole.to);
  return outside.length >= MIN_OUTSIDE ? outside : [];
}

/**
 * The run (indexes into `texts`) grown from the good blocks `good`, or
 * undefined when there are none, when it holds less than `least` characters
 * of prose, or when it holds less than `share` (by default `MIN_PROSE_SHARE`)
 * of the page's prose (the article is the bulk of it, so such a run missed it;
 * a page's teasers and comments may together outweigh a short article).
 */
function run(good: readonly number[], texts: readonly string[], share = MIN_PROSE_SHARE, least = 0): { from: number; to: number } | undefined {
  const first = good[0];
  const last = good.at(-1);
  if (first === undefined || last === undefined) return undefined;
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
    // After the article, only a short line (a closing byline, an author's note) is taken in: not a wall of names.
    for (let n = 0; n < allowed && k >= 0 && k < texts.length && !isProse(texts[k]!) && (step < 0 || words(texts[k]!).length <= TAIL_WORDS); n += 1, k += step) edge = k;
    return edge;
  };
  const from = grow(first, -1, LEAD_BLOCKS);
  const to = grow(last, 1, TAIL_BLOCKS);
  const prose = (inside: boolean): number => texts.reduce((n, t, k) => n + ((k >= from && k <= to) === inside && isProse(t) ? t.length : 0), 0);
  if (prose(true) < least) return undefined;
  return prose(true) >= share * (prose(true) + prose(false)) ? { from, to } : undefined;
}

/**
 * The good blocks (indexes into `alive`) of the page's densest stretch of
 * article text: the span of blocks whose score is the highest, where a good
 * block scores its length in characters, a short block that does not close
 * like a sentence or a clause (a menu item, a button, a teaser's headline, a
 * date) or a block already removed as boilerplate scores `-FURNITURE_COST`,
 * and anything else (prose a stop list misjudged, a short line of dialogue,
 * a line of code or a table row) scores nothing. This
 * is the maximum-subarray rule of Finn, Kushmerick and Smyth's Body Text
 * Extraction (2001), over jusText's verdicts instead of tags: a caption or a
 * pull quote between two parts of an article costs less than the parts are
 * worth, so a multi-part article stays whole, while a share bar or a list of
 * teasers between the article and the comments or a gallery cuts them off
 * unless what lies beyond is worth more. With `min` above 0, every other
 * stretch (found the same way among the blocks left on either side) scoring
 * at least `min` joins it, and the good blocks from the first to the last of
 * them are returned.
 */
function mainSpan(classes: readonly BlockClass[], alive: readonly number[], texts: readonly string[], blockCount: number, min: number): number[] {
  const position = new Map(alive.map((i, k) => [i, k]));
  const scores = Array.from({ length: blockCount }, (_, i) => {
    const k = position.get(i);
    const text = k === undefined ? '' : texts[k]!;
    return k === undefined || (text.length < LENGTH_LOW && !closesClause(text)) ? -FURNITURE_COST : classes[k] === 'good' ? text.length : 0;
  });
  const densest = (lo: number, hi: number): { from: number; to: number; sum: number } => {
    let best = { from: lo, to: lo - 1, sum: -Infinity };
    let sum = 0;
    let from = lo;
    for (let i = lo; i <= hi; i++) {
      if (sum <= 0) {
        sum = 0;
        from = i;
      }
      sum += scores[i]!;
      if (sum > best.sum) best = { from, to: i, sum };
    }
    return best;
  };
  const top = densest(0, blockCount - 1);
  let bestFrom = top.from;
  let bestTo = top.to;
  if (min > 0) {
    const more = (lo: number, hi: number): void => {
      if (hi < lo) return;
      const s = densest(lo, hi);
      if (s.sum < min) return;
      bestFrom = Math.min(bestFrom, s.from);
      bestTo = Math.max(bestTo, s.to);
      more(lo, s.from - 1);
      more(s.to + 1, hi);
    };
    more(0, top.from - 1);
    more(top.to + 1, blockCount - 1);
  }
  return alive.flatMap((i, k) => (i >= bestFrom && i <= bestTo && classes[k] === 'good' ? [k] : []));
}
