/**
 * The generated-content stamp: every entry the ingest writes ends its front
 * matter with
 *
 * ```yaml
 * generated:
 *   hash: "<sha256>"
 * ```
 *
 * where `<sha256>` is the SHA-256 (lowercase hex) of the whole file as
 * written with `hash: ""`. Any change to the file by hand, to a fact or to a
 * single byte of the body, makes the hash stop matching, so the ingest can
 * tell an entry it wrote from one somebody edited, and refuse to overwrite
 * the edit silently. The hash is over the exact bytes, not over re-parsed
 * data, so it does not depend on how a YAML library formats the file.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../schema.ts';
import { writeContentFile } from './markdown.ts';

/** The stamp's last line of front matter, as `writeContentFile` writes it, with the hash value captured. */
const STAMP = /\ngenerated:\n {2}hash: "([0-9a-f]{64}|)"\n---\n/;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The entry with its stamp, and the content file that carries it. */
export function stampContentFile(article: Article, body: string): { article: Article; content: string } {
  const facts: Article = { ...article };
  delete facts.generated;
  const blank = writeContentFile({ ...facts, generated: { hash: '' } }, body);
  const match = STAMP.exec(blank);
  if (!match || match[1] !== '' || blank.indexOf('\n---\n') !== match.index + match[0].length - 5) {
    throw new Error('internal: the generated stamp is not the last field of the front matter');
  }
  const hash = sha256(blank);
  const content = `${blank.slice(0, match.index)}\ngenerated:\n  hash: "${hash}"\n---\n${blank.slice(match.index + match[0].length)}`;
  return { article: { ...facts, generated: { hash } }, content };
}

/**
 * Whether a content file is as the ingest wrote it: `intact` when its stamp
 * matches its bytes, `edited` when it does not, `unstamped` when it has no
 * stamp at all (written by hand, or by an ingest older than the stamp).
 * CRLF line ends are read as LF.
 */
export function checkStamp(file: string): 'intact' | 'edited' | 'unstamped' {
  // A checkout that turned line ends into CRLF (git's autocrlf) changed no content.
  const text = file.replace(/\r\n/g, '\n');
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 3) : -1;
  const match = STAMP.exec(text);
  // The stamp must close the front matter, not stand somewhere in the body.
  if (!match || end < 0 || match.index + match[0].length - 5 !== end) return 'unstamped';
  const blank = `${text.slice(0, match.index)}\ngenerated:\n  hash: ""\n---\n${text.slice(match.index + match[0].length)}`;
  return match[1] === sha256(blank) ? 'intact' : 'edited';
}
