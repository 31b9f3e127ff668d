/**
 * The shard of a sharded build this process renders (`STORYLINE_SHARD=K/N`,
 * set by `npm run build -- --shards N` or `--shard K/N`), or undefined in a
 * whole build. Read once, when the pages are loaded.
 */
import { shardFromEnv } from './shards.ts';

export const shard = shardFromEnv(process.env);
