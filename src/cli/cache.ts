/**
 * The ingest's cache on disk: JSON values under `<dir>/<kind>/<key>.json`,
 * where the caller's key already names everything the value depends on. A
 * value that cannot be read or parsed is a miss, never an error, so a
 * damaged or half-written cache costs time, not correctness. Writes are
 * atomic (temporary file, then rename) like the ingest's own.
 *
 * `codeDigest` names the code that made the values: a digest of the source
 * files and of `package-lock.json`, so that any change to the pipeline or to a
 * dependency's version is a different key, with no version number to remember
 * to bump. Given a module, only the files it loads count (`moduleClosure`): a
 * change to the timeline code does not make 100,000 seeds be cleaned again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = new URL('../', import.meta.url).pathname;
const LIB = join(SRC, 'lib');
const LOCK = new URL('../../package-lock.json', import.meta.url).pathname;

/**
 * The relative specifiers a module loads at run time: static `import … from`,
 * `export … from`, bare `import '…'` and `import('…')` with a literal. Type-only
 * imports and exports are left out: they are erased before the code runs, so
 * what they name cannot change a result. Comments are not parsed: a specifier
 * quoted in a comment may be counted, which costs a cache miss, never a stale hit.
 */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  // `import`/`export` up to its `from`, across lines; `[^;'"]` stops at the end of the statement or at a string.
  for (const m of source.matchAll(/(?:^|[\n;])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    if (m[2] === undefined) found.push(m[4]!);
  }
  for (const m of source.matchAll(/(?:^|[\n;])\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** Every source file `entry` loads, itself included, transitively through relative imports (`runtimeImports`), sorted. */
export function moduleClosure(entry: string, read: (path: string) => string = (path) => readFileSync(path, 'utf8')): string[] {
  const seen = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const spec of runtimeImports(read(path))) stack.push(resolve(dirname(path), spec));
  }
  return [...seen].sort();
}

/**
 * Digest of the code that computes cached values (see the file comment): with
 * `entry`, the files it loads; without, every source file under `src/lib/`.
 */
export function codeDigest(entry?: string): string {
  const hash = createHash('sha256');
  const files = entry
    ? moduleClosure(entry).map((path) => relative(SRC, path))
    : readdirSync(LIB, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ts'))
        .sort()
        .map((f) => join('lib', f));
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(SRC, file)));
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
