/**
 * The posting lists of `similarPairs` (event-similarity.ts): for each token,
 * the vectors whose prefix holds it, over the whole corpus and within each
 * date block, in the order the vectors probe.
 *
 * The vectors probe in a fixed order, and each reads the lists as they stand
 * when its turn comes: the vectors before it in that order. So the lists are
 * made once, before any vector probes, as flat typed arrays (compressed
 * sparse rows: one array of entries, and where each list starts), and a
 * vector reads a list up to the first entry that probes at or after it
 * (`before`). A corpus holds millions of prefix tokens at 100,000 articles;
 * as arrays grown probe by probe, each entry took several times its 4 bytes.
 * The lists of one token within the date blocks are ordered by block, and a
 * block's list is found by binary search among them.
 *
 * Pure: no I/O, no clock.
 */

/** Vectors' prefixes: vector k's tokens, rarest first, are `ids[start[k]]` to `ids[start[k + 1] - 1]`. */
export interface Prefixes {
  start: Int32Array;
  ids: Int32Array;
}

/** Lists as one array of entries: list s is `entries[start[s]]` to `entries[start[s + 1] - 1]`. */
export interface Lists {
  entries: Int32Array;
  start: Int32Array;
}

/** The posting lists of every token, corpus-wide and by date block. */
export interface Postings {
  /** Each vector's place in the probing order. */
  rank: Int32Array;
  /** List `id`: the vectors whose prefix holds token `id` (whatever their block), in probing order. */
  anywhere: Lists;
  /** The lists of vectors with a date block whose prefix holds a token, each in probing order (`listOf`). */
  blocked: Lists;
  /** The list in `blocked` of the vectors of date block `block` whose prefix holds token `id`; -1 when none. */
  listOf(id: number, block: number): number;
}

/**
 * The posting lists of `tokens` tokens over the vectors' prefixes, the
 * vectors probing in the order `probes`; `blockOf[k]` is vector k's date
 * block, or -1 when it has none (it is then listed only corpus-wide).
 * Made by counting sorts (stable, so each list stays in probing order).
 */
export function postingsOf(prefixes: Prefixes, probes: Int32Array, blockOf: Int32Array, tokens: number): Postings {
  const count = probes.length;
  const rank = new Int32Array(count);
  probes.forEach((q, r) => {
    rank[q] = r;
  });
  const { start, ids } = prefixes;
  // Corpus-wide: entries by token, each token's in probing order.
  const allStart = starts(ids, tokens);
  const all = new Int32Array(ids.length);
  const allAt = allStart.slice(0, tokens);
  // The blocked entries, in probing order: the vector, and the token, of each prefix token of a vector with a block.
  let blocked = 0;
  for (let k = 0; k < count; k++) if ((blockOf[k] ?? -1) >= 0) blocked += (start[k + 1] ?? 0) - (start[k] ?? 0);
  const byRankVector = new Int32Array(blocked);
  const byRankToken = new Int32Array(blocked);
  let b = 0;
  for (const q of probes) {
    const own = blockOf[q] ?? -1;
    for (let t = start[q] ?? 0; t < (start[q + 1] ?? 0); t++) {
      const id = ids[t] ?? 0;
      all[next(allAt, id)] = q;
      if (own < 0) continue;
      byRankVector[b] = q;
      byRankToken[b] = id;
      b += 1;
    }
  }
  // By block (a stable counting sort), then by token: ordered by token, block, then probing order.
  let blocks = 0;
  for (const x of blockOf) blocks = Math.max(blocks, x + 1);
  const blockAt = starts(
    byRankVector.map((q) => blockOf[q] ?? 0),
    blocks,
  );
  const byBlockVector = new Int32Array(blocked);
  const byBlockToken = new Int32Array(blocked);
  for (let e = 0; e < blocked; e++) {
    const q = byRankVector[e] ?? 0;
    const at = next(blockAt, blockOf[q] ?? 0);
    byBlockVector[at] = q;
    byBlockToken[at] = byRankToken[e] ?? 0;
  }
  const tokenStart = starts(byBlockToken, tokens);
  const entries = new Int32Array(blocked);
  const tokenAt = tokenStart.slice(0, tokens);
  for (let e = 0; e < blocked; e++) entries[next(tokenAt, byBlockToken[e] ?? 0)] = byBlockVector[e] ?? 0;
  // The lists: each token's run of entries split where the block changes.
  const keyBlock: number[] = [];
  const keyStart: number[] = [];
  const tokenKeys = new Int32Array(tokens + 1);
  for (let id = 0; id < tokens; id++) {
    tokenKeys[id] = keyBlock.length;
    for (let e = tokenStart[id] ?? 0; e < (tokenStart[id + 1] ?? 0); e++) {
      const x = blockOf[entries[e] ?? 0] ?? 0;
      if (e === tokenStart[id] || x !== keyBlock[keyBlock.length - 1]) {
        keyBlock.push(x);
        keyStart.push(e);
      }
    }
  }
  tokenKeys[tokens] = keyBlock.length;
  keyStart.push(blocked);
  const listBlock = Int32Array.from(keyBlock);
  const listStart = Int32Array.from(keyStart);
  return {
    rank,
    anywhere: { entries: all, start: allStart },
    blocked: { entries, start: listStart },
    listOf: (id, block) => {
      // Binary search among the token's lists, ordered by block.
      const end = tokenKeys[id + 1] ?? 0;
      let lo = tokenKeys[id] ?? 0;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((listBlock[mid] ?? 0) < block) lo = mid + 1;
        else hi = mid;
      }
      return lo < end && listBlock[lo] === block ? lo : -1;
    },
  };
}

/** Where each key's run starts when `keys` (each below `n`) are sorted, and (at `n`) their count: a counting sort's offsets. */
function starts(keys: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n + 1);
  for (const key of keys) out[key + 1] = (out[key + 1] ?? 0) + 1;
  for (let key = 0; key < n; key++) out[key + 1] = (out[key + 1] ?? 0) + (out[key] ?? 0);
  return out;
}

/** The next free place of `key`'s run, taken. */
function next(at: Int32Array, key: number): number {
  const place = at[key] ?? 0;
  at[key] = place + 1;
  return place;
}
