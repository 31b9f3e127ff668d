/**
 * `poolStrings` (`src/lib/site/string-pool.ts`): a value read with its short
 * strings pooled is equal to the value as read, and the pool holds each short
 * string once, whatever number of times it stands in the value.
 */
import { describe, expect, it } from 'vitest';
import { POOLED_STRING_MAX, poolStrings, type StringPool } from '../../src/lib/site/string-pool.ts';

describe('poolStrings', () => {
  it('keeps the value equal and holds each short string once, across records', () => {
    const long = 'x'.repeat(POOLED_STRING_MAX + 1);
    const records = () => [
      { id: 'e-1', citations: [{ article: 'a-1', paragraph: 2 }, { article: 'a-2', paragraph: 1 }], dates: [{ date: '2024-05-01', citations: [{ article: 'a-1', paragraph: 2 }] }], note: long, scheduled: false, missing: undefined, none: null },
      { id: 'e-2', citations: [{ article: 'a-1', paragraph: 3 }], dates: [], tags: ['a-2', 'a-2', 7] },
    ];
    const pool: StringPool = new Map();
    const pooled = records().map((r) => poolStrings(r, pool));
    expect(pooled).toEqual(records());
    expect([...pool.keys()].sort()).toEqual(['2024-05-01', 'a-1', 'a-2', 'e-1', 'e-2']);
  });
  it('returns strings and other values as they are', () => {
    const pool: StringPool = new Map();
    expect(poolStrings('a-1', pool)).toBe('a-1');
    expect(poolStrings(3, pool)).toBe(3);
    expect(poolStrings(null, pool)).toBeNull();
    expect(pool.size).toBe(1);
  });
});
