/**
 * V8's old-space limit for the long Node processes of a build: the ingest
 * and each shard's `astro build`. V8 collects lazily below its limit (about
 * 4.2 GB by default on a 24 GB machine), so a process's resident size grows
 * well past what it holds: the 100,000-article ingest held under 2 GB and
 * peaked at 4.7 GB uncapped (4.07 GB under this limit, with 0.6 GB of typed
 * arrays outside it). 3 GB keeps a shard's whole process under the 4 GB a
 * process may use; a process whose data does not fit stops with V8's
 * out-of-memory error instead of passing the budget. `NODE_OPTIONS` with its
 * own `--max-old-space-size` raises it for `npm run build` and the bench;
 * `npm run ingest` passes the flag itself, so run `bash .ci/node
 * --max-old-space-size=N src/cli/ingest.ts` for another limit.
 */
export const HEAP_LIMIT_MB = 3072;

/** `NODE_OPTIONS` for such a process: `options` with the heap limit added, unless they set one. */
export function withHeapLimit(options: string | undefined, mb = HEAP_LIMIT_MB): string {
  const given = options?.trim() ?? '';
  if (/--max-old-space-size\b/.test(given)) return given;
  return `${given} --max-old-space-size=${mb}`.trim();
}
