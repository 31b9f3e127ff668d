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
import { settings } from './settings-data.ts';

const path = join(process.cwd(), 'content', 'knowledge.json');

const read = shard === undefined || shard.count === 1 ? { knowledge: readKnowledgeFile(path), entityEventTotals: undefined, entityArticleTotals: undefined } : readShardKnowledge(path, shard, settings.entityPages);

export const knowledge = read.knowledge;

/**
 * In a shard, how many events name each entity whose page it renders: the
 * shard keeps only the events such a page shows (`readShardKnowledge`), so
 * the page takes the count from here. Undefined in a whole build, which
 * keeps every event.
 */
export const entityEventTotals: ReadonlyMap<string, number> | undefined = read.entityEventTotals;

/**
 * In a shard, how many distinct articles name each entity that has a page,
 * counted over the whole layer: the shard keeps only part of most entities'
 * articles (`readShardKnowledge`), so the directory takes the counts from
 * here. Undefined in a whole build, which keeps every entity whole.
 */
export const entityArticleTotals: ReadonlyMap<string, number> | undefined = read.entityArticleTotals;
