/**
 * The ingest's lead images on disk: each entry's candidate files
 * (`imageCandidates`, named by the pure pipeline) opened in order, the first
 * that is an image copied into `<out>/images/<sha256-16>.<ext>` and put in
 * the entry (`withLeadImage`), and, once the run is done, every image no
 * entry uses removed. A file is read only from inside the seeds folder: its
 * real path (symbolic links resolved) must stand there too.
 *
 * Named by their bytes, copies never change under one name: an unchanged
 * image is never written again, a changed one gets a new name (so the entry
 * changes with it, although the seed's cached result did not), and two
 * entries with one picture share one file.
 *
 * Messages: SL130 warning, an image the sidecar names that is missing,
 * unreadable, too large or not an image, or a page's picture beside it that
 * is too large or not an image (the entry is written without it).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { imageFormat, imageProblem, MAX_IMAGE_BYTES } from '../lib/image-format.ts';
import { imageFileName, withLeadImage, type ImageCandidate } from '../lib/ingest/lead-image-entry.ts';
import type { SeedResult } from '../lib/ingest/pipeline.ts';
import { readContentFile } from '../lib/ingest/markdown.ts';
import { tempPath } from './entries.ts';

/** The images folder's name in the output folder. */
export const IMAGES_DIR = 'images';

export class LeadImages {
  /** Names of the files in `<out>/images/` that entries use. */
  readonly used = new Set<string>();
  /** Names an entry uses that are not in the folder yet (what `--check` reports). */
  readonly missing = new Set<string>();
  /** The first write that failed. */
  error: NodeJS.ErrnoException | undefined;
  private readonly seedsDir: string;
  private readonly imagesDir: string;
  private readonly write: boolean;
  private readonly shown: (abs: string) => string;
  private seedsReal: string | undefined;
  private readonly present: Set<string>;

  constructor(seedsDir: string, outDir: string, write: boolean, shown: (abs: string) => string) {
    this.seedsDir = seedsDir;
    this.imagesDir = join(outDir, IMAGES_DIR);
    this.write = write;
    this.shown = shown;
    this.present = new Set(listImages(this.imagesDir));
  }

  /** The result with its lead image in the entry, when a candidate file is an image; else as it was, with a warning for a file that should have been one. */
  place(result: SeedResult): SeedResult {
    const candidates = result.imageCandidates;
    if (!result.article || result.body === undefined || !candidates || candidates.length === 0) return result;
    const messages: Diagnostic[] = [];
    for (const candidate of candidates) {
      const read = this.read(candidate);
      if ('problem' in read) {
        if (read.problem !== undefined) messages.push({ ...candidate.namedIn, severity: 'warning', code: 'SL130', message: `${read.problem}; the entry has no image` });
        continue;
      }
      const name = imageFileName(createHash('sha256').update(read.bytes).digest('hex'), read.ext);
      this.store(name, read.bytes);
      const made = withLeadImage(result.article, result.body, candidate.image, name);
      return { ...result, article: made.article, content: made.content, messages: [...result.messages, ...messages] };
    }
    return messages.length === 0 ? result : { ...result, messages: [...result.messages, ...messages] };
  }

  /** Marks the image a kept entry (its seed failed this run) uses, so it is not removed. */
  keep(content: string): void {
    try {
      const image = readContentFile(content).data['image'] as { file?: unknown } | undefined;
      if (typeof image?.file === 'string') this.used.add(image.file.split('/').pop()!);
    } catch {
      // An entry that cannot be read uses no image.
    }
  }

  /** Images in the folder that no entry uses. */
  stale(): string[] {
    return [...this.present].filter((name) => !this.used.has(name)).sort();
  }

  /** Removes the images no entry uses. */
  sweep(): void {
    for (const name of this.stale()) rmSync(join(this.imagesDir, name), { force: true });
  }

  /** The absolute path of an image in the folder, for messages. */
  pathOf(name: string): string {
    return join(this.imagesDir, name);
  }

  /** The candidate's bytes and format, or why not: `problem` undefined when a page's picture is simply not there. */
  private read(candidate: ImageCandidate): { bytes: Uint8Array; ext: string } | { problem: string | undefined } {
    const abs = join(this.seedsDir, ...candidate.path.split('/'));
    const shown = this.shown(abs);
    let size: number;
    try {
      size = statSync(abs).size;
      this.seedsReal ??= realpathSync(this.seedsDir);
      const real = realpathSync(abs);
      if (!real.startsWith(this.seedsReal + sep)) return { problem: `${shown} leads outside the seeds folder (a symbolic link)` };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!candidate.named && code === 'ENOENT') return { problem: undefined };
      return { problem: code === 'ENOENT' ? `${shown} does not exist` : `${shown} cannot be read (${code ?? 'error'})` };
    }
    if (size > MAX_IMAGE_BYTES) return { problem: `${shown} is ${size.toLocaleString('en')} bytes, more than ${MAX_IMAGE_BYTES.toLocaleString('en')}` };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(abs);
    } catch (error) {
      return { problem: `${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    const problem = imageProblem(bytes);
    if (problem !== undefined) return { problem: `${shown}: ${problem}` };
    return { bytes, ext: imageFormat(bytes)! };
  }

  /** Copies the image into the folder under its name, unless it is there (or the run writes nothing). */
  private store(name: string, bytes: Uint8Array): void {
    this.used.add(name);
    if (this.present.has(name)) return;
    if (!this.write || this.error) {
      this.missing.add(name);
      return;
    }
    const path = join(this.imagesDir, name);
    try {
      mkdirSync(this.imagesDir, { recursive: true });
      writeFileSync(tempPath(path), bytes);
      renameSync(tempPath(path), path);
      this.present.add(name);
    } catch (error) {
      this.error = error as NodeJS.ErrnoException;
      rmSync(tempPath(path), { force: true });
      this.missing.add(name);
    }
  }
}

/** The image files in a folder (none when it cannot be read); temporary and hidden files left aside. */
function listImages(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith('.') && !/\.tmp$/.test(n) && /\.(?:jpg|png|webp|avif|gif)$/.test(n));
  } catch {
    return [];
  }
}

