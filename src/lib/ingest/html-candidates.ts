/**
 * A second opinion on a saved page's article, and the choice between it and
 * Readability's. Readability scores paragraphs and takes the best-scoring
 * element with its siblings; where an article is split over boxes it scores
 * apart, it keeps only part of it. trafilatura (Barbaresi 2021, "Trafilatura:
 * A Web Scraping Library and Command-Line Tool for Text Discovery and
 * Extraction", `compare_extraction` in trafilatura/external.py) does not
 * trust one algorithm: it extracts in two ways and takes the other when the
 * first is much shorter.
 *
 * The second way here is the page's own article container
 * (`itemprop="articleBody"`, `<article>`, `<main>`, `role="main"`): the one
 * holding the most text outside links, with the parts its class or id names
 * as furniture (comments, sharing, related links, newsletters, …) and the
 * link-dense boxes (menus, link lists) pruned, as trafilatura prunes by its
 * boilerplate XPaths and link density. It is taken only when Readability's
 * text is short (under trafilatura's minimum extraction size) and the
 * container holds it and much more besides: a container that merely differs
 * (a teaser list, a comment thread) never replaces Readability's choice, and
 * next to a full-length article a container's surplus is mostly teasers
 * with their summaries, which no class name or link density gives away.
 *
 * Pure: reads the page's DOM, never changes it (the candidate is a copy).
 */

/** Elements a page marks as its article's container. */
export const ARTICLE_CONTAINERS = '[itemprop~="articleBody"], article, main, [role="main" i]';

/** Class or id words of page furniture inside an article box (trafilatura's and Readability's boilerplate markers). */
const FURNITURE =
  /(?:^|[-_\s])(?:comments?|comment-list|disqus|share|sharing|social|related|recirc|promo|newsletter|subscribe|subscription|sidebar|footer|nav|navigation|menu|breadcrumbs?|tags|advert|ads?|adslot|sponsored|recommended|popular|most-read|outbrain|taboola|paywall|signup|author-bio|byline-social)(?:$|[-_\s])/i;

/** Share of a box's text inside links above which it is a menu or a link list, not prose (trafilatura's link-density test). */
const LINK_DENSITY = 0.5;
/** Boxes with less text than this (characters) are judged on link density; longer ones are prose whatever they link. */
const SHORT_BOX = 400;
/** How much longer the container's text must be than Readability's for it to be taken (trafilatura's "twice as long", eased). */
const LONGER = 1.5;
/** Share of Readability's word 4-grams the container must hold: it extends Readability's article, it is not another text. */
const HOLDS = 0.8;
/**
 * Readability's text shorter than this (characters) is suspect (trafilatura's
 * `MIN_EXTRACTED_SIZE`); a longer one is kept, since a container much longer
 * than a full article mostly adds comments and teasers.
 */
const SHORT_EXTRACTION = 250;
/** Containers looked at, largest first: pages of teasers mark each teaser an <article>, and the article is among the largest. */
const MAX_CONTAINERS = 5;

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += textLength(a);
  return n;
}

function marked(el: Element): boolean {
  return FURNITURE.test(el.getAttribute('class') ?? '') || FURNITURE.test(el.id);
}

/** A copy of `el` with furniture-marked and link-dense boxes taken out. */
function pruned(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  for (const box of [...copy.querySelectorAll('*')]) {
    // A box inside one already taken out is gone with it.
    if (!copy.contains(box)) continue;
    if (marked(box) && box.localName !== 'p') {
      box.remove();
      continue;
    }
    if (['div', 'ul', 'ol', 'section', 'table', 'aside'].includes(box.localName)) {
      const total = textLength(box);
      if (total > 0 && total < SHORT_BOX && linkTextLength(box) / total > LINK_DENSITY) box.remove();
    }
  }
  return copy;
}

/**
 * The page's article container, pruned (see the module comment), or
 * undefined when the page marks none. Call before Readability changes the page.
 */
export function containerCandidate(doc: Document): Element | undefined {
  const all = [...doc.querySelectorAll(ARTICLE_CONTAINERS)].filter((el) => !marked(el));
  if (all.length === 0) return undefined;
  const top = all
    .map((el) => ({ el, size: textLength(el) }))
    .sort((a, b) => b.size - a.size)
    .slice(0, MAX_CONTAINERS)
    .map(({ el }) => {
      const copy = pruned(el);
      return { el, copy, prose: textLength(copy) - linkTextLength(copy) };
    });
  const best = top.reduce((a, b) => (b.prose > a.prose ? b : a));
  // The innermost container that holds nearly all of the best one's prose (the article body inside the <article>).
  const inner = top.filter((c) => c.el !== best.el && best.el.contains(c.el) && c.prose >= 0.9 * best.prose).sort((a, b) => a.prose - b.prose)[0];
  return (inner ?? best).copy;
}

function shingles(text: string): Set<string> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 4 <= tokens.length; i++) out.add(tokens.slice(i, i + 4).join(' '));
  return out;
}

/** Whether Readability's text is short enough to be compared with the container's at all. */
export function suspectExtraction(readability: string): boolean {
  return readability.replace(/\s+/g, '').length < SHORT_EXTRACTION;
}

/**
 * Whether the container's text (`container`) should replace Readability's
 * (`readability`): Readability found nothing, or the container holds its
 * text and is much longer (see the module comment).
 */
export function preferContainer(readability: string, container: string): boolean {
  const r = readability.replace(/\s+/g, '').length;
  const c = container.replace(/\s+/g, '').length;
  if (c === 0) return false;
  if (r === 0) return true;
  if (!suspectExtraction(readability) || c < LONGER * r) return false;
  const mine = shingles(readability);
  if (mine.size === 0) return true;
  const theirs = shingles(container);
  let held = 0;
  for (const s of mine) if (theirs.has(s)) held++;
  return held / mine.size >= HOLDS;
}
