/**
 * End to end, as a user runs it: `node src/cli/collect.ts` against a local
 * server fills a temporary seeds folder; `node src/cli/ingest.ts` turns it
 * into clean entries (the sidecar's publisher and date with basis editor,
 * the body text present, the page furniture gone); a second collect adds
 * nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readContentFile } from '../../src/lib/ingest/markdown.ts';
import { articleSchema } from '../../src/lib/schema.ts';
import { articlePage, atomFeed, paragraphs, rssFeed, type Story } from '../collect/fixtures.ts';
import { FAST } from '../collect/harness.ts';
import { HTML, serve, startServer, type TestServer } from '../collect/server.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

/** Runs a CLI with Node (the same binary as the tests), from the repository root; never rejects. */
async function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let server: TestServer;
let dir: string;

const stories: Story[] = [
  { path: '/world/ferry', title: 'Northport approves new ferry terminal after long debate', subject: 'the new ferry terminal', place: 'Northport', published: '2025-08-22T09:00:00Z' },
  { path: '/world/bridge', title: 'Old swing bridge to close for repairs this winter', subject: 'the swing bridge repair', place: 'Eastham', site: 'Harbour Gazette', ldPublished: '2025-08-19T10:00:00Z' },
  { path: '/world/school', title: 'Northport school gets funding for a new science wing', subject: 'the science wing', place: 'Northport', ldPublisher: 'Courier Media Group' },
];

beforeAll(async () => {
  server = await startServer();
  for (const st of stories) server.route(st.path, serve(articlePage(st), HTML, { etag: `"${st.path}"` }));
  server.route('/rss.xml', serve(rssFeed('Courier – World', [
    { title: stories[0]!.title, link: `${server.origin}${stories[0]!.path}`, date: 'Fri, 22 Aug 2025 09:00:00 GMT', categories: ['Transport'] },
    { title: stories[2]!.title, link: `${server.origin}${stories[2]!.path}`, date: 'Wed, 20 Aug 2025 16:00:00 +0100' },
  ]), 'application/rss+xml', { etag: '"rss"' }));
  server.route('/atom.xml', serve(atomFeed('Gazette', [{ title: stories[1]!.title, link: `${server.origin}${stories[1]!.path}`, date: '2025-08-21T07:30:00Z' }]), 'application/atom+xml'));
  dir = await mkdtemp(join(tmpdir(), 'storyline-collect-e2e-'));
  await writeFile(
    join(dir, 'collect.config.yaml'),
    stringify({ contact: 'https://example.org/storyline', fetch: FAST, feeds: [{ url: `${server.origin}/rss.xml`, topic: 'Northport' }, { url: `${server.origin}/atom.xml` }] }),
  );
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('collect → ingest', () => {
  it('collects into a seeds folder the ingest turns into clean entries; a second run adds nothing', async () => {
    const seeds = join(dir, 'seeds');
    const out = join(dir, 'content');
    const first = await cli('src/cli/collect.ts', ['--config', join(dir, 'collect.config.yaml'), '--seeds', seeds]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('3 articles saved');
    const files = (await readdir(seeds)).sort();
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.meta.yaml'))).toHaveLength(3);
    expect(files).toContain('.collect-state.json');

    const ingest = await cli('src/cli/ingest.ts', ['--seeds', seeds, '--out', out]);
    expect(ingest.stderr).toBe('');
    expect(ingest.code).toBe(0);
    const entries = await Promise.all((await readdir(join(out, 'articles'))).map(async (n) => readContentFile(await readFile(join(out, 'articles', n), 'utf8'))));
    expect(entries).toHaveLength(3);
    for (const { data, body } of entries) {
      const article = articleSchema.parse(data);
      const st = stories.find((s) => s.title === article.headline)!;
      expect(st, article.headline).toBeDefined();
      expect(article.publisher.basis).toBe('editor');
      expect(article.published.basis).toBe('editor');
      expect(article.url?.basis).toBe('editor');
      expect(article.source.format).toBe('html');
      expect(article.source.note).toMatch(/^Collected 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ from the feed http:\/\/127\.0\.0\.1:\d+\/(rss|atom)\.xml/);
      for (const p of paragraphs(st)) expect(body.replace(/\s+/g, ' ')).toContain(p.slice(0, 60));
      for (const junk of ['Advertisement', 'newsletter', 'Share on', 'cookies', 'Most read', 'All rights reserved', 'Home', 'By Dana Whitfield']) {
        expect(body, junk).not.toContain(junk);
      }
    }
    const byHeadline = new Map(entries.map(({ data }) => [articleSchema.parse(data).headline, articleSchema.parse(data)]));
    expect(byHeadline.get(stories[0]!.title)).toMatchObject({ publisher: { name: 'The Northport Courier' }, published: { date: '2025-08-22', precision: 'day' } });
    expect(byHeadline.get(stories[1]!.title)).toMatchObject({ publisher: { name: 'Harbour Gazette' }, published: { date: '2025-08-21' } });
    expect(byHeadline.get(stories[2]!.title)).toMatchObject({ publisher: { name: 'The Northport Courier' }, published: { date: '2025-08-20' } });

    const second = await cli('src/cli/collect.ts', ['--config', join(dir, 'collect.config.yaml'), '--seeds', seeds]);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain('0 articles saved');
    expect((await readdir(seeds)).sort()).toEqual(files);
    // Two CLI processes each start Node and load the pipeline: give them time on a loaded machine.
  }, 30_000);
});
