/**
 * Large JSON files in pieces: `prettyJsonPieces` writes exactly what
 * `JSON.stringify(value, null, 2)` writes, `PrettyJsonReader` reads it back
 * however the text is cut into chunks, `parseByRecord` checks a value as its
 * schema's `parse` does, and the site reads `knowledge.json` record by record
 * to the same layer as parsing it whole.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PrettyJsonReader, prettyJsonPieces } from '../../src/lib/pretty-json.ts';
import { elementSchemaAt, parseByRecord } from '../../src/lib/zod-records.ts';
import { JsonObjectFile, serializeJson } from '../../src/cli/json-file.ts';
import { readKnowledgeFile } from '../../src/lib/site/knowledge-file.ts';
import { parseKnowledge, siteKnowledgeSchema } from '../../src/lib/site/knowledge.ts';

const VALUES: unknown[] = [
  { a: [], b: {}, c: [1, 'two', null, true, { d: [[], [{}], 'x\ny "q" \\ é 記事 😀'] }], e: undefined, f: -0.5e-7 },
  [[1, [2, [3]]], { '': 'empty key', 'a "b"': ['c'] }, [], {}],
  { only: [{ nested: { deep: [{ deeper: [1, 2, 3] }] } }], skipped: undefined, list: [undefined, 1] },
  'a string',
  42,
  null,
  [],
  {},
];

function read(text: string, cut: number): unknown {
  const reader = new PrettyJsonReader();
  for (let i = 0; i < text.length; i += cut) reader.push(text.slice(i, i + cut));
  return reader.end();
}

describe('prettyJsonPieces', () => {
  it('joins to exactly JSON.stringify(value, null, 2)', () => {
    for (const value of VALUES) expect([...prettyJsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });
  it('gives each element of an array as a piece of its own', () => {
    const pieces = [...prettyJsonPieces({ list: ['a', 'b', 'c'] })];
    expect(pieces.filter((p) => /"[abc]"/.test(p))).toHaveLength(3);
  });
});

describe('PrettyJsonReader', () => {
  it('reads back what JSON.parse reads, however the text is cut', () => {
    for (const value of VALUES) {
      const text = `${JSON.stringify(value, null, 2)}\n`;
      for (const cut of [1, 2, 3, 7, 64, text.length]) expect(read(text, cut)).toEqual(JSON.parse(text));
    }
  });
  it('shows each array element to the caller, with the keys to its array and its index, and keeps what it returns', () => {
    const seen: string[] = [];
    const reader = new PrettyJsonReader((path, index, element) => {
      seen.push(`${path.join('.')}[${index}]`);
      return { wrapped: element };
    });
    reader.push(JSON.stringify({ a: { b: [1, { c: [2] }] }, d: ['x'] }, null, 2));
    expect(reader.end()).toEqual({ a: { b: [{ wrapped: 1 }, { wrapped: { c: [2] } }] }, d: [{ wrapped: 'x' }] });
    expect(seen).toEqual(['a.b[0]', 'a.b[1]', 'd[0]']);
  });
  it('refuses text in another layout, or cut short, with the line', () => {
    expect(() => read(JSON.stringify({ a: [1, 2] }, null, 4), 5)).toThrow(/^line 2: /);
    expect(() => read(JSON.stringify({ a: [1, 2] }, null, 2).slice(0, -2), 5)).toThrow(/ends before the value is complete/);
    expect(() => read(`${JSON.stringify([1], null, 2)}\n[]`, 5)).toThrow(/more text after the value/);
  });
});

describe('parseByRecord', () => {
  const schema = z.object({ items: z.array(z.object({ n: z.number().int() }).strict()), meta: z.object({ name: z.string(), tags: z.array(z.string()) }).strict() }).strict();
  it('gives what parse gives', () => {
    const value = { items: [{ n: 1 }, { n: 2 }], meta: { name: 'x', tags: ['a'] } };
    expect(parseByRecord(schema, structuredClone(value))).toEqual(schema.parse(value));
  });
  it('refuses what parse refuses, naming the path from the root', () => {
    expect(() => parseByRecord(schema, { items: [{ n: 1 }, { n: 1.5 }], meta: { name: 'x', tags: [] } })).toThrow(/"items",\s*1,\s*"n"/);
    expect(() => parseByRecord(schema, { items: [], meta: { name: 'x', tags: [] }, extra: 1 })).toThrow(/unknown key/);
    expect(() => parseByRecord(schema, { items: {}, meta: { name: 'x', tags: [] } })).toThrow(/expected an array/);
  });
  it('checks only the frame when asked', () => {
    expect(parseByRecord(schema, { items: [{ n: 'not checked' }], meta: { name: 'x', tags: [] } }, 'frame')).toBeTruthy();
    expect(() => parseByRecord(schema, { items: [], meta: { name: 1, tags: [] } }, 'frame')).toThrow();
  });
  it('finds the element schema of an array by its keys', () => {
    expect(elementSchemaAt(schema, ['meta', 'tags'])).toBeInstanceOf(z.ZodString);
    expect(elementSchemaAt(schema, ['meta', 'name'])).toBeUndefined();
    expect(elementSchemaAt(schema, ['nothing'])).toBeUndefined();
  });
});

describe('knowledge.json in pieces', () => {
  const text = readFileSync('content/knowledge.json', 'utf8');
  it('is written and hashed as one JSON.stringify would write it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-pieces-'));
    try {
      const layer = JSON.parse(text) as unknown;
      const temp = join(dir, 'k.json');
      const digest = serializeJson(layer, temp);
      expect(readFileSync(temp, 'utf8')).toBe(`${JSON.stringify(layer, null, 2)}\n`);
      expect(digest).toMatch(/^[0-9a-f]{64}$/);
      expect(serializeJson(layer)).toBe(digest);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('is written member by member (each let go once written) to the same text and digest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-pieces-'));
    try {
      const layer = JSON.parse(text) as Record<string, unknown>;
      const temp = join(dir, 'k.json');
      const file = new JsonObjectFile(temp);
      for (const [key, value] of Object.entries(layer)) file.member(key, value);
      const digest = file.finish();
      expect(file.error).toBeUndefined();
      expect(readFileSync(temp, 'utf8')).toBe(`${JSON.stringify(layer, null, 2)}\n`);
      expect(digest).toBe(serializeJson(layer));
      for (const value of VALUES.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
        const hashed = new JsonObjectFile();
        for (const [key, member] of Object.entries(value as Record<string, unknown>)) hashed.member(key, member);
        expect(hashed.finish()).toBe(serializeJson(value));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('is read by the site record by record to the layer parsing it whole gives', () => {
    expect(readKnowledgeFile('content/knowledge.json')).toEqual(parseKnowledge(JSON.parse(text)));
  });
  it('is refused by the site when a record fails its schema, naming where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-pieces-'));
    try {
      const layer = JSON.parse(text) as { figures: { value: unknown }[] };
      expect(layer.figures.length).toBeGreaterThan(0);
      layer.figures[0]!.value = 'many';
      writeFileSync(join(dir, 'k.json'), `${JSON.stringify(layer, null, 2)}\n`);
      expect(() => readKnowledgeFile(join(dir, 'k.json'))).toThrow(/"figures",\s*0,\s*"value"/);
      expect(elementSchemaAt(siteKnowledgeSchema, ['figures'])).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
