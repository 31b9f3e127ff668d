import { describe, expect, it } from 'vitest';
import { AFTER_BEFORE, ANNIVERSARY, indexMentions, locate } from '../../src/lib/knowledge/event-candidates.ts';
import type { Temporal } from '../../src/lib/schema.ts';

/** The fields of a temporal `locate` reads. */
function temporal(text: string, sentence: string, start: number): Temporal {
  return { text, sentence, start, end: start + text.length } as Temporal;
}

describe('locate', () => {
  it('gives offsets in the sentence the temporal stands in, when the sentence comes twice in the paragraph', () => {
    const sentence = 'On Monday, and again on Monday.';
    const paragraph = `${sentence} Then more. ${sentence}`;
    const last = paragraph.lastIndexOf('Monday');
    expect(locate(temporal('Monday', sentence, last), paragraph)).toEqual({ sentence, start: 24, end: 30 });
  });

  it('falls back to the first occurrence in the sentence when the paragraph offsets do not hold', () => {
    const sentence = 'On Monday, and again on Monday.';
    expect(locate(temporal('Monday', sentence, 999), undefined)).toEqual({ sentence, start: 3, end: 9 });
  });
});

describe('ANNIVERSARY', () => {
  it('reads the count and what the anniversary is of, up to a clause break', () => {
    const words = ANNIVERSARY.exec('Crowds marked the one-year anniversary of the flood, which killed 12.');
    expect([words?.[1], words?.[4]]).toEqual(['one', 'the flood']);
    const digits = ANNIVERSARY.exec('It was the 50th anniversary of the treaty.');
    expect([digits?.[2], digits?.[4]]).toEqual(['50', 'the treaty']);
    const ordinal = ANNIVERSARY.exec('The tenth anniversary of the merger passed quietly');
    expect([ordinal?.[3], ordinal?.[4]]).toEqual(['tenth', 'the merger passed quietly']);
  });

  it('needs what the anniversary is of', () => {
    expect(ANNIVERSARY.test('They held an anniversary party.')).toBe(false);
  });
});

describe('AFTER_BEFORE', () => {
  it('reads the side and the -ing phrase after a comma', () => {
    const m = AFTER_BEFORE.exec(', shortly after signing the accord.');
    expect([m?.[1], m?.[2]]).toEqual(['after', 'signing the accord']);
    const b = AFTER_BEFORE.exec(', weeks before announcing his resignation; the board');
    expect([b?.[1], b?.[2]]).toEqual(['before', 'announcing his resignation']);
  });

  it('needs a verb in -ing', () => {
    expect(AFTER_BEFORE.test(', shortly after the election.')).toBe(false);
  });
});

describe('indexMentions', () => {
  it('indexes mentions by article, in the order given', () => {
    const m = (article: string, block: number, text: string) => ({ article, block, text, entity: text.toLowerCase() });
    const index = indexMentions([m('a', 1, 'Paris'), m('b', 1, 'Rome'), m('a', 2, 'Nice'), m('a', 1, 'Lyon')]);
    expect(index.get('a')?.map((x) => x.text)).toEqual(['Paris', 'Nice', 'Lyon']);
    expect(index.get('b')?.map((x) => x.text)).toEqual(['Rome']);
  });
});
