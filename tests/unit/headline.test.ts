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

describe('dumpHeadline (a whole page saved as text)', () => {
  const paragraph = 'The harbour board voted on Tuesday to close the north pier to all boats until the repairs that its engineers asked for have been finished.';
  const page = [
    'Newsletters',
    'Ferry timetable changes for the winter months…',
    'Weather warning for the coast on Thursday evening',
    'Local News',
    'Harbour board closes the north pier for a year of repairs',
    'By Jane Example',
    '12 March 2024, 10:04',
    'The old pier seen from the beach. Photograph: Sam Example',
    paragraph,
    'It said the work would start in the spring.',
  ];
  const blocks = segment(page.join('\n'));
  it('is the line the byline and date follow, not a teaser above it, a label or a caption', async () => {
    const { dumpHeadline } = await import('../../src/lib/ingest/headline.ts');
    expect(dumpHeadline(blocks, all(blocks.length), false)?.text).toBe('Harbour board closes the north pier for a year of repairs');
  });
  it('leaves an article scraped alone, which opens with its headline, to findHeadline', async () => {
    const { dumpHeadline } = await import('../../src/lib/ingest/headline.ts');
    const article = segment(['Harbour board closes the north pier', 'Repairs will take a year', 'By Jane Example', paragraph].join('\n'));
    expect(dumpHeadline(article, all(article.length), true)).toBeUndefined();
  });
  it('takes a line no byline or date follows only from a page whose surroundings were cut', async () => {
    const { dumpHeadline } = await import('../../src/lib/ingest/headline.ts');
    const undated = segment([...page.slice(0, 5), 'Share this', 'Save', 'Print', paragraph].join('\n'));
    expect(dumpHeadline(undated, all(undated.length), false)).toBeUndefined();
    expect(dumpHeadline(undated, all(undated.length), true)?.text).toBe('Harbour board closes the north pier for a year of repairs');
  });
});
