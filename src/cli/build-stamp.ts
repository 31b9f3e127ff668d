/**
 * The build's stamp: what `dist/` was last built from, so that `npm run build`
 * with nothing changed skips `astro build` (as make skips a target newer than
 * its inputs, but by content digest rather than by clock).
 *
 * The stamp holds two digests:
 * - **inputs**: every file the site is built from (`content/`, `src/`,
 *   `public/`, the Astro, TypeScript and package files, the installed
 *   packages' lock), the environment variables the build reads (`SITE_URL`,
 *   `BASE_PATH`) and Node's version. Any byte of any of them changed, added
 *   or removed is a different digest.
 * - **output**: `dist/`'s file list with each file's size and modification
 *   time, so that a `dist/` deleted, edited or built by another command
 *   (a bare `astro build`, a different branch) is never taken as current.
 *
 * It lives in the ingest's cache folder (never in `dist/`, which is deployed).
 * A stamp that cannot be read is no stamp: the site is built.
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Folders whose every file the site is built from. */
const INPUT_DIRS = ['content', 'src', 'public'];
/** Single files the site is built from (those absent are recorded as absent). */
const INPUT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];
/** Environment variables the build reads (`src/lib/site/config.ts`). */
const INPUT_ENV = ['SITE_URL', 'BASE_PATH'];
/** Where the stamp is kept, relative to the project. */
export const STAMP_PATH = 'node_modules/.cache/storyline/build-stamp.json';

export interface BuildStamp {
  inputs: string;
  output: string;
}

/** Files under `dir` (relative, `/`-separated, sorted); none when it does not exist. Dot-files are skipped except in `public/`. */
function listFiles(dir: string, keepDotFiles: boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
  return names
    .map((n) => n.split('\\').join('/'))
    .filter((n) => keepDotFiles || !n.split('/').some((part) => part.startsWith('.')))
    .filter((n) => {
      try {
        return statSync(join(dir, n)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

function addFile(hash: Hash, label: string, path: string): void {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = undefined;
  }
  hash.update(`${label}\0${bytes === undefined ? 'absent' : bytes.length}\0`);
  if (bytes !== undefined) hash.update(bytes);
}

/** Digest of everything `astro build` reads in the project at `root` (see the file comment). */
export function inputsDigest(root: string, env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256');
  for (const dir of INPUT_DIRS) {
    for (const name of listFiles(join(root, dir), dir === 'public')) addFile(hash, `${dir}/${name}`, join(root, dir, name));
  }
  for (const file of INPUT_FILES) addFile(hash, file, join(root, file));
  for (const name of INPUT_ENV) hash.update(`env ${name}=${env[name] ?? ''}\0`);
  hash.update(`node ${process.versions.node}\0`);
  return hash.digest('hex');
}

/** Digest of `dist/` as it stands: paths, sizes and modification times; undefined when it holds no file. */
export function outputDigest(dist: string): string | undefined {
  const names = listFiles(dist, true);
  if (names.length === 0) return undefined;
  const hash = createHash('sha256');
  for (const name of names) {
    const s = statSync(join(dist, name));
    hash.update(`${name}\0${s.size}\0${s.mtimeMs}\0`);
  }
  return hash.digest('hex');
}

/** The stamp left by the last build, or undefined. */
export function readStamp(root: string): BuildStamp | undefined {
  try {
    const value = JSON.parse(readFileSync(join(root, STAMP_PATH), 'utf8')) as Partial<BuildStamp>;
    return typeof value.inputs === 'string' && typeof value.output === 'string' ? { inputs: value.inputs, output: value.output } : undefined;
  } catch {
    return undefined;
  }
}

/** Records that `dist/` as it now stands was built from `inputs` (written atomically). */
export function writeStamp(root: string, inputs: string): void {
  const output = outputDigest(join(root, 'dist'));
  if (output === undefined) return;
  const path = join(root, STAMP_PATH);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ inputs, output } satisfies BuildStamp)}\n`);
  renameSync(temp, path);
}

/** True when `dist/` is the one the last build made from these very inputs. */
export function isCurrent(root: string, inputs: string): boolean {
  const stamp = readStamp(root);
  return stamp !== undefined && stamp.inputs === inputs && stamp.output === outputDigest(join(root, 'dist'));
}
