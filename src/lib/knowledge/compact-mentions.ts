/**
 * An article's mentions as the entity stage holds them for the whole corpus
 * (`compactMentions` in entities.ts): one `Int32Array` per article, its
 * strings as indices into a list the corpus's records share. A corpus of
 * 10,000 articles holds about 390,000 name pieces and 850,000 capitalised
 * words; as objects and arrays they took about 11 KB an article, packed
 * about 3 KB, and each distinct string is held once.
 *
 * The layout, in 32-bit integers: the agencies, the lower-case words and the
 * capitalised words, each as a count and string indices; the number of
 * units; then each unit: its block, its text's index (a title-case headline;
 * -1 for any other unit), the counts of its detected, ruled and editor
 * pieces, of its words, of its opening and of its closing brackets, then
 * those pieces (`PIECE` integers each), its words (start and text index),
 * its opening and its closing brackets' offsets.
 */
import type { NamePiece } from './entities.ts';
import type { EntityType } from './schema.ts';

/**
 * One unit of an article as `resolveEntities` reads it: what the
 * corpus-wide rules read of it, without its text. Unpacked from a
 * `CompactMentions` record one article at a time (`compactUnits`).
 */
export interface CompactUnit {
  /** As `UnitMentions.block`. */
  block: number;
  /** A headline in title case, and its text: only names found elsewhere are looked up in it. */
  titleCase?: true;
  /** The text, kept only for a title-case headline. */
  text?: string;
  detected: readonly NamePiece[];
  ruled: readonly NamePiece[];
  /** The editor's forms as the text writes them (`editorPiecesIn`): one piece per match, `editor` set. */
  editor: readonly NamePiece[];
  /** The unit's `words` (`UnitMentions.words`), in order: where each starts, and its text (its key is `foldName(text)`). */
  wordStarts: readonly number[];
  wordTexts: readonly string[];
  /** Offsets where the text writes " (" , and where it writes ")": an acronym defined in brackets after a long name. */
  opens: readonly number[];
  closes: readonly number[];
}

/**
 * An article's mentions as `resolveEntities` holds them: every unit's text
 * read once, for the editor's forms and the brackets, and let go (a large
 * corpus's text does not fit beside its mentions), packed (see the file
 * comment). Depends on the article and the editor file: it is made again
 * whenever either changes. Never written to once made.
 */
export interface CompactMentions {
  compact: true;
  article: string;
  /** The strings `data` refers to, shared by the records of one corpus (`StringTable.list`). */
  strings: readonly string[];
  data: Int32Array;
}

/** Each distinct string once, by index: what a corpus's packed records refer to. */
export class StringTable {
  /** Every string given an index, at its index. */
  readonly list: string[] = [];
  private ids: Map<string, number> | undefined = new Map();

  /** The index of `s`, given one if it has none. */
  id(s: string): number {
    this.ids ??= new Map(this.list.map((v, i) => [v, i]));
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** Lets go of the lookup by string (the list stays): the records are made. A later `id` builds it again. */
  seal(): void {
    this.ids = undefined;
  }
}

/** Integers a piece takes: start, end, text, key, flags, table place (-1 for none), editor entry (-1 for none). */
const PIECE = 7;
const TYPES: readonly (EntityType | undefined)[] = [undefined, 'person', 'organisation', 'place'];
const ACRONYM = 1;
const PLACE_SLOT = 2;
const SENTENCE_INITIAL = 4;
const DEMONYM = 8;
/** The library's type, at bits 4–5, and the rule's, at bits 6–7 (`TYPES` indices). */
const LIB_SHIFT = 4;
const RULE_SHIFT = 6;

/** The record for an article's lists and units (see `CompactMentions`), its strings in `table`. */
export function packMentions(
  article: string,
  lists: { agencies: readonly string[]; lowerWords: readonly string[]; capitalised: readonly string[] },
  units: readonly CompactUnit[],
  table: StringTable,
): CompactMentions {
  const out: number[] = [];
  for (const list of [lists.agencies, lists.lowerWords, lists.capitalised]) {
    out.push(list.length);
    for (const s of list) out.push(table.id(s));
  }
  out.push(units.length);
  for (const u of units) {
    out.push(u.block, u.titleCase ? table.id(u.text ?? '') : -1, u.detected.length, u.ruled.length, u.editor.length, u.wordStarts.length, u.opens.length, u.closes.length);
    for (const p of [...u.detected, ...u.ruled, ...u.editor]) {
      const flags =
        (p.acronym ? ACRONYM : 0) |
        (p.placeSlot ? PLACE_SLOT : 0) |
        (p.sentenceInitial ? SENTENCE_INITIAL : 0) |
        (p.demonym ? DEMONYM : 0) |
        (TYPES.indexOf(p.libType) << LIB_SHIFT) |
        (TYPES.indexOf(p.ruleType) << RULE_SHIFT);
      out.push(p.start, p.end, table.id(p.text), table.id(p.key), flags, p.tablePlace === undefined ? -1 : table.id(p.tablePlace), p.editor ?? -1);
    }
    u.wordStarts.forEach((start, i) => out.push(start, table.id(u.wordTexts[i]!)));
    out.push(...u.opens, ...u.closes);
  }
  return { compact: true, article, strings: table.list, data: Int32Array.from(out) };
}

/** A record's agencies, lower-case words and capitalised words, as `packMentions` was given them. */
export function compactLists(c: CompactMentions): { agencies: string[]; lowerWords: string[]; capitalised: string[]; units: number } {
  const { data, strings } = c;
  let at = 0;
  const list = (): string[] => {
    const n = data[at++]!;
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = strings[data[at++]!]!;
    return out;
  };
  const agencies = list();
  const lowerWords = list();
  const capitalised = list();
  return { agencies, lowerWords, capitalised, units: data[at]! };
}

/** A record's units, as `packMentions` was given them (new objects each call: the caller may let them go). */
export function compactUnits(c: CompactMentions): CompactUnit[] {
  const { data, strings } = c;
  let at = 0;
  for (let list = 0; list < 3; list++) at += 1 + data[at]!;
  const units = new Array<CompactUnit>(data[at++]!);
  const piece = (): NamePiece => {
    const flags = data[at + 4]!;
    const p: NamePiece = { start: data[at]!, end: data[at + 1]!, text: strings[data[at + 2]!]!, key: strings[data[at + 3]!]!, acronym: (flags & ACRONYM) !== 0 };
    const libType = TYPES[(flags >> LIB_SHIFT) & 3];
    const ruleType = TYPES[(flags >> RULE_SHIFT) & 3];
    if (libType) p.libType = libType;
    if (ruleType) p.ruleType = ruleType;
    if (flags & PLACE_SLOT) p.placeSlot = true;
    if (flags & SENTENCE_INITIAL) p.sentenceInitial = true;
    if (data[at + 5]! >= 0) p.tablePlace = strings[data[at + 5]!]!;
    if (flags & DEMONYM) p.demonym = true;
    if (data[at + 6]! >= 0) p.editor = data[at + 6]!;
    at += PIECE;
    return p;
  };
  const pieces = (n: number): NamePiece[] => Array.from({ length: n }, piece);
  const numbers = (n: number): number[] => Array.from(data.subarray(at, (at += n)));
  for (let u = 0; u < units.length; u++) {
    const [block, text, detected, ruled, editor, words, opens, closes] = data.subarray(at, (at += 8));
    const unit: CompactUnit = { block: block!, ...(text! >= 0 ? { titleCase: true as const, text: strings[text!]! } : {}), detected: pieces(detected!), ruled: pieces(ruled!), editor: pieces(editor!), wordStarts: [], wordTexts: [], opens: [], closes: [] };
    const starts: number[] = [];
    const texts: string[] = [];
    for (let w = 0; w < words!; w++, at += 2) {
      starts.push(data[at]!);
      texts.push(strings[data[at + 1]!]!);
    }
    unit.wordStarts = starts;
    unit.wordTexts = texts;
    unit.opens = numbers(opens!);
    unit.closes = numbers(closes!);
    units[u] = unit;
  }
  return units;
}
