/**
 * compromise's tagger, run the way `entities.ts` needs it: the same tags as
 * `nlp(input)` gives, for less work.
 *
 * - `tagDocument` runs every compute hook of `nlp()` except `chunks`, which
 *   only sets each term's `chunk` (noun, verb… phrase) for the chunk
 *   methods (`doc.chunks()`, `<Noun>` in a match); it never sets a tag, and
 *   the views `entities.ts` reads (`people()`, `organizations()`,
 *   `places()`, `#ProperNoun+`, `#Acronym`) match on tags and words only.
 * - The sweep (`methods.one.bulkMatch`, the pass that tries compromise's
 *   hundreds of post-tagger rules on each sentence) is replaced by one that
 *   returns the same matches in the same order: compromise's
 *   `1-one/sweep/methods/sweep` (14.17), except that a sentence's candidate
 *   rules are gathered from the hook keys its terms have (a few dozen),
 *   taken in the net's key order, rather than by testing each of the net's
 *   keys (over a thousand) against the sentence. The rest (the needs, ifNo
 *   and wants filter, the word-count filter, running the matches) is
 *   compromise's code as it is.
 *
 * compromise is one module per process; the sweep is replaced for its every
 * user, with the same results.
 */
import nlp from 'compromise';

/** compromise's internals this file uses (its `world`, untyped in its declarations). */
interface CompromiseWorld {
  hooks: string[];
  methods: { one: { bulkMatch: BulkMatch; match: (docs: unknown[][], m: MatchRule) => { ptrs: number[][] }; cacheDoc: (document: unknown[][]) => Set<string>[] } };
}

/** One rule of a net (`methods.one.buildNet`), as the sweep reads it. */
interface MatchRule {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

interface Net {
  hooks: Record<string, MatchRule[]>;
  always: MatchRule[];
}

type BulkMatch = (document: unknown[][], net: Net, methods: CompromiseWorld['methods'], opts?: { matchOne?: boolean }) => Record<string, unknown>[];

const world = nlp.world() as unknown as CompromiseWorld;

/** The hooks `tagDocument` runs: `nlp()`'s, in its order, without `chunks`. */
const TAG_HOOKS = world.hooks.filter((hook) => hook !== 'chunks');

/** compromise's View class (what `nlp()` returns an instance of). */
const View = nlp('').constructor as new (document: unknown[][]) => ReturnType<typeof nlp>;

/**
 * compromise's tags on sentences already split into terms (each as
 * `methods.one.tokenize.fromString` gives them): the document `nlp()` would
 * make of them, tagged, without the chunker (see the file comment).
 */
export function tagDocument(sentences: readonly unknown[][]): ReturnType<typeof nlp> {
  const doc = new View(sentences.map((terms) => [...terms]));
  doc.compute(TAG_HOOKS);
  return doc;
}

/** Each net's hook keys in `Object.keys` order, by key: the order compromise's sweep takes them in. */
const KEY_ORDER = new WeakMap<Record<string, MatchRule[]>, { keys: string[]; rank: Map<string, number> }>();

function keyOrder(hooks: Record<string, MatchRule[]>): { keys: string[]; rank: Map<string, number> } {
  let order = KEY_ORDER.get(hooks);
  if (!order) {
    const keys = Object.keys(hooks);
    order = { keys, rank: new Map(keys.map((k, i) => [k, i])) };
    KEY_ORDER.set(hooks, order);
  }
  return order;
}

/** compromise's `getHooks`: per sentence, the rules hooked on any of its cache keys, by key order, each rule (by its match) once. */
function getHooks(docCache: readonly Set<string>[], hooks: Record<string, MatchRule[]>): MatchRule[][] {
  const { keys, rank } = keyOrder(hooks);
  return docCache.map((have) => {
    const present: number[] = [];
    for (const item of have) {
      const r = rank.get(item);
      if (r !== undefined) present.push(r);
    }
    present.sort((a, b) => a - b);
    const seen = new Set<string>();
    const maybe: MatchRule[] = [];
    for (const r of present) {
      for (const m of hooks[keys[r]!]!) {
        if (seen.has(m.match)) continue;
        seen.add(m.match);
        maybe.push(m);
      }
    }
    return maybe;
  });
}

/** compromise's `localTrim`: the rules whose needs the sentence has, none of whose ifNo it has, and enough of whose wants. */
function trimDown(maybeList: MatchRule[][], docCache: readonly Set<string>[]): MatchRule[][] {
  return maybeList.map((list, n) => {
    const haves = docCache[n]!;
    return list.filter(
      (obj) =>
        obj.needs.every((need) => haves.has(need)) &&
        !(obj.ifNo !== undefined && obj.ifNo.some((no) => haves.has(no))) &&
        (obj.wants.length === 0 || obj.wants.filter((str) => haves.has(str)).length >= obj.minWant),
    );
  });
}

/** compromise's sweep (`bulkMatch`), with the `getHooks` above. */
const bulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const docCache = methods.one.cacheDoc(document);
  let maybeList = trimDown(getHooks(docCache, net.hooks), docCache);
  if (net.always.length > 0) maybeList = maybeList.map((list) => list.concat(net.always));
  maybeList = maybeList.map((list, i) => list.filter((o) => document[i]!.length >= o.minWords));
  const results: Record<string, unknown>[] = [];
  for (let n = 0; n < maybeList.length; n += 1) {
    for (const m of maybeList[n]!) {
      const res = methods.one.match([document[n]!], m);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo: Record<string, unknown> = { ...m, pointer: ptr };
        if (m.unTag !== undefined) todo.unTag = m.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]!];
    }
  }
  return results;
};

world.methods.one.bulkMatch = bulkMatch;
