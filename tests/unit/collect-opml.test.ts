/**
 * OPML in: reader exports (Feedly's OPML 1.0 with folders, FreshRSS's OPML
 * 2.0 with a comment and a `category` attribute) read into feed sources with
 * their lines, merged into a config with its comments kept, and imported by
 * `npm run collect -- --opml FILE` against a loopback server, which then
 * collects the imported feeds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCollectConfig } from '../../src/lib/collect/config.ts';
import { mergeSubscriptions, readOpml } from '../../src/lib/collect/opml.ts';
import { articlePage, atomFeed, rssFeed, type Story } from '../collect/fixtures.ts';
import { FAST, workspace, type Workspace } from '../collect/harness.ts';
import { HTML, serve, startServer, type TestServer } from '../collect/server.ts';

const OPML = join(import.meta.dirname, '../collect/opml');
const read = (name: string): Promise<string> => readFile(join(OPML, name), 'utf8');

describe('readOpml', () => {
  it('reads a Feedly export: folders become topics, titles and sites kept, a repeated feed once, a feed:// address skipped at its line', async () => {
    const { subscriptions, messages } = readOpml(await read('feedly.opml'), 'feedly.opml');
    expect(subscriptions).toEqual([
      { url: 'http://feeds.example.test/rss.xml', title: 'Courier – World', topic: 'Korea', site: 'http://feeds.example.test/', line: 9 },
      { url: 'http://feeds.example.test/atom.xml', title: 'Harbour Gazette', topic: 'Korea', site: 'http://feeds.example.test/gazette/', line: 10 },
    ]);
    expect(messages).toEqual([
      { file: 'feedly.opml', line: 13, severity: 'warning', code: 'SL641', message: 'the outline "A podcast" has xmlUrl "feed://podcasts.example.test/show.xml", not an http(s) address; skipped' },
    ]);
  });

  it('reads a FreshRSS export: entities decoded, lines counted past its comment', async () => {
    const { subscriptions, messages } = readOpml(await read('freshrss.opml'), 'freshrss.opml');
    expect(messages).toEqual([]);
    expect(subscriptions.map((s) => [s.title, s.topic, s.line])).toEqual([
      ['BBC News - World', 'World & Politics', 10],
      ['NK News', 'World & Politics', 11],
      ['Tagged', 'Uncategorized', 14],
    ]);
  });

  it("takes OPML 2.0's category (the last step of its first path) when a feed stands in no folder", async () => {
    expect(readOpml(await read('nested-category.opml'), 'x.opml').subscriptions).toEqual([{ url: 'https://example.org/rss', title: 'On its own', topic: 'Asia', line: 5 }]);
  });

  it('reports XML that is not well-formed at its line, and a file that is not OPML', () => {
    const broken = readOpml('<?xml version="1.0"?>\n<opml version="2.0">\n<body>\n<outline text="a">\n</body>\n</opml>\n', 'b.opml');
    expect(broken.subscriptions).toEqual([]);
    expect(broken.messages).toHaveLength(1);
    expect(broken.messages[0]).toMatchObject({ file: 'b.opml', code: 'SL640', severity: 'error', line: 5 });
    expect(readOpml('<rss version="2.0"><channel/></rss>', 'r.opml').messages[0]).toMatchObject({ code: 'SL640', severity: 'error', message: expect.stringContaining('not an OPML file') });
    expect(readOpml('<opml version="2.0"><head/><body><outline text="empty folder"/></body></opml>', 'e.opml').messages[0]).toMatchObject({ code: 'SL641', message: expect.stringContaining('lists no feeds') });
  });
});

describe('mergeSubscriptions', () => {
  it("adds new feeds at the end of the config's list, keeps its comments, and leaves feeds it follows alone", () => {
    const config = '# my collector\ncontact: https://example.org/me # who I am\nfeeds:\n  - url: https://www.nknews.org/feed\n    topic: Mine\n';
    const merged = mergeSubscriptions(config, [
      { url: 'https://www.nknews.org/feed/', title: 'NK News', topic: 'World' },
      { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', title: 'BBC News - World', topic: 'World', site: 'https://www.bbc.co.uk/news/world' },
    ]);
    expect(merged.present.map((s) => s.title)).toEqual(['NK News']);
    expect(merged.added.map((s) => s.title)).toEqual(['BBC News - World']);
    expect(merged.text).toContain('# my collector');
    expect(merged.text).toContain('# who I am');
    const parsed = parseCollectConfig(merged.text, 'c.yaml');
    expect(parsed.messages).toEqual([]);
    expect(parsed.config?.feeds).toEqual([
      { url: 'https://www.nknews.org/feed', topic: 'Mine' },
      { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', title: 'BBC News - World', topic: 'World', site: 'https://www.bbc.co.uk/news/world' },
    ]);
  });

  it('starts a config from nothing, and writes an empty flow list out in block style', () => {
    for (const start of [undefined, 'feeds: []\n']) {
      const merged = mergeSubscriptions(start, [{ url: 'https://example.org/rss', title: 'Ex' }]);
      expect(merged.text).toBe('feeds:\n  - url: https://example.org/rss\n    title: Ex\n');
    }
  });
});

describe('npm run collect -- --opml FILE (loopback)', () => {
  let server: TestServer;
  let ws: Workspace;
  const stories: Story[] = [
    { path: '/world/ferry', title: 'Northport approves new ferry terminal after long debate', subject: 'the new ferry terminal', place: 'Northport', published: '2025-08-22T09:00:00Z' },
    { path: '/world/bridge', title: 'Old swing bridge to close for repairs this winter', subject: 'the swing bridge repair', place: 'Eastham', ldPublished: '2025-08-19T10:00:00Z' },
  ];

  beforeAll(async () => {
    server = await startServer();
    for (const st of stories) server.route(st.path, serve(articlePage(st), HTML));
    server.route('/rss.xml', serve(rssFeed('Courier – World', [{ title: stories[0]!.title, link: `${server.origin}${stories[0]!.path}`, date: 'Fri, 22 Aug 2025 09:00:00 GMT' }]), 'application/rss+xml'));
    server.route('/atom.xml', serve(atomFeed('Gazette', [{ title: stories[1]!.title, link: `${server.origin}${stories[1]!.path}`, date: '2025-08-21T07:30:00Z' }]), 'application/atom+xml'));
    ws = await workspace();
  });

  afterAll(async () => {
    await server.close();
    await ws.remove();
  });

  it('imports a Feedly export into the config, collects its feeds with their folders as topics, and a second import adds nothing', async () => {
    const { writeFile } = await import('node:fs/promises');
    const opml = (await read('feedly.opml')).replaceAll('http://feeds.example.test', server.origin);
    await writeFile(join(ws.dir, 'subscriptions.opml'), opml);
    await ws.config(`# the lead's collector\ncontact: https://example.org/storyline\nfetch:\n${Object.entries(FAST).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);

    const dry = await ws.collect(['--opml', 'subscriptions.opml', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out[0]).toBe('would import 2 feeds from subscriptions.opml into collect.config.yaml');
    expect(await readFile(join(ws.dir, 'collect.config.yaml'), 'utf8')).not.toContain('subscriptions');
    expect(await readFile(join(ws.dir, 'collect.config.yaml'), 'utf8')).not.toContain('xml');

    const first = await ws.collect(['--opml', 'subscriptions.opml']);
    expect(first.code).toBe(0);
    expect(first.out[0]).toBe('imported 2 feeds from subscriptions.opml into collect.config.yaml');
    expect(first.err.join('\n')).toContain('subscriptions.opml:13: warning SL641');
    expect(first.out.at(-1)).toContain('2 articles saved');
    const config = await readFile(join(ws.dir, 'collect.config.yaml'), 'utf8');
    expect(config).toContain("# the lead's collector");
    expect(parseCollectConfig(config, 'c').config?.feeds).toEqual([
      { url: `${server.origin}/rss.xml`, title: 'Courier – World', topic: 'Korea', site: `${server.origin}/` },
      { url: `${server.origin}/atom.xml`, title: 'Harbour Gazette', topic: 'Korea', site: `${server.origin}/gazette/` },
    ]);
    const sidecars = (await ws.files()).filter((f) => f.endsWith('.meta.yaml'));
    expect(sidecars).toHaveLength(2);
    for (const s of sidecars) expect(await ws.read(s)).toContain('for the topic "Korea"');

    const again = await ws.collect(['--opml', 'subscriptions.opml']);
    expect(again.out[0]).toBe('imported 0 feeds from subscriptions.opml into collect.config.yaml (2 already followed)');
    expect(await readFile(join(ws.dir, 'collect.config.yaml'), 'utf8')).toBe(config);
  });

  it('stops with exit 2 and leaves the config untouched when the OPML file is broken', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(ws.dir, 'broken.opml'), '<opml version="2.0">\n<body>\n<outline text="x" xmlUrl="https://example.org/rss">\n</body>\n</opml>\n');
    const before = await readFile(join(ws.dir, 'collect.config.yaml'), 'utf8');
    const result = await ws.collect(['--opml', 'broken.opml']);
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(/^broken\.opml:4: error SL640 not well-formed XML/);
    expect(await readFile(join(ws.dir, 'collect.config.yaml'), 'utf8')).toBe(before);
  });
});
