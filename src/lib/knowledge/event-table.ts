/**
 * The candidates as similarity and merging read them: a compact table built
 * one article at a time, so the corpus's candidate texts are never held
 * together while the pairs are found and merged.
 *
 * Similarity and merging read of a candidate only its dates (relation and
 * readings, with the days they cover), whether it is scheduled, which clause
 * and sentence of which article it comes from (to keep a sentence from
 * merging with itself), and its content tokens. The table keeps these as
 * numbers and shared objects: dates are shared by every candidate with the
 * same relation and readings (they are never changed), clause and sentence
 * are numbered within their article (two candidates can share either only in
 * one article), and tokens are numbered in order of first use, as
 * `vectorsOf` numbers them, into one list of ids (a column store: Abadi et
 * al., "Column-stores vs. row-stores", SIGMOD 2008). The full candidates are
 * made again, article by article, for the groups that become events
 * (events.ts).
 *
 * Pure: no I/O, no clock.
 */
import type { Candidate, CandidateDates, Vectors } from './event-types.ts';

/** Word counts over the corpus's sentences (`DocumentFrequencies`). */
export interface Frequencies {
  readonly df: ReadonlyMap<string, number>;
  readonly docs: number;
}

/** The candidates by position, as similarity and merging read them. */
export interface CandidateTable {
  /** Each candidate's dates; candidates with the same relation and readings share one object. */
  dates: readonly CandidateDates[];
  /** 1 for a candidate stating a schedule. */
  scheduled: Uint8Array;
  /** Equal for two candidates with the same key (the same citation of one article). */
  clause: Int32Array;
  /** Equal for two candidates from the same sentence of one article. */
  place: Int32Array;
}

/**
 * Builds the table and the token lists of `vectorsOf`, one article's
 * candidates at a time (`add`), holding no candidate text.
 */
export class TableBuilder {
  private readonly dates: CandidateDates[] = [];
  private readonly shared = new Map<string, CandidateDates>();
  private readonly scheduled: number[] = [];
  private readonly clause: number[] = [];
  private readonly place: number[] = [];
  private clauses = 0;
  private places = 0;
  private readonly tokens = new TokenNumbers();

  /** How many candidates were added. */
  get length(): number {
    return this.dates.length;
  }

  /** Adds the candidates of one article (all of them at once, as clause and sentence are numbered per article). */
  add(candidates: readonly Candidate[]): void {
    const clauses = new Map<string, number>();
    const places = new Map<string, number>();
    for (const c of candidates) {
      this.dates.push(sharedDates(this.shared, c));
      this.scheduled.push(c.scheduled ? 1 : 0);
      this.clause.push(numberOf(clauses, c.key, () => this.clauses++));
      this.place.push(numberOf(places, c.sentence, () => this.places++));
      this.tokens.add(c.tokens);
    }
  }

  /** The table of every candidate added. */
  table(): CandidateTable {
    return { dates: this.dates, scheduled: Uint8Array.from(this.scheduled), clause: Int32Array.from(this.clause), place: Int32Array.from(this.place) };
  }

  /** The candidates' TF-IDF vectors, as `vectorsOf` makes them. */
  vectors(frequencies: Frequencies): Vectors {
    return this.tokens.vectors(frequencies);
  }
}

/** The number `key` has in `numbers`, given a fresh one from `next` if it has none. */
function numberOf(numbers: Map<string, number>, key: string, next: () => number): number {
  let n = numbers.get(key);
  if (n === undefined) {
    n = next();
    numbers.set(key, n);
  }
  return n;
}

/** The table of the given candidates, made at once (`TableBuilder` makes it article by article). */
export function candidateTable(candidates: readonly Candidate[]): CandidateTable {
  const shared = new Map<string, CandidateDates>();
  const clauses = new Map<string, number>();
  const places = new Map<string, number>();
  return {
    dates: candidates.map((c) => sharedDates(shared, c)),
    scheduled: Uint8Array.from(candidates, (c) => (c.scheduled ? 1 : 0)),
    clause: Int32Array.from(candidates, (c) => numberOf(clauses, `${c.article}\n${c.key}`, () => clauses.size)),
    place: Int32Array.from(candidates, (c) => numberOf(places, `${c.article}\n${c.sentence}`, () => places.size)),
  };
}

/** The candidate's dates, as the object `shared` holds for its relation and readings (made from it when none does). */
function sharedDates(shared: Map<string, CandidateDates>, c: CandidateDates): CandidateDates {
  const key = `${c.relation} ${c.ambiguous ? 'either' : 'one'} ${c.readings.join(' ')}`;
  let dates = shared.get(key);
  if (dates === undefined) {
    dates = { relation: c.relation, ambiguous: c.ambiguous, readings: c.readings, spans: c.spans, judge: c.judge };
    shared.set(key, dates);
  }
  return dates;
}

/**
 * Content tokens numbered in order of first use, each candidate's in the
 * order of its token set, and weighed once every sentence is counted
 * (`vectors`).
 */
export class TokenNumbers {
  private readonly number = new Map<string, number>();
  private readonly words: string[] = [];
  private ids: Int32Array = new Int32Array(1024);
  private count = 0;
  private starts: Int32Array = new Int32Array(1024);
  private rows = 0;

  /** Adds the next candidate's tokens. */
  add(tokens: Iterable<string>): void {
    for (const w of tokens) {
      let id = this.number.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.number.set(w, id);
        this.words.push(w);
      }
      if (this.count === this.ids.length) this.ids = grown(this.ids);
      this.ids[this.count++] = id;
    }
    this.rows += 1;
    if (this.rows === this.starts.length) this.starts = grown(this.starts);
    this.starts[this.rows] = this.count;
  }

  /**
   * The vectors: each token weighed log(1 + N / df), where df counts the
   * sentences holding the word (N of them); a token no sentence holds (an
   * entity id) weighs log(1 + N). Norms are summed in token order.
   */
  vectors({ df, docs }: Frequencies): Vectors {
    const weight = Float64Array.from(this.words, (w) => {
      const n = df.get(w);
      return Math.log(1 + (n === undefined ? docs : docs / n));
    });
    const start = this.starts.slice(0, this.rows + 1);
    const ids = this.ids.slice(0, this.count);
    const norm2 = new Float64Array(this.rows);
    for (let k = 0; k < this.rows; k++) {
      for (let t = start[k] ?? 0; t < (start[k + 1] ?? 0); t++) {
        const x = weight[ids[t] ?? 0] ?? 1;
        norm2[k] = (norm2[k] ?? 0) + x * x;
      }
    }
    return { start, ids, weight, norm2 };
  }
}

/** The array with twice the room, its entries kept. */
function grown(a: Int32Array): Int32Array {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}
