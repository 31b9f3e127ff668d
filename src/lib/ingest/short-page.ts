/**
 * A short page is still an article. The cleaning stages judge blocks by
 * shape and place, and on a page of one to a few blocks those judgements eat
 * everything: a single sentence under no headline reads as a standfirst, a
 * lone word as a photo credit, two subheadings with pictures as headings
 * only, three short list items as a stack of button labels. When nothing is
 * left as a paragraph, those blocks are the body.
 *
 * What a rule removed for its wording ("Advertisement", "Share this
 * article", a comment form) stays removed: a page of nothing but widgets
 * has no article. The headline is the body only when it was guessed from
 * the text (no page title gave it) and reads as prose of two sentences or
 * more, which no headline does; a file holding only a headline still has no
 * article text.
 *
 * Pure and deterministic.
 */
import type { Kind } from './structure.ts';

/** Removals judged by a block's shape alone (short lines stacked), not by what it says. */
const SHAPE_RULES: ReadonlySet<string> = new Set(['button-labels']);

/** Kinds the structure stage gives by shape and place around a headline; on a page with no paragraph they are its text. */
const HEADER_KINDS: ReadonlySet<Kind> = new Set<Kind>(['standfirst', 'credit', 'caption', 'heading']);

/** What the pipeline decided for one block: a kind it keeps, or the rule that removed it. */
export type BlockFate = { kind: Kind } | { removed: string };

/** Where a sentence ends and another begins. */
const SENTENCE_BREAK = /[.!?…]["”’)\]]?\s+["“‘(]?\p{Lu}/u;

/** The headline as the pipeline found it: where it stands, its text, and whether the page's own title gave it. */
export interface FoundHeadline {
  index: number;
  text: string;
  fromPage: boolean;
}

/**
 * The blocks to read as paragraphs when `fates` leave no paragraph (an empty
 * list when one is left, or when nothing qualifies): those typed as header
 * furniture and those removed by shape-only rules, in order; failing those,
 * the headline when it reads as prose (see the module comment).
 */
export function shortPageBody(count: number, fates: ReadonlyMap<number, BlockFate>, headline: FoundHeadline | undefined): number[] {
  const kinds = [...fates.values()].flatMap((f) => ('kind' in f ? [f.kind] : []));
  if (kinds.includes('paragraph')) return [];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i === headline?.index) continue;
    const fate = fates.get(i);
    if (fate === undefined) continue;
    if ('kind' in fate ? HEADER_KINDS.has(fate.kind) : SHAPE_RULES.has(fate.removed)) out.push(i);
  }
  if (out.length === 0 && headline && !headline.fromPage && SENTENCE_BREAK.test(headline.text)) out.push(headline.index);
  return out;
}
