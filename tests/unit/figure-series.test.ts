import { describe, expect, it } from 'vitest';
import { figureSeries, namesEarlierYear } from '../../src/lib/knowledge/figure-series.ts';
import { figuresInSentence } from '../../src/lib/knowledge/figures.ts';
import type { Figure } from '../../src/lib/knowledge/schema.ts';
import { figureSeriesFor, type Entry } from '../../src/lib/site/browse.ts';
import type { Article } from '../../src/lib/schema.ts';

/** The figures of one synthetic sentence, as article `article` block `block` has it. */
function fig(article: string, sentence: string, block = 1): Figure[] {
  return figuresInSentence(sentence).map((f) => ({ article, block, ...f }));
}

/** A series in short: "label (date)" for each point. */
const short = (points: readonly { label: string; date: string }[]): string => points.map((p) => `${p.label} (${p.date})`).join(' → ');

describe('figureSeries', () => {
  it('orders the figures of one measure by date, one point a date, each with its citation and attribution', () => {
    const dates = new Map([
      ['a', '2031-03-05'],
      ['b', '2031-03-03'],
      ['c', '2031-03-09'],
    ]);
    const figures = [
      ...fig('a', 'The flood has killed 120 people, the regional governor said.', 2),
      ...fig('b', 'At least 40 people died when the river burst its banks.'),
      ...fig('c', 'The death toll rose to 310, according to the civil protection agency.', 4),
    ];
    const [series, ...rest] = figureSeries(figures, (a) => dates.get(a));
    expect(rest).toEqual([]);
    expect(series?.key).toBe('deaths');
    expect(short(series?.points ?? [])).toBe('at least 40 (2031-03-03) → 120 (2031-03-05) → 310 (2031-03-09)');
    expect(series?.points.map((p) => [p.attributions, p.unattributed])).toEqual([
      [[], true],
      [['the regional governor'], false],
      [['the civil protection agency'], false],
    ]);
    expect(series?.points[2]?.figures.map((f) => [f.article, f.block, f.phrase])).toEqual([['c', 4, '310']]);
  });

  it('reads "killed", "dead" and "death toll" as one measure', () => {
    const dates = new Map([
      ['a', '2031-03-03'],
      ['b', '2031-03-04'],
      ['c', '2031-03-05'],
    ]);
    const figures = [...fig('a', 'Twelve people were killed in the blast.'), ...fig('b', 'Officials said 15 were dead.'), ...fig('c', 'The death toll stands at 19.')];
    expect(figureSeries(figures, (a) => dates.get(a)).map((s) => [s.key, s.points.map((p) => p.max)])).toEqual([['deaths', [12, 15, 19]]]);
  });

  it('keeps a range with every source where reports of one date disagree, and never a number no report gives', () => {
    const dates = new Map([
      ['a', '2031-03-03'],
      ['b', '2031-03-04'],
      ['c', '2031-03-04'],
      ['d', '2031-03-04'],
    ]);
    const figures = [
      ...fig('a', 'The quake killed 900 people, the interior ministry said.'),
      ...fig('b', 'The Red Crescent said 2,400 people were killed.'),
      ...fig('c', 'About 3,000 people have died, according to hospital officials.'),
      ...fig('d', 'More than 2,400 people are dead.'),
    ];
    const [series] = figureSeries(figures, (a) => dates.get(a));
    const day = series?.points[1];
    expect(day).toMatchObject({ date: '2031-03-04', min: 2400, max: 3000, label: '2,400–3,000', attributions: ['The Red Crescent', 'hospital officials'], unattributed: true });
    // Every figure stands in the point with its own hedge and words, largest first.
    expect(day?.figures.map((f) => [f.article, f.value, f.qualifier])).toEqual([
      ['c', 3000, 'about'],
      ['b', 2400, 'none'],
      ['d', 2400, 'more-than'],
    ]);
    const reported = new Set(figures.map((f) => f.value));
    for (const p of series?.points ?? []) expect(reported.has(p.min) && reported.has(p.max)).toBe(true);
  });

  it('leaves a count of a part (a tenth of the day’s largest or less) out of the day’s point', () => {
    const dates = new Map([
      ['a', '2031-03-03'],
      ['b', '2031-03-03'],
      ['c', '2031-03-06'],
    ]);
    const figures = [
      ...fig('a', 'The earthquake killed 4,000 people, the government said.'),
      ...fig('b', 'In the school alone 30 people died.'),
      ...fig('c', 'The death toll rose to 6,500.'),
    ];
    expect(short(figureSeries(figures, (a) => dates.get(a))[0]?.points ?? [])).toBe('4,000 (2031-03-03) → 6,500 (2031-03-06)');
  });

  it('makes no series of figures of one date, or of one value on every date', () => {
    const oneDate = [...fig('a', 'Ten people were killed.'), ...fig('b', 'Fourteen people were killed.')];
    expect(figureSeries(oneDate, () => '2031-03-03')).toEqual([]);
    const dates = new Map([
      ['a', '2031-03-03'],
      ['b', '2031-03-05'],
    ]);
    const sameValue = [...fig('a', 'Ten people were killed.'), ...fig('b', 'Ten people were killed, police said.')];
    expect(figureSeries(sameValue, (a) => dates.get(a))).toEqual([]);
  });

  it('never merges unrelated measures or counted nouns', () => {
    const dates = new Map([
      ['a', '2031-03-03'],
      ['b', '2031-03-05'],
    ]);
    const figures = [
      ...fig('a', 'The storm killed 20 people and injured 150.'),
      ...fig('a', 'Nine aid workers were killed.', 2),
      ...fig('a', 'Some 2,000 troops were deployed.', 3),
      ...fig('b', 'The storm has killed 45 people and injured 400.'),
      ...fig('b', 'Eleven aid workers were killed.', 2),
      ...fig('b', 'About 5,000 soldiers have been sent.', 3),
    ];
    expect(figureSeries(figures, (a) => dates.get(a)).map((s) => `${s.key}: ${s.points.map((p) => p.label).join(' → ')}`)).toEqual([
      'deaths: 20 → 45',
      'deaths:workers: 9 → 11',
      'wounded: 150 → 400',
      'deployed: about 2,000 → about 5,000',
    ]);
  });

  it('leaves out vague plurals, figures about an earlier year, figures of measure other, and articles not dated to a day', () => {
    const dates = new Map([
      ['a', '2031-03-03'],
      ['b', '2031-03-04'],
      ['c', '2031-03'],
      ['d', '2031-03-06'],
    ]);
    const figures = [
      ...fig('a', 'At least 60 people were killed.'),
      ...fig('b', 'Thousands of people are feared dead.'),
      ...fig('b', 'Floods in 2019 killed almost 8,000 people.', 2),
      ...fig('c', 'The toll rose to 150 people killed.'),
      ...fig('d', 'Officials said 95 people were killed.'),
      ...fig('a', 'Some 300 shells were delivered.', 2),
      ...fig('d', 'Some 500 shells were delivered.', 2),
    ];
    expect(figureSeries(figures, (a) => dates.get(a)).map((s) => [s.key, short(s.points)])).toEqual([['deaths', 'at least 60 (2031-03-03) → 95 (2031-03-06)']]);
  });

  it('is deterministic, whatever order the figures come in', () => {
    const dates = new Map([
      ['a', '2031-03-03'],
      ['b', '2031-03-05'],
      ['c', '2031-03-05'],
    ]);
    const figures = [...fig('a', 'Eight people were killed.'), ...fig('b', 'Officials said 14 people were killed.'), ...fig('c', 'Police said 12 people died.')];
    expect(figureSeries([...figures].reverse(), (a) => dates.get(a))).toEqual(figureSeries(figures, (a) => dates.get(a)));
  });
});

describe('namesEarlierYear', () => {
  it('finds a year the sentence dates something by, not a number or a later year', () => {
    expect(namesEarlierYear('Storms in 2008 killed almost a thousand people.', 2031)).toBe(true);
    expect(namesEarlierYear('A quake in November 1946 killed 1,600 people.', 2031)).toBe(true);
    expect(namesEarlierYear('The 2031 floods killed 40 people.', 2031)).toBe(false);
    expect(namesEarlierYear('1403 The agency says 14 staff died.', 2031)).toBe(false);
  });
});

describe('figureSeriesFor (the figures panel)', () => {
  /** An entry published on `date`, with only what the panel reads. */
  const entry = (id: string, date: string): Entry => ({ id, data: { published: { date, precision: 'day', basis: 'editor' } } as unknown as Article });

  it('dates figures by their articles, drops dates that repeat the one before, and spreads the rest within the limit', () => {
    const tolls = [10, 10, 25, 40, 70, 90, 130, 160];
    const entries = new Map(tolls.map((_, i) => [`a${i}`, entry(`a${i}`, `2031-03-${String(i + 1).padStart(2, '0')}`)] as const));
    const figures = tolls.flatMap((n, i) => fig(`a${i}`, `The death toll rose to ${n}, officials said.`, i + 1));
    const [row, ...rest] = figureSeriesFor(figures, entries, { series: 3, points: 4 });
    expect(rest).toEqual([]);
    // Seven distinct values in eight dates; four of them, first and latest kept.
    expect(row?.points.map((p) => `${p.label} (${p.day})`)).toEqual(['10 (1 Mar)', '40 (4 Mar)', '90 (6 Mar)', '160 (8 Mar)']);
    expect(row?.more).toBe(4);
    expect(row?.points[3]).toMatchObject({ date: '2031-03-08', cite: { article: 'a7', block: 8 }, attributions: ['officials'], unattributed: false, reports: 1 });
  });

  it('says the year when the series spans two', () => {
    const entries = new Map([
      ['a', entry('a', '2030-12-30')],
      ['b', entry('b', '2031-01-02')],
    ]);
    const figures = [...fig('a', 'Twelve people were killed.'), ...fig('b', 'Twenty people were killed.')];
    expect(figureSeriesFor(figures, entries, { series: 3, points: 6 })[0]?.points.map((p) => p.day)).toEqual(['30 Dec 2030', '2 Jan 2031']);
  });
});
