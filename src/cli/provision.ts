/**
 * `npm run provision`: makes sure the browser tests have what they need, the
 * way `.ci/node` makes sure of Node. `npm run test:e2e` and
 * `npm run test:e2e:subpath` (so `npm test`) run it first. Idempotent; when
 * everything is there it only checks, and prints one line saying what is used.
 *
 * - Chromium, from the resolver in chromium.ts: `CHROMIUM_PATH`, else
 *   `/usr/bin/chromium`, else the one the npm package `@sparticuz/chromium`
 *   ships, unpacked into `.tools/chromium/<version>/`. That build needs NSS,
 *   NSPR and expat from the system; when they are missing and this runs as
 *   root (or with passwordless sudo), Debian's libnss3, libnspr4 and libexpat1
 *   are installed with apt-get, and failing that Debian's chromium.
 * - Java for the Nu HTML Checker (npm vnu-jar, whose own postinstall would
 *   download a Java from outside the registries): `java` on PATH, else, as
 *   root, Debian's default-jre-headless with apt-get. Without either this only
 *   warns, and the HTML validation test fails saying how to install Java.
 *
 * Exits non-zero only when no Chromium can be made to start.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { resolveChromium, type ResolvedChromium } from './chromium.ts';

const APT_LIBS = ['libnss3', 'libnspr4', 'libexpat1'];

/** How to run apt-get: directly as root, through passwordless sudo, or not at all. */
function aptPrefix(): string[] | undefined {
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  if (process.getuid?.() === 0) return [];
  if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

const isInstalled = (name: string): boolean =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.startsWith('install ok installed') ?? false;

let updated = false;
const installed: string[] = [];
/** Installs those of `wanted` that are not installed yet; true when it installed any. */
function aptInstall(wanted: string[]): boolean {
  const packages = wanted.filter((name) => !isInstalled(name));
  const prefix = packages.length > 0 ? aptPrefix() : undefined;
  if (!prefix) return false;
  const run = (args: string[]): boolean => {
    const [command, ...rest] = [...prefix, 'apt-get', ...args];
    const result = spawnSync(command!, rest, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) process.stderr.write(`provision: apt-get ${args.join(' ')} failed:\n${result.stdout ?? ''}${result.stderr ?? String(result.error)}\n`);
    return result.status === 0;
  };
  if (!updated) updated = run(['update', '-qq']);
  if (!updated || !run(['install', '-y', '-qq', '--no-install-recommends', ...packages])) return false;
  installed.push(...packages);
  return true;
}

/** `chromium --version`, which also fails when a shared library is missing. */
function chromiumVersion(chromium: ResolvedChromium): { version?: string; error: string } {
  const result = spawnSync(chromium.path, ['--version'], { encoding: 'utf8', env: { ...process.env, ...chromium.env }, timeout: 30_000 });
  const version = /(\d+\.\d+\.\d+\.\d+)/.exec(result.stdout ?? '')?.[1];
  return result.status === 0 && version ? { version, error: '' } : { error: (result.stderr || String(result.error ?? `exit ${result.status}`)).trim() };
}

function javaVersion(): string | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) return undefined;
  return /version "([^"]+)"/.exec(`${result.stderr}${result.stdout}`)?.[1] ?? 'unknown version';
}

const where = (path: string): string => (path.startsWith(process.cwd()) ? relative(process.cwd(), path) : path);

// Chromium.
let chromium = await resolveChromium().catch((error: unknown) => {
  console.error(`provision: ${error instanceof Error ? error.message : String(error)}`);
  return process.exit(1);
});
let checked = chromiumVersion(chromium);
if (!checked.version && chromium.source === 'npm' && /shared librar/.test(checked.error)) {
  if (aptInstall(APT_LIBS)) checked = chromiumVersion(chromium);
  if (!checked.version && aptInstall(['chromium'])) {
    chromium = await resolveChromium();
    checked = chromiumVersion(chromium);
  }
}
if (!checked.version) {
  const advice =
    chromium.source === 'npm'
      ? `as root, apt-get install -y ${APT_LIBS.join(' ')} (or chromium), or set CHROMIUM_PATH`
      : chromium.source === 'debian'
        ? 'reinstall it (apt-get install --reinstall -y chromium) or set CHROMIUM_PATH'
        : 'fix CHROMIUM_PATH or unset it';
  console.error(`provision: Chromium at ${chromium.path} (${chromium.source}) does not start: ${checked.error}\nprovision: ${advice}`);
  process.exit(1);
}
const from = { CHROMIUM_PATH: 'CHROMIUM_PATH', debian: "Debian's chromium", npm: 'npm @sparticuz/chromium' }[chromium.source];
const chromiumLine = `Chromium ${checked.version} (${from}, ${where(chromium.path)})`;

// Java.
let java = javaVersion();
if (!java && aptInstall(['default-jre-headless'])) java = javaVersion();
const javaLine = java ? `Java ${java}` : 'no Java: the HTML validation test will fail (install one: apt-get install -y default-jre-headless, as root)';

console.log(`provision: ${chromiumLine}; ${javaLine}${installed.length > 0 ? `; installed with apt-get: ${installed.join(', ')}` : ''}`);
