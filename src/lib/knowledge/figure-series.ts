/**
 * Figure series: a number that changes over days ("deaths: 50,000 on 13 Jan,
 * 100,000 on 15 Jan, 200,000 on 20 Jan"), from the figures of one topic or
 * story.
 *
 * Figures count the same thing when they share a measure and a kind of
 * counted noun: "people" or no noun for deaths, wounded and casualties;
 * troops, soldiers and forces (or no noun) for deployments; any other noun
 * only itself ("UN personnel killed" is a count of its own). Each figure is
 * dated by its article's publication date (to the day; articles dated only
 * to a month or year are left out).
 *
 * Left out, since they are no reading of the count on that day:
 * - figures of measure `other`: what they count is not known, so no two can
 *   be said to count the same thing;
 * - vague plurals ("thousands"): the text states no number;
 * - figures in a sentence that names an earlier year ("storms in 2008 killed
 *   almost a thousand"): they count something in the past.
 *
 * Of one date, a point keeps the figures whose value is at least a tenth of
 * the date's largest: the toll is the largest count reported, and a count an
 * order of magnitude smaller counts a part of it (one building, one town, one
 * agency's staff), not a disagreement. Figures of one date that still differ
 * make the point a range, min to max, with every figure as its basis. A
 * series has at least two dates and two distinct values; a count that never
 * changes is no series.
 *
 * Pure and deterministic: the same figures and dates give the same series.
 */
import { claimLabel } from './figures.ts';
import type { Figure, Measure, Qualifier } from './schema.ts';

/** One date of a series: what the figures of that day say. */
export interface FigurePoint {
  /** The publication date of the articles that report it, `YYYY-MM-DD`. */
  date: string;
  /** The least value reported that day. */
  min: number;
  /** The greatest value reported that day; equal to `min` when all agree. */
  max: number;
  /** Words for the point: "more than 100,000" when every figure says so, else "50,000–100,000" or "100,000". */
  label: string;
  /** Whom the figures are attributed to, sorted; empty when none is attributed. */
  attributions: string[];
  /** Whether some figure of the day has no attribution. */
  unattributed: boolean;
  /** The figures the point stands on, largest value first, then article id and block: each with its sentence, attribution and citation. */
  figures: Figure[];
}

/** One count over days. */
export interface FigureSeries {
  /** What is counted and the kind of counted noun: `deaths`, `deployed`, `deaths:personnel`, `deployed:shells`. */
  key: string;
  measure: Measure;
  /** The counted noun when it is not the measure's usual one ("personnel", "shells"); absent for people, or troops when deployed. */
  unit?: string;
  /** One point a date, earliest first. */
  points: FigurePoint[];
}

/** Counted nouns that name a body of troops. */
const TROOPS = new Set(['troops', 'soldiers', 'forces', 'servicemen', 'servicemembers', 'combatants', 'fighters']);
/** Counted nouns that name people at large. */
const PEOPLE = new Set(['people', 'men']);
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
/** A year as the text dates something by it: "in 2008", "since 1946", "November 2008", "11 Oct, 1918". */
const YEAR = new RegExp(`(?:\\b(?:in|of|since|during|from|until)\\s+(?:(?:early|late|mid)[- ])?|\\b(?:${MONTHS})\\.?,?\\s+)(1[5-9]\\d\\d|20\\d\\d)\\b`, 'gi');
/** A point's figures reach down to this share of the day's largest value. */
const PART = 0.1;

/** The kind of counted noun a figure's series is keyed by; undefined for the measure's usual one. */
function unitKind(figure: Pick<Figure, 'measure' | 'unit'>): string | undefined {
  const unit = figure.unit?.toLowerCase();
  if (unit === undefined) return undefined;
  return (figure.measure === 'deployed' ? TROOPS : PEOPLE).has(unit) ? undefined : unit;
}

/** Whether the sentence dates what it says by a year before `year`. */
export function namesEarlierYear(sentence: string, year: number): boolean {
  for (const m of sentence.matchAll(YEAR)) if (Number(m[1]) < year) return true;
  return false;
}

const byArticle = (a: Figure, b: Figure): number => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.block - b.block);

/** Words for a point: the shared hedge when all its figures give one value with one hedge, else the bare range. */
function pointLabel(figures: readonly Figure[], min: number, max: number): string {
  if (min !== max) return `${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')}`;
  const qualifiers = new Set<Qualifier>(figures.map((f) => f.qualifier));
  const [only] = qualifiers;
  return claimLabel(qualifiers.size === 1 && only !== undefined ? only : 'none', min);
}

function point(date: string, all: readonly Figure[]): FigurePoint {
  const top = Math.max(...all.map((f) => f.value));
  const figures = all.filter((f) => f.value >= top * PART).sort((a, b) => b.value - a.value || byArticle(a, b));
  const min = Math.min(...figures.map((f) => f.value));
  return {
    date,
    min,
    max: top,
    label: pointLabel(figures, min, top),
    attributions: [...new Set(figures.flatMap((f) => (f.attribution ? [f.attribution] : [])))].sort(),
    unattributed: figures.some((f) => !f.attribution),
    figures,
  };
}

const MEASURE_ORDER: readonly Measure[] = ['deaths', 'casualties', 'wounded', 'deployed'];

/**
 * The series among `figures`: `dateOf` gives an article's publication date
 * (`YYYY-MM-DD`, or a month or year, or undefined when unknown). Series come
 * in measure order (deaths, casualties, wounded, deployed), then by
 * number of points (descending), then key.
 */
export function figureSeries(figures: readonly Figure[], dateOf: (article: string) => string | undefined): FigureSeries[] {
  const byKey = new Map<string, { measure: Measure; unit: string | undefined; byDate: Map<string, Figure[]> }>();
  for (const f of figures) {
    const date = dateOf(f.article);
    if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    if (f.measure === 'other' || f.qualifier === 'vague' || namesEarlierYear(f.sentence, Number(date.slice(0, 4)))) continue;
    const unit = unitKind(f);
    const key = unit === undefined ? f.measure : `${f.measure}:${unit}`;
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { measure: f.measure, unit, byDate: new Map() }));
    const day = group.byDate.get(date);
    if (day) day.push(f);
    else group.byDate.set(date, [f]);
  }
  const out: FigureSeries[] = [];
  for (const [key, { measure, unit, byDate }] of byKey) {
    const points = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, fs]) => point(date, fs));
    const values = new Set(points.flatMap((p) => [p.min, p.max]));
    if (points.length < 2 || values.size < 2) continue;
    out.push({ key, measure, ...(unit === undefined ? {} : { unit }), points });
  }
  return out.sort((a, b) => MEASURE_ORDER.indexOf(a.measure) - MEASURE_ORDER.indexOf(b.measure) || b.points.length - a.points.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
