/**
 * Penn Treebank tokenisation, undone. Research corpora (Timeline17 and its
 * kind) ship news text as the Stanford/NLTK tokenisers leave it: every token
 * apart (`Jackson 's`, `do n't`, `Berlin , March 6 .`), brackets as
 * `-LRB-`/`-RRB-` (`-LSB-`/`-RSB-`, `-LCB-`/`-RCB-`), double quotes as
 * `` `` `` … `''`, single quotes as `` ` `` … `'`, `/` and `*` escaped as `\/`
 * and `\*`, `$ 5`, and the pound sign as `#` (`# 48,000`). Every later stage
 * reads sentences, dates and quotes as typed, so a text in that form is put
 * back into normal typography first, and a text that is not is left exactly
 * as it is.
 *
 * Detection asks for two kinds of evidence, so no normal article is taken
 * for PTB: most of its commas and full stops stand apart from the word before
 * them (" , " / " ."), which no edited prose does, and at least one mark that
 * only a tokeniser writes (a `-LRB-` token, a `` `` `` token, a split clitic
 * such as " n't" or " 's"). Spacing alone counts only when it is
 * overwhelming (90 % of ten or more). An article that quotes code, or uses
 * `` `` `` once, or leaves a stray " 's", or writes " -- " dashes, has its
 * punctuation set close and is never detected.
 *
 * Detokenising works token by token on each line, as the Moses detokeniser
 * (detokenizer.perl) and NLTK's TreebankWordDetokenizer do: it decides, for
 * each gap between two tokens, whether the space stays, following their
 * rules (closing punctuation, closing brackets, closing quotes and clitics
 * join the token before; opening brackets, opening quotes and currency signs
 * join the token after; the PTB bracket and escape tokens become their
 * characters; NLTK's CONTRACTIONS2 splits such as `can not` and `gon na`
 * are rejoined). Quotes come out typographic (“ ” ‘ ’), as most of the
 * shipped seeds write them: PTB says which way each quote faces, so nothing
 * is guessed, and the apostrophe and the closing single quote are the one
 * character ’, so a plural possessive (`players '`) and a closing quote
 * need not be told apart. Every other character is kept: words are never
 * changed, only the spaces between tokens and the PTB escapes. The line
 * structure is kept exactly (line ends included), so line numbers still
 * point into the seed.
 */

/** What the detector counted in a text. */
export interface PtbEvidence {
  /** Commas, full stops, question and exclamation marks that end a token before a space or a line end (runs such as `...` and `?!` count once, after a digit not at all). */
  punctuation: number;
  /** How many of them stand apart, with a space before them. */
  spaced: number;
  /** `-LRB-`, `-RRB-`, `-LSB-`, `-RSB-`, `-LCB-`, `-RCB-` tokens. */
  brackets: number;
  /** `` `` `` tokens. */
  openQuotes: number;
  /** `''` tokens. */
  closeQuotes: number;
  /** " n't" split from its verb (`do n't`). */
  negations: number;
  /** " 's", " 're", " 've", " 'm", " 'll", " 'd" split from their word. */
  clitics: number;
  /** The score the decision is made on (see `isPtbTokenized`). */
  score: number;
}

/** The outcome of `normalizePtb`. */
export interface PtbResult {
  /** The text, detokenised when it was PTB, else exactly as given. */
  text: string;
  /** Whether the text was taken for PTB-tokenised. */
  detected: boolean;
  /** 1-based first and last line of each run of lines whose text was changed. */
  lines: [number, number][];
  evidence: PtbEvidence;
}

const BRACKETS = new Map([
  ['-LRB-', '('],
  ['-RRB-', ')'],
  ['-LSB-', '['],
  ['-RSB-', ']'],
  ['-LCB-', '{'],
  ['-RCB-', '}'],
]);
const OPENING = new Set(['(', '[', '{', '“', '‘']);
/** Clitics the PTB tokeniser splits off the word before (NLTK's ENDING_QUOTES contractions). */
const CLITIC = /^(?:'(?:s|m|d|ll|re|ve)|n't)$/i;
/** NLTK's CONTRACTIONS2 that occur in news text: the second half rejoins the first. */
const SPLIT_WORDS = new Map([
  ['not', /^can$/i],
  ['na', /^(?:gon|wan)$/i],
  ['ta', /^got$/i],
  ['me', /^(?:gim|lem)$/i],
]);
/** Punctuation that closes up to the token before it. */
const CLOSING_PUNCTUATION = /^(?:[.,;:?!]+|\.\.\.|…|%)$/;
const NUMBER = /^\d/;

/**
 * The counts the decision rests on. Linear in the text; patterns are
 * anchored on single characters, so none can backtrack.
 */
export function ptbEvidence(text: string): PtbEvidence {
  const count = (re: RegExp): number => text.match(re)?.length ?? 0;
  const punctuation = count(/(?<![.?!\d])[,.?!](?=[ \t]|$)/gm);
  const spaced = count(/(?<=[ \t])[,.?!](?=[ \t]|$)/gm);
  const spacedStops = count(/(?<=[ \t])[,.](?=[ \t]|$)/gm);
  const brackets = count(/(?<![^\s])-[LR][RSC]B-(?!\S)/gi);
  const openQuotes = count(/(?<!\S)``(?!\S)/g);
  const closeQuotes = count(/(?<!\S)''(?!\S)/g);
  const negations = count(/\p{L} n't(?!\S)/giu);
  const clitics = count(/\p{L} '(?:s|re|ve|m|ll|d)(?!\S)/giu);
  const markers = (brackets > 0 ? 2 : 0) + (openQuotes > 0 && closeQuotes > 0 ? 2 : openQuotes + closeQuotes > 0 ? 1 : 0) + (negations > 0 ? 2 : 0) + (clitics > 0 ? 1 : 0);
  const rate = punctuation === 0 ? 0 : spaced / punctuation;
  // A comma or full stop must be among the spaced marks for the strongest grade: French sets a space before ? and ! but never before , and .
  const spacing = punctuation >= 3 && rate >= 0.9 && spacedStops >= 2 ? 3 : punctuation >= 2 && rate >= 0.8 ? 2 : rate >= 0.5 ? 1 : 0;
  // Both kinds of evidence are required: no spacing, no PTB; spacing with no tokeniser's mark only when overwhelming.
  const score = spacing === 0 || (markers === 0 && spacing < 3) ? 0 : markers + spacing;
  return { punctuation, spaced, brackets, openQuotes, closeQuotes, negations, clitics, score };
}

/** The score at or over which a text is taken for PTB-tokenised. */
export const PTB_THRESHOLD = 3;

/** Whether the text is Penn-Treebank-tokenised (see the file comment for the evidence it asks for). */
export function isPtbTokenized(text: string): boolean {
  return ptbEvidence(text).score >= PTB_THRESHOLD;
}

/**
 * Detects PTB tokenisation over the whole text and, when found, detokenises
 * it line by line. Line ends (`\n`, `\r\n`, `\r`) are kept as they are, so
 * the text has the same lines as before.
 */
export function normalizePtb(text: string): PtbResult {
  const evidence = ptbEvidence(text);
  if (evidence.score < PTB_THRESHOLD) return { text, detected: false, lines: [], evidence };
  const parts = text.split(/(\r\n|\r|\n)/);
  const changed: [number, number][] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const clean = detokenizePtbLine(parts[i]!);
    if (clean !== parts[i]) changed.push([i / 2 + 1, i / 2 + 1]);
    parts[i] = clean;
  }
  return { text: parts.join(''), detected: true, lines: mergeRuns(changed), evidence };
}

/**
 * The same for text already cut into blocks (a saved page's or a Markdown
 * file's), each with the source lines it came from: the blocks' text is
 * judged as a whole and, when PTB, each block is detokenised as one line.
 * Blocks keep their lines; `lines` are those of the blocks that changed.
 */
export function normalizePtbBlocks<T extends { text: string; lines: [number, number] }>(blocks: readonly T[]): { blocks: T[]; detected: boolean; lines: [number, number][] } {
  if (!isPtbTokenized(blocks.map((b) => b.text).join('\n'))) return { blocks: [...blocks], detected: false, lines: [] };
  const changed: [number, number][] = [];
  const out = blocks.map((b) => {
    const text = detokenizePtbLine(b.text);
    if (text === b.text) return b;
    changed.push(b.lines);
    return { ...b, text };
  });
  return { blocks: out, detected: true, lines: mergeRuns(changed) };
}

/** Runs of lines, sorted, with runs that touch or overlap merged into one. */
function mergeRuns(runs: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [first, last] of [...runs].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const end = out.at(-1);
    if (end && first <= end[1] + 1) end[1] = Math.max(end[1], last);
    else out.push([first, last]);
  }
  return out;
}

interface Token {
  text: string;
  /** The white space before it in the line (kept when the gap stays open). */
  gap: string;
  /** No space before it: it closes up to the token before. */
  joinsLeft: boolean;
  /** No space after it: it opens onto the token after. */
  joinsRight: boolean;
}

/**
 * One line of PTB text in normal typography. Only the gaps between tokens,
 * the bracket and quote tokens, the `\/` and `\*` escapes and the pound sign
 * change; a line with none of them comes back as it was.
 */
export function detokenizePtbLine(line: string): string {
  const raw = line.split(/(\s+)/);
  const lead = raw[0] === '' ? (raw[1] ?? '') : '';
  const tokens: Token[] = [];
  for (let i = raw[0] === '' ? 2 : 0; i < raw.length; i += 2) {
    if (raw[i] === '') continue;
    tokens.push({ text: raw[i]!, gap: i === 0 ? '' : raw[i - 1]!, joinsLeft: false, joinsRight: false });
  }
  if (tokens.length === 0) return line;
  const trail = raw.length > 1 && raw.at(-1) === '' ? raw.at(-2)! : '';
  let openDouble = 0;
  let openSingle = 0;
  const out: Token[] = [];
  tokens.forEach((token, i) => {
    const before = out.at(-1);
    const next = tokens[i + 1]?.text;
    const opensNothing = before === undefined || OPENING.has(before.text);
    const closesSomething = next === undefined || CLOSING_PUNCTUATION.test(next) || /^-[RL]RB-$|^-R[SC]B-$/i.test(next);
    const t = token.text;
    const bracket = BRACKETS.get(t.toUpperCase());
    if (bracket) {
      token.text = bracket;
      if (OPENING.has(bracket)) token.joinsRight = true;
      else token.joinsLeft = true;
    } else if (t === '``' || t === '`') {
      // An opening quote with nothing after it to open onto closes the quote before it instead.
      const double = t === '``';
      const closes = closesSomething && (double ? openDouble : openSingle) > 0;
      token.text = closes ? (double ? '”' : '’') : double ? '“' : '‘';
      if (closes) token.joinsLeft = true;
      else token.joinsRight = true;
      if (double) openDouble += closes ? -1 : 1;
      else openSingle += closes ? -1 : 1;
    } else if (t === "''") {
      // A closing quote at the start, after an opening mark or after a colon opens a quote (the tokeniser took a mark
      // that stood apart for a closing one).
      if ((opensNothing && openDouble === 0) || (before?.text.endsWith(':') && !closesSomething)) {
        token.text = '“';
        token.joinsRight = true;
        openDouble++;
      } else {
        token.text = '”';
        token.joinsLeft = true;
        openDouble = Math.max(0, openDouble - 1);
      }
    } else if (t === "'") {
      // A closing single quote or a plural possessive (`players '`): both are ’ after a word.
      if (opensNothing) {
        token.text = '‘';
        token.joinsRight = true;
        openSingle++;
      } else {
        token.text = '’';
        token.joinsLeft = true;
        openSingle = Math.max(0, openSingle - 1);
      }
    } else if (CLITIC.test(t) && before !== undefined && !OPENING.has(before.text)) {
      token.text = apostrophes(t);
      token.joinsLeft = true;
    } else if (CLOSING_PUNCTUATION.test(t) && before !== undefined) {
      // Stanford's tokeniser repeats the full stop of an abbreviation that ends a sentence (`U.S. .`): it goes.
      if (t === '.' && /\p{L}\.$/u.test(before.text)) return;
      if (t !== '%' || NUMBER.test(before.text.at(-1) ?? '')) token.joinsLeft = true;
    } else if (SPLIT_WORDS.get(t.toLowerCase())?.test(before?.text ?? '') && !(t.toLowerCase() === 'not' && next?.toLowerCase() === 'only')) {
      // `can not` is `cannot` unless it is "can not only …".
      token.joinsLeft = true;
    } else if ((t === '$' || /^[A-Z]{1,3}\$$/.test(t)) && next !== undefined && NUMBER.test(next)) {
      token.joinsRight = true;
    } else if (t === '#' && next !== undefined && NUMBER.test(next)) {
      token.text = isPoundAmount(next, tokens[i + 2]?.text) ? '£' : '#';
      token.joinsRight = true;
    } else {
      token.text = unescape(apostrophes(t));
    }
    out.push(token);
  });
  let text = lead;
  out.forEach((token, i) => {
    const before = out[i - 1];
    if (before) text += before.joinsRight || token.joinsLeft ? '' : token.gap;
    text += token.text;
  });
  return text + trail;
}

/**
 * PTB (and Stanford's tokeniser, normalising currency) writes the pound
 * sign as `#`. A `#` before an amount is a pound sign: a number with
 * thousands or decimals, a scale (`50m`, `3 million`) or of 10 and more; a
 * `#` before a small bare number is a number sign (`issue # 3`).
 */
function isPoundAmount(number: string, after: string | undefined): boolean {
  if (/^\d+(?:\.\d+)?(?:m|bn|k|tn)$/i.test(number) || /^(?:m|bn|k|million|billion|trillion)$/i.test(after ?? '')) return true;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(number) || /^\d+\.\d+$/.test(number)) return true;
  return /^\d+$/.test(number) && Number(number) >= 10;
}

/** `\/` and `\*`, PTB's escapes, as the characters they stand for. */
function unescape(token: string): string {
  return token.includes('\\') ? token.replace(/\\([/*])/g, '$1') : token;
}

/** An apostrophe beside a letter or digit (`O'Brien`, `'em`, `'90s`) as ’, like the clitics and closing quotes around it. */
function apostrophes(token: string): string {
  return token.includes("'") ? token.replace(/(?<=[\p{L}\p{N}])'|'(?=[\p{L}\p{N}])/gu, '’') : token;
}
