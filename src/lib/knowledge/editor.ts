/**
 * The editor files, `content/entities.yaml` and `content/topics.yaml`, read with line numbers
 * so a mistake is reported where it stands. A broken file is an error, and
 * the knowledge layer is then built without it rather than with half of it.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { z } from 'zod';
import { entityEditorSchema, type EntityEditor } from './schema.ts';
import { topicEditorEntrySchema, type TopicEditorEntry } from './stories.ts';

export const ENTITY_EDITOR_FILE = 'entities.yaml';
export const TOPIC_EDITOR_FILE = 'topics.yaml';

/** `content/topics.yaml`: an editor's names, descriptions and memberships of topics. */
export const topicEditorSchema = z.object({ topics: z.array(topicEditorEntrySchema) }).strict();

export function parseEntityEditor(text: string, file: string): { editor: EntityEditor | undefined; messages: Diagnostic[] } {
  return parseEditorFile(text, file, entityEditorSchema, { entities: [] });
}

export function parseTopicEditor(text: string, file: string): { editor: TopicEditorEntry[] | undefined; messages: Diagnostic[] } {
  const { editor, messages } = parseEditorFile(text, file, topicEditorSchema, { topics: [] });
  return { editor: editor?.topics, messages };
}

function parseEditorFile<T>(text: string, file: string, schema: z.ZodType<T>, empty: T): { editor: T | undefined; messages: Diagnostic[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      editor: undefined,
      messages: doc.errors.map((e) => ({ file, line: counter.linePos(e.pos[0]).line, severity: 'error', code: 'SL501', message: `not valid YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const parsed = schema.safeParse(doc.contents === null ? empty : doc.toJS());
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
