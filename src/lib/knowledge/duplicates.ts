/**
 * Copies: which articles are one text, reprinted (a near-duplicate) or
 * rewritten and cut (a wire copy), whatever their headlines and dates.
 *
 * Method: each body becomes its set of word 5-shingles (lowercased words,
 * punctuation ignored, paragraphs read as one run of words). Comparing every
 * pair of sets would grow with the square of the corpus, so MinHash
 * signatures (64 seeded hashes over each shingle's FNV-1a hash) and banded
 * locality-sensitive hashing (32 bands of 2 rows: pairs with a Jaccard index
 * near 0.2 or more almost always share a band) propose candidate pairs, and
 * the exact Jaccard index and containment of their shingle sets decide: a
 * near-duplicate at Jaccard ≥ 0.8, a wire copy at Jaccard ≥ 0.3 or when 60%
 * of the shorter text's shingles are in the longer (a copy cut short). The
 * signature only proposes; no pair is called a copy on an estimate.
 *
 * A corpus's shingles live in one table (`ShingleTable`) keyed by their
 * words' ids, so a shingle shared by many copies is stored and hashed once.
 * Pure and deterministic: the MinHash seeds are fixed, pairs come out in id
 * order.
 */
import type { Duplicate } from './story-schema.ts';
import { words } from './text-words.ts';

/** Jaccard index at or above which two texts are near-duplicates. */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Jaccard index at or above which two texts are copies of one wire story. */
export const WIRE_JACCARD = 0.3;
/** Share of the shorter text's shingles at or above which it is a (cut) copy of the longer one. */
export const WIRE_CONTAINMENT = 0.6;
/** Shingle length, in words. */
export const SHINGLE_WORDS = 5;

/** LSH bands and rows per band: a MinHash signature holds `MINHASH_BANDS * MINHASH_ROWS` hashes. */
const MINHASH_BANDS = 32;
const MINHASH_ROWS = 2;

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
export interface ShingleTable {
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

/** An empty shingle table of `slots` slots (a power of two; the table doubles as it fills). */
export function shingleTable(slots = 1 << 16): ShingleTable {
  return { wordIds: new Map(), words: [], keys: new Int32Array(slots * SHINGLE_WORDS), hashes: [], slots: new Int32Array(slots).fill(-1), slotHashes: new Int32Array(slots) };
}

/** The ids of lowercased words in the table (new ones added). */
export function wordIdsOf(ws: readonly string[], table: ShingleTable): Int32Array {
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
export function shingleIds(words: Int32Array, table: ShingleTable): Int32Array {
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
export function copyKind(jaccard: number, containment: number): Duplicate['kind'] | undefined {
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
export function findDuplicates(
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
        found.push({ i: Math.min(i, j), j: Math.max(i, j), duplicate: { first, copy, jaccard: roundMeasure(jaccard), containment: roundMeasure(containment), kind } });
      }
      if (isMarked) for (let k = 0; k < mine.length; k++) marked[(mine[k] ?? 0) >>> 5] = 0;
    });
  });
  return { duplicates: found.sort((x, y) => x.i - y.i || x.j - y.j).map((f) => f.duplicate), compared };
}

/** A measure rounded to three decimals, as the records report it. */
export function roundMeasure(x: number): number {
  return Math.round(x * 1000) / 1000;
}
