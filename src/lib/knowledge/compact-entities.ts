/**
 * The entity index as the entity stage holds it for a whole corpus: each
 * entity's head (id, name, type, aliases, basis, count, description) as an
 * object, and its mentions packed in one shared `Int32Array` (article, block,
 * text, count: four integers a mention, strings as indices into lists held
 * once). Every mention of every entity as an object took about 17 KB an
 * article at 100,000 articles; packed, a mention is 16 bytes.
 *
 * An entity, or one article's list, is made as a plain object only when it is
 * asked for (`entity`, `articleEntities`), and equals what the unpacked index
 * holds there (`toIndex`, as `resolveEntities` returns it), key order included.
 */
import { StringTable } from './compact-mentions.ts';
import type { ArticleEntities, Entity, EntityIndex, EntityMention } from './schema.ts';

/** An entity without its mentions and articles (derived from the mentions). */
export type EntityHead = Omit<Entity, 'mentions' | 'articles'>;

/** One body or headline mention for the events stage: the entity's id and where its words stand. */
export interface EntityMentionRef {
  entity: string;
  article: string;
  block: number;
  text: string;
}

/** Integers a mention takes: article (index into `articles`), block, text (index into `texts`), count. */
const MENTION = 4;

/** A growable list of 32-bit integers. */
export class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(...values: number[]): void {
    if (this.length + values.length > this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, this.length + values.length));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    for (const v of values) this.data[this.length++] = v;
  }
  /** The integers, in an array of their own length. */
  trimmed(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Gathers an entity table: `add` each entity (in any order) with its mentions
 * sorted and counted as the index writes them, then `finish` with the order
 * the index lists them in and each article's list.
 */
export class EntityTableBuilder {
  private readonly heads: EntityHead[] = [];
  private readonly starts: number[] = [0];
  private readonly mentions = new IntList();
  private readonly texts = new StringTable();
  private readonly articles: readonly string[];
  private readonly articleIds: Map<string, number>;
  private readonly records: string[] = [];
  private readonly listStarts: number[] = [0];
  private readonly lists = new IntList();

  /** `articles`: every article id a mention may name, in ascending code-unit order, each once. */
  constructor(articles: readonly string[]) {
    this.articles = articles;
    this.articleIds = new Map(articles.map((a, i) => [a, i]));
  }

  /** The index of an article id given to the constructor. */
  articleIndex(article: string): number {
    const i = this.articleIds.get(article);
    if (i === undefined) throw new Error(`internal: the entity table was not given article "${article}"`);
    return i;
  }

  /** The index of a mention's text, given one if it has none. */
  textIndex(text: string): number {
    return this.texts.id(text);
  }

  /** Starts the next entity; its mentions follow (`mention`), in the order the index writes them. Returns its number. */
  add(head: EntityHead): number {
    this.heads.push(head);
    this.starts.push(this.starts.at(-1)!);
    return this.heads.length - 1;
  }

  /** A mention of the entity added last: article index, block, text index, count (1 for a mention written once). */
  mention(article: number, block: number, text: number, count: number): void {
    this.mentions.push(article, block, text, count);
    this.starts[this.starts.length - 1]! += 1;
  }

  /** Starts the next article record of the index; its entities follow (`listed`), in the order the index writes them. */
  record(article: string): void {
    this.records.push(article);
    this.listStarts.push(this.listStarts.at(-1)!);
  }

  /** An entity of the record started last: its number (`add` returned it; -1 for one the table does not hold) and its mentions there. */
  listed(entity: number, count: number): void {
    this.lists.push(entity, count);
    this.listStarts[this.listStarts.length - 1]! += 1;
  }

  /** The table, its entities in `order` (numbers `add` returned). */
  finish(order: readonly number[], warnings: readonly string[]): EntityTable {
    const position = new Int32Array(this.heads.length).fill(-1);
    order.forEach((e, i) => (position[e] = i));
    const lists = this.lists.trimmed();
    for (let k = 0; k < lists.length; k += 2) lists[k] = lists[k]! < 0 ? -1 : position[lists[k]!]!;
    const starts = new Int32Array(2 * order.length);
    order.forEach((e, i) => {
      starts[2 * i] = this.starts[e]!;
      starts[2 * i + 1] = this.starts[e + 1]!;
    });
    return new EntityTable({
      heads: order.map((e) => this.heads[e]!),
      starts,
      mentions: this.mentions.trimmed(),
      texts: this.texts.list,
      articles: this.articles,
      records: this.records,
      listStarts: Int32Array.from(this.listStarts),
      lists,
      warnings: [...warnings],
    });
  }
}

interface TableParts {
  heads: EntityHead[];
  /** Per entity (in index order), the first and past-the-last mention numbers. */
  starts: Int32Array;
  mentions: Int32Array;
  texts: readonly string[];
  articles: readonly string[];
  /** The article records' ids, in index order. */
  records: readonly string[];
  /** Per record, where its list starts in `lists` (in pairs: entity position, count). */
  listStarts: Int32Array;
  lists: Int32Array;
  warnings: string[];
}

/** An entity index held packed (see the file comment). Never written to once made. */
export class EntityTable {
  private readonly parts: TableParts;
  private byArticle: { index: Map<string, number>; starts: Int32Array; pairs: Int32Array } | undefined;

  constructor(parts: TableParts) {
    this.parts = parts;
  }

  /** A table with no entity, no article and no warning. */
  static empty(): EntityTable {
    return new EntityTableBuilder([]).finish([], []);
  }

  /**
   * The table of a plain index (a test's, or a stage's made another way). Each
   * entity's mentions must be grouped by article and its `articles` those
   * articles in that order, as `resolveEntities` makes them: the table derives
   * one from the other (it throws on an index that is not so).
   */
  static fromIndex(index: EntityIndex): EntityTable {
    const articles = [...new Set(index.entities.flatMap((e) => e.mentions.map((m) => m.article)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const builder = new EntityTableBuilder(articles);
    const ids = new Map<string, number>();
    index.entities.forEach(({ mentions, articles: named, ...head }) => {
      const e = builder.add(head);
      if (!ids.has(head.id)) ids.set(head.id, e);
      for (const m of mentions) builder.mention(builder.articleIndex(m.article), m.block, builder.textIndex(m.text), m.count ?? 1);
      const derived = mentions.map((m) => m.article).filter((a, i, all) => i === 0 || all[i - 1] !== a);
      if (derived.join('\u0000') !== named.join('\u0000')) throw new Error(`entity "${head.id}": its articles are not the articles its mentions name, in order`);
    });
    for (const a of index.articles) {
      builder.record(a.article);
      for (const e of a.entities) builder.listed(ids.get(e.id) ?? -1, e.count);
    }
    return builder.finish(
      index.entities.map((_, i) => i),
      index.warnings,
    );
  }

  /** How many entities the table holds. */
  get size(): number {
    return this.parts.heads.length;
  }

  /** How many article records the table holds. */
  get articleCount(): number {
    return this.parts.records.length;
  }

  get warnings(): readonly string[] {
    return this.parts.warnings;
  }

  /** The id of the entity at `i` (index order). */
  idAt(i: number): string {
    return this.parts.heads[i]!.id;
  }

  /** The entity at `i` (index order), as a new plain object. */
  entity(i: number): Entity {
    const { heads, starts, mentions: data, texts, articles: ids } = this.parts;
    const { description, ...head } = heads[i]!;
    const mentions: EntityMention[] = [];
    const articles: string[] = [];
    for (let m = starts[2 * i]!; m < starts[2 * i + 1]!; m++) {
      const at = m * MENTION;
      const article = ids[data[at]!]!;
      const count = data[at + 3]!;
      mentions.push(count > 1 ? { article, block: data[at + 1]!, text: texts[data[at + 2]!]!, count } : { article, block: data[at + 1]!, text: texts[data[at + 2]!]! });
      if (articles.at(-1) !== article) articles.push(article);
    }
    return { ...head, mentions, articles, ...(description === undefined ? {} : { description }) };
  }

  /** The article record at `j` (index order), as a new plain object; `kept(i)` says whether entity `i` stays in the lists. */
  articleEntities(j: number, kept: (i: number) => boolean = () => true): ArticleEntities {
    const { records, listStarts, lists, heads } = this.parts;
    const entities: { id: string; count: number }[] = [];
    for (let k = listStarts[j]!; k < listStarts[j + 1]!; k++) {
      const e = lists[2 * k]!;
      if (e >= 0 && kept(e)) entities.push({ id: heads[e]!.id, count: lists[2 * k + 1]! });
    }
    return { article: records[j]!, entities };
  }

  /**
   * The mentions of the entities `kept` keeps in one article's `blocks` (by
   * block number): entity by entity in index order, each entity's in the
   * order its `mentions` list them.
   */
  mentionsOf(article: string, kept: (i: number) => boolean = () => true, blocks: (block: number) => boolean = () => true): EntityMentionRef[] {
    const { index, starts, pairs } = (this.byArticle ??= this.indexArticles());
    const a = index.get(article);
    if (a === undefined) return [];
    const { mentions: data, texts, heads, starts: ranges } = this.parts;
    const out: EntityMentionRef[] = [];
    for (let k = starts[a]!; k < starts[a + 1]!; k++) {
      const e = pairs[2 * k]!;
      if (!kept(e)) continue;
      for (let m = pairs[2 * k + 1]!; m < ranges[2 * e + 1]! && data[m * MENTION] === a; m++) {
        const block = data[m * MENTION + 1]!;
        if (blocks(block)) out.push({ entity: heads[e]!.id, article, block, text: texts[data[m * MENTION + 2]!]! });
      }
    }
    return out;
  }

  /** The plain index (what `resolveEntities` returns). */
  toIndex(): EntityIndex {
    return {
      entities: Array.from({ length: this.size }, (_, i) => this.entity(i)),
      articles: Array.from({ length: this.articleCount }, (_, j) => this.articleEntities(j)),
      warnings: [...this.parts.warnings],
    };
  }

  /** Per article (index into `articles`), the entities that name it in index order, each with its first mention there: built once, on first use. */
  private indexArticles(): { index: Map<string, number>; starts: Int32Array; pairs: Int32Array } {
    const { starts: ranges, mentions: data, articles } = this.parts;
    const counts = new Int32Array(articles.length + 1);
    const visit = (each: (article: number, e: number, m: number) => void): void => {
      for (let e = 0; e < this.size; e++) {
        for (let m = ranges[2 * e]!; m < ranges[2 * e + 1]!; m++) {
          const a = data[m * MENTION]!;
          if (m === ranges[2 * e]! || data[(m - 1) * MENTION] !== a) each(a, e, m);
        }
      }
    };
    visit((a) => (counts[a + 1]! += 1));
    for (let a = 0; a < articles.length; a++) counts[a + 1]! += counts[a]!;
    const fill = counts.slice(0, articles.length);
    const pairs = new Int32Array(2 * counts[articles.length]!);
    visit((a, e, m) => {
      const k = fill[a]!++;
      pairs[2 * k] = e;
      pairs[2 * k + 1] = m;
    });
    return { index: new Map(articles.map((a, i) => [a, i])), starts: counts, pairs };
  }
}
