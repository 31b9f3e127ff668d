/**
 * Bytes to text. Honours a BOM (UTF-8, UTF-16 LE/BE); otherwise the bytes
 * must be valid UTF-8. Anything else is reported, never guessed at silently.
 */
import type { Diagnostic } from '../diagnostics.ts';

export interface Decoded {
  /** The text, or undefined when the bytes could not be read as text. */
  text: string | undefined;
  encoding: string;
  messages: Diagnostic[];
}

export function decode(bytes: Uint8Array, file: string): Decoded {
  const messages: Diagnostic[] = [];
  const fail = (code: string, message: string): Decoded => {
    messages.push({ file, severity: 'error', code, message });
    return { text: undefined, encoding: 'unknown', messages };
  };

  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, offset] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, offset] = ['utf-16be', 2];

  const body = bytes.subarray(offset);
  if (encoding === 'utf-8' && body.includes(0)) {
    return fail('SL102', 'the file holds NUL bytes: it looks binary, not text');
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const line = encoding === 'utf-8' ? firstInvalidUtf8Line(body) : undefined;
    messages.push({
      file,
      ...(line === undefined ? {} : { line }),
      severity: 'error',
      code: 'SL103',
      message: `the bytes are not valid ${encoding.toUpperCase()}; save the file as UTF-8`,
    });
    return { text: undefined, encoding, messages };
  }
  return { text, encoding: offset > 0 ? `${encoding} (BOM)` : encoding, messages };
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
