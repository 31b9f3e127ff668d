/**
 * What a timeline leads with, two ways from one notion of salience (how many
 * articles tell a date or an event, and how many look back to it):
 *
 * `keyDates` picks k days in a span, as the Timeline17 protocol asks, and is
 * what `npm run eval:timeline` scores against journalists' timelines:
 *
 * - candidates are the day-precise dates of events within [from, to]: an
 *   event's `date` when its precision is `day`; an event whose citations
 *   conflict (`conflict`, no day-precise `date`) counts on each day-precise
 *   reading in its `dates`, with the citations that give that reading;
 *   month and year dates never count, scheduled events do;
 * - a date scores the number of distinct articles citing events on it, plus
 *   the number of those articles that look back to it, i.e. were published
 *   (`options.published`, day-precise) after that date: the two document
 *   counts of DATEWISE (Ghalandari and Ifrim 2020), unweighted; plus the
 *   articles published the next day, which report what happened on it;
 *   plus `CHRONOLOGY_WEIGHT` for each chronology in the corpus that lists
 *   the date (an editor's own choice of key dates; see `chronologies.ts`).
 *   Without `published` only the citing articles and chronologies count;
 * - the k best dates are kept (ties: more citations, then the earlier
 *   date), and returned in date order;
 * - a date's title is the summary of its most-cited event (ties: more
 *   distinct articles, then the event listed first).
 *
 * `keyEvents` picks the events a topic page leads with (see its comment): the
 * same salience per event, at any precision ("June 2024" is a key date for a
 * reader), one a date.
 *
 * Pure and deterministic: no I/O, no clock.
 */
import { CHRONOLOGY_WEIGHT, chronologies, listingsOf } from './chronologies.ts';
import type { TimelineEvent } from './events.ts';
import { substantiveWords } from './text-words.ts';
import { titleFlaws } from './titling.ts';

/** One key date of a timeline. */
export interface KeyDate {
  /** The day, `YYYY-MM-DD`. */
  date: string;
  /** What happened that day, best first: for now one title, the summary of the date's most-cited event. */
  titles: string[];
  /** Ids of every event on that date, most-cited first (the first one gave the title). */
  events: string[];
}

export interface KeyDateOptions {
  /** How many dates to return at most (fewer when fewer dates qualify); 0 or less returns none. */
  k: number;
  /** First day allowed, `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** Last day allowed, `YYYY-MM-DD`, inclusive. */
  to?: string;
  /** Each article's publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) by id: tells which citations look back. */
  published?: ReadonlyMap<string, string>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One event's share of one date: the event and the articles of the citations that give that date. */
interface Telling {
  event: TimelineEvent;
  order: number;
  articles: readonly string[];
}

/** The day-precise dates an event counts on, each with its citing articles (one per citation). */
function dayReadings(event: TimelineEvent): { date: string; articles: string[] }[] {
  if (event.precision === 'day' && event.date !== undefined) return [{ date: event.date, articles: event.citations.map((c) => c.article) }];
  if (!event.conflict) return [];
  return event.dates.filter((d) => d.precision === 'day').map((d) => ({ date: d.date, articles: d.citations.map((c) => c.article) }));
}

/**
 * The k key dates of a timeline made of `events`, in date order, with their
 * titles and events (see the module comment for how they are chosen).
 */
export function keyDates(events: readonly TimelineEvent[], options: KeyDateOptions): KeyDate[] {
  const { k, from, to, published } = options;
  if (!(k > 0)) return [];
  const byDate = new Map<string, Telling[]>();
  const lists = chronologies(events);
  events.forEach((event, order) => {
    for (const { date, articles } of dayReadings(event)) {
      if (!DAY.test(date) || (from !== undefined && date < from) || (to !== undefined && date > to)) continue;
      const list = byDate.get(date) ?? [];
      list.push({ event, order, articles });
      byDate.set(date, list);
    }
  });
  // Articles published the day after a date report what happened on it, whether or not their sentences name it
  // (the P_d of DATEWISE's candidate sentences, Ghalandari and Ifrim 2020 §3.1): each counts once for that date.
  const nextDay = new Map<string, number>();
  for (const day of published?.values() ?? []) {
    if (!DAY.test(day)) continue;
    const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    nextDay.set(before, (nextDay.get(before) ?? 0) + 1);
  }
  const scored = [...byDate].map(([date, tellings]) => {
    const citing = new Set(tellings.flatMap((t) => t.articles));
    let lookingBack = 0;
    for (const article of citing) {
      const day = published?.get(article);
      if (day !== undefined && DAY.test(day) && day > date) lookingBack += 1;
    }
    const citations = tellings.reduce((n, t) => n + t.articles.length, 0);
    const listed = new Set(tellings.flatMap((t) => [...listingsOf(t.event, date, lists)]));
    return { date, tellings, score: citing.size + lookingBack + (nextDay.get(date) ?? 0) + CHRONOLOGY_WEIGHT * listed.size, citations };
  });
  scored.sort((a, b) => b.score - a.score || b.citations - a.citations || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return scored
    .slice(0, Math.floor(k))
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map(({ date, tellings }) => {
      const ranked = [...tellings].sort(
        (a, b) => b.articles.length - a.articles.length || new Set(b.articles).size - new Set(a.articles).size || a.order - b.order,
      );
      const ids = new Set(ranked.map((t) => t.event.id));
      return { date, titles: ranked[0] ? [ranked[0].event.summary] : [], events: [...ids] };
    });
}

/** How many times k of the best-ranked day-precise events a month or year event is checked against (`keyEvents`). */
const RETOLD_SCAN = 4;

/** Title words a month or year event shares with a day inside it to be the same happening told vaguer. */
const RETOLD_WORDS = 2;

/** Title flaws no editor would lead a timeline with: a fragment, page furniture, transcript chatter. */
const UNPUBLISHABLE = new Set(['fragment', 'furniture', 'transcript']);

/** True when a title can head a key event (see `UNPUBLISHABLE`); the event stays in the full timeline either way. */
function publishable(title: string): boolean {
  return !titleFlaws(title).some((f) => UNPUBLISHABLE.has(f));
}

/** The most key events a timeline leads with, however long the topic runs. */
export const MAX_KEY_EVENTS = 40;

/**
 * How many key events a topic's timeline leads with: about one for each day
 * on which its articles appeared (a short burst of news), at most `max`
 * (`MAX_KEY_EVENTS` unless a site sets `keyEvents`: a long-running topic),
 * and at least one.
 */
export function keyEventCount(publicationDays: number, max = MAX_KEY_EVENTS): number {
  return Math.max(1, Math.min(max, Math.floor(publicationDays)));
}

/** What a timeline leads with: its key events, and what is scheduled after its latest report. */
export interface KeyEvents {
  /** The k most salient dated events that are not announcements of what is still to come, in date order (earliest first), one a date. */
  key: TimelineEvent[];
  /** Scheduled events dated after the latest report, with a publishable title, earliest first. */
  comingUp: TimelineEvent[];
}

export interface KeyEventOptions {
  k: number;
  /** Each article's publication date by id. */
  published: ReadonlyMap<string, string>;
  /** The latest publication date of the timeline's articles: a scheduled event after it is still to come. */
  asOf?: string;
  /** The earliest date a key event may have (at its own precision): background long before the news is not a key event. */
  from?: string;
  /**
   * The day the news began (`YYYY-MM-DD`): an event before it is backstory,
   * which every article looks back to and backgrounders list as a matter of
   * course, so for it neither looking back nor listings add to salience and
   * it ranks by the articles that tell it alone. Without it they always count.
   */
  newsFrom?: string;
}

/**
 * An event's salience: the distinct articles that tell it, plus those of
 * them published after its date (an article that looks back to an event
 * says it still matters: the document counts DATEWISE ranks dates by,
 * Ghalandari and Ifrim 2020 §3.1), plus `CHRONOLOGY_WEIGHT` for each of
 * `lists` (the corpus's chronologies, from `chronologies`) that lists it.
 */
export function salience(event: TimelineEvent, published: ReadonlyMap<string, string>, lists: ReadonlyMap<string, ReadonlySet<string>> = new Map()): number {
  const citing = new Set(event.citations.map((c) => c.article));
  const date = event.date;
  let lookingBack = 0;
  if (date !== undefined) {
    for (const article of citing) {
      const day = published.get(article);
      if (day !== undefined && day.slice(0, date.length) > date) lookingBack += 1;
    }
  }
  const listed = date !== undefined && date.length === 10 ? listingsOf(event, date, lists).size : 0;
  return citing.size + lookingBack + CHRONOLOGY_WEIGHT * listed;
}

/**
 * The key events of a timeline (see `KeyEvents`): dated events ranked by
 * `salience` (ties: more citations, a finer date, the earlier date, then
 * the order given), one a date and one a title, the first k kept and put
 * in date order; a month or year event that a day inside it tells again
 * (`RETOLD_WORDS` title words in common) gives way to the day, and an
 * event whose title is a fragment or furniture (`UNPUBLISHABLE`) is no key
 * event. A scheduled event never counts as key: after `asOf` it is
 * coming up; before it, the reports only said it was planned.
 */
export function keyEvents(events: readonly TimelineEvent[], options: KeyEventOptions): KeyEvents {
  const { k, published, asOf, from, newsFrom } = options;
  const comingUp = events
    .filter((e) => e.scheduled && e.date !== undefined && asOf !== undefined && e.date.slice(0, asOf.length) > asOf.slice(0, e.date.length) && publishable(e.summary))
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0));
  const lists = chronologies(events);
  const backstory = (event: TimelineEvent): boolean => newsFrom !== undefined && (event.date ?? '') < newsFrom.slice(0, event.date?.length ?? 0);
  const ranked = events
    .map((event, order) => ({ event, order, score: backstory(event) ? new Set(event.citations.map((c) => c.article)).size : salience(event, published, lists) }))
    .filter(({ event }) => event.date !== undefined && !event.scheduled && (from === undefined || event.date >= from.slice(0, event.date.length)))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.event.citations.length - a.event.citations.length ||
        (b.event.date?.length ?? 0) - (a.event.date?.length ?? 0) ||
        ((a.event.date ?? '') < (b.event.date ?? '') ? -1 : (a.event.date ?? '') > (b.event.date ?? '') ? 1 : 0) ||
        a.order - b.order,
    );
  // A month or year that a day inside it tells again ("died in June 2009 aged 50" beside "died at his home
  // aged 50" on 25 June) is the vaguer telling of one happening: the day is the key event.
  const days = ranked.slice(0, RETOLD_SCAN * Math.floor(k)).filter(({ event }) => event.precision === 'day');
  const words = new Map<TimelineEvent, Set<string>>();
  const wordsOf = (event: TimelineEvent): Set<string> => {
    let set = words.get(event);
    if (set === undefined) words.set(event, (set = substantiveWords(event.summary)));
    return set;
  };
  const retold = (event: TimelineEvent): boolean =>
    event.precision !== 'day' &&
    days.some(({ event: day }) => (day.date ?? '').startsWith(event.date ?? '-') && [...wordsOf(event)].filter((w) => wordsOf(day).has(w)).length >= RETOLD_WORDS);
  const dates = new Set<string>();
  const titles = new Set<string>();
  const key: { event: TimelineEvent; order: number }[] = [];
  for (const { event, order } of ranked) {
    if (key.length >= Math.floor(k)) break;
    const date = event.date ?? '';
    const title = event.summary.toLowerCase();
    if (dates.has(date) || titles.has(title) || retold(event) || !publishable(event.summary)) continue;
    dates.add(date);
    titles.add(title);
    key.push({ event, order });
  }
  key.sort((a, b) => ((a.event.date ?? '') < (b.event.date ?? '') ? -1 : (a.event.date ?? '') > (b.event.date ?? '') ? 1 : a.order - b.order));
  return { key: key.map((x) => x.event), comingUp };
}
