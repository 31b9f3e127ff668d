/**
 * Event building: the timeline event one group of citations tells.
 *
 * Takes the citations merged as one event; returns the event without its id
 * (ids are given across all events, by `findEvents`): its date and precision,
 * every distinct date with the places that give it, each citation with its
 * reading (an ambiguous one as settled by the group, with the sentence that
 * settled it), a title chosen among the citations' sentences (titling.ts),
 * and a short note. Dates are judged by event-dating.ts. A conflict is shown,
 * never resolved silently: the note names the dates and who gives each, and
 * the date shown is the majority's or what all the dates share.
 *
 * Pure and deterministic: no I/O, no clock; citations are listed earliest
 * report first, so the same group gives the same event.
 */
import { precisionOf } from '../schema.ts';
import { cmp, commonPrefix, compareDates } from './event-calendar.ts';
import { factsOf, fits, judgeDates, majorityDate, readingsKey } from './event-dating.ts';
import type { EventCitation, EventDate, ResolvedBy, TimelineEvent } from './event-schema.ts';
import type { Candidate } from './event-types.ts';
import { chooseTitle } from './titling.ts';

/** Stronger evidence first: a direct certain date, a derived date, a bound; then finer precision, earlier report, id, paragraph. */
export function byStrength(a: Candidate, b: Candidate): number {
  const rank = (c: Candidate): number => (c.relation !== 'on' ? 2 : c.derived ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    (b.readings[0]?.length ?? 0) - (a.readings[0]?.length ?? 0) ||
    compareDates(a.published, b.published) ||
    cmp(a.article, b.article) ||
    a.paragraph - b.paragraph
  );
}

/**
 * An event's note is read beside it, so it stays short however many reports
 * the event has: it names the first `NOTE_NAMES` reports of each date and
 * repeats the first `NOTE_PARTS` citations' notes, and counts the rest (every
 * citation keeps its own note in `citations`).
 */
export const NOTE_NAMES = 3;
/** The most citations whose notes an event's note repeats (see `NOTE_NAMES`). */
export const NOTE_PARTS = 4;

/** The first `NOTE_NAMES` of a list, then how many more. */
export function someOf(names: readonly string[]): string {
  const more = names.length - NOTE_NAMES;
  return more > 0 ? `${names.slice(0, NOTE_NAMES).join(', ')} and ${more.toLocaleString('en-US')} more` : names.join(', ');
}

/**
 * The event the citations `cs` tell (at least one dated `on`), without its
 * id: dates judged together, ambiguous readings settled by the others, a
 * conflict flagged with every date and its citations, the title the best
 * sentence among them.
 */
export function buildEvent(cs: readonly Candidate[]): Omit<TimelineEvent, 'id'> {
  const verdict = judgeDates([factsOf(cs)]);
  // Who settled an ambiguous reading list: the judge that rules out another of its readings, preferring a certain date to a bound, then the earliest report.
  const judges = [...cs.filter((c) => c.relation === 'on' && !c.ambiguous), ...cs.filter((c) => c.relation !== 'on')].map((c) => ({ c, judge: c.judge }));
  const settledBy = new Map<string, Candidate | undefined>();
  const settlerOf = (c: Candidate, kept: string): Candidate | undefined => {
    const key = readingsKey(c);
    if (!settledBy.has(key)) {
      let best: Candidate | undefined;
      for (const { c: j, judge } of judges) {
        if (c.spans.some((r) => r.reading !== kept && !fits(r, judge)) && (best === undefined || byStrength(j, best) < 0)) best = j;
      }
      settledBy.set(key, best);
    }
    return settledBy.get(key);
  };
  const ordered = [...cs].sort(
    (a, b) => compareDates(a.published, b.published) || cmp(a.article, b.article) || a.paragraph - b.paragraph || cmp(a.key, b.key),
  );
  const notes: string[] = [];
  let eventResolvedBy: ResolvedBy | undefined;
  const citations: EventCitation[] = ordered.map((c) => {
    const settlement = c.relation === 'on' && c.ambiguous ? verdict.settled.get(readingsKey(c)) : undefined;
    const reading = settlement ? settlement.reading : c.readings[0];
    const settler = settlement?.left.length === 1 ? settlerOf(c, settlement.left[0] ?? '') : undefined;
    const cite: EventCitation = {
      article: c.article,
      paragraph: c.paragraph,
      sentence: c.sentence,
      temporal: c.temporal,
      summary: c.summary,
      precision: reading === undefined ? 'unknown' : precisionOf(reading),
      relation: c.relation,
      candidates: c.ambiguous ? [...c.readings] : [],
      rule: c.rule,
      news: c.news,
    };
    if (reading !== undefined) cite.date = reading;
    let note = c.note;
    if (c.ambiguous && settler && reading !== undefined) {
      cite.resolvedBy = { article: settler.article, sentence: settler.sentence };
      eventResolvedBy ??= cite.resolvedBy;
      note = `“${c.temporal}” could be ${c.readings.join(' or ')}; ${settler.article} (paragraph ${settler.paragraph}) dates the same event ${
        settler.relation === 'on' ? `to ${settler.readings[0] ?? ''}` : `${settler.relation === 'on-or-before' ? 'no later than' : 'no earlier than'} ${settler.readings[0] ?? ''}`
      }, which leaves only ${reading}.`;
      notes.push(`${c.article}: ${note}`);
    } else if (c.ambiguous && reading === undefined) {
      notes.push(`${c.article}: “${c.temporal}” could be ${c.readings.join(' or ')}, and no other report of the event settles which.`);
    }
    if (note !== undefined) cite.note = note;
    return cite;
  });

  // Distinct dates, earliest first, each with its places in order of first citation.
  const byDate = new Map<string, Map<string, { article: string; paragraph: number }>>();
  for (const c of citations) {
    if (c.relation !== 'on' || c.date === undefined) continue;
    const places = byDate.get(c.date) ?? new Map<string, { article: string; paragraph: number }>();
    const place = `${c.paragraph} ${c.article}`;
    if (!places.has(place)) places.set(place, { article: c.article, paragraph: c.paragraph });
    byDate.set(c.date, places);
  }
  const dates: EventDate[] = [...byDate.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([date, places]) => ({ date, precision: precisionOf(date), citations: [...places.values()] }));
  const readings = dates.map((d) => d.date);
  let date: string | undefined;
  let conflictNote: string | undefined;
  if (verdict.conflict) {
    date = commonPrefix(readings);
    // Most reports may agree and a few misread: the date a majority gives is the event's date, said so (`majorityDate`).
    const majority = majorityDate(dates);
    if (majority) date = majority.date;
    conflictNote = `The reports disagree on the date: ${dates.map((d) => `${d.date} (${someOf(d.citations.map((p) => `${p.article} ¶${p.paragraph}`))})`).join(' vs ')}${
      majority ? `; ${majority.agree} of the ${majority.reporting} reporting articles give ${majority.date}, which is shown` : date ? `; only ${date} is common to them` : ''
    }.`;
  } else {
    // All readings nest: the finest one holds the others.
    date = [...readings].sort((a, b) => b.length - a.length || cmp(a, b))[0];
  }

  // The title: the best sentence among the citations (titling.ts), earliest report first on a tie.
  const byPublication = [...cs].sort((a, b) => compareDates(a.published, b.published) || cmp(a.article, b.article) || a.paragraph - b.paragraph);
  const finest = Math.max(...cs.map((c) => c.readings[0]?.length ?? 0));
  const title = chooseTitle(
    byPublication.map((c) => ({
      sentence: c.sentence,
      clause: c.summary,
      tokens: c.tokens,
      penalty: (c.relation !== 'on' ? 4 : 0) + (c.derived ? 4 : 0) + ((c.readings[0]?.length ?? 0) < finest ? 0.5 : 0),
    })),
  );
  const event: Omit<TimelineEvent, 'id'> = {
    summary: title?.text ?? byPublication[0]?.summary ?? '',
    precision: date === undefined ? 'unknown' : precisionOf(date),
    scheduled: cs.some((c) => c.scheduled),
    conflict: verdict.conflict,
    dates,
    citations,
    newsOf: [...new Set(cs.filter((c) => c.news).map((c) => c.article))].sort(),
  };
  if (date !== undefined) event.date = date;
  if (eventResolvedBy) event.resolvedBy = eventResolvedBy;
  const more = notes.length - NOTE_PARTS;
  const parts = [...(more > 0 ? [...notes.slice(0, NOTE_PARTS), `${more.toLocaleString('en-US')} more citations have notes of their own.`] : notes), ...(conflictNote ? [conflictNote] : [])];
  if (parts.length) event.note = parts.join(' ');
  return event;
}
