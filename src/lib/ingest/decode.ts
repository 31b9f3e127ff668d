/**
 * Bytes to text. Honours a BOM (UTF-8, UTF-16 LE/BE); otherwise the bytes
 * should be UTF-8. Bytes that are not UTF-8 are read as Windows-1252 (which
 * covers Latin-1) only when they look like text in that encoding, and the
 * reading is reported; anything else is refused with a message saying what
 * the file looks like. Nothing is ever guessed at silently.
 *
 * Messages (the README documents codes in its table):
 * - SL102 error: binary, not text (a known format's signature, NUL or control bytes; a known format is named);
 * - SL103 error: not valid UTF-8 (or UTF-16), and not plausibly Windows-1252 either;
 * - SL106 error: over `MAX_SEED_BYTES` (see `checkSize`);
 * - SL108 warning: not UTF-8, read as Windows-1252.
 */
import iconv from 'iconv-lite';
import type { Diagnostic } from '../diagnostics.ts';

export interface Decoded {
  /** The text, or undefined when the bytes could not be read as text. */
  text: string | undefined;
  /** `utf-8`, `utf-8 (BOM)`, `utf-16le (BOM)`, `utf-16be (BOM)`, `windows-1252`, or `unknown` when refused. */
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
  if (body.some(isUndefinedIn1252) || high > printable * 0.45) {
    return refuse('SL103', 'the bytes are not valid UTF-8, nor text in another encoding the ingest reads; save the file as UTF-8', line);
  }
  messages.push({
    file,
    ...(line === undefined ? {} : { line }),
    severity: 'warning',
    code: 'SL108',
    message: 'the file is not UTF-8; it was read as Windows-1252 (Latin-1): check its accented letters and quotes, and save it as UTF-8 to silence this',
  });
  return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'windows-1252'), encoding: 'windows-1252', messages };
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
