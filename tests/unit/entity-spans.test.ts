import { describe, expect, it } from 'vitest';
import {
  extendRight,
  isLowerCaseWord,
  isPlaceSlot,
  mergeCandidates,
  RULE_WEIGHT,
  snapSpan,
  trimCaseEdges,
  weightedVote,
  type CaseCounts,
  type SpanCandidate,
} from '../../src/lib/knowledge/entity-spans.ts';

/** The candidate for `phrase`'s first occurrence in `text`. */
function at(text: string, phrase: string, type?: SpanCandidate['type']): SpanCandidate {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no ${phrase}`);
  return type ? { start, end: start + phrase.length, type } : { start, end: start + phrase.length };
}

const stop = (w: string): boolean => ['the', 'of', 'in', 'president'].includes(w);
const spans = (text: string, candidates: SpanCandidate[], starts: number[] = []): string[] =>
  mergeCandidates(text, candidates, stop, new Set(starts)).map((s) => text.slice(s.start, s.end));

describe('snapSpan', () => {
  it('covers whole words without the punctuation at the edges', () => {
    const text = 'He flew to London. Then (Paris)';
    expect(text.slice(...snapSpan(text, text.indexOf('ondon'), text.indexOf('.') + 1))).toBe('London');
    expect(text.slice(...snapSpan(text, text.indexOf('('), text.length))).toBe('Paris');
  });

  it('keeps the last stop of a dotted acronym', () => {
    const text = 'troops from the U.S. arrived';
    expect(text.slice(...snapSpan(text, text.indexOf('U'), text.indexOf('U') + 4))).toBe('U.S.');
  });
});

describe('extendRight', () => {
  const text = 'Kim Jong Un met Ana Silva Lopes. Maria Costa said';
  it('takes the capitalised words that follow, up to a stop word or punctuation', () => {
    const end = text.indexOf('Jong') + 4;
    expect(text.slice(0, extendRight(text, end, stop, new Set(), new Set()))).toBe('Kim Jong Un');
  });

  it('does not run into the next sentence, nor into another candidate', () => {
    const ana = text.indexOf('Ana');
    expect(text.slice(ana, extendRight(text, ana + 3, stop, new Set(), new Set([text.indexOf('Silva')])))).toBe('Ana');
    const lopes = text.indexOf('Lopes');
    expect(extendRight(text, lopes + 6, stop, new Set([text.indexOf('Maria')]), new Set())).toBe(lopes + 6);
  });
});

describe('mergeCandidates', () => {
  it('cuts a run where a person ends and a place or an acronym begins', () => {
    const text = 'Stars will play the Michael Jackson Cardiff concert, said Kathy Jorrie AEG Live lawyer';
    expect(
      spans(text, [at(text, 'Michael Jackson', 'person'), at(text, 'Cardiff', 'place'), at(text, 'Michael Jackson Cardiff'), at(text, 'Kathy Jorrie', 'person'), at(text, 'AEG'), at(text, 'Live')]),
    ).toEqual(['Michael Jackson', 'Cardiff', 'Kathy Jorrie', 'AEG Live']);
  });

  it('keeps one name whose words the library typed apart, unless a person ends there', () => {
    const text = 'South Korea’s Defense Ministry said';
    expect(spans(text, [at(text, 'South', 'place'), at(text, 'Korea’s Defense Ministry', 'organisation')])).toEqual(['South Korea’s Defense Ministry']);
  });

  it('does not carry a span across a sentence edge, with or without a full stop', () => {
    const text = 'Can he save California? Help Michael Jackson fans wept';
    expect(spans(text, [at(text, 'California?', 'place'), at(text, 'Michael Jackson', 'person')])).toEqual(['California', 'Michael Jackson']);
    const run = 'Crowds gathered Sunday Michael Jackson fans wept';
    expect(spans(run, [at(run, 'Sunday Michael Jackson')], [run.indexOf('Michael')])).toEqual(['Sunday', 'Michael Jackson']);
  });
});

describe('trimCaseEdges', () => {
  const counts: CaseCounts = {
    lower: new Map([['help', 40], ['propofol', 12], ['end', 30], ['quote', 9], ['times', 20], ['new', 50]]),
    capitalised: new Map([['help', 3], ['propofol', 2], ['end', 2], ['quote', 2], ['times', 5], ['new', 20], ['jackson', 30]]),
  };
  const known = new Set(['michael jackson', 'jackson', 'kathy jorrie', 'los angeles', 'new york']);
  const isKnown = (words: readonly string[]): boolean => known.has(words.join(' ').toLowerCase());
  const head = (w: string): boolean => w === 'Times';
  const cut = (name: string, other?: (w: readonly string[]) => boolean): string => {
    const words = name.split(' ');
    const [from, to] = trimCaseEdges(words, counts, isKnown, head, other);
    return words.slice(from, to).join(' ');
  };

  it('knows a common word by the articles that write it in lower case', () => {
    expect(isLowerCaseWord('Help', counts)).toBe(true);
    expect(isLowerCaseWord('Jackson', counts)).toBe(false);
    expect(isLowerCaseWord('Unseen', counts)).toBe(false);
  });

  it('cuts common words run into a known name at either edge', () => {
    expect(cut('Help Michael Jackson')).toBe('Michael Jackson');
    expect(cut('End Quote Kathy Jorrie')).toBe('Kathy Jorrie');
    expect(cut('Jackson Propofol')).toBe('Jackson');
  });

  it('keeps a name whose rest is unknown, a head noun, and two words after a leading cut', () => {
    expect(cut('Help Unknown Person')).toBe('Help Unknown Person');
    expect(cut('Los Angeles Times')).toBe('Los Angeles Times');
    expect(cut('New York')).toBe('New York');
  });

  it('cuts a leading name of another kind when told it is one', () => {
    expect(cut('Los Angeles Michael Jackson', (w) => w.join(' ') === 'Los Angeles')).toBe('Michael Jackson');
    expect(cut('Los Angeles Michael Jackson')).toBe('Los Angeles Michael Jackson');
  });
});

describe('isPlaceSlot', () => {
  const slot = (text: string, name: string): boolean => {
    const start = text.indexOf(name);
    return isPlaceSlot(text, start, start + name.length);
  };

  it('is a name right after a place preposition', () => {
    expect(slot('Fighting raged in Benghazi on Monday', 'Benghazi')).toBe(true);
    expect(slot('camps near Port-au-Prince', 'Port-au-Prince')).toBe(true);
  });

  it('is not a possessive, a name run on into more capitalised words, or a name after "at" or "from"', () => {
    expect(slot('a role in Jackson’s death', 'Jackson')).toBe(false);
    expect(slot('talks in Kim Jong Un', 'Kim')).toBe(false);
    expect(slot('a letter from Murray', 'Murray')).toBe(false);
  });
});

describe('weightedVote', () => {
  it('weighs a rule as several library votes, and a place slot as one', () => {
    expect(weightedVote([{ ruleType: 'person' }, ...Array.from({ length: RULE_WEIGHT + 1 }, () => ({ libType: 'place' as const }))])).toBe('place');
    expect(weightedVote([{ ruleType: 'person' }, { libType: 'place' }, { libType: 'place' }])).toBe('person');
    expect(weightedVote([{ libType: 'person' }, { libType: 'person', placeSlot: true }, { placeSlot: true }, { placeSlot: true }])).toBe('place');
  });

  it('gives no type to a name only place slots vote for', () => {
    expect(weightedVote([{ placeSlot: true }, { placeSlot: true }])).toBeUndefined();
  });
});
