/**
 * Reading `knowledge.json` without holding its text: the file is read in
 * chunks into a `PrettyJsonReader`, each record (an element of one of the
 * layer's arrays) is checked against its part of `siteKnowledgeSchema` as it
 * is parsed, and the frame around them last. The text of 100,000 articles'
 * layer is over V8's string limit (about 512 MB), and parsing the layer whole
 * would hold it twice.
 *
 * A shard of a sharded build reads the layer twice and keeps only what its
 * pages need (`readShardKnowledge`, the choice is `knowledge-slice.ts`).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { PrettyJsonReader } from '../pretty-json.ts';
import { elementSchemaAt, parseByRecord } from '../zod-records.ts';
import { ENTITY_TYPES, siteKnowledgeSchema } from './knowledge.ts';
import type { EntityType } from '../knowledge/schema.ts';
import { DROP, shardKnowledgeNeeds, shardKnowledgeSelector, type RecordSelector } from './knowledge-slice.ts';
import type { Shard } from './shards.ts';
import { poolStrings, type StringPool } from './string-pool.ts';

/** Bytes read at a time. */
const CHUNK = 1 << 22;

/** Every record kept whole. */
const KEEP_ALL: RecordSelector = (_keys, element) => element;

/** What a shard keeps of the layer (`readShardKnowledge`). */
export interface ShardKnowledge {
  knowledge: Knowledge;
  /** How many events name each entity whose page the shard renders, in the whole layer: its page shows the latest few and this count. */
  entityEventTotals: ReadonlyMap<string, number>;
  /** How many distinct articles name each entity that has a page, in the whole layer: the shard keeps only part of most entities' articles. */
  entityArticleTotals: ReadonlyMap<string, number>;
}

/**
 * The knowledge layer in the file at `path`, checked, with each record as
 * `select` keeps it (whole, or a part that still matches its schema, or left
 * out of its array: `DROP`, which is not checked); throws when it cannot be read or does not match the schema.
 * The records share their short strings (`poolStrings`): an article's id is
 * held once, not once for every record naming it.
 */
export function readKnowledgeFile(path: string, select: RecordSelector = KEEP_ALL): Knowledge {
  let dropped = false;
  // Each kept record's short strings (ids, dates) shared with the records read before it: one copy of each.
  const pool: StringPool = new Map();
  const reader = new PrettyJsonReader((keys, index, element) => {
    const schema = elementSchemaAt(siteKnowledgeSchema, keys);
    if (schema === undefined) throw new z.ZodError([{ code: 'custom', path: [...keys], message: 'an array the schema does not have', input: undefined }]);
    const kept = select(keys, element, index);
    if (kept === DROP) {
      dropped = true;
      return DROP;
    }
    const parsed = schema.safeParse(kept);
    if (!parsed.success) throw new z.ZodError(parsed.error.issues.map((i) => ({ ...i, path: [...keys, index, ...i.path] })));
    return poolStrings(parsed.data, pool);
  });
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(CHUNK);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null)) reader.push(decoder.write(buffer.subarray(0, n)));
    reader.push(decoder.end());
  } finally {
    closeSync(fd);
  }
  const value = reader.end();
  pool.clear();
  if (dropped) pruneDropped(value);
  return parseByRecord(siteKnowledgeSchema, value, 'frame') as Knowledge;
}

/** Takes the records left out (`DROP`) out of the frame's arrays, in place. */
function pruneDropped(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(record)) {
    if (Array.isArray(field)) record[key] = field.filter((e) => e !== DROP);
    else pruneDropped(field);
  }
}

/**
 * Hands `select` the records of the top-level `sections` of the layer in the
 * file at `path` (e.g. `entities`, `stories`), unchecked, without parsing the
 * others: their lines are skipped as they are read. A top-level member's line
 * is the only one starting with two spaces and a quote in the layout
 * `JSON.stringify` writes with an indent of 2 (strings hold no raw line
 * breaks), and `PrettyJsonReader` reads a frame with members left out.
 */
export function scanKnowledgeSections(path: string, sections: ReadonlySet<string>, select: RecordSelector): void {
  const reader = new PrettyJsonReader((keys, index, element) => {
    select(keys, element, index);
    return DROP;
  });
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(CHUNK);
  let carry = '';
  let wanted = true;
  const feed = (text: string, last: boolean): void => {
    const lines = (carry + text).split('\n');
    carry = last ? '' : lines.pop()!;
    const kept: string[] = [];
    for (const line of lines) {
      if (line.startsWith('  "')) wanted = sections.has(JSON.parse(line.slice(2, line.indexOf('":', 3) + 1)) as string);
      else if (!line.startsWith(' ')) wanted = true;
      if (wanted) kept.push(line);
    }
    if (kept.length > 0) reader.push(`${kept.join('\n')}\n`);
  };
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null)) feed(decoder.write(buffer.subarray(0, n)), false);
    feed(decoder.end(), true);
  } finally {
    closeSync(fd);
  }
  reader.end();
}

/**
 * What `shard`'s pages read of the knowledge layer in the file at `path`
 * (`shardKnowledgeSelector`): a first reading of the entities, events and
 * stories finds what the shard renders (its stories, topics and entities,
 * and the events its entity pages show, with their counts), a second keeps
 * the records those pages show. `entityTypes` are the types that get pages
 * (the site's `entityPages`).
 */
export function readShardKnowledge(path: string, shard: Shard, entityTypes: readonly EntityType[] = ENTITY_TYPES): ShardKnowledge {
  const needs = shardKnowledgeNeeds(shard, entityTypes);
  scanKnowledgeSections(path, new Set(['entities', 'events', 'stories']), needs.select);
  const result = needs.result();
  const knowledge = readKnowledgeFile(path, shardKnowledgeSelector(result, shard, entityTypes));
  return { knowledge, entityEventTotals: result.eventTotals, entityArticleTotals: result.articleTotals };
}
