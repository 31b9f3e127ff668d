/**
 * Stories and topics: which articles report the same news, and which stories
 * belong to the same running subject.
 *
 * - A **story** is one piece of news as several outlets report it. Two
 *   articles are one story when they were published close together (every
 *   pair of a story's articles within `windowDays`, ±4 days by default) and
 *   their texts are alike on average: TF-IDF cosine over stemmed content
 *   words of the whole texts and of the ledes (headline, standfirst, first
 *   paragraphs), and the proper names they share. An article with no known
 *   date joins a story only as a copy of one of its articles.
 * - **Copies**: word 5-shingles of each body, MinHash signatures (64 seeded
 *   hashes) and banded locality-sensitive hashing propose pairs, and the exact
 *   Jaccard index (and containment, for a copy cut short) of their shingle
 *   sets decides: a near-duplicate (Jaccard ≥ 0.8) or a wire copy (Jaccard ≥
 *   0.3, or ≥ 60% of the shorter text). Copies are always one story,
 *   whatever their dates; the first is the earliest published (ties by id).
 * - A **topic** is stories linked by similarity alone, with no time limit:
 *   any two of their articles alike enough. Its name is generated from the
 *   proper names most of its articles share (`generated: true`) unless an
 *   editor entry names it, which wins.
 *
 * Proper names are runs of capitalised words in the body, standfirst and
 * captions (headlines in title case say nothing about names), split at titles
 * ("President") and possessives; a place and its demonym ("Korea", "Korean")
 * and a lone surname beside its full name in the same article are one name.
 *
 * Pure and deterministic: no I/O, no clock, no randomness (the MinHash seeds
 * are fixed); output sorted.
 */
import { z } from 'zod';
import { DATE_PATTERN } from '../schema.ts';
import { assignSlugs, slugify } from '../ingest/slug.ts';
import { bodyParagraphs, contentWords, isStopWord, properStem, rawWords, splitSentences, stemWord, words, type EventArticle } from './events.ts';

// ---------------------------------------------------------------------------
// Schemas

const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** Publication dates a story spans, each cut to its precision. */
export const dateSpanSchema = z
  .object({
    /** The earliest publication date; absent when no article of the story is dated. */
    from: z.string().regex(DATE_PATTERN).optional(),
    /** The latest publication date; absent when no article of the story is dated. */
    to: z.string().regex(DATE_PATTERN).optional(),
  })
  .strict();

/** One piece of news and the articles that report it. */
export const storySchema = z
  .object({
    /** Stable slug: the first publication date and the first report's headline. */
    id: slugSchema,
    /** Article ids, first report first (earliest publication date, then id; undated last). */
    articles: z.array(z.string().min(1)).min(1),
    /** The article that reported it first (the first of `articles`). */
    firstReport: z.string().min(1),
    /** Groups of articles that are copies of one text (wire copies, near-duplicates), each first published first. */
    wireGroups: z.array(z.array(z.string().min(1)).min(2)),
    /** Publication dates the story's articles span. */
    span: dateSpanSchema,
    /** A name for the story, generated: the first report's headline. */
    generatedName: z.string().min(1),
  })
  .strict();
export type Story = z.infer<typeof storySchema>;

/** A running subject: stories that belong together over time. */
export const topicSchema = z
  .object({
    /** Stable slug: the editor's, else the generated name's. */
    id: slugSchema,
    /** The editor's name, else one generated from the names most of its articles share. */
    name: z.string().min(1),
    /** The editor's description, when given. */
    description: z.string().min(1).optional(),
    /** True when the name was generated; false when an editor named the topic. */
    generated: z.boolean(),
    /** Ids of its stories, earliest first. */
    stories: z.array(slugSchema),
    /** Ids of its articles, earliest published first. */
    articles: z.array(z.string().min(1)),
  })
  .strict();
export type Topic = z.infer<typeof topicSchema>;

/** Two articles that are copies of one text. */
export const duplicateSchema = z
  .object({
    /** The earlier published of the two (ties by id). */
    first: z.string().min(1),
    /** The later one. */
    copy: z.string().min(1),
    /** Jaccard index of their word 5-shingle sets. */
    jaccard: z.number().min(0).max(1),
    /** Shared shingles over the shorter text's shingles. */
    containment: z.number().min(0).max(1),
    /** `near-duplicate` (Jaccard ≥ 0.8) or `wire-copy` (a shared text, rewritten or cut). */
    kind: z.enum(['near-duplicate', 'wire-copy']),
  })
  .strict();
export type Duplicate = z.infer<typeof duplicateSchema>;

/** An editor's topic: names (and optionally fixes the membership of) a topic. */
export const topicEditorEntrySchema = z
  .object({
    /** The topic's slug: a generated topic's id to rename it, or a new one. */
    slug: slugSchema,
    /** The name readers see. */
    name: z.string().trim().min(1),
    /** A description readers see. */
    description: z.string().trim().min(1).optional(),
    /** Article ids that belong to this topic, whatever the clustering says. */
    articles: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type TopicEditorEntry = z.infer<typeof topicEditorEntrySchema>;

/** What `clusterStories` returns. */
export const storyClusteringSchema = z
  .object({
    /** Every story, earliest first. */
    stories: z.array(storySchema),
    /** Every topic, earliest first. */
    topics: z.array(topicSchema),
    /** Every pair of copies found. */
    duplicates: z.array(duplicateSchema),
    /** Editor entries that could not be applied as written (unknown article ids). */
    warnings: z.array(z.string()),
  })
  .strict();
export type StoryClustering = z.infer<typeof storyClusteringSchema>;

export interface StoryOptions {
  /** Editor topics; they win over generated names and membership. */
  editor?: readonly TopicEditorEntry[];
  /** Days either side within which articles can be one story (default 4). */
  windowDays?: number;
}

// ---------------------------------------------------------------------------
// Thresholds

/** Default story window: every pair of a story's articles published at most this many days apart. */
export const STORY_WINDOW_DAYS = 4;
/**
 * Average article similarity at which articles published close together are
 * one story. Articles on one running subject score about this high however
 * different their news (their background paragraphs repeat each other), so it
 * is the window that tells a story from its topic; the score keeps unrelated
 * news of the same days apart.
 */
export const STORY_SIMILARITY = 0.2;
/** Article similarity at which two articles (at any distance in time) belong to one topic. */
export const TOPIC_SIMILARITY = 0.15;
/** Jaccard index at or above which two texts are near-duplicates. */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Jaccard index at or above which two texts are copies of one wire story. */
export const WIRE_JACCARD = 0.3;
/** Share of the shorter text's shingles at or above which it is a (cut) copy of the longer one. */
export const WIRE_CONTAINMENT = 0.6;
/** Paragraphs of the body that, with the headline and standfirst, make the lede. */
export const LEDE_PARAGRAPHS = 3;
/** Shingle length, in words. */
export const SHINGLE_WORDS = 5;

const MINHASH_BANDS = 32;
const MINHASH_ROWS = 2;

// ---------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;

/** First and last day number a publication date covers, or undefined when unknown. */
function dayRange(date: string | undefined): { from: number; to: number } | undefined {
  if (date === undefined) return undefined;
  const [y = 1970, m, d] = date.split('-').map(Number);
  const day = (yy: number, mm: number, dd: number): number => Math.round(Date.UTC(yy, mm - 1, dd) / DAY_MS);
  if (m === undefined) return { from: day(y, 1, 1), to: day(y + 1, 1, 1) - 1 };
  if (d === undefined) return { from: day(y, m, 1), to: day(y, m + 1, 1) - 1 };
  return { from: day(y, m, d), to: day(y, m, d) };
}

/** True when two publication dates can be at most `window` days apart. */
function withinWindow(a: string | undefined, b: string | undefined, window: number): boolean {
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (!ra || !rb) return false;
  return Math.max(rb.from - ra.to, ra.from - rb.to) <= window;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Earliest published first, undated last, ties by id. */
function byPublication(dates: ReadonlyMap<string, string | undefined>): (a: string, b: string) => number {
  return (a, b) => {
    const da = dates.get(a);
    const db = dates.get(b);
    if (da !== db) {
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      const c = cmp(da, db);
      if (c) return c;
    }
    return cmp(a, b);
  };
}

// ---------------------------------------------------------------------------
// Copies: shingles, MinHash, LSH

/** The article's word k-shingles (lowercased words of its body, punctuation ignored). */
export function shingles(text: string, k = SHINGLE_WORDS): Set<string> {
  const ws = words(text);
  const out = new Set<string>();
  if (ws.length < k) {
    if (ws.length) out.add(ws.join(' '));
    return out;
  }
  for (let i = 0; i + k <= ws.length; i++) out.add(ws.slice(i, i + k).join(' '));
  return out;
}

/** 32-bit FNV-1a. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: mixes a 32-bit value. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a shingle set: per seeded hash, the least value over its shingles. */
export function minhash(set: ReadonlySet<string>, hashes = MINHASH_BANDS * MINHASH_ROWS): number[] {
  const sig: number[] = new Array<number>(hashes).fill(0xffffffff);
  for (const s of set) {
    const base = fnv1a(s);
    for (let i = 0; i < hashes; i++) {
      const v = fmix32(base ^ Math.imul(i + 1, 0x9e3779b1));
      if (v < (sig[i] ?? 0xffffffff)) sig[i] = v;
    }
  }
  return sig;
}

/** Exact Jaccard index and containment (shared over the smaller set) of two sets. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { jaccard: number; containment: number } {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared += 1;
  const union = a.size + b.size - shared;
  return { jaccard: union ? shared / union : 0, containment: small.size ? shared / small.size : 0 };
}

/**
 * Copies among the articles. LSH over MinHash bands (32 bands of 2 rows:
 * pairs with a Jaccard index near 0.2 or more almost always share a band)
 * proposes pairs; the exact overlap of their shingle sets decides.
 */
function findDuplicates(ids: readonly string[], sets: ReadonlyMap<string, Set<string>>, order: (a: string, b: string) => number): Duplicate[] {
  const buckets = new Map<string, string[]>();
  for (const id of ids) {
    const set = sets.get(id);
    if (!set || set.size === 0) continue;
    const sig = minhash(set);
    for (let b = 0; b < MINHASH_BANDS; b++) {
      const key = `${b}:${sig.slice(b * MINHASH_ROWS, (b + 1) * MINHASH_ROWS).join(',')}`;
      const list = buckets.get(key) ?? [];
      list.push(id);
      buckets.set(key, list);
    }
  }
  const proposed = new Set<string>();
  for (const list of buckets.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i] ?? '', list[j] ?? ''].sort(cmp);
        proposed.add(`${a}\u0000${b}`);
      }
    }
  }
  const out: Duplicate[] = [];
  for (const pair of [...proposed].sort(cmp)) {
    const [a = '', b = ''] = pair.split('\u0000');
    const { jaccard, containment } = overlap(sets.get(a) ?? new Set(), sets.get(b) ?? new Set());
    const kind = jaccard >= NEAR_DUPLICATE_JACCARD ? 'near-duplicate' : jaccard >= WIRE_JACCARD || containment >= WIRE_CONTAINMENT ? 'wire-copy' : undefined;
    if (!kind) continue;
    const [first, copy] = [a, b].sort(order) as [string, string];
    out.push({ first, copy, jaccard: round(jaccard), containment: round(containment), kind });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ---------------------------------------------------------------------------
// Text similarity

/** Words that stand before a person's name as a title: a name run is split there. */
const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'general', 'gen', 'chairman', 'chairwoman', 'chair', 'leader', 'king',
  'queen', 'prince', 'princess', 'pope', 'governor', 'mayor', 'senator', 'ambassador', 'commander', 'chief', 'director', 'spokesman',
  'spokeswoman', 'spokesperson', 'lawmaker', 'dr', 'mr', 'mrs', 'ms', 'sir', 'lord', 'lady', 'colonel', 'col', 'lt', 'lieutenant', 'sgt',
  'sergeant', 'captain', 'capt', 'major', 'maj', 'admiral', 'adm', 'marshal', 'premier',
]);

const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/** A proper name as found: its folded key and the words as written. */
interface NameMention {
  key: string;
  surface: string;
}

/** The folded key of a name: each word's proper stem ("North Korean" and "North Korea" → `north kor`; "Jong-un" → `jong un`). */
function nameKey(surface: string): string {
  return surface
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(properStem)
    .join(' ');
}

/**
 * Runs of capitalised words in a text, split at titles, possessives and
 * punctuation. A one-word run that opens its sentence counts only when the
 * word is not a stop word and is written capitalised elsewhere too
 * (`capitalisedElsewhere`), so "According" or "Soldiers" opening a sentence
 * is not a name.
 */
export function nameRuns(text: string, capitalisedElsewhere: ReadonlySet<string>): NameMention[] {
  const out: NameMention[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = [...sentence.matchAll(/[\p{L}][\p{L}\p{M}’'-]*|[^\s\p{L}]+/gu)].map((m) => ({ text: m[0], index: m.index }));
    let run: { text: string; index: number }[] = [];
    const flush = (): void => {
      // Drop titles and stop words ("The", "As", "While") at the start, and one-letter words ("U.S." reads as U, S).
      while (run.length && (TITLES.has(run[0]?.text.toLowerCase() ?? '') || isStopWord(run[0]?.text ?? ''))) run.shift();
      run = run.filter((t) => t.text.length > 1);
      if (run.length) {
        const opensSentence = run[0]?.index === 0;
        const single = run.length === 1 ? (run[0]?.text ?? '') : undefined;
        const isCalendar = run.every((t) => CALENDAR.has(t.text.toLowerCase()));
        const weakOpener = single !== undefined && opensSentence && (isStopWord(single) || !capitalisedElsewhere.has(single));
        if (!isCalendar && !weakOpener && !(single !== undefined && isStopWord(single))) {
          const surface = run.map((t) => t.text).join(' ');
          out.push({ key: nameKey(surface), surface });
        }
      }
      run = [];
    };
    for (const t of tokens) {
      const possessive = /['’]s$/.test(t.text);
      const word = possessive ? t.text.slice(0, -2) : t.text.replace(/['’]$/, '');
      if (/^\p{Lu}/u.test(word)) {
        if (TITLES.has(word.toLowerCase()) && run.length) flush();
        run.push({ text: word, index: t.index });
        if (possessive) flush();
      } else if (/^of$/.test(word) && run.length && !TITLES.has(run[run.length - 1]?.text.toLowerCase() ?? '')) {
        // "Ministry of Defence": keep going only if a capitalised word follows (checked at the next token).
        run.push({ text: word, index: t.index });
      } else {
        while (run.length && run[run.length - 1]?.text === 'of') run.pop();
        flush();
      }
    }
    while (run.length && run[run.length - 1]?.text === 'of') run.pop();
    flush();
  }
  return out;
}

interface ArticleText {
  id: string;
  date: string | undefined;
  /** Stemmed content words with counts, over the headline, standfirst, captions and body. */
  terms: Map<string, number>;
  /** The same over the lede alone: headline, standfirst and the first `LEDE_PARAGRAPHS` paragraphs, where news says what happened. */
  lede: Map<string, number>;
  /** Proper-name keys with counts. */
  names: Map<string, number>;
  /** Every surface form written for each name key, with counts. */
  surfaces: Map<string, Map<string, number>>;
  shingles: Set<string>;
}

/** The headline's words: title case hides which are names, so a word whose common stem the body uses is read as common, else as a name. */
function headlineTerms(headline: string, bodyStems: ReadonlySet<string>): string[] {
  return rawWords(headline)
    .filter((w) => w.length > 1 && !isStopWord(w))
    .map((w) => {
      const common = stemWord(w);
      return bodyStems.has(common) || !/^\p{Lu}/u.test(w) ? common : properStem(w);
    });
}

function readArticle(a: EventArticle, capitalisedElsewhere: ReadonlySet<string>): ArticleText {
  const paragraphs = bodyParagraphs(a.body);
  const extras = [...a.data.standfirst.map((s) => s.text), ...a.data.captions.map((c) => c.text)];
  const body = [...extras, ...paragraphs];
  const terms = new Map<string, number>();
  const bodyTerms = body.flatMap((t) => contentWords(t));
  const bodyStems = new Set(body.flatMap((t) => rawWords(t).filter((w) => /^\p{Ll}/u.test(w)).map(stemWord)));
  const head = headlineTerms(a.data.headline, bodyStems);
  for (const t of [...head, ...bodyTerms]) terms.set(t, (terms.get(t) ?? 0) + 1);
  const lede = new Map<string, number>();
  const ledeText = [...a.data.standfirst.map((s) => s.text), ...paragraphs.slice(0, LEDE_PARAGRAPHS)];
  for (const t of [...head, ...ledeText.flatMap((x) => contentWords(x))]) lede.set(t, (lede.get(t) ?? 0) + 1);

  const mentions = body.flatMap((t) => nameRuns(t, capitalisedElsewhere));
  const names = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const m of mentions) {
    names.set(m.key, (names.get(m.key) ?? 0) + 1);
    const forms = surfaces.get(m.key) ?? new Map<string, number>();
    forms.set(m.surface, (forms.get(m.surface) ?? 0) + 1);
    surfaces.set(m.key, forms);
  }
  return { id: a.id, date: a.data.published.date, terms, lede, names, surfaces, shingles: shingles(paragraphs.join('\n')) };
}

/** Words as written and the keys of the multi-word names whose first or last space-separated word they are ("Kim" → `kim jong un`). */
function fullNamesBySingle(texts: readonly ArticleText[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of texts) {
    for (const [key, forms] of t.surfaces) {
      for (const surface of forms.keys()) {
        const parts = surface.split(' ');
        if (parts.length < 2) continue;
        for (const edge of [parts[0] ?? '', parts[parts.length - 1] ?? '']) {
          const set = out.get(edge) ?? new Set<string>();
          set.add(key);
          out.set(edge, set);
        }
      }
    }
  }
  return out;
}

/**
 * A lone surname or first name ("Kim", "Putin") is the one full name in the
 * same article that starts or ends with that very word (every way the
 * article writes it), else the one in the corpus; with two candidates ("Korea": North or South) it stays as it is.
 * Hyphenated compounds ("Russia-Ukraine") are not full names of their parts.
 */
function foldShortNames(texts: ArticleText[]): void {
  const corpus = fullNamesBySingle(texts);
  for (const t of texts) {
    const local = fullNamesBySingle([t]);
    for (const key of [...t.names.keys()].sort()) {
      if (key.includes(' ')) continue;
      // Every way the article writes it must be that word of the full name: "Russia"/"Russian" is not short for "Russian Culture".
      const forms = [...(t.surfaces.get(key)?.keys() ?? [])];
      const common = (index: ReadonlyMap<string, Set<string>>): string[] =>
        forms.length ? [...(index.get(forms[0] ?? '') ?? [])].filter((k) => forms.every((f) => index.get(f)?.has(k))) : [];
      const here = common(local);
      const anywhere = common(corpus);
      const full = here.length === 1 ? here[0] : here.length === 0 && anywhere.length === 1 ? anywhere[0] : undefined;
      if (full === undefined) continue;
      t.names.set(full, (t.names.get(full) ?? 0) + (t.names.get(key) ?? 0));
      t.names.delete(key);
      // The short form is not a way to write the full name in a topic's title.
      t.surfaces.delete(key);
      if (!t.surfaces.has(full)) t.surfaces.set(full, new Map());
    }
  }
}

/** TF-IDF vectors of one field (log-scaled counts, smoothed IDF over the articles' whole texts), unit length. */
function tfidf(texts: readonly ArticleText[], field: 'terms' | 'lede'): Map<string, Map<string, number>> {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of t.terms.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  const out = new Map<string, Map<string, number>>();
  for (const t of texts) {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of t[field]) {
      const x = (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1);
      v.set(w, x);
      norm += x * x;
    }
    const len = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / len);
    out.set(t.id, v);
  }
  return out;
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [w, x] of small) s += x * (large.get(w) ?? 0);
  return s;
}

/** Jaccard index of two articles' name sets. */
function nameJaccard(a: ArticleText, b: ArticleText): number {
  let shared = 0;
  for (const k of a.names.keys()) if (b.names.has(k)) shared += 1;
  const union = a.names.size + b.names.size - shared;
  return union ? shared / union : 0;
}

/** How alike two articles are: their whole texts' and their ledes' words in equal parts, and the names they share with this weight. */
export const NAME_WEIGHT = 0.3;

// ---------------------------------------------------------------------------
// Clustering

/** Shared reading of the corpus: each article's words, names and shingles, and the similarity of two articles. */
function prepare(articles: readonly EventArticle[]) {
  const sorted = [...articles].sort((a, b) => cmp(a.id, b.id));
  const ids = sorted.map((a) => a.id);
  const dates = new Map(sorted.map((a) => [a.id, a.data.published.date]));
  const order = byPublication(dates);

  // Words written capitalised somewhere other than at a sentence's start, over the corpus.
  const capitalisedElsewhere = new Set<string>();
  for (const a of sorted) {
    for (const p of [...bodyParagraphs(a.body), ...a.data.standfirst.map((s) => s.text), ...a.data.captions.map((c) => c.text)]) {
      for (const s of splitSentences(p)) {
        for (const m of s.matchAll(/(?<=\s)\p{Lu}[\p{L}-]*/gu)) capitalisedElsewhere.add(m[0].replace(/['’]s$/, ''));
      }
    }
  }
  const texts = sorted.map((a) => readArticle(a, capitalisedElsewhere));
  foldShortNames(texts);
  const byId = new Map(texts.map((t) => [t.id, t]));
  const vectors = tfidf(texts, 'terms');
  const ledes = tfidf(texts, 'lede');
  const parts = (a: string, b: string): { words: number; lede: number; names: number } => {
    const ta = byId.get(a);
    const tb = byId.get(b);
    if (!ta || !tb) return { words: 0, lede: 0, names: 0 };
    return {
      words: dot(vectors.get(a) ?? new Map(), vectors.get(b) ?? new Map()),
      lede: dot(ledes.get(a) ?? new Map(), ledes.get(b) ?? new Map()),
      names: nameJaccard(ta, tb),
    };
  };
  const sim = (a: string, b: string): number => {
    const p = parts(a, b);
    return ((1 - NAME_WEIGHT) / 2) * (p.words + p.lede) + NAME_WEIGHT * p.names;
  };
  return { sorted, ids, dates, order, texts, byId, sim, parts };
}

/** One pair of articles and how alike they are. */
export interface ArticleSimilarity {
  a: string;
  b: string;
  /** TF-IDF cosine of their content words. */
  words: number;
  /** TF-IDF cosine of their ledes' content words. */
  lede: number;
  /** Jaccard index of their proper names. */
  names: number;
  /** The combined score the clustering uses. */
  score: number;
}

/** Every pair of articles (ids in order) with its similarity, for review and tests. */
export function articleSimilarities(articles: readonly EventArticle[]): ArticleSimilarity[] {
  const { ids, sim, parts } = prepare(articles);
  const out: ArticleSimilarity[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      const p = parts(a, b);
      out.push({ a, b, words: round(p.words), lede: round(p.lede), names: round(p.names), score: round(sim(a, b)) });
    }
  }
  return out;
}


/**
 * Clusters articles into stories and stories into topics (see the module
 * comment for the rules). Stories form agglomeratively: article pairs from
 * most to least similar, two stories joining when the pair is similar enough
 * and every pair across them lies within the window; copies join first, as
 * one story whatever their dates.
 */
export function clusterStories(articles: readonly EventArticle[], options: StoryOptions = {}): StoryClustering {
  const window = options.windowDays ?? STORY_WINDOW_DAYS;
  const { sorted, ids, dates, order, texts, byId, sim } = prepare(articles);

  const duplicates = findDuplicates(ids, new Map(texts.map((t) => [t.id, t.shingles])), order);

  // Stories.
  const storyOf = new Map(ids.map((id) => [id, id]));
  const storyMembers = new Map(ids.map((id) => [id, [id]]));
  const join = (a: string, b: string): void => {
    const sa = storyOf.get(a) ?? a;
    const sb = storyOf.get(b) ?? b;
    if (sa === sb) return;
    const [keep, drop] = cmp(sa, sb) <= 0 ? [sa, sb] : [sb, sa];
    const moved = storyMembers.get(drop) ?? [];
    storyMembers.set(keep, [...(storyMembers.get(keep) ?? []), ...moved]);
    storyMembers.delete(drop);
    for (const m of moved) storyOf.set(m, keep);
  };
  for (const d of duplicates) join(d.first, d.copy);
  const pairs: { a: string; b: string; s: number }[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      pairs.push({ a, b, s: sim(a, b) });
    }
  }
  pairs.sort((x, y) => y.s - x.s || cmp(x.a, y.a) || cmp(x.b, y.b));
  for (const { a, b, s } of pairs) {
    if (s < STORY_SIMILARITY) break;
    const ma = storyMembers.get(storyOf.get(a) ?? a) ?? [];
    const mb = storyMembers.get(storyOf.get(b) ?? b) ?? [];
    if (ma === mb) continue;
    // Complete linkage in time, average linkage in text: no chain of pairwise-similar articles drifts off the story.
    const cross = ma.flatMap((x) => mb.map((y) => ({ x, y })));
    const inWindow = cross.every(({ x, y }) => withinWindow(dates.get(x), dates.get(y), window));
    const mean = cross.reduce((acc, { x, y }) => acc + sim(x, y), 0) / (cross.length || 1);
    if (inWindow && mean >= STORY_SIMILARITY) join(a, b);
  }

  const stories: Story[] = [];
  const drafts = [...storyMembers.values()].map((members) => {
    const list = [...members].sort(order);
    const dated = list.map((id) => dates.get(id)).filter((d): d is string => d !== undefined).sort(cmp);
    const wire = new Map<string, string[]>();
    // Copies within the story, grouped by connected pairs.
    const groupOf = new Map<string, string>();
    const root = (x: string): string => {
      let r = x;
      while (groupOf.has(r) && groupOf.get(r) !== r) r = groupOf.get(r) ?? r;
      return r;
    };
    for (const d of duplicates) {
      if (!list.includes(d.first)) continue;
      const ra = root(d.first);
      const rb = root(d.copy);
      groupOf.set(ra, ra);
      groupOf.set(rb, ra);
    }
    for (const id of list) {
      if (!groupOf.has(id)) continue;
      const r = root(id);
      wire.set(r, [...(wire.get(r) ?? []), id]);
    }
    const first = list[0] ?? '';
    const span: Story['span'] = {};
    if (dated.length) {
      span.from = dated[0] ?? '';
      span.to = dated[dated.length - 1] ?? '';
    }
    return {
      articles: list,
      firstReport: first,
      wireGroups: [...wire.values()].map((g) => [...g].sort(order)).sort((x, y) => order(x[0] ?? '', y[0] ?? '')),
      span,
      generatedName: sorted.find((a) => a.id === first)?.data.headline ?? first,
    };
  });
  const storyBase = (d: (typeof drafts)[number]): string => slugify(`${d.span.from ?? 'undated'} ${d.generatedName}`);
  const storyIds = assignSlugs(drafts, storyBase, (d) => `${d.span.from ?? '9999'} ${d.firstReport}`);
  for (const d of drafts) stories.push(storySchema.parse({ id: storyIds.get(d) ?? storyBase(d), ...d }));
  const storyOrder = (a: Story, b: Story): number => order(a.firstReport, b.firstReport);
  stories.sort(storyOrder);

  // Topics: stories linked by any pair of their articles alike enough.
  const topicOf = new Map(stories.map((s) => [s.id, s.id]));
  const topicRoot = (x: string): string => {
    let r = x;
    while (topicOf.get(r) !== r) r = topicOf.get(r) ?? r;
    return r;
  };
  for (let i = 0; i < stories.length; i++) {
    for (let j = i + 1; j < stories.length; j++) {
      const si = stories[i];
      const sj = stories[j];
      if (!si || !sj) continue;
      const linked = si.articles.some((a) => sj.articles.some((b) => sim(a, b) >= TOPIC_SIMILARITY));
      if (!linked) continue;
      const ri = topicRoot(si.id);
      const rj = topicRoot(sj.id);
      if (ri !== rj) topicOf.set(cmp(ri, rj) <= 0 ? rj : ri, cmp(ri, rj) <= 0 ? ri : rj);
    }
  }
  const storyById = new Map(stories.map((s) => [s.id, s]));
  const storyOfArticle = new Map(stories.flatMap((s) => s.articles.map((a) => [a, s.id] as const)));
  const groups = new Map<string, string[]>();
  for (const s of stories) {
    const r = topicRoot(s.id);
    groups.set(r, [...(groups.get(r) ?? []), s.id]);
  }

  // Editor entries: their articles leave the generated topics.
  const warnings: string[] = [];
  const known = new Set(ids);
  const claimed = new Map<string, string>();
  // The first entry for a slug wins; a second one is reported, not merged.
  const editor: TopicEditorEntry[] = [];
  for (const e of options.editor ?? []) {
    if (editor.some((x) => x.slug === e.slug)) warnings.push(`topic ${e.slug}: a second entry with this slug, ignored`);
    else editor.push(e);
  }
  for (const e of editor) {
    for (const a of e.articles ?? []) {
      if (!known.has(a)) warnings.push(`topic ${e.slug}: no article ${a}`);
      else if (claimed.has(a)) warnings.push(`topic ${e.slug}: article ${a} is already in topic ${claimed.get(a) ?? ''}`);
      else claimed.set(a, e.slug);
    }
  }

  interface TopicDraft {
    id?: string;
    name: string;
    description?: string;
    generated: boolean;
    articles: string[];
  }
  const topicDrafts: TopicDraft[] = [];
  for (const storyIdsOfTopic of groups.values()) {
    const articlesOfTopic = storyIdsOfTopic.flatMap((s) => storyById.get(s)?.articles ?? []).filter((a) => !claimed.has(a));
    if (!articlesOfTopic.length) continue;
    topicDrafts.push({ name: topicName(articlesOfTopic.map((a) => byId.get(a)).filter((t): t is ArticleText => t !== undefined)), generated: true, articles: articlesOfTopic });
  }
  const topicBase = (t: TopicDraft): string => t.id ?? slugify(t.name);
  const generatedIds = assignSlugs(
    topicDrafts,
    topicBase,
    (t) => `${t.articles.map((a) => dates.get(a) ?? '9999').sort()[0] ?? ''} ${[...t.articles].sort(order)[0] ?? ''}`,
  );
  for (const t of topicDrafts) t.id = generatedIds.get(t) ?? topicBase(t);
  for (const e of editor) {
    const own = (e.articles ?? []).filter((a) => claimed.get(a) === e.slug);
    const match = topicDrafts.find((t) => t.id === e.slug);
    if (match) {
      // Renames (and describes) a generated topic; listed articles join it.
      match.name = e.name;
      match.generated = false;
      if (e.description !== undefined) match.description = e.description;
      match.articles = [...new Set([...match.articles, ...own])];
    } else if (own.length === 0) {
      warnings.push(`topic ${e.slug}: matches no generated topic and lists no articles of its own, ignored`);
    } else {
      const t: TopicDraft = { id: e.slug, name: e.name, generated: false, articles: own };
      if (e.description !== undefined) t.description = e.description;
      topicDrafts.push(t);
    }
  }
  const topics: Topic[] = topicDrafts.map((t) => {
    const list = [...new Set(t.articles)].sort(order);
    const topic: Topic = {
      id: t.id ?? slugify(t.name),
      name: t.name,
      generated: t.generated,
      stories: [...new Set(list.map((a) => storyOfArticle.get(a) ?? ''))].filter(Boolean).sort((a, b) => {
        const sa = storyById.get(a);
        const sb = storyById.get(b);
        return sa && sb ? storyOrder(sa, sb) : cmp(a, b);
      }),
      articles: list,
    };
    if (t.description !== undefined) topic.description = t.description;
    return topicSchema.parse(topic);
  });
  topics.sort((a, b) => {
    const fa = a.articles[0];
    const fb = b.articles[0];
    if (fa === undefined || fb === undefined) return Number(fa === undefined) - Number(fb === undefined) || cmp(a.id, b.id);
    return order(fa, fb) || cmp(a.id, b.id);
  });
  return storyClusteringSchema.parse({ stories, topics, duplicates, warnings });
}

/** How many names a generated topic name joins. */
const TOPIC_NAME_PARTS = 3;

/**
 * A topic's generated name: the proper names the most of its articles use
 * (then the most often, then alphabetically), those in at least half its
 * articles, at most three, each written in its shortest common form ("North
 * Korea" over "North Korean"). Falls back to its commonest content words.
 */
function topicName(texts: readonly ArticleText[]): string {
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const t of texts) {
    for (const [k, c] of t.names) {
      df.set(k, (df.get(k) ?? 0) + 1);
      total.set(k, (total.get(k) ?? 0) + c);
    }
    for (const [k, fs] of t.surfaces) {
      const acc = forms.get(k) ?? new Map<string, number>();
      for (const [f, c] of fs) acc.set(f, (acc.get(f) ?? 0) + c);
      forms.set(k, acc);
    }
  }
  const ranked = [...df.keys()]
    .filter((k) => (df.get(k) ?? 0) * 2 >= texts.length && (forms.get(k)?.size ?? 0) > 0)
    .sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || (total.get(b) ?? 0) - (total.get(a) ?? 0) || cmp(a, b))
    .slice(0, TOPIC_NAME_PARTS);
  const display = (k: string): string =>
    [...(forms.get(k) ?? new Map<string, number>()).entries()].sort(
      ([fa, ca], [fb, cb]) => fa.length - fb.length || cb - ca || cmp(fa, fb),
    )[0]?.[0] ?? k;
  const parts = ranked.map(display);
  if (parts.length === 0) {
    const counts = new Map<string, number>();
    for (const t of texts) for (const [w, c] of t.terms) counts.set(w, (counts.get(w) ?? 0) + c);
    parts.push(...[...counts.entries()].sort(([a, x], [b, y]) => y - x || cmp(a, b)).slice(0, TOPIC_NAME_PARTS).map(([w]) => w));
  }
  if (parts.length <= 1) return parts[0] ?? 'Untitled topic';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}
