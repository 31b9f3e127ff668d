import { describe, expect, it } from 'vitest';
import { fixtureCases, readExpected, runFixture } from '../fixture-case.ts';

describe('golden fixtures (tests/fixtures/<case>/)', () => {
  const cases = fixtureCases();
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(name, () => {
      const expected = readExpected(name);
      const actual = runFixture(name);
      expect(actual.messages).toBe(expected.messages);
      expect(actual.markdown).toBe(expected.markdown);
    });
  }
});
