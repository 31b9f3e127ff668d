import { describe, expect, it } from 'vitest';
import { isoDatePrefix, readMarkdown } from '../../src/lib/ingest/markdown-input.ts';

const SOURCE = `---
title: "Ferry Fares Cut"
date: 2025-02-14T09:30:00+01:00
publisher: The County Herald
url: https://example.org/a
tags: [a, b]
---

First paragraph with **bold** and a [link](https://example.org).

## A heading

- An item.
`;

describe('readMarkdown', () => {
  it('gives the title first, then body blocks with their file lines', () => {
    const r = readMarkdown(SOURCE, 'a.md');
    expect(r.messages).toEqual([]);
    expect(r.blocks).toEqual([
      { text: 'Ferry Fares Cut', lines: [2, 2] },
      { text: 'First paragraph with bold and a link.', lines: [9, 9] },
      { text: 'A heading', lines: [11, 11], hint: 'heading' },
      { text: 'An item.', lines: [13, 13] },
    ]);
  });
  it('reads the facts as the page’s own, with the key and line', () => {
    const r = readMarkdown(SOURCE, 'a.md');
    expect(r.published).toEqual({ value: '2025-02-14', evidence: { rule: 'front-matter:date', quote: '2025-02-14T09:30:00+01:00', line: 3 } });
    expect(r.publisher?.value).toBe('The County Herald');
    expect(r.url?.value).toBe('https://example.org/a');
  });
  it('reports unclosed or invalid front matter', () => {
    expect(readMarkdown('---\ntitle: x\n\nBody.', 'a.md').messages[0]).toMatchObject({ code: 'SL120', line: 1 });
    expect(readMarkdown('---\ntitle: [x\n---\nBody.', 'a.md').messages[0]).toMatchObject({ code: 'SL121' });
  });
  it('reads a file without front matter as body only', () => {
    expect(readMarkdown('Just a paragraph.\n', 'a.md').blocks).toEqual([{ text: 'Just a paragraph.', lines: [1, 1] }]);
  });
});

describe('isoDatePrefix', () => {
  it('keeps the calendar date as written', () => {
    expect(isoDatePrefix('2025-02-14T23:30:00-05:00')).toBe('2025-02-14');
    expect(isoDatePrefix('2025-02')).toBe('2025-02');
    expect(isoDatePrefix('14 Feb 2025')).toBeUndefined();
  });
});
