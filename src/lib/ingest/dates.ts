/**
 * Dates in the text: the publication date when no editor or page gave one
 * (`inferPublished`), and every time the body names, placed on the calendar
 * where the text allows it (`extractTemporal`).
 *
 * chrono-node finds the expressions; everything after that is ours, because
 * chrono fills what a phrase leaves open from a reference date (the nearest
 * Tuesday, the current year) and a news timeline must never show a guess as a
 * fact. So only the parts chrono marks certain are read from it, and every
 * relative expression is placed by the rules below, counted from the
 * publication date (or left unknown when that is unknown).
 *
 * Pure and deterministic: no clock, no I/O. chrono is given a fixed
 * reference instant in UTC, whose implied values are never used.
 *
 * Contracts:
 * - a relative expression resolves by a function of the publication day that
 *   never decreases as the day grows, so a publication date known only to the
 *   month or year is handled as the range of its days: the first and last day
 *   map to the earliest and latest possible reading, and the result is cut to
 *   the finest precision at which the two agree (or unknown);
 * - `candidates` is empty when the text allows one reading and lists every
 *   reading, most likely first, when it allows more;
 * - durations ("for three months", "over the past year", "in two years") are
 *   not points in time and are skipped, as are times of day with no date
 *   ("at 10 a.m.") and "now";
 * - "the day before", "a week later" and the like count from another event,
 *   so they are kept with precision `unknown` and rule `anaphoric`.
 */
import { casual, strict, type ParsedResult } from 'chrono-node';
import type { Diagnostic } from '../diagnostics.ts';
import { DATE_PATTERN, isRealCalendarDate, type Published, type Temporal } from '../schema.ts';

/** A block of clean text and the seed lines it came from, with what the structure stage made of it. */
export interface DateBlock {
  text: string;
  lines: [number, number];
  /** `dateline` is a line that only gives a date or time (e.g. "Published 23 August 2025, 10:04"). */
  kind: 'dateline' | 'standfirst' | 'paragraph' | 'heading' | 'caption' | 'credit';
}

// ---------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, UTC).

const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** An inclusive range of day numbers. */
interface Span {
  from: number;
  to: number;
}

function dayOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function ymdOf(day: number): Ymd {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isValidDay(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= dayOf(y, m + 1, 1) - dayOf(y, m, 1);
}

function monthSpan(y: number, m: number): Span {
  return { from: dayOf(y, m, 1), to: dayOf(y, m + 1, 1) - 1 };
}

function yearSpan(y: number): Span {
  return { from: dayOf(y, 1, 1), to: dayOf(y + 1, 1, 1) - 1 };
}

/** Monday-to-Sunday week holding `day`. */
function weekSpan(day: number): Span {
  const monday = day - ((weekdayOf(day) + 6) % 7);
  return { from: monday, to: monday + 6 };
}

function shiftMonth(y: number, m: number, by: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + by;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDay(day: number): string {
  const { y, m, d } = ymdOf(day);
  return `${y}-${pad(m)}-${pad(d)}`;
}

type Precision = 'day' | 'month' | 'year';

/** The finest precision at which the span's first and last day agree, as an ISO date cut to it. */
function cut(span: Span): { date: string; precision: Precision } | undefined {
  const a = ymdOf(span.from);
  const b = ymdOf(span.to);
  if (span.from === span.to) return { date: isoDay(span.from), precision: 'day' };
  if (a.y === b.y && a.m === b.m) return { date: `${a.y}-${pad(a.m)}`, precision: 'month' };
  if (a.y === b.y) return { date: String(a.y), precision: 'year' };
  return undefined;
}

/** "22 August 2025", "August 2025" or "2025" for an ISO date of any precision. */
function spoken(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = m === undefined ? '' : `${MONTHS[m - 1]} `;
  return `${d === undefined ? '' : `${d} `}${month}${y}`;
}

/** "11–17 August 2025", "30 August – 5 September 2025", "29 December 2025 – 4 January 2026". */
function spokenDays(span: Span): string {
  const a = ymdOf(span.from);
  const b = ymdOf(span.to);
  if (a.y !== b.y) return `${spoken(isoDay(span.from))} – ${spoken(isoDay(span.to))}`;
  if (a.m !== b.m) return `${a.d} ${MONTHS[a.m - 1]} – ${b.d} ${MONTHS[b.m - 1]} ${b.y}`;
  return `${a.d}–${b.d} ${MONTHS[a.m - 1]} ${a.y}`;
}

function spanOfPublished(published: Published): Span | undefined {
  if (published.precision === 'unknown' || published.date === undefined) return undefined;
  const [y = 0, m, d] = published.date.split('-').map(Number);
  if (m === undefined) return yearSpan(y);
  if (d === undefined) return monthSpan(y, m);
  const day = dayOf(y, m, d);
  return { from: day, to: day };
}

// ---------------------------------------------------------------------------
// Sentences and clauses.

/** Words that end with a full stop without ending the sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr gov sen rep rev st jr sr mt ft vs approx est dept inc corp ltd co ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat'
  ).split(' '),
);
/** What may follow "a.m." or "p.m." inside a sentence. */
const AFTER_CLOCK = /^(?:[A-Z]{2,4}T|GMT|UTC|local|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/**
 * Sentence spans of a block, trimmed. A sentence ends at `.`, `!`, `?` or `…`
 * (and any closing quotes or brackets after it) when the next word starts
 * with a capital, a digit or an opening quote, unless the full stop closes
 * an abbreviation ("Gen.", "Aug."), an initial ("J.") or a dotted acronym
 * ("U.S."); a question or exclamation inside quotes followed by a lower-case
 * word ("“Why?” he asked") does not end it.
 */
function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?…]+["'”’)\]]*(?=\s|$)/gu)) {
    const end = match.index + match[0].length;
    const next = text.slice(end).trimStart();
    if (next !== '' && !/^[\p{Lu}\p{N}"“‘'([]/u.test(next)) continue;
    if (match[0].startsWith('.') && !/^\.{3}/.test(match[0]) && next !== '') {
      const word = /(\S+)$/.exec(text.slice(start, match.index))?.[1]?.replace(/^["“‘'(]+/, '') ?? '';
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower) || (lower === 'no' && /^\d/.test(next))) continue;
      if (/^\p{Lu}$/u.test(word)) continue;
      if (/^(?:a\.m|p\.m)$/i.test(word)) {
        if (AFTER_CLOCK.test(next)) continue;
      } else if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    spans.push({ start, end });
    start = end + (text.length - end - text.slice(end).trimStart().length);
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans
    .map(({ start: s, end: e }) => {
      const slice = text.slice(s, e);
      const lead = slice.length - slice.trimStart().length;
      return { start: s + lead, end: s + slice.trimEnd().length };
    })
    .filter((s) => s.end > s.start);
}

/**
 * Clause boundaries inside a sentence: strong punctuation, a comma before a
 * coordinating word, and the words that open a subordinate or relative clause.
 * Plain commas do not split, so a fronted "In June, they had met" stays one
 * clause with its verb.
 */
const CLAUSE_BREAK = /[;:()—–]|,\s+(?:and|but|or|while|whereas)\b|\b(?:that|which|who|whom|whose|when|while|whereas|because|although|though|but)\b/giu;

function clauseAround(sentence: string, start: number, end: number): string {
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const a = m.index;
    const b = a + m[0].length;
    if (b <= start) from = Math.max(from, b);
    else if (a >= end) to = Math.min(to, a);
  }
  return sentence.slice(from, to);
}

const IRREGULAR_PARTICIPLES =
  'been made sent met said told held begun known seen taken given brought fought built won lost left put set led struck sold paid spent found kept become come gone done written shown grown drawn chosen spoken broken risen run heard thought bought caught taught felt meant read let cut hit shot fled fallen flown stood understood sought sworn torn worn withdrawn overseen undertaken forgotten got gotten hung laid lit spread sunk swept thrown';
/** "had signed", "had only publicly confirmed", "had not been told": the past perfect. */
const PAST_PERFECT = new RegExp(
  String.raw`\bhad(?:\s+not|n[’']t)?\s+(?:(?:already|just|only|also|previously|recently|first|long|since|yet|ever|still|even|never|all|both|\p{L}+ly)\s+){0,3}(?:${IRREGULAR_PARTICIPLES.split(' ').join('|')}|\p{L}+ed)\b`,
  'iu',
);
/** Words that put a clause in the future. */
const FUTURE =
  /\b(?:will|won[’']t|shall)\b|[’']ll\b|\b(?:is|are|was|were|be|been)\s+(?:(?:scheduled|expected|due|set|slated|poised|going|planned)\s+to|(?:scheduled|slated|planned)\s+for)\b|\bplans?\s+to\b|\bupcoming\b/iu;

// ---------------------------------------------------------------------------
// Finding expressions.

type Modifier = 'last' | 'next' | 'this';

/** What an expression names, read from its words and chrono's certain components only. */
type Named =
  | { type: 'explicit'; year: number; month?: number; day?: number; weekday?: number; alternative?: string; range?: boolean }
  | { type: 'month-day'; month: number; day: number; weekday?: number; modifier?: Modifier }
  | { type: 'month'; month: number; modifier?: Modifier }
  | { type: 'weekday'; weekday: number; modifier?: Modifier }
  | { type: 'weekend'; modifier?: Modifier }
  | { type: 'day-offset'; days: number }
  | { type: 'period'; unit: 'week' | 'month' | 'year'; offset: number }
  | { type: 'ago'; unit: 'day' | 'week' | 'month' | 'year'; count: number }
  | { type: 'anaphoric' };

interface Found {
  start: number;
  end: number;
  text: string;
  named: Named;
  /** Sentence span in the block. */
  sentence: { start: number; end: number };
  future: boolean;
  pastPerfect: boolean;
}

/**
 * The temporal expressions found in block texts, by text, for `inferPublished`
 * and `extractTemporal` to share on one page (both read its body blocks).
 * What a text holds depends on the text alone; the records are read, never
 * changed, once found.
 */
export type ExpressionCache = Map<string, readonly Found[]>;

/** `findExpressions(text)`, through `cache` when given. */
function expressionsIn(text: string, cache: ExpressionCache | undefined): readonly Found[] {
  if (!cache) return findExpressions(text);
  let found = cache.get(text);
  if (!found) {
    found = findExpressions(text);
    cache.set(text, found);
  }
  return found;
}

/** chrono's reference: fixed, since only components it marks certain are read. */
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

const MONTH_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
/** Words that, standing just before a bare month name, show it is the month ("in June", "since March"). */
const MONTH_CUES = new Set(
  'in since by until till from through throughout during of before after between around into early late mid last next this earlier later and or to'.split(' '),
);
/** Cue words that only count when another month name stands just before them ("June and August"). */
const LINKING_CUES = new Set(['and', 'or', 'to']);
/** Words that, standing just before a year, show it is a year ("in 2024", "late 2024", "the spring of 2023"). */
const YEAR_CUES = new Set(
  'in since by until till from to through throughout during of before after between and or around into early late mid circa year summer winter spring autumn fall the'.split(' '),
);
/** Capitalised words that may stand right before a weekday at a sentence start ("On Monday", "Since Friday"). */
const WEEKDAY_LEADS = /^(?:On|By|Since|Until|Till|From|Before|After|Through|Last|Next|This|Early|Late|Every|Each)$/;
/** Function words that end in "s" but are no plural noun after a year ("in 2024 was"). */
const S_WORDS = new Set('was is has as this its his thus plus across us unless whereas besides towards afterwards less news'.split(' '));
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * How far back from a match the word-before rules look. Regexes anchored at
 * `$` run from every position of what they are given, so handing them the
 * whole text before each match made a long block cost quadratic time (a
 * 1 MB one-line seed ran for many minutes); no word or gap they look for is
 * anywhere near this long.
 */
const LOOKBEHIND = 64;

/** The text just before `index`, at most `LOOKBEHIND` characters, and where it starts. */
function textBefore(text: string, index: number): { text: string; offset: number } {
  const offset = Math.max(0, index - LOOKBEHIND);
  return { text: text.slice(offset, index), offset };
}

function previousWord(text: string, index: number): string | undefined {
  return /([\p{L}’']+)[\s(-]*$/u.exec(textBefore(text, index).text)?.[1];
}

function nextWord(text: string, index: number): string | undefined {
  return /^[\s,]*([\p{L}’']+)/u.exec(text.slice(index))?.[1];
}

function certainCount(r: Match): number {
  return (['year', 'month', 'day', 'weekday'] as const).filter((c) => r.start.isCertain(c)).length;
}

/** A chrono match, its offset counted in the whole block's text. */
type Match = Pick<ParsedResult, 'index' | 'text' | 'start' | 'end'>;

/**
 * Blocks longer than this are read by chrono a piece at a time, each piece
 * ending at a sentence end where there is one. chrono's refiners look at
 * all the text before each match, so one pass over a very long block takes
 * quadratic time (a 1 MB line: minutes); real paragraphs are far shorter,
 * and read in one piece exactly as before.
 */
const CHRONO_PIECE = 8_000;

/**
 * chrono's casual and strict parsers merged: where they overlap, the one
 * with more certain date parts wins (casual reads "the night of June 24" as a
 * time tonight; strict reads the date), strict on a tie.
 */
function parseBoth(text: string): Match[] {
  if (text.length <= CHRONO_PIECE) return parsePiece(text, 0);
  const out: Match[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHRONO_PIECE);
    if (end < text.length) {
      const piece = text.slice(start, end);
      // Cut after the last sentence end, else at the last space, else anywhere.
      const sentence = /[.!?…]["'”’)\]]*\s/gu;
      let cut = -1;
      for (const m of piece.matchAll(sentence)) cut = m.index + m[0].length;
      if (cut <= 0) cut = piece.lastIndexOf(' ') + 1;
      if (cut > 0) end = start + cut;
    }
    out.push(...parsePiece(text.slice(start, end), start));
    start = end;
  }
  return out;
}

function parsePiece(text: string, offset: number): Match[] {
  const out: Match[] = [];
  const all = [...strict.parse(text, REFERENCE, { forwardDate: false }), ...casual.parse(text, REFERENCE, { forwardDate: false })];
  for (const r of all) {
    const clash = out.findIndex((o) => r.index < o.index + o.text.length && o.index < r.index + r.text.length);
    if (clash === -1) out.push(r);
    else if (certainCount(r) > certainCount(out[clash]!)) out[clash] = r;
  }
  return out
    .sort((a, b) => a.index - b.index)
    .map((r) => (offset === 0 ? r : { index: r.index + offset, text: r.text, start: r.start, ...(r.end ? { end: r.end } : {}) }));
}

/** Strips the prepositions and trailing punctuation chrono takes into a match. */
function trimMatch(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  const lead = /^(?:on|at|in|by|from|since|until)\s+/i.exec(text.slice(s, e));
  if (lead) s += lead[0].length;
  while (e > s && /[\s,;:!?]/.test(text[e - 1]!)) e--;
  if (text[e - 1] === '.') {
    const word = /(\p{L}+)\.$/u.exec(text.slice(s, e))?.[1]?.toLowerCase();
    if (word === undefined || !ABBREVIATIONS.has(word)) e--;
  }
  return { start: s, end: e };
}

const LEADING_MODIFIER = /\b(last|next|this|past|coming|early|late|mid|earlier|later)(?:\s+|-)$/i;

/** Classifies one chrono match; undefined when it is not a point in time worth keeping. */
function classify(r: Match, words: string): Named | undefined {
  const s = r.start;
  // "the end of July", "the start of last year": the part of a period is read as the whole period, to its precision.
  const partOf = /^(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+/i.exec(words);
  const lower = words.slice(partOf?.[0].length ?? 0).toLowerCase();
  const dayCertain = s.isCertain('day') && !partOf;
  if (/\b(?:1[6-9]|20)\d{2}\b/.test(words) && s.isCertain('year')) {
    const named: Named = { type: 'explicit', year: s.get('year')! };
    if (s.isCertain('month')) named.month = s.get('month')!;
    if (dayCertain) named.day = s.get('day')!;
    if (s.isCertain('weekday')) named.weekday = s.get('weekday')!;
    if (r.end) named.range = true;
    // 05/08/2025 reads as 5 August or 8 May; the text does not say which.
    const slash = /^(\d{1,2})[/.](\d{1,2})[/.]\d{4}$/.exec(words.trim());
    if (slash && named.month !== undefined && named.day !== undefined) {
      const [a, b] = [Number(slash[1]), Number(slash[2])];
      if (a !== b && a <= 12 && b <= 12) named.alternative = `${named.year}-${pad(named.day)}-${pad(named.month)}`;
    }
    return named;
  }
  if (/^\d{1,2}[/.]\d{1,2}$/.test(lower.trim())) return undefined; // "24/7", "9/11" with no year: not read as dates.
  if (/^(?:for|in|within|over|during|after)\s/.test(lower) || /^(?:the\s+)?(?:past|coming)\s+(?:day|week|month|year)s?$/.test(lower)) return undefined;
  // A bare length of time ("in just two days", "three weeks of talks") is a duration, not a point in time.
  if (/^(?:(?:just|only|about|some|nearly|almost|barely|around|roughly|more than|less than|under)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|many)\s+(?:hour|day|week|month|year)s?$/.test(lower)) return undefined;
  const ago = /^(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago$/.exec(lower);
  if (ago) {
    const count = /^\d+$/.test(ago[1]!) ? Number(ago[1]) : NUMBER_WORDS[ago[1]!];
    return count === undefined ? undefined : { type: 'ago', unit: ago[2] as 'day' | 'week' | 'month' | 'year', count };
  }
  if (/\b(?:before|after|earlier|later|previous|following)\b/.test(lower) || /^(?:the\s+)?next\s+day$/.test(lower)) return { type: 'anaphoric' };
  if (/^(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/.test(lower)) return { type: 'day-offset', days: 0 };
  if (/^(?:yesterday|last\s+night)\b/.test(lower)) return { type: 'day-offset', days: -1 };
  if (/^tomorrow\b/.test(lower)) return { type: 'day-offset', days: 1 };
  const period = /^(last|this|next)\s+(week|month|year)$/.exec(lower);
  if (period) return { type: 'period', unit: period[2] as 'week' | 'month' | 'year', offset: { last: -1, this: 0, next: 1 }[period[1] as Modifier] };
  if (/\bnow\b/.test(lower)) return undefined;
  const modifierWord = /^(last|next|this|past|coming)\s/.exec(lower)?.[1];
  const modifier = modifierWord === undefined ? undefined : toModifier(modifierWord);
  const withModifier = <T extends object>(named: T): T & { modifier?: Modifier } => (modifier ? { ...named, modifier } : named);
  if (/\bweekend\b/.test(lower)) return withModifier({ type: 'weekend' as const });
  if (s.isCertain('month') && dayCertain) {
    const named: Named = withModifier({ type: 'month-day' as const, month: s.get('month')!, day: s.get('day')! });
    if (s.isCertain('weekday')) named.weekday = s.get('weekday')!;
    return named;
  }
  if (s.isCertain('month')) return withModifier({ type: 'month' as const, month: s.get('month')! });
  if (s.isCertain('weekday')) return withModifier({ type: 'weekday' as const, weekday: s.get('weekday')! });
  return undefined; // a time of day alone, or something chrono guessed.
}

function toModifier(word: string): Modifier {
  const lower = word.toLowerCase();
  return lower === 'past' ? 'last' : lower === 'coming' ? 'next' : (lower as Modifier);
}

/**
 * Whether the words are used as a date here. A month name standing alone must
 * be capitalised and follow a cue word ("in June"; not "may" or "They March");
 * a weekday standing alone must not be part of a name ("Sunday Times",
 * "Good Friday"): no capitalised word may stand right before or after it,
 * other than a preposition or modifier that opens the phrase.
 */
function plausible(text: string, start: number, end: number, named: Named): boolean {
  const words = text.slice(start, end);
  if (/^[,.]\d/.test(text.slice(end))) return false; // "August, 2,000 soldiers": the number goes on.
  // A bare ordinal ("in the second quarter", "the 3rd") names a rank far more often than a day of the month.
  if (/^(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/i.test(words.trim())) return false;
  if (named.type === 'month' || named.type === 'month-day') {
    const monthWord = /\p{L}+/u.exec(words.replace(/^(?:last|next|this|past|coming|early|late|mid|earlier|later)[\s-]+/i, ''))?.[0] ?? '';
    if (MONTH_WORD.test(monthWord) && !/^\p{Lu}/u.test(monthWord)) return false;
  }
  if (named.type === 'month' && named.modifier === undefined && !/^(?:early|late|mid|earlier|later)\b/i.test(words) && !/^(?:the\s+)?(?:end|beginning|start|middle)\s+of\b/i.test(words)) {
    const cue = previousWord(text, start)?.toLowerCase();
    if (cue === undefined || !MONTH_CUES.has(cue)) return false;
    if (LINKING_CUES.has(cue)) {
      const before = text.slice(Math.max(0, start - 24), start).split(/\s+/).filter(Boolean);
      if (!before.slice(-3, -1).some((w) => MONTH_WORD.test(w.replace(/[,]$/, '')))) return false;
    }
  }
  if (named.type === 'weekday' && named.modifier === undefined) {
    const after = nextWord(text, end);
    if (after !== undefined && /^\p{Lu}/u.test(after) && !MONTH_WORD.test(after) && text.slice(end, end + 1) !== ',') return false;
    const before = previousWord(text, start);
    const beforeStart = before === undefined ? -1 : text.lastIndexOf(before, start - 1);
    const adjacent = beforeStart >= 0 && /^\s+$/.test(text.slice(beforeStart + (before?.length ?? 0), start));
    if (before !== undefined && adjacent && /^\p{Lu}/u.test(before) && !WEEKDAY_LEADS.test(before)) return false;
  }
  return true;
}

/** Years written as numbers that chrono does not read alone: "in 2024", "late 2024", "mid-2024", "2023's". */
function findYears(text: string, taken: readonly { start: number; end: number }[]): { start: number; end: number; year: number }[] {
  const out: { start: number; end: number; year: number }[] = [];
  for (const m of text.matchAll(/(?<![\d,.$£€#/-])(?:(?:early|late|mid)[\s-]+)?((?:1[89]|20)\d{2})(?![\d%]|[,.]\d|[-–/]\d|s\b)(?:['’]s\b)?/giu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some((t) => start < t.end && t.start < end)) continue;
    const qualified = /^(?:early|late|mid)/i.test(m[0]) || /['’]s$/.test(m[0]);
    const cue = previousWord(text, start)?.toLowerCase();
    if (!qualified && (cue === undefined || !YEAR_CUES.has(cue))) continue;
    // "of 2000 soldiers": a count, not a year.
    const after = nextWord(text, end)?.toLowerCase();
    if (after !== undefined && /^\p{Ll}/u.test(nextWord(text, end) ?? '') && /s$/.test(after) && !S_WORDS.has(after) && /^\s/.test(text.slice(end))) continue;
    out.push({ start, end, year: Number(m[1]) });
  }
  return out;
}

/** Every temporal expression in a block's text, with its sentence and the tense of its clause. */
function findExpressions(text: string): Found[] {
  const sentences = sentenceSpans(text);
  // The spans are sorted and disjoint: a binary search finds the one holding i (a long block has thousands).
  const sentenceAt = (i: number): { start: number; end: number } => {
    let [lo, hi] = [0, sentences.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end > i) hi = mid;
      else lo = mid + 1;
    }
    const s = sentences[lo];
    return s !== undefined && s.start <= i ? s : { start: 0, end: text.length };
  };
  const found: Omit<Found, 'sentence' | 'future' | 'pastPerfect'>[] = [];
  const results = parseBoth(text);
  for (let k = 0; k < results.length; k++) {
    const r = results[k]!;
    let { start, end } = trimMatch(text, r.index, r.index + r.text.length);
    if (end <= start) continue;
    // "5,000 years ago": chrono read only the digits after the comma; the number began before them.
    if (/\d[,.]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    let named = classify(r, text.slice(start, end));
    if (named === undefined) continue;
    // "on Friday (August 22)": chrono reads two matches; they name one day.
    const next = results[k + 1];
    if (named.type === 'weekday' && named.modifier === undefined && next && !next.start.isCertain('weekday') && next.start.isCertain('month') && next.start.isCertain('day')) {
      const gap = text.slice(end, next.index);
      if (/^\s*[,(]?\s*$/.test(gap)) {
        const joined = trimMatch(text, next.index, next.index + next.text.length);
        const nextNamed = classify(next, text.slice(joined.start, joined.end));
        if (nextNamed && (nextNamed.type === 'month-day' || nextNamed.type === 'explicit')) {
          nextNamed.weekday = named.weekday;
          named = nextNamed;
          end = joined.end + (gap.includes('(') && text[joined.end] === ')' ? 1 : 0);
          k++;
        }
      }
    }
    // "August, 2,000 soldiers": chrono took the start of a number for the day; only the month is named.
    if (named.type === 'month-day' && /^[,.]\d/.test(text.slice(end))) {
      const month = /^\p{L}+\.?/u.exec(text.slice(start))?.[0] ?? '';
      if (!MONTH_WORD.test(month)) continue;
      named = { type: 'month', month: named.month };
      end = start + month.length;
      while (end > start && text[end - 1] === '.' && !ABBREVIATIONS.has(month.slice(0, -1).toLowerCase())) end--;
    }
    // "last October", "early August", "mid-June", "earlier this month": the words before chrono's match belong to it.
    const window = textBefore(text, start);
    const lead = LEADING_MODIFIER.exec(window.text);
    if (lead && ['month', 'month-day', 'weekday', 'explicit', 'period'].includes(named.type)) {
      const word = lead[1]!.toLowerCase();
      const isModifier = ['last', 'next', 'this', 'past', 'coming'].includes(word);
      if (isModifier && (named.type === 'month' || named.type === 'month-day' || named.type === 'weekday') && named.modifier === undefined) {
        named.modifier = toModifier(word);
        start = window.offset + lead.index;
      } else if (!isModifier && (named.type !== 'period' || /^(?:earlier|later|early|late)$/.test(word))) {
        start = window.offset + lead.index;
      }
    }
    if (!plausible(text, start, end, named)) continue;
    // "every Friday", "each June": a recurring time, not a point.
    if (/^(?:every|each)$/i.test(previousWord(text, start) ?? '')) continue;
    found.push({ start, end, text: text.slice(start, end), named });
  }
  for (const y of findYears(text, found)) found.push({ start: y.start, end: y.end, text: text.slice(y.start, y.end), named: { type: 'explicit', year: y.year } });
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const first = sentenceAt(f.start);
      const last = sentenceAt(Math.max(f.start, f.end - 1));
      const sentence = { start: first.start, end: Math.max(first.end, last.end) };
      const clause = clauseAround(text.slice(sentence.start, sentence.end), f.start - sentence.start, f.end - sentence.start);
      return { ...f, sentence, future: FUTURE.test(clause), pastPerfect: PAST_PERFECT.test(clause) };
    });
}

// ---------------------------------------------------------------------------
// Resolving expressions.

interface Reading {
  date?: string;
  precision: 'day' | 'month' | 'year' | 'unknown';
  candidates: string[];
  rule: string;
  note?: string;
}

/** A reading of a relative expression: the span it names for a given publication day. */
type Resolver = (pub: number) => Span;

/** The most recent (month, day) on or before `pub` (strictly before when `strictly`). */
function latestMonthDay(month: number, day: number, pub: number, strictly: boolean): number {
  for (let y = ymdOf(pub).y; ; y--) {
    if (!isValidDay(y, month, day)) continue;
    const d = dayOf(y, month, day);
    if (strictly ? d < pub : d <= pub) return d;
  }
}

/** The first (month, day) on or after `pub` (strictly after when `strictly`). */
function firstMonthDay(month: number, day: number, pub: number, strictly: boolean): number {
  for (let y = ymdOf(pub).y; ; y++) {
    if (!isValidDay(y, month, day)) continue;
    const d = dayOf(y, month, day);
    if (strictly ? d > pub : d >= pub) return d;
  }
}

function latestWeekday(weekday: number, pub: number, strictly: boolean): number {
  const back = (weekdayOf(pub) - weekday + 7) % 7;
  return pub - (back === 0 && strictly ? 7 : back);
}

function firstWeekday(weekday: number, pub: number, strictly: boolean): number {
  const ahead = (weekday - weekdayOf(pub) + 7) % 7;
  return pub + (ahead === 0 && strictly ? 7 : ahead);
}

const single = (day: number): Span => ({ from: day, to: day });

/** The span of readings over every possible publication day (resolvers never decrease as the day grows). */
function over(pub: Span, resolve: Resolver): Span {
  return { from: resolve(pub.from).from, to: resolve(pub.to).to };
}

/** Years in which (month, day) falls on the weekday, among `years`. */
function fittingYears(month: number, day: number, weekday: number, years: Iterable<number>): number[] {
  return [...new Set(years)].filter((y) => isValidDay(y, month, day) && weekdayOf(dayOf(y, month, day)) === weekday).sort((a, b) => a - b);
}

function listYears(years: readonly number[]): string {
  return years.length <= 1 ? years.join('') : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
}

interface Relative {
  /** The most likely reading. */
  primary: Resolver;
  /** Another reading the words allow, less likely. */
  alternative?: Resolver;
  rule: string;
  /** How the reading follows, given the publication date written as `pub` and whether the alternative differs. */
  note: (pub: string, ambiguous: boolean) => string;
}

/** How a relative expression is placed, or undefined when it counts from something else. */
function relativeOf(f: Found): Relative | undefined {
  const n = f.named;
  const rule = 'relative-to-published';
  const future = f.future;
  switch (n.type) {
    case 'explicit':
    case 'anaphoric':
      return undefined;
    case 'day-offset': {
      const what = n.days === 0 ? 'The publication date itself' : n.days < 0 ? 'The day before the publication date' : 'The day after the publication date';
      return { primary: (p) => single(p + n.days), rule, note: (pub) => `${what} (${pub}).` };
    }
    case 'period': {
      const which = n.offset < 0 ? `The ${n.unit} before that of` : n.offset > 0 ? `The ${n.unit} after that of` : `The same ${n.unit} as`;
      const primary: Resolver =
        n.unit === 'week'
          ? (p) => weekSpan(p + 7 * n.offset)
          : n.unit === 'month'
            ? (p) => {
                const { y, m } = ymdOf(p);
                const s = shiftMonth(y, m, n.offset);
                return monthSpan(s.y, s.m);
              }
            : (p) => yearSpan(ymdOf(p).y + n.offset);
      return { primary, rule, note: (pub) => `${which} the publication date (${pub}).` };
    }
    case 'ago': {
      const primary: Resolver =
        n.unit === 'day'
          ? (p) => single(p - n.count)
          : n.unit === 'week'
            ? (p) => weekSpan(p - 7 * n.count)
            : n.unit === 'month'
              ? (p) => {
                  const { y, m } = ymdOf(p);
                  const s = shiftMonth(y, m, -n.count);
                  return monthSpan(s.y, s.m);
                }
              : (p) => yearSpan(ymdOf(p).y - n.count);
      return { primary, rule, note: (pub) => `Counted back from the publication date (${pub}), to the ${n.unit}.` };
    }
    case 'weekend': {
      const primary: Resolver =
        n.modifier === 'next' || (future && n.modifier !== 'last')
          ? (p) => {
              const sat = firstWeekday(6, p, n.modifier === 'next');
              return { from: sat, to: sat + 1 };
            }
          : n.modifier === 'last'
            ? (p) => {
                const sun = latestWeekday(0, p, true);
                return { from: sun - 1, to: sun };
              }
            : (p) => {
                const sat = latestWeekday(6, p, false);
                return { from: sat, to: sat + 1 };
              };
      const which =
        n.modifier === 'next' || (future && n.modifier !== 'last')
          ? `The first weekend ${n.modifier === 'next' ? 'after' : 'from'}`
          : n.modifier === 'last'
            ? 'The last full weekend before'
            : 'The most recent weekend begun on or before';
      return { primary, rule, note: (pub) => `${which} the publication date (${pub}).` };
    }
    case 'weekday': {
      const name = WEEKDAYS[n.weekday]!;
      if (n.modifier === 'next' || (future && n.modifier !== 'last')) {
        const strictly = n.modifier === 'next';
        return {
          primary: (p) => single(firstWeekday(n.weekday, p, strictly)),
          rule,
          note: (pub) => `The first ${name} ${strictly ? 'after' : 'on or after'} the publication date (${pub}), as the clause speaks of the future.`,
        };
      }
      const strictly = n.modifier === 'last';
      return {
        primary: (p) => single(latestWeekday(n.weekday, p, strictly)),
        rule,
        note: (pub) => `The most recent ${name} ${strictly ? 'before' : 'on or before'} the publication date (${pub}).`,
      };
    }
    case 'month-day':
    case 'month': {
      const label = n.type === 'month' ? MONTHS[n.month - 1]! : `${n.day} ${MONTHS[n.month - 1]}`;
      const at = (y: number): Span => (n.type === 'month' ? monthSpan(y, n.month) : single(dayOf(y, n.month, n.day)));
      const yearOf = (span: Span): number => ymdOf(span.from).y;
      // Latest occurrence whose start is not after the publication day; strictly before the publication month for "last".
      const latest = (p: number, strictly: boolean): Span =>
        n.type === 'month'
          ? (() => {
              const { y, m } = ymdOf(p);
              return at(n.month < m || (n.month === m && !strictly) ? y : y - 1);
            })()
          : single(latestMonthDay(n.month, n.day, p, strictly));
      const first = (p: number, strictly: boolean): Span =>
        n.type === 'month'
          ? (() => {
              const { y, m } = ymdOf(p);
              return at(n.month > m || (n.month === m && !strictly) ? y : y + 1);
            })()
          : single(firstMonthDay(n.month, n.day, p, strictly));
      const yearBefore = (r: Resolver): Resolver => (p) => {
        const y = yearOf(r(p)) - 1;
        return n.type === 'month-day' && !isValidDay(y, n.month, n.day) ? r(p) : at(y);
      };
      const yearAfter = (r: Resolver): Resolver => (p) => {
        const y = yearOf(r(p)) + 1;
        return n.type === 'month-day' && !isValidDay(y, n.month, n.day) ? r(p) : at(y);
      };
      if (n.modifier === 'this') return { primary: (p) => (n.type === 'month' ? at(ymdOf(p).y) : latest(p, false)), rule, note: (pub) => `${label} of the publication year (${pub}).` };
      if (n.modifier === 'last') {
        const primary: Resolver = (p) => latest(p, true);
        // "last June" in August may mean this year's June or last year's; "last October" in August can only mean last year's.
        return {
          primary,
          alternative: (p) => (yearOf(primary(p)) === ymdOf(p).y ? yearBefore(primary)(p) : primary(p)),
          rule,
          note: (pub, ambiguous) =>
            `The latest ${label} before the publication date (${pub})` + (ambiguous ? `; “last ${label}” may also mean the one a year earlier.` : '.'),
        };
      }
      if (n.modifier === 'next' || future) {
        const strictly = n.modifier === 'next';
        const primary: Resolver = (p) => first(p, strictly);
        return {
          primary,
          ...(strictly ? { alternative: (p: number) => (yearOf(primary(p)) === ymdOf(p).y ? yearAfter(primary)(p) : primary(p)) } : {}),
          rule,
          note: (pub, ambiguous) =>
            `The first ${label} ${strictly ? 'after' : 'on or after'} the publication date (${pub})` +
            (strictly ? (ambiguous ? `; “next ${label}” may also mean the one a year later.` : '.') : ', as the clause speaks of the future.'),
        };
      }
      const primary: Resolver = (p) => latest(p, false);
      if (f.pastPerfect) {
        return {
          primary,
          alternative: yearBefore(primary),
          rule: 'past-perfect',
          note: (pub) =>
            `The clause is in the past perfect, so ${label} may be the latest ${label} not after the publication date (${pub}) or the one a year earlier; the nearer reading comes first.`,
        };
      }
      return { primary, rule, note: (pub) => `The latest ${label} not after the publication date (${pub}).` };
    }
  }
}

/**
 * Places one expression. `years` are the years the text names, used only for
 * the weekday rule when the publication date is unknown.
 */
function resolve(f: Found, published: Published, years: readonly number[]): Reading {
  const n = f.named;
  const pub = spanOfPublished(published);
  const pubText = published.date ?? '';
  if (n.type === 'explicit') {
    const date = n.day !== undefined && n.month !== undefined ? `${n.year}-${pad(n.month)}-${pad(n.day)}` : n.month !== undefined ? `${n.year}-${pad(n.month)}` : String(n.year);
    if (n.alternative !== undefined) {
      return {
        date: String(n.year),
        precision: 'year',
        candidates: [date, n.alternative],
        rule: 'explicit',
        note: `Day and month could be read either way round (${spoken(date)} or ${spoken(n.alternative)}), so only the year is stated.`,
      };
    }
    const notes: string[] = [];
    if (n.weekday !== undefined && n.day !== undefined && n.month !== undefined && weekdayOf(dayOf(n.year, n.month, n.day)) !== n.weekday) {
      notes.push(`The text names a ${WEEKDAYS[n.weekday]}, but ${spoken(date)} was a ${WEEKDAYS[weekdayOf(dayOf(n.year, n.month, n.day))]}; the date is given as written.`);
    }
    if (n.range) notes.push('The start of a range the text names.');
    return { date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', candidates: [], rule: 'explicit', ...(notes.length ? { note: notes.join(' ') } : {}) };
  }
  if (n.type === 'anaphoric') {
    return { precision: 'unknown', candidates: [], rule: 'anaphoric', note: 'Counted from another event in the text, not from the publication date, so it is not placed.' };
  }
  // A weekday with its month and day fixes the year: among the years near the publication date, or, when that is unknown, the years the text names.
  let unfit = '';
  if (n.type === 'month-day' && n.weekday !== undefined && n.modifier === undefined) {
    const label = `${n.day} ${MONTHS[n.month - 1]}`;
    const weekday = WEEKDAYS[n.weekday]!;
    const window = pub ? [ymdOf(pub.from).y - 1, ymdOf(pub.from).y, ymdOf(pub.to).y, ymdOf(pub.to).y + 1] : years.flatMap((y) => [y, y + 1]);
    const fit = fittingYears(n.month, n.day, n.weekday, window);
    if (fit.length === 1) {
      const y = fit[0]!;
      const why = pub ? `the only year within a year of the publication date (${pubText}) in which it does` : `the only year the text allows (it names ${listYears([...new Set(years)].sort((a, b) => a - b))})`;
      return { date: `${y}-${pad(n.month)}-${pad(n.day)}`, precision: 'day', candidates: [], rule: 'weekday', note: `${label} fell on a ${weekday} in ${y}, ${why}.` };
    }
    unfit = `${label} was a ${weekday} in ${fit.length === 0 ? 'none' : 'more than one'} of the years considered, so the weekday does not fix the year. `;
  }
  const relative = relativeOf(f);
  if (relative === undefined) return { precision: 'unknown', candidates: [], rule: 'unresolved' };
  if (pub === undefined) {
    return { precision: 'unknown', candidates: [], rule: relative.rule, note: `${unfit}The publication date is unknown, so this cannot be placed.` };
  }
  const main = cut(over(pub, relative.primary));
  if (main === undefined) {
    return { precision: 'unknown', candidates: [], rule: relative.rule, note: `The publication date (${pubText}) is not precise enough to place this.` };
  }
  const other = relative.alternative ? cut(over(pub, relative.alternative)) : undefined;
  const candidates = other && other.date !== main.date && other.precision === main.precision ? [main.date, other.date] : [];
  let note = unfit + relative.note(pubText, candidates.length > 0);
  const natural = cut(relative.primary(pub.from))?.precision;
  if (natural !== undefined && natural !== main.precision) note += ` The publication date is known only to the ${published.precision}, so this is given to the ${main.precision}.`;
  // A week or weekend counted from a known day: say which days.
  const days = pub.from === pub.to ? relative.primary(pub.from) : undefined;
  if (days && days.to > days.from && days.to - days.from < 7) note += ` That is ${spokenDays(days)}.`;
  return { date: main.date, precision: main.precision, candidates, rule: relative.rule, note };
}

/** Years the text names in numbers, in order, once each. */
function namedYears(found: readonly Found[]): number[] {
  return [...new Set(found.flatMap((f) => (f.named.type === 'explicit' ? [f.named.year] : [])))].sort((a, b) => a - b);
}

/**
 * Every temporal expression in the body blocks (`body[i]` is body block i),
 * resolved against the publication date. `expressions`: what
 * `inferPublished` found on the same page, read again rather than found again.
 */
export function extractTemporal(body: readonly DateBlock[], published: Published, expressions?: ExpressionCache): Temporal[] {
  const perBlock = body.map((b) => expressionsIn(b.text, expressions));
  const years = namedYears(perBlock.flat());
  const out: Temporal[] = [];
  perBlock.forEach((found, block) => {
    const b = body[block]!;
    for (const f of found) {
      const resolved = resolve(f, published, years);
      // "4500 years ago" names a time before the calendar the entries write (years 1000 to 9999): not a date here.
      if (resolved.date !== undefined && !isWritableDate(resolved.date)) continue;
      const candidates = resolved.candidates.filter(isWritableDate);
      if (resolved.candidates.length > 0 && candidates.length === 0 && resolved.date === undefined) continue;
      const reading = { ...resolved, candidates };
      out.push({
        text: f.text,
        block,
        start: f.start,
        end: f.end,
        sentence: b.text.slice(f.sentence.start, f.sentence.end),
        line: b.lines[0],
        ...(reading.date !== undefined ? { date: reading.date } : {}),
        precision: reading.precision,
        candidates: reading.candidates,
        rule: reading.rule,
        ...(reading.note !== undefined ? { note: reading.note } : {}),
      });
    }
  });
  return out;
}

/** True for a real calendar date written `YYYY[-MM[-DD]]` with a four-digit year of 1000 or later. */
function isWritableDate(date: string): boolean {
  return DATE_PATTERN.test(date) && isRealCalendarDate(date) && Number(date.slice(0, 4)) >= 1000;
}

// ---------------------------------------------------------------------------
// The publication date.

interface Evidence {
  date: string;
  precision: Precision;
  quote: string;
  line: number;
  rule: string;
  note: string;
}

type Label = 'published' | 'updated' | 'none';

function labelBefore(text: string, start: number): Label {
  const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
  const word = /(published|posted|first published|updated|last updated|modified)[^a-z]*(?:on|at)?[^a-z]*$/.exec(before)?.[1];
  if (word === undefined) return 'none';
  return /updated|modified/.test(word) ? 'updated' : 'published';
}

/** Words a short header line may hold besides a date: labels, times, zones, a byline. */
const HEADER_LABELS = /^(?:published|updated|posted|first|last|modified|on|at|date|time|am|pm|a\.m\.|p\.m\.|local|by)$/i;
const HEADER_WORDS = { test: (w: string): boolean => HEADER_LABELS.test(w) || /^(?:[A-Z]{1,3}T|UTC)$/.test(w) };

/**
 * A short line among the first few that holds a full date (year, month and
 * day) and otherwise only labels, times or a byline ("By Jane Doe | 23 Aug
 * 2025"), but not a headline that happens to name a date ("Kim To Visit
 * Beijing On September 3, 2025").
 */
function isHeaderDate(text: string, f: Found): boolean {
  const rest = (text.slice(0, f.start) + ' ' + text.slice(f.end))
    .split(/[\s,|·•–—()]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, ''))
    .filter((w) => /\p{L}/u.test(w));
  if (rest.length > 8) return false;
  // Names may follow "By" (a byline), or stand beside a separator ("Jane Doe | 23 Aug 2025"); every other word must be a label.
  const by = rest.findIndex((w) => /^by$/i.test(w));
  const names = by >= 0 ? rest.slice(by + 1) : /[|·•]/.test(text) ? rest.filter((w) => !HEADER_WORDS.test(w)) : [];
  if (names.length > 5 || !names.every((w) => /^\p{Lu}/u.test(w) || /^(?:and|of)$/.test(w))) return false;
  return rest.every((w) => HEADER_WORDS.test(w) || names.includes(w));
}

const HEADER_LINES = 4;
/** The earliest year a dateline is read in (as `page-dates.ts` reads none before 1800). */
const OLDEST_DATELINE_YEAR = 1800;

/**
 * The publication date inferred from the text (basis `inferred`, evidence
 * with rule, quote, line and note), or a result with precision `unknown`.
 *
 * Rules, strongest first: a dateline (or a short header line with a full
 * date) gives the date, the first one in the text where there are several
 * (a publication label outranks none, none outranks an update's); else a weekday named with a month and day fixes the
 * year among the years the text names (and the year after each); else a
 * year or month stated as the current one ("so far in 2025"). Conflicting
 * evidence is reported as SL310, a dateline whose weekday does not match its
 * date as SL311. `expressions` keeps what is found, for `extractTemporal`.
 */
export function inferPublished(blocks: readonly DateBlock[], file: string, expressions?: ExpressionCache): { published: Published; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  const found = blocks.map((b) => expressionsIn(b.text, expressions));
  const years = namedYears(found.flat());
  const warn = (line: number, code: string, message: string): void => {
    messages.push({ file, line, severity: 'warning', code, message });
  };

  // a. Datelines.
  const datelines: (Evidence & { label: Label })[] = [];
  blocks.forEach((b, i) => {
    const header = b.kind !== 'dateline' && i < HEADER_LINES;
    if (b.kind !== 'dateline' && !header) return;
    for (const f of found[i]!) {
      const n = f.named;
      if (n.type !== 'explicit' || n.month === undefined || n.alternative !== undefined) continue;
      // No dateline of a text read here is older than the printed press's (a run-together "Mar 1711 min" is no date).
      if (n.year < OLDEST_DATELINE_YEAR) continue;
      if (header && (n.day === undefined || !isHeaderDate(b.text, f))) continue;
      const date = n.day === undefined ? `${n.year}-${pad(n.month)}` : `${n.year}-${pad(n.month)}-${pad(n.day)}`;
      if (n.weekday !== undefined && n.day !== undefined && weekdayOf(dayOf(n.year, n.month, n.day)) !== n.weekday) {
        warn(b.lines[0], 'SL311', `the dateline names a ${WEEKDAYS[n.weekday]}, but ${spoken(date)} was a ${WEEKDAYS[weekdayOf(dayOf(n.year, n.month, n.day))]}`);
      }
      const label = labelBefore(b.text, f.start);
      datelines.push({
        date,
        precision: n.day === undefined ? 'month' : 'day',
        quote: f.text,
        line: b.lines[0],
        rule: 'dateline',
        label,
        note:
          label === 'updated'
            ? 'The page gives only the date it was updated; the article appeared on or before it.'
            : header
              ? 'A short line at the head of the text gives this date.'
              : 'The dateline gives this date.',
      });
    }
  });

  // b. A weekday with month and day, in a clause that is not about the future.
  const weekdayDates: Evidence[] = [];
  blocks.forEach((b, i) => {
    for (const f of found[i]!) {
      const n = f.named;
      if (n.type !== 'month-day' || n.weekday === undefined || n.modifier !== undefined || f.future) continue;
      // The weekday must be written out ("Friday", "Fri"): a parser's reading of "3D" or "3d" names none.
      if (!/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?![a-z])/i.test(f.text)) continue;
      const fit = fittingYears(n.month, n.day, n.weekday, years.flatMap((y) => [y, y + 1]));
      if (fit.length !== 1) continue;
      const y = fit[0]!;
      const considered = [...new Set(years.flatMap((v) => [v, v + 1]))].sort((a, c) => a - c);
      weekdayDates.push({
        date: `${y}-${pad(n.month)}-${pad(n.day)}`,
        precision: 'day',
        quote: f.text,
        line: b.lines[0],
        rule: 'weekday-date',
        note:
          `${n.day} ${MONTHS[n.month - 1]} fell on a ${WEEKDAYS[n.weekday]} in ${y}, the only year the text allows ` +
          `(it names ${listYears(years)}, so the candidates were ${listYears(considered)}); ` +
          'the article reports this day as news, so it stands as the publication date.',
      });
    }
  });
  // The article appeared no earlier than the latest day it reports as past.
  const latestWeekdayDate = weekdayDates.reduce<Evidence | undefined>((best, e) => (best === undefined || e.date > best.date ? e : best), undefined);

  let chosen: Evidence | undefined;
  if (datelines.length > 0) {
    const rank = (e: { label: Label }): number => ({ published: 0, none: 1, updated: 2 })[e.label];
    const best = Math.min(...datelines.map(rank));
    const pool = datelines.filter((d) => rank(d) === best);
    // The first in reading order: the article's own dateline heads it; later ones belong to what it quotes or links to.
    chosen = pool[0]!;
    const others = [...new Set(pool.map((d) => d.date))].filter((d) => d !== chosen!.date);
    if (others.length > 0) {
      warn(chosen.line, 'SL310', `the text gives more than one publication date (${[chosen.date, ...others].join(', ')}); the first, ${chosen.date}, is used`);
    }
    if (latestWeekdayDate && latestWeekdayDate.date.slice(0, chosen.date.length) > chosen.date) {
      warn(
        latestWeekdayDate.line,
        'SL310',
        `"${latestWeekdayDate.quote}" reads as ${latestWeekdayDate.date}, after the dateline's ${chosen.date}; the dateline is used`,
      );
    }
  } else {
    chosen = latestWeekdayDate;
  }

  // c. A year or month the text states as the current one.
  if (chosen === undefined) {
    blocks.forEach((b, i) => {
      for (const f of found[i]!) {
        const n = f.named;
        if (chosen !== undefined || n.type !== 'explicit' || n.day !== undefined || f.future) continue;
        const unit = n.month === undefined ? 'year' : 'month';
        const before = b.text.slice(0, f.start);
        const after = b.text.slice(f.end);
        const lead =
          new RegExp(String.raw`\b(?:this|the current) ${unit}[,\s]*\(?\s*$`, 'i').exec(before) ??
          new RegExp(String.raw`\b(?:so far|thus far|to date)\s+(?:in|this ${unit},?)\s*$`, 'i').exec(before);
        const trail = /^\)?,?\s*(?:so far|thus far|to date)\b/i.exec(after);
        if (!lead && !trail) continue;
        const date = n.month === undefined ? String(n.year) : `${n.year}-${pad(n.month)}`;
        const closes = lead?.[0].includes('(') && b.text[f.end] === ')' ? 1 : 0;
        const quote = b.text.slice(lead ? lead.index : f.start, trail ? f.end + trail[0].length : f.end + closes);
        chosen = {
          date,
          precision: unit,
          quote,
          line: b.lines[0],
          rule: 'current-period',
          note: `The text speaks of ${spoken(date)} as the current ${unit}.`,
        };
      }
    });
  }

  if (chosen === undefined) return { published: { precision: 'unknown', basis: 'unknown' }, messages };
  return {
    published: {
      date: chosen.date,
      precision: chosen.precision,
      basis: 'inferred',
      evidence: { rule: chosen.rule, quote: chosen.quote, line: chosen.line, note: chosen.note },
    },
    messages,
  };
}
