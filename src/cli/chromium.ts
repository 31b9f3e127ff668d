/**
 * Which Chromium the project drives: the one resolver behind every browser
 * launch (`launchChromium` in browser.ts, so the end-to-end tests,
 * `npm run screenshots` and `npm run bench`) and behind `npm run provision`.
 *
 * In order: `CHROMIUM_PATH`; Debian's `/usr/bin/chromium`; else the Chromium
 * that the npm package `@sparticuz/chromium` ships brotli-packed, unpacked
 * once into `.tools/chromium/<version>/` (ignored by git). Nothing is
 * downloaded. This module imports nothing heavy, so provisioning stays quick.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';

export interface ResolvedChromium {
  /** The executable. */
  path: string;
  /** Where it came from, for messages. */
  source: 'CHROMIUM_PATH' | 'debian' | 'npm';
  /** Environment the executable needs on top of the process's own. */
  env: Record<string, string>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

function npmPackageVersion(): string {
  const manifest = join(root, 'node_modules', NPM_CHROMIUM_PACKAGE, 'package.json');
  if (!existsSync(manifest)) {
    throw new Error(`Chromium not found: no CHROMIUM_PATH, no ${DEBIAN_CHROMIUM}, and ${NPM_CHROMIUM_PACKAGE} is not installed (run npm ci, apt-get install -y chromium, or set CHROMIUM_PATH)`);
  }
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** `.tools/chromium/<version>/`: where the npm package's Chromium is unpacked. */
export function npmChromiumDir(): string {
  return join(root, '.tools', 'chromium', npmPackageVersion());
}

/**
 * The package's own fonts.conf names fixed Lambda paths; this one keeps the
 * system's fonts (when there are any) and adds the Open Sans the package ships,
 * so text renders on a machine with no fonts installed.
 */
function fontsConf(dir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    // The package's folder and a cache beside it first: after Debian's
    // fonts.conf, a cache the system kept from an earlier unpack hides the fonts.
    `  <dir>${join(dir, 'fonts', 'fonts')}</dir>`,
    `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`,
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    '</fontconfig>',
    '',
  ].join('\n');
}

/**
 * Unpacks the npm package's Chromium into `.tools/chromium/<version>/` unless
 * it is there. The package unpacks into `os.tmpdir()`, so it runs with TMPDIR
 * pointing at a private staging folder, which is then renamed into place: a
 * half-unpacked binary is never visible, and two processes racing both end up
 * with the complete one.
 */
async function unpackNpmChromium(): Promise<string> {
  const dir = npmChromiumDir();
  const done = join(dir, 'fonts.conf.storyline');
  if (existsSync(done)) return dir;
  const staging = `${dir}.unpacking-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const tmpdir = process.env['TMPDIR'];
  process.env['TMPDIR'] = staging;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    await chromium.executablePath();
  } finally {
    if (tmpdir === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = tmpdir;
  }
  writeFileSync(join(staging, 'fonts.conf.storyline'), fontsConf(dir));
  try {
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(done)) throw error;
  }
  return dir;
}

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the npm package's Chromium (unpacked on first use). */
export async function resolveChromium(): Promise<ResolvedChromium> {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist: fix it, or unset it to use ${DEBIAN_CHROMIUM} or ${NPM_CHROMIUM_PACKAGE}`);
    return { path: fromEnv, source: 'CHROMIUM_PATH', env: {} };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian', env: {} };
  const dir = await unpackNpmChromium();
  return { path: join(dir, 'chromium'), source: 'npm', env: { FONTCONFIG_FILE: join(dir, 'fonts.conf.storyline') } };
}
