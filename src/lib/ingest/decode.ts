/**
 * Bytes to text. Honours a BOM (UTF-8, UTF-16 LE/BE); otherwise the bytes
 * should be UTF-8. Bytes that are not UTF-8 are read as Windows-1252 (which
 * covers Latin-1) only when they look like text in that encoding, and the
 * reading is reported; anything else is refused with a message saying what
 * the file looks like. Nothing is ever guessed at silently.
 *
 * Bytes that are not UTF-8 (and carry no BOM) are first read in the encoding
 * the file declares, when it declares one in its first 4 KB (`<meta charset>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">` or
 * `<?xml … encoding="…"?>`, see `declaredEncoding`). A declaration never
 * overrides valid UTF-8: a browser's "save as" writes the page as UTF-8 but
 * keeps its `<meta>` naming the encoding it was served in, so valid UTF-8 is
 * the truth and the declaration is stale. A declaration whose reading holds
 * more than 1% U+FFFD replacement characters does not fit the bytes and is
 * set aside for the rules above.
 *
 * Messages (the README documents codes in its table):
 * - SL102 error: binary, not text (a known format's signature, NUL or control bytes; a known format is named);
 * - SL103 error: not valid UTF-8 (or UTF-16), and not plausibly Windows-1252 either;
 * - SL106 error: over `MAX_SEED_BYTES` (see `checkSize`);
 * - SL108 warning: not UTF-8, read as Windows-1252;
 * - SL114 warning: not UTF-8, read in the encoding the file declares.
 */
import iconv from 'iconv-lite';
import type { Diagnostic } from '../diagnostics.ts';

export interface Decoded {
  /** The text, or undefined when the bytes could not be read as text. */
  text: string | undefined;
  /**
   * `utf-8`, `utf-8 (BOM)`, `utf-16le (BOM)`, `utf-16be (BOM)`, `windows-1252`,
   * the declared encoding's name (e.g. `windows-1251`, `shift_jis`), or
   * `unknown` when refused.
   */
  encoding: string;
  messages: Diagnostic[];
}

/**
 * The largest seed (or sidecar) read, in bytes: 10 MiB. A news article's text
 * is a few tens of kilobytes and a saved page rarely passes a few megabytes;
 * at this size a text seed takes about 15 s and 1.3 GB, a saved page about
 * 8 s and 700 MB (see docs/robustness.md), so a larger file is refused
 * before it is read rather than allowed to exhaust time or memory.
 */
export const MAX_SEED_BYTES = 10 * 1024 * 1024;

/** SL106 when a file of `size` bytes is over `MAX_SEED_BYTES`; undefined when it may be read. */
export function checkSize(size: number, file: string): Diagnostic | undefined {
  if (size <= MAX_SEED_BYTES) return undefined;
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return {
    file,
    severity: 'error',
    code: 'SL106',
    message: `the file is ${mb(size)}; files over ${mb(MAX_SEED_BYTES)} are not read (save the article's text or page alone)`,
  };
}

export function decode(bytes: Uint8Array, file: string): Decoded {
  const messages: Diagnostic[] = [];
  const refuse = (code: string, message: string, line?: number): Decoded => {
    messages.push({ file, ...(line === undefined ? {} : { line }), severity: 'error', code, message });
    return { text: undefined, encoding: 'unknown', messages };
  };

  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, offset] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, offset] = ['utf-16be', 2];

  const body = bytes.subarray(offset);
  if (offset === 0 && signatureOf(bytes)) return refuse('SL102', binaryMessage(bytes, 'binary data'));
  if (encoding === 'utf-8' && body.includes(0)) return refuse('SL102', binaryMessage(bytes, 'NUL bytes'));
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: offset > 0 ? `${encoding} (BOM)` : encoding, messages };
  } catch {
    if (encoding !== 'utf-8') return refuse('SL103', `the bytes are not valid ${encoding.toUpperCase()}; save the file as UTF-8`);
  }

  const line = firstInvalidUtf8Line(body);
  if (body.some(isControlByte)) return refuse('SL102', binaryMessage(bytes, 'control bytes'));
  const { valid, invalid } = countUtf8Sequences(body);
  // A file that is mostly UTF-8 with a few broken bytes is damaged UTF-8: reading it as Windows-1252 would turn its good letters into mojibake ("â€™").
  // In Windows-1252 text the bytes above 0x7F are accented letters and typographic punctuation, a minority even in a short line;
  // in binary data they are half the bytes.
  const high = body.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  const printable = body.reduce((n, b) => n + (b > 0x20 ? 1 : 0), 0);
  if (offset > 0 || valid >= invalid) {
    return refuse('SL103', 'the bytes are not valid UTF-8, though most of the file is: it is damaged or mixes two encodings; save it as UTF-8', line);
  }
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const declared = declaredEncoding(body);
  // The declared encoding is the page's own word on how to read it, so it comes before the Windows-1252 guess;
  // it comes after the damaged-UTF-8 check, since a saved UTF-8 page keeps its old <meta> and a stray byte does not make that true.
  let misfit = '';
  if (declared) {
    const text = iconv.decode(buffer, declared.iconvName);
    if (replacementShare(text) <= MAX_REPLACEMENT_SHARE) {
      messages.push({
        file,
        line: declared.line,
        severity: 'warning',
        code: 'SL114',
        message: `the file is not UTF-8; it was read as ${declared.encoding} because ${declared.where} declares the charset "${declared.label}": save it as UTF-8 to silence this`,
      });
      return { text, encoding: declared.encoding, messages };
    }
    misfit = ` (the charset "${declared.label}" ${declared.where} declares does not fit its bytes)`;
  }
  if (body.some(isUndefinedIn1252) || high > printable * 0.45) {
    return refuse('SL103', `the bytes are not valid UTF-8, nor text in another encoding the ingest reads${misfit}; save the file as UTF-8`, line);
  }
  messages.push({
    file,
    ...(line === undefined ? {} : { line }),
    severity: 'warning',
    code: 'SL108',
    message: `the file is not UTF-8; it was read as Windows-1252 (Latin-1)${misfit}: check its accented letters and quotes, and save it as UTF-8 to silence this`,
  });
  return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252', messages };
}

/** How far into the file a declaration is looked for, in bytes: a page's `<head>` opens well within it. */
const DECLARATION_WINDOW = 4096;

/** The largest share of U+FFFD in a reading that still lets the declaration stand: more means the declaration is wrong. */
const MAX_REPLACEMENT_SHARE = 0.01;

/**
 * Labels whose encoding is not the one iconv-lite gives the same name, or
 * that it does not know, mapped to the encoding browsers decode them as.
 * From the WHATWG Encoding Standard's label table
 * (https://encoding.spec.whatwg.org/#names-and-labels): it makes Latin-1 and
 * ASCII labels mean Windows-1252, ISO-8859-9 mean Windows-1254, TIS-620 and
 * ISO-8859-11 mean Windows-874, GB2312 mean GBK, the Korean labels mean
 * EUC-KR (Windows-949, a superset), and the Shift_JIS labels mean Windows-31J.
 * A label not here is passed to iconv-lite as written, lower-cased.
 */
const WHATWG_LABELS: Readonly<Record<string, string>> = {
  ...labels('windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']),
  ...labels('windows-1254', ['cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599', 'iso_8859-9', 'iso_8859-9:1989', 'l5', 'latin5', 'windows-1254', 'x-cp1254']),
  ...labels('windows-874', ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620', 'windows-874']),
  ...labels('gbk', ['chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk', 'iso-ir-58', 'x-gbk']),
  ...labels('euc-kr', ['cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'windows-949']),
  ...labels('shift_jis', ['csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis', 'windows-31j', 'x-sjis']),
  ...labels('big5', ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5']),
  ...labels('euc-jp', ['cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp']),
  // The standard reads a `<meta>` naming UTF-16 as UTF-8 (a page whose head is ASCII bytes is not UTF-16), and UTF-8 is already ruled out here.
  ...labels('utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8', 'utf-16', 'utf-16le', 'utf-16be', 'unicode', 'ucs-2']),
};

/** iconv-lite's names for the encodings above, where they differ. */
const ICONV_NAMES: Readonly<Record<string, string>> = { shift_jis: 'cp932', 'euc-kr': 'cp949', big5: 'big5hkscs' };

function labels(encoding: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, encoding]));
}

/**
 * The encoding the file declares in its first `DECLARATION_WINDOW` bytes, read
 * as Latin-1 (every byte a character, so a declaration in ASCII is found in
 * any ASCII-compatible encoding): the first `<meta>` naming a charset
 * (`charset=` or an http-equiv `content="…; charset=…"`), else an XML
 * declaration's `encoding`. Undefined when there is none, when it names
 * UTF-8 (or UTF-16), or when iconv-lite cannot read it. `where` says which
 * form declared it and `label` what it wrote, for messages; `line` is the line it stands on;
 * `iconvName` is the name iconv-lite reads it by.
 */
export function declaredEncoding(bytes: Uint8Array): { label: string; encoding: string; iconvName: string; where: string; line: number } | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DECLARATION_WINDOW)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([\w.:-]+)/i.exec(head);
  const found = meta ?? xml;
  if (!found) return undefined;
  const label = found[1]!.toLowerCase();
  const encoding = WHATWG_LABELS[label] ?? label;
  if (encoding === 'utf-8') return undefined;
  const iconvName = ICONV_NAMES[encoding] ?? encoding;
  if (!iconv.encodingExists(iconvName)) return undefined;
  const where = found === meta ? 'its <meta> tag' : 'its XML declaration';
  const line = head.slice(0, found.index).split('\n').length;
  return { label, encoding, iconvName, where, line };
}

/** The share of a text's characters that are U+FFFD, the mark a decoder leaves for bytes it cannot read. */
function replacementShare(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (const c of text) if (c === '\ufffd') n++;
  return n / text.length;
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape; and DEL. No text file holds them. */
function isControlByte(b: number): boolean {
  return (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f;
}

/** Bytes Windows-1252 leaves undefined: a file holding them is not in that encoding. */
function isUndefinedIn1252(b: number): boolean {
  return b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d;
}

/** Well-formed multi-byte UTF-8 sequences, and bytes above 0x7F that start none. */
function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => bytes[i] !== undefined && bytes[i]! >= lo && bytes[i]! <= hi;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    let n = 0;
    if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) n = 1;
    else if (b === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) n = 2;
    else if (b >= 0xe1 && b <= 0xec && cont(i + 1) && cont(i + 2)) n = 2;
    else if (b === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) n = 2;
    else if (b >= 0xee && b <= 0xef && cont(i + 1) && cont(i + 2)) n = 2;
    else if (b === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) n = 3;
    else if (b >= 0xf1 && b <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) n = 3;
    else if (b === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) n = 3;
    if (n > 0) {
      valid++;
      i += n;
    } else invalid++;
  }
  return { valid, invalid };
}

/** File types people mistake for text, by their first bytes: signatures no text starts with. */
const SIGNATURES: { name: string; bytes: readonly number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or a Word or OpenDocument file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
];

/** The kind of file its first bytes say it is, when they are a known binary format's signature. */
function signatureOf(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.name;
}

/** Says what a binary file is, when its first bytes tell, or what gave it away. */
function binaryMessage(bytes: Uint8Array, found: string): string {
  const known = signatureOf(bytes);
  if (known) return `the file is ${known}, not text`;
  // UTF-16 without a BOM: every other byte of ASCII text is NUL.
  const sample = bytes.subarray(0, 2000);
  let evenNul = 0;
  let oddNul = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  });
  const pairs = sample.length / 2;
  if (pairs >= 4 && Math.max(evenNul, oddNul) >= pairs * 0.4 && Math.min(evenNul, oddNul) === 0) {
    return 'the file holds NUL bytes: it looks like UTF-16 text without a byte-order mark; save it as UTF-8';
  }
  return `the file holds ${found}: it looks binary, not text`;
}

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return undefined;
}
