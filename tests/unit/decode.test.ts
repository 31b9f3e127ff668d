import { describe, expect, it } from 'vitest';
import { decode } from '../../src/lib/ingest/decode.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decode', () => {
  it('reads plain UTF-8', () => {
    expect(decode(utf8('Kim’s troops'), 'a.txt')).toMatchObject({ text: 'Kim’s troops', encoding: 'utf-8', messages: [] });
  });
  it('drops a UTF-8 BOM and says it was there', () => {
    const r = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hi')]), 'a.txt');
    expect(r.text).toBe('Hi');
    expect(r.encoding).toBe('utf-8 (BOM)');
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decode(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), 'a.txt').text).toBe('Hi');
    expect(decode(new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]), 'a.txt').text).toBe('Hi');
  });
  it('reports damaged UTF-8 (good UTF-8 letters, then a stray byte) with the line it stands on', () => {
    const r = decode(new Uint8Array([...utf8('Kim’s troops\ntwo\n'), 0xff, 0x41]), 'seeds/x.txt');
    expect(r.text).toBeUndefined();
    expect(r.messages).toEqual([expect.objectContaining({ file: 'seeds/x.txt', line: 3, code: 'SL103', severity: 'error' })]);
  });
  it('reads text that is not UTF-8 as Windows-1252, with a warning at the first such line', () => {
    const r = decode(new Uint8Array([...utf8('one\ntwo\n'), 0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]), 'seeds/x.txt');
    expect(r.text).toBe('one\ntwo\n“Café”');
    expect(r.encoding).toBe('windows-1252');
    expect(r.messages).toEqual([expect.objectContaining({ file: 'seeds/x.txt', line: 3, code: 'SL108', severity: 'warning' })]);
  });
  it('refuses binary files', () => {
    const r = decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 'img.txt');
    expect(r.text).toBeUndefined();
    expect(r.messages[0]?.code).toBe('SL102');
  });
});
