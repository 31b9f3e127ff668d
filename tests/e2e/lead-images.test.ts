/**
 * Lead images end to end: `npm run collect` against a loopback server whose
 * pages name an `og:image`: one a real JPEG, one too large, one missing
 * (404), one not an image by its type and one not an image by its bytes.
 * Every page is collected; only the first keeps a picture, saved beside it
 * and named in its sidecar. The ingest copies it into the content folder;
 * a site built from that content (in a temporary copy of the project) shows
 * a responsive thumbnail in the lists (an AVIF source and a WebP fallback,
 * each with a srcset, width and height set) and the lead image with its
 * caption and credit on the article page, which still loads no script;
 * the other articles show none. axe finds nothing on either page.
 */
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCollect } from '../../src/cli/collect.ts';
import { runIngest } from '../../src/cli/ingest.ts';
import { launchChromium, serveBuiltSite, type ServedSite } from '../../src/cli/browser.ts';
import { parseSidecar } from '../../src/lib/ingest/sidecar.ts';
import { isLeadImageOriginal } from '../../src/lib/site/lead-images.ts';
import { articlePage, type Story } from '../collect/fixtures.ts';
import { FAST } from '../collect/harness.ts';
import { HTML, serve, startServer, type Handler, type TestServer } from '../collect/server.ts';
import { buildProject, copyProject } from '../project-copy.ts';

const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
const MAX_IMAGE_BYTES = 40_000;

function bytes(body: Uint8Array, type: string): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, 'content-length': String(body.byteLength) });
    res.end(body);
  };
}

describe('lead images, collected, ingested and built', () => {
  let server: TestServer;
  let dir: string;
  let site: ServedSite;
  let browser: Browser;
  let collected: string[];
  let seedFiles: string[];
  const page = (path: string): string => readFileSync(join(dir, 'dist', path), 'utf8');
  const stories: (Story & { slug: string })[] = [];

  beforeAll(async () => {
    server = await startServer();
    const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 40, g: 90, b: 140 } } }).jpeg().toBuffer();
    const huge = Buffer.concat([jpeg, Buffer.alloc(MAX_IMAGE_BYTES)]);
    server.route('/img/lead.jpg', bytes(jpeg, 'image/jpeg'));
    server.route('/img/huge.jpg', bytes(huge, 'image/jpeg'));
    server.route('/img/page.jpg', serve('<!doctype html><p>Not found, but with a 200</p>', HTML));
    server.route('/img/html.jpg', bytes(new TextEncoder().encode('<!doctype html><html><body>an error page</body></html>'), 'image/jpeg'));
    const make = (slug: string, title: string, subject: string, image: string): void => {
      const story: Story & { slug: string } = { slug, path: `/news/${slug}`, title, subject, place: 'Northport', published: '2025-08-22T09:00:00Z', image: { url: `${server.origin}${image}`, alt: `${title}: the scene`, caption: 'The harbour at dawn.', credit: 'Photo: Jane Roe' } };
      stories.push(story);
      server.route(story.path, serve(articlePage(story), HTML));
    };
    make('ferry', 'Northport approves new ferry terminal after long debate', 'the new ferry terminal', '/img/lead.jpg');
    make('bridge', 'Old swing bridge to close for repairs this winter', 'the swing bridge repair', '/img/huge.jpg');
    make('school', 'Northport school gets funding for a new science wing', 'the science wing', '/img/missing.jpg');
    make('market', 'Fish market moves to the old customs house', 'the fish market move', '/img/page.jpg');
    make('tram', 'Tram line to the airport opens in the spring', 'the airport tram line', '/img/html.jpg');

    dir = copyProject('lead-images');
    rmSync(join(dir, 'seeds'));
    rmSync(join(dir, 'content', 'articles'), { recursive: true });
    rmSync(join(dir, 'content', 'knowledge.json'));
    writeFileSync(
      join(dir, 'collect.config.yaml'),
      stringify({ contact: 'https://example.org/storyline', fetch: { ...FAST, maxImageBytes: MAX_IMAGE_BYTES }, urls: stories.map((s) => ({ url: `${server.origin}${s.path}` })) }),
    );
    collected = [];
    const code = await runCollect(['--config', join(dir, 'collect.config.yaml'), '--seeds', join(dir, 'seeds')], { cwd: dir, out: (l) => collected.push(l), err: (l) => collected.push(l), now: () => new Date('2025-09-01T12:00:00Z') });
    expect(code, collected.join('\n')).toBe(0);
    seedFiles = readdirSync(join(dir, 'seeds')).sort();
    const ingested: string[] = [];
    const ingest = await runIngest(['--no-cache'], { cwd: dir, today: '2025-09-01', out: (l) => ingested.push(l), err: (l) => ingested.push(l) });
    expect(ingest, ingested.join('\n')).toBe(0);
    buildProject(dir);
    site = await serveBuiltSite(dir);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('collects every page, keeps only the real image beside its page, and says why the others have none', () => {
    expect(collected.join('\n')).toContain('5 articles saved');
    expect(seedFiles.filter((f) => f.endsWith('.html'))).toHaveLength(5);
    const pictures = seedFiles.filter((f) => /\.(?:jpg|png|webp|avif|gif)$/.test(f));
    expect(pictures).toEqual([expect.stringMatching(/^northport-approves-new-ferry-terminal-[a-z-]*[0-9a-f]{8}\.jpg$/)]);
    const sidecar = parseSidecar(readFileSync(join(dir, 'seeds', pictures[0]!.replace(/\.jpg$/, '.meta.yaml')), 'utf8'), 's').sidecar!;
    expect(sidecar.note).toContain("Lead image from the page's og:image.");
    expect(sidecar.image).toEqual({ file: pictures[0], url: `${server.origin}/img/lead.jpg`, caption: 'The harbour at dawn.', credit: 'Jane Roe', alt: 'Northport approves new ferry terminal after long debate: the scene' });
    const warnings = collected.filter((l) => l.includes('SL616'));
    expect(warnings).toHaveLength(4);
    expect(warnings.find((l) => l.includes('/news/bridge'))).toMatch(/larger than 40000 bytes \(fetch\.maxImageBytes\)/);
    expect(warnings.find((l) => l.includes('/news/school'))).toMatch(/HTTP 404/);
    expect(warnings.find((l) => l.includes('/news/market'))).toMatch(/not an image \(text\/html\)/);
    expect(warnings.find((l) => l.includes('/news/tram'))).toMatch(/first bytes are no JPEG/);
    expect(readdirSync(join(dir, 'content', 'images'))).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.jpg$/)]);
  });

  it('shows a responsive thumbnail in the lists: an AVIF source and a WebP fallback with srcsets, width and height, loaded lazily', () => {
    const home = page('index.html');
    const pictures = [...home.matchAll(/<picture>.*?<\/picture>/gs)].map((m) => m[0]);
    expect(pictures).toHaveLength(1);
    const picture = pictures[0]!;
    expect(picture).toMatch(/<source srcset="[^"]+\.avif 112w, [^"]+\.avif 224w" type="image\/avif" sizes="[^"]+">/);
    expect(picture).toMatch(/<img src="[^"]+\.webp" srcset="[^"]+\.webp 112w, [^"]+\.webp 224w"/);
    expect(picture).toMatch(/width="112" height="84"/);
    expect(picture).toContain('loading="lazy"');
    // Same-origin files, under the base path.
    for (const src of picture.matchAll(/(?:src|srcset)="([^" ]+)/g)) expect(src[1]!.startsWith(`${base}_astro/`), src[1]).toBe(true);
    // Only resized pictures are published, never the copy as it is.
    const assets = readdirSync(join(dir, 'dist', '_astro'));
    expect(assets.filter((f) => /\.(?:avif|webp)$/.test(f)).length).toBeGreaterThanOrEqual(8);
    expect(assets.filter(isLeadImageOriginal)).toEqual([]);
    // The card with the thumbnail is the ferry story's.
    expect(home).toMatch(/<li class="article-card has-thumb"><h3><a href="[^"]*northport-approves-new-ferry-terminal/);
  });

  it('shows the lead image on its article page with caption, credit and basis, and no script; the others show none', () => {
    const ferry = page('articles/northport-approves-new-ferry-terminal-after-long-debate/index.html');
    const figure = /<figure class="lead-figure">.*?<\/figure>/s.exec(ferry)?.[0] ?? '';
    expect(figure).toMatch(/<source srcset="[^"]+\.avif 480w, [^"]+\.avif 800w" type="image\/avif"/);
    expect(figure).toMatch(/<img [^>]*alt="Northport approves new ferry terminal after long debate: the scene"[^>]*width="800" height="500"/);
    expect(figure).toContain('The harbour at dawn.');
    expect(figure).toContain('Credit: Jane Roe');
    // The collector wrote it into the sidecar, whose values an editor owns (as its publisher and date).
    expect(figure).toContain('Lead image: set by an editor');
    expect(ferry).not.toMatch(/<script[^>]+src=/);
    for (const slug of ['old-swing-bridge-to-close-for-repairs-this-winter', 'northport-school-gets-funding-for-a-new-science-wing', 'fish-market-moves-to-the-old-customs-house', 'tram-line-to-the-airport-opens-in-the-spring']) {
      const other = page(`articles/${slug}/index.html`);
      expect(other, slug).not.toContain('<picture>');
      expect(other, slug).toContain('the pictures are not reproduced here');
    }
    // Its share card (og:image, twitter:image, JSON-LD image) is the lead image as a JPEG the build wrote; the others keep the site's.
    const og = /<meta property="og:image" content="([^"]+)"/.exec(ferry)?.[1] ?? '';
    expect(og).toMatch(/^https?:\/\/[^/]+\/.*_astro\/[^/]+\.jpg$/);
    const ogFile = join(dir, 'dist', new URL(og).pathname.slice(base.length));
    expect([...readFileSync(ogFile).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(ferry).toContain('<meta property="og:image:width" content="800"');
    expect(ferry).toContain('<meta property="og:image:height" content="500"');
    expect(ferry).toContain(`<meta name="twitter:image" content="${og}"`);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(ferry)![1]!) as { image?: string[] };
    expect(ld.image).toEqual([og]);
    expect(page('articles/old-swing-bridge-to-close-for-repairs-this-winter/index.html')).toMatch(/<meta property="og:image" content="[^"]+\/og\.png"/);
    // The feeds carry the same picture: an RSS enclosure, an Atom enclosure link, a JSON Feed image; only for the ferry story.
    const rss = parseRssFeed(page('rss.xml'));
    expect(rss.items?.filter((i) => i.enclosures?.length).map((i) => [i.title, i.enclosures?.[0]?.url, i.enclosures?.[0]?.type])).toEqual([['Northport approves new ferry terminal after long debate', og, 'image/jpeg']]);
    const atom = parseAtomFeed(page('atom.xml'));
    expect(atom.entries?.flatMap((e) => e.links?.filter((l) => l.rel === 'enclosure').map((l) => l.href) ?? [])).toEqual([og]);
    const json = parseJsonFeed(JSON.parse(page('feed.json')));
    expect(json.items?.flatMap((i) => (i.image ? [i.image] : []))).toEqual([og]);
    // Every picture file the pages name was written.
    for (const m of ferry.matchAll(/(?:src|srcset)="([^"]+)"/g)) for (const part of m[1]!.split(', ')) if (part.includes('_astro/')) expect(existsSync(join(dir, 'dist', part.split(' ')[0]!.slice(base.length)))).toBe(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no accessibility violations on the home and article pages with images (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme });
      const tab = await context.newPage();
      for (const path of ['', 'articles/northport-approves-new-ferry-terminal-after-long-debate/']) {
        await tab.goto(new URL(path, site.url).href);
        const result = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(result.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      // The lead image loads, from this site (the Content-Security-Policy allows images from 'self' only).
      const loaded = await tab.evaluate(() => [...document.querySelectorAll('picture img')].map((img) => (img as HTMLImageElement).naturalWidth > 0 && new URL((img as HTMLImageElement).currentSrc).origin === location.origin));
      expect(loaded).toEqual([true]);
      await context.close();
    });
  }

  it('turns images off with images: false in content/site.yaml', () => {
    writeFileSync(join(dir, 'content', 'site.yaml'), 'images: false\n');
    buildProject(dir);
    expect(page('index.html')).not.toContain('<picture>');
    expect(page('articles/northport-approves-new-ferry-terminal-after-long-debate/index.html')).not.toContain('<picture>');
    expect(page('articles/northport-approves-new-ferry-terminal-after-long-debate/index.html')).toMatch(/<meta property="og:image" content="[^"]+\/og\.png"/);
    expect(readdirSync(join(dir, 'dist', '_astro')).filter((f) => /\.(?:jpg|avif|webp)$/.test(f))).toEqual([]);
  }, 120_000);
});
