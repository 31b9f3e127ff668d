/**
 * The built site in a real browser: `astro preview` serving `dist/` on a free
 * loopback port, and Chromium driven by playwright-core. Used by the
 * end-to-end tests, `npm run screenshots` and `npm run bench`. Which Chromium:
 * see chromium.ts (`CHROMIUM_PATH`, Debian's, else the npm package's).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { preview } from 'astro';
import { chromium, type Browser } from 'playwright-core';
import { resolveChromium } from './chromium.ts';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium from the one resolver, `resolveChromium` in chromium.ts. */
export async function launchChromium(): Promise<Browser> {
  const resolved = await resolveChromium();
  try {
    return await chromium.launch({ executablePath: resolved.path, args: CHROMIUM_FLAGS, headless: true, env: { ...process.env, ...resolved.env } });
  } catch (error) {
    const hint = resolved.source === 'npm' ? ' (missing shared libraries? run `npm run provision` as root, or apt-get install -y libnss3 libnspr4 libexpat1, or set CHROMIUM_PATH)' : '';
    throw new Error(`Chromium at ${resolved.path} (${resolved.source}) did not start${hint}: ${String(error)}`, { cause: error });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServedSite {
  /** Origin plus base path, ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  stop(): Promise<void>;
}

/** Serves the already built `dist/` of the project in `root`. */
export async function serveBuiltSite(root = process.cwd()): Promise<ServedSite> {
  if (!existsSync(`${root}/dist/index.html`)) throw new Error('dist/ is not built: run `npm run build` first');
  const port = await freePort();
  const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port } });
  const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
  return { url: `http://127.0.0.1:${server.port}${base}`, stop: () => server.stop() };
}
