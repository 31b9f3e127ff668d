/**
 * Article texts read as weighted words: what each article of a corpus says,
 * as stemmed content-word counts over the whole text and over its lede, its
 * proper names, and its body's shingles, and TF-IDF vectors over those
 * counts.
 *
 * Method: TF-IDF (log-scaled term counts, smoothed inverse document
 * frequency over the articles' whole texts, vectors of unit length) so that
 * two articles score high on the rare words they share and low on the words
 * every article uses; the cosine of two such vectors is their dot product.
 * The lede (headline, standfirst and first paragraphs) is weighed on its own
 * because news says what happened there, and background paragraphs repeat
 * across a running subject's articles.
 *
 * A text repeated by several articles (copies are common) is read once
 * (`TextReading`), and each word is stemmed once per corpus (`remembered`):
 * reading is the costly part of clustering. Vectors keep their entries in
 * the order the article first uses each term, which fixes the order dot
 * products sum in, so scores are the same to the last bit on every run.
 */
import type { EventArticle } from './event-schema.ts';
import { shingleIds, wordIdsOf, type ShingleTable } from './duplicates.ts';
import { sentenceNameRuns, type NameMention } from './story-names.ts';
import { bodyParagraphs, isStopWord, properStem, rawWords, splitSentences, stemWord } from './text-words.ts';

/** Paragraphs of the body that, with the headline and standfirst, make the lede. */
export const LEDE_PARAGRAPHS = 3;

/** One article as read: its id, date, word and name counts, and shingles. */
export interface ArticleText {
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
export interface TextReading {
  text: string;
  sentences: string[];
  words?: TextWords;
}

/** What a text's words give. */
export interface TextWords {
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
export function readTexts(a: EventArticle, cache: Map<string, TextReading>): TextReading[] {
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
export function remembered<T>(f: (word: string) => T): (word: string) => T {
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
export interface CorpusReader {
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

/** An article as read from its texts (`readTexts`, in that order), each text's words read once through `reader`. */
export function readArticle(a: EventArticle, texts: readonly TextReading[], reader: CorpusReader): ArticleText {
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
function fullNamesBySingle(texts: readonly Pick<ArticleText, 'surfaces'>[]): Map<string, Set<string>> {
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
export function foldShortNames(texts: Pick<ArticleText, 'names' | 'surfaces'>[]): void {
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
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** An article's term counts over the corpus's vocabulary: term ids in the order the article first uses each term, and their counts. */
export interface TermCounts {
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * The corpus's terms, numbered in the order they are first met, and in how
 * many articles' whole texts each occurs. Articles are added one at a time
 * as they are read, so their term counts are held as ids, not as maps of
 * strings.
 */
export class Vocabulary {
  private readonly numbers = new Map<string, number>();
  private frequencies = new Int32Array(1024);

  /** How many terms it holds. */
  get size(): number {
    return this.numbers.size;
  }

  /** `counts` as term ids (new terms numbered in its order); `whole`: counts over an article's whole text, which its document frequencies are taken from. */
  add(counts: ReadonlyMap<string, number>, whole: boolean): TermCounts {
    const ids = new Int32Array(counts.size);
    const out = new Int32Array(counts.size);
    let k = 0;
    for (const [term, count] of counts) {
      let id = this.numbers.get(term);
      if (id === undefined) {
        id = this.numbers.size;
        this.numbers.set(term, id);
      }
      if (whole) {
        if (id >= this.frequencies.length) {
          const grown = new Int32Array(this.frequencies.length * 2);
          grown.set(this.frequencies);
          this.frequencies = grown;
        }
        this.frequencies[id] = (this.frequencies[id] ?? 0) + 1;
      }
      ids[k] = id;
      out[k++] = count;
    }
    return { ids, counts: out };
  }

  /** In how many articles' whole texts term `id` occurs. */
  documentFrequency(id: number): number {
    return this.frequencies[id] ?? 0;
  }
}

/** TF-IDF vectors (log-scaled counts, smoothed IDF over the articles' whole texts), unit length, over the vocabulary's ids. */
export function tfidf(counts: readonly TermCounts[], vocabulary: Vocabulary): SparseVector[] {
  const n = counts.length;
  return counts.map((t) => {
    const weights = new Float64Array(t.ids.length);
    let norm = 0;
    for (let k = 0; k < t.ids.length; k++) {
      const x = (1 + Math.log(t.counts[k] ?? 0)) * (Math.log((1 + n) / (1 + vocabulary.documentFrequency(t.ids[k] ?? 0))) + 1);
      weights[k] = x;
      norm += x * x;
    }
    const len = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] ?? 0) / len;
    return { ids: t.ids, weights };
  });
}

/**
 * Dot product of two vectors, summed in the entry order of the one with
 * fewer entries (the first on a tie). `scratch` is all zeros, one slot per
 * vocabulary id, and is left so.
 */
export function dot(a: SparseVector, b: SparseVector, scratch: Float64Array): number {
  const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
  for (let k = 0; k < large.ids.length; k++) scratch[large.ids[k] ?? 0] = large.weights[k] ?? 0;
  let s = 0;
  for (let k = 0; k < small.ids.length; k++) s += (small.weights[k] ?? 0) * (scratch[small.ids[k] ?? 0] ?? 0);
  for (let k = 0; k < large.ids.length; k++) scratch[large.ids[k] ?? 0] = 0;
  return s;
}

/** Jaccard index of two sorted sets of name ids. */
export function nameJaccard(a: Int32Array, b: Int32Array): number {
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
