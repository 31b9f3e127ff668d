import { describe, expect, it } from 'vitest';
import { parseSidecar, sidecarNameFor } from '../../src/lib/ingest/sidecar.ts';

describe('sidecarNameFor', () => {
  it('replaces the last extension', () => {
    expect(sidecarNameFor('000_abc.txt')).toBe('000_abc.meta.yaml');
    expect(sidecarNameFor('a.b.html')).toBe('a.b.meta.yaml');
  });
});

describe('parseSidecar', () => {
  it('reads the facts and the line of each', () => {
    const r = parseSidecar('# note\npublisher: Example News\nurl: https://example.com/a\npublished: 2025-08\n', 's.meta.yaml');
    expect(r.messages).toEqual([]);
    expect(r.sidecar).toEqual({ publisher: 'Example News', url: 'https://example.com/a', published: '2025-08' });
    expect(r.lines).toEqual({ publisher: 2, url: 3, published: 4 });
  });
  it('accepts an empty file', () => {
    expect(parseSidecar('', 's.meta.yaml').sidecar).toEqual({});
  });
  it('reports invalid YAML with its line', () => {
    const r = parseSidecar('publisher: A\nurl: [unclosed\n', 's.meta.yaml');
    expect(r.sidecar).toBeUndefined();
    expect(r.messages[0]).toMatchObject({ file: 's.meta.yaml', code: 'SL201', severity: 'error' });
    expect(r.messages[0]!.line).toBeGreaterThanOrEqual(2);
  });
  it('reports unknown fields, bad URLs and impossible dates at their lines', () => {
    const r = parseSidecar('publisher: A\nauthor: B\nurl: javascript:alert(1)\npublished: 2025-02-30\n', 's.meta.yaml');
    expect(r.sidecar).toBeUndefined();
    expect(r.messages.map((m) => [m.code, m.line])).toEqual(
      expect.arrayContaining([
        ['SL202', 2],
        ['SL202', 3],
        ['SL202', 4],
      ]),
    );
  });
});
