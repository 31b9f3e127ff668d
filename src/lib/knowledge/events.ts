/**
 * Events: the dated statements a topic timeline is made of.
 *
 * Every event starts from a time the ingest found in an article's body
 * (`data.temporal`, already resolved against the publication date): the
 * clause around it, cut from its sentence, says what happened; the temporal
 * says when, to its precision. Two general rules of English add evidence the
 * temporals alone do not give:
 *
 * - "the one-year anniversary of X" in a sentence (or paragraph) dated D puts
 *   X in the year of D less N; only the year, since anniversaries are marked
 *   near, not on, the day;
 * - "… in D, shortly after signing X" puts X on or before D (and "before
 *   signing X" on or after D): a bound, never a date by itself.
 *
 * The same event told by several articles (or twice in one) is merged when the
 * clauses share enough rare content words (TF-IDF cosine over a light stem of
 * each word, with British and American spellings and a few news synonyms
 * folded, and entity ids when the caller passes entity mentions) and the dates
 * agree (one reading contains the other, or an ambiguous reading is among the
 * candidates). Dates that disagree but lie close together are merged only on
 * much stronger textual evidence, and then the event is flagged `conflict`
 * with every date and its citations: no date is ever picked silently.
 *
 * An ambiguous reading (a month in a past-perfect clause: June 2025 or June
 * 2024) is settled only by the other citations of the same event, and the
 * event says which sentence settled it. Unsettled ambiguity never becomes a
 * date.
 *
 * Skipped: temporals with precision `unknown` and no candidates, speculative
 * references ("could send troops as early as this month") and references to
 * the future, unless the sentence states a schedule ("are scheduled to meet
 * next week"), which is kept and marked `scheduled`.
 *
 * Pure and deterministic: no I/O, no clock; the same articles give the same
 * events in the same order.
 */
import { z } from 'zod';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { DATE_PATTERN, precisionOf, type Article, type Temporal } from '../schema.ts';
import { assignSlugs, slugify } from '../ingest/slug.ts';

// ---------------------------------------------------------------------------
// Schemas

/** How much of a date is known. */
export const eventPrecisionSchema = z.enum(['day', 'month', 'year', 'unknown']);

/** A place in an article: the id and the 1-based body paragraph the site anchors as `#p-n`. */
export const eventPlaceSchema = z
  .object({
    /** The article id. */
    article: z.string().min(1),
    /** 1-based body paragraph (`#p-n`). */
    paragraph: z.number().int().positive(),
  })
  .strict();

/** The sentence that settled an ambiguous date. */
export const resolvedBySchema = z
  .object({
    /** The article whose sentence settled it. */
    article: z.string().min(1),
    /** That sentence, quoted whole. */
    sentence: z.string().min(1),
  })
  .strict();
export type ResolvedBy = z.infer<typeof resolvedBySchema>;

/** One article's telling of an event. */
export const eventCitationSchema = z
  .object({
    /** The article id. */
    article: z.string().min(1),
    /** 1-based body paragraph (`#p-n`) the sentence stands in. */
    paragraph: z.number().int().positive(),
    /** The sentence, quoted whole. */
    sentence: z.string().min(1),
    /** The words that date the event, exactly as they stand in the sentence. */
    temporal: z.string().min(1),
    /** What this article says happened: words cut from the sentence, none added. */
    summary: z.string().min(1),
    /** The date this telling gives (after any resolution), cut to its precision; absent while ambiguous. */
    date: z.string().regex(DATE_PATTERN).optional(),
    /** How much of `date` is known; `unknown` while the reading is still ambiguous. */
    precision: eventPrecisionSchema,
    /** `on`: the event happened at `date`; `on-or-before` / `on-or-after`: the text only bounds it. */
    relation: z.enum(['on', 'on-or-before', 'on-or-after']),
    /** Every reading the text allows when it is ambiguous, most likely first (empty when it is not). */
    candidates: z.array(z.string().regex(DATE_PATTERN)),
    /** How the date was read: the temporal's rule (`explicit`, `weekday`, …) or `anniversary`, `after-clause`, `before-clause`. */
    rule: z.string().min(1),
    /** Set when another citation of the same event settled this one's ambiguous reading. */
    resolvedBy: resolvedBySchema.optional(),
    /** A sentence for readers on how the date follows, when it is not explicit. */
    note: z.string().min(1).optional(),
    /** True when the sentence restates the article's own news (first paragraphs, dated to the days just before publication). */
    news: z.boolean(),
  })
  .strict();
export type EventCitation = z.infer<typeof eventCitationSchema>;

/** One reading of an event's date and the citations that give it. */
export const eventDateSchema = z
  .object({
    /** The date, cut to its precision. */
    date: z.string().regex(DATE_PATTERN),
    /** Its precision. */
    precision: z.enum(['day', 'month', 'year']),
    /** The citations that give this date. */
    citations: z.array(eventPlaceSchema),
  })
  .strict();
export type EventDate = z.infer<typeof eventDateSchema>;

/** A dated statement of the timeline: one event, every article that tells it. */
export const timelineEventSchema = z
  .object({
    /** Stable slug: the date and the summary's first words. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** One line on what happened, cut from the clearest citation's sentence (no words added). */
    summary: z.string().min(1),
    /** The event's date: the finest reading all citations agree on; absent when they conflict beyond a year or stay ambiguous. */
    date: z.string().regex(DATE_PATTERN).optional(),
    /** How much of `date` is known. */
    precision: eventPrecisionSchema,
    /** True for an event the sentence states as scheduled for after publication. */
    scheduled: z.boolean(),
    /** True when the citations give dates that do not agree; `dates` lists them all. */
    conflict: z.boolean(),
    /** Every distinct date the citations give, earliest first, each with its citations. */
    dates: z.array(eventDateSchema),
    /** Every telling, in order of publication, then article id and paragraph. */
    citations: z.array(eventCitationSchema).min(1),
    /** The first sentence that settled an ambiguous reading of this event. */
    resolvedBy: resolvedBySchema.optional(),
    /** For readers: how ambiguous or conflicting dates were handled. */
    note: z.string().min(1).optional(),
    /** Ids of the articles whose own news this event is (see `EventCitation.news`). */
    newsOf: z.array(z.string().min(1)),
  })
  .strict();
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

// ---------------------------------------------------------------------------
// Inputs

/** An article as the knowledge stages take it: the shape of an Astro content entry. */
export interface EventArticle {
  /** The entry id (its slug). */
  id: string;
  /** The validated front matter. */
  data: Article;
  /** The Markdown body; its top-level paragraphs and headings stand 1:1 for `data.blocks`. */
  body: string;
}

/** A name an entity stage found: the entity id and where its words stand. */
export interface EntityMentionInput {
  /** The entity's id; the same id for every way of naming it. */
  entity: string;
  /** The article id. */
  article: string;
  /** 1-based body paragraph. */
  block: number;
  /** The words as they stand in the paragraph. */
  text: string;
}

export interface EventOptions {
  /** Entity mentions, when an entity stage has run: shared entities count as shared words. */
  mentions?: readonly EntityMentionInput[];
}

// ---------------------------------------------------------------------------
// Text helpers shared with the story stage

/** The text of each top-level paragraph or heading of a Markdown body, in order (index n-1 is `#p-n`). */
export function bodyParagraphs(body: string): string[] {
  return fromMarkdown(body)
    .children.filter((n) => n.type === 'paragraph' || n.type === 'heading')
    .map((n) => toString(n));
}

/** A general English stop list, plus calendar words (the temporal carries the date). */
const STOP_WORDS = new Set(
  (
    'a about above after again against all almost along already also although always am among an and another any are around as at ' +
    'be became because become been before being below between both but by can cannot could did do does doing done down during each ' +
    'either else even ever every few for from further had has have having he her here hers herself him himself his how however i if in ' +
    'into is it its itself just least less like made make many may me meanwhile might more most much must my myself near neither never ' +
    'no nor not now of off often on once one only onto or other others our ours ourselves out over own per perhaps rather same several ' +
    'shall she should since so some still such than that the their theirs them themselves then there these they this those though ' +
    'through thus to too toward towards under until up upon us very via was we were what whatever when where whether which while who ' +
    'whom whose why will with within without would yet you your yours yourself ' +
    'said say says saying told tell tells according reported reportedly ' +
    'zero two three four five six seven eight nine ten first second third ' +
    'today yesterday tomorrow week weeks month months year years day days ago last next recent recently earlier later late early ' +
    'mid this that time ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(/\s+/),
);

/** Spellings and near-synonyms that news copy uses for the same thing, folded to one stem. */
const SYNONYMS: Readonly<Record<string, string>> = {
  treaty: 'pact',
  accord: 'pact',
  soldier: 'troop',
  dispatch: 'deploy',
  send: 'deploy',
  sent: 'deploy',
  acknowledg: 'confirm',
};

/** Suffixes stripped once, longest first, when at least four letters remain. */
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'edly', 'ed', 'ly'];

/**
 * A light stem: British spellings to American (defence → defense, honour →
 * honor, -ise → -ize), plurals and verb endings off, a final doubled consonant
 * and a final e dropped, then the synonym table. Crude, but the same word in
 * any of its forms gets the same stem, which is all similarity needs.
 */
export function stemWord(word: string): string {
  let s = word.toLowerCase();
  if (s.length <= 3) return SYNONYMS[s] ?? s;
  s = s.replace(/fence(s?)$/, 'fense$1');
  if (s.length >= 6) s = s.replace(/(?<=[^aeiou])our(s|ed|ing|able)?$/, 'or$1');
  if (s.length >= 6) s = s.replace(/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  if (/ies$|ied$/.test(s) && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(s)) {
    // "class", "status", "crisis": not plurals.
  } else if (/(?:sses|xes|zes|ches|shes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s')) s = s.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 4) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  if (/([b-df-hj-np-tv-z])\1$/.test(s) && !/(?:ll|ss|zz)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return SYNONYMS[s] ?? s;
}

/** The words of a text, case and diacritics folded, possessives off; numbers kept whole ("10,000"). */
export function words(text: string): string[] {
  return rawWords(text).map((w) => w.toLowerCase());
}

/** The words of a text with their case: diacritics folded, possessives and apostrophes off. */
export function rawWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  const out: string[] = [];
  for (const m of folded.matchAll(/\d+(?:[.,]\d+)*|\p{L}+(?:['’]\p{L}+)*/gu)) out.push(m[0].replace(/['’]s$/, '').replace(/['’]/g, ''));
  return out;
}

/**
 * A capitalised word's stem folds a place and its demonym together: the
 * demonym ending (-ian, -ean, -an) and then final vowels come off, so
 * "Korea"/"Korean", "Russia"/"Russian", "Ukraine"/"Ukrainian" and
 * "Europe"/"European" meet. Only capitalised words, so common words keep
 * their ordinary stems.
 */
export function properStem(word: string): string {
  let s = word.toLowerCase();
  const bare = s.replace(/(?:ian|ean|an)$/, '');
  if (bare.length >= 3) s = bare;
  const trimmed = s.replace(/[aeiou]+$/, '');
  return trimmed.length >= 3 ? trimmed : s;
}

/** True for a word of the stop list (given in any case). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/** Stemmed content words of a text: its words without the stop list or one-letter words, each stemmed. */
export function contentWords(text: string): string[] {
  return rawWords(text)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w.toLowerCase()))
    .map((w) => (/^\p{Lu}\p{Ll}/u.test(w) ? properStem(w) : stemWord(w)));
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'vs', 'no', 'rep', 'sen', 'gov', 'prof']);

/** Splits a paragraph into sentences at `.`, `!`, `?` (and closing quotes) before a capital, digit or opening quote. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])/gu)) {
    const lastWord = /([\p{L}.]+)\.$/u.exec(text.slice(start, m.index + 1))?.[1] ?? '';
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^(?:\p{L}\.)*\p{L}$/u.test(lastWord))) continue;
    const end = m.index + m[0].length;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

// ---------------------------------------------------------------------------
// Calendar

const DAY_MS = 86_400_000;

/** An inclusive range of day numbers (days since 1970-01-01, UTC). */
interface DayRange {
  from: number;
  to: number;
}

function dayNumber(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The days a `YYYY[-MM[-DD]]` reading covers. */
function rangeOf(reading: string): DayRange {
  const [y = 1970, m, d] = reading.split('-').map(Number);
  if (m === undefined) return { from: dayNumber(y, 1, 1), to: dayNumber(y + 1, 1, 1) - 1 };
  if (d === undefined) return { from: dayNumber(y, m, 1), to: dayNumber(y, m + 1, 1) - 1 };
  const day = dayNumber(y, m, d);
  return { from: day, to: day };
}

/** True when one reading contains the other (2024 ⊇ 2024-06 ⊇ 2024-06-19). */
function contains(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && (long.length === short.length || long[short.length] === '-');
}

/** Days between two ranges (0 when they touch or overlap). */
function gapDays(a: string, b: string): number {
  const ra = rangeOf(a);
  const rb = rangeOf(b);
  return Math.max(0, rb.from - ra.to - 1, ra.from - rb.to - 1);
}

/**
 * Dates that disagree but lie close enough for two reports of one event to
 * differ on (a day or two, a neighbouring month or year), at the coarser
 * precision of the two.
 */
const NEAR_DAYS = { day: 7, month: 31, year: 366 } as const;

function near(a: string, b: string): boolean {
  const coarse = a.length <= b.length ? precisionOf(a) : precisionOf(b);
  return gapDays(a, b) <= NEAR_DAYS[coarse];
}

/** The longest reading both share (2024-08 and 2024-10 → 2024), or undefined. */
function commonPrefix(readings: readonly string[]): string | undefined {
  let parts = readings[0]?.split('-');
  if (!parts) return undefined;
  for (const r of readings.slice(1)) {
    const other = r.split('-');
    let n = 0;
    while (n < parts.length && n < other.length && parts[n] === other[n]) n += 1;
    parts = parts.slice(0, n);
  }
  return parts.length ? parts.join('-') : undefined;
}

// ---------------------------------------------------------------------------
// Clauses

/** Words that open a subordinate or participial tail: the event's clause ends before them. */
const SUBORDINATORS = new Set([
  'as', 'while', 'whereas', 'which', 'who', 'whom', 'whose', 'where', 'when', 'although', 'though', 'but', 'because', 'with', 'without',
  'despite', 'amid', 'according', 'including', 'after', 'before', 'shortly', 'unlike', 'plus', 'in addition',
]);

/** Prepositions dropped with the temporal they introduce; others ("since", "by", "until") change its meaning and stay. */
const DROPPABLE_PREPOSITION = /(?:^|\s)(?:on|in|at|during)\s+$/i;

/** Verbs that report speech: a temporal right after one dates the speaking. */
const REPORTING = /\b(?:said|says|told|stated|added|announced|claimed|warned|reported|noted|confirmed)\b/gi;

/** Modal and hedged future: what the clause says may happen, not what happened. */
const SPECULATIVE = /\b(?:could|might|may|would|will|shall|should|can|cannot|as early as|as soon as|expected to|likely to|plans? to|planning to|intends? to|aims? to|hopes? to|going to|threatens? to)\b/i;

/** A schedule clearly stated. */
const SCHEDULED = /\b(?:scheduled|slated|due to|set to|to be held|will be held|is planned for|are planned for)\b/i;

/** Words a clause may start with that point back to an earlier sentence. */
const ANAPHORIC_START = /^(?:this|that|these|those|it|its|they|their|he|she|his|her|such)\b/i;

/** Longest summary, in words. */
const MAX_SUMMARY_WORDS = 25;

interface Segment {
  start: number;
  end: number;
  /** The separator that ends it (`,`, `;`, `—`, …) or '' at the sentence end. */
  separator: string;
}

/**
 * Cuts a sentence at commas, semicolons, colons and dashes that stand outside
 * double quotation marks, numbers ("10,000") and the protected span (the
 * temporal, which may hold a comma: "Friday, August 22"). A comma just inside
 * a closing quote (`history,”`, `‘heroic,’`) closes the segment after the quote.
 */
function segmentsOf(sentence: string, protect: { start: number; end: number }): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i] ?? '';
    if (ch === '“') inQuote = true;
    else if (ch === '”') inQuote = false;
    else if (ch === '"') inQuote = !inQuote;
    if (i >= protect.start && i < protect.end) continue;
    const isComma = ch === ',' && !(/\d/.test(sentence[i - 1] ?? '') && /\d/.test(sentence[i + 1] ?? ''));
    const isBreak = isComma || ch === ';' || ch === ':' || ch === '—' || ch === '–';
    if (!isBreak) continue;
    // A comma before a closing quote belongs to the quotation.
    if (inQuote && !(isComma && sentence[i + 1] === '”')) continue;
    let end = i;
    let next = i + 1;
    if (sentence[next] === '”' || sentence[next] === '’') {
      end = next + 1;
      next += 1;
      inQuote = false;
    }
    out.push({ start, end, separator: ch });
    start = next;
  }
  out.push({ start, end: sentence.length, separator: '' });
  return out.filter((s) => sentence.slice(s.start, s.end).trim() !== '');
}

function firstWords(text: string, n: number): string {
  return (text.trim().match(/[\p{L}]+/gu) ?? []).slice(0, n).join(' ').toLowerCase();
}

function opensSubordinate(text: string): boolean {
  const one = firstWords(text, 1);
  const two = firstWords(text, 2);
  if (SUBORDINATORS.has(one) || SUBORDINATORS.has(two)) return true;
  // A participial tail ("citing intelligence", "pledging solidarity"), written in lower case.
  return /^[a-z]{3,}ing$/.test(text.trim().replace(/^["'“”‘’]+/, '').split(/\s+/)[0] ?? '');
}

/** True when a segment is one discourse word ("However", "Meanwhile"), which the clause leaves out. */
function isDiscourseWord(text: string): boolean {
  return /^\p{L}+$/u.test(text.trim());
}

export interface Clause {
  /** The clause as it stands in the sentence, temporal included: what similarity reads. */
  text: string;
  /** The clause with the temporal (and its preposition) taken out where that leaves good English, capitalised, capped. */
  summary: string;
  /** The part of the clause that governs the temporal, for the speculation check. */
  governing: string;
}

/**
 * The clause around the words at `[start, end)` of a sentence: the sentence
 * less a lone discourse word or a bare temporal before the main clause, and
 * less any tail that opens with a subordinator or a participle after the
 * temporal's segment. When the temporal itself stands in such a tail, that
 * tail is the clause, unless it is too short to say anything.
 */
export function clauseAround(sentence: string, start: number, end: number): Clause {
  const segs = segmentsOf(sentence, { start, end });
  const at = Math.max(
    0,
    segs.findIndex((s) => start >= s.start && start < s.end),
  );
  const own = segs[at];
  let from = 0;
  let to = segs.length - 1;
  if (own && at > 0 && opensSubordinate(sentence.slice(own.start, own.end)) && contentWords(sentence.slice(own.start, own.end)).length >= 4) {
    from = at;
    to = at;
  } else {
    while (from < at && isDiscourseWord(sentence.slice(segs[from]?.start ?? 0, segs[from]?.end ?? 0))) from += 1;
    for (let i = at + 1; i < segs.length; i++) {
      const s = segs[i];
      if (s && opensSubordinate(sentence.slice(s.start, s.end))) {
        to = i - 1;
        break;
      }
    }
  }
  const first = segs[from];
  const last = segs[to];
  const cStart = first?.start ?? 0;
  const cEnd = last?.end ?? sentence.length;
  const text = sentence.slice(cStart, cEnd);
  const governing = governingPart(sentence, start, own?.start ?? 0);
  const summary = dropTemporal(text, start - cStart, end - cStart);
  return { text, summary: finishSummary(summary), governing };
}

/**
 * The words that govern the temporal: from the last reporting verb before it
 * (or its segment's start) up to it. A temporal right after a reporting verb
 * ("said Tuesday", "announced on Monday") dates the speaking, so it is
 * governed by the report alone.
 */
function governingPart(sentence: string, start: number, segStart: number): string {
  const before = sentence.slice(segStart, start);
  let cut = 0;
  for (const m of before.matchAll(REPORTING)) {
    const after = before.slice(m.index + m[0].length);
    if (/^\s*(?:on\s+|in\s+)?$/i.test(after)) return before.slice(cut);
    cut = m.index + m[0].length;
  }
  return before.slice(cut);
}

/** Takes the temporal out of a clause where English allows it; otherwise leaves the clause as it is. */
function dropTemporal(clause: string, start: number, end: number): string {
  if (start < 0 || end > clause.length) return clause;
  const before = clause.slice(0, start);
  const after = clause.slice(end);
  const prep = DROPPABLE_PREPOSITION.exec(before);
  const cutFrom = prep ? prep.index : start;
  const head = clause.slice(0, cutFrom);
  if (head.trim() === '') {
    // At the start: "Last week, X" → "X"; "In June, X" → "X".
    return after.replace(/^\s*,?\s*/, '');
  }
  if (/^\s*,/.test(after)) {
    // "on Friday, August 22, released" → "released"; "held on Friday, Kim" stays as it is.
    if (clause.slice(start, end).includes(',')) return `${head.trimEnd()} ${after.replace(/^\s*,\s*/, '')}`;
    return clause;
  }
  if (!/[\p{L}\p{N}”’"')]$/u.test(head.trimEnd())) return clause;
  return `${head.trimEnd()}${/^[\s.,;:!?]/.test(after) || after === '' ? '' : ' '}${after}`;
}

/** Trims punctuation, capitalises, closes an open quotation and caps the length at a word boundary. */
function finishSummary(text: string): string {
  let s = text.replace(/\s+/g, ' ').trim();
  s = s.replace(/,(["”’'])$/, '$1').replace(/[\s,;:—–-]+$/, '').replace(/\.$/, '');
  s = s.replace(/^[,;:—–\s]+/, '');
  const ws = s.split(' ');
  if (ws.length > MAX_SUMMARY_WORDS) {
    let cut = MAX_SUMMARY_WORDS;
    for (let i = MAX_SUMMARY_WORDS - 1; i >= 10; i--) {
      const w = (ws[i] ?? '').toLowerCase();
      if (SUBORDINATORS.has(w) || w === 'and' || w === 'that' || /[,;:]$/.test(ws[i - 1] ?? '')) {
        cut = i;
        break;
      }
    }
    s = `${ws.slice(0, cut).join(' ').replace(/[\s,;:—–-]+$/, '')}…`;
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------
// Candidate citations

interface Candidate {
  key: string;
  article: string;
  published: string | undefined;
  paragraph: number;
  sentence: string;
  temporal: string;
  clause: string;
  summary: string;
  /** Readings the text allows: one when it is certain. */
  readings: string[];
  ambiguous: boolean;
  relation: 'on' | 'on-or-before' | 'on-or-after';
  rule: string;
  derived: boolean;
  note: string | undefined;
  scheduled: boolean;
  news: boolean;
  tokens: Set<string>;
}

/** Where the temporal's sentence and words stand in the paragraph text; offsets are the sentence's. */
function locate(t: Temporal, paragraph: string | undefined): { sentence: string; start: number; end: number } {
  const sentence = t.sentence;
  if (paragraph !== undefined && paragraph.slice(t.start, t.end) === t.text) {
    for (let i = paragraph.indexOf(sentence); i >= 0; i = paragraph.indexOf(sentence, i + 1)) {
      if (t.start >= i && t.end <= i + sentence.length) return { sentence, start: t.start - i, end: t.end - i };
    }
  }
  const i = sentence.indexOf(t.text);
  return { sentence, start: Math.max(0, i), end: Math.max(0, i) + t.text.length };
}

/** The publication date's first and last day, when known. */
function publishedRange(a: Article): DayRange | undefined {
  return a.published.date === undefined ? undefined : rangeOf(a.published.date);
}

const ORDINALS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, twentieth: 20, thirtieth: 30, fiftieth: 50, hundredth: 100,
};

const ANNIVERSARY = /\b(?:(\d+|[a-z]+)[- ]year|(\d+)(?:st|nd|rd|th)|([a-z]+(?:st|nd|rd|th)))\s+anniversary\s+of\s+([^,;:—–]+?)(?=[,;:—–]|\.?$)/i;

const AFTER_BEFORE = /,\s*(?:(?:shortly|soon|just|only|immediately|days|weeks|months|a\s+(?:day|week|month|few\s+\w+))\s+)?(after|before)\s+(\p{Ll}+ing\b[^,;:—–]*?)(?=[,;:—–]|\.?$)/u;

function candidatesOf(article: EventArticle, mentions: readonly EntityMentionInput[]): Candidate[] {
  const paragraphs = bodyParagraphs(article.body);
  const published = article.data.published.date;
  const pubRange = publishedRange(article.data);
  const out: Candidate[] = [];
  const entityTokens = (paragraph: number, text: string): string[] =>
    mentions.filter((m) => m.article === article.id && m.block === paragraph && text.includes(m.text)).map((m) => `@${m.entity}`);
  const base = (paragraph: number, sentence: string, temporal: string, clause: Clause, rule: string) => ({
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
    const clause = clauseAround(loc.sentence, loc.start, loc.end);
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
    const c: Candidate = {
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
    for (const sentence of splitSentences(text)) {
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
  return out;
}

// ---------------------------------------------------------------------------
// Similarity and merging

/** Cosine similarity of two token sets, each token weighted by its inverse document frequency. */
function cosine(a: ReadonlySet<string>, b: ReadonlySet<string>, idf: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const w of a) {
    const x = idf.get(w) ?? 1;
    na += x * x;
    if (b.has(w)) dot += x * x;
  }
  for (const w of b) {
    const x = idf.get(w) ?? 1;
    nb += x * x;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Clauses this similar tell the same event when their dates agree. */
export const MERGE_SIMILARITY = 0.2;
/** Clauses this similar tell the same event even when their close dates disagree (the event is then flagged). */
export const CONFLICT_SIMILARITY = 0.6;

interface DateVerdict {
  /** Candidates' readings after resolution (undefined: still ambiguous). */
  resolved: Map<string, { reading: string | undefined; by: Candidate | undefined }>;
  conflict: boolean;
  /** Readings that disagree, all close together. */
  allNear: boolean;
}

/**
 * Settles the dates of a group of citations: certain readings stand; an
 * ambiguous one keeps the candidates that agree with every certain reading and
 * bound of the group (one left: settled, by the citation that ruled the others
 * out; none left: a conflict); bounds are checked against every reading.
 */
function judgeDates(group: readonly Candidate[]): DateVerdict {
  const certain = group.filter((c) => c.relation === 'on' && !c.ambiguous);
  const bounds = group.filter((c) => c.relation !== 'on');
  const fits = (reading: string, by: Candidate): boolean => {
    const bound = by.readings[0] ?? '';
    if (by.relation === 'on') return contains(reading, bound);
    const r = rangeOf(reading);
    const b = rangeOf(bound);
    return by.relation === 'on-or-before' ? r.from <= b.to : r.to >= b.from;
  };
  const resolved = new Map<string, { reading: string | undefined; by: Candidate | undefined }>();
  let conflict = false;
  for (const c of certain) resolved.set(c.key, { reading: c.readings[0], by: undefined });
  for (const c of group.filter((g) => g.relation === 'on' && g.ambiguous)) {
    const judges = [...certain, ...bounds];
    const left = c.readings.filter((r) => judges.every((j) => fits(r, j)));
    if (left.length === 1) {
      // The judge that rules out another candidate, preferring a certain date to a bound, then the earliest report.
      const by = judges.filter((j) => c.readings.some((r) => r !== left[0] && !fits(r, j))).sort(byStrength)[0];
      resolved.set(c.key, { reading: left[0], by });
    } else if (left.length === 0) {
      conflict = true;
      resolved.set(c.key, { reading: c.readings[0], by: undefined });
    } else {
      const prefix = commonPrefix(left);
      resolved.set(c.key, { reading: prefix, by: undefined });
    }
  }
  const readings = [...resolved.values()].map((v) => v.reading).filter((r): r is string => r !== undefined);
  let allNear = true;
  for (let i = 0; i < readings.length; i++) {
    for (let j = i + 1; j < readings.length; j++) {
      const a = readings[i] ?? '';
      const b = readings[j] ?? '';
      if (!contains(a, b)) {
        conflict = true;
        if (!near(a, b)) allNear = false;
      }
    }
    for (const b of bounds) if (!fits(readings[i] ?? '', b)) conflict = true;
  }
  return { resolved, conflict, allNear };
}

/** Stronger evidence first: a direct certain date, a derived date, a bound; then finer precision, earlier report, id, paragraph. */
function byStrength(a: Candidate, b: Candidate): number {
  const rank = (c: Candidate): number => (c.relation !== 'on' ? 2 : c.derived ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    (b.readings[0]?.length ?? 0) - (a.readings[0]?.length ?? 0) ||
    compareDates(a.published, b.published) ||
    cmp(a.article, b.article) ||
    a.paragraph - b.paragraph
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Known dates first, earlier first. */
function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return cmp(a, b);
}

/**
 * Every dated event the articles tell, merged across articles, earliest
 * first (ties by id). Merging is agglomerative: pairs of citations are taken
 * from most to least similar, and two groups join when the pair is similar
 * enough and the joined group's dates still agree (or, for a very similar
 * pair, disagree only by a little, which flags the conflict). A group that
 * holds only bounds says nothing dated and is dropped.
 */
export function findEvents(articles: readonly EventArticle[], options: EventOptions = {}): TimelineEvent[] {
  const mentions = options.mentions ?? [];
  const sorted = [...articles].sort((a, b) => cmp(a.id, b.id));
  const candidates = sorted.flatMap((a) => candidatesOf(a, mentions));

  // Inverse document frequency over every sentence of the corpus.
  const df = new Map<string, number>();
  let docs = 0;
  for (const a of sorted) {
    for (const p of bodyParagraphs(a.body)) {
      for (const s of splitSentences(p)) {
        docs += 1;
        for (const w of new Set(contentWords(s))) df.set(w, (df.get(w) ?? 0) + 1);
      }
    }
  }
  const idf = new Map<string, number>();
  for (const [w, n] of df) idf.set(w, Math.log(1 + docs / n));
  for (const c of candidates) for (const w of c.tokens) if (!idf.has(w)) idf.set(w, Math.log(1 + docs));

  const pairs: { i: number; j: number; sim: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i];
      const b = candidates[j];
      if (!a || !b || a.key === b.key) continue;
      if (a.scheduled !== b.scheduled) continue;
      if (a.article === b.article && a.sentence === b.sentence) continue;
      const sim = cosine(a.tokens, b.tokens, idf);
      if (sim >= MERGE_SIMILARITY) pairs.push({ i, j, sim });
    }
  }
  pairs.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);

  // Each candidate's group, and each group's members (kept in candidate order).
  const groupOf = candidates.map((_, i) => i);
  const members = new Map(candidates.map((c, i) => [i, [c]]));
  for (const { i, j, sim } of pairs) {
    const gi = groupOf[i] ?? i;
    const gj = groupOf[j] ?? j;
    if (gi === gj) continue;
    const joined = [...(members.get(gi) ?? []), ...(members.get(gj) ?? [])];
    const verdict = judgeDates(joined);
    if (verdict.conflict && !(sim >= CONFLICT_SIMILARITY && verdict.allNear)) continue;
    const [keep, drop] = gi < gj ? [gi, gj] : [gj, gi];
    members.set(keep, joined.sort((a, b) => candidates.indexOf(a) - candidates.indexOf(b)));
    members.delete(drop);
    groupOf.forEach((g, k) => {
      if (g === drop) groupOf[k] = keep;
    });
  }

  const events: Omit<TimelineEvent, 'id'>[] = [];
  for (const cs of members.values()) {
    if (cs.every((c) => c.relation !== 'on')) continue;
    events.push(buildEvent(cs));
  }
  // The event's own date, else its earliest reading, else its earliest candidate; undated last.
  const sortKey = (e: Omit<TimelineEvent, 'id'>): string =>
    e.date ?? e.dates[0]?.date ?? e.citations.flatMap((c) => c.candidates).sort()[0] ?? '9999';
  events.sort((a, b) => cmp(sortKey(a), sortKey(b)) || cmp(a.summary, b.summary));
  const base = (e: Omit<TimelineEvent, 'id'>): string => slugify(`${e.date ?? 'undated'} ${e.summary.split(/\s+/).slice(0, 8).join(' ')}`);
  const ids = assignSlugs(events, base, (e) => `${sortKey(e)} ${e.summary} ${e.citations[0]?.article ?? ''}`);
  return events.map((e) => timelineEventSchema.parse({ id: ids.get(e) ?? base(e), ...e }));
}

function buildEvent(cs: readonly Candidate[]): Omit<TimelineEvent, 'id'> {
  const verdict = judgeDates(cs);
  const ordered = [...cs].sort(
    (a, b) => compareDates(a.published, b.published) || cmp(a.article, b.article) || a.paragraph - b.paragraph || cmp(a.key, b.key),
  );
  const notes: string[] = [];
  let eventResolvedBy: ResolvedBy | undefined;
  const citations: EventCitation[] = ordered.map((c) => {
    const v = verdict.resolved.get(c.key);
    const reading = c.relation === 'on' ? v?.reading : c.readings[0];
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
    if (c.ambiguous && v?.by && reading !== undefined) {
      cite.resolvedBy = { article: v.by.article, sentence: v.by.sentence };
      eventResolvedBy ??= cite.resolvedBy;
      note = `“${c.temporal}” could be ${c.readings.join(' or ')}; ${v.by.article} (paragraph ${v.by.paragraph}) dates the same event ${
        v.by.relation === 'on' ? `to ${v.by.readings[0] ?? ''}` : `${v.by.relation === 'on-or-before' ? 'no later than' : 'no earlier than'} ${v.by.readings[0] ?? ''}`
      }, which leaves only ${reading}.`;
      notes.push(`${c.article}: ${note}`);
    } else if (c.ambiguous && reading === undefined) {
      notes.push(`${c.article}: “${c.temporal}” could be ${c.readings.join(' or ')}, and no other report of the event settles which.`);
    }
    if (note !== undefined) cite.note = note;
    return cite;
  });

  // Distinct dates, earliest first.
  const byDate = new Map<string, { article: string; paragraph: number }[]>();
  for (const c of citations) {
    if (c.relation !== 'on' || c.date === undefined) continue;
    const list = byDate.get(c.date) ?? [];
    if (!list.some((p) => p.article === c.article && p.paragraph === c.paragraph)) list.push({ article: c.article, paragraph: c.paragraph });
    byDate.set(c.date, list);
  }
  const dates: EventDate[] = [...byDate.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([date, places]) => ({ date, precision: precisionOf(date), citations: places }));
  const readings = dates.map((d) => d.date);
  let date: string | undefined;
  if (verdict.conflict) {
    date = commonPrefix(readings);
    notes.push(
      `The reports disagree on the date: ${dates.map((d) => `${d.date} (${d.citations.map((p) => `${p.article} ¶${p.paragraph}`).join(', ')})`).join(' vs ')}${
        date ? `; only ${date} is common to them` : ''
      }.`,
    );
  } else {
    // All readings nest: the finest one holds the others.
    date = [...readings].sort((a, b) => b.length - a.length || cmp(a, b))[0];
  }

  const best = [...cs].sort(
    (a, b) =>
      Number(a.relation !== 'on') - Number(b.relation !== 'on') ||
      Number(a.derived) - Number(b.derived) ||
      Number(ANAPHORIC_START.test(a.summary)) - Number(ANAPHORIC_START.test(b.summary)) ||
      Number(a.summary.endsWith('…')) - Number(b.summary.endsWith('…')) ||
      (b.readings[0]?.length ?? 0) - (a.readings[0]?.length ?? 0) ||
      compareDates(a.published, b.published) ||
      cmp(a.article, b.article) ||
      a.paragraph - b.paragraph,
  )[0];
  const event: Omit<TimelineEvent, 'id'> = {
    summary: best?.summary ?? '',
    precision: date === undefined ? 'unknown' : precisionOf(date),
    scheduled: cs.some((c) => c.scheduled),
    conflict: verdict.conflict,
    dates,
    citations,
    newsOf: [...new Set(cs.filter((c) => c.news).map((c) => c.article))].sort(),
  };
  if (date !== undefined) event.date = date;
  if (eventResolvedBy) event.resolvedBy = eventResolvedBy;
  if (notes.length) event.note = notes.join(' ');
  return event;
}
