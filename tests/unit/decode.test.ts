import iconv from 'iconv-lite';
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

/** `html` encoded in `encoding`, as a page saved in that encoding is on disk. */
const encoded = (html: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(html, encoding));

describe('decode: the encoding a page declares', () => {
  const cases: { name: string; encoding: string; read: string; html: string }[] = [
    {
      name: 'Windows-1251 Cyrillic with <meta charset>',
      encoding: 'windows-1251',
      read: 'windows-1251',
      html: '<html><head><meta charset="windows-1251"><title>Новый мост</title></head>\n<body><p>В городе открылся новый мост через реку.</p></body></html>',
    },
    {
      name: 'ISO-8859-2 Polish and Czech with an http-equiv Content-Type',
      encoding: 'iso-8859-2',
      read: 'iso-8859-2',
      html: '<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">\n</head><body><p>Łódź: żółw przeszedł most. Příliš žluťoučký kůň.</p></body></html>',
    },
    {
      name: 'Shift_JIS Japanese, declared as x-sjis',
      encoding: 'shift_jis',
      read: 'shift_jis',
      html: '<html><head><meta charset="x-sjis"></head><body><p>新しい橋が今日開通しました。市民は喜んでいます。</p></body></html>',
    },
    {
      name: 'GB2312 Chinese with an XML declaration, read as its superset GBK',
      encoding: 'gb2312',
      read: 'gbk',
      html: '<?xml version="1.0" encoding="GB2312"?>\n<html><body><p>新桥今天正式通车，市民们非常高兴。</p></body></html>',
    },
    {
      name: 'EUC-KR Korean, declared as ks_c_5601-1987',
      encoding: 'euc-kr',
      read: 'euc-kr',
      html: '<html><head><meta http-equiv="content-type" content="text/html;charset=ks_c_5601-1987"></head><body><p>오늘 새 다리가 개통되었습니다.</p></body></html>',
    },
  ];
  for (const c of cases) {
    it(`reads ${c.name}, with a warning naming the encoding and why`, () => {
      const r = decode(encoded(c.html, c.encoding), 'seeds/x.html');
      expect(r.text).toBe(c.html);
      expect(r.encoding).toBe(c.read);
      expect(r.messages).toEqual([expect.objectContaining({ file: 'seeds/x.html', code: 'SL114', severity: 'warning' })]);
      expect(r.messages[0]!.message).toContain(`read as ${c.read}`);
    });
  }
  it('names the line the declaration stands on', () => {
    const r = decode(encoded(cases[1]!.html, 'iso-8859-2'), 'seeds/x.html');
    expect(r.messages[0]).toMatchObject({ line: 2 });
    expect(r.messages[0]!.message).toContain('<meta> tag declares the charset "iso-8859-2"');
  });
  it('reads ISO-8859-1 as Windows-1252, as the WHATWG Encoding Standard has it', () => {
    const html = '<meta charset="iso-8859-1"><p>\u201cCaf\u00e9\u201d, said the \u00e9lite.</p>';
    const r = decode(encoded(html, 'windows-1252'), 'seeds/x.html');
    expect(r).toMatchObject({ text: html, encoding: 'windows-1252' });
    expect(r.messages.map((m) => m.code)).toEqual(['SL114']);
  });
  it('keeps valid UTF-8 when the page declares another encoding (a browser saved it as UTF-8)', () => {
    const html = '<html><head><meta charset="windows-1251"></head><body><p>Новый мост открыт.</p></body></html>';
    expect(decode(utf8(html), 'seeds/x.html')).toEqual({ text: html, encoding: 'utf-8', messages: [] });
  });
  it('sets aside a declaration whose reading is full of replacement characters', () => {
    const html = '<meta charset="euc-kr"><p>Caf\u00e9 ol\u00e9, cr\u00e8me br\u00fbl\u00e9e \u00e0 la carte.</p>';
    const r = decode(encoded(html, 'windows-1252'), 'seeds/x.html');
    expect(r).toMatchObject({ text: html, encoding: 'windows-1252' });
    expect(r.messages).toEqual([expect.objectContaining({ code: 'SL108', severity: 'warning' })]);
    expect(r.messages[0]!.message).toContain('the charset "euc-kr" its <meta> tag declares does not fit its bytes');
  });
  it('without a declaration, reads as before: Windows-1252 when plausible', () => {
    const html = '<p>Caf\u00e9 \u201col\u00e9\u201d.</p>';
    const r = decode(encoded(html, 'windows-1252'), 'seeds/x.html');
    expect(r).toMatchObject({ text: html, encoding: 'windows-1252' });
    expect(r.messages.map((m) => m.code)).toEqual(['SL108']);
  });
  it('in a .txt seed, honours a declaration the same way and leaves undeclared text as before', () => {
    const declared = 'charset=windows-1251 is not a tag; <meta charset="windows-1251"> is.\nПривет.';
    expect(decode(encoded(declared, 'windows-1251'), 'seeds/x.txt')).toMatchObject({ text: declared, encoding: 'windows-1251' });
    const plain = 'Привет, мир. Новый мост.';
    expect(decode(encoded(plain, 'windows-1251'), 'seeds/x.txt').encoding).not.toBe('windows-1251');
  });
});
