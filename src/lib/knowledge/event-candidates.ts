/**
 * Candidate citations: the dated statements one article gives, before any
 * merging.
 *
 * Takes an article (with the temporals the ingest resolved in its body), its
 * body paragraphs and their sentences, and the entity mentions by article;
 * returns its `Candidate`s in body order. Each temporal gives the clause
 * around it (clauses.ts), with every reading the text allows; temporals that
 * tell no event are skipped (post stamps and comment furniture, a sentence
 * that is only its date, speculation, the future unless a schedule is
 * stated). Two rules of English add citations the temporals alone do not
 * give: "…in D, shortly after signing X" bounds X by D (`AFTER_BEFORE`), and
 * "the N-year anniversary of X" in a sentence dated D puts X in D's year less
 * N (`ANNIVERSARY`). Both are derived and say so in their note, as a reader
 * must be able to tell a stated date from an inferred one.
 *
 * Pure: no I/O, no clock.
 */
import { precisionOf, type Article, type Temporal } from '../schema.ts';
import { isFurnitureSentence, isStamp } from './furniture.ts';
import { clauseAround, finishSummary, HABITUAL, SCHEDULED, SPECULATIVE, type Clause } from './clauses.ts';
import { datedOf, rangeOf, type DayRange } from './event-calendar.ts';
import type { EntityMentionInput, EventArticle } from './event-schema.ts';
import type { Candidate } from './event-types.ts';
import { contentWords } from './text-words.ts';

/** Where the temporal's sentence and words stand in the paragraph text; offsets are the sentence's. */
export function locate(t: Temporal, paragraph: string | undefined): { sentence: string; start: number; end: number } {
  const sentence = t.sentence;
  if (paragraph !== undefined && paragraph.slice(t.start, t.end) === t.text) {
    // Only an occurrence ending at or after the temporal can hold it; the first of those that starts after it, and every later one, cannot.
    for (let i = paragraph.indexOf(sentence, Math.max(0, t.end - sentence.length)); i >= 0 && i <= t.start; i = paragraph.indexOf(sentence, i + 1)) {
      if (t.end <= i + sentence.length) return { sentence, start: t.start - i, end: t.end - i };
    }
  }
  const i = sentence.indexOf(t.text);
  return { sentence, start: Math.max(0, i), end: Math.max(0, i) + t.text.length };
}

/** The publication date's first and last day, when known. */
function publishedRange(a: Pick<Article, 'published'>): DayRange | undefined {
  return a.published.date === undefined ? undefined : rangeOf(a.published.date);
}

const ORDINALS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, twentieth: 20, thirtieth: 30, fiftieth: 50, hundredth: 100,
};

/** "the one-year anniversary of X", "its 50th anniversary of X": the count of years (a number, a number word or an ordinal) and X, up to the next clause break. */
export const ANNIVERSARY = /\b(?:(\d+|[a-z]+)[- ]year|(\d+)(?:st|nd|rd|th)|([a-z]+(?:st|nd|rd|th)))\s+anniversary\s+of\s+([^,;:—–]+?)(?=[,;:—–]|\.?$)/i;

/** ", shortly after signing X" (or before) following a date: which side, and the `-ing` phrase X, up to the next clause break. */
export const AFTER_BEFORE = /,\s*(?:(?:shortly|soon|just|only|immediately|days|weeks|months|a\s+(?:day|week|month|few\s+\w+))\s+)?(after|before)\s+(\p{Ll}+ing\b[^,;:—–]*?)(?=[,;:—–]|\.?$)/u;

/** Entity mentions by article id, each article's in the caller's order (one list an article, as the corpus's mentions are many). */
export type MentionIndex = Pick<ReadonlyMap<string, readonly EntityMentionInput[]>, 'get'>;

/** Entity mentions indexed by article id, each list in the order given. */
export function indexMentions(mentions: readonly EntityMentionInput[]): MentionIndex {
  const out = new Map<string, EntityMentionInput[]>();
  for (const m of mentions) {
    const list = out.get(m.article);
    if (list) list.push(m);
    else out.set(m.article, [m]);
  }
  return out;
}

/** The citations an article may give, in body order; `paragraphs` are its `bodyParagraphs`, `sentences` theirs by `splitSentences`. */
export function candidatesOf(article: EventArticle, paragraphs: readonly string[], sentences: readonly (readonly string[])[], mentions: MentionIndex): Candidate[] {
  const published = article.data.published.date;
  const pubRange = publishedRange(article.data);
  const out: Omit<Candidate, 'spans' | 'judge'>[] = [];
  const mentioned = mentions.get(article.id) ?? [];
  // The mentions in a 1-based paragraph (`block`), in the order given.
  const inParagraph = (paragraph: number): EntityMentionInput[] => mentioned.filter((m) => m.block === paragraph);
  const entityTokens = (paragraph: number, text: string): string[] => inParagraph(paragraph).filter((m) => text.includes(m.text)).map((m) => `@${m.entity}`);
  const base = (paragraph: number, sentence: string, temporal: string, clause: Clause, rule: string) => ({
    names: inParagraph(paragraph).filter((m) => sentence.includes(m.text)).map((m) => ({ text: m.text, entity: m.entity })),
    article: article.id,
    published,
    paragraph,
    sentence,
    temporal,
    clause: clause.text,
    summary: clause.summary,
    rule,
    tokens: new Set([...contentWords(clause.text.replace(temporal, ' ')), ...entityTokens(paragraph, clause.text)]),
  });

  // Temporal expressions, in body order.
  const dated: { paragraph: number; sentence: string; reading: string }[] = [];
  article.data.temporal.forEach((t, index) => {
    if (t.rule === 'anaphoric') return;
    const all = t.candidates.length ? [...t.candidates] : t.date !== undefined ? [t.date] : [];
    if (all.length === 0) return;
    const paragraph = t.block + 1;
    const loc = locate(t, paragraphs[t.block]);
    // A comment's or an update's post stamp dates the post, not an event; comment furniture is no citation.
    if (isFurnitureSentence(loc.sentence) || isStamp(loc.sentence, loc.start, loc.end)) return;
    // A date that recurs ("the rainy season typically begins in May") dates no event.
    if (HABITUAL.test(loc.sentence.slice(0, loc.start))) return;
    const clause = clauseAround(loc.sentence, loc.start, loc.end);
    // A sentence that is only its date ("29 November.") tells no event.
    if (clause.summary === '') return;
    const scheduled = SCHEDULED.test(loc.sentence);
    const isFuture = (r: string): boolean => pubRange !== undefined && rangeOf(r).from > pubRange.to;
    const future = all.every(isFuture);
    // Unless a schedule is stated, a reading wholly after publication is not a reading of something that happened.
    const readings = scheduled || future ? all : all.filter((r) => !isFuture(r));
    const speculative = SPECULATIVE.test(clause.governing);
    if ((future || speculative) && !scheduled) return;
    const firstRange = rangeOf(readings[0] ?? '1970');
    const news =
      paragraph <= 2 &&
      readings.length === 1 &&
      precisionOf(readings[0] ?? '') === 'day' &&
      pubRange !== undefined &&
      firstRange.from <= pubRange.to &&
      firstRange.from >= pubRange.from - 7;
    // A schedule the sentence states, for a time not wholly past at publication.
    const isScheduled = scheduled && pubRange !== undefined && rangeOf(readings[0] ?? '').to > pubRange.to;
    const c: Omit<Candidate, 'spans' | 'judge'> = {
      key: `${article.id}#${index}`,
      ...base(paragraph, loc.sentence, t.text, clause, t.rule),
      readings,
      ambiguous: readings.length > 1,
      relation: 'on',
      derived: false,
      note: t.note,
      scheduled: isScheduled,
      news,
    };
    out.push(c);
    if (readings.length === 1 && !c.scheduled) dated.push({ paragraph, sentence: loc.sentence, reading: readings[0] ?? '' });

    // "…in August 2024, shortly after signing X": X on or before August 2024.
    const tail = loc.sentence.slice(loc.end);
    const ab = readings.length === 1 && !c.scheduled ? AFTER_BEFORE.exec(tail) : null;
    if (ab && ab[1] && ab[2] && ab.index === tail.search(/,/)) {
      const phrase = ab[2].trim();
      const after = ab[1].toLowerCase() === 'after';
      const reading = readings[0] ?? '';
      out.push({
        key: `${article.id}#${index}:${ab[1]}`,
        ...base(paragraph, loc.sentence, t.text, { text: phrase, summary: finishSummary(phrase), governing: '' }, after ? 'after-clause' : 'before-clause'),
        readings: [reading],
        ambiguous: false,
        relation: after ? 'on-or-before' : 'on-or-after',
        derived: true,
        note: `The sentence dates another event to ${reading} and places this one ${after ? 'before' : 'after'} it.`,
        scheduled: false,
        news: false,
      });
    }
  });

  // "…marked the one-year anniversary of X": X in the year of the sentence's date, less N.
  paragraphs.forEach((text, i) => {
    const paragraph = i + 1;
    for (const sentence of sentences[i] ?? []) {
      const m = ANNIVERSARY.exec(sentence);
      if (!m || !m[4]) continue;
      const n = Number(m[1] ?? m[2] ?? NaN) || ORDINALS[(m[1] ?? m[3] ?? '').toLowerCase()];
      if (!n) continue;
      const offset = text.indexOf(sentence);
      const own = article.data.temporal.filter((t) => t.block === i && t.sentence === sentence && t.candidates.length === 0 && t.date !== undefined);
      const earlier = dated.filter((d) => d.paragraph === paragraph && text.indexOf(d.sentence) < offset);
      const ref = own.length ? { reading: own[0]?.date ?? '', sentence } : earlier.length ? earlier[earlier.length - 1] : undefined;
      if (!ref || !ref.reading) continue;
      const year = Number(ref.reading.slice(0, 4)) - n;
      const phrase = m[4].trim();
      out.push({
        key: `${article.id}#anniversary:${paragraph}:${offset}`,
        ...base(paragraph, sentence, m[0].slice(0, m[0].toLowerCase().indexOf('anniversary') + 'anniversary'.length), { text: phrase, summary: finishSummary(phrase), governing: '' }, 'anniversary'),
        readings: [String(year)],
        ambiguous: false,
        relation: 'on',
        derived: true,
        note: `An anniversary of ${n} year${n === 1 ? '' : 's'} marked in ${ref.reading}${ref.sentence === sentence ? '' : ' (the date of the sentence before)'} puts it in ${year}; only the year, as anniversaries are marked near the day, not always on it.`,
        scheduled: false,
        news: false,
      });
    }
  });
  // Words cut from a sentence can come to nothing (an anniversary "of ."): such a citation says nothing.
  return out.filter((c) => c.summary !== '').map((c) => {
    const spans = c.readings.map(datedOf);
    return { ...c, spans, judge: { relation: c.relation, ...(spans[0] ?? datedOf('')) } };
  });
}
