/**
 * Sentence splitting: the word before a full stop is read backwards from the
 * stop, and must be what `/([\p{L}.]+)\.$/u` captures before it, so that an
 * abbreviation or initial ("Mr.", "U.S.", "J.") keeps its sentence together
 * exactly as the regular expression decided.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/lib/knowledge/text-words.ts';

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'vs', 'no', 'rep', 'sen', 'gov', 'prof']);

/** The splitter with the last word read by the regular expression, as the reference. */
function reference(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])/gu)) {
    const lastWord = /([\p{L}.]+)\.$/u.exec(text.slice(start, m.index + 1))?.[1] ?? '';
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^(?:\p{L}\.)*\p{L}$/u.test(lastWord))) continue;
    const end = m.index + m[0].length;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

describe('splitSentences', () => {
  it('keeps abbreviations and initials inside a sentence', () => {
    expect(splitSentences('Mr. Smith met Dr. Jones in the U.S. Capitol. They spoke. J. Doe left!')).toEqual(['Mr. Smith met Dr. Jones in the U.S. Capitol.', 'They spoke.', 'J. Doe left!']);
  });

  it('splits as the regular expression reading of the last word does, on text made of awkward pieces', () => {
    const pieces = ['Mr', 'Dr', 'U.S', 'e.g', 'a', 'B', 'St', 'word', 'Ünïcode', '𝐀𝐁', '\ud835', '\udc00', '.', '..', '!', '?', ' ', '  ', '"', '”', ')', 'The', '12', '3.5', 'No', ',', '’', '“', '(', '-'];
    let seed = 1;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let k = 1 + next(30); k > 0; k--) text += pieces[next(pieces.length)];
      expect(splitSentences(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
