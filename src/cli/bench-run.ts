/**
 * The bench's steps: a Node child run measured (wall time, peak memory of the
 * largest process in its tree, marks read from its log, a timeout that stops
 * the whole process group), repeated for a median when short; and the phases
 * of an `astro build` read from its log.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is `src/cli/bench-run.ts`). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';
/** Steps shorter than this are repeated for a median. */
const SHORT_MS = 10_000;

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
export const secs = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
/** Colour codes, in case a child writes them despite NO_COLOR. */
export const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

// ---------------------------------------------------------------------------
// Running a step: wall time, peak memory, log marks, timeout

export interface StepResult {
  /** False when it failed or timed out. */
  ok: boolean;
  timedOut: boolean;
  code: number | null;
  ms: number;
  /** Peak resident set size in bytes, when known. */
  rss?: number;
  stdout: string;
  stderr: string;
  /** Milliseconds from the start at which each mark's pattern first appeared in the output. */
  marks: Record<string, number>;
}

export interface StepOptions {
  cwd?: string;
  timeoutMs: number;
  marks?: Record<string, RegExp>;
  env?: NodeJS.ProcessEnv;
}

/** Preload for machines without GNU time: writes the process's peak RSS in GNU time's words at exit. */
const RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{try{writeFileSync(process.env.BENCH_RSS_FILE,'Maximum resident set size (kbytes): '+process.resourceUsage().maxRSS)}catch{}});",
)}`;

let stepCounter = 0;

/**
 * Runs `node <args>` (Node being this one), measured. The child gets its own
 * process group, so a timeout stops it and everything it started (the
 * Pagefind binary), and nothing else.
 */
export async function runNode(args: readonly string[], options: StepOptions): Promise<StepResult> {
  const rssFile = join(tmpdir(), `storyline-bench-rss-${process.pid}-${stepCounter++}.txt`);
  const useTime = existsSync(GNU_TIME);
  const [command, argv] = useTime ? [GNU_TIME, ['-v', '-o', rssFile, process.execPath, ...args]] : [process.execPath, ['--import', RSS_PRELOAD, ...args]];
  const started = performance.now();
  const child = spawn(command, argv, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const marks: Record<string, number> = {};
  const out: string[] = [];
  const err: string[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out.push(chunk);
    const now = performance.now() - started;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.replace(ANSI, '');
      for (const [name, pattern] of Object.entries(options.marks ?? {})) if (marks[name] === undefined && pattern.test(line)) marks[name] = now;
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, options.timeoutMs);
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  clearTimeout(timer);
  const ms = performance.now() - started;
  const report = await readFile(rssFile, 'utf8').catch(() => '');
  await rm(rssFile, { force: true });
  const kbytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
  return {
    ok: !timedOut && code === 0,
    timedOut,
    code,
    ms,
    ...(kbytes ? { rss: Number(kbytes) * 1024 } : {}),
    stdout: out.join(''),
    stderr: err.join(''),
    marks,
  };
}

/**
 * A step run once, then again up to `runs` times in all when it is short;
 * the run with the median time is returned, with every time.
 */
export async function measured(runs: number, run: () => Promise<StepResult>): Promise<StepResult & { runs: number[] }> {
  const results = [await run()];
  while (results[0]!.ok && results[0]!.ms < SHORT_MS && results.length < runs) results.push(await run());
  const times = results.map((r) => r.ms);
  const m = median(times);
  const chosen = results.find((r) => r.ms === m)!;
  return { ...chosen, runs: times };
}

export function failure(name: string, r: StepResult): string {
  if (r.timedOut) return `${name} stopped after ${secs(r.ms)} (--timeout)`;
  return `${name} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`;
}


export const BUILD_MARKS: Record<string, RegExp> = {
  synced: /\[content\] Synced content/,
  routesStart: /generating static routes/,
  routesDone: /^\d\d:\d\d:\d\d ✓ Completed in/,
  indexed: /\[storyline:pagefind\] indexed \d+ (?:article )?pages/,
  complete: /\[build\] Complete!/,
};

export interface BuildPhases {
  /** Start to "Synced content": config, content layer (Markdown parsed and rendered into the data store). */
  syncMs?: number;
  /** To "generating static routes": type generation, Vite bundling, collection of paths. */
  bundleMs?: number;
  /** Rendering every page to HTML. */
  renderMs?: number;
  /** After rendering until Pagefind's "indexed" line: the `astro:build:done` hooks, Pagefind above all. */
  pagefindMs?: number;
}

export function phases(marks: Record<string, number>): BuildPhases {
  const span = (from: number | undefined, to: number | undefined): number | undefined => (from !== undefined && to !== undefined ? to - from : undefined);
  const out: BuildPhases = {};
  const set = (key: keyof BuildPhases, v: number | undefined): void => {
    if (v !== undefined) out[key] = v;
  };
  set('syncMs', marks['synced']);
  set('bundleMs', span(marks['synced'], marks['routesStart']));
  set('renderMs', span(marks['routesStart'], marks['routesDone']));
  set('pagefindMs', span(marks['routesDone'], marks['indexed']));
  return out;
}
