/**
 * Pairs of candidate citations with their cosine, stored compactly and
 * visited in merge order.
 *
 * A corpus gives up to `MAX_PROPOSED` pairs per citation (event-similarity.ts),
 * tens of millions at 100,000 articles, so a pair is held in 4 bytes: the
 * pairs a citation proposes form its row, and each entry of a row packs the
 * partner's number with a coarse key of the cosine (`keyOf`: a bucket of
 * [floor, 1], most similar first). The cosine itself is not held: `exact`
 * gives it again when the pair's bucket is visited, summed in the fixed order
 * of event-similarity.ts, so to the last bit the cosine the pair was found
 * with. Rows are held in chunks of typed arrays (each row in one chunk), so
 * growing never copies what is held.
 *
 * Merge order (most similar first, then by i, then by j) is reached with a
 * bucket queue (Dial, "Shortest-path forest with topological ordering",
 * CACM 12(11), 1969): each row is sorted by key when added, every row waits
 * in the list of its next entry's key, and the keys are taken in order; a
 * key's pairs, from every row waiting under it, are sorted by exact cosine,
 * then i, then j, and visited. Keys never increase as the cosine grows, so a
 * pair under an earlier key is never less similar than one under a later key:
 * only pairs under one key need their exact cosines compared. The extra
 * memory is a few numbers per citation and the pairs of one key.
 *
 * The order is total on (sim, i, j), and a pair is held once, so any correct
 * sort gives the same sequence of pairs.
 *
 * Pure: no I/O, no clock.
 */

/** The most entries a chunk holds: 4 MB of array when full. */
export const PAIR_CHUNK = 1 << 20;
/** The fewest entries a chunk holds: chunks grow from this to `PAIR_CHUNK` as pairs are added, so few pairs take little room. */
const FIRST_CHUNK = 1 << 14;
/** The most bits of an entry that hold the key: 65,536 buckets, so the pairs of one key are few unless their cosines are equal. */
const MAX_KEY_BITS = 16;

/** A pair as visited: candidates i < j (by position) and their cosine. */
export type PairVisitor = (i: number, j: number, sim: number) => void;

/** The cosine of candidates i < j, exactly as the pair was found with it. */
export type ExactCosine = (i: number, j: number) => number;

/** How pairs are held; the defaults suit the corpus (smaller values in tests, to exercise chunks and shared keys). */
export interface PairOptions {
  /** The least cosine a pair has (lower ones share the last key): keys spread over [floor, 1]. */
  floor?: number;
  /** The most entries per chunk (`PAIR_CHUNK`). */
  chunkSize?: number;
  /** The most bits of an entry that hold the key (`MAX_KEY_BITS`); 0 puts every pair under one key. */
  keyBits?: number;
}

/** Pairs of candidates (i < j, by position), held as each candidate's row of partners with coarse keys of the cosine. */
export class Pairs {
  /** How many pairs are held. */
  length = 0;

  private readonly count: number;
  private readonly exact: ExactCosine;
  private readonly chunkSize: number;
  /** 2 ** (the bits that hold the partner's number): an entry is key * base + partner. */
  private readonly base: number;
  /** How many keys there are. */
  private readonly keys: number;
  /** Cosines from `floor` to 1 spread over keys 1 to keys - 1 at this many keys per unit. */
  private readonly scale: number;
  private chunks: Uint32Array[] = [];
  /** Each chunk's entries in use, then (while visiting) its entries not yet visited. */
  private used: number[] = [];
  /** Each candidate's row: its chunk (-1 for none), its first entry not yet visited, and how many are left. */
  private readonly rowChunk: Int32Array;
  private readonly rowAt: Int32Array;
  private readonly rowLength: Int32Array;

  /** Pairs among `count` candidates, whose cosines `exact` gives. */
  constructor(count: number, exact: ExactCosine, options: PairOptions = {}) {
    this.count = count;
    this.exact = exact;
    this.chunkSize = options.chunkSize ?? PAIR_CHUNK;
    const partnerBits = 32 - Math.clz32(Math.max(1, count - 1));
    const keyBits = Math.max(0, Math.min(options.keyBits ?? MAX_KEY_BITS, MAX_KEY_BITS, 32 - partnerBits));
    this.base = 2 ** partnerBits;
    this.keys = 2 ** keyBits;
    this.scale = Math.max(0, this.keys - 1) / Math.max(1e-9, 1 - (options.floor ?? 0));
    this.rowChunk = new Int32Array(count).fill(-1);
    this.rowAt = new Int32Array(count);
    this.rowLength = new Int32Array(count);
  }

  /** Pairs from parallel lists of distinct pairs i < j (for tests and small inputs); `exact` reads the listed cosines. */
  static of(i: readonly number[], j: readonly number[], sim: readonly number[], options: PairOptions = {}): Pairs {
    const count = Math.max(0, ...i, ...j) + 1;
    const given = new Map<number, number>();
    const rows = new Map<number, number[]>();
    i.forEach((x, k) => {
      const y = j[k] ?? 0;
      given.set(x * count + y, sim[k] ?? 0);
      rows.set(y, [...(rows.get(y) ?? []), x]);
    });
    const out = new Pairs(count, (x, y) => given.get(x * count + y) ?? 0, options);
    for (const [y, xs] of [...rows].sort(([a], [b]) => a - b)) {
      out.addRow(
        y,
        xs,
        xs.map((x) => given.get(x * count + y) ?? 0),
      );
    }
    return out;
  }

  /**
   * The key of a cosine: 0 for 1 and above, then higher as the cosine is
   * lower, down to `floor` and below (the last key). Never lower for a lower
   * cosine: subtraction, multiplication by a positive number and rounding up
   * are each monotone.
   */
  keyOf(sim: number): number {
    if (sim >= 1) return 0;
    return Math.min(this.keys - 1, Math.max(1, Math.ceil((1 - sim) * this.scale)));
  }

  /**
   * Adds the pairs candidate q proposes: with each of `others` (none of them
   * q, each pair proposed by one candidate only), at the cosine in `sims`.
   * A candidate has one row, so its pairs are added at once.
   */
  addRow(q: number, others: ArrayLike<number>, sims: ArrayLike<number>): void {
    const n = others.length;
    if (n === 0) return;
    if ((this.rowChunk[q] ?? 0) >= 0) throw new Error(`internal: candidate ${q} proposed pairs twice`);
    let c = this.chunks.length - 1;
    let chunk = this.chunks[c];
    if (chunk === undefined || (this.used[c] ?? 0) + n > chunk.length) {
      // As large as all the chunks before, within FIRST_CHUNK and the chunk size, and never smaller than the row.
      chunk = new Uint32Array(Math.max(n, Math.min(this.chunkSize, Math.max(FIRST_CHUNK, this.length))));
      this.chunks.push(chunk);
      this.used.push(0);
      c += 1;
    }
    const at = this.used[c] ?? 0;
    for (let k = 0; k < n; k++) chunk[at + k] = this.keyOf(sims[k] ?? 0) * this.base + (others[k] ?? 0);
    chunk.subarray(at, at + n).sort();
    this.used[c] = at + n;
    this.rowChunk[q] = c;
    this.rowAt[q] = at;
    this.rowLength[q] = n;
    this.length += n;
  }

  /** Visits every pair, row by row (candidates in the order added), each row by key. */
  forEach(visit: PairVisitor): void {
    const rows = Array.from({ length: this.count }, (_, q) => q)
      .filter((q) => (this.rowChunk[q] ?? -1) >= 0)
      .sort((a, b) => (this.rowChunk[a] ?? 0) - (this.rowChunk[b] ?? 0) || (this.rowAt[a] ?? 0) - (this.rowAt[b] ?? 0));
    for (const q of rows) {
      const chunk = this.chunks[this.rowChunk[q] ?? 0]!;
      const at = this.rowAt[q] ?? 0;
      for (let k = at; k < at + (this.rowLength[q] ?? 0); k++) {
        const other = (chunk[k] ?? 0) % this.base;
        const [i, j] = other < q ? [other, q] : [q, other];
        visit(i, j, this.exact(i, j));
      }
    }
  }

  /**
   * Visits every pair in merge order, once: most similar first, then by i,
   * then by j (see the module's comment); lets each chunk go once its pairs
   * are visited, and holds none after.
   */
  inMergeOrder(visit: PairVisitor): void {
    const { base, chunks, used, rowChunk, rowAt, rowLength } = this;
    const waiting = new Int32Array(this.keys).fill(-1);
    const next = new Int32Array(this.count);
    const wait = (q: number): void => {
      const key = Math.floor((chunks[rowChunk[q] ?? 0]?.[rowAt[q] ?? 0] ?? 0) / base);
      next[q] = waiting[key] ?? -1;
      waiting[key] = q;
    };
    for (let q = 0; q < this.count; q++) if ((rowLength[q] ?? 0) > 0) wait(q);
    const bucket = new Run();
    for (let key = 0; key < this.keys; key++) {
      bucket.length = 0;
      for (let q = waiting[key] ?? -1; q >= 0; ) {
        const after = next[q] ?? -1;
        const c = rowChunk[q] ?? 0;
        const chunk = chunks[c]!;
        let at = rowAt[q] ?? 0;
        let left = rowLength[q] ?? 0;
        for (; left > 0; at++, left--) {
          const entry = chunk[at] ?? 0;
          if (Math.floor(entry / base) !== key) break;
          const other = entry - key * base;
          bucket.push(Math.min(other, q), Math.max(other, q));
        }
        used[c] = (used[c] ?? 0) - (at - (rowAt[q] ?? 0));
        // A chunk whose pairs are all visited is let go at once.
        if (used[c] === 0) chunks[c] = EMPTY;
        rowAt[q] = at;
        rowLength[q] = left;
        if (left > 0) wait(q);
        q = after;
      }
      waiting[key] = -1;
      for (let k = 0; k < bucket.length; k++) bucket.sim[k] = this.exact(bucket.i[k] ?? 0, bucket.j[k] ?? 0);
      sortRun(bucket);
      for (let k = 0; k < bucket.length; k++) visit(bucket.i[k] ?? 0, bucket.j[k] ?? 0, bucket.sim[k] ?? 0);
    }
    this.chunks = [];
    this.used = [];
    this.rowChunk.fill(-1);
    this.length = 0;
  }
}

/** A chunk whose pairs are all visited. */
const EMPTY = new Uint32Array(0);

/** The pairs of one key as parallel arrays, growing as pairs are pushed; the first `length` entries hold pairs. */
class Run {
  i = new Int32Array(1024);
  j = new Int32Array(1024);
  sim = new Float64Array(1024);
  length = 0;

  push(i: number, j: number): void {
    if (this.length === this.i.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const out = make(a.length * 2);
        out.set(a);
        return out;
      };
      this.i = grow(this.i, (n) => new Int32Array(n));
      this.j = grow(this.j, (n) => new Int32Array(n));
      this.sim = grow(this.sim, (n) => new Float64Array(n));
    }
    this.i[this.length] = i;
    this.j[this.length] = j;
    this.length += 1;
  }
}

/** Runs this short are finished by insertion sort. */
const INSERTION = 16;

/**
 * Sorts a run's pairs in place into merge order: quicksort (Hoare's
 * partition around a median of three), recursing into the smaller side so the
 * stack stays logarithmic, with insertion sort for short runs.
 */
function sortRun(run: Run): void {
  const { i, j, sim } = run;
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
  sort(0, run.length - 1);
}
