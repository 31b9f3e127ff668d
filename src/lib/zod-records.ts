/**
 * Checking a large value against its zod schema one record at a time. A
 * schema's `parse` returns a checked copy of the whole value, so a value of
 * gigabytes is held twice; here objects are walked field by field and each
 * element of an array is checked on its own and put back in its place, so at
 * most one record is held twice. The result is what `schema.parse` gives for
 * schemas made of strict objects and arrays; any other kind of schema is
 * parsed whole where it stands.
 */
import { z } from 'zod';

/** What `checkFrame` checks of each array's elements: `records` parses each with the element schema; `frame` only that the array is one. */
export type RecordCheck = 'records' | 'frame';

/**
 * `value` checked against `schema`, record by record, in place (its objects
 * and arrays are reused); throws a `ZodError` whose path is from the root.
 */
export function parseByRecord<T>(schema: z.ZodType<T>, value: unknown, check: RecordCheck = 'records'): T {
  return walk(schema, value, [], check) as T;
}

/** The schema of the arrays' elements at `path` (object keys from the root), or undefined when the path leads to no array of `schema`. */
export function elementSchemaAt(schema: z.ZodType, path: readonly string[]): z.ZodType | undefined {
  let at: z.ZodType = schema;
  for (const key of path) {
    if (!(at instanceof z.ZodObject)) return undefined;
    const next = (at.shape as Record<string, z.ZodType>)[key];
    if (next === undefined) return undefined;
    at = next;
  }
  return at instanceof z.ZodArray ? (at.element as z.ZodType) : undefined;
}

function walk(schema: z.ZodType, value: unknown, path: (string | number)[], check: RecordCheck): unknown {
  if (schema instanceof z.ZodObject && isStrict(schema)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw issue(path, 'expected an object');
    const shape = schema.shape as Record<string, z.ZodType>;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!(key in shape)) throw issue([...path, key], 'an unknown key');
    for (const [key, field] of Object.entries(shape)) record[key] = walk(field, record[key], [...path, key], check);
    return record;
  }
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(value)) throw issue(path, 'expected an array');
    if (check === 'frame') return value;
    const element = schema.element as z.ZodType;
    for (let i = 0; i < value.length; i++) {
      const parsed = element.safeParse(value[i]);
      if (!parsed.success) throw new z.ZodError(parsed.error.issues.map((i2) => ({ ...i2, path: [...path, i, ...i2.path] })));
      value[i] = parsed.data;
    }
    return value;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new z.ZodError(parsed.error.issues.map((i2) => ({ ...i2, path: [...path, ...i2.path] })));
  return parsed.data;
}

/** Whether an object schema refuses unknown keys (`.strict()`), the only kind walked here. */
function isStrict(schema: z.ZodObject): boolean {
  return schema.def.catchall instanceof z.ZodNever;
}

function issue(path: (string | number)[], message: string): z.ZodError {
  return new z.ZodError([{ code: 'custom', path, message, input: undefined }]);
}
