/**
 * Clause cues: which words before a date make it a habit, not a happening.
 */
import { describe, expect, it } from 'vitest';
import { HABITUAL, SPECULATIVE } from '../../src/lib/knowledge/clauses.ts';

const before = (sentence: string, date: string): string => sentence.slice(0, sentence.indexOf(date));

describe('HABITUAL', () => {
  it('knows a date that recurs', () => {
    expect(HABITUAL.test(before('The rainy season, which typically begins in May, slowed the work.', 'May'))).toBe(true);
    expect(HABITUAL.test(before('Fans gather every June at the gates.', 'June'))).toBe(true);
    expect(HABITUAL.test(before('Each year on 1 March the town marches.', '1 March'))).toBe(true);
  });
  it('leaves a happening dated, even after "every … since"', () => {
    expect(HABITUAL.test(before('The quake struck on 12 January.', '12 January'))).toBe(false);
    expect(HABITUAL.test(before('Rescuers have worked every day since 12 January.', '12 January'))).toBe(false);
    expect(HABITUAL.test(before('Talks usually stall, but on 3 May they resumed.', '3 May'))).toBe(false);
  });
});

describe('SPECULATIVE', () => {
  it('knows hopes, plans and aims in every form', () => {
    for (const clause of ['is hoping to complete the single by', 'hopes to land by', 'are aiming to finish', 'is intending to sign', 'threatening to strike']) expect(SPECULATIVE.test(clause)).toBe(true);
    expect(SPECULATIVE.test('completed the single on')).toBe(false);
  });
});
