import { describe, expect, it } from 'vitest';
import { isHardWrapped, segment } from '../../src/lib/ingest/segment.ts';

describe('segment', () => {
  it('makes each non-empty line a block with its line number', () => {
    expect(segment('Headline\n\nFirst para.\nSecond para.\n')).toEqual([
      { text: 'Headline', lines: [1, 1] },
      { text: 'First para.', lines: [3, 3] },
      { text: 'Second para.', lines: [4, 4] },
    ]);
  });
  it('skips lines that hold only spaces, NBSPs or rules', () => {
    expect(segment('A line\n\u00A0\n***\nB line').map((b) => b.lines)).toEqual([[1, 1], [4, 4]]);
  });
  it('joins a hard-wrapped paragraph back together', () => {
    const text = [
      'The ministry said on Tuesday that it had seen no signs of further',
      'deployments, although lawmakers had warned of more troops being sent',
      'as early as this month.',
      '',
      'Next paragraph.',
    ].join('\n');
    expect(segment(text)).toEqual([
      {
        text: 'The ministry said on Tuesday that it had seen no signs of further deployments, although lawmakers had warned of more troops being sent as early as this month.',
        lines: [1, 3],
      },
      { text: 'Next paragraph.', lines: [5, 5] },
    ]);
  });
  it('does not join lines that each end a sentence, or long lines', () => {
    expect(isHardWrapped(['A short sentence that ends here.', 'Another one that also ends here.'])).toBe(false);
    expect(isHardWrapped(['x'.repeat(150), 'y'.repeat(140)])).toBe(false);
  });
});

describe('isHardWrapped', () => {
  it('does not join stacked headline lines whose next word would have fitted', () => {
    expect(isHardWrapped(['Port Workers Won’t Return Until Pay Deal Is Signed', 'Port Workers Won’t Return Until Pay Deal Is Signed', 'Dock unions in the northern harbour say the strike will last into next month'])).toBe(false);
  });
});
