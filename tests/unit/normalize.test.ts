import { describe, expect, it } from 'vitest';
import { foldKey, normalizeLine, splitLines, words, unmarkLine } from '../../src/lib/ingest/normalize.ts';

describe('normalizeLine', () => {
  it('removes zero-width characters and turns odd spaces into single plain spaces', () => {
    expect(normalizeLine('\u00A0 Kim\u200B Jong\u00A0\u00A0Un\t ')).toBe('Kim Jong Un');
  });
  it('closes the stray space scrapers leave before a possessive', () => {
    expect(normalizeLine("Kim Jong Un 's soldiers")).toBe("Kim Jong Un's soldiers");
    expect(normalizeLine('Kim Jong Un ’s soldiers')).toBe('Kim Jong Un’s soldiers');
  });
  it('leaves a quoted word after a space alone', () => {
    expect(normalizeLine("the word 'shall' matters")).toBe("the word 'shall' matters");
  });
});

describe('splitLines', () => {
  it('treats CRLF, lone CR and LF as one line end each', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('foldKey', () => {
  it('is the same for variants that differ in quotes, apostrophes, case or spacing', () => {
    expect(foldKey('North Korea’s Kim  Says “No”')).toBe(foldKey("north korea's kim says \"no\""));
  });
  it('differs for different words', () => {
    expect(foldKey('Kim honours troops')).not.toBe(foldKey('Kim honors troops'));
  });
});

describe('words', () => {
  it('keeps inner apostrophes, hyphens and decimal points in one word', () => {
    expect(words('Kim Jong-un’s 4.5 troops, 15,000')).toEqual(['Kim', 'Jong-un’s', '4.5', 'troops', '15', '000']);
  });
});

describe('unmarkLine', () => {
  it('drops formatting tags and comments, and decodes entities', () => {
    expect(normalizeLine(unmarkLine('Kim Jong Un&#8217;s <em>troops</em>&nbsp;fought<br/> <span class="x">in</span> Kursk &amp; Belgorod<!-- ad -->'))).toBe(
      'Kim Jong Un’s troops fought in Kursk & Belgorod',
    );
  });
  it('keeps other markup as visible text', () => {
    expect(unmarkLine('He typed <script>alert(1)</script> and <img src=x onerror=alert(1)>')).toBe('He typed <script>alert(1)</script> and <img src=x onerror=alert(1)>');
    expect(unmarkLine('<b onclick="x()">bold</b>')).toBe('<b onclick="x()">bold ');
    expect(unmarkLine('&lt;iframe&gt; AT&T &copy')).toBe('<iframe> AT&T &copy');
  });
});
