/**
 * `npm run build [-- --strict] [--no-ingest] [--shards N [--jobs J] | --shard K/N [--out DIR] | --merge DIR... [--out DIR]]`
 *
 * The ingest (`seeds/` → `content/`), then `astro build` (→ `dist/`, with the
 * sitemap and the Pagefind index).
 *
 * A seed that fails does not stop the build: the ingest reports it with its
 * file and line, keeps its last good entry, counts the failures in one line
 * ("2 of 274 seeds failed; see content/ingest-report.json") and exits 0, so
 * every good seed is published. `--strict`, or `STORYLINE_STRICT=1` in the
 * environment (for workflows), makes any seed error or warning fail the build
 * before Astro runs. Any other exit code of the ingest (a bad command line,
 * an entry edited by hand, an unwritable folder) stops the build with it.
 * `--no-ingest` builds `content/` as it is (e.g. handed over by another job).
 *
 * A sharded build (docs/deploy.md) cuts the per-item pages (articles,
 * entities, stories, topics, archive months, publishers, raw seeds) into N
 * slices by a hash of each page's key (`src/lib/site/shards.ts`); every shard
 * also renders the few pages without parameters (home, search, feeds, 404…),
 * which the merge checks are the same bytes in every shard.
 * - `--shards N` (or `STORYLINE_SHARDS=N`): the ingest once, then N shard
 *   builds on this machine, `--jobs` at once (default: one a core, at most
 *   N) into `.shards/K-of-N/`, then the merge into `dist/` (or `--out`).
 * - `--shard K/N`: the ingest, then shard K's build alone into `--out`
 *   (default `.shards/K-of-N/`; keep it inside the project), without sitemap
 *   or search index: one job of a matrix.
 * - `--merge DIR...`: merges shard outputs into `dist/` (or `--out`): every
 *   shard of one count must be there once, and a file two shards wrote must
 *   be byte-identical (else it is an error naming the file); then the sitemap
 *   and one Pagefind index over the whole site.
 *
 * When nothing the site is built from changed since the last whole or
 * sharded build into `dist/` (see `build-stamp.ts`: content, code, public
 * files, packages, `SITE_URL` and `BASE_PATH`) and `dist/` is as that build
 * left it, no Astro build runs again. Deleting `dist/` forces a full build.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rm } from 'node:fs/promises';
import { readSiteConfig } from '../lib/site/config.ts';
import { defaultShardDir, parseShard, parseShardCount, type Shard } from '../lib/site/shards.ts';
import { inputsDigest, isCurrent, writeStamp } from './build-stamp.ts';
import { withHeapLimit } from './heap-limit.ts';

const USAGE = 'usage: npm run build -- [--strict] [--no-ingest] [--shards N [--jobs J] | --shard K/N [--out DIR] | --merge DIR... [--out DIR]]';

type Plan =
  | { mode: 'whole' | 'shards'; strict: boolean; ingest: boolean; count: number; jobs: number; out: string }
  | { mode: 'shard'; strict: boolean; ingest: boolean; shard: Shard; out: string }
  | { mode: 'merge'; dirs: string[]; out: string };

/** The command line (and `STORYLINE_SHARDS`) as a plan, or a message for the user. */
export function planBuild(argv: readonly string[], root: string, env: NodeJS.ProcessEnv): Plan | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        strict: { type: 'boolean', default: false },
        'no-ingest': { type: 'boolean', default: false },
        shards: { type: 'string' },
        shard: { type: 'string' },
        jobs: { type: 'string' },
        merge: { type: 'boolean', default: false },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  const strict = values.strict;
  const ingest = !values['no-ingest'];
  const given = [values.shards !== undefined && '--shards', values.shard !== undefined && '--shard', values.merge && '--merge'].filter(Boolean);
  if (given.length > 1) return `${given.join(' and ')} do not go together`;
  if (positionals.length > 0 && !values.merge) return `unexpected argument ${positionals[0]}`;
  if (values.merge) {
    if (positionals.length === 0) return '--merge needs the shard output folders';
    return { mode: 'merge', dirs: positionals.map((d) => resolve(root, d)), out: resolve(root, values.out ?? 'dist') };
  }
  if (values.shard !== undefined) {
    const shard = parseShard(values.shard);
    if (typeof shard === 'string') return `--shard: ${shard}`;
    const out = values.out === undefined ? defaultShardDir(root, shard) : resolve(root, values.out);
    // Outside the working directory Astro would put the build's server chunks in the shared `./.astro/`.
    if (!out.startsWith(`${resolve(root)}${sep}`)) return `--out: a shard's folder must be inside the project (${root}), not ${out}`;
    return { mode: 'shard', strict, ingest, shard, out };
  }
  const countText = values.shards ?? (env['STORYLINE_SHARDS'] || '1');
  const count = parseShardCount(countText);
  if (typeof count === 'string') return `${values.shards === undefined ? 'STORYLINE_SHARDS' : '--shards'}: ${count}`;
  const jobs = values.jobs === undefined ? Math.min(count, availableParallelism()) : parseShardCount(values.jobs);
  if (typeof jobs === 'string') return `--jobs: ${jobs}`;
  if (values.out !== undefined && count === 1) return '--out goes with --shards, --shard or --merge (a whole build writes dist/)';
  return { mode: count === 1 ? 'whole' : 'shards', strict, ingest, count, jobs, out: resolve(root, values.out ?? 'dist') };
}

/** Runs the build of the project in `root` (its `seeds/`, `content/` and Astro project); resolves with the exit code. */
export async function runBuild(argv: readonly string[], root: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const plan = planBuild(argv, root, env);
  if (typeof plan === 'string') {
    console.error(`${plan}\n${USAGE}`);
    return 2;
  }
  const step = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): number => {
    const run = spawnSync(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
    return run.status ?? 1;
  };
  if (plan.mode !== 'merge' && plan.ingest) {
    const ingest = step([fileURLToPath(new URL('./ingest.ts', import.meta.url)), ...(plan.strict ? ['--strict'] : [])], { NODE_OPTIONS: withHeapLimit(env['NODE_OPTIONS']) });
    if (ingest !== 0) {
      console.error(`build: the ingest exited ${ingest}; the site was not built`);
      return ingest;
    }
  }
  // A shard variable left in the environment would turn a whole build into one slice.
  const clean: NodeJS.ProcessEnv = { ...env, STORYLINE_SHARD: '', STORYLINE_SHARD_OUT: '' };
  // Nothing the site is built from changed since the last build into dist/, and dist/ is as that build left it: done.
  const stamped = (plan.mode === 'whole' || plan.mode === 'shards') && plan.out === resolve(root, 'dist');
  const inputs = stamped ? inputsDigest(root, env) : '';
  if (stamped && isCurrent(root, inputs)) {
    console.log('build: dist/ is current (nothing it is built from changed since the last build); not rebuilt');
    return 0;
  }
  switch (plan.mode) {
    case 'whole': {
      const built = step([resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build'], clean);
      if (built === 0 && stamped) writeStamp(root, inputs);
      return built;
    }
    case 'shard':
      return (await import('./shards.ts')).buildShard(root, plan.shard, plan.out, clean);
    case 'shards': {
      const built = await (await import('./shards.ts')).buildAllShards(root, plan.count, plan.jobs, clean);
      if ('code' in built) return built.code;
      const code = await merge(built.dirs, plan.out, env);
      // The shards' folders are only the merge's input; their caches (`.cache/astro-shard-*`) stay for the next build.
      if (code === 0) for (const dir of built.dirs) await rm(dir, { recursive: true, force: true });
      if (code === 0 && stamped) writeStamp(root, inputs);
      return code;
    }
    case 'merge':
      return merge(plan.dirs, plan.out, env);
  }
}

async function merge(dirs: readonly string[], out: string, env: NodeJS.ProcessEnv): Promise<number> {
  // The sharding code (Pagefind, the sitemap integration) is loaded only by the builds that use it.
  const messages = await (await import('./shards.ts')).mergeShards(dirs, out, readSiteConfig(env));
  for (const message of messages) console.error(`merge: ${message}`);
  if (messages.length > 0) console.error(`build: the merge found ${messages.length} problem${messages.length === 1 ? '' : 's'}; ${out} is not a complete site`);
  return messages.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runBuild(process.argv.slice(2), process.cwd());
}
