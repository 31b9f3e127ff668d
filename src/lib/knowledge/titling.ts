/**
 * Event titles that read as news. An event is titled by the best sentence
 * among its citations: declarative, in reporting voice, self-contained; not
 * a quotation, question, first-person remark or transcript chatter; no
 * leading byline, dateline, timestamp or "UPDATE:"; not starting mid-thought
 * ("And…", "But…"); at most about 30 words. What can go without changing the
 * meaning (a leading dateline or label, short parentheticals, a trailing
 * "officials said") is trimmed; no word is ever added, so every title is a
 * span of words its citation wrote.
 *
 * The rules follow the pitfalls the timeline-summarisation literature
 * reports for real news (quotes and first person chosen as titles, live-blog
 * timestamps, future-tense sentences: Ghalandari and Ifrim 2020, §6 and
 * Table 10) and the headline-cleaning rules of wire style guides.
 */

/** Why a sentence would make a poor title, worst first. */
export type TitleFlaw =
  /** A speaker label ("BLITZER:"), "(CROSSTALK)", "RUSH TRANSCRIPT": broadcast transcript chatter. */
  | 'transcript'
  /** Page furniture: a byline, a "|" separator, "Reply", a date stamp left at the start. */
  | 'furniture'
  /** A question. */
  | 'question'
  /** "I", "we", "you" outside quotation marks: a remark, not a report. */
  | 'first-person'
  /** It opens with, or mostly is, a quotation. */
  | 'quotation'
  /** It starts mid-thought ("And…", "But…", a lower-case word) or trails off ("…"). */
  | 'fragment'
  /** It opens with a word that points back to an earlier sentence ("It", "They", "This"). */
  | 'anaphoric'
  /** It speaks of what will or may happen. */
  | 'future'
  /** Over `MAX_TITLE_WORDS` words. */
  | 'long'
  /** Under `MIN_TITLE_WORDS` words: too little to say what happened. */
  | 'short';

/** Longest title, in words. */
export const MAX_TITLE_WORDS = 30;
/** Shortest title, in words. */
export const MIN_TITLE_WORDS = 5;

/** How much each flaw costs a candidate title; the lowest total wins. */
const FLAW_COST: Readonly<Record<TitleFlaw, number>> = {
  transcript: 8,
  furniture: 8,
  question: 6,
  'first-person': 6,
  quotation: 5,
  fragment: 5,
  anaphoric: 3,
  future: 2,
  long: 2,
  short: 3,
};

const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const CLOCK = '\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*(?:ET|EST|EDT|GMT|UTC|BST|CET|CEST|IST|PT|PST|PDT))?';

/** What may stand before a title and go: labels, timestamps, date stamps, wire datelines. Applied until none matches. */
const LEADING: readonly RegExp[] = [
  // A page's update stamp: "Page last updated at 10:39 GMT, Wednesday, 28 September 2011 11:39 UK", "Last updated at 06:28 Help".
  /^(?:page\s+)?last\s+updated\b(?:\s+at)?(?:\s+\d{1,2}[:.]\d{2})?(?:\s+(?:GMT|BST|UK|ET))?(?:,?\s+[A-Z][a-z]+day)?(?:,?\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?(?:\s+\d{1,2}[:.]\d{2}(?:\s+(?:GMT|BST|UK))?)?(?:\s+Help\b)?[\s,:-]*/i,
  // A list bullet or a dash left from a list: "- Rebels enter…", "* NATO said…".
  /^(?:[-–—*•·]+|\d{1,2}[.)])\s+/,
  // A live-blog entry stamp in brackets: "(4:31 p.m. Monday ET, 10:31 p.m. in Libya)".
  /^\([^()]{0,60}\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?[^()]{0,60}\)\s*/i,
  // "UPDATE:", "NEW:", "BREAKING:", "WATCH:", "EXCLUSIVE -".
  /^(?:UPDATED?|NEW|BREAKING(?:\s+NEWS)?|EXCLUSIVE|WATCH|VIDEO|LIVE|ANALYSIS|FACTBOX|TIMELINE|PHOTOS?)\s*[:\-–—|]\s*/i,
  // "9:00 am ET -", "5:29 pm IST".
  new RegExp(`^${CLOCK}\\s*[-–—:|]\\s*`, 'i'),
  // "Tue Mar 1, 2011 5:29 pm IST", "July 29, 2011 |", "February 24, 2011 04:18 pm".
  new RegExp(`^(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})(?:\\s*,?\\s*\\d{4})?(?:\\s+(?:at\\s+)?${CLOCK})*\\s*(?:[-–—:|]\\s*)?(?=\\S)`, 'i'),
  // "CAIRO, Egypt (CNN) --", "BERLIN, March 6 (Reuters) -", "ABIDJAN/DAKAR (Reuters) -".
  /^[A-Z][A-Z.'’/ -]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z]?[\w.]+){0,2})?\s*\([A-Z][\w .&-]{1,30}\)\s*[-–—]+\s*/,
  // "CAIRO, Egypt --", "TRIPOLI, Libya —": a place in capitals and a dash.
  /^[A-Z][A-Z.'’/ -]{2,40}(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?\s*[-–—]{1,2}\s+/,
];

/** A trailing attribution that can go: ", officials said", ", the ministry said on Monday", ", according to Reuters". */
const TRAILING_ATTRIBUTION =
  /,\s*(?:(?:he|she|they|it|officials?|police|witnesses|sources|(?:the\s+)?(?:[A-Z][\w.'’-]*|of|and|for)(?:\s+(?:[A-Z][\w.'’-]*|of|and|for|the)){0,5}|the\s+[a-z]+(?:\s+[a-z]+){0,3})\s+(?:said|says|told\s+[A-Z]?\w+|reported|added|announced|confirmed)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|late\s+\w+))?|according\s+to\s+[^,;]{2,60}?)\s*([.!]?)$/;

/** Parentheticals of a few words: "(AFP)", "(pictured)", "(the DEA)". */
const PARENTHETICAL = /\s*\((?:[^()]{1,60})\)(?=[\s,.;:!?]|$)/g;

/** Connectives that open a sentence continuing the one before. */
const MID_THOUGHT = /^(?:and|but|so|or|because|which|who|whom|then|also|yet|plus|still|nor|though|although|while|whereas|meanwhile|instead|otherwise|however|therefore|thus|besides|too)\b/i;

const ANAPHORIC = /^(?:this|that|these|those|it|its|it's|they|their|them|he|she|his|her|him|such|there)\b/i;

const FUTURE = /\b(?:will|won['’]t|shall|would|could|might|may)\b|['’]ll\b|\b(?:is|are)\s+(?:(?:expected|due|set|scheduled|slated|poised|going|planned|likely)\s+to)\b/i;

/** Quoted spans: “…”, "…", ``…'' (research corpora), ‘…’ when it spans several words. */
const QUOTED = /“[^”]*”?|"[^"]*"?|``.*?(?:''|$)|‘[^’]*\s[^’]*’/g;

/**
 * The sentence with what can go without changing its meaning taken off: a
 * leading label, timestamp, date stamp or dateline; short parentheticals; a
 * trailing attribution when what stays still has `MIN_TITLE_WORDS` words.
 * Every word left is the sentence's own, in order.
 */
export function trimTitle(sentence: string): string {
  let s = sentence.replace(/\s+/g, ' ').trim();
  for (let again = true; again; ) {
    again = false;
    for (const re of LEADING) {
      const m = re.exec(s);
      if (m && m[0].length > 0 && m[0].length < s.length) {
        s = s.slice(m[0].length).trimStart();
        again = true;
      }
    }
  }
  s = s.replace(/^\|\s*/, '');
  const bare = s.replace(PARENTHETICAL, '');
  if (words(bare) >= MIN_TITLE_WORDS) s = bare;
  const m = TRAILING_ATTRIBUTION.exec(s);
  if (m && !insideQuote(s, m.index)) {
    const kept = `${s.slice(0, m.index)}${m[1] ?? ''}`;
    if (words(kept) >= MIN_TITLE_WORDS) s = kept;
  }
  s = s.replace(/\s+([,.;:!?])/g, '$1').replace(/[\s,;:—–-]+$/, '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Every flaw the text has as a title, in `TitleFlaw` order. */
export function titleFlaws(text: string): TitleFlaw[] {
  const s = text.trim();
  const flaws = new Set<TitleFlaw>();
  if (/^[A-Z][A-Z.'’ -]{2,40}:\s/.test(s) || /\((?:CROSSTALK|LAUGHTER|APPLAUSE|BEGIN|END|COMMERCIAL|INAUDIBLE|UNINTELLIGIBLE)\b/i.test(s) || /RUSH TRANSCRIPT|THIS COPY MAY NOT|\bAired\b.*\bET\b/.test(s)) flaws.add('transcript');
  if (/^(?:By|From)\s+[A-Z]/.test(s) || /\b(?:Page last updated|Last updated at)\b/i.test(s) || /\s\|\s|^\||\bReply\b|\bPosted by\b|\bClick here\b|\bRead more\b|\bShare this\b/i.test(s) || /^\d{1,2}:\d{2}\b/.test(s) || /\b\d+\s+(?:hrs?|mins?|hours?|minutes?)\s+ago\b/i.test(s)) flaws.add('furniture');
  if (/\?\s*["”’']*\s*$/.test(s)) flaws.add('question');
  const unquoted = s.replace(QUOTED, ' ');
  // Case matters: "US" is the country, "us" the speaker.
  if (/\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e['’](?:re|ve|ll|d)|[Oo]ur|[Oo]urs|us|[Yy]ou|[Yy]our|[Yy]ours)\b/.test(unquoted)) flaws.add('first-person');
  const quoted = (s.match(QUOTED) ?? []).reduce((n, q) => n + q.length, 0);
  if (/^["“‘'`]/.test(s) || quoted > s.length / 2) flaws.add('quotation');
  // Mid-thought at the start, trailing off, a stutter, or ending on a word that needs what was cut ("set for", "the", "date is").
  const ending = /\b(?:for|to|of|on|in|at|by|from|with|until|since|before|after|during|than|the|a|an|and|or|but|as|that|is|are|was|were|be|been|will|would|has|have|had)\W*$/i;
  if (MID_THOUGHT.test(s) || /^[a-z]/.test(s) || /(?:…|\.\.\.|\s--)\s*$/.test(s) || /\b(\w+) -- \1\b/i.test(s) || ending.test(s)) flaws.add('fragment');
  if (ANAPHORIC.test(s)) flaws.add('anaphoric');
  if (FUTURE.test(unquoted)) flaws.add('future');
  const n = words(s);
  if (n > MAX_TITLE_WORDS) flaws.add('long');
  if (n < MIN_TITLE_WORDS) flaws.add('short');
  return [...flaws];
}

/** The cost of a title's flaws: 0 for a clean one; each word past `MAX_TITLE_WORDS` adds a little more. */
export function titleCost(text: string): number {
  const flaws = titleFlaws(text);
  const over = Math.max(0, words(text) - MAX_TITLE_WORDS);
  return flaws.reduce((sum, f) => sum + FLAW_COST[f], 0) + over / 10;
}

function words(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
}

/** True when position `i` of `s` stands inside an open quotation. */
function insideQuote(s: string, i: number): boolean {
  const before = s.slice(0, i);
  const opens = (before.match(/[“]/g) ?? []).length - (before.match(/[”]/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  return opens > 0 || straight;
}

/** One citation's offer of a title. */
export interface TitleOption {
  /** The sentence it stands in. */
  sentence: string;
  /** The words of the sentence that tell the event (the clause around its date), already cut. */
  clause: string;
  /** Its content words, to judge how central it is to the event. */
  tokens: ReadonlySet<string>;
  /** Extra cost the caller sets (a derived or bounding citation makes a worse title). */
  penalty: number;
}

/** How many citations a title is compared with to judge how central it is: enough to see the event's gist, bounded for events of thousands. */
const CENTRALITY_SAMPLE = 60;

/**
 * The best title among the citations: each offers its clause (the date's
 * words taken out, which the page shows beside it) and its whole sentence,
 * trimmed; the one with the lowest cost wins (flaws, then
 * the caller's penalty), then the most central (most content words shared
 * with the other citations, so a sentence about something else is not
 * chosen), then the earliest option. Returns the text and the option's index.
 */
export function chooseTitle(options: readonly TitleOption[]): { text: string; index: number } | undefined {
  const sample = options.slice(0, CENTRALITY_SAMPLE);
  let best: { text: string; index: number; cost: number; central: number } | undefined;
  options.forEach((o, index) => {
    let central = 0;
    for (const other of sample) {
      if (other === o) continue;
      let shared = 0;
      for (const t of o.tokens) if (other.tokens.has(t)) shared++;
      central += shared / Math.sqrt((o.tokens.size || 1) * (other.tokens.size || 1));
    }
    for (const text of [trimTitle(o.clause), trimTitle(o.sentence)]) {
      if (text === '') continue;
      const cost = titleCost(text) + o.penalty;
      if (best === undefined || cost < best.cost - 1e-9 || (Math.abs(cost - best.cost) <= 1e-9 && central > best.central + 1e-9)) best = { text, index, cost, central };
    }
  });
  return best && { text: best.text, index: best.index };
}
