/**
 * Names: the proper names an article's text uses, and the names generated for
 * stories and topics from them and from headlines.
 *
 * Proper names are found without a gazetteer or a tagger, by the rule of
 * English capitalisation: a name is a run of capitalised words, split at
 * titles ("President"), possessives and punctuation, with "of" kept inside a
 * run ("Ministry of Defence"). A capitalised word that opens its sentence is
 * a name only when the corpus writes it capitalised elsewhere too, so
 * "According" or "Soldiers" at a sentence's start is not one. Each name is
 * keyed by the proper stem of its words (`nameKey`), so a place and its
 * demonym ("North Korea", "North Korean") are one name.
 *
 * A story is named by the cleanest of its headlines (`storyName`, judged by
 * `titleFlaws`); a topic by the names most of its articles share
 * (`topicName`): names say what a running subject is about where any one
 * headline tells only one day of it. Pure and deterministic.
 */
import { cmp } from './event-calendar.ts';
import { isStopWord, properStem, splitSentences } from './text-words.ts';
import { titleFlaws, trimTitle } from './titling.ts';


/** Words that stand before a person's name as a title: a name run is split there. */
const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'general', 'gen', 'chairman', 'chairwoman', 'chair', 'leader', 'king',
  'queen', 'prince', 'princess', 'pope', 'governor', 'mayor', 'senator', 'ambassador', 'commander', 'chief', 'director', 'spokesman',
  'spokeswoman', 'spokesperson', 'lawmaker', 'dr', 'mr', 'mrs', 'ms', 'sir', 'lord', 'lady', 'colonel', 'col', 'lt', 'lieutenant', 'sgt',
  'sergeant', 'captain', 'capt', 'major', 'maj', 'admiral', 'adm', 'marshal', 'premier',
]);

/** Month and weekday names: capitalised, but a run of them alone is a date, not a name. */
const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/** A proper name as found: its folded key and the words as written. */
export interface NameMention {
  key: string;
  surface: string;
}

/** The folded key of a name: each word's proper stem ("North Korean" and "North Korea" → `north kor`; "Jong-un" → `jong un`). */
export function nameKey(surface: string): string {
  return surface
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(properStem)
    .join(' ');
}

/**
 * Runs of capitalised words in a text, split at titles, possessives and
 * punctuation. A one-word run that opens its sentence counts only when the
 * word is not a stop word and is written capitalised elsewhere too
 * (`capitalisedElsewhere`), so "According" or "Soldiers" opening a sentence
 * is not a name.
 */
export function nameRuns(text: string, capitalisedElsewhere: ReadonlySet<string>): NameMention[] {
  return sentenceNameRuns(splitSentences(text), capitalisedElsewhere);
}

/** A word or a run of other non-space characters; an apostrophe-s ending; a closing apostrophe; a capital first letter. */
const TOKEN = /[\p{L}][\p{L}\p{M}’'-]*|[^\s\p{L}]+/gu;
const POSSESSIVE = /['’]s$/;
const CLOSING_APOSTROPHE = /['’]$/;
const CAPITALISED = /^\p{Lu}/u;

/** `nameRuns` over a text already split into sentences. */
export function sentenceNameRuns(sentences: readonly string[], capitalisedElsewhere: ReadonlySet<string>): NameMention[] {
  const out: NameMention[] = [];
  for (const sentence of sentences) {
    let run: { text: string; index: number }[] = [];
    const flush = (): void => {
      if (!run.length) return;
      // Drop titles and stop words ("The", "As", "While") at the start, and one-letter words ("U.S." reads as U, S).
      while (run.length && (TITLES.has(run[0]?.text.toLowerCase() ?? '') || isStopWord(run[0]?.text ?? ''))) run.shift();
      run = run.filter((t) => t.text.length > 1);
      if (run.length) {
        const opensSentence = run[0]?.index === 0;
        const single = run.length === 1 ? (run[0]?.text ?? '') : undefined;
        const isCalendar = run.every((t) => CALENDAR.has(t.text.toLowerCase()));
        const weakOpener = single !== undefined && opensSentence && (isStopWord(single) || !capitalisedElsewhere.has(single));
        if (!isCalendar && !weakOpener && !(single !== undefined && isStopWord(single))) {
          const surface = run.map((t) => t.text).join(' ');
          out.push({ key: nameKey(surface), surface });
        }
      }
      run = [];
    };
    for (const t of sentence.matchAll(TOKEN)) {
      const possessive = POSSESSIVE.test(t[0]);
      const word = possessive ? t[0].slice(0, -2) : t[0].replace(CLOSING_APOSTROPHE, '');
      if (CAPITALISED.test(word)) {
        if (TITLES.has(word.toLowerCase()) && run.length) flush();
        run.push({ text: word, index: t.index });
        if (possessive) flush();
      } else if (word === 'of' && run.length && !TITLES.has(run[run.length - 1]?.text.toLowerCase() ?? '')) {
        // "Ministry of Defence": keep going only if a capitalised word follows (checked at the next token).
        run.push({ text: word, index: t.index });
      } else {
        while (run.length && run[run.length - 1]?.text === 'of') run.pop();
        flush();
      }
    }
    while (run.length && run[run.length - 1]?.text === 'of') run.pop();
    flush();
  }
  return out;
}

/**
 * The cleanest headline among a story's, first report first on a tie, with
 * what can go trimmed (a leading dateline or update stamp, `trimTitle`): a
 * page saved without its headline gives its opening words, often page
 * furniture ("Page last updated at 10:39 GMT …"), and another report of the
 * story names it better.
 */
export function storyName(headlines: readonly string[]): string {
  let best: { name: string; cost: number } | undefined;
  for (const headline of headlines) {
    const name = trimTitle(headline) || headline.trim();
    if (name === '') continue;
    // A headline is short by nature: only what makes it read badly counts.
    const cost = titleFlaws(name).filter((f) => f !== 'short' && f !== 'long').length;
    if (best === undefined || cost < best.cost) best = { name, cost };
  }
  return best?.name ?? '';
}

/** What naming a topic reads from each of its articles. */
export interface NamedText {
  /** Proper-name keys with counts. */
  names: ReadonlyMap<string, number>;
  /** Every surface form written for each name key, with counts. */
  surfaces: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** How many names a generated topic name joins. */
const TOPIC_NAME_PARTS = 3;

/**
 * A topic's generated name: the proper names the most of its articles use
 * (then the most often, then alphabetically), those in at least half its
 * articles, at most three, each written in its shortest common form ("North
 * Korea" over "North Korean"). When no name is in half of them, the names
 * the most of them use; undefined when they name nothing (a reader is never
 * shown the stemmed words topics are compared on).
 */
export function topicName(texts: readonly NamedText[]): string | undefined {
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const t of texts) {
    for (const [k, c] of t.names) {
      df.set(k, (df.get(k) ?? 0) + 1);
      total.set(k, (total.get(k) ?? 0) + c);
    }
    for (const [k, fs] of t.surfaces) {
      const acc = forms.get(k) ?? new Map<string, number>();
      for (const [f, c] of fs) acc.set(f, (acc.get(f) ?? 0) + c);
      forms.set(k, acc);
    }
  }
  const written = [...df.keys()]
    .filter((k) => (forms.get(k)?.size ?? 0) > 0)
    .sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || (total.get(b) ?? 0) - (total.get(a) ?? 0) || cmp(a, b));
  const shared = written.filter((k) => (df.get(k) ?? 0) * 2 >= texts.length);
  const ranked = (shared.length ? shared : written).slice(0, TOPIC_NAME_PARTS);
  const display = (k: string): string =>
    [...(forms.get(k) ?? new Map<string, number>()).entries()].sort(
      ([fa, ca], [fb, cb]) => fa.length - fb.length || cb - ca || cmp(fa, fb),
    )[0]?.[0] ?? k;
  const parts = ranked.map(display);
  if (parts.length <= 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}
