/**
 * Chronologies: articles that are, or hold, a dated list of events, the way
 * newsrooms publish "Timeline: …" backgrounders and trial diaries
 * ("February 17 - Activists designate a day of rage …", "28 June 2009 Los
 * Angeles police interview Dr Murray …"). Such a list is an editor's own
 * choice of the key dates of a story, the same kind of list the journalists'
 * timelines of timeline summarisation are (Tran et al. 2013), so a date a
 * chronology lists counts toward its salience.
 *
 * An entry is a citation whose sentence opens with its own day-precise
 * calendar date: day and month named ("May 6:", "28 June 2009"), not a
 * weekday or a relative word ("Monday", "today", "last week"), which open
 * ordinary news sentences. An article is a chronology when its entries give
 * at least `CHRONOLOGY_MIN_DATES` distinct days: one or two date-led
 * sentences are prose, a run of them is a list.
 *
 * Pure and deterministic.
 */
import type { EventCitation, TimelineEvent } from './events.ts';

/** The fewest distinct days of entries that make an article a chronology. */
export const CHRONOLOGY_MIN_DATES = 5;

/** How many articles telling a date an editor's listing of it weighs as, in salience. */
export const CHRONOLOGY_WEIGHT = 5;

/** Marks a list entry may open with: bullets and dashes. */
const LEAD = /^[\s\-–—*•|]+/;

/** True when the citation's sentence opens with its own day-precise calendar date (see the module comment). */
export function isChronologyEntry(citation: EventCitation): boolean {
  if (citation.precision !== 'day') return false;
  const temporal = citation.temporal;
  if (!/\d/.test(temporal) || !/\p{L}{3}/u.test(temporal) || /\b(?:ago|last|next|this|today|yesterday|tomorrow)\b/i.test(temporal)) return false;
  return citation.sentence.replace(LEAD, '').startsWith(temporal);
}

/** The chronologies among the articles `events` cite, by article id, each with the days its entries give. */
export function chronologies(events: readonly TimelineEvent[]): Map<string, Set<string>> {
  const days = new Map<string, Set<string>>();
  for (const event of events) {
    for (const citation of event.citations) {
      if (citation.date === undefined || !isChronologyEntry(citation)) continue;
      const set = days.get(citation.article) ?? new Set<string>();
      set.add(citation.date);
      days.set(citation.article, set);
    }
  }
  for (const [article, set] of days) if (set.size < CHRONOLOGY_MIN_DATES) days.delete(article);
  return days;
}

/**
 * The chronologies that list `day` among `event`'s citations: entries of a
 * chronology giving that day. An entry that writes its year ("28 June
 * 2009") always counts; one that does not ("May 6:") has its year inferred
 * from the publication date, which a list running over several years
 * misleads (its year headings are lost in one-line text), so it counts only
 * when another article tells the event too.
 */
export function listingsOf(event: TimelineEvent, day: string, lists: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const listed = new Set<string>();
  const corroborated = new Set(event.citations.map((c) => c.article)).size >= 2;
  for (const citation of event.citations) {
    if (citation.date !== day || lists.get(citation.article)?.has(day) !== true || !isChronologyEntry(citation)) continue;
    if (citation.rule === 'explicit' || corroborated) listed.add(citation.article);
  }
  return listed;
}
