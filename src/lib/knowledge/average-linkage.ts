/**
 * Average linkage (UPGMA; Sokal and Michener 1958) over a sparse graph of
 * links: groups of items join, most tightly linked first, while the links
 * between two groups are at least `density` of the pairs they could have
 * (links ÷ (size × size), sizes counted in items). A pair never compared
 * counts as unlinked, so the graph may hold as few links as the caller finds.
 *
 * Why not single linkage: over a growing corpus a handful of links between
 * two subjects (a general article alike to both, a blog post that touches
 * on each) chains them into one, and at a thousand articles of four unrelated
 * subjects every article ended up in one topic. Average linkage asks two
 * groups for links in proportion to their sizes, so such stray links only
 * ever draw a lone article in.
 *
 * The merge order is exact and deterministic: the densest pair first,
 * compared as integers (links × sizes), ties by the lower group numbers; a
 * group is numbered by its lowest item. Average linkage is reducible (a
 * merged group's density with a third is a weighted mean of its parts'), so
 * once the densest pair is under the bound no later one can pass it.
 */

/** A candidate merge as it stood when queued; stale once either group changed. */
interface Entry {
  a: number;
  b: number;
  links: number;
  sizeA: number;
  sizeB: number;
}

/** True when `x` merges before `y`: denser (as exact integers), then lower group numbers. */
function before(x: Entry, y: Entry): boolean {
  const dx = x.links * y.sizeA * y.sizeB;
  const dy = y.links * x.sizeA * x.sizeB;
  if (dx !== dy) return dx > dy;
  return x.a !== y.a ? x.a < y.a : x.b < y.b;
}

/** A binary heap of entries, the one that merges first on top. */
class MergeQueue {
  private readonly items: Entry[] = [];

  get size(): number {
    return this.items.length;
  }

  push(entry: Entry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      const parent = items[up] as Entry;
      if (!before(entry, parent)) break;
      items[i] = parent;
      i = up;
    }
    items[i] = entry;
  }

  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const child = r < items.length && before(items[r] as Entry, items[l] as Entry) ? r : l;
      if (!before(items[child] as Entry, last)) break;
      items[i] = items[child] as Entry;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * The group of each item (numbered by the group's lowest item) after average
 * linkage at `density`. `sizes[i]` is how many units item i stands for (a
 * story's articles); `links` holds linked pairs of units between two items,
 * flat (`x0, y0, x1, y1, …`): the same two items may be linked several
 * times, once per pair of their units.
 */
export function averageLinkage(sizes: readonly number[], links: Int32Array, density: number): Int32Array {
  const n = sizes.length;
  const size = Float64Array.from(sizes, (s) => Math.max(1, s));
  const adjacent: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let k = 0; k + 1 < links.length; k += 2) {
    const x = links[k] ?? -1;
    const y = links[k + 1] ?? -1;
    if (x === y || x < 0 || y < 0 || x >= n || y >= n) continue;
    const ax = adjacent[x] as Map<number, number>;
    const ay = adjacent[y] as Map<number, number>;
    ax.set(y, (ax.get(y) ?? 0) + 1);
    ay.set(x, (ay.get(x) ?? 0) + 1);
  }
  const queue = new MergeQueue();
  const offer = (a: number, b: number, count: number): void => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    queue.push({ a: lo, b: hi, links: count, sizeA: size[lo] ?? 1, sizeB: size[hi] ?? 1 });
  };
  adjacent.forEach((map, a) => {
    for (const [b, count] of map) if (a < b) offer(a, b, count);
  });
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  while (queue.size > 0) {
    const e = queue.pop() as Entry;
    const { a, b } = e;
    if (parent[a] !== a || parent[b] !== b || size[a] !== e.sizeA || size[b] !== e.sizeB || adjacent[a]?.get(b) !== e.links) continue;
    if (e.links < density * e.sizeA * e.sizeB) break;
    // b joins a (the lower number); the larger neighbour list is kept and the smaller folded into it.
    const la = adjacent[a] as Map<number, number>;
    const lb = adjacent[b] as Map<number, number>;
    la.delete(b);
    lb.delete(a);
    const [kept, folded] = la.size >= lb.size ? [la, lb] : [lb, la];
    for (const [c, count] of folded) kept.set(c, (kept.get(c) ?? 0) + count);
    for (const c of lb.keys()) adjacent[c]?.delete(b);
    adjacent[a] = kept;
    adjacent[b] = new Map();
    parent[b] = a;
    size[a] = (size[a] ?? 1) + (size[b] ?? 1);
    for (const [c, count] of kept) {
      adjacent[c]?.set(a, count);
      offer(a, c, count);
    }
  }
  // Each item's group: follow joins up to the group that was never joined to another.
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    group[i] = r;
  }
  return group;
}

/**
 * The distinct pairs among keys `x × n + y` (each below 2⁵³), in key order,
 * flat as `averageLinkage` takes them. A `Float64Array` of keys is sorted in
 * place (no copy of a list that may hold tens of millions).
 */
export function uniquePairs(keys: readonly number[] | Float64Array, n: number): Int32Array {
  const sorted = keys instanceof Float64Array ? keys.sort() : Float64Array.from(keys).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct += 1;
  const out = new Int32Array(2 * distinct);
  let k = 0;
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] ?? 0;
    if (i > 0 && key === sorted[i - 1]) continue;
    out[k++] = Math.floor(key / n);
    out[k++] = key % n;
  }
  return out;
}

/** A growing list of pair keys (`x × n + y`), 8 bytes a key: a plain array of such numbers holds each boxed once they pass 2³¹. */
export class PairKeys {
  private keys = new Float64Array(1024);
  private size = 0;

  push(key: number): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.size++] = key;
  }

  /** The keys pushed, handed over (the list is left empty). */
  take(): Float64Array {
    const taken = this.keys.subarray(0, this.size);
    this.keys = new Float64Array(0);
    this.size = 0;
    return taken;
  }
}

/**
 * Each item's `k` strongest links among those offered (stronger: higher
 * score, then lower other item), so the graph `averageLinkage` reads grows
 * with the items, not with the pairs that pass a threshold (the k-nearest-
 * neighbour graph of spectral and graph clustering; von Luxburg 2007). The
 * links kept are the same whatever order they are offered in, and a pair
 * offered twice is kept once.
 */
export class StrongestLinks {
  private readonly n: number;
  private readonly k: number;
  private readonly others: Int32Array;
  private readonly scores: Float64Array;
  private readonly counts: Int32Array;

  constructor(n: number, k: number) {
    this.n = n;
    this.k = k;
    this.others = new Int32Array(n * k);
    this.scores = new Float64Array(n * k);
    this.counts = new Int32Array(n);
  }

  /** Offers the link between items x and y with its score. */
  offer(x: number, y: number, score: number): void {
    if (x === y) return;
    this.keep(x, y, score);
    this.keep(y, x, score);
  }

  private keep(x: number, y: number, score: number): void {
    const { k, others, scores, counts } = this;
    const base = x * k;
    const count = counts[x] ?? 0;
    let weakest = -1;
    for (let i = base; i < base + count; i++) {
      if (others[i] === y) return;
      if (weakest < 0 || (scores[i] ?? 0) < (scores[weakest] ?? 0) || ((scores[i] ?? 0) === (scores[weakest] ?? 0) && (others[i] ?? 0) > (others[weakest] ?? 0))) weakest = i;
    }
    if (count < k) {
      others[base + count] = y;
      scores[base + count] = score;
      counts[x] = count + 1;
      return;
    }
    const w = scores[weakest] ?? 0;
    if (score > w || (score === w && y < (others[weakest] ?? 0))) {
      others[weakest] = y;
      scores[weakest] = score;
    }
  }

  /** The links kept by either end, each once, flat and in order (lower item first), as `averageLinkage` takes them. */
  links(): Int32Array {
    const keys = new PairKeys();
    for (let x = 0; x < this.n; x++) {
      const base = x * this.k;
      for (let i = base; i < base + (this.counts[x] ?? 0); i++) {
        const y = this.others[i] ?? 0;
        keys.push(x < y ? x * this.n + y : y * this.n + x);
      }
    }
    return uniquePairs(keys.take(), this.n);
  }
}
