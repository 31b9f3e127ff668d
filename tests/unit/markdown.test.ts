import { describe, expect, it } from 'vitest';
import { bodyToMarkdown, readContentFile, roundTripMismatches, writeContentFile } from '../../src/lib/ingest/markdown.ts';

describe('bodyToMarkdown', () => {
  it('escapes text that Markdown or HTML would read as markup', () => {
    const blocks = [
      { kind: 'paragraph' as const, text: '<script>alert(1)</script> and [a](javascript:x) and *stars* and # hash' },
      { kind: 'paragraph' as const, text: '1. Not a list, - not a bullet, > not a quote' },
      { kind: 'heading' as const, text: 'A Real Heading' },
    ];
    const md = bodyToMarkdown(blocks);
    expect(md).toContain('## A Real Heading');
    expect(md).toContain('\\<script>');
    expect(roundTripMismatches(md, blocks)).toEqual([]);
  });
  it('reports blocks that do not read back', () => {
    expect(roundTripMismatches('one\n\ntwo\n', [{ kind: 'paragraph', text: 'one' }, { kind: 'paragraph', text: 'three' }])).toEqual([1]);
  });
});

describe('content files', () => {
  it('round-trip front matter with strings that YAML would otherwise reinterpret', () => {
    const data = { headline: 'no', date: '2025-08-22', n: 3, list: [1, 2], note: 'a: b # c' };
    const file = writeContentFile(data, 'Body.\n');
    expect(file.startsWith('---\nheadline: "no"\n')).toBe(true);
    expect(readContentFile(file)).toEqual({ data, body: 'Body.\n' });
  });
});
