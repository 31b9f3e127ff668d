/**
 * The knowledge layer as the pages read it: `content/knowledge.json`, parsed
 * once per build against its schema. It is read from disk, not imported: an
 * import puts the whole file (megabytes, growing with the corpus) into the
 * server bundle, for Vite to transform and every build to carry. The dev
 * server reads it when it starts; restart it after an ingest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKnowledge } from './knowledge.ts';

export const knowledge = parseKnowledge(JSON.parse(readFileSync(join(process.cwd(), 'content', 'knowledge.json'), 'utf8')));
