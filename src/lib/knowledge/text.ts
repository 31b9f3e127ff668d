/**
 * The text the knowledge stages read, cut the way the site anchors it.
 *
 * An article's body is Markdown whose top-level paragraphs and headings stand
 * 1:1, in order, for `data.blocks`; the site anchors the n-th of them (1-based)
 * as `#p-n`. The headline, the standfirst and the captions are front matter,
 * not body: they are read too, as block 0.
 */
import { markdownBlocks } from '../markdown-blocks.ts';
import type { Article } from '../schema.ts';

/**
 * The front matter the knowledge stages read: the ingest holds only these
 * fields of every article for the corpus-wide steps (the rest, such as the
 * removals and block lines, is written and let go).
 */
export type KnowledgeArticleData = Pick<Article, 'headline' | 'standfirst' | 'captions' | 'published' | 'temporal' | 'agencies' | 'source'>;

/** An article as the knowledge stages take it: the shape of an Astro content entry. */
export interface KnowledgeArticle {
  /** The entry id (its slug). */
  id: string;
  /** The validated front matter (a full entry's data is one). */
  data: KnowledgeArticleData;
  /** The Markdown body. */
  body: string;
}

/** One piece of an article's text. */
export interface TextUnit {
  /** The article id. */
  article: string;
  /** 1-based body block (the `#p-n` anchor), or 0 for the headline, standfirst and captions. */
  block: number;
  /** What the text is. */
  kind: 'headline' | 'standfirst' | 'caption' | 'paragraph' | 'heading';
  /** The plain text (Markdown read back to text, so escapes are gone). */
  text: string;
}

/**
 * Every text unit of an article, in reading order: headline, standfirst lines,
 * captions, then the body's paragraphs and headings numbered from 1. Numbering
 * follows the body's top-level paragraphs and headings only, as the site does.
 */
export function articleUnits(article: KnowledgeArticle): TextUnit[] {
  const units: TextUnit[] = [{ article: article.id, block: 0, kind: 'headline', text: article.data.headline }];
  for (const s of article.data.standfirst) units.push({ article: article.id, block: 0, kind: 'standfirst', text: s.text });
  for (const c of article.data.captions) units.push({ article: article.id, block: 0, kind: 'caption', text: c.text });
  markdownBlocks(article.body).forEach((b, i) => units.push({ article: article.id, block: i + 1, kind: b.kind, text: b.text }));
  return units;
}

/** A sentence of a unit, with its UTF-16 offsets: `text === unit.slice(start, end)`. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'vs', 'no', 'rep', 'sen', 'gov', 'prof', 'approx', 'est']);

/**
 * Splits text into sentences at `.`, `!` or `?` (and any closing quotes or
 * brackets) followed by a space and a capital, digit or opening quote. A stop
 * after a known abbreviation ("Gen.", "Mr.") or after dotted initials ("U.S.")
 * does not end a sentence; the cost is that a sentence ending in "U.S." runs
 * on into the next one.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const stop = m.index;
    const before = text.slice(start, stop + 1);
    const lastWord = /([\p{L}.]+)\.$/u.exec(before)?.[1] ?? '';
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^(?:\p{L}\.)*\p{L}$/u.test(lastWord))) continue;
    const end = stop + m[0].length;
    pushTrimmed(out, text, start, end);
    start = end;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

/**
 * True when at least four in five words of four or more letters start with a
 * capital, as in a headline written in title case: such text says nothing
 * about which words are names. (Meant for headlines: a body paragraph dense
 * with names can pass it.)
 */
export function isTitleCase(text: string): boolean {
  const long = text.match(/\p{L}{4,}/gu) ?? [];
  if (long.length < 3) return false;
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / long.length >= 0.8;
}
