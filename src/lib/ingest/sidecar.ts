/**
 * Sidecars: `seeds/<stem>.meta.yaml` beside `seeds/<stem>.<ext>`, holding an
 * editor's facts about the seed. Parsed here with line numbers, so a mistake
 * is reported at the line where it stands.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
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

export function parseSidecar(text: string, file: string): ParsedSidecar {
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
  }
  const value: unknown = doc.contents === null ? {} : doc.toJS();
  const parsed = sidecarSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
      const line = typeof key === 'string' ? lines[key] : undefined;
      const field = issue.code === 'unrecognized_keys' ? `unknown field "${issue.keys.join('", "')}"` : `"${issue.path.join('.')}"`;
      const detail = issue.code === 'unrecognized_keys' ? 'allowed fields: publisher, url, published, note' : issue.message;
      messages.push({ file, ...(line === undefined ? {} : { line }), severity: 'error', code: 'SL202', message: `${field}: ${detail}` });
    }
    return { sidecar: undefined, lines, messages };
  }
  return { sidecar: parsed.data, lines, messages };
}
