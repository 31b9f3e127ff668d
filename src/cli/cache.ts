/**
 * The ingest's cache on disk: JSON values under `<dir>/<kind>/<key>.json`,
 * where the caller's key already names everything the value depends on. A
 * value that cannot be read or parsed is a miss, never an error, so a
 * damaged or half-written cache costs time, not correctness. Writes are
 * atomic (temporary file, then rename) like the ingest's own.
 *
 * `codeDigest` names the code that made the values: a digest of every source
 * file under `src/lib/` and of `package-lock.json`, so that any change to the
 * pipeline or to a dependency's version is a different key, with no version
 * number to remember to bump.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LIB = new URL('../lib/', import.meta.url).pathname;
const LOCK = new URL('../../package-lock.json', import.meta.url).pathname;

/** Digest of the code that computes cached values (see the file comment). */
export function codeDigest(): string {
  const hash = createHash('sha256');
  const files = readdirSync(LIB, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(LIB, file)));
  try {
    hash.update(readFileSync(LOCK));
  } catch {
    hash.update('no lock file');
  }
  // ICU data (case folding, Intl segmentation) comes with Node.
  hash.update(process.versions.node);
  return hash.digest('hex');
}

export interface DiskCache {
  /** The folder it keeps its values in: another thread may `openCache` it too, to write values it computed. */
  dir: string;
  get<T>(kind: string, key: string): T | undefined;
  set(kind: string, key: string, value: unknown): void;
  /** Hits and misses so far, by kind. */
  stats: Record<string, { hits: number; misses: number }>;
}

/** A cache in `dir`, created on first write. */
export function openCache(dir: string): DiskCache {
  const made = new Set<string>();
  const stats: DiskCache['stats'] = {};
  const count = (kind: string): { hits: number; misses: number } => (stats[kind] ??= { hits: 0, misses: 0 });
  return {
    dir,
    stats,
    get<T>(kind: string, key: string): T | undefined {
      try {
        const value = JSON.parse(readFileSync(join(dir, kind, `${key}.json`), 'utf8')) as T;
        count(kind).hits++;
        return value;
      } catch {
        count(kind).misses++;
        return undefined;
      }
    },
    set(kind: string, key: string, value: unknown): void {
      const folder = join(dir, kind);
      const path = join(folder, `${key}.json`);
      const temp = `${path}.${process.pid}.tmp`;
      // A cache that cannot be written only makes the next run slower.
      try {
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        writeFileSync(temp, JSON.stringify(value));
        renameSync(temp, path);
      } catch {
        rmSync(temp, { force: true });
      }
    },
  };
}
