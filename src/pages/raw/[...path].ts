/**
 * Serves each seed byte for byte at `rawPathFor(seed)` (`/raw/<seed path>`,
 * with `.txt` added to anything that is not already text), so a reader can
 * check the clean article against what was scraped.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articles } from '../../lib/site/site-data.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rawPathFor } from '../../lib/site/articles.ts';
import { sliceForShard } from '../../lib/site/shards.ts';
import { shard } from '../../lib/site/shard-data.ts';

export const getStaticPaths = (async () => {
  const entries = sliceForShard(await articles(), (entry) => `raw/${entry.id}`, shard);
  return entries.map((entry) => ({
    params: { path: rawPathFor(entry.data.source.path).slice('raw/'.length) },
    props: { seed: entry.data.source.path },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ seed: string }> = async ({ props }) => {
  const bytes = await readFile(join(process.cwd(), 'seeds', props.seed));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
