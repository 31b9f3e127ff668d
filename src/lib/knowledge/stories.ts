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
 *   any two of their articles alike enough, of the pairs compared. Those are
 *   every pair within the story window and, beyond it, pairs that share a
 *   rare word or name, or one of an article's rarest with its nearest
 *   articles in time (`topicCandidates`): in a corpus of more than
 *   `TOPIC_NEIGHBOURS` + 1 articles, two far apart in time that share only
 *   common words and names are not compared. Its name is generated from the
 *   proper names most of its articles share (`generated: true`) unless an
 *   editor entry names it, which wins.
 *
 * Proper names are runs of capitalised words in the body, standfirst and
 * captions (headlines in title case say nothing about names), split at titles
 * ("President") and possessives; a place and its demonym ("Korea", "Korean")
 * and a lone surname beside its full name in the same article are one name.
 *
 * Cost: no stage compares every pair of articles. Stories score the pairs
 * within the window, copies verify the pairs LSH proposes, topics add at
 * most `TOPIC_NEIGHBOURS` pairs per word or name of an article, and each pair
 * is scored once: the work grows with the articles and with how many are
 * published a day, not with the square of the corpus.
 *
 * Pure and deterministic: no I/O, no clock, no randomness (the MinHash seeds
 * are fixed); output sorted.
 */
import { z } from 'zod';
import { DATE_PATTERN } from '../schema.ts';
import { assignSlugs, slugify } from '../ingest/slug.ts';
import { titleFlaws, trimTitle } from './titling.ts';
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
    /** A name for the story, generated: the cleanest of its articles' headlines (`storyName`), the first report's on a tie. */
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
    /** The topic's slug: a generated topic's id to rename it, or a new one. Not a bare number: `topics/2/` is a page of the topics list. */
    slug: slugSchema.refine((slug) => !/^\d+$/.test(slug), { message: 'a topic slug cannot be a bare number (topics/2/ is the second page of the topics list); add a word' }),
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
/**
 * Article similarity at which two articles (at any distance in time) belong
 * to one topic. At 0.15, single-subject corpora of real news (a year of one
 * war from one outlet) split into a topic of half the articles and a hundred
 * singletons; at 0.12 each development corpus keeps 80% or more in one topic
 * while the unit cases of unrelated stories stay apart.
 */
export const TOPIC_SIMILARITY = 0.12;
/**
 * Beyond the story window, articles sharing a word or name with at most this
 * many others are all compared for topics, and past that each is compared
 * with this many of them, the nearest in time (see `topicCandidates`).
 */
export const TOPIC_NEIGHBOURS = 16;
/** How many of an article's rarest words and names it is compared through for topics, however common they are. */
export const TOPIC_KEYS = 16;
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

/** An inclusive range of day numbers (days since 1970-01-01, UTC). */
interface DayRange {
  from: number;
  to: number;
}

/** First and last day number a publication date covers, or undefined when unknown. */
function dayRange(date: string | undefined): DayRange | undefined {
  if (date === undefined) return undefined;
  const [y = 1970, m, d] = date.split('-').map(Number);
  const day = (yy: number, mm: number, dd: number): number => Math.round(Date.UTC(yy, mm - 1, dd) / DAY_MS);
  if (m === undefined) return { from: day(y, 1, 1), to: day(y + 1, 1, 1) - 1 };
  if (d === undefined) return { from: day(y, m, 1), to: day(y, m + 1, 1) - 1 };
  return { from: day(y, m, d), to: day(y, m, d) };
}

/**
 * Every pair of dated articles (indices, lower first) whose publication
 * dates can be at most `window` days apart, found by a sweep over the
 * ranges sorted by their first day: work in proportion to the pairs found.
 */
function pairsWithinWindow(ranges: readonly (DayRange | undefined)[], window: number): [number, number][] {
  const dated = ranges.flatMap((r, i) => (r ? [{ i, r }] : [])).sort((x, y) => x.r.from - y.r.from || x.i - y.i);
  const out: [number, number][] = [];
  for (let p = 0; p < dated.length; p++) {
    const x = dated[p];
    if (!x) continue;
    // Later entries start no earlier than x, so only their start can be too far from x's end.
    for (let q = p + 1; q < dated.length; q++) {
      const y = dated[q];
      if (!y || y.r.from - x.r.to > window) break;
      out.push(x.i < y.i ? [x.i, y.i] : [y.i, x.i]);
    }
  }
  return out;
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

/**
 * The distinct shingles of a corpus (as `shingles` makes them), numbered as
 * first seen. A shingle is looked up by its words' ids in an open-addressing
 * table, so no string is made for it; each has the FNV-1a hash of its text
 * (what MinHash seeds from).
 */
interface ShingleTable {
  wordIds: Map<string, number>;
  /** Per word id, the word. */
  words: string[];
  /** Per shingle id, its `SHINGLE_WORDS` word ids (-1 past the end of a text shorter than that). */
  keys: Int32Array;
  /** Per shingle id, the FNV-1a hash of its text. */
  hashes: number[];
  /** Per slot, the id of the shingle in it (-1 while empty) and the hash of its word ids. */
  slots: Int32Array;
  slotHashes: Int32Array;
}

function shingleTable(slots = 1 << 16): ShingleTable {
  return { wordIds: new Map(), words: [], keys: new Int32Array(slots * SHINGLE_WORDS), hashes: [], slots: new Int32Array(slots).fill(-1), slotHashes: new Int32Array(slots) };
}

/** The ids of lowercased words in the table (new ones added). */
function wordIdsOf(ws: readonly string[], table: ShingleTable): Int32Array {
  return Int32Array.from(ws, (w) => {
    let id = table.wordIds.get(w);
    if (id === undefined) {
      id = table.words.length;
      table.wordIds.set(w, id);
      table.words.push(w);
    }
    return id;
  });
}

/** Mixes the `SHINGLE_WORDS` word ids at `key[at…]`. */
function tupleHash(key: Int32Array, at: number): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < SHINGLE_WORDS; j++) h = Math.imul(h ^ (key[at + j] ?? 0), 0x01000193);
  return fmix32(h) | 0;
}

/** The id of the shingle whose word ids are `key[at…]` (hashed `h`), or -1 - the empty slot where it belongs. */
function findShingle(table: ShingleTable, key: Int32Array, at: number, h: number): number {
  const mask = table.slots.length - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const id = table.slots[slot] ?? -1;
    if (id < 0) return -1 - slot;
    if (table.slotHashes[slot] !== h) continue;
    let same = true;
    for (let j = 0; j < SHINGLE_WORDS && same; j++) same = table.keys[id * SHINGLE_WORDS + j] === key[at + j];
    if (same) return id;
  }
}

/** Adds the shingle whose word ids are `key[at…]` (hashed `h`) in `slot`; returns its id. */
function addShingle(table: ShingleTable, key: Int32Array, at: number, h: number, slot: number): number {
  const id = table.hashes.length;
  if ((id + 1) * SHINGLE_WORDS > table.keys.length) {
    const keys = new Int32Array(table.keys.length * 2);
    keys.set(table.keys);
    table.keys = keys;
  }
  table.keys.set(key.subarray(at, at + SHINGLE_WORDS), id * SHINGLE_WORDS);
  const text: string[] = [];
  for (let j = 0; j < SHINGLE_WORDS && (key[at + j] ?? -1) >= 0; j++) text.push(table.words[key[at + j] ?? 0] ?? '');
  table.hashes.push(fnv1a(text));
  table.slots[slot] = id;
  table.slotHashes[slot] = h;
  // Kept at most half full, so that a lookup probes few slots.
  if (table.hashes.length * 2 > table.slots.length) {
    const { slots, slotHashes } = table;
    table.slots = new Int32Array(slots.length * 2).fill(-1);
    table.slotHashes = new Int32Array(slots.length * 2);
    const mask = table.slots.length - 1;
    slots.forEach((s, old) => {
      if (s < 0) return;
      let free = (slotHashes[old] ?? 0) & mask;
      while ((table.slots[free] ?? -1) >= 0) free = (free + 1) & mask;
      table.slots[free] = s;
      table.slotHashes[free] = slotHashes[old] ?? 0;
    });
  }
  return id;
}

/** The distinct shingles of a text, given as the ids of its lowercased words, as ids in the table (new ones added), ascending. */
function shingleIds(words: Int32Array, table: ShingleTable): Int32Array {
  const key = new Int32Array(Math.max(words.length, SHINGLE_WORDS)).fill(-1);
  key.set(words);
  const count = words.length < SHINGLE_WORDS ? Math.min(words.length, 1) : words.length - SHINGLE_WORDS + 1;
  const ids = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const h = tupleHash(key, i);
    const found = findShingle(table, key, i, h);
    ids[i] = found >= 0 ? found : addShingle(table, key, i, h, -1 - found);
  }
  ids.sort();
  return ids.filter((id, i) => i === 0 || id !== ids[i - 1]);
}

/** 32-bit FNV-1a of words joined by single spaces. */
function fnv1a(words: readonly string[]): number {
  let h = 0x811c9dc5;
  words.forEach((w, n) => {
    if (n) h = Math.imul(h ^ 0x20, 0x01000193);
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  });
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
  return signature(Array.from(set, (s) => fnv1a([s])), hashes);
}

/** `minhash` from the shingles' FNV-1a hashes. */
function signature(bases: ArrayLike<number>, hashes = MINHASH_BANDS * MINHASH_ROWS): number[] {
  const sig = new Array<number>(hashes).fill(0xffffffff);
  const seeds = Array.from({ length: hashes }, (_, i) => Math.imul(i + 1, 0x9e3779b1));
  for (let k = 0; k < bases.length; k++) {
    const base = bases[k] ?? 0;
    for (let i = 0; i < hashes; i++) {
      const v = fmix32(base ^ (seeds[i] ?? 0));
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

/** The Jaccard index of two sets of `a` and `b` elements sharing `shared`, as `overlap` measures it. */
function jaccardOf(shared: number, a: number, b: number): number {
  const union = a + b - shared;
  return union ? shared / union : 0;
}

/** The containment of two sets of `a` and `b` elements sharing `shared`, as `overlap` measures it. */
function containmentOf(shared: number, a: number, b: number): number {
  const smaller = Math.min(a, b);
  return smaller ? shared / smaller : 0;
}

/** What kind of copy two texts with these shingle overlaps are, if any. */
function copyKind(jaccard: number, containment: number): Duplicate['kind'] | undefined {
  return jaccard >= NEAR_DUPLICATE_JACCARD ? 'near-duplicate' : jaccard >= WIRE_JACCARD || containment >= WIRE_CONTAINMENT ? 'wire-copy' : undefined;
}

/** How many shingles a count checks at a time before asking whether the rest could still make a copy. */
const COUNT_STRIDE = 64;

/**
 * Copies among the articles (`sets[i]` holds the shingle ids of `ids[i]`,
 * ascending, and `hashes` each shingle's FNV-1a hash). LSH over MinHash bands
 * (32 bands of 2 rows: pairs with a Jaccard index near 0.2 or more almost
 * always share a band) proposes pairs; the exact overlap of their shingle
 * sets decides. Pairs come out in id order.
 */
function findDuplicates(
  ids: readonly string[],
  sets: readonly Int32Array[],
  hashes: readonly number[],
  order: (a: string, b: string) => number,
): { duplicates: Duplicate[]; compared: number } {
  // Buckets, one per band and value of its rows, numbered as made; each article's bucket in every band (none with no shingles).
  const numbered = new Map<string, number>();
  const buckets: number[][] = [];
  const bucketsOf = sets.map((set, i) => {
    if (set.length === 0) return new Int32Array();
    const sig = signature(Array.from(set, (s) => hashes[s] ?? 0));
    return Int32Array.from({ length: MINHASH_BANDS }, (_, b) => {
      const key = `${b}:${sig.slice(b * MINHASH_ROWS, (b + 1) * MINHASH_ROWS).join(',')}`;
      let bucket = numbered.get(key);
      if (bucket === undefined) {
        bucket = buckets.length;
        numbered.set(key, bucket);
        buckets.push([]);
      }
      buckets[bucket]?.push(i);
      return bucket;
    });
  });
  // A pair is counted in the first bucket its articles share.
  const sharedBefore = (x: Int32Array, y: Int32Array, bucket: number): boolean => {
    for (let b = 0; b < x.length; b++) if (x[b] === y[b] && (x[b] ?? 0) < bucket) return true;
    return false;
  };

  const found: { i: number; j: number; duplicate: Duplicate }[] = [];
  let compared = 0;
  // The shingles of the article being counted against, one bit each: small enough to stay in cache, read in ascending order.
  const marked = new Uint32Array((hashes.length >>> 5) + 1);
  const size = (x: number): number => sets[x]?.length ?? 0;
  // Bucket by bucket, so that the sets being counted stay in cache; in each, every pair from its larger set (then later article), over the smaller's shingles.
  buckets.forEach((members, bucket) => {
    const larger = [...members].sort((x, y) => size(y) - size(x) || y - x);
    larger.forEach((i, p) => {
      const mine = sets[i] ?? new Int32Array();
      const mineIn = bucketsOf[i] ?? new Int32Array();
      let isMarked = false;
      for (let q = p + 1; q < larger.length; q++) {
        const j = larger[q] ?? 0;
        if (sharedBefore(mineIn, bucketsOf[j] ?? mineIn, bucket)) continue;
        if (!isMarked) {
          for (let k = 0; k < mine.length; k++) {
            const s = mine[k] ?? 0;
            marked[s >>> 5] = (marked[s >>> 5] ?? 0) | (1 << (s & 31));
          }
          isMarked = true;
        }
        compared += 1;
        const theirs = sets[j] ?? new Int32Array();
        const a = mine.length;
        const b = theirs.length;
        // Counted in strides; a pair stops as soon as even sharing every shingle left would not make it a copy (both measures grow with what is shared).
        let shared = 0;
        for (let start = 0; start < b; start += COUNT_STRIDE) {
          const end = Math.min(start + COUNT_STRIDE, b);
          for (let k = start; k < end; k++) {
            const s = theirs[k] ?? 0;
            shared += ((marked[s >>> 5] ?? 0) >>> (s & 31)) & 1;
          }
          const most = shared + b - end;
          if (!copyKind(jaccardOf(most, a, b), containmentOf(most, a, b))) break;
        }
        const jaccard = jaccardOf(shared, a, b);
        const containment = containmentOf(shared, a, b);
        const kind = copyKind(jaccard, containment);
        if (!kind) continue;
        const [first, copy] = [ids[i] ?? '', ids[j] ?? ''].sort(order) as [string, string];
        found.push({ i: Math.min(i, j), j: Math.max(i, j), duplicate: { first, copy, jaccard: round(jaccard), containment: round(containment), kind } });
      }
      if (isMarked) for (let k = 0; k < mine.length; k++) marked[(mine[k] ?? 0) >>> 5] = 0;
    });
  });
  return { duplicates: found.sort((x, y) => x.i - y.i || x.j - y.j).map((f) => f.duplicate), compared };
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
  return sentenceNameRuns(splitSentences(text), capitalisedElsewhere);
}

/** A word or a run of other non-space characters; an apostrophe-s ending; a closing apostrophe; a capital first letter. */
const TOKEN = /[\p{L}][\p{L}\p{M}’'-]*|[^\s\p{L}]+/gu;
const POSSESSIVE = /['’]s$/;
const CLOSING_APOSTROPHE = /['’]$/;
const CAPITALISED = /^\p{Lu}/u;

/** `nameRuns` over a text already split into sentences. */
function sentenceNameRuns(sentences: readonly string[], capitalisedElsewhere: ReadonlySet<string>): NameMention[] {
  const out: NameMention[] = [];
  for (const sentence of sentences) {
    let run: { text: string; index: number }[] = [];
    const flush = (): void => {
      if (!run.length) return;
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
    for (const t of sentence.matchAll(TOKEN)) {
      const possessive = POSSESSIVE.test(t[0]);
      const word = possessive ? t[0].slice(0, -2) : t[0].replace(CLOSING_APOSTROPHE, '');
      if (CAPITALISED.test(word)) {
        if (TITLES.has(word.toLowerCase()) && run.length) flush();
        run.push({ text: word, index: t.index });
        if (possessive) flush();
      } else if (word === 'of' && run.length && !TITLES.has(run[run.length - 1]?.text.toLowerCase() ?? '')) {
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
  /** Ids of its body's distinct shingles in the corpus's `ShingleTable`. */
  shingles: Int32Array;
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

/**
 * One text (a standfirst, caption or body paragraph), read once however many
 * articles repeat it (copies do): its sentences, and what the first article
 * to use it reads from its words (kept compact, for a corpus holds many).
 */
interface TextReading {
  text: string;
  sentences: string[];
  words?: TextWords;
}

/** What a text's words give. */
interface TextWords {
  /** `contentWords`. */
  content: string[];
  /** `stemWord` of each word written in lower case. */
  commonStems: string[];
  /** `nameRuns`. */
  names: NameMention[];
  /** Its words lowercased, as ids in the shingle table. */
  shingleWords: Int32Array;
}

/** An article's texts, standfirst, captions then body paragraphs, each read through `cache`. */
function readTexts(a: EventArticle, cache: Map<string, TextReading>): TextReading[] {
  const texts = [...a.data.standfirst.map((s) => s.text), ...a.data.captions.map((c) => c.text), ...bodyParagraphs(a.body)];
  return texts.map((text) => {
    let r = cache.get(text);
    if (!r) {
      r = { text, sentences: splitSentences(text) };
      cache.set(text, r);
    }
    return r;
  });
}

/** A function of a word, remembered: over a corpus most words recur, and stemming them is the costly part of reading. */
function remembered<T>(f: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let v = known.get(word);
    if (v === undefined) {
      v = f(word);
      known.set(word, v);
    }
    return v;
  };
}

/** What reading an article needs from the rest of the corpus. */
interface CorpusReader {
  /** Words written capitalised somewhere other than at a sentence's start. */
  capitalisedElsewhere: ReadonlySet<string>;
  /** `stemWord`, remembered. */
  stem: (word: string) => string;
  /** `contentWords` of one word, remembered: `contentWords` of a text is that of each of its `rawWords` in turn. */
  content: (word: string) => string[];
  shingles: ShingleTable;
}

/** What a text's words give, read once. */
function readWords(r: TextReading, reader: CorpusReader): TextWords {
  if (!r.words) {
    const words = rawWords(r.text);
    r.words = {
      content: words.flatMap(reader.content),
      commonStems: words.filter((w) => /^\p{Ll}/u.test(w)).map(reader.stem),
      names: sentenceNameRuns(r.sentences, reader.capitalisedElsewhere),
      shingleWords: wordIdsOf(words.map((w) => w.toLowerCase()), reader.shingles),
    };
  }
  return r.words;
}

function readArticle(a: EventArticle, texts: readonly TextReading[], reader: CorpusReader): ArticleText {
  const read = texts.map((r) => readWords(r, reader));
  const standfirst = a.data.standfirst.length;
  const extras = standfirst + a.data.captions.length;
  const wordsOf = read.map((r) => r.content);
  const terms = new Map<string, number>();
  const head = headlineTerms(a.data.headline, new Set(read.flatMap((r) => r.commonStems)));
  for (const t of [...head, ...wordsOf.flat()]) terms.set(t, (terms.get(t) ?? 0) + 1);
  const lede = new Map<string, number>();
  const ledeWords = [...wordsOf.slice(0, standfirst), ...wordsOf.slice(extras, extras + LEDE_PARAGRAPHS)].flat();
  for (const t of [...head, ...ledeWords]) lede.set(t, (lede.get(t) ?? 0) + 1);

  const names = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const m of read.flatMap((r) => r.names)) {
    names.set(m.key, (names.get(m.key) ?? 0) + 1);
    const forms = surfaces.get(m.key) ?? new Map<string, number>();
    forms.set(m.surface, (forms.get(m.surface) ?? 0) + 1);
    surfaces.set(m.key, forms);
  }
  // The body paragraphs' words, as `shingles` would split them joined: no word spans two paragraphs.
  const body = read.slice(extras).map((r) => r.shingleWords);
  const paragraphWords = new Int32Array(body.reduce((n, w) => n + w.length, 0));
  let at = 0;
  for (const w of body) {
    paragraphWords.set(w, at);
    at += w.length;
  }
  return { id: a.id, date: a.data.published.date, terms, lede, names, surfaces, shingles: shingleIds(paragraphWords, reader.shingles) };
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

/** A unit vector over term ids, its entries in the order the article first uses each term: the order its dot products sum in. */
interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** In how many articles each term occurs. */
function documentFrequencies(texts: readonly ArticleText[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of t.terms.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

/** TF-IDF vectors of one field (log-scaled counts, smoothed IDF over the articles' whole texts), unit length, over the vocabulary's ids. */
function tfidf(texts: readonly ArticleText[], field: 'terms' | 'lede', df: ReadonlyMap<string, number>, vocabulary: ReadonlyMap<string, number>): SparseVector[] {
  const n = texts.length;
  return texts.map((t) => {
    const entries = [...t[field]];
    const ids = new Int32Array(entries.length);
    const weights = new Float64Array(entries.length);
    let norm = 0;
    entries.forEach(([w, c], k) => {
      const x = (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1);
      ids[k] = vocabulary.get(w) ?? 0;
      weights[k] = x;
      norm += x * x;
    });
    const len = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] ?? 0) / len;
    return { ids, weights };
  });
}

/**
 * Dot product of two vectors, summed in the entry order of the one with
 * fewer entries (the first on a tie). `scratch` is all zeros, one slot per
 * vocabulary id, and is left so.
 */
function dot(a: SparseVector, b: SparseVector, scratch: Float64Array): number {
  const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
  for (let k = 0; k < large.ids.length; k++) scratch[large.ids[k] ?? 0] = large.weights[k] ?? 0;
  let s = 0;
  for (let k = 0; k < small.ids.length; k++) s += (small.weights[k] ?? 0) * (scratch[small.ids[k] ?? 0] ?? 0);
  for (let k = 0; k < large.ids.length; k++) scratch[large.ids[k] ?? 0] = 0;
  return s;
}

/** Jaccard index of two sorted sets of name ids. */
function nameJaccard(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  const union = a.length + b.length - shared;
  return union ? shared / union : 0;
}

/** How alike two articles are: their whole texts' and their ledes' words in equal parts, and the names they share with this weight. */
export const NAME_WEIGHT = 0.3;

// ---------------------------------------------------------------------------
// Clustering

/** What two articles are compared on. */
interface Features {
  terms: SparseVector;
  lede: SparseVector;
  /** Name ids, ascending. */
  names: Int32Array;
}

/** The parts of a pair's similarity (see `ArticleSimilarity`). */
interface SimilarityParts {
  words: number;
  lede: number;
  names: number;
}

function combined(p: SimilarityParts): number {
  return ((1 - NAME_WEIGHT) / 2) * (p.words + p.lede) + NAME_WEIGHT * p.names;
}

/**
 * The corpus read once. Articles are numbered in id order; `score(i, j)`
 * is the similarity of articles i and j, computed once per pair (per order
 * of the pair when that can change the last bits of a sum), and `scored()`
 * counts the computations.
 */
function prepare(articles: readonly EventArticle[]) {
  const sorted = [...articles].sort((a, b) => cmp(a.id, b.id));
  const ids = sorted.map((a) => a.id);
  const dates = new Map(sorted.map((a) => [a.id, a.data.published.date]));
  const order = byPublication(dates);
  const ranges = sorted.map((a) => dayRange(a.data.published.date));

  const cache = new Map<string, TextReading>();
  const read = sorted.map((a) => ({ a, texts: readTexts(a, cache) }));
  const capitalisedElsewhere = new Set<string>();
  for (const { sentences } of cache.values()) {
    for (const s of sentences) {
      for (const m of s.matchAll(/(?<=\s)\p{Lu}[\p{L}-]*/gu)) capitalisedElsewhere.add(m[0].replace(/['’]s$/, ''));
    }
  }
  const reader: CorpusReader = { capitalisedElsewhere, stem: remembered(stemWord), content: remembered(contentWords), shingles: shingleTable() };
  const texts = read.map(({ a, texts }) => readArticle(a, texts, reader));
  foldShortNames(texts);
  const byId = new Map(texts.map((t) => [t.id, t]));

  const vocabulary = new Map<string, number>();
  const nameIds = new Map<string, number>();
  for (const t of texts) {
    for (const w of [...t.terms.keys(), ...t.lede.keys()]) if (!vocabulary.has(w)) vocabulary.set(w, vocabulary.size);
    for (const k of t.names.keys()) if (!nameIds.has(k)) nameIds.set(k, nameIds.size);
  }
  const df = documentFrequencies(texts);
  const terms = tfidf(texts, 'terms', df, vocabulary);
  const ledes = tfidf(texts, 'lede', df, vocabulary);
  const features: Features[] = texts.map((t, i) => ({
    terms: terms[i] ?? { ids: new Int32Array(), weights: new Float64Array() },
    lede: ledes[i] ?? { ids: new Int32Array(), weights: new Float64Array() },
    names: Int32Array.from(t.names.keys(), (k) => nameIds.get(k) ?? 0).sort(),
  }));

  const scratch = new Float64Array(vocabulary.size);
  const parts = (i: number, j: number): SimilarityParts => {
    const fa = features[i];
    const fb = features[j];
    if (!fa || !fb) return { words: 0, lede: 0, names: 0 };
    return { words: dot(fa.terms, fb.terms, scratch), lede: dot(fa.lede, fb.lede, scratch), names: nameJaccard(fa.names, fb.names) };
  };
  // Scores by first article, then second.
  const memo = ids.map(() => new Map<number, number>());
  let scored = 0;
  // A dot product sums in the shorter vector's order, the first's on a tie: (i, j) scores as (j, i) unless two of their vectors tie in length.
  const symmetric = (i: number, j: number): boolean => {
    const fa = features[i];
    const fb = features[j];
    return !!fa && !!fb && fa.terms.ids.length !== fb.terms.ids.length && fa.lede.ids.length !== fb.lede.ids.length;
  };
  const score = (i: number, j: number): number => {
    let s = memo[i]?.get(j) ?? (symmetric(i, j) ? memo[j]?.get(i) : undefined);
    if (s === undefined) {
      s = combined(parts(i, j));
      memo[i]?.set(j, s);
      scored += 1;
    }
    return s;
  };
  return { sorted, ids, dates, ranges, order, texts, byId, features, shingleHashes: reader.shingles.hashes, parts, score, scored: (): number => scored };
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

/**
 * The pairs of articles the clustering compares, ids in order, with their
 * similarity, for review and tests: every pair within the story window, and
 * the pairs `topicCandidates` proposes (in a corpus of at most
 * `TOPIC_NEIGHBOURS` + 1 articles, every pair that shares a word or name).
 */
export function articleSimilarities(articles: readonly EventArticle[], options: StoryOptions = {}): ArticleSimilarity[] {
  const { ids, ranges, features, parts } = prepare(articles);
  const n = ids.length;
  const keys = new Set<number>();
  for (const [a, b] of [...pairsWithinWindow(ranges, options.windowDays ?? STORY_WINDOW_DAYS), ...topicCandidates(features, ranges)]) keys.add(a * n + b);
  return [...keys]
    .sort((x, y) => x - y)
    .map((key) => {
      const a = Math.floor(key / n);
      const b = key % n;
      const p = parts(a, b);
      return { a: ids[a] ?? '', b: ids[b] ?? '', words: round(p.words), lede: round(p.lede), names: round(p.names), score: round(combined(p)) };
    });
}

/** The days a story's dated articles span, and whether it has an undated one. */
interface StorySpan {
  maxFrom: number;
  minTo: number;
  undated: boolean;
}

/** True when every article of one story is within `window` days of every article of the other (never with an undated one). */
function spansWithin(a: StorySpan, b: StorySpan, window: number): boolean {
  return !a.undated && !b.undated && b.maxFrom - a.minTo <= window && a.maxFrom - b.minTo <= window;
}

/**
 * Pairs of articles (indices, lower first; a pair may come more than once)
 * compared for topics beyond those within the story window. An article's
 * features are its words and names. A feature shared by at most
 * `TOPIC_NEIGHBOURS` + 1 articles pairs them all; a commoner one pairs each
 * article that counts it among its `TOPIC_KEYS` rarest features with the
 * `TOPIC_NEIGHBOURS` articles sharing it nearest in publication order, half
 * on either side. So a corpus of at most `TOPIC_NEIGHBOURS` + 1 articles has
 * every pair that shares anything compared (and a pair that shares nothing
 * scores 0), while a larger one has pairs in proportion to its articles, not
 * their square. What a larger one leaves out are pairs far apart in time that
 * share only common words and names: a running subject still links up as a
 * chain of articles close in time that share its rarer ones.
 */
function* topicCandidates(features: readonly Features[], ranges: readonly (DayRange | undefined)[]): Generator<[number, number]> {
  // Words and names as one feature space: words first, then names.
  let words = 0;
  for (const f of features) for (const id of f.terms.ids) words = Math.max(words, id + 1);
  const own = features.map((f) => [...f.terms.ids, ...Array.from(f.names, (k) => words + k)]);
  const postings: number[][] = [];
  own.forEach((fs, i) => {
    for (const x of fs) (postings[x] ??= []).push(i);
  });
  const day = (i: number): number => ranges[i]?.from ?? Infinity;
  const df = (x: number): number => postings[x]?.length ?? 0;
  const rarer = (x: number, y: number): number => df(x) - df(y) || x - y;
  const lastKey = own.map((fs) => [...fs].sort(rarer)[Math.min(TOPIC_KEYS, fs.length) - 1]);
  const half = TOPIC_NEIGHBOURS / 2;
  for (const [x, list] of postings.entries()) {
    if (!list) continue;
    if (list.length <= TOPIC_NEIGHBOURS + 1) {
      for (let p = 0; p < list.length; p++) for (let q = p + 1; q < list.length; q++) yield pair(list[p] ?? 0, list[q] ?? 0);
      continue;
    }
    list.sort((a, b) => day(a) - day(b) || a - b);
    for (let p = 0; p < list.length; p++) {
      const a = list[p] ?? 0;
      const key = lastKey[a];
      if (key === undefined || rarer(x, key) > 0) continue;
      for (let q = Math.max(0, p - half); q <= Math.min(list.length - 1, p + half); q++) if (q !== p) yield pair(a, list[q] ?? 0);
    }
  }
}

function pair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

/** How much work a clustering took, for tests that guard its scaling. */
export interface StoryStats {
  /** Article pairs looked at: those within the window, and those proposed for topics (a pair proposed twice counts twice). */
  pairsConsidered: number;
  /** Ordered article pairs whose similarity was computed. */
  pairsScored: number;
  /** Article pairs whose shingle sets were compared as possible copies. */
  copiesCompared: number;
}

/**
 * Clusters articles into stories and stories into topics (see the module
 * comment for the rules). Stories form agglomeratively: article pairs within
 * the window from most to least similar, two stories joining when the pair is
 * similar enough, every pair across them lies within the window and they are
 * alike on average; copies join first, as one story whatever their dates.
 */
export function clusterStories(articles: readonly EventArticle[], options: StoryOptions = {}): StoryClustering {
  return clusterStoriesWithStats(articles, options).clustering;
}

/** `clusterStories`, with how many pairs it compared. */
export function clusterStoriesWithStats(articles: readonly EventArticle[], options: StoryOptions = {}): { clustering: StoryClustering; stats: StoryStats } {
  const window = options.windowDays ?? STORY_WINDOW_DAYS;
  const corpus = prepare(articles);
  const { sorted, ids, dates, ranges, order, texts, byId, score } = corpus;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string): number => indexOf.get(id) ?? -1;

  const { duplicates, compared } = findDuplicates(ids, texts.map((t) => t.shingles), corpus.shingleHashes, order);

  // Stories: each keyed by its lowest article index, members in the order they joined (the order average similarities sum in).
  const storyOf = ids.map((_, i) => i);
  const members = ids.map((_, i) => [i]);
  const spans: StorySpan[] = ranges.map((r) => (r ? { maxFrom: r.from, minTo: r.to, undated: false } : { maxFrom: -Infinity, minTo: Infinity, undated: true }));
  const join = (a: number, b: number): void => {
    const sa = storyOf[a] ?? a;
    const sb = storyOf[b] ?? b;
    if (sa === sb) return;
    const [keep, drop] = sa < sb ? [sa, sb] : [sb, sa];
    const moved = members[drop] ?? [];
    members[keep] = [...(members[keep] ?? []), ...moved];
    members[drop] = [];
    for (const m of moved) storyOf[m] = keep;
    const k = spans[keep];
    const d = spans[drop];
    if (k && d) spans[keep] = { maxFrom: Math.max(k.maxFrom, d.maxFrom), minTo: Math.min(k.minTo, d.minTo), undated: k.undated || d.undated };
  };
  for (const d of duplicates) join(at(d.first), at(d.copy));
  // Only articles within the window of each other can join, so only those pairs are scored.
  const inWindow = pairsWithinWindow(ranges, window);
  const pairs = inWindow
    .map(([a, b]) => ({ a, b, s: score(a, b) }))
    .filter((p) => p.s >= STORY_SIMILARITY)
    .sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);
  for (const { a, b } of pairs) {
    const ka = storyOf[a] ?? a;
    const kb = storyOf[b] ?? b;
    if (ka === kb) continue;
    // Complete linkage in time, average linkage in text: no chain of pairwise-similar articles drifts off the story.
    const sa = spans[ka];
    const sb = spans[kb];
    if (!sa || !sb || !spansWithin(sa, sb, window)) continue;
    const ma = members[ka] ?? [];
    const mb = members[kb] ?? [];
    let total = 0;
    for (const x of ma) for (const y of mb) total += score(x, y);
    if (total / (ma.length * mb.length || 1) >= STORY_SIMILARITY) join(a, b);
  }

  const duplicatesOf = new Map<number, Duplicate[]>();
  for (const d of duplicates) {
    const k = storyOf[at(d.first)] ?? -1;
    const list = duplicatesOf.get(k);
    if (list) list.push(d);
    else duplicatesOf.set(k, [d]);
  }
  const stories: Story[] = [];
  const drafts = members.flatMap((m, key) => {
    if (!m.length) return [];
    const list = m.map((i) => ids[i] ?? '').sort(order);
    const dated = list.map((id) => dates.get(id)).filter((d): d is string => d !== undefined).sort(cmp);
    const wire = new Map<string, string[]>();
    // Copies within the story, grouped by connected pairs.
    const groupOf = new Map<string, string>();
    const root = (x: string): string => {
      let r = x;
      while (groupOf.has(r) && groupOf.get(r) !== r) r = groupOf.get(r) ?? r;
      return r;
    };
    for (const d of duplicatesOf.get(key) ?? []) {
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
    return [
      {
        articles: list,
        firstReport: first,
        wireGroups: [...wire.values()].map((g) => [...g].sort(order)).sort((x, y) => order(x[0] ?? '', y[0] ?? '')),
        span,
        generatedName: storyName(list.map((id) => sorted[at(id)]?.data.headline ?? '')) || first,
      },
    ];
  });
  const storyBase = (d: (typeof drafts)[number]): string => slugify(`${d.span.from ?? 'undated'} ${d.generatedName}`);
  const storyIds = assignSlugs(drafts, storyBase, (d) => `${d.span.from ?? '9999'} ${d.firstReport}`);
  for (const d of drafts) stories.push({ id: storyIds.get(d) ?? storyBase(d), ...d });
  const storyOrder = (a: Story, b: Story): number => order(a.firstReport, b.firstReport);
  stories.sort(storyOrder);

  // Topics: stories linked by any pair of their articles alike enough, the pair scored as (earlier story's article, later one's).
  const position = new Int32Array(ids.length);
  stories.forEach((s, p) => {
    for (const a of s.articles) position[at(a)] = p;
  });
  const topicOf = stories.map((_, p) => p);
  const topicRoot = (x: number): number => {
    let r = x;
    while (topicOf[r] !== r) {
      const up = topicOf[r] ?? r;
      topicOf[r] = topicOf[up] ?? up;
      r = up;
    }
    return r;
  };
  const link = ([x, y]: [number, number]): void => {
    const px = position[x] ?? 0;
    const py = position[y] ?? 0;
    const rx = topicRoot(px);
    const ry = topicRoot(py);
    if (rx === ry) return;
    if ((px < py ? score(x, y) : score(y, x)) >= TOPIC_SIMILARITY) topicOf[Math.max(rx, ry)] = Math.min(rx, ry);
  };
  // The pairs within the window first: they are scored already, and most links are among them.
  inWindow.forEach(link);
  let proposed = 0;
  for (const p of topicCandidates(corpus.features, ranges)) {
    proposed += 1;
    link(p);
  }
  const storyById = new Map(stories.map((s) => [s.id, s]));
  const storyOfArticle = new Map(stories.flatMap((s) => s.articles.map((a) => [a, s.id] as const)));
  const groups = new Map<number, string[]>();
  stories.forEach((s, p) => {
    const r = topicRoot(p);
    const group = groups.get(r);
    if (group) group.push(s.id);
    else groups.set(r, [s.id]);
  });

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
  // A bare number would share its address with a page of the topics list (`topics/2/`).
  const topicBase = (t: TopicDraft): string => t.id ?? slugify(t.name).replace(/^\d+$/, 'topic-$&');
  const topicKeys = new Map(topicDrafts.map((t) => [t, `${t.articles.map((a) => dates.get(a) ?? '9999').sort()[0] ?? ''} ${[...t.articles].sort(order)[0] ?? ''}`]));
  const generatedIds = assignSlugs(topicDrafts, topicBase, (t) => topicKeys.get(t) ?? '');
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
    return topic;
  });
  topics.sort((a, b) => {
    const fa = a.articles[0];
    const fb = b.articles[0];
    if (fa === undefined || fb === undefined) return Number(fa === undefined) - Number(fb === undefined) || cmp(a.id, b.id);
    return order(fa, fb) || cmp(a.id, b.id);
  });
  // Each record is checked against its schema by the caller, which leaves out one that fails (knowledge.ts).
  return { clustering: { stories, topics, duplicates, warnings }, stats: { pairsConsidered: inWindow.length + proposed, pairsScored: corpus.scored(), copiesCompared: compared } };
}

/**
 * The cleanest headline among a story's, first report first on a tie, with
 * what can go trimmed (a leading dateline or update stamp, `trimTitle`): a
 * page saved without its headline gives its opening words, often page
 * furniture ("Page last updated at 10:39 GMT …"), and another report of the
 * story names it better.
 */
export function storyName(headlines: readonly string[]): string {
  let best: { name: string; cost: number } | undefined;
  for (const headline of headlines) {
    const name = trimTitle(headline) || headline.trim();
    if (name === '') continue;
    // A headline is short by nature: only what makes it read badly counts.
    const cost = titleFlaws(name).filter((f) => f !== 'short' && f !== 'long').length;
    if (best === undefined || cost < best.cost) best = { name, cost };
  }
  return best?.name ?? '';
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
