/**
 * The clause around a temporal expression: what a sentence says happened at
 * that time, cut from the sentence (never a word added), with the temporal
 * taken out where that leaves good English. Also the words that tell a
 * schedule, speculation and reporting.
 */
import { contentWords } from './text-words.ts';
// ---------------------------------------------------------------------------
// Clauses

/** Words that open a subordinate or participial tail: the event's clause ends before them. */
export const SUBORDINATORS = new Set([
  'as', 'while', 'whereas', 'which', 'who', 'whom', 'whose', 'where', 'when', 'although', 'though', 'but', 'because', 'with', 'without',
  'despite', 'amid', 'according', 'including', 'after', 'before', 'shortly', 'unlike', 'plus', 'in addition',
]);

/** Prepositions dropped with the temporal they introduce; others ("since", "by", "until") change its meaning and stay. */
export const DROPPABLE_PREPOSITION = /(?:^|\s)(?:on|in|at|during)\s+$/i;

/** Verbs that report speech: a temporal right after one dates the speaking. */
export const REPORTING = /\b(?:said|says|told|stated|added|announced|claimed|warned|reported|noted|confirmed)\b/gi;

/** Modal and hedged future: what the clause says may happen, not what happened. */
export const SPECULATIVE = /\b(?:could|might|may|would|will|shall|should|can|cannot|as early as|as soon as|expected to|likely to|plans? to|planning to|intends? to|intending to|aims? to|aiming to|hopes? to|hoping to|going to|threatens? to|threatening to)\b/i;

/**
 * Words just before a date that make it a habit, not a happening ("which
 * typically begins in May", "every June", "usually on 1 March"): the date
 * recurs, so it dates no event. A bound word right before the date ("every
 * day since 12 January") makes it a happening again.
 */
export const HABITUAL = /\b(?:typically|usually|normally|generally|traditionally|customarily|always|every|each)\b(?:\s+[\p{L}’'-]+){0,3}?\s+(?<!\b(?:since|after|before|until)\s+)$/iu;

/** A schedule clearly stated. */
export const SCHEDULED = /\b(?:scheduled|slated|due to|set to|(?:has|have|had) been set for|is set for|are set for|to be held|will be held|is planned for|are planned for)\b/i;

/** Longest summary, in words. */
export const MAX_SUMMARY_WORDS = 25;

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
export function segmentsOf(sentence: string, protect: { start: number; end: number }): Segment[] {
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

export function firstWords(text: string, n: number): string {
  return (text.trim().match(/[\p{L}]+/gu) ?? []).slice(0, n).join(' ').toLowerCase();
}

export function opensSubordinate(text: string): boolean {
  const one = firstWords(text, 1);
  const two = firstWords(text, 2);
  if (SUBORDINATORS.has(one) || SUBORDINATORS.has(two)) return true;
  // A participial tail ("citing intelligence", "pledging solidarity"), written in lower case.
  return /^[a-z]{3,}ing$/.test(text.trim().replace(/^["'“”‘’]+/, '').split(/\s+/)[0] ?? '');
}

/** True when a segment is one discourse word ("However", "Meanwhile"), which the clause leaves out. */
export function isDiscourseWord(text: string): boolean {
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
  const governing = governingPart(sentence, start, own?.start ?? 0);
  const cut = (a: number, b: number): Clause => {
    const cStart = segs[a]?.start ?? 0;
    const cEnd = segs[b]?.end ?? sentence.length;
    const text = sentence.slice(cStart, cEnd);
    return { text, summary: finishSummary(dropTemporal(text, start - cStart, end - cStart)), governing };
  };
  const clause = cut(from, to);
  // A segment that held only the temporal ("On 29 November , during sentencing , …") says nothing
  // once the date is taken out: the clause runs on to the sentence's end instead.
  return clause.summary === '' ? cut(from, segs.length - 1) : clause;
}

/**
 * The words that govern the temporal: from the last reporting verb before it
 * (or its segment's start) up to it. A temporal right after a reporting verb
 * ("said Tuesday", "announced on Monday") dates the speaking, so it is
 * governed by the report alone.
 */
export function governingPart(sentence: string, start: number, segStart: number): string {
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
export function dropTemporal(clause: string, start: number, end: number): string {
  if (start < 0 || end > clause.length) return clause;
  // "Tuesday's earthquake": the temporal is a possessive noun, and taking it out leaves "’s earthquake".
  if (/^['’]s\b/.test(clause.slice(end))) return clause;
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
export function finishSummary(text: string): string {
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
