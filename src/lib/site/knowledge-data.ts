/**
 * The knowledge layer as the pages read it: `content/knowledge.json`, parsed
 * once per build against its schema, record by record (`readKnowledgeFile`:
 * the file may be larger than one string can hold). It is read from disk, not imported: an
 * import puts the whole file (megabytes, growing with the corpus) into the
 * server bundle, for Vite to transform and every build to carry. The dev
 * server reads it when it starts; restart it after an ingest.
 */
import { join } from 'node:path';
import { readKnowledgeFile } from './knowledge-file.ts';

export const knowledge = readKnowledgeFile(join(process.cwd(), 'content', 'knowledge.json'));
