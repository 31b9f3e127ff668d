/**
 * Sidecars: `seeds/<stem>.meta.yaml` beside `seeds/<stem>.<ext>`, holding an
 * editor's facts about the seed. Parsed here with line numbers, so a mistake
 * is reported at the line where it stands.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { sidecarSchema, type Sidecar } from '../schema.ts';

export const SIDECAR_SUFFIX = '.meta.yaml';

/** The sidecar file name for a seed file name. */
export function sidecarNameFor(seedName: string): string {
  const dot = seedName.lastIndexOf('.');
  return `${dot > 0 ? seedName.slice(0, dot) : seedName}${SIDECAR_SUFFIX}`;
}

export interface ParsedSidecar {
  sidecar: Sidecar | undefined;
  /** Line of each top-level key, for evidence and messages. */
  lines: Partial<Record<keyof Sidecar, number>>;
  messages: Diagnostic[];
}

/**
 * Parses and validates a sidecar. `today` (`YYYY-MM-DD`, the day the ingest
 * runs, passed in because the pipeline reads no clock) rejects a publication
 * date after it: a typo for a past year, never a real article's date. Without
 * `today` the date is not checked against the calendar.
 *
 * Messages: SL201 not YAML (or not a mapping of fields); SL202 an unknown or
 * invalid field; SL204 a publication date after `today`.
 */
export function parseSidecar(text: string, file: string, today?: string): ParsedSidecar {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const messages: Diagnostic[] = doc.errors.map((e) => ({
    file,
    line: counter.linePos(e.pos[0]).line,
    severity: 'error' as const,
    code: 'SL201',
    message: `the sidecar is not valid YAML: ${e.message.split('\n')[0]}`,
  }));
  if (messages.length > 0) return { sidecar: undefined, lines: {}, messages };

  const lines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = counter.linePos(pair.key.range[0]).line;
    }
  } else if (doc.contents !== null) {
    const what = isSeq(doc.contents) ? 'a list' : 'a single value';
    return { sidecar: undefined, lines, messages: [{ file, line: 1, severity: 'error', code: 'SL201', message: `the sidecar holds ${what}; write one "field: value" line per fact (${FIELDS})` }] };
  }
  let value: unknown;
  try {
    // toJS expands aliases, and refuses (throws) when they multiply past a small limit: a "billion laughs" file.
    value = doc.contents === null ? {} : doc.toJS();
  } catch (error) {
    return { sidecar: undefined, lines, messages: [{ file, severity: 'error', code: 'SL201', message: `the sidecar cannot be read: ${(error as Error).message}` }] };
  }
  // YAML reads `published: 2025` and `publisher: 1843` as numbers; the editor meant the text they wrote.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of ['publisher', 'published', 'note']) if (typeof record[key] === 'number') record[key] = String(record[key]);
  }
  const parsed = sidecarSchema.safeParse(value);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      // A field inside `image` is placed at the `image` line.
      const key = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys[0] : issue.path[0];
      // One message per field: the first thing wrong with it.
      const id = issue.code === 'unrecognized_keys' ? `${issue.path.join('.')}?${issue.keys.join()}` : issue.path.join('.');
      if (seen.has(id)) continue;
      seen.add(id);
      const line = typeof key === 'string' ? lines[key] : undefined;
      const prefix = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
      const field = issue.code === 'unrecognized_keys' ? `unknown field "${issue.keys.map((k) => prefix + k).join('", "')}"` : `"${issue.path.join('.')}"`;
      const detail =
        issue.code === 'unrecognized_keys'
          ? `allowed fields: ${issue.path[0] === 'image' ? IMAGE_FIELDS : FIELDS}`
          : key === 'url'
            ? 'write the original article\'s address as an absolute http:// or https:// URL'
            : key === 'image' && issue.path.length === 1
              ? `write false for no image, or one or more of its fields: ${IMAGE_FIELDS}`
              : issue.message;
      messages.push({ file, ...(line === undefined ? {} : { line }), severity: 'error', code: 'SL202', message: `${field}: ${detail}` });
    }
    return { sidecar: undefined, lines, messages };
  }
  const published = parsed.data.published;
  // A date written to month or year precision is in the future only when the whole month or year is.
  if (published !== undefined && today !== undefined && published > today.slice(0, published.length)) {
    const line = lines['published'];
    messages.push({
      file,
      ...(line === undefined ? {} : { line }),
      severity: 'error',
      code: 'SL204',
      message: `"published": ${published} is after today (${today}); an article cannot be published in the future: check the year`,
    });
    return { sidecar: undefined, lines, messages };
  }
  return { sidecar: parsed.data, lines, messages };
}

const FIELDS = 'publisher, url, published, note, image';
const IMAGE_FIELDS = 'file, url, caption, credit, alt';
