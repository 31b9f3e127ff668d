/**
 * Writing a JSON file (`knowledge.json`, `ingest-report.json`) without making
 * it one string: the value is serialised in pieces (`prettyJsonPieces`, the
 * exact text of `JSON.stringify(value, null, 2)` and a line end), hashed as it
 * goes, and, when asked, written to a temporary file the caller renames over
 * the old one or removes. At 10,000 articles the knowledge layer's text is
 * about 150 MB; at 100,000 it is over V8's string limit (about 512 MB), where
 * one `JSON.stringify` throws.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { prettyJsonPieces } from '../lib/pretty-json.ts';

/** Text is written in batches of about this many characters. */
const BATCH = 1 << 20;

/**
 * The SHA-256 of the value's file text, written to `temp` as well when given
 * (created or truncated; on a write error it is left for the caller to remove).
 */
export function serializeJson(value: unknown, temp?: string): string {
  const hash = createHash('sha256');
  const fd = temp === undefined ? undefined : openSync(temp, 'w');
  try {
    let batch = '';
    const flush = (): void => {
      hash.update(batch, 'utf8');
      if (fd !== undefined) writeSync(fd, batch, null, 'utf8');
      batch = '';
    };
    for (const piece of prettyJsonPieces(value)) {
      batch += piece;
      if (batch.length >= BATCH) flush();
    }
    batch += '\n';
    flush();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * A JSON object written one member at a time, as `serializeJson` writes the
 * whole object (the same text and digest), so that each member can be let go
 * once written. A failure to write is kept (`error`) and the rest is only
 * hashed; the caller removes the temporary file.
 */
export class JsonObjectFile {
  private readonly hash = createHash('sha256');
  private fd: number | undefined;
  private members = 0;
  /** The first write error, if any: the file is then incomplete. */
  error: NodeJS.ErrnoException | undefined;

  /** Writes to `temp` (created or truncated) when given; else only hashes. */
  constructor(temp?: string) {
    if (temp === undefined) return;
    try {
      this.fd = openSync(temp, 'w');
    } catch (error) {
      this.error = error as NodeJS.ErrnoException;
    }
  }

  /** The next member: the key and value `JSON.stringify(object, null, 2)` writes there. */
  member(key: string, value: unknown): void {
    // As JSON.stringify: a key whose value it cannot write is left out.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return;
    this.write([`${this.members === 0 ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `]);
    this.members += 1;
    this.write(prettyJsonPieces(value, '  '));
  }

  /** Closes the object and the file; the SHA-256 of the text. */
  finish(): string {
    this.write([this.members === 0 ? '{}\n' : '\n}\n']);
    this.close();
    return this.hash.digest('hex');
  }

  /** Closes the file without finishing it. */
  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      closeSync(fd);
    } catch (error) {
      this.error ??= error as NodeJS.ErrnoException;
    }
  }

  private write(pieces: Iterable<string>): void {
    let batch = '';
    const flush = (): void => {
      this.hash.update(batch, 'utf8');
      if (this.fd !== undefined) {
        try {
          writeSync(this.fd, batch, null, 'utf8');
        } catch (error) {
          this.error ??= error as NodeJS.ErrnoException;
          this.close();
        }
      }
      batch = '';
    };
    for (const piece of pieces) {
      batch += piece;
      if (batch.length >= BATCH) flush();
    }
    flush();
  }
}
