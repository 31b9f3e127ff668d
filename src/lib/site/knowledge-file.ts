/**
 * Reading `knowledge.json` without holding its text: the file is read in
 * chunks into a `PrettyJsonReader`, each record (an element of one of the
 * layer's arrays) is checked against its part of `siteKnowledgeSchema` as it
 * is parsed, and the frame around them last. The text of 100,000 articles'
 * layer is over V8's string limit (about 512 MB), and parsing the layer whole
 * would hold it twice.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { PrettyJsonReader } from '../pretty-json.ts';
import { elementSchemaAt, parseByRecord } from '../zod-records.ts';
import { siteKnowledgeSchema } from './knowledge.ts';

/** Bytes read at a time. */
const CHUNK = 1 << 22;

/** The knowledge layer in the file at `path`, checked; throws when it cannot be read or does not match the schema. */
export function readKnowledgeFile(path: string): Knowledge {
  const reader = new PrettyJsonReader((keys, index, element) => {
    const schema = elementSchemaAt(siteKnowledgeSchema, keys);
    if (schema === undefined) throw new z.ZodError([{ code: 'custom', path: [...keys], message: 'an array the schema does not have', input: undefined }]);
    const parsed = schema.safeParse(element);
    if (!parsed.success) throw new z.ZodError(parsed.error.issues.map((i) => ({ ...i, path: [...keys, index, ...i.path] })));
    return parsed.data;
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
  return parseByRecord(siteKnowledgeSchema, reader.end(), 'frame') as Knowledge;
}
