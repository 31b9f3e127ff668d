/**
 * Finding and reading seeds for the ingest: the seeds folder walked (regular
 * files only, sidecars matched to their seeds), and each seed's bytes read
 * when its turn comes, so the run holds one seed's bytes at a time.
 */
import { readFileSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { MAX_SEED_BYTES } from '../lib/ingest/decode.ts';
import type { SeedInput } from '../lib/ingest/pipeline.ts';
import { SIDECAR_SUFFIX, sidecarNameFor } from '../lib/ingest/sidecar.ts';

/** Pictures beside the seeds (lead images, a saved page's files): never seeds themselves, and not reported as such. */
const PICTURE = /\.(?:jpe?g|png|webp|avif|gif)$/i;

/** Seeds and their sidecars (not yet read), sorted by path; undefined when the folder cannot be read. */
export async function readSeeds(
  dir: string,
  shown: (p: string) => string,
  messages: Diagnostic[],
): Promise<{ found: FoundSeed[]; unreadable: string[] } | undefined> {
  const unreadable: string[] = [];
  // Regular files only: a symbolic link is reported, never followed (not even to a folder: Node's
  // recursive readdir would walk into it), and a FIFO or device would block a read forever.
  const files: string[] = [];
  const names: string[] = [];
  const walk = async (rel: string): Promise<boolean> => {
    let entries: Dirent[];
    try {
      entries = await readdir(rel === '' ? dir : join(dir, rel), { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const abs = join(dir, name);
      names.push(name);
      if (entry.isSymbolicLink()) {
        messages.push({ file: shown(abs), severity: 'warning', code: 'SL105', message: 'symbolic links are not followed; copy the file into the seeds folder' });
      } else if (entry.isDirectory()) {
        if (!(await walk(name))) {
          messages.push({ file: shown(abs), severity: 'error', code: 'SL109', message: 'the folder cannot be read; the entries of its seeds are kept' });
          unreadable.push(`${name}/`);
        }
      } else if (entry.isFile()) files.push(name);
      else messages.push({ file: shown(abs), severity: 'warning', code: 'SL101', message: 'not a regular file (a pipe, socket or device); not read' });
    }
    return true;
  };
  if (!(await walk(''))) {
    messages.push({ file: shown(dir), severity: 'error', code: 'SL001', message: 'cannot read the seeds folder' });
    return undefined;
  }
  files.sort();
  const sidecars = new Set(files.filter((n) => n.endsWith(SIDECAR_SUFFIX)));
  const seeds = files.filter((n) => !sidecars.has(n) && !PICTURE.test(n));
  const sidecarOf = (name: string): string => {
    const slash = name.lastIndexOf('/');
    return name.slice(0, slash + 1) + sidecarNameFor(name.slice(slash + 1));
  };
  const claimed = new Set(names.filter((n) => !n.endsWith(SIDECAR_SUFFIX) && !PICTURE.test(n)).map(sidecarOf));
  for (const name of sidecars) {
    if (!claimed.has(name)) {
      messages.push({ file: shown(join(dir, name)), severity: 'warning', code: 'SL203', message: `no seed named ${name.slice(0, -SIDECAR_SUFFIX.length)}.* stands beside this sidecar` });
    }
  }

  const found = seeds.map((name) => {
    const sidecarName = sidecarOf(name);
    return { path: name, abs: join(dir, name), ...(sidecars.has(sidecarName) ? { sidecar: { path: sidecarName, abs: join(dir, sidecarName) } } : {}) };
  });
  return { found, unreadable };
}

export interface FoundSeed {
  path: string;
  abs: string;
  sidecar?: { path: string; abs: string };
}

/**
 * A seed's bytes and its sidecar's, read when its turn comes (so the run
 * holds one seed's bytes at a time); undefined, with SL109, when they cannot be read.
 */
export async function readSeed(seed: FoundSeed, shown: (p: string) => string, messages: Diagnostic[]): Promise<SeedInput | undefined> {
  try {
    const input: SeedInput = { path: seed.path, file: shown(seed.abs), ...readLimited(seed.abs) };
    if (seed.sidecar) input.sidecar = { path: seed.sidecar.path, file: shown(seed.sidecar.abs), ...readLimited(seed.sidecar.abs) };
    return input;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    messages.push({ file: shown(seed.abs), severity: 'error', code: 'SL109', message: `the file cannot be read (${code}); its entry, if any, is kept` });
    return undefined;
  }
}

/**
 * A file's bytes, or only its size when it is too large to read (the pipeline refuses it on its size).
 * Read synchronously: seeds are small regular files, and a thread-pool round trip per file was half
 * the time of a re-ingest with nothing to do.
 */
function readLimited(path: string): { bytes: Uint8Array; size?: number } {
  const { size } = statSync(path);
  if (size > MAX_SEED_BYTES) return { bytes: new Uint8Array(0), size };
  return { bytes: readFileSync(path) };
}
