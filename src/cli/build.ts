/**
 * `npm run build [-- --strict]`: the ingest (`seeds/` → `content/`), then
 * `astro build` (→ `dist/`, with the Pagefind index).
 *
 * A seed that fails does not stop the build: the ingest reports it with its
 * file and line, keeps its last good entry, counts the failures in one line
 * ("2 of 274 seeds failed; see content/ingest-report.json") and exits 0, so
 * every good seed is published. `--strict`, or `STORYLINE_STRICT=1` in the
 * environment (for workflows), makes any seed error or warning fail the build
 * before Astro runs. Any other exit code of the ingest (a bad command line,
 * an entry edited by hand, an unwritable folder) stops the build with it.
 *
 * When nothing the site is built from changed since the last build (see
 * `build-stamp.ts`: content, code, public files, packages, `SITE_URL` and
 * `BASE_PATH`) and `dist/` is as that build left it, `astro build` is not run
 * again. Deleting `dist/` forces a full build.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inputsDigest, isCurrent, writeStamp } from './build-stamp.ts';

const USAGE = 'usage: npm run build -- [--strict]';

/** Runs the build of the project in `root` (its `seeds/`, `content/` and Astro project); returns the exit code. */
export function runBuild(argv: readonly string[], root: string, env: NodeJS.ProcessEnv = process.env): number {
  let strict: boolean;
  try {
    strict = parseArgs({ args: [...argv], options: { strict: { type: 'boolean', default: false } }, strict: true, allowPositionals: false }).values.strict;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const step = (args: string[]): number => {
    const run = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    return run.status ?? 1;
  };
  const ingest = step([fileURLToPath(new URL('./ingest.ts', import.meta.url)), ...(strict ? ['--strict'] : [])]);
  if (ingest !== 0) {
    console.error(`build: the ingest exited ${ingest}; the site was not built`);
    return ingest;
  }
  // Nothing the site is built from changed since the last build, and dist/ is as that build left it: done.
  const inputs = inputsDigest(root, env);
  if (isCurrent(root, inputs)) {
    console.log('build: dist/ is current (nothing it is built from changed since the last build); not rebuilt');
    return 0;
  }
  const built = step([resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build']);
  if (built === 0) writeStamp(root, inputs);
  return built;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runBuild(process.argv.slice(2), process.cwd());
}
