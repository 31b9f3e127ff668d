/**
 * The entities section of the knowledge layer as the entity stage hands it
 * on: read from an `EntityTable`, each entity and each article's list made
 * and checked against its schema only as it is read (a corpus's section as
 * objects is larger than the rest of the stage), with `keepValid`'s rules:
 * an entity that fails is left out with a warning, and the articles' lists
 * keep only the entities kept.
 */
import { JsonArrayStream } from '../pretty-json.ts';
import type { EntityTable } from './compact-entities.ts';
import type { EntityMentionInput } from './event-schema.ts';
import type { KnowledgeProblem } from './knowledge.ts';
import { articleEntitiesSchema, entitySchema, type ArticleEntities, type Entity, type EntityIndex } from './schema.ts';
import { checkRecord, firstPlace, placeAt } from './valid-records.ts';

/** The entities section, its records made and checked as they are read (see `EntitySection`). */
export interface StreamedEntities {
  entities: JsonArrayStream<Entity>;
  articles: JsonArrayStream<ArticleEntities>;
  warnings: string[];
}

/** A record's check: not yet made, passed, failed. */
const UNCHECKED = 0;
const VALID = 1;
const INVALID = 2;

/**
 * The entities of `table` that pass their schema, and the articles' lists,
 * checked once each, in the index's order, however often or in whatever
 * order they are read: the warnings for the records that fail go to
 * `problems` in the order the unstreamed section gave them (every entity's,
 * then every article's), whatever reads them first.
 */
export class EntitySection {
  private readonly entityState: Uint8Array;
  private readonly articleState: Uint8Array;
  private allChecked = false;
  private readonly table: EntityTable;
  private readonly problems: KnowledgeProblem[];

  constructor(table: EntityTable, problems: KnowledgeProblem[]) {
    this.table = table;
    this.problems = problems;
    this.entityState = new Uint8Array(table.size);
    this.articleState = new Uint8Array(table.articleCount);
  }

  /** The section to hand a sink: its arrays are read through this object. */
  streamed(): StreamedEntities {
    return {
      entities: new JsonArrayStream(() => this.validEntities()),
      articles: new JsonArrayStream(() => this.validArticles()),
      warnings: this.table.warnings.filter((w) => typeof w === 'string'),
    };
  }

  /** Checks every record not yet read, so that `problems` is complete. */
  finish(): void {
    for (let j = 0; j < this.table.articleCount; j++) this.article(j);
  }

  /** The mentions in an article's body paragraphs that the events stage merges on, of the entities kept (as `EntityMentionInput`s, in index order). */
  mentionsOf(article: string): EntityMentionInput[] {
    this.checkAllEntities();
    return this.table.mentionsOf(
      article,
      (i) => this.entityState[i] === VALID,
      (block) => block > 0,
    );
  }

  private *validEntities(): Generator<Entity> {
    for (let i = 0; i < this.table.size; i++) {
      const entity = this.entity(i);
      if (entity !== undefined) yield entity;
    }
  }

  private *validArticles(): Generator<ArticleEntities> {
    for (let j = 0; j < this.table.articleCount; j++) {
      const list = this.article(j);
      if (list !== undefined) yield list;
    }
  }

  /** Entity `i` as its schema parses it, or undefined when it fails (reported the first time). */
  private entity(i: number): Entity | undefined {
    if (this.entityState[i] === INVALID) return undefined;
    const checked = checkRecord('entities', this.table.entity(i), entitySchema, (e) => firstPlace(e.mentions), this.entityState[i] === VALID ? [] : this.problems);
    this.entityState[i] = checked.ok ? VALID : INVALID;
    return checked.ok ? checked.value : undefined;
  }

  /** Article record `j`, with only the entities kept, as its schema parses it, or undefined when it fails (reported the first time). */
  private article(j: number): ArticleEntities | undefined {
    if (this.articleState[j] === INVALID) return undefined;
    this.checkAllEntities();
    const record = this.table.articleEntities(j, (i) => this.entityState[i] === VALID);
    const checked = checkRecord('entities', record, articleEntitiesSchema, (a) => placeAt(a.article), this.articleState[j] === VALID ? [] : this.problems);
    this.articleState[j] = checked.ok ? VALID : INVALID;
    return checked.ok ? checked.value : undefined;
  }

  /** Checks each entity not yet checked: the articles' lists and the events read which are kept. */
  private checkAllEntities(): void {
    if (this.allChecked) return;
    for (let i = 0; i < this.table.size; i++) if (this.entityState[i] === UNCHECKED) this.entity(i);
    this.allChecked = true;
  }
}

/** The section as plain arrays (what `buildKnowledge` returns). */
export function plainEntities(section: StreamedEntities): EntityIndex {
  const entities = [...section.entities];
  return { entities, articles: [...section.articles], warnings: section.warnings };
}
