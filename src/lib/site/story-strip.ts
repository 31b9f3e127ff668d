/**
 * Which outlets reported a story when: one row per outlet, a dot on a shared
 * day axis for each day it published on the story (with how many articles
 * that day). At most `maxRows` outlets, those with the most articles (then
 * the earliest, then by name), shown in order of their first report; the
 * rest are counted. Articles with no publication day are counted, not
 * placed. Bounded: rows × days, never one element per article of a story
 * a thousand outlets reprinted.
 */
import { dayLabeller, dayNumber, isDay, isoDay, slotTicks, type AxisTick } from './chart-axis.ts';
import type { SiteLocale } from './locale.ts';

/** Rows shown at most. */
export const STRIP_ROWS = 8;

/** One article as the strip needs it. */
export interface StripArticle {
  /** The outlet's name as the site shows it. */
  outlet: string;
  /** The publication date: `YYYY-MM-DD`, a month, a year or undefined. */
  date: string | undefined;
}

/** The articles of one outlet on one day. */
export interface StripDot {
  date: string;
  /** "3 March 2025". */
  label: string;
  count: number;
  /** Where it stands, a fraction of the width. */
  x: number;
}

export interface StripRow {
  outlet: string;
  dots: StripDot[];
  /** Articles of this outlet on the strip. */
  articles: number;
}

export interface StoryStrip {
  rows: StripRow[];
  ticks: AxisTick[];
  /** The first and last day on the axis. */
  from: string;
  to: string;
  /** Outlets and their articles left off by `maxRows`. */
  moreOutlets: number;
  moreArticles: number;
  /** Articles with no publication day. */
  undated: number;
}

/** The strip of these articles; undefined when none has a publication day. */
export function storyStrip(articles: readonly StripArticle[], locale: SiteLocale, maxRows = STRIP_ROWS): StoryStrip | undefined {
  const byOutlet = new Map<string, Map<number, number>>();
  let undated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const a of articles) {
    if (!isDay(a.date)) {
      undated++;
      continue;
    }
    const day = dayNumber(a.date);
    first = Math.min(first, day);
    last = Math.max(last, day);
    let days = byOutlet.get(a.outlet);
    if (!days) byOutlet.set(a.outlet, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  if (byOutlet.size === 0) return undefined;
  const span = last - first + 1;
  const xOf = (day: number): number => (day - first + 0.5) / span;
  const all = [...byOutlet.entries()].map(([outlet, days]) => {
    const sorted = [...days.entries()].sort((a, b) => a[0] - b[0]);
    return { outlet, sorted, articles: sorted.reduce((s, [, c]) => s + c, 0), firstDay: sorted[0]![0] };
  });
  const byName = (a: { outlet: string }, b: { outlet: string }): number => (a.outlet < b.outlet ? -1 : a.outlet > b.outlet ? 1 : 0);
  const kept = [...all].sort((a, b) => b.articles - a.articles || a.firstDay - b.firstDay || byName(a, b)).slice(0, maxRows);
  kept.sort((a, b) => a.firstDay - b.firstDay || byName(a, b));
  const rows = kept.map(
    (o): StripRow => ({
      outlet: o.outlet,
      articles: o.articles,
      dots: o.sorted.map(([day, count]) => ({ date: isoDay(day), label: locale.date(isoDay(day)), count, x: xOf(day) })),
    }),
  );
  const short = dayLabeller(isoDay(first), isoDay(last), locale);
  const ticks = slotTicks(span, (i) => isoDay(first + i), short, short(isoDay(first)).length > 7 ? 90 : 56);
  const shownArticles = rows.reduce((s, r) => s + r.articles, 0);
  const datedArticles = all.reduce((s, o) => s + o.articles, 0);
  return { rows, ticks, from: isoDay(first), to: isoDay(last), moreOutlets: all.length - rows.length, moreArticles: datedArticles - shownArticles, undated };
}
