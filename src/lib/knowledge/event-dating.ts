/**
 * Dates of a group: whether the citations gathered as one event agree on when
 * it happened, and what its date is.
 *
 * Takes citations, or the `DateFacts` they reduce to (their distinct certain
 * readings, bounds and ambiguous reading lists); returns a verdict: conflict
 * or not, whether every disagreement is near (`NEAR_DAYS`), and how each
 * ambiguous reading list came out. Certain readings stand; an ambiguous list
 * keeps only the readings every certain reading and bound of the group
 * allows, so ambiguity is settled by the other citations of the same event or
 * not at all, never by a guess. A conflicting event shows the date at least
 * `MAJORITY_SHARE` (and `MAJORITY_MIN`) of its reporting articles give, as a
 * few reports misreading a date should not hide what most say.
 *
 * Also what similarity search needs of dates: the readings a certain reading
 * may share a group with (`readingsAround`), so pairs that no group could
 * hold are never compared.
 *
 * Pure: no I/O, no clock.
 */
import { DATE_PATTERN, precisionOf } from '../schema.ts';
import { cmp, commonPrefix, contains, datedOf, DAY_MS, gapDays, near, NEAR_DAYS, rangeOf, type Dated } from './event-calendar.ts';
import type { EventDate } from './event-schema.ts';
import type { Candidate, CandidateDates, Judge } from './event-types.ts';

/** Share of an event's reporting articles whose date settles a conflict by majority. */
export const MAJORITY_SHARE = 0.75;
/** Fewest articles that settle a conflict by majority. */
export const MAJORITY_MIN = 3;

/** The day's date, `YYYY-MM-DD`. */
export function civilDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True for a reading whose first day is spelled with it, as `readingsAround` spells readings (not 2024-02-30, nor 0024, which `rangeOf` reads as 1924). */
export function isCalendarReading(reading: string): boolean {
  return DATE_PATTERN.test(reading) && civilDate(rangeOf(reading).from).startsWith(reading);
}

/**
 * The certain readings that a citation certainly dated `reading` can share a
 * group with: of its precision or coarser, containing it or lying near it
 * (two certain readings that neither nest nor lie near make any group holding
 * both a conflict too wide to merge). `wider`: the coarser readings that
 * contain it; `level`: the rest, itself and its near neighbours.
 */
export function readingsAround(reading: string): { level: string[]; wider: string[] } {
  const own = datedOf(reading);
  const level: string[] = [];
  const wider: string[] = [];
  const take = (other: string, within: number): void => {
    if (gapDays(own, rangeOf(other)) > within) return;
    if (other.length < reading.length && contains(other, reading)) wider.push(other);
    else level.push(other);
  };
  const window = (within: number): [string, string] => [civilDate(own.from - within - 1), civilDate(own.to + within + 1)];
  const precision = precisionOf(reading);
  const [y0, y1] = window(NEAR_DAYS.year);
  for (let y = Number(y0.slice(0, 4)); y <= Number(y1.slice(0, 4)); y++) take(String(y).padStart(4, '0'), NEAR_DAYS.year);
  if (precision !== 'year') {
    const [m0 = 0, m1 = -1] = window(NEAR_DAYS.month).map((d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1);
    for (let k = m0; k <= m1; k++) take(`${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`, NEAR_DAYS.month);
  }
  if (precision === 'day') {
    for (let day = own.from - NEAR_DAYS.day - 1; day <= own.to + NEAR_DAYS.day + 1; day++) take(civilDate(day), NEAR_DAYS.day);
  }
  return { level, wider };
}

/** True when `reading` agrees with the judge: contains or lies in its date, or on the right side of its bound. */
export function fits(reading: Dated, judge: Judge): boolean {
  if (judge.relation === 'on') return contains(reading.reading, judge.reading);
  return judge.relation === 'on-or-before' ? reading.from <= judge.to : reading.to >= judge.from;
}

/**
 * All a group's citations say about its dates: the distinct readings of its
 * certain citations, its distinct bounds, and the distinct reading lists of
 * its ambiguous citations. Repeats add nothing to a judgement, so judging the
 * facts is judging the group, at the cost of its distinct dates.
 */
export interface DateFacts {
  certain: Dated[];
  bounds: Judge[];
  /** Each with its `readingsKey`. */
  ambiguous: { key: string; readings: readonly Dated[] }[];
  /** A key for each entry above (its relation and reading or readings), so none is held twice. */
  held: Set<string>;
}

/** The key of an ambiguous citation's reading list. */
export function readingsKey(c: Pick<Candidate, 'readings'>): string {
  return c.readings.join(' ');
}

/** Facts that hold nothing. */
export function emptyFacts(): DateFacts {
  return { certain: [], bounds: [], ambiguous: [], held: new Set() };
}

/** Adds `from`'s facts to `into`'s, each once. */
export function addFacts(into: DateFacts, from: DateFacts): void {
  for (const d of from.certain) {
    if (into.held.has(`on ${d.reading}`)) continue;
    into.held.add(`on ${d.reading}`);
    into.certain.push(d);
  }
  for (const b of from.bounds) {
    if (into.held.has(`${b.relation} ${b.reading}`)) continue;
    into.held.add(`${b.relation} ${b.reading}`);
    into.bounds.push(b);
  }
  for (const a of from.ambiguous) {
    if (into.held.has(`either ${a.key}`)) continue;
    into.held.add(`either ${a.key}`);
    into.ambiguous.push(a);
  }
}

/** The facts the citations give, each once, in citation order. */
export function factsOf(cs: readonly CandidateDates[]): DateFacts {
  const facts = emptyFacts();
  for (const c of cs) {
    const one = emptyFacts();
    if (c.relation !== 'on') one.bounds.push(c.judge);
    else if (c.ambiguous) one.ambiguous.push({ key: readingsKey(c), readings: c.spans });
    else one.certain.push(c.spans[0] ?? datedOf(''));
    addFacts(facts, one);
  }
  return facts;
}

/** How many distinct facts `f` holds: what adding them to another group costs. */
export function factCount(f: DateFacts): number {
  return f.held.size;
}

/** How an ambiguous reading list came out: the readings every judge allows, and the reading taken. */
export interface Settlement {
  left: string[];
  /** The one reading left; the first reading when none is left (a conflict); else what the readings left share, if anything. */
  reading: string | undefined;
}

/** The verdict on a group's dates. */
export interface DateVerdict {
  conflict: boolean;
  /** Readings that disagree, all close together. */
  allNear: boolean;
}

/**
 * Settles the dates of a group of citations, given as the union of `parts`:
 * certain readings stand; an ambiguous one keeps the candidates that agree
 * with every certain reading and bound of the group (one left: settled; none
 * left: a conflict); then every reading must contain or lie in every other
 * (else a conflict, near or not) and keep to every bound (else a conflict).
 */
export function judgeDates(parts: readonly DateFacts[]): DateVerdict & { settled: Map<string, Settlement> } {
  const facts = emptyFacts();
  for (const p of parts) addFacts(facts, p);
  const judges: Judge[] = [...facts.certain.map((r): Judge => ({ relation: 'on', ...r })), ...facts.bounds];
  const settled = new Map<string, Settlement>();
  const readings = new Map(facts.certain.map((d) => [d.reading, d]));
  let conflict = false;
  for (const { key, readings: list } of facts.ambiguous) {
    const left = list.filter((r) => judges.every((j) => fits(r, j)));
    let reading: string | undefined;
    if (left.length === 1) reading = left[0]?.reading;
    else if (left.length === 0) {
      conflict = true;
      reading = list[0]?.reading;
    } else reading = commonPrefix(left.map((r) => r.reading));
    settled.set(key, { left: left.map((r) => r.reading), reading });
    if (reading !== undefined && !readings.has(reading)) readings.set(reading, datedOf(reading));
  }
  const distinct = [...readings.values()];
  let allNear = true;
  distinct.forEach((a, i) => {
    for (const b of distinct.slice(i + 1)) {
      if (!contains(a.reading, b.reading)) {
        conflict = true;
        if (!near(a, b)) allNear = false;
      }
    }
    for (const b of facts.bounds) if (!fits(a, b)) conflict = true;
  });
  return { settled, conflict, allNear };
}

/** A group being merged: its date facts and its own verdict on them. */
export interface Group extends DateVerdict {
  facts: DateFacts;
}

/**
 * The verdict on joining two groups, given each group's own. Without
 * ambiguous readings nothing is settled anew, so only the pairs across the
 * two groups are new; with them, the joined group is judged afresh.
 */
export function judgeJoin(g: Group, h: Group): DateVerdict {
  if (g.facts.ambiguous.length || h.facts.ambiguous.length) return judgeDates([g.facts, h.facts]);
  let conflict = g.conflict || h.conflict;
  const allNear = g.allNear && h.allNear;
  // Both flags only ever turn (conflict on, allNear off): once both have, no later pair can change the verdict.
  if (conflict && !allNear) return { conflict, allNear };
  for (const a of g.facts.certain) {
    for (const b of h.facts.certain) {
      if (contains(a.reading, b.reading)) continue;
      conflict = true;
      if (!near(a, b)) return { conflict, allNear: false };
    }
    if (!conflict) for (const b of h.facts.bounds) if (!fits(a, b)) conflict = true;
  }
  if (!conflict) for (const a of h.facts.certain) for (const b of g.facts.bounds) if (!fits(a, b)) conflict = true;
  return { conflict, allNear };
}

/** A date most of an event's reporting articles give: the date, how many articles give it (or a finer date within it), and how many report the event. */
export interface Majority {
  date: string;
  agree: number;
  reporting: number;
}

/**
 * The date of a conflicting event that most reports agree on, if any: a
 * month named without its year, read in a later year, should not hide the
 * date the rest give. An article agrees with a date when it gives that date
 * or one within it; the date most articles agree with (then the finer, then
 * the earlier) is the majority when at least `MAJORITY_SHARE` of the
 * reporting articles, and at least `MAJORITY_MIN` of them, agree with it.
 * `dates` are the event's distinct dates with the places that give each.
 */
export function majorityDate(dates: readonly EventDate[]): Majority | undefined {
  const articlesOf = (d: EventDate): Set<string> => new Set(d.citations.map((p) => p.article));
  const reporting = new Set(dates.flatMap((d) => [...articlesOf(d)]));
  const nested = (d: EventDate): Set<string> => new Set(dates.filter((o) => d.date.startsWith(o.date)).flatMap((o) => [...articlesOf(o)]));
  const top = [...dates].sort((a, b) => nested(b).size - nested(a).size || b.date.length - a.date.length || cmp(a.date, b.date))[0];
  const agree = top ? nested(top).size : 0;
  return top !== undefined && agree >= MAJORITY_MIN && agree >= MAJORITY_SHARE * reporting.size ? { date: top.date, agree, reporting: reporting.size } : undefined;
}
