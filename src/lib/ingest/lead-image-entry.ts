/**
 * Which file on disk is an entry's lead image, and the entry with it.
 *
 * The pipeline cannot look at the disk, so it names the candidates
 * (`imageCandidates`): the file the sidecar names (relative to the sidecar's
 * folder), else each picture the page names whose address is relative, as a
 * page saved "complete" keeps its pictures (`article_files/photo.jpg`,
 * relative to the page). Every candidate is a path inside the seeds folder:
 * one that would leave it is refused here, before any file is opened. The
 * ingest's CLI then opens them in order, takes the first that is an image
 * (`imageProblem`), copies it into `content/images/` under a name made from
 * its bytes (`imageFileName`), and puts it in the entry (`withLeadImage`).
 *
 * Pure.
 */
import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { articleSchema, type Article, type LeadImage, type Sidecar } from '../schema.ts';
import { stampContentFile } from './generated.ts';
import { pathOf, type PageImage } from './lead-image.ts';

/** A file that may hold the entry's lead image. */
export interface ImageCandidate {
  /** The file, relative to the seeds folder, forward slashes, normalised; never outside the folder. */
  path: string;
  /** Where the file is named, for messages about it: the sidecar or the seed, and the line. */
  namedIn: { file: string; line?: number };
  /** True when an editor named the file (a missing one is worth a warning); false for a page's picture, which a saved page may not have kept. */
  named: boolean;
  /** The entry's image, less its file. */
  image: Omit<LeadImage, 'file'>;
}

export interface CandidateInput {
  /** The seed's path relative to the seeds folder. */
  seedPath: string;
  /** How messages name the seed. */
  seedFile: string;
  headline: string;
  sidecar?: { path: string; file: string; image: Sidecar['image']; line: number | undefined };
  /** The page's pictures, best first (`findPageImages`). */
  pageImages?: readonly PageImage[];
}

/**
 * The files that may hold the lead image, best first, and a warning (SL130)
 * for a sidecar's file that would lie outside the seeds folder. The
 * sidecar's `image: false` gives none; its `file` gives only that file,
 * described by the sidecar's fields alone; its other fields win over the
 * page's. Alt text is the editor's, else the page's (`og:image:alt`, the
 * `<img alt>`), else the caption, else the headline.
 */
export function imageCandidates(input: CandidateInput): { candidates: ImageCandidate[]; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  const set = input.sidecar?.image;
  if (set === false) return { candidates: [], messages };
  const edit = set ?? {};
  if (input.sidecar && edit.file !== undefined) {
    const sidecar = input.sidecar;
    const at = { file: sidecar.file, ...(sidecar.line === undefined ? {} : { line: sidecar.line }) };
    const path = inside(sidecar.path, edit.file);
    if (path === undefined) {
      messages.push({ ...at, severity: 'warning', code: 'SL130', message: `image.file: ${edit.file} lies outside the seeds folder; the entry has no image` });
      return { candidates: [], messages };
    }
    const image = describe({ url: edit.url, caption: edit.caption, credit: edit.credit, alt: edit.alt }, input.headline, 'editor', { rule: 'sidecar', quote: edit.file, ...(sidecar.line === undefined ? {} : { line: sidecar.line }) });
    return { candidates: [{ path, namedIn: at, named: true, image }], messages };
  }
  const candidates: ImageCandidate[] = [];
  for (const found of input.pageImages ?? []) {
    if (found.local === undefined) continue;
    const path = inside(input.seedPath, pathOf(found.local));
    if (path === undefined || candidates.some((c) => c.path === path)) continue;
    const image = describe(
      { url: edit.url ?? found.url, caption: edit.caption ?? found.caption, credit: edit.credit ?? found.credit, alt: edit.alt ?? found.alt },
      input.headline,
      'page',
      found.evidence,
    );
    candidates.push({ path, namedIn: { file: input.seedFile, ...(found.evidence.line === undefined ? {} : { line: found.evidence.line }) }, named: false, image });
  }
  return { candidates, messages };
}

function describe(
  fields: { url: string | undefined; caption: string | undefined; credit: string | undefined; alt: string | undefined },
  headline: string,
  basis: LeadImage['basis'],
  evidence: LeadImage['evidence'],
): Omit<LeadImage, 'file'> {
  return {
    ...(fields.url === undefined ? {} : { url: fields.url }),
    ...(fields.caption === undefined ? {} : { caption: fields.caption }),
    ...(fields.credit === undefined ? {} : { credit: fields.credit }),
    alt: fields.alt ?? fields.caption ?? headline,
    basis,
    evidence,
  };
}

/** `relative` taken from the folder of `from` (both relative to the seeds folder), or undefined when it leaves the folder. */
function inside(from: string, relative: string): string | undefined {
  const rel = relative.replace(/\\/g, '/');
  if (rel.startsWith('/') || /^[a-z]:/i.test(rel) || rel.includes('\0')) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(from), rel));
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/') || joined === '.' || joined.endsWith('/')) return undefined;
  // Hidden files and folders are the tools' own (the collector's state, temporary files), never a seed's picture.
  if (joined.split('/').some((part) => part.startsWith('.'))) return undefined;
  return joined;
}

/** The copy's name in `content/images/`: the first 16 hex digits of the bytes' SHA-256, and the format's extension. */
export function imageFileName(sha256: string, ext: string): string {
  return `${sha256.slice(0, 16)}.${ext}`;
}

/** The entry with its lead image (`content/images/<name>`), validated and stamped again; the image stands after `url`, where the schema lists it. */
export function withLeadImage(article: Article, body: string, image: Omit<LeadImage, 'file'>, name: string): { article: Article; content: string } {
  const entries = Object.entries(article).filter(([key]) => key !== 'image' && key !== 'generated');
  const at = entries.findIndex(([key]) => key === 'blocks');
  entries.splice(at < 0 ? entries.length : at, 0, ['image', { file: `../images/${name}`, ...image }]);
  const parsed = articleSchema.parse(Object.fromEntries(entries));
  return stampContentFile(parsed, body);
}
