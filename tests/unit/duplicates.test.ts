import { describe, expect, it } from 'vitest';
import { copyKind, findDuplicates, overlap, shingleIds, shingles, shingleTable, wordIdsOf } from '../../src/lib/knowledge/duplicates.ts';
import { byPublication } from '../../src/lib/knowledge/story-dates.ts';
import { words } from '../../src/lib/knowledge/text-words.ts';

/** An agency report on a port strike, six paragraphs. */
const WIRE = [
  'Dock workers at the port of Rotterdam walked out on Monday morning, halting the loading of container ships in the largest port in Europe, the FNV union said.',
  'The union is demanding a pay rise of seven percent and a shorter working week for crane operators, who say automation has made their shifts longer and harder.',
  'Port authorities said more than forty ships were waiting at anchor off the coast by the afternoon, and that the delays could spread to Antwerp and Hamburg within days.',
  'Talks between the union and the employers association broke down on Friday after three weeks of negotiations, with both sides accusing the other of bad faith.',
  'Shipping companies warned that the strike could push up the price of imported goods across the Netherlands before the Christmas season begins next month.',
  'The last strike at the port, in 2019, lasted nine days and cost the Dutch economy an estimated two hundred million euros, according to the central bank.',
];

/** The same agency text, run by another paper under its own opening paragraph and with a closing line of its own. */
const REWRITTEN_LEDE = [
  'Europe’s busiest harbour ground to a standstill yesterday as thousands of dockers downed tools in a bitter row over wages and working hours.',
  ...WIRE.slice(1),
  'A spokesman for the employers said they remained open to further talks.',
];

/** Another outlet's own report of the same strike: the same names and facts, its own words. */
const OWN_REPORT = [
  'Container traffic through Rotterdam stopped on Monday after members of the FNV union refused to work, in a dispute over pay that has dragged on for weeks.',
  'Crane operators told reporters that their shifts had grown longer since the port automated its terminals, and that seven percent was the least they would accept.',
  'By Monday evening dozens of vessels were queuing offshore, and harbour officials in Antwerp and Hamburg said they were preparing for diverted cargo.',
  'Negotiators for the employers said the union had walked away from a fair offer on Friday, a claim union leaders denied.',
  'Retailers in the Netherlands fear empty shelves before Christmas if the stoppage lasts more than a week.',
];

interface Draft {
  id: string;
  date?: string;
  paragraphs: readonly string[];
}

/** `findDuplicates` over the drafts, their shingles read as the story stage reads a body's. */
function copiesOf(drafts: readonly Draft[]) {
  const sorted = [...drafts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const table = shingleTable();
  const sets = sorted.map((d) => shingleIds(wordIdsOf(words(d.paragraphs.join('\n\n')), table), table));
  const order = byPublication(new Map(sorted.map((d) => [d.id, d.date])));
  return findDuplicates(
    sorted.map((d) => d.id),
    sets,
    table.hashes,
    order,
  );
}

describe('shingle table', () => {
  it('numbers a text’s distinct shingles as `shingles` makes them, the same ids for a repeated text', () => {
    const table = shingleTable(4);
    const text = `${WIRE.join(' ')} ${WIRE[0] ?? ''}`;
    const ids = shingleIds(wordIdsOf(words(text), table), table);
    expect(ids.length).toBe(shingles(text).size);
    expect([...ids]).toEqual([...ids].sort((a, b) => a - b));
    expect(shingleIds(wordIdsOf(words(text), table), table)).toEqual(ids);
    expect(table.hashes.length).toBe(ids.length);
  });

  it('makes one shingle of a text shorter than five words', () => {
    const table = shingleTable();
    expect(shingleIds(wordIdsOf(words('Port strike ends'), table), table)).toHaveLength(1);
    expect(shingleIds(wordIdsOf([], table), table)).toHaveLength(0);
  });
});

describe('copyKind', () => {
  it('calls a pair a near-duplicate at Jaccard 0.8, a wire copy at 0.3 or at 60% of the shorter text, else nothing', () => {
    expect(copyKind(0.8, 0.9)).toBe('near-duplicate');
    expect(copyKind(0.79, 0.85)).toBe('wire-copy');
    expect(copyKind(0.3, 0.4)).toBe('wire-copy');
    expect(copyKind(0.1, 0.6)).toBe('wire-copy');
    expect(copyKind(0.29, 0.59)).toBeUndefined();
  });

  it('finds a copy cut short by containment alone', () => {
    const full = shingles(WIRE.join(' '));
    const cut = shingles(WIRE.slice(0, 1).join(' '));
    const { jaccard, containment } = overlap(full, cut);
    expect(jaccard).toBeLessThan(0.3);
    expect(containment).toBe(1);
    expect(copyKind(jaccard, containment)).toBe('wire-copy');
  });
});

describe('findDuplicates', () => {
  it('finds an agency text run under a different first paragraph as a wire copy, the earlier published first', () => {
    const { duplicates } = copiesOf([
      { id: 'a-daily-dockers-down-tools', date: '2025-11-04', paragraphs: REWRITTEN_LEDE },
      { id: 'z-wire-rotterdam-port-strike', date: '2025-11-03', paragraphs: WIRE },
    ]);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ first: 'z-wire-rotterdam-port-strike', copy: 'a-daily-dockers-down-tools', kind: 'wire-copy' });
    expect(duplicates[0]?.jaccard).toBeGreaterThanOrEqual(0.3);
    expect(duplicates[0]?.jaccard).toBeLessThan(0.8);
  });

  it('does not call two reports of the same event in their own words copies', () => {
    const { duplicates } = copiesOf([
      { id: 'wire-rotterdam-port-strike', date: '2025-11-03', paragraphs: WIRE },
      { id: 'herald-rotterdam-stops', date: '2025-11-03', paragraphs: OWN_REPORT },
    ]);
    expect(duplicates).toEqual([]);
  });

  it('finds a reprint with one word changed as a near-duplicate; on the same day the lower id is first', () => {
    const reprint = [...WIRE.slice(0, 5), (WIRE[5] ?? '').replace('nine days', 'ten days')];
    const { duplicates } = copiesOf([
      { id: 'b-reprint', date: '2025-11-03', paragraphs: reprint },
      { id: 'a-wire', date: '2025-11-03', paragraphs: WIRE },
      { id: 'c-own-report', date: '2025-11-03', paragraphs: OWN_REPORT },
    ]);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ first: 'a-wire', copy: 'b-reprint', kind: 'near-duplicate' });
  });

  it('lists each pair of a group of copies once, in id order, whatever the input order', () => {
    const drafts: Draft[] = [
      { id: 'c', date: '2025-11-05', paragraphs: REWRITTEN_LEDE },
      { id: 'a', date: '2025-11-03', paragraphs: WIRE },
      { id: 'b', paragraphs: WIRE },
    ];
    const forward = copiesOf(drafts).duplicates;
    expect(forward.map((d) => `${d.first}>${d.copy}`)).toEqual(['a>b', 'a>c', 'c>b']);
    expect(copiesOf([...drafts].reverse()).duplicates).toEqual(forward);
  });
});
