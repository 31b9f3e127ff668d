/**
 * The shapes the event stage hands from step to step: a candidate citation
 * (made by event-candidates.ts, read whole by building, and as its
 * `CandidateDates` and the numbers of event-table.ts by similarity and
 * merging) and the date it holds others to (`Judge`), the TF-IDF vectors
 * (event-similarity.ts) that merging reads beside the similar pairs
 * (event-pairs.ts), and the counts of work done.
 *
 * They stand apart from the steps so that each step imports them from here
 * and no two steps need to import each other: the modules of the event stage
 * form no import cycle.
 */
import type { Dated } from './event-calendar.ts';

/**
 * A citation an article may give: a dated clause cut from one of its
 * sentences, or a bound or anniversary derived from such a sentence, with
 * its readings, its content tokens, and the entity names its sentence holds.
 */
export interface Candidate {
  key: string;
  article: string;
  published: string | undefined;
  paragraph: number;
  sentence: string;
  temporal: string;
  clause: string;
  summary: string;
  /** Readings the text allows: one when it is certain. */
  readings: string[];
  ambiguous: boolean;
  relation: 'on' | 'on-or-before' | 'on-or-after';
  rule: string;
  derived: boolean;
  note: string | undefined;
  scheduled: boolean;
  news: boolean;
  tokens: Set<string>;
  /** The entity names its sentence holds (surface words and entity id), for `supportWords`. */
  names: readonly { text: string; entity: string }[];
  /** `readings` with the days each covers. */
  spans: Dated[];
  /** The first reading, with its relation: what this citation holds others to. */
  judge: Judge;
}

/** What dating and merging read of a candidate's dates: its relation and readings, with the days they cover. */
export type CandidateDates = Pick<Candidate, 'relation' | 'ambiguous' | 'readings' | 'spans' | 'judge'>;

/** Something an ambiguous reading must agree with: a certain reading (`on`) or a bound. */
export interface Judge extends Dated {
  relation: Candidate['relation'];
}

/**
 * The candidates' content tokens, numbered, for cosine similarity with each
 * token weighted by its inverse document frequency (`weight`, by number).
 * Candidate k's tokens are `ids[start[k]]` to `ids[start[k + 1] - 1]`, in the
 * order of its token set; sums run over the earlier candidate's tokens in
 * that order, so a cosine comes out the same to the last bit however its pair
 * was found.
 */
export interface Vectors {
  start: Int32Array;
  ids: Int32Array;
  weight: Float64Array;
  /** Each candidate's sum of squared weights, in token order. */
  norm2: Float64Array;
}

/** Counts of the work `findEvents` did, for tests and benchmarks that watch how it grows. */
export interface EventStats {
  /** Citations considered: dated clauses, and the bounds and anniversaries derived from them. */
  candidates: number;
  /** Pairs of citations compared (all pairs would be candidates × (candidates − 1) / 2). */
  comparisons: number;
  /** Citations that reached `MAX_COMPARED` or had more than `MAX_PROPOSED` pairs to propose; while it is 0, every pair that could merge was tried. */
  capped: number;
  /** Pairs similar enough, with dates that allow it, to be tried as a merge. */
  pairs: number;
  /** Merges judged: pairs whose citations stood in different groups when their turn came. */
  judged: number;
}
