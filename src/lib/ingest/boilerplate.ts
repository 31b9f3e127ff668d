/**
 * Boilerplate: what a page wraps around an article, not the article. Each rule
 * is general (a shape of line any site might print), never a list of one
 * site's sentences, and errs towards keeping: a sentence of reporting that
 * merely contains a trigger word ("subscribers", "comment", "support") is
 * kept, because every rule also asks for the marks of an appeal or a widget:
 * a short line, a reader addressed as "you", an imperative, a button label.
 */
import type { Block } from './segment.ts';
import { words } from './normalize.ts';

export type BoilerplateRule =
  | 'comment-widget'
  | 'ad-label'
  | 'newsletter-prompt'
  | 'donation-appeal'
  | 'appeal-run'
  | 'button-labels'
  | 'related-links'
  | 'share-widget'
  | 'legal-line'
  | 'copyright-line'
  | 'navigation'
  | 'consent-widget'
  | 'promo-link'
  | 'edition-note';

export interface BoilerplateHit {
  index: number;
  rule: BoilerplateRule;
}

/** Lines written to the reader: "you", "your", or an imperative opening. */
const ADDRESSES_READER = /\b(you|your|you're|yours)\b/i;
const IMPERATIVE =
  /^(please\s+)?(sign up|subscribe|join|support|donate|give|help|register|log ?in|sign in|follow|share|read|click|tap|download|get|become|contribute|chip in|don't miss|never miss|stay (informed|updated|connected))\b/i;
const WE_OUR = /\b(we|our|us|we're|we've)\b/i;

const COMMENT_WIDGET = [
  /^(post|leave|add|write|submit|view|show|load|hide|see)( an?| your| the)? (comment|reply|response)s?\b/i,
  /^\d+\s+(comments?|replies|responses)\b/i,
  /^(no )?comments?(\s*\(\d+\))?:?$/i,
  /\byour email address will not be published\b/i,
  /\brequired fields are (marked|indicated)\b/i,
  /^(cancel reply|reply|reply to this comment|comments are closed\.?|be the first to comment\.?)$/i,
  /^(join|start) the (conversation|discussion)\b/i,
];

const RELATED = /^(read more|read next|continue reading|read the full (story|article)|see also|related( (articles?|stories|posts|news|coverage|topics))?|more (stories|news|from [\p{L} ]+)|you (may|might) also like|recommended( for you)?|trending( now)?|most (read|popular|viewed)|top stories|editor'?s picks?)\b/iu;
const SHARE = /^(share|share this( article| story| post)?|share on \w+|tweet|print|email|copy link|whatsapp|facebook|twitter|linkedin|telegram)(\s*[|/·•]\s*\w+)*:?$/i;
const LEGAL = /\b(privacy (policy|notice)|terms (of|and) (service|use|conditions)|all rights reserved|our standards|editorial (standards|guidelines|policy)|trust principles|corrections policy|ethics policy)\b/i;
/** A note on where the article also ran, not part of it: "A version of this article appears in print on …". */
const PRINT_NOTE = /^(a version of this (article|story) (appears|appeared|ran) in print\b|this (article|story) (appeared|appears) in (the )?print edition\b)/i;
const NAVIGATION = /^(skip to( the)? (main )?(content|navigation|main|search|footer)|(open |close |main |site )?(menu|navigation)|back to top|(search|sections?|all sections)|sign in|log in|my account)$/i;
/** A cookie or consent notice, or one of its buttons. */
const CONSENT = /\b(we use cookies|this (site|website) uses cookies|cookie (policy|settings|preferences|consent)|manage (cookies|consent|preferences)|consent to (the use of )?cookies)\b/i;
const CONSENT_BUTTON = /^(accept|reject|decline|allow|refuse)( all)?( cookies)?$|^(i agree|got it|manage (options|preferences|settings)|customi[sz]e|necessary only)$/i;
const COPYRIGHT = /^(©|\(c\)|copyright\b)/i;
const AD_WORD = /\b(ads?|advert\w*|sponsored|promoted|widget|paid (content|partnership))\b/i;
const NEWSLETTER = /\b(sign(ing)? up|subscribe|subscri(ption|bers?)|newsletters?|inbox|mailbox)\b/i;
const DONATION = /\b(donat(e|es|ion|ions)|contribut(e|ion|ions)|become a (member|patron|supporter)|chip in|make a gift|patreon|paypal|pay(ment|ing) methods?|paiment methods?)\b/i;
const SUPPORT = /^(please\s+)?support\b|\bsupport (us|our)\b|\bby supporting\b/i;
/** Reported speech or attribution: the marks of a sentence of reporting. */
const REPORTING = /^["“‘']|\b(said|says|told|according to|added|stated|reported|announced|wrote)\b/i;
/** Openings of a multi-paragraph appeal that runs to the end of the page. */
const APPEAL_OPENING = /^(a (message|note|word) from\b|dear (readers?|friends|subscribers|supporters)\b|support\b.*!$|before you go\b|we need your (help|support)\b|help us\b|why (we|you should) )/iu;

/** A row of three or more short links run together with separators: "Order Reprints | Today’s Paper | Subscribe". */
function isMenuRow(text: string): boolean {
  const parts = text.split(/\s+[|•·]\s+/);
  return parts.length >= 3 && parts.every((p) => words(p).length >= 1 && words(p).length <= 4 && !/[.!?]$/.test(p));
}

/** Chinese and Japanese script, written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Words in a text; a run of Chinese or Japanese characters counts one word per two characters (about their words' length), not one in all. */
function wordCount(text: string): number {
  return words(text).reduce((n, w) => n + (UNSPACED.test(w) ? Math.ceil([...w].length / 2) : 1), 0);
}

/** Each block's `wordCount`, with the text it was counted on, while the block lives: the rules ask it of one block up to a dozen times. */
const WORD_COUNTS = new WeakMap<Block, { text: string; count: number }>();

function isShort(block: Block, max: number): boolean {
  let known = WORD_COUNTS.get(block);
  if (known?.text !== block.text) {
    known = { text: block.text, count: wordCount(block.text) };
    WORD_COUNTS.set(block, known);
  }
  return known.count <= max;
}

/** Ends like a sentence of prose. */
function endsLikeSentence(text: string): boolean {
  return /[.!?…]["”’)\]]?$/.test(text);
}

/** One block, judged alone. */
export function classifyLine(block: Block): BoilerplateRule | undefined {
  const t = block.text;
  if (COMMENT_WIDGET.some((re) => re.test(t)) && isShort(block, 25)) return 'comment-widget';
  if (isShort(block, 6) && NAVIGATION.test(t)) return 'navigation';
  if (block.hint !== 'row' && isMenuRow(t)) return 'navigation';
  if (isShort(block, 45) && PRINT_NOTE.test(t)) return 'edition-note';
  if (isShort(block, 15) && /\bhttps?:\/\/\S+|\bwww\.\S+/i.test(t) && (IMPERATIVE.test(t) || ADDRESSES_READER.test(t))) return 'promo-link';
  if ((isShort(block, 40) && CONSENT.test(t)) || (isShort(block, 3) && CONSENT_BUTTON.test(t))) return 'consent-widget';
  if (isShort(block, 6) && !endsLikeSentence(t) && AD_WORD.test(t)) return 'ad-label';
  if (isShort(block, 8) && RELATED.test(t)) return 'related-links';
  if (isShort(block, 8) && SHARE.test(t)) return 'share-widget';
  if (isShort(block, 20) && COPYRIGHT.test(t)) return 'copyright-line';
  if (isShort(block, 20) && LEGAL.test(t)) return 'legal-line';
  if (!isShort(block, 45) || REPORTING.test(t)) return undefined;
  const toReader = ADDRESSES_READER.test(t) || IMPERATIVE.test(t);
  if (NEWSLETTER.test(t) && (toReader || /\bour\b/i.test(t))) return 'newsletter-prompt';
  if ((DONATION.test(t) || SUPPORT.test(t)) && (toReader || WE_OUR.test(t))) return 'donation-appeal';
  return undefined;
}

/** A line of the sort an appeal is made of: it speaks as "we" or to "you", or is a button. */
function isAppealLine(block: Block): boolean {
  const t = block.text;
  return ADDRESSES_READER.test(t) || WE_OUR.test(t) || IMPERATIVE.test(t) || DONATION.test(t) || isShort(block, 5);
}

/**
 * Finds boilerplate blocks. Single lines are judged alone; then three kinds
 * of run are found: an appeal that opens with a salutation or a "message
 * from" and holds nothing but appeal lines to the end of the page; a stack of
 * three or more button labels; and anything caught between boilerplate at the
 * end of the page that is itself a short label.
 */
export function findBoilerplate(blocks: readonly Block[]): BoilerplateHit[] {
  const rules = new Map<number, BoilerplateRule>();
  blocks.forEach((b, i) => {
    const rule = classifyLine(b);
    if (rule) rules.set(i, rule);
  });

  // Appeals that run to the end of the page.
  for (let i = 0; i < blocks.length; i++) {
    if (!APPEAL_OPENING.test(blocks[i]!.text) || !isShort(blocks[i]!, 12)) continue;
    const rest = blocks.slice(i + 1);
    if (rest.length > 0 && rest.every((b, k) => rules.has(i + 1 + k) || isAppealLine(b))) {
      for (let k = i; k < blocks.length; k++) if (!rules.has(k)) rules.set(k, 'appeal-run');
      break;
    }
  }

  // A "Most read" or "Related" label heads a list of other articles' headlines:
  // the unclosed, headline-length lines that follow it go with it. A single
  // such line followed by prose is more likely the article's next heading.
  for (let i = 0; i < blocks.length; i++) {
    if (rules.get(i) !== 'related-links') continue;
    let k = i + 1;
    while (k < blocks.length && !rules.has(k) && !endsLikeSentence(blocks[k]!.text) && isShort(blocks[k]!, 20)) k++;
    const closedByJunk = k === blocks.length || rules.has(k);
    if (k - i - 1 >= 2 || closedByJunk) for (let j = i + 1; j < k; j++) rules.set(j, 'related-links');
  }

  // Stacks of button labels: three or more one-to-three-word lines in a row.
  let start = 0;
  for (let i = 0; i <= blocks.length; i++) {
    // A page's own subheadings and table rows are what its markup says they are, however short.
    const label = i < blocks.length && isShort(blocks[i]!, 3) && !endsLikeSentence(blocks[i]!.text) && blocks[i]!.hint !== 'heading' && blocks[i]!.hint !== 'row';
    if (label) continue;
    // A stack of three or more unjudged labels goes whole; where fewer are
    // unjudged, only those between two other labels go (a headline right
    // after a cookie banner's buttons stays).
    if (i - start >= 3) {
      const open = Array.from({ length: i - start }, (_, k) => start + k).filter((k) => !rules.has(k));
      for (const k of open) if (open.length >= 3 || (k > start && k < i - 1)) rules.set(k, 'button-labels');
    }
    start = i + 1;
  }

  return [...rules.entries()].sort(([a], [b]) => a - b).map(([index, rule]) => ({ index, rule }));
}
