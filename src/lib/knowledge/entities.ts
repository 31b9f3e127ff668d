/**
 * Entities: the people, organisations and places the articles name, one
 * canonical entity per real-world thing, each with every place it is named.
 *
 * Two stages, so per-article work can be cached:
 *
 * - `extractMentions(article)` reads one article: the library's name spans,
 *   cut into name pieces with the type evidence the article itself gives. Its
 *   result depends on that article alone (text and front matter), is plain
 *   JSON, and can be kept by the article's content hash.
 * - `resolveEntities(perArticle, editor)` applies every rule that needs the
 *   corpus or the editor file and builds the index. It is near-linear in the
 *   number of mentions: every cross-article step is a map lookup. It holds
 *   each record as `compactMentions` makes it, which reads the text once and
 *   keeps only the offsets and words the rules need: a large corpus's text
 *   does not fit in memory beside its mentions.
 *
 * `findEntities(articles, editor)` is the two composed, with one compromise
 * sentence cache for all the articles (a sentence repeated across articles,
 * as in copies of a wire story, is tagged once).
 *
 * The code: entity-recognizers.ts (the libraries), entity-lexicon.ts (word
 * lists and name keys), this module (each article's mentions) and
 * entity-resolution.ts (compaction and resolution across the corpus).
 *
 * Detection is an NLP library's (entity-recognizers.ts: compromise by
 * default; wink-nlp can be chosen, for comparison: `node src/cli/eval-entities.ts` measures both
 * against hand-labelled gold). The library proposes spans, with a type where
 * it knows one. Everything after that is one set of general rules, the same
 * for both:
 *
 * - spans snap to whole words and lose edge punctuation, possessives ("’s"),
 *   titles ("President", "leader") and leading function words, modals and
 *   auxiliaries ("The", "As", "Will"); a lone capitalised word at a
 *   sentence's start that the corpus also writes in lower case ("Footage
 *   aired…") is not a name; overlapping or touching spans are one name
 *   within one sentence (`entity-spans.ts`: one-line articles run headlines,
 *   furniture and quote markers into the text), cut where a person ends and
 *   another name begins, then split again at internal possessives ("South
 *   Korea’s Defense Ministry" → South Korea, Defense Ministry), punctuation
 *   and lower-case words;
 * - a person's name loses the words at its edges that the corpus writes in
 *   lower case, or that name a place or organisation, when the rest is a name
 *   of its own ("Help Michael Jackson", "Jackson Propofol"); such a word alone
 *   ("Producer") is not a name;
 * - types come from the editor, else from votes: general rules (a title or
 *   role word before a name → person; an organisation head noun such as
 *   Agency, Ministry, Party → organisation; a name followed by "region" →
 *   place; a country or demonym in the small table below → place; a news
 *   agency the ingest credited → organisation) count `RULE_WEIGHT` votes, the
 *   library's type and a place slot ("in X") one each; else an unlinked
 *   acronym is an organisation; an entity with no type is dropped;
 * - names fold case, diacritics, hyphens, apostrophes and possessives, so
 *   "Kim Jong Un" and "Kim Jong-un" are one key; an acronym is linked to the
 *   long form written before it in brackets ("Korean Central News Agency
 *   (KCNA)"), else to the one name in the corpus whose initials it is; a lone
 *   surname is the one full-name person in the same article with that first or
 *   last name, else the one in the corpus; demonyms ("North Korean") name their
 *   place;
 * - headlines in title case say nothing about which words are names: in them
 *   only names found elsewhere are looked up.
 *
 * No rule names a seed's entity. Descriptive names no detector can find
 * ("Seoul's spy agency") come from the editor file, which wins over all of it.
 *
 * Pure: the same articles and editor file give the same output, sorted.
 */
import type { EntityType } from './schema.ts';
import { articleUnits, isTitleCase, sentences, type KnowledgeArticle } from './text.ts';
import { compromiseCandidates, DEFAULT_RECOGNIZER, winkCandidates, type Candidate, type Recognizer, type RecognizerName, type SentenceCache } from './entity-recognizers.ts';
import { CONNECTORS, DEMONYM_PATTERN, foldName, formPattern, FUNCTION_WORDS, isAcronym, ORG_HEADS, PLACE_AFTER, PLACE_BY_KEY, PLACE_HEAD_WORDS, ROLE_AFTER, ROLE_BEFORE, TITLES } from './entity-lexicon.ts';
import { isPlaceSlot, mergeCandidates } from './entity-spans.ts';

export { StringTable, type CompactMentions } from './compact-mentions.ts';
export { foldName, slugify } from './entity-lexicon.ts';
export { compromiseCandidates, DEFAULT_RECOGNIZER, winkCandidates, type Candidate, type Recognizer, type RecognizerName, type SentenceCache, type SentenceSpans } from './entity-recognizers.ts';

// ---------------------------------------------------------------------------
// From library spans to name pieces.

/** A name found in a unit, before clustering: UTF-16 offsets into the unit's text. */
export interface NamePiece {
  start: number;
  end: number;
  /** The words exactly as written. */
  text: string;
  /** Folded key (a table place's key for a country name or demonym). */
  key: string;
  /** The library's type, when the library typed the span this piece ends. */
  libType?: EntityType;
  /** The type a general rule gives (title or role word, head noun, country table, credited agency). */
  ruleType?: EntityType;
  /** Stands after a place preposition ("in X", `isPlaceSlot`): one vote for a place, as much as the library's (people stand there too: "confidence in X"). */
  placeSlot?: boolean;
  /** A single word standing first in its sentence. */
  sentenceInitial?: boolean;
  /** The canonical place name when the key is in the country table. */
  tablePlace?: string;
  /** True for a demonym ("North Korean"). */
  demonym?: boolean;
  /** Written as an acronym ("KCNA", "U.S."). */
  acronym: boolean;
  /** Index of the editor entry whose form this is (set only in `resolveEntities`). */
  editor?: number;
}

interface Word {
  start: number;
  end: number;
  text: string;
  /** Ends in a possessive "’s" (not included in `end`). */
  possessive: boolean;
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*(?:['’‘](?![\p{L}\p{N}]))?/gu;

function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(WORD)) {
    const s = start + m.index;
    let t = m[0];
    let possessive = false;
    const poss = /^(.+?)['’‘]s$/u.exec(t);
    if (poss?.[1] && !/^\p{Lu}+$/u.test(t)) {
      t = poss[1];
      possessive = true;
    } else if (/['’‘]$/u.test(t) && !/^\s+\p{Lu}/u.test(text.slice(s + t.length))) {
      // "the Workers’ Party" keeps its apostrophe; "the soldiers’ families" is a possessive.
      t = t.slice(0, -1);
      possessive = true;
    }
    // "Russia-Ukraine", "US-China": capitalised parts of which one is a country are separate names.
    const parts = t.split('-');
    if (!possessive && parts.length > 1 && parts.every((x) => /^\p{Lu}/u.test(x)) && parts.some((x) => PLACE_BY_KEY.has(foldName(x)))) {
      let at = s;
      for (const x of parts) {
        out.push({ start: at, end: at + x.length, text: x, possessive: false });
        at += x.length + 1;
      }
      continue;
    }
    out.push({ start: s, end: s + t.length, text: t, possessive });
  }
  return out;
}

/** True when nothing but opening quotes and brackets stands between `at` and the start of its sentence. */
function isSentenceInitial(text: string, at: number, sentenceStarts: ReadonlySet<number>): boolean {
  let i = at;
  while (i > 0 && /["'“‘([\s]/.test(text[i - 1] ?? '')) i -= 1;
  return i === 0 || sentenceStarts.has(i) || sentenceStarts.has(at);
}

/** A word (in lower case) that never stands inside a name: a function word or a title. */
function isStopWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower) || TITLES.has(lower);
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word);
}

/**
 * Splits a merged span into name pieces: at punctuation, at possessives, at
 * lower-case words that are not connectors; drops sentence-initial function
 * words and titles (a title before a name makes it a person's).
 */
function piecesOf(text: string, span: { start: number; end: number; parts: Candidate[] }, sentenceStarts: ReadonlySet<number>): NamePiece[] {
  const words = wordsIn(text, span.start, span.end);
  const groups: Word[][] = [];
  let current: Word[] = [];
  const flush = (): void => {
    if (current.length > 0) groups.push(current);
    current = [];
  };
  words.forEach((w, i) => {
    const prev = current.at(-1);
    const joined = prev !== undefined && !prev.possessive && text.slice(prev.end, w.start) === ' ';
    if (!joined) flush();
    if (!isCapitalised(w.text)) {
      const next = words[i + 1];
      // "Office of the Prosecutor": a connector, or two ("of the"), between capitalised words.
      const after = next !== undefined && CONNECTORS.has(next.text.toLowerCase()) ? words[i + 2] : next;
      const connector = CONNECTORS.has(w.text.toLowerCase()) && current.length > 0 && after !== undefined && isCapitalised(after.text);
      if (!connector) {
        flush();
        return;
      }
    }
    current.push(w);
    if (w.possessive) flush();
  });
  flush();

  const out: NamePiece[] = [];
  for (let group of groups) {
    // Leading function words ("As Kim Jong Un…", "The Korean Central News Agency") are not part of the name.
    while (group.length > 0 && FUNCTION_WORDS.has(group[0]!.text.toLowerCase())) group = group.slice(1);
    // Connectors never end or start a name.
    while (group.length > 0 && CONNECTORS.has(group.at(-1)!.text.toLowerCase())) group = group.slice(0, -1);
    let person = false;
    const titleAt = group.findLastIndex((w, i) => i < group.length - 1 && TITLES.has(w.text.toLowerCase().replace(/\.$/, '')));
    if (titleAt >= 0 && !ORG_HEADS.has(group.at(-1)!.text.toLowerCase())) {
      // Words before the title name a place only when they are one in the table ("U.S. President"); a
      // demonym heading a longer title ("Russian Culture Minister") is found by the demonym scan.
      const prefix = group.slice(0, titleAt);
      const lastPrefix = prefix.at(-1);
      if (prefix[0] && lastPrefix) {
        const prefixText = text.slice(prefix[0].start, lastPrefix.end);
        const table = PLACE_BY_KEY.get(foldName(prefixText));
        if (table) {
          const p: NamePiece = { start: prefix[0].start, end: lastPrefix.end, text: prefixText, key: foldName(table.name), tablePlace: table.name, ruleType: 'place', acronym: isAcronym(prefixText) };
          if (table.demonym) p.demonym = true;
          out.push(p);
        }
      }
      group = group.slice(titleAt + 1);
      // "Prince of Libya": the words after a title and a connector name a place, not the person.
      if (group.length > 0 && CONNECTORS.has(group[0]!.text.toLowerCase())) continue;
      person = true;
    }
    const first = group[0];
    const last = group.at(-1);
    if (!first || !last) continue;
    if (group.every((w) => FUNCTION_WORDS.has(w.text.toLowerCase()) || TITLES.has(w.text.toLowerCase()))) continue;
    let end = last.end;
    let placeHead = false;
    if (group.length > 1 && PLACE_HEAD_WORDS.has(last.text.toLowerCase())) {
      // "Kursk Region" is Kursk.
      const before = group.at(-2)!;
      end = before.end;
      placeHead = true;
    }
    const start = first.start;
    const surface = text.slice(start, end);
    const piece: NamePiece = { start, end, text: surface, key: foldName(surface), acronym: isAcronym(surface) };
    if (group.length === 1 && isSentenceInitial(text, start, sentenceStarts)) piece.sentenceInitial = true;
    // The library's type belongs to the piece that ends its span (its head): in "South Korea’s Defense
    // Ministry" the organisation is the ministry, not South Korea.
    const head = span.parts.find(
      (p) => p.type !== undefined && p.start <= last.start && p.end >= last.end && !/[\p{L}\p{N}]/u.test(text.slice(last.end, p.end).replace(/^['’‘]s/u, '')),
    );
    if (head?.type) piece.libType = head.type;
    const table = PLACE_BY_KEY.get(piece.key);
    if (table) {
      piece.tablePlace = table.name;
      piece.key = foldName(table.name);
      piece.ruleType = 'place';
      if (table.demonym) piece.demonym = true;
    } else if (ORG_HEADS.has(last.text.toLowerCase()) || group.some((w, i) => ORG_HEADS.has(w.text.toLowerCase()) && CONNECTORS.has(group[i + 1]?.text.toLowerCase() ?? ''))) {
      // An organisation's head noun ends the name or stands before a connector ("Office of the Prosecutor").
      piece.ruleType = 'organisation';
    } else if (person || ROLE_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || ROLE_AFTER.test(text.slice(end))) piece.ruleType = 'person';
    else if (placeHead || PLACE_AFTER.test(text.slice(end))) piece.ruleType = 'place';
    else if (!last.possessive && !piece.acronym && /\p{L}\p{L}/u.test(surface) && isPlaceSlot(text, start, end)) piece.placeSlot = true;
    out.push(piece);
  }
  return out;
}

/** Demonyms in the text, as place pieces, unless they open a longer capitalised name ("Korean Central News Agency"). */
function demonymPieces(text: string): NamePiece[] {
  const out: NamePiece[] = [];
  for (const m of text.matchAll(DEMONYM_PATTERN)) {
    // A demonym followed by capitalised words is part of a name, unless those words are a title
    // ("Russian Culture Minister Olga Lyubimova" names Russia; "Korean Central News Agency" does not).
    const run = /^(?:\s+\p{Lu}[\p{L}.]*)+/u.exec(text.slice(m.index + m[0].length))?.[0];
    if (run !== undefined && !run.trim().split(/\s+/).some((w) => TITLES.has(w.toLowerCase()))) continue;
    const table = PLACE_BY_KEY.get(foldName(m[0]));
    if (!table) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], key: foldName(table.name), tablePlace: table.name, demonym: true, ruleType: 'place', acronym: false });
  }
  return out;
}



// ---------------------------------------------------------------------------
// Per article.

/** A capitalised word that may be a known person's first or last name written alone ("Macron said…"). */
export interface NameWord {
  start: number;
  end: number;
  text: string;
  /** Folded key. */
  key: string;
}

/** One text unit of an article, as `extractMentions` reads it. */
export interface UnitMentions {
  /** 1-based body block, or 0 for the headline, standfirst and captions (as `TextUnit.block`). */
  block: number;
  /** The unit's plain text: the editor's forms and names found elsewhere are looked up in it. */
  text: string;
  /** A headline in title case: the library does not read it; only names found elsewhere are looked up in it. */
  titleCase?: true;
  /** The library's names, cut into pieces, in text order; the corpus-wide rules have not yet filtered or typed them. */
  detected: NamePiece[];
  /** Names general rules find in the text: the agencies the ingest credited in this article, then demonyms. */
  ruled: NamePiece[];
  /** Capitalised words that are no function word, title or table country, each of which may be a lone name. */
  words: NameWord[];
}

/**
 * What one article contributes to entity detection, as `extractMentions`
 * computes it. It depends on that article alone (its id, text and
 * front matter; no other article, no editor file), so it can be cached by the
 * article's content hash and handed to `resolveEntities` again. Plain JSON:
 * `JSON.parse(JSON.stringify(x))` gives an equal record.
 *
 * The rules that need more than the article run in `resolveEntities`: the
 * lower-case test for sentence-initial words and the credited-agency type
 * use every article's `lowerWords` and `agencies`; the editor's forms are
 * looked up in every unit's `text`.
 */
export interface ArticleMentions {
  /** The article id. */
  article: string;
  /** The news agencies the ingest credited, distinct and sorted. */
  agencies: string[];
  /** The distinct words the article writes in lower case, sorted. */
  lowerWords: string[];
  /** The article's text units, in reading order (as `articleUnits`). */
  units: UnitMentions[];
}

/** Options for `extractMentions` and `findEntities`. */
export interface ExtractOptions {
  /** Which library proposes names (or a recogniser function, e.g. a test stub); `DEFAULT_RECOGNIZER` unless given. */
  recognizer?: RecognizerName | Recognizer;
  /** compromise's spans by sentence, shared between calls to save work; the result does not depend on it. */
  sentenceCache?: SentenceCache;
}

const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}’'-]*/gu;

/** A unit's `words` (see `UnitMentions`), from its text alone: capitalised words that are no function word, title or table country. */
export function nameWords(text: string): NameWord[] {
  return wordsIn(text, 0, text.length).flatMap((w): NameWord[] => {
    if (!isCapitalised(w.text)) return [];
    const key = foldName(w.text);
    return FUNCTION_WORDS.has(key) || TITLES.has(key) || PLACE_BY_KEY.has(key) ? [] : [{ start: w.start, end: w.end, text: w.text, key }];
  });
}

/**
 * Reads one article: the library's names in every unit except a title-case
 * headline, cut into pieces with the evidence the article itself gives
 * (titles, role words, head nouns, the country table, its credited
 * agencies), plus what the corpus-wide rules need from it. Depends on this
 * article alone; see `ArticleMentions`.
 */
export function extractMentions(article: KnowledgeArticle, options: ExtractOptions = {}): ArticleMentions {
  const recognizer = options.recognizer ?? DEFAULT_RECOGNIZER;
  const recognize = (texts: readonly string[]): Candidate[][] =>
    recognizer === 'compromise'
      ? compromiseCandidates(texts, options.sentenceCache)
      : texts.map(recognizer === 'wink' ? winkCandidates : recognizer);
  const units = articleUnits(article);
  const agencies = [...new Set(article.data.agencies.map((g) => g.name))].sort();
  const agencyPatterns = agencies.map((name) => formPattern(name, false));
  const lowerWords = [...new Set(units.flatMap((u) => u.text.match(LOWER_WORD) ?? []))].sort();
  const titleCase = units.map((u) => u.kind === 'headline' && isTitleCase(u.text));
  const read = units.filter((_, i) => !titleCase[i]).map((u) => u.text);
  const candidates = recognize(read);
  let next = 0;
  return {
    article: article.id,
    agencies,
    lowerWords,
    units: units.map((unit, i): UnitMentions => {
      const { block, text } = unit;
      if (titleCase[i]) return { block, text, titleCase: true, detected: [], ruled: [], words: [] };
      const starts = new Set(sentences(text).map((s) => s.start));
      const detected = mergeCandidates(text, candidates[next++]!, isStopWord, starts, (w) => ORG_HEADS.has(w)).flatMap((span) => piecesOf(text, span, starts));
      // The news agencies the ingest credited in this article are organisations wherever the text names them.
      const agencyPieces = agencyPatterns.flatMap((pattern) =>
        [...text.matchAll(pattern)].map(
          (m): NamePiece => ({ start: m.index, end: m.index + m[0].length, text: m[0], key: foldName(m[0]), ruleType: 'organisation', acronym: isAcronym(m[0]) }),
        ),
      );
      return { block, text, detected, ruled: [...agencyPieces, ...demonymPieces(text)], words: nameWords(text) };
    }),
  };
}
