import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay, labelsThatFit, niceTop, pct, slotTicks } from '../../src/lib/site/chart-axis.ts';
import { coverageChart, MAX_DAY_BINS, numberRuns } from '../../src/lib/site/coverage.ts';
import { figurePlot, MAX_PLOT_DATES } from '../../src/lib/site/figure-plot.ts';
import { siteLocale } from '../../src/lib/site/locale.ts';
import { storyStrip } from '../../src/lib/site/story-strip.ts';
import { figureSeries, type FigurePoint } from '../../src/lib/knowledge/figure-series.ts';
import type { Figure } from '../../src/lib/knowledge/schema.ts';

const en = siteLocale();
const days = (from: string, n: number): string[] => Array.from({ length: n }, (_, i) => isoDay(dayNumber(from) + i));

describe('chart axes', () => {
  it('round the top of an axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 10, 11, 27, 50, 51, 240, 1_000_001].map(niceTop)).toEqual([1, 1, 5, 10, 20, 50, 50, 100, 500, 2_000_000]);
  });
  it('write positions as fixed percentages, clamped to the chart', () => {
    expect([0, 1 / 3, 1, 1.2, -0.1].map(pct)).toEqual(['0.00%', '33.33%', '100.00%', '100.00%', '0.00%']);
  });
  it('keep a label only where it clears the last one kept', () => {
    expect(labelsThatFit([0, 0.01, 0.05, 0.06, 0.5], 300, 12)).toEqual([true, false, true, false, true]);
  });
  it('label fewer slots on a narrow screen, each of them also labelled on a wide one', () => {
    const ticks = slotTicks(60, (i) => isoDay(dayNumber('2031-01-01') + i), (d) => d, 56);
    expect(ticks.length).toBeLessThanOrEqual(12);
    expect(ticks.filter((t) => t.narrow).length).toBeLessThan(ticks.length);
    expect(ticks[0]).toMatchObject({ date: '2031-01-01', narrow: true });
  });
});

describe('coverageChart', () => {
  it('counts articles a day, empty days too, and leaves out articles with no known day', () => {
    const chart = coverageChart(['2031-03-03', '2031-03-03', '2031-03-05', undefined, '2031-03', '2031'], [], en)!;
    expect(chart.unit).toBe('day');
    expect(chart.bins.map((b) => [b.from, b.count])).toEqual([
      ['2031-03-03', 2],
      ['2031-03-04', 0],
      ['2031-03-05', 1],
    ]);
    expect(chart.bins[0]!.label).toBe('3 March 2031');
    expect([chart.placed, chart.undated, chart.top]).toEqual([3, 3, 2]);
    expect(chart.bins.map((b) => b.height)).toEqual([1, 0, 0.5]);
    // Bars stand side by side inside the width.
    const last = chart.bins.at(-1)!;
    expect(last.x + last.width).toBeLessThanOrEqual(1);
  });

  it('counts by ISO week (Monday to Sunday) past MAX_DAY_BINS days, by month past three years', () => {
    // 2031-03-05 is a Wednesday: its week starts on Monday 3 March.
    const chart = coverageChart(['2031-03-05', '2031-03-09', '2031-03-10', isoDay(dayNumber('2031-03-05') + MAX_DAY_BINS)], [], en)!;
    expect(chart.unit).toBe('week');
    expect(chart.bins[0]).toMatchObject({ from: '2031-03-03', to: '2031-03-09', count: 2, label: '3 March 2031 to 9 March 2031' });
    expect(chart.bins[1]).toMatchObject({ from: '2031-03-10', count: 1 });
    expect(chart.bins.reduce((s, b) => s + b.count, 0)).toBe(4);
    const months = coverageChart(['2028-01-31', '2028-02-01', '2031-12-31'], [], en)!;
    expect(months.unit).toBe('month');
    expect(months.bins.length).toBe(48);
    expect(months.bins.slice(0, 2).map((b) => [b.from, b.to, b.count])).toEqual([
      ['2028-01-01', '2028-01-31', 1],
      ['2028-02-01', '2028-02-29', 1],
    ]);
  });

  it('has no chart when no article has a day, or all have the same one', () => {
    expect(coverageChart([undefined, '2031-03'], [], en)).toBeUndefined();
    expect(coverageChart(['2031-03-01', '2031-03-01', undefined], [], en)).toBeUndefined();
  });

  it('marks key events by their number in the list, on their day; the rest are named as unmarked', () => {
    const chart = coverageChart(days('2031-03-01', 10), [{ date: '2030-12-01' }, { date: '2031-03-01' }, { date: '2031-03' }, { date: '2031-03-10' }, {}, { date: '2031-04-02' }], en)!;
    expect(chart.marks.map((m) => [m.n, m.date])).toEqual([
      [2, '2031-03-01'],
      [4, '2031-03-10'],
    ]);
    expect(chart.marks.map((m) => m.x)).toEqual([0.05, 0.95]);
    expect(chart.unmarked).toEqual([1, 3, 5, 6]);
  });

  it('places a key event inside its week, and leaves out numbers that would crowd a neighbour', () => {
    const chart = coverageChart(days('2031-01-06', 140), [{ date: '2031-01-06' }, { date: '2031-01-07' }, { date: '2031-03-01' }], en)!;
    expect(chart.unit).toBe('week');
    const [a, b, c] = chart.marks;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.x - a!.x).toBeCloseTo(1 / 7 / chart.bins.length);
    expect([a!.labelWide, b!.labelWide, c!.labelWide]).toEqual([true, false, true]);
  });

  it('writes dates in the site’s language', () => {
    const chart = coverageChart(['2031-03-03', '2031-03-04'], [], siteLocale('de'))!;
    expect(chart.bins[0]!.label).toBe('3. März 2031');
    expect(chart.ticks[0]!.label).toBe('3. März');
  });

  it('says runs of numbers briefly', () => {
    expect([numberRuns([]), numberRuns([4]), numberRuns([1, 2]), numberRuns([1, 2, 3, 5, 7, 8, 9])]).toEqual(['', '4', '1, 2', '1–3, 5 and 7–9']);
  });
});

describe('storyStrip', () => {
  it('gives each outlet a row in order of its first report, a dot a day with its count', () => {
    const strip = storyStrip(
      [
        { outlet: 'B', date: '2031-03-04' },
        { outlet: 'A', date: '2031-03-05' },
        { outlet: 'B', date: '2031-03-04' },
        { outlet: 'A', date: '2031-03-06' },
        { outlet: 'C', date: '2031-03' },
      ],
      en,
    )!;
    expect(strip.rows.map((r) => [r.outlet, r.articles, r.dots.map((d) => [d.date, d.count])])).toEqual([
      ['B', 2, [['2031-03-04', 2]]],
      [
        'A',
        2,
        [
          ['2031-03-05', 1],
          ['2031-03-06', 1],
        ],
      ],
    ]);
    expect(strip.rows[0]!.dots[0]!.x).toBeCloseTo(0.5 / 3);
    expect([strip.from, strip.to, strip.undated, strip.moreOutlets]).toEqual(['2031-03-04', '2031-03-06', 1, 0]);
  });

  it('keeps the outlets with the most articles and counts the rest', () => {
    const articles = [
      ...['2031-03-01', '2031-03-02', '2031-03-03'].map((date) => ({ outlet: 'Big', date })),
      { outlet: 'Early', date: '2031-02-20' },
      { outlet: 'Late', date: '2031-03-09' },
      { outlet: 'Later', date: '2031-03-10' },
    ];
    const strip = storyStrip(articles, en, 2)!;
    expect(strip.rows.map((r) => r.outlet)).toEqual(['Early', 'Big']);
    expect([strip.moreOutlets, strip.moreArticles]).toEqual([2, 2]);
    // The axis still spans every dated article.
    expect([strip.from, strip.to]).toEqual(['2031-02-20', '2031-03-10']);
  });

  it('has no strip when no article has a day', () => {
    expect(storyStrip([{ outlet: 'A', date: undefined }], en)).toBeUndefined();
  });
});

describe('figurePlot', () => {
  const fig = (article: string, value: number, attribution?: string): Figure => ({ article, block: 1, measure: 'deaths', value, qualifier: 'none', text: String(value), phrase: String(value), sentence: `${value} died.`, ...(attribution ? { attribution } : {}) });

  it('steps through the largest value of each date, with a dot per value and attribution', () => {
    const dates = new Map([
      ['a', '2031-03-01'],
      ['b', '2031-03-01'],
      ['c', '2031-03-01'],
      ['d', '2031-03-05'],
    ]);
    const [series] = figureSeries([fig('a', 100, 'the ministry'), fig('b', 100, 'the ministry'), fig('c', 80), fig('d', 300, 'the UN')], (id) => dates.get(id));
    const plot = figurePlot(series!, en)!;
    expect(plot.top).toBe(500);
    expect(plot.steps).toEqual([{ x1: 0, x2: 1, y: 0.2, yNext: 0.6 }]);
    expect(plot.dots.map((d) => [d.value, d.attribution, d.reports, d.x])).toEqual([
      [100, 'the ministry', 2, 0],
      [80, undefined, 1, 0],
      [300, 'the UN', 1, 1],
    ]);
    expect(plot.dots[0]!.title).toBe('100 on 1 March 2031, according to the ministry (2 reports)');
    expect(plot.dots[1]!.title).toBe('80 on 1 March 2031, unattributed (1 report)');
  });

  it('keeps at most MAX_PLOT_DATES dates, the first and the latest among them', () => {
    const points: FigurePoint[] = days('2031-01-01', 100).map((date, i) => ({ date, min: i + 1, max: i + 1, label: String(i + 1), attributions: [], unattributed: true, figures: [fig(`a${i}`, i + 1)] }));
    const plot = figurePlot({ points }, en)!;
    expect(plot.steps.length).toBe(MAX_PLOT_DATES - 1);
    expect([plot.from, plot.to, plot.more]).toEqual(['2031-01-01', '2031-04-10', 100 - MAX_PLOT_DATES]);
    expect(plot.dots.length).toBe(MAX_PLOT_DATES);
  });

  it('draws values that span orders of magnitude on a log scale', () => {
    const dates = new Map([
      ['a', '2031-03-01'],
      ['b', '2031-03-02'],
      ['c', '2031-03-03'],
    ]);
    const [series] = figureSeries([fig('a', 12), fig('b', 120), fig('c', 1200)], (id) => dates.get(id));
    const plot = figurePlot(series!, en)!;
    expect([plot.scale, plot.bottom, plot.top]).toEqual(['log', 10, 2000]);
    const ys = plot.dots.map((d) => d.y);
    // Each tenfold rise is one equal step up.
    expect(ys[1]! - ys[0]!).toBeCloseTo(ys[2]! - ys[1]!);
    expect(ys[2]).toBeLessThan(1);
  });

  it('has no plot for a single date', () => {
    expect(figurePlot({ points: [] }, en)).toBeUndefined();
  });
});
