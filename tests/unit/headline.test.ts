import { describe, expect, it } from 'vitest';
import { findHeadline, isHeadlineShaped } from '../../src/lib/ingest/headline.ts';
import { segment } from '../../src/lib/ingest/segment.ts';

const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('findHeadline', () => {
  it('collapses a repeated headline with other apostrophes, preferring the typographic variant', () => {
    const blocks = segment("Rain Isn't Coming Back to the Valley\n\nRain Isn’t Coming Back to the Valley\nThe drought goes on.\n\nFarmers said so on Monday.");
    const h = findHeadline(blocks, all(blocks.length));
    expect(h).toMatchObject({ text: 'Rain Isn’t Coming Back to the Valley', occurrences: [0, 1], rule: 'repeated-line' });
  });
  it('finds a repeat even with a line between the copies', () => {
    const blocks = segment('Dek that leads in here, closing.\nCity Council Votes on Budget\nCity Council Votes on Budget\nBody text.');
    expect(findHeadline(blocks, all(blocks.length))?.index).toBe(1);
  });
  it('falls back to the first headline-shaped line near the top', () => {
    const blocks = segment('City Council Votes on Budget\n\nThe council met on Monday. It voted.');
    expect(findHeadline(blocks, all(blocks.length))).toMatchObject({ index: 0, rule: 'headline-shape' });
  });
  it('finds none when the text opens with prose', () => {
    const blocks = segment('The council met on Monday and voted on the budget.\n\nIt passed.');
    expect(findHeadline(blocks, all(blocks.length))).toBeUndefined();
  });
  it('only considers the candidates it is given', () => {
    const blocks = segment('Subscribe to Our Newsletter Today\n\nCity Council Votes on Budget\n\nBody.');
    expect(findHeadline(blocks, [1, 2])?.text).toBe('City Council Votes on Budget');
  });
});

describe('isHeadlineShaped', () => {
  it('wants a few words and no closing full stop', () => {
    expect(isHeadlineShaped('KCNA')).toBe(false);
    expect(isHeadlineShaped('Is the War Over?')).toBe(true);
    expect(isHeadlineShaped('This is a sentence.')).toBe(false);
  });
});
