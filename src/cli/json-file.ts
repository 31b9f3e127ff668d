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
