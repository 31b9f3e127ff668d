/**
 * `dateNearHeadline`: the dateline or byline beside a text's headline, on
 * small invented scrapes.
 */
import { describe, expect, it } from 'vitest';
import { dateNearHeadline } from '../../src/lib/ingest/text-dates.ts';

const blocks = (...lines: string[]) => lines.map((text, i) => ({ text, lines: [i + 1, i + 1] as const }));

describe('text dates: beside the headline', () => {
  it('reads a byline or dateline under the headline, with what it was read from', () => {
    const text = blocks('Home | World | Sport', 'Harbour reopens after storm', 'By Ann Lee | March 3, 2019 5:36 PM ET', 'The harbour reopened on Monday after the storm, officials said, and the first ships queued to enter as cranes resumed work along the quay.');
    expect(dateNearHeadline(text, [1])).toEqual({ date: '2019-03-03', quote: 'March 3, 2019', line: 3, note: 'The dateline or byline under the headline gives the date.' });
  });

  it('passes over an update, and a date in a sentence or in another story’s headline', () => {
    expect(dateNearHeadline(blocks('Harbour reopens after storm', 'Updated: 4 March 2019'), [0])).toBeUndefined();
    expect(dateNearHeadline(blocks('Harbour reopens after storm', 'Published 3 March 2019 · Updated 4 March 2019'), [0])?.date).toBe('2019-03-03');
    expect(dateNearHeadline(blocks('Harbour reopens after storm', 'The port said on 3 March 2019 that the sea wall had held.'), [0])).toBeUndefined();
    expect(dateNearHeadline(blocks('Harbour reopens after storm', 'Read more: Fishermen return upriver after the week of storms on the coast 2 March 2019'), [0])).toBeUndefined();
  });

  it('reads a day header above the headline, and only within reach of it', () => {
    expect(dateNearHeadline(blocks('Sunday, March 3, 2019', 'Harbour reopens after storm'), [1])?.date).toBe('2019-03-03');
    const far = blocks('Harbour reopens after storm', ...Array.from({ length: 9 }, (_, i) => `Line ${i} of the page`), 'March 3, 2019');
    expect(dateNearHeadline(far, [0])).toBeUndefined();
  });

  it('reads a news dateline opening the body’s first paragraph when the headline is not found', () => {
    const text = blocks('Menu', 'Reviewed by Ann Lee, MD', 'March 3, 2019 -- The harbour reopened on Monday after the storm, officials said, and the first ships queued to enter.');
    expect(dateNearHeadline(text, [], 2)).toMatchObject({ date: '2019-03-03', line: 3 });
    expect(dateNearHeadline(blocks('Menu', 'The harbour reopened on March 3, 2019 after the storm, officials said, and the first ships queued to enter as cranes resumed work.'), [], 1)).toBeUndefined();
  });

  it('falls back to the first byline with a date on it or beside it', () => {
    const text = blocks('Menu', 'Subscribe', 'The harbour story', 'By', 'Ann Lee', 'March 3, 2019 at 6:01 am Updated March 4, 2019 at 3:33 pm', 'Share');
    expect(dateNearHeadline(text, [])).toMatchObject({ date: '2019-03-03', line: 6, note: 'The byline, or a dateline beside it, gives the date.' });
    expect(dateNearHeadline(blocks('by Ann Lee March 3, 2019', 'Body.'), [])?.date).toBe('2019-03-03');
    expect(dateNearHeadline(blocks('Menu', 'Ann Lee', 'March 3, 2019', 'Body.'), [])).toBeUndefined();
  });
});
