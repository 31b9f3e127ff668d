/**
 * Article or page furniture, block by block, for a whole page saved as text
 * (a text dump: navigation, the article, related links and the footer, one
 * block a line). The method is jusText's (Pomikálek 2011, "Removing
 * Boilerplate and Duplicate Content from Web Corpora", §3.2; the
 * `justext` package's `classify_paragraphs` and
 * `revise_paragraph_classification`), without its link density, which a
 * text dump no longer has:
 *
 * 1. Context-free: a block shorter than `LENGTH_LOW` characters is `short`;
 *    one whose stop-word density reaches `STOPWORDS_HIGH` is `good` when
 *    longer than `LENGTH_HIGH`, else `near-good`; one that reaches
 *    `STOPWORDS_LOW` is `near-good`; the rest (menus, lists of names,
 *    headline lists, legal lines) are `bad`.
 * 2. Context-sensitive: a `short` block between `good` neighbours (skipping
 *    short and near-good ones) is `good`, between `bad` ones `bad`; a short
 *    block between a good and a bad one is `good` only when a near-good block
 *    stands on its bad side next to it; a `near-good` block is `bad` only
 *    between two bad neighbours. The document's edges count as bad.
 *
 * Stop-word density needs the page's language: the stop list (from the
 * `stopword` package, 60 languages) is the one that covers most of the
 * page's words. A page no list covers (too few words, or a language without
 * a list) gets no verdicts: every block is left to the other stages.
 *
 * Pure and deterministic.
 */
import * as stopword from 'stopword';

/** jusText's classes. */
export type BlockClass = 'good' | 'near-good' | 'short' | 'bad';

/** Blocks shorter than this, in characters, are `short` (jusText's `length_low`). */
export const LENGTH_LOW = 70;
/** Blocks longer than this with enough stop words are `good` (jusText's `length_high`). */
export const LENGTH_HIGH = 200;
/** Stop-word density a block needs to be `near-good` (jusText's `stopwords_low`). */
export const STOPWORDS_LOW = 0.3;
/** Stop-word density a long block needs to be `good` (jusText's `stopwords_high`). */
export const STOPWORDS_HIGH = 0.32;
/** The least share of a page's words its best stop list must cover for the page's language to count as known. */
export const LANGUAGE_MIN_DENSITY = 0.2;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** The stop lists of the `stopword` package, by ISO 639-3 code, as sets. */
const STOP_LISTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(stopword as unknown as Record<string, unknown>)
    .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((w) => typeof w === 'string'))
    .filter(([code]) => /^[a-z]{3}$/.test(code))
    .map(([code, list]) => [code, new Set(list.map((w) => w.toLowerCase()))]),
);

/** The stop lists in `STOP_LISTS` order, and for each word any of them holds, the indices of those that hold it. */
const LANGUAGES = [...STOP_LISTS];
const LISTS_OF_WORD = new Map<string, number[]>();
LANGUAGES.forEach(([, list], i) => {
  for (const w of list) {
    const lists = LISTS_OF_WORD.get(w);
    if (lists) lists.push(i);
    else LISTS_OF_WORD.set(w, [i]);
  }
});

/**
 * The stop list that covers most of `words` (at least `LANGUAGE_MIN_DENSITY` of them), or undefined; of lists that
 * cover as much, the first in `STOP_LISTS` order. Counts every list's words in one pass over `words` (one lookup a word,
 * not one a word and list).
 */
export function stopListFor(words: readonly string[]): { language: string; list: ReadonlySet<string> } | undefined {
  if (words.length < 50) return undefined;
  const counts = new Array<number>(LANGUAGES.length).fill(0);
  for (const w of words) {
    const lists = LISTS_OF_WORD.get(w);
    if (lists) for (const i of lists) counts[i] = counts[i]! + 1;
  }
  let best = -1;
  let bestDensity = 0;
  counts.forEach((n, i) => {
    const density = n / words.length;
    if (best < 0 || density > bestDensity) {
      best = i;
      bestDensity = density;
    }
  });
  if (best < 0 || bestDensity < LANGUAGE_MIN_DENSITY) return undefined;
  const [language, list] = LANGUAGES[best]!;
  return { language, list };
}

/** The context-free class of one block (step 1). */
export function contextFreeClass(text: string, stops: ReadonlySet<string>): BlockClass {
  const ws = wordsOf(text);
  const density = ws.length === 0 ? 0 : ws.filter((w) => stops.has(w)).length / ws.length;
  if (text.length < LENGTH_LOW) return 'short';
  if (density >= STOPWORDS_HIGH) return text.length > LENGTH_HIGH ? 'good' : 'near-good';
  if (density >= STOPWORDS_LOW) return 'near-good';
  return 'bad';
}

/** The nearest class before or after `i` that is neither short (nor near-good, when `skipNearGood`); the edges are bad. */
function neighbour(classes: readonly BlockClass[], i: number, step: -1 | 1, skipNearGood: boolean): BlockClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j]!;
    if (c === 'short' || (skipNearGood && c === 'near-good')) continue;
    return c;
  }
  return 'bad';
}

/** Step 2 over the context-free classes: short and near-good blocks take a class from their neighbours. */
export function reviseClasses(classes: readonly BlockClass[]): BlockClass[] {
  const out = [...classes];
  classes.forEach((c, i) => {
    if (c !== 'short') return;
    const prev = neighbour(classes, i, -1, true);
    const next = neighbour(classes, i, 1, true);
    if (prev === 'good' && next === 'good') out[i] = 'good';
    else if (prev === 'bad' && next === 'bad') out[i] = 'bad';
    else if ((prev === 'bad' && neighbour(classes, i, -1, false) === 'near-good') || (next === 'bad' && neighbour(classes, i, 1, false) === 'near-good')) out[i] = 'good';
    else out[i] = 'bad';
  });
  classes.forEach((c, i) => {
    if (c !== 'near-good') return;
    out[i] = neighbour(classes, i, -1, true) === 'bad' && neighbour(classes, i, 1, true) === 'bad' ? 'bad' : 'good';
  });
  return out;
}

/** jusText's verdict on each block of a page, or undefined when the page's language has no stop list (see the module comment). */
export function classifyBlocks(texts: readonly string[]): { classes: BlockClass[]; language: string } | undefined {
  const stops = stopListFor(texts.flatMap(wordsOf));
  if (stops === undefined) return undefined;
  return { classes: reviseClasses(texts.map((t) => contextFreeClass(t, stops.list))), language: stops.language };
}
