/**
 * The knowledge layer as the pages read it: `content/knowledge.json`, parsed
 * once per build against its schema, record by record (`readKnowledgeFile`:
 * the file may be larger than one string can hold). It is read from disk, not imported: an
 * import puts the whole file (megabytes, growing with the corpus) into the
 * server bundle, for Vite to transform and every build to carry. The dev
 * server reads it when it starts; restart it after an ingest. A shard of a
 * sharded build keeps only what its pages read (`readShardKnowledge`).
 */
import { join } from 'node:path';
import { readKnowledgeFile, readShardKnowledge } from './knowledge-file.ts';
import { shard } from './shard-data.ts';

const path = join(process.cwd(), 'content', 'knowledge.json');

export const knowledge = shard === undefined || shard.count === 1 ? readKnowledgeFile(path) : readShardKnowledge(path, shard);
