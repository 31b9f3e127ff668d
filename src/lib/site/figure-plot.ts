/**
 * A figure series as a step chart: the day's largest value held until the
 * next date that reports one (the toll as the reports stood), and a dot for
 * each value a source gives that day: filled when the article attributes it,
 * hollow when not. At most `MAX_PLOT_DATES` dates (spread evenly from the
 * first to the latest) and `MAX_DOTS_PER_DATE` dots a date, so the plot stays
 * the same size however long the story runs; the table beside it lists the
 * numbers and whom they are attributed to. Values that span more than
 * `LOG_RATIO` to one (a toll that grows from 12 to 200,000, or one outlier
 * among small counts) are drawn on a log scale, which the chart says, so the
 * small ones stay apart.
 */
import type { FigureSeries } from '../knowledge/figure-series.ts';
import { dayNumber, niceTop } from './chart-axis.ts';
import type { SiteLocale } from './locale.ts';

export const MAX_PLOT_DATES = 40;
export const MAX_DOTS_PER_DATE = 6;
/** Past this ratio of the largest value to the least positive one, the value axis is logarithmic. */
export const LOG_RATIO = 50;

/** One value one or more articles give on one date, with the same attribution. */
export interface PlotDot {
  value: number;
  /** Whom it is attributed to; undefined when unattributed. */
  attribution?: string;
  /** How many figures give it. */
  reports: number;
  /** Where it stands: fractions of the width and of the value axis. */
  x: number;
  y: number;
  /** Words for a tooltip: "310 on 9 March 2031, according to the civil protection agency (2 reports)". */
  title: string;
}

/** One step: the line at `y` from one date's `x1` to the next date's `x2`, then up or down to that date's `yNext`. */
export interface PlotStep {
  x1: number;
  x2: number;
  y: number;
  yNext: number;
}

export interface FigurePlot {
  /** The top of the value axis, a round number. */
  top: number;
  /** The foot of the value axis: 0 on a linear scale, a power of ten on a log one. */
  bottom: number;
  scale: 'linear' | 'log';
  steps: PlotStep[];
  dots: PlotDot[];
  /** The first and latest date, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Dates left out by `MAX_PLOT_DATES`. */
  more: number;
}

/** Evenly spread indices of `n` items, at most `k`, first and last kept. */
function spread(n: number, k: number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  return [...new Set(Array.from({ length: k }, (_, i) => Math.round((i * (n - 1)) / (k - 1))))];
}

/** The plot of a series of at least two dates; undefined for fewer. */
export function figurePlot(series: Pick<FigureSeries, 'points'>, locale: SiteLocale): FigurePlot | undefined {
  const all = series.points;
  if (all.length < 2) return undefined;
  const points = spread(all.length, MAX_PLOT_DATES).map((i) => all[i]!);
  const first = dayNumber(points[0]!.date);
  const span = Math.max(1, dayNumber(points.at(-1)!.date) - first);
  const xOf = (date: string): number => (dayNumber(date) - first) / span;
  const top = niceTop(Math.max(...points.map((p) => p.max)));
  // A loop, not Math.min(...): a date can stand on thousands of figures.
  let least = top;
  for (const p of points) for (const f of p.figures) if (f.value > 0 && f.value < least) least = f.value;
  const scale = top / least > LOG_RATIO ? 'log' : 'linear';
  const bottom = scale === 'log' ? 10 ** Math.floor(Math.log10(least)) : 0;
  // A fraction of the axis's height; on a log scale a value below the foot (0) sits on it.
  const yOf = (v: number): number => (scale === 'linear' ? v / top : v <= bottom ? 0 : Math.log10(v / bottom) / Math.log10(top / bottom));
  const steps = points.slice(1).map((next, i): PlotStep => {
    const p = points[i]!;
    return { x1: xOf(p.date), x2: xOf(next.date), y: yOf(p.max), yNext: yOf(next.max) };
  });
  const dots: PlotDot[] = [];
  for (const p of points) {
    const byValue = new Map<string, { value: number; attribution: string | undefined; reports: number }>();
    for (const f of p.figures) {
      const key = `${f.value}\u0000${f.attribution ?? ''}`;
      const dot = byValue.get(key);
      if (dot) dot.reports++;
      else byValue.set(key, { value: f.value, attribution: f.attribution, reports: 1 });
    }
    // Figures come largest first, then by article: the first dots of a date are its largest values.
    for (const d of [...byValue.values()].slice(0, MAX_DOTS_PER_DATE)) {
      const said = d.attribution ? `, according to ${d.attribution}` : ', unattributed';
      const reports = `${locale.number(d.reports)} ${d.reports === 1 ? 'report' : 'reports'}`;
      dots.push({
        value: d.value,
        ...(d.attribution ? { attribution: d.attribution } : {}),
        reports: d.reports,
        x: xOf(p.date),
        y: yOf(d.value),
        title: `${locale.number(d.value)} on ${locale.date(p.date)}${said} (${reports})`,
      });
    }
  }
  return { top, bottom, scale, steps, dots, from: points[0]!.date, to: points.at(-1)!.date, more: all.length - points.length };
}
