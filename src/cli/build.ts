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
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

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
  return step([resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build']);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runBuild(process.argv.slice(2), process.cwd());
}
