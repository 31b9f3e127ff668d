/**
 * The built site in a real browser: `astro preview` serving `dist/` on a free
 * loopback port, and Debian's Chromium driven by playwright-core. Used by the
 * end-to-end tests and by `npm run screenshots`.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { preview } from 'astro';
import { chromium, type Browser } from 'playwright-core';

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

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
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
