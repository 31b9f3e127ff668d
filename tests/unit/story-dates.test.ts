import { describe, expect, it } from 'vitest';
import { byPublication, dayRange, pairsWithinWindow, spansWithin } from '../../src/lib/knowledge/story-dates.ts';

describe('pairsWithinWindow', () => {
  it('pairs dated articles that can be published within the window, a month-precise date covering its whole month', () => {
    const dates = ['2024-05-01', '2024-05-06', '2024-05', '2024-07-01', undefined, '2024-05-05'];
    const pairs = pairsWithinWindow(dates.map(dayRange), 4);
    expect(pairs.map(([a, b]) => `${a}-${b}`).sort()).toEqual(['0-2', '0-5', '1-2', '1-5', '2-5']);
  });

  it('gives each pair once, lower index first', () => {
    const pairs = pairsWithinWindow(['2024-01-03', '2024-01-01', '2024-01-02'].map(dayRange), 1);
    expect(pairs).toEqual([
      [1, 2],
      [0, 2],
    ]);
  });
});

describe('dayRange', () => {
  it('covers the days of a date to its precision, and nothing for an unknown date', () => {
    const day = dayRange('2024-02-10');
    expect(day?.to).toBe(day?.from);
    const month = dayRange('2024-02');
    expect(month && month.to - month.from + 1).toBe(29);
    const year = dayRange('2023');
    expect(year && year.to - year.from + 1).toBe(365);
    expect(dayRange(undefined)).toBeUndefined();
  });
});

describe('byPublication', () => {
  it('sorts the earliest published first, undated last, ties by id', () => {
    const order = byPublication(new Map<string, string | undefined>([['c', '2024-05-02'], ['b', '2024-05-01'], ['a', '2024-05-02'], ['u', undefined], ['t', undefined]]));
    expect(['u', 'c', 'a', 't', 'b'].sort(order)).toEqual(['b', 'a', 'c', 't', 'u']);
  });
});

describe('spansWithin', () => {
  it('holds when every article of one story is within the window of every article of the other, never with an undated one', () => {
    const a = { maxFrom: 10, minTo: 8, undated: false };
    expect(spansWithin(a, { maxFrom: 12, minTo: 12, undated: false }, 4)).toBe(true);
    expect(spansWithin(a, { maxFrom: 13, minTo: 13, undated: false }, 4)).toBe(false);
    expect(spansWithin(a, { maxFrom: 10, minTo: 10, undated: true }, 4)).toBe(false);
  });
});
