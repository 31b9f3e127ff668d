/**
 * Key dates: the k days a topic's timeline leads with, each with a title.
 * One function, used by the site and by `npm run eval:timeline` (which scores
 * it against journalists' timelines), so what is measured is what is shown.
 *
 * First version, kept simple on purpose (its scoring will be improved; its
 * signature stays):
 *
 * - candidates are the day-precise dates of events within [from, to]: an
 *   event's `date` when its precision is `day`; an event whose citations
 *   conflict (`conflict`, no day-precise `date`) counts on each day-precise
 *   reading in its `dates`, with the citations that give that reading;
 *   month and year dates never count, scheduled events do;
 * - a date scores the number of distinct articles citing events on it, plus
 *   the number of those articles that look back to it, i.e. were published
 *   (`options.published`, day-precise) after that date: the two document
 *   counts of DATEWISE (Ghalandari and Ifrim 2020), unweighted. Without
 *   `published` no citation counts as looking back;
 * - the k best dates are kept (ties: more citations, then the earlier
 *   date), and returned in date order;
 * - a date's title is the summary of its most-cited event (ties: more
 *   distinct articles, then the event listed first).
 *
 * Pure and deterministic: no I/O, no clock.
 */
import type { TimelineEvent } from './events.ts';

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
  events.forEach((event, order) => {
    for (const { date, articles } of dayReadings(event)) {
      if (!DAY.test(date) || (from !== undefined && date < from) || (to !== undefined && date > to)) continue;
      const list = byDate.get(date) ?? [];
      list.push({ event, order, articles });
      byDate.set(date, list);
    }
  });
  const scored = [...byDate].map(([date, tellings]) => {
    const citing = new Set(tellings.flatMap((t) => t.articles));
    let lookingBack = 0;
    for (const article of citing) {
      const day = published?.get(article);
      if (day !== undefined && DAY.test(day) && day > date) lookingBack += 1;
    }
    const citations = tellings.reduce((n, t) => n + t.articles.length, 0);
    return { date, tellings, score: citing.size + lookingBack, citations };
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
