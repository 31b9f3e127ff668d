/**
 * ROUGE-1 as the timeline-summarisation papers score it (ROUGE-1.5.5 with
 * `-m -s`: Porter stemming, SMART stop words removed; counts summed, not
 * averaged), and the content words the event-coherence check compares.
 *
 * Both texts being compared go through the same `rougeWords`, so a system's
 * plain English ("Haiti's", "don't", "(Reuters)") and a Timeline17 reference
 * in Penn Treebank tokens ("Haiti 's", "do n't", "-LRB- Reuters -RRB-")
 * become the same words.
 *
 * Pure: no I/O.
 */
import { stemmer } from 'stemmer';
import { SMART_STOPWORDS } from './smart-stopwords.ts';

/** Penn Treebank bracket tokens: -LRB- -RRB- -LSB- -RSB- -LCB- -RCB-. */
const PTB_BRACKET = /-[LR][RSC]B-/gi;

/**
 * The words of a text, ROUGE-1.5.5's way: accents folded, Penn Treebank
 * brackets and escaped slashes undone, "n't" split off as PTB does
 * ("don't" → "do n't"), lowercased, and every run of characters other than
 * a–z and 0–9 a separator (so punctuation tokens, PTB quotes `` '' and
 * apostrophes disappear: "Haiti's" and "Haiti 's" both give "haiti", "s").
 */
export function textWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(PTB_BRACKET, ' ')
    .replace(/\\\//g, '/')
    .replace(/(\p{L})n['’]t(?!\p{L})/giu, "$1 n't")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * Porter stem (Porter 1980, npm `stemmer`) of a word longer than three
 * characters; shorter words are kept as they are, as ROUGE-1.5.5 does.
 */
export function stemWord(word: string): string {
  return word.length > 3 ? stemmer(word) : word;
}

/** The tokens ROUGE-1 counts in a text: `textWords` without SMART stop words, stemmed. */
export function rougeWords(text: string): string[] {
  return textWords(text)
    .filter((w) => !SMART_STOPWORDS.has(w))
    .map(stemWord);
}

/**
 * The content words of a text, for comparing an event's title with a
 * sentence: words of four or more letters (no digits) that are not SMART
 * stop words, lowercased and stemmed, each once.
 */
export function contentStems(text: string): Set<string> {
  return new Set(
    textWords(text)
      .filter((w) => /^[a-z]{4,}$/.test(w) && !SMART_STOPWORDS.has(w))
      .map((w) => stemmer(w)),
  );
}

/** ROUGE-1 counts for one pair of texts. */
export interface RougeCounts {
  /** Unigrams the two share, each counted as often as the rarer side has it (clipped). */
  hits: number;
  /** Tokens on the system side: the precision denominator. */
  system: number;
  /** Tokens on the reference side: the recall denominator. */
  reference: number;
}

/** ROUGE-1 counts of two token lists (from `rougeWords`). */
export function rouge1Counts(system: readonly string[], reference: readonly string[]): RougeCounts {
  const left = new Map<string, number>();
  for (const w of reference) left.set(w, (left.get(w) ?? 0) + 1);
  let hits = 0;
  for (const w of system) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      hits += 1;
      left.set(w, n - 1);
    }
  }
  return { hits, system: system.length, reference: reference.length };
}
