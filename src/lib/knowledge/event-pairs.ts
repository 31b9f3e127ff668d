/**
 * Pairs of candidate citations with their cosine, stored compactly and
 * visited in merge order.
 *
 * A corpus gives up to `MAX_PROPOSED` pairs per citation (event-similarity.ts),
 * tens of millions at 100,000 articles, so the pairs are held in typed arrays
 * of chunks (16 bytes a pair; chunks grow to at most `PAIR_CHUNK`): growing
 * never copies what is held, and ordering needs no second array. Merge order
 * (most similar first, then by i, then by j) is reached by sorting each chunk
 * in place and merging the chunks' sorted runs with a binary heap (Knuth,
 * TAOCP vol. 3, 5.4.1, multiway merging), so its extra memory is a few
 * numbers per chunk.
 *
 * The order is total on (sim, i, j): two pairs equal in all three cannot be
 * told apart, so any correct sort gives the same sequence of pairs.
 *
 * Pure: no I/O, no clock.
 */

/** The most pairs a chunk holds: 16 MB of arrays when full. */
export const PAIR_CHUNK = 1 << 20;
/** The fewest pairs a chunk holds: chunks grow from this to `PAIR_CHUNK` as pairs are added, so few pairs take little room. */
const FIRST_CHUNK = 1 << 14;

/** One chunk's parallel arrays; the first `length` entries hold pairs. */
interface Chunk {
  i: Int32Array;
  j: Int32Array;
  sim: Float64Array;
  length: number;
}

/** A chunk holding nothing. */
const EMPTY: Chunk = { i: new Int32Array(0), j: new Int32Array(0), sim: new Float64Array(0), length: 0 };

/** A pair as visited: candidates i < j (by position) and their cosine. */
export type PairVisitor = (i: number, j: number, sim: number) => void;

/** Pairs of candidates (i < j, by position) with their cosine, in chunks of parallel typed arrays. */
export class Pairs {
  private readonly chunks: Chunk[] = [];
  /** How many pairs are held. */
  length = 0;

  private readonly chunkSize: number;

  /** `chunkSize`: the most pairs per chunk (`PAIR_CHUNK`; smaller in tests, to exercise the merge of chunks). */
  constructor(chunkSize: number = PAIR_CHUNK) {
    this.chunkSize = chunkSize;
  }

  /** Pairs from parallel lists (for tests and small inputs). */
  static of(i: readonly number[], j: readonly number[], sim: readonly number[], chunkSize?: number): Pairs {
    const out = new Pairs(chunkSize);
    i.forEach((x, k) => out.push(x, j[k] ?? 0, sim[k] ?? 0));
    return out;
  }

  /** Adds the pair (i, j) with cosine `sim`. */
  push(i: number, j: number, sim: number): void {
    let chunk = this.chunks[this.chunks.length - 1];
    if (chunk === undefined || chunk.length === chunk.i.length) {
      // As large as all the chunks before, within FIRST_CHUNK and the chunk size.
      const size = Math.min(this.chunkSize, Math.max(FIRST_CHUNK, this.length));
      chunk = { i: new Int32Array(size), j: new Int32Array(size), sim: new Float64Array(size), length: 0 };
      this.chunks.push(chunk);
    }
    const k = chunk.length;
    chunk.i[k] = i;
    chunk.j[k] = j;
    chunk.sim[k] = sim;
    chunk.length = k + 1;
    this.length += 1;
  }

  /** Visits every pair in the order pushed. */
  forEach(visit: PairVisitor): void {
    for (const c of this.chunks) for (let k = 0; k < c.length; k++) visit(c.i[k] ?? 0, c.j[k] ?? 0, c.sim[k] ?? 0);
  }

  /**
   * Visits every pair in merge order, once: most similar first, then by i,
   * then by j. Sorts each chunk in place, then merges the chunks' runs
   * through a heap of chunk numbers keyed by each run's next pair; then lets
   * the pairs go (none is held after).
   */
  inMergeOrder(visit: PairVisitor): void {
    for (const c of this.chunks) sortChunk(c);
    const chunks = this.chunks.filter((c) => c.length > 0);
    this.chunks.length = 0;
    this.length = 0;
    const at = new Int32Array(chunks.length);
    // True when chunk a's next pair comes before chunk b's.
    const before = (a: number, b: number): boolean => {
      const x = chunks[a]!;
      const y = chunks[b]!;
      const p = at[a] ?? 0;
      const q = at[b] ?? 0;
      const sx = x.sim[p] ?? 0;
      const sy = y.sim[q] ?? 0;
      if (sx !== sy) return sx > sy;
      const ix = x.i[p] ?? 0;
      const iy = y.i[q] ?? 0;
      return ix !== iy ? ix < iy : (x.j[p] ?? 0) < (y.j[q] ?? 0);
    };
    const heap = Int32Array.from(chunks.keys());
    let size = heap.length;
    const down = (from: number): void => {
      let k = from;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= size) return;
        const r = l + 1;
        const child = r < size && before(heap[r] ?? 0, heap[l] ?? 0) ? r : l;
        if (!before(heap[child] ?? 0, heap[k] ?? 0)) return;
        const swap = heap[k] ?? 0;
        heap[k] = heap[child] ?? 0;
        heap[child] = swap;
        k = child;
      }
    };
    for (let k = (size >> 1) - 1; k >= 0; k--) down(k);
    while (size > 0) {
      const c = heap[0] ?? 0;
      const chunk = chunks[c]!;
      const p = at[c] ?? 0;
      visit(chunk.i[p] ?? 0, chunk.j[p] ?? 0, chunk.sim[p] ?? 0);
      at[c] = p + 1;
      if (p + 1 === chunk.length) {
        // A chunk read through is let go at once.
        chunks[c] = EMPTY;
        size -= 1;
        heap[0] = heap[size] ?? 0;
      }
      down(0);
    }
  }
}

/** Runs this short are finished by insertion sort. */
const INSERTION = 16;

/**
 * Sorts a chunk's pairs in place into merge order: quicksort (Hoare's
 * partition around a median of three), recursing into the smaller side so the
 * stack stays logarithmic, with insertion sort for short runs.
 */
function sortChunk(chunk: Chunk): void {
  const { i, j, sim } = chunk;
  const swap = (a: number, b: number): void => {
    const si = i[a] ?? 0;
    i[a] = i[b] ?? 0;
    i[b] = si;
    const sj = j[a] ?? 0;
    j[a] = j[b] ?? 0;
    j[b] = sj;
    const ss = sim[a] ?? 0;
    sim[a] = sim[b] ?? 0;
    sim[b] = ss;
  };
  // The order of pair a against the key (s, x, y): negative when a comes first.
  const order = (a: number, s: number, x: number, y: number): number => {
    const sa = sim[a] ?? 0;
    if (sa !== s) return sa > s ? -1 : 1;
    const ia = i[a] ?? 0;
    if (ia !== x) return ia - x;
    return (j[a] ?? 0) - y;
  };
  const before = (a: number, b: number): boolean => order(a, sim[b] ?? 0, i[b] ?? 0, j[b] ?? 0) < 0;
  const sort = (from: number, to: number): void => {
    let lo = from;
    let hi = to;
    while (hi - lo > INSERTION) {
      const mid = (lo + hi) >>> 1;
      if (before(mid, lo)) swap(mid, lo);
      if (before(hi, lo)) swap(hi, lo);
      if (before(hi, mid)) swap(hi, mid);
      const s = sim[mid] ?? 0;
      const x = i[mid] ?? 0;
      const y = j[mid] ?? 0;
      let a = lo;
      let b = hi;
      while (a <= b) {
        while (order(a, s, x, y) < 0) a += 1;
        while (order(b, s, x, y) > 0) b -= 1;
        if (a <= b) {
          swap(a, b);
          a += 1;
          b -= 1;
        }
      }
      if (b - lo < hi - a) {
        sort(lo, b);
        lo = a;
      } else {
        sort(a, hi);
        hi = b;
      }
    }
    for (let k = lo + 1; k <= hi; k++) for (let m = k; m > lo && before(m, m - 1); m--) swap(m, m - 1);
  };
  sort(0, chunk.length - 1);
}
