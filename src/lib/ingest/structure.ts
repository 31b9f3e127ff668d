/**
 * What each surviving block is: standfirst, credit, body paragraph, internal
 * heading or caption. Decided by shape and place, never by wording:
 * - a summary line next to the headline is a standfirst when it reads as one
 *   (no closing full stop, or a single sentence whose words the following
 *   paragraph repeats: a dek summarises what comes next);
 * - a lone name of a few words under the headline is a photo credit;
 * - in the body, a line of several words with no closing punctuation, in an
 *   article whose paragraphs do close, describes a picture: a caption,
 *   unless the page's markup says it is running text (a list item), an
 *   unclosed line stands next to it (then both are a list's items) or it
 *   ends with a colon or a dash (it introduces a quotation or a list);
 * - a short title-cased line followed by a paragraph is a heading;
 * - anywhere, a line that gives only a date or time is a dateline, and a
 *   short "By …" or "Reporting by …" line is a byline.
 */
import type { Block } from './segment.ts';
import { words } from './normalize.ts';

export type Kind = 'standfirst' | 'credit' | 'paragraph' | 'heading' | 'caption' | 'byline' | 'dateline';

const CLOSES = /[.!?…]["”’)\]]?$/;
/** A sentence that introduces a quotation, a list or a piece of code ("She replied:"): a paragraph, though unclosed. */
const INTRODUCES = /[:—–]$/;

function sentences(text: string): number {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u).length;
}

const STOP = new Set(
  'a an the of in on at to for by with from and or but as is are was were be been has have had it its this that who which he she they their his her our we not no into over'.split(' '),
);

function contentWords(text: string): Set<string> {
  return new Set(
    words(text)
      .map((w) => w.toLowerCase().replace(/['’]s$/, '').replace(/s$/, ''))
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

/** Share of the line's content words that the next paragraph repeats. */
export function overlapWithNext(line: string, next: string | undefined): number {
  if (next === undefined) return 0;
  const a = contentWords(line);
  if (a.size === 0) return 0;
  const b = contentWords(next);
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / a.size;
}

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?';
/** Words a dateline may hold besides the date itself. */
const DATELINE_FILLER = new RegExp(
  String.raw`[ap]\.m\.|\b(?:published|updated|posted|last|modified|on|at|date|am|pm|gmt|utc|[a-z]{1,3}t|ago|minutes?|mins?|hours?|hrs?|days?|${MONTH}|${WEEKDAY})\b\.?`,
  'giu',
);

/** A line that only gives a date or time: "Published 23 August 2025, 10:04 GMT", "Aug 22, 2025". */
export function isDateline(text: string): boolean {
  if (words(text).length > 12 || !/\d/.test(text)) return false;
  const hasDate = new RegExp(String.raw`\b(?:${MONTH})\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b`, 'iu').test(text);
  const rest = text.replace(DATELINE_FILLER, ' ').replace(/[\d\s,.:/|·•()–—-]+/g, '');
  return hasDate && rest === '';
}

/** "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Reporting by …; Editing by …", "… contributed to this report." */
export function isByline(text: string): boolean {
  const n = words(text).length;
  if (n < 2 || n > 25) return false;
  if (/\bcontributed( reporting)? to this (report|story|article)\.?$/i.test(text)) return true;
  return /^(?:by|written by|words by|reporting by|story by)\s+\p{Lu}/iu.test(text) && !/[.!?]["”]?$/.test(text.replace(/\b\p{Lu}\.$/u, ''));
}

function isCredit(text: string): boolean {
  const n = words(text).length;
  return n >= 1 && n <= 4 && !CLOSES.test(text) && /^[\p{Lu}\p{N}]/u.test(text);
}

function isStandfirst(text: string, next: string | undefined): boolean {
  const n = words(text).length;
  if (n < 8 || text.length > 400) return false;
  if (!CLOSES.test(text)) return true;
  return sentences(text) === 1 && overlapWithNext(text, next) >= 0.4;
}

function isTitleCased(text: string): boolean {
  const ws = words(text).filter((w) => w.length > 3);
  return ws.length > 0 && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length >= 0.6;
}

/**
 * Classifies the blocks at `surviving` (in order) around the headline
 * at `headline` (an index into `blocks`, or undefined when there is none).
 */
export function classify(blocks: readonly Block[], surviving: readonly number[], headline: number | undefined): Map<number, Kind> {
  // Datelines and bylines are typed wherever they stand; the rest is judged without them.
  const kinds = new Map<number, Kind>();
  for (const i of surviving) {
    if (i === headline) continue;
    const t = blocks[i]!.text;
    if (isDateline(t)) kinds.set(i, 'dateline');
    else if (isByline(t)) kinds.set(i, 'byline');
  }
  const indexes = surviving.filter((i) => !kinds.has(i));
  const text = (i: number | undefined): string | undefined => (i === undefined ? undefined : blocks[i]?.text);
  const pos = headline === undefined ? -1 : indexes.indexOf(headline);

  // Header zone: what stands before the headline, and up to three lines after it.
  const header = new Set<number>();
  for (let k = 0; k < pos; k++) {
    const i = indexes[k]!;
    kinds.set(i, isCredit(blocks[i]!.text) ? 'credit' : 'standfirst');
    header.add(i);
  }
  for (let k = pos + 1; k < Math.min(indexes.length, pos + 4); k++) {
    const i = indexes[k]!;
    const t = blocks[i]!.text;
    if (blocks[i]!.hint !== undefined && blocks[i]!.hint !== 'text') break;
    if (isCredit(t)) kinds.set(i, 'credit');
    else if (isStandfirst(t, text(indexes[k + 1]))) kinds.set(i, 'standfirst');
    else break;
    header.add(i);
  }

  const body = indexes.filter((i) => i !== headline && !header.has(i));
  // Prose when most of the body's words stand in closed sentences; only then
  // does an unclosed line stand out as a caption or heading.
  const size = (i: number): number => words(blocks[i]!.text).length;
  const total = body.reduce((n, i) => n + size(i), 0);
  const closed = body.filter((i) => CLOSES.test(blocks[i]!.text)).reduce((n, i) => n + size(i), 0);
  const prose = total > 0 && closed / total >= 0.7;
  // A list's items: unclosed lines in a row (a caption stands alone between paragraphs).
  // A line that introduces the list, and a marked-up caption or heading, is no item of it.
  const unclosed = (k: number): boolean => {
    const b = k >= 0 && k < body.length ? blocks[body[k]!]! : undefined;
    return b !== undefined && b.hint !== 'caption' && b.hint !== 'heading' && !CLOSES.test(b.text) && !INTRODUCES.test(b.text) && words(b.text).length >= 2;
  };
  const listItem = (k: number): boolean => unclosed(k - 1) || unclosed(k + 1);
  body.forEach((i, k) => {
    const t = blocks[i]!.text;
    const n = words(t).length;
    const next = text(body[k + 1]);
    const hint = blocks[i]!.hint;
    if (hint === 'heading' || hint === 'caption') kinds.set(i, hint);
    else if (hint === 'row') kinds.set(i, 'paragraph');
    else if (CLOSES.test(t) || INTRODUCES.test(t) || !prose) kinds.set(i, 'paragraph');
    else if (n <= 12 && isTitleCased(t) && next !== undefined && CLOSES.test(next)) kinds.set(i, 'heading');
    else if (n >= 5 && hint !== 'text' && !t.endsWith(':') && !listItem(k)) kinds.set(i, 'caption');
    else kinds.set(i, 'paragraph');
  });
  return kinds;
}
