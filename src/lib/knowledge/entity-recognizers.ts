/**
 * The name recognisers entity extraction can use: the NLP libraries that
 * propose name spans in a text (compromise by default, wink-nlp for
 * comparison), each as a function from a text to its candidate spans, with a
 * type where the library knows one. The general rules that cut, type and
 * link names are the same whichever proposed them (entities.ts).
 */
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { EntityType } from './schema.ts';
import { tagDocument } from './compromise-tagger.ts';

/** A span a library proposes in a text, with its type when the library gives one. */
export interface Candidate {
  start: number;
  end: number;
  type?: EntityType;
}

/** Proposes candidate name spans in one text. */
export type Recognizer = (text: string) => Candidate[];

/** The libraries that can propose names. */
export type RecognizerName = 'compromise' | 'wink';

/** compromise's internal term: a word and the text around it. */
interface CompromiseTerm {
  pre: string;
  text: string;
  post: string;
}

const compromiseWorld = nlp.world() as unknown as {
  methods: { one: { tokenize: { fromString: (text: string, world: unknown) => CompromiseTerm[][] } } };
};

type CompromiseView = ReturnType<ReturnType<typeof nlp>['match']>;

/** The compromise views read, in this order: typed people, organisations and places, then untyped proper-noun runs and acronyms. */
const COMPROMISE_VIEWS: readonly { type?: EntityType; find: (doc: ReturnType<typeof nlp>) => CompromiseView }[] = [
  { type: 'person', find: (doc) => doc.people() },
  { type: 'organisation', find: (doc) => doc.organizations() },
  { type: 'place', find: (doc) => doc.places() },
  { find: (doc) => doc.match('#ProperNoun+') },
  { find: (doc) => doc.match('#Acronym') },
];

/** What compromise proposes in one sentence: its length once tagged, and per view (`COMPROMISE_VIEWS` order) its spans as [start, end] from the sentence's start. */
export interface SentenceSpans {
  length: number;
  spans: [number, number][][];
}

/**
 * compromise's spans by sentence (keyed by the sentence's terms), for
 * `compromiseCandidates` to fill and read: a sentence written again (in
 * another paragraph, in a copy of a wire story, in boilerplate) is tagged
 * once. compromise tags each sentence on its own, so the candidates do not
 * depend on what the cache holds; it only saves work.
 */
export type SentenceCache = Map<string, SentenceSpans>;

/**
 * compromise: its people, organisations and places (typed), plus every run
 * of words it tags as a proper noun or acronym (untyped), so names outside
 * its lexicon still reach the rules. `result[i]` is exactly what
 * `nlp(texts[i])` proposes: each text is split into sentences on its own, as
 * compromise splits it; the sentences not yet in `cache` are tagged together
 * as one document (compromise tags sentence by sentence, and its fixed cost
 * per document is large next to a headline or a caption).
 */
export function compromiseCandidates(texts: readonly string[], cache: SentenceCache = new Map()): Candidate[][] {
  const { fromString } = compromiseWorld.methods.one.tokenize;
  const parts = texts.map((text) => fromString(text, compromiseWorld).map((terms) => ({ terms, key: sentenceKey(terms) })));
  const untagged = new Map<string, CompromiseTerm[]>();
  for (const { terms, key } of parts.flat()) if (!cache.has(key)) untagged.set(key, terms);
  if (untagged.size > 0) tagSentences(untagged, cache);
  // Offsets count every term's pre, text and post from the text's start: a sentence starts where
  // the ones before it in its text end.
  return parts.map((sentences) =>
    COMPROMISE_VIEWS.flatMap(({ type }, v) => {
      const out: Candidate[] = [];
      let at = 0;
      for (const { key } of sentences) {
        const found = cache.get(key)!;
        for (const [start, end] of found.spans[v]!) out.push(type ? { start: at + start, end: at + end, type } : { start: at + start, end: at + end });
        at += found.length;
      }
      return out;
    }),
  );
}

/** A sentence's terms as a key: their text run together, then where each term's pre, text and post end. */
function sentenceKey(terms: readonly CompromiseTerm[]): string {
  return `${terms.map((t) => t.pre + t.text + t.post).join('')}\u0000${terms.map((t) => `${t.pre.length},${t.text.length},${t.post.length}`).join(' ')}`;
}

/** What `tagSentences` calls on a compromise view: `toView()` (the same matches as a plain view) and its `json` (compromise 14; its declarations type both narrower). */
interface OffsetView {
  toView(): { json(options: { offset: true; text: false; terms: false }): { offset?: { index: number; start: number; length: number } }[] };
}

/** Tags the sentences as one document and stores each one's spans in `cache` under its key. */
function tagSentences(sentences: ReadonlyMap<string, CompromiseTerm[]>, cache: SentenceCache): void {
  const keys = [...sentences.keys()];
  const doc = tagDocument([...sentences.values()]);
  // Read once tagged: the tagger may split a term ("cannot"), which moves the offsets after it.
  const tagged = doc.document as unknown as CompromiseTerm[][];
  const firstTerm: number[] = [];
  const base: number[] = [];
  let terms = 0;
  let chars = 0;
  const found = tagged.map((sentence): SentenceSpans => {
    firstTerm.push(terms);
    base.push(chars);
    terms += sentence.length;
    const length = sentence.reduce((n, t) => n + t.pre.length + t.text.length + t.post.length, 0);
    chars += length;
    return { length, spans: COMPROMISE_VIEWS.map(() => []) };
  });
  COMPROMISE_VIEWS.forEach(({ find }, v) => {
    // Offsets only, from a plain view of the same matches: the people view's own `json` reads each match on its own
    // (an offset pass over the whole document, and a parse of the name, a person), and every view's adds its terms.
    for (const m of (find(doc) as unknown as OffsetView).toView().json({ offset: true, text: false, terms: false })) {
      if (!m.offset || m.offset.length === 0) continue;
      const i = lastAtMost(firstTerm, m.offset.index);
      const start = m.offset.start - base[i]!;
      found[i]!.spans[v]!.push([start, start + m.offset.length]);
    }
  });
  keys.forEach((key, i) => cache.set(key, found[i]!));
}

/** The last index whose value is at most `x`, in ascending values: the sentence a document-wide term index falls in. */
function lastAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

let wink: ReturnType<typeof winkNLP> | undefined;

/**
 * wink-nlp (English lite web model): its named-entity recogniser covers only
 * dates, numbers, e-mails and the like, so the candidates are runs of tokens
 * its tagger marks PROPN, untyped; the shared rules must type them.
 */
export function winkCandidates(text: string): Candidate[] {
  wink ??= winkNLP(model);
  const its = wink.its;
  const tokens = wink.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const out: Candidate[] = [];
  let cursor = 0;
  let run: Candidate | undefined;
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor);
    if (at < 0) return;
    cursor = at + value.length;
    if (pos[i] === 'PROPN') {
      if (run && text.slice(run.end, at).trim() === '') run.end = cursor;
      else {
        if (run) out.push(run);
        run = { start: at, end: cursor };
      }
    } else if (run) {
      out.push(run);
      run = undefined;
    }
  });
  if (run) out.push(run);
  return out;
}

/** The library used unless the caller asks for another: the better one on `npm run eval:entities`. */
export const DEFAULT_RECOGNIZER: RecognizerName = 'compromise';
