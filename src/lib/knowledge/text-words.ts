/**
 * Words and sentences as the event and story stages compare them: a general
 * stop list, a light stem that folds British and American spellings and a
 * few news synonyms, proper-name stems, sentence splitting, and the text of
 * each top-level block of a Markdown body.
 */
import { markdownBlocks } from '../markdown-blocks.ts';

// ---------------------------------------------------------------------------
// Text helpers shared with the story stage

/** The text of each top-level paragraph or heading of a Markdown body, in order (index n-1 is `#p-n`). */
export function bodyParagraphs(body: string): string[] {
  return markdownBlocks(body).map((b) => b.text);
}

/** A general English stop list, plus calendar words (the temporal carries the date). */
const STOP_WORDS = new Set(
  (
    'a about above after again against all almost along already also although always am among an and another any are around as at ' +
    'be became because become been before being below between both but by can cannot could did do does doing done down during each ' +
    'either else even ever every few for from further had has have having he her here hers herself him himself his how however i if in ' +
    'into is it its itself just least less like made make many may me meanwhile might more most much must my myself near neither never ' +
    'no nor not now of off often on once one only onto or other others our ours ourselves out over own per perhaps rather same several ' +
    'shall she should since so some still such than that the their theirs them themselves then there these they this those though ' +
    'through thus to too toward towards under until up upon us very via was we were what whatever when where whether which while who ' +
    'whom whose why will with within without would yet you your yours yourself ' +
    'said say says saying told tell tells according reported reportedly ' +
    'zero two three four five six seven eight nine ten first second third ' +
    'today yesterday tomorrow week weeks month months year years day days ago last next recent recently earlier later late early ' +
    'mid this that time ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(/\s+/),
);

/** Spellings and near-synonyms that news copy uses for the same thing, folded to one stem. */
const SYNONYMS: Readonly<Record<string, string>> = {
  treaty: 'pact',
  accord: 'pact',
  soldier: 'troop',
  dispatch: 'deploy',
  send: 'deploy',
  sent: 'deploy',
  acknowledg: 'confirm',
};

/** Suffixes stripped once, longest first, when at least four letters remain. */
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'edly', 'ed', 'ly'];

/**
 * A light stem: British spellings to American (defence → defense, honour →
 * honor, -ise → -ize), plurals and verb endings off, a final doubled consonant
 * and a final e dropped, then the synonym table. Crude, but the same word in
 * any of its forms gets the same stem, which is all similarity needs.
 */
export function stemWord(word: string): string {
  let s = word.toLowerCase();
  if (s.length <= 3) return SYNONYMS[s] ?? s;
  s = s.replace(/fence(s?)$/, 'fense$1');
  if (s.length >= 6) s = s.replace(/(?<=[^aeiou])our(s|ed|ing|able)?$/, 'or$1');
  if (s.length >= 6) s = s.replace(/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  if (/ies$|ied$/.test(s) && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(s)) {
    // "class", "status", "crisis": not plurals.
  } else if (/(?:sses|xes|zes|ches|shes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s')) s = s.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 4) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  if (/([b-df-hj-np-tv-z])\1$/.test(s) && !/(?:ll|ss|zz)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return SYNONYMS[s] ?? s;
}

/** The words of a text, case and diacritics folded, possessives off; numbers kept whole ("10,000"). */
export function words(text: string): string[] {
  return rawWords(text).map((w) => w.toLowerCase());
}

/** The words of a text with their case: diacritics folded, possessives and apostrophes off. */
export function rawWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  const out: string[] = [];
  for (const m of folded.matchAll(/\d+(?:[.,]\d+)*|\p{L}+(?:['’]\p{L}+)*/gu)) out.push(m[0].replace(/['’]s$/, '').replace(/['’]/g, ''));
  return out;
}

/**
 * A capitalised word's stem folds a place and its demonym together: the
 * demonym ending (-ian, -ean, -an) and then final vowels come off, so
 * "Korea"/"Korean", "Russia"/"Russian", "Ukraine"/"Ukrainian" and
 * "Europe"/"European" meet. Only capitalised words, so common words keep
 * their ordinary stems.
 */
export function properStem(word: string): string {
  let s = word.toLowerCase();
  const bare = s.replace(/(?:ian|ean|an)$/, '');
  if (bare.length >= 3) s = bare;
  const trimmed = s.replace(/[aeiou]+$/, '');
  return trimmed.length >= 3 ? trimmed : s;
}

/** True for a word of the stop list (given in any case). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/** Stemmed content words of a text: its words without the stop list or one-letter words, each stemmed. */
export function contentWords(text: string): string[] {
  return rawWords(text)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w.toLowerCase()))
    .map((w) => (/^\p{Lu}\p{Ll}/u.test(w) ? properStem(w) : stemWord(w)));
}

/**
 * The content words a text says something with: stemmed content words of
 * four letters or more (short words and numbers, "US", "war", "30", are
 * shared by sentences about anything), each once.
 */
export function substantiveWords(text: string): Set<string> {
  return new Set(contentWords(rawWords(text).filter((w) => /^\p{L}{4,}$/u.test(w)).join(' ')));
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'vs', 'no', 'rep', 'sen', 'gov', 'prof']);

/** Splits a paragraph into sentences at `.`, `!`, `?` (and closing quotes) before a capital, digit or opening quote. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])/gu)) {
    if (m[0].startsWith('.')) {
      const lastWord = wordBeforeStop(text, start, m.index);
      if (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^(?:\p{L}\.)*\p{L}$/u.test(lastWord)) continue;
    }
    const end = m.index + m[0].length;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

const LETTER = /^\p{L}$/u;

/**
 * What `/([\p{L}.]+)\.$/u` captures in `text.slice(start, stop + 1)`, where
 * `text[stop]` is a full stop: the run of letters and full stops right
 * before it, back to `start`, or '' when there is none. Read backwards from
 * the stop, so a long sentence costs only its last word.
 */
function wordBeforeStop(text: string, start: number, stop: number): string {
  let i = stop;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x2e) {
      i -= 1;
      continue;
    }
    // A letter outside the Basic Multilingual Plane is a surrogate pair, read as one code point (as the `u` flag does).
    if (c >= 0xdc00 && c <= 0xdfff && i - 2 >= start) {
      const high = text.charCodeAt(i - 2);
      if (high >= 0xd800 && high <= 0xdbff) {
        if (!LETTER.test(text.slice(i - 2, i))) break;
        i -= 2;
        continue;
      }
    }
    if (!LETTER.test(text[i - 1]!)) break;
    i -= 1;
  }
  return text.slice(i, stop);
}
