/**
 * Runs `runSeed` (the pipeline, then the knowledge layer's per-article steps
 * on the entry) on worker threads, so a corpus of many new seeds uses every
 * core. Each worker loads the pipeline once and takes seeds one at a time;
 * results come back without their input (the caller has it). Both are pure,
 * so where a seed runs cannot change what it gives.
 *
 * This same file is the worker's entry point: loaded on a worker thread with
 * `workerData.role === 'seed-worker'`, it serves requests instead of exporting.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ingestSeedSafely, type CachedSeedResult, type IngestOptions, type SeedInput } from '../lib/ingest/pipeline.ts';
import { articleSchema } from '../lib/schema.ts';
import { articleKnowledge, holdMentions } from '../lib/knowledge/article-knowledge.ts';
import type { SentenceCache } from '../lib/knowledge/entities.ts';
import { openCache, type DiskCache } from './cache.ts';

interface Request {
  id: number;
  input: SeedInput;
  options: IngestOptions;
  cacheAs?: CacheAs;
}

/** Where the worker stores the seed's result in the disk cache (`openCache(dir).set(kind, key, result)`), unless it records an internal failure. */
export interface CacheAs {
  dir: string;
  kind: string;
  key: string;
}

interface Reply {
  id: number;
  result: CachedSeedResult;
}

export interface SeedPool {
  /**
   * The seed's result. A worker takes one seed at a time; seeds wait in order for a free worker, so the caller bounds how many it hands over.
   * With `cacheAs`, the worker also stores the result in the cache, so that writing it costs this thread nothing.
   */
  run(input: SeedInput, options: IngestOptions, cacheAs?: CacheAs): Promise<CachedSeedResult>;
  close(): Promise<void>;
}

/** A pool of `size` workers, started when the first seed arrives. */
export function startSeedPool(size: number): SeedPool {
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<number, { resolve: (r: CachedSeedResult) => void; reject: (e: Error) => void }>();
  let next = 0;

  const release = (w: Worker): void => {
    const taker = waiting.shift();
    if (taker) taker(w);
    else idle.push(w);
  };
  const acquire = (): Promise<Worker> => {
    if (workers.length < size) {
      const w = new Worker(new URL(import.meta.url), { workerData: { role: 'seed-worker' } });
      w.on('message', (reply: Reply) => {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        release(w);
        p?.resolve(reply.result);
      });
      // A worker that dies takes its seeds with it: the run fails as a bug would (SL904).
      w.on('error', (error) => {
        for (const p of pending.values()) p.reject(error);
        pending.clear();
      });
      workers.push(w);
      return Promise.resolve(w);
    }
    const free = idle.shift();
    return free ? Promise.resolve(free) : new Promise((resolve) => waiting.push(resolve));
  };

  return {
    async run(input, options, cacheAs) {
      const w = await acquire();
      const id = next++;
      return new Promise<CachedSeedResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, input, options, ...(cacheAs ? { cacheAs } : {}) } satisfies Request);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Whether a seed's result may be cached: an internal failure (SL903) is not, so the next run tries again. */
export function isCacheable(result: CachedSeedResult): boolean {
  return !result.messages.some((m) => m.code === 'SL903');
}

/** compromise's spans of the sentences this thread has tagged, shared by its seeds; emptied at `SENTENCE_CACHE_MAX` (results do not depend on it). */
const sentenceCache: SentenceCache = new Map();
/**
 * About 80 MB a thread (some 2 KB a sentence, measured on generated news): the
 * sentences of a thousand or so articles, where boilerplate and most copies
 * recur, while the cache does not grow with the corpus.
 */
const SENTENCE_CACHE_MAX = 40_000;

/**
 * One seed as the ingest keeps it: `ingestSeedSafely`'s result without its
 * input, and with the per-article knowledge of its entry when it gave one
 * that passes the schema (the ingest leaves out any other), its mentions as
 * the ingest holds them (`holdMentions`): what the article gives again (each
 * unit's text and words) is neither sent between threads nor cached.
 */
export function runSeed(input: SeedInput, options: IngestOptions): CachedSeedResult {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { input: _input, duplicateOf: _duplicate, ...result } = ingestSeedSafely(input, options);
  if (result.article === undefined || result.body === undefined) return result;
  const parsed = articleSchema.safeParse(result.article);
  if (!parsed.success) return result;
  if (sentenceCache.size > SENTENCE_CACHE_MAX) sentenceCache.clear();
  const knowledge = articleKnowledge(parsed.data, result.body, { sentenceCache });
  const mentions = 'error' in knowledge.mentions ? knowledge.mentions : { value: holdMentions(knowledge.mentions.value) };
  return { ...result, knowledge: { ...knowledge, mentions } };
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === 'seed-worker') {
  const caches = new Map<string, DiskCache>();
  parentPort!.on('message', ({ id, input, options, cacheAs }: Request) => {
    const result = runSeed(input, options);
    if (cacheAs && isCacheable(result)) {
      let cache = caches.get(cacheAs.dir);
      if (!cache) caches.set(cacheAs.dir, (cache = openCache(cacheAs.dir)));
      cache.set(cacheAs.kind, cacheAs.key, result);
    }
    parentPort!.postMessage({ id, result } satisfies Reply);
  });
}
