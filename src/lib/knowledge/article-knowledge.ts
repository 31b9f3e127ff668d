/**
 * The knowledge layer's per-article steps, run on one entry as soon as its
 * seed is ingested: the names it mentions (`extractMentions`, the costliest
 * step of the layer) and its figures (`findFigures`). Each depends on the
 * article alone, so the ingest runs them on the worker that ingested the seed
 * and keeps the result with the seed's, in its cache; `buildKnowledge` then
 * takes them as given (`KnowledgeOptions.precomputed`) instead of computing
 * them one article at a time on one thread.
 *
 * The entry's id (its slug) is only known once every seed is in, so the
 * records are computed without it and leave out their `article` field;
 * `withArticle` puts it back first, where the steps write it, so the layer is
 * byte for byte what computing them in `buildKnowledge` gives. A step that
 * throws on the article gives its error's one-line description instead, and
 * the layer leaves the article out of that stage with the same problem it
 * reports when the step throws there.
 */
import { z } from 'zod';
import { extractMentions, nameWords, type ArticleMentions, type SentenceCache, type UnitMentions } from './entities.ts';
import { compactLists, compactUnits, packMentions, type CompactMentions, type StringTable } from './compact-mentions.ts';
import { findFigures } from './figures.ts';
import type { Figure } from './schema.ts';
import { articleUnits, type KnowledgeArticle } from './text.ts';

/** What one per-article step gave: its records, or why it threw. Plain JSON. */
export type StepResult<T> = { value: T } | { error: string };

/**
 * An article's mentions as a large corpus holds them until the entity stage
 * (`holdMentions`): each unit without its `text` and `words`, which depend on
 * the article's text alone and are derived from it again (`restoreMentions`).
 */
export interface HeldMentions {
  held: true;
  agencies: string[];
  lowerWords: string[];
  units: Omit<UnitMentions, 'text' | 'words'>[];
}

/**
 * `HeldMentions` packed (`packHeldMentions`): one `Int32Array` over a string
 * table the corpus's records share, as the entity stage's records are
 * (`CompactMentions`), until the entity stage unpacks them.
 */
export interface PackedHeldMentions {
  held: 'packed';
  record: CompactMentions;
}

/** An article's per-article knowledge, without its id (see the file comment). Plain JSON, but for packed mentions. */
export interface ArticleKnowledge {
  mentions: StepResult<Omit<ArticleMentions, 'article'> | HeldMentions | PackedHeldMentions>;
  figures: StepResult<Omit<Figure, 'article'>[]>;
}

/** Options for `articleKnowledge`. */
export interface ArticleKnowledgeOptions {
  /** compromise's spans by sentence, shared between articles to save work; the result does not depend on it. */
  sentenceCache?: SentenceCache;
}

/**
 * The per-article steps over an entry's validated front matter and body, as
 * `buildKnowledge` would run them on it under any id.
 */
export function articleKnowledge(data: KnowledgeArticle['data'], body: string, options: ArticleKnowledgeOptions = {}): ArticleKnowledge {
  const article: KnowledgeArticle = { id: '', data, body };
  return {
    mentions: step(() => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { article: _id, ...rest } = extractMentions(article, options.sentenceCache ? { sentenceCache: options.sentenceCache } : {});
      return rest;
    }),
    figures: step(() =>
      findFigures([article]).map((f) => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const { article: _id, ...rest } = f;
        return rest;
      }),
    ),
  };
}

/** A record computed without its article id, with it put back as its first field (where the steps write it). */
export function withArticle<T extends object>(id: string, record: T): T & { article: string } {
  return { article: id, ...record };
}

function step<T>(compute: () => T): StepResult<T> {
  try {
    return { value: compute() };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** One line on an error: its name and the first line of its message (a ZodError's first issue). */
export function describeError(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return `${error.name}: ${issue ? `${issue.path.join('.') || 'the record'}: ${issue.message}` : 'not valid'}`;
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0] ?? text;
}


/** `mentions` without what `restoreMentions` derives again from the article: each unit's text and words (held mentions are returned as they are). */
export function holdMentions(mentions: Omit<ArticleMentions, 'article'> | HeldMentions): HeldMentions;
export function holdMentions(mentions: Omit<ArticleMentions, 'article'> | HeldMentions | PackedHeldMentions): HeldMentions | PackedHeldMentions;
export function holdMentions(mentions: Omit<ArticleMentions, 'article'> | HeldMentions | PackedHeldMentions): HeldMentions | PackedHeldMentions {
  if ('held' in mentions) return mentions;
  return {
    held: true,
    agencies: mentions.agencies,
    lowerWords: mentions.lowerWords,
    units: mentions.units.map(({ text: _text, words: _words, ...unit }) => unit),
  };
}

/** `held`, packed over `table` (see `PackedHeldMentions`); `unpackHeldMentions` gives it back. */
export function packHeldMentions(held: HeldMentions, table: StringTable): PackedHeldMentions {
  const units = held.units.map((u) => ({ block: u.block, ...(u.titleCase ? { titleCase: true as const, text: '' } : {}), detected: u.detected, ruled: u.ruled, editor: [], wordStarts: [], wordTexts: [], opens: [], closes: [] }));
  return { held: 'packed', record: packMentions('', { agencies: held.agencies, lowerWords: held.lowerWords, capitalised: [] }, units, table) };
}

/** The `HeldMentions` `packHeldMentions` was given (equal, field for field; new objects). */
export function unpackHeldMentions(packed: PackedHeldMentions): HeldMentions {
  const { agencies, lowerWords } = compactLists(packed.record);
  return {
    held: true,
    agencies,
    lowerWords,
    units: compactUnits(packed.record).map((u) => ({ block: u.block, ...(u.titleCase ? { titleCase: true as const } : {}), detected: [...u.detected], ruled: [...u.ruled] })),
  };
}

/**
 * The mentions `extractMentions` gave for `article`, from what `holdMentions`
 * kept of them (packed or not): each unit's text as `articleUnits` reads it (as
 * `extractMentions` did), and its words from that text (none in a title-case
 * headline, which the library does not read). Mentions that were not held are
 * returned as they are. Throws when the article's units do not match.
 */
export function restoreMentions(given: Omit<ArticleMentions, 'article'> | HeldMentions | PackedHeldMentions, article: KnowledgeArticle): Omit<ArticleMentions, 'article'> {
  if (!('held' in given)) return given;
  const mentions = given.held === 'packed' ? unpackHeldMentions(given) : given;
  const units = articleUnits(article);
  if (units.length !== mentions.units.length) throw new Error(`internal: the held mentions have ${mentions.units.length} units, the article ${units.length}`);
  return {
    agencies: mentions.agencies,
    lowerWords: mentions.lowerWords,
    units: mentions.units.map((unit, i): UnitMentions => {
      const text = units[i]!.text;
      return {
        block: unit.block,
        text,
        ...(unit.titleCase ? { titleCase: true as const } : {}),
        detected: unit.detected,
        ruled: unit.ruled,
        words: unit.titleCase ? [] : nameWords(text),
      };
    }),
  };
}
