import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify } from '../../src/lib/ingest/slug.ts';

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('North Korea’s Kim Jong Un Claims Troops')).toBe('north-koreas-kim-jong-un-claims-troops');
    expect(slugify('Zürich: Café «Crème» reopens')).toBe('zurich-cafe-creme-reopens');
    expect(slugify('!!!')).toBe('article');
  });
  it('cuts long slugs at a word boundary, at most 80 characters', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
  });
});

describe('assignSlugs', () => {
  it('settles collisions by key order, whatever the input order', () => {
    const items = [{ key: 'b.txt', base: 'same' }, { key: 'a.txt', base: 'same' }, { key: 'c.txt', base: 'same-2' }];
    const run = (list: typeof items) => {
      const m = assignSlugs(list, (i) => i.base, (i) => i.key);
      return Object.fromEntries(list.map((i) => [i.key, m.get(i)]));
    };
    const expected = { 'a.txt': 'same', 'b.txt': 'same-3', 'c.txt': 'same-2' };
    expect(run(items)).toEqual(expected);
    expect(run([...items].reverse())).toEqual(expected);
  });
});
