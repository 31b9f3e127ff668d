/**
 * The entities editor file, `content/entities.yaml`, read with line numbers
 * so a mistake is reported where it stands. A broken file is an error, and
 * the knowledge layer is then built without it rather than with half of it.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { entityEditorSchema, type EntityEditor } from './schema.ts';

export const ENTITY_EDITOR_FILE = 'entities.yaml';

export function parseEntityEditor(text: string, file: string): { editor: EntityEditor | undefined; messages: Diagnostic[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      editor: undefined,
      messages: doc.errors.map((e) => ({ file, line: counter.linePos(e.pos[0]).line, severity: 'error', code: 'SL501', message: `not valid YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const parsed = entityEditorSchema.safeParse(doc.contents === null ? { entities: [] } : doc.toJS());
  if (parsed.success) return { editor: parsed.data, messages: [] };
  return {
    editor: undefined,
    messages: parsed.error.issues.map((issue) => {
      const node = doc.getIn(issue.path.slice(0, issue.code === 'unrecognized_keys' ? undefined : -1), true) as { range?: [number, number] } | undefined;
      const line = node?.range ? counter.linePos(node.range[0]).line : undefined;
      const where = issue.path.join('.');
      const what = issue.code === 'unrecognized_keys' ? `unknown field "${issue.keys.join('", "')}"` : issue.message;
      return { file, ...(line ? { line } : {}), severity: 'error' as const, code: 'SL502', message: `${where ? `${where}: ` : ''}${what}` };
    }),
  };
}
