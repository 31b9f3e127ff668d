import { describe, expect, it } from 'vitest';
import { findRepeats } from '../../src/lib/ingest/dedupe.ts';
import { segment } from '../../src/lib/ingest/segment.ts';

describe('findRepeats', () => {
  it('keeps the first copy of a repeated run, even with other quotes and spacing', () => {
    const blocks = segment('It said “no” to the plan.\nThe vote was close, officials said.\nIt said "no"  to the plan.\nThe vote was close, officials said.\nA new closing line here.');
    expect(findRepeats(blocks, [0, 1, 2, 3, 4])).toEqual([2, 3]);
  });
  it('leaves short lines that may recur for good reason', () => {
    const blocks = segment('Photo: AFP\nText one is here now.\nPhoto: AFP');
    expect(findRepeats(blocks, [0, 1, 2])).toEqual([]);
  });
  it('only looks at the indexes it is given', () => {
    const blocks = segment('The same sentence twice here.\nThe same sentence twice here.');
    expect(findRepeats(blocks, [1])).toEqual([]);
  });
});
