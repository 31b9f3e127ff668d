/**
 * The knowledge layer's records checked against their schemas one at a time:
 * one that fails is left out with a warning that names where it came from,
 * and the rest are kept (see knowledge.ts).
 */
import type { z } from 'zod';
import type { KnowledgeProblem, KnowledgeStage } from './knowledge.ts';

/** Where a record came from, for a problem. */
export interface Place {
  article?: string;
  paragraph?: number;
}

/** Where a record came from, from fields that may be missing or of the wrong type in a record that failed its check. */
export function placeAt(article: unknown, paragraph?: unknown): Place {
  return { ...(typeof article === 'string' && article !== '' ? { article } : {}), ...(typeof paragraph === 'number' ? { paragraph } : {}) };
}

export function figurePlace(f: { article?: string; block?: number }): Place {
  return placeAt(f.article, f.block);
}

export function firstPlace(list: readonly { article?: string; block?: number }[] | undefined): Place {
  const first = list?.[0];
  return first ? figurePlace(first) : {};
}

/**
 * The records that pass `schema` (as it parses them); each that fails is left
 * out with a warning that names where it came from and the first field at fault.
 */
export function keepValid<T>(stage: KnowledgeStage, records: Iterable<unknown>, schema: z.ZodType<T>, place: (record: Partial<T>) => Place, problems: KnowledgeProblem[]): T[] {
  const out: T[] = [];
  for (const record of records) {
    const parsed = checkRecord(stage, record, schema, place, problems);
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}

/** `record` as `schema` parses it, or a warning in `problems` when it fails (see `keepValid`). */
export function checkRecord<T>(stage: KnowledgeStage, record: unknown, schema: z.ZodType<T>, place: (record: Partial<T>) => Place, problems: KnowledgeProblem[]): { ok: true; value: T } | { ok: false } {
  const parsed = schema.safeParse(record);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const at = issue ? `${issue.path.join('.') || 'the record'}: ${issue.message}` : 'not valid';
  const name = nameOf(record);
  problems.push({ stage, severity: 'warning', ...place((record ?? {}) as Partial<T>), message: `internal: left out ${name === undefined ? `a record of ${stage}` : `“${name}”`} from ${stage}, which failed its check (${at}); please report it` });
  return { ok: false };
}

/** What a record is called, for a message: an event's summary, an entity's or topic's name, a story's id. */
function nameOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const r = record as Record<string, unknown>;
  for (const key of ['summary', 'name', 'generatedName', 'id', 'measure']) {
    const value = r[key];
    if (typeof value === 'string' && value.trim() !== '') return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  }
  return undefined;
}
