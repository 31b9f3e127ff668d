/**
 * The collector against local HTTP servers on 127.0.0.1: the three feed
 * formats, conditional requests, every failure case the issue names (each a
 * one-line report while the other sources still arrive), idempotence and
 * new versions, filters, dry runs and politeness.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSidecar } from '../../src/lib/ingest/sidecar.ts';
import { articlePage, atomFeed, jsonFeed, rssFeed, type Story } from '../collect/fixtures.ts';
import { FAST, workspace, type Workspace } from '../collect/harness.ts';
import { HTML, serve, startServer, type TestServer } from '../collect/server.ts';

// Each case runs the ingest pipeline on a few pages; under a full parallel test run that can pass vitest's 5 s default.
vi.setConfig({ testTimeout: 20_000 });

let server: TestServer | undefined;
let ws: Workspace | undefined;
afterEach(async () => {
  await server?.close();
  await ws?.remove();
  server = undefined;
  ws = undefined;
});

async function setup(): Promise<{ s: TestServer; w: Workspace }> {
  server = await startServer();
  ws = await workspace();
  return { s: server, w: ws };
}

const story = (path: string, title: string, subject: string, extra: Partial<Story> = {}): Story => ({ path, title, subject, place: 'Northport', ...extra });

function host(s: TestServer, st: Story, extra: Parameters<typeof serve>[2] = {}): void {
  s.route(st.path, serve(articlePage(st), HTML, extra));
}

/** The sidecar of the seed whose name starts with `prefix`. */
async function sidecarOf(w: Workspace, prefix: string) {
  const name = (await w.files()).find((f) => f.startsWith(prefix) && f.endsWith('.meta.yaml'));
  expect(name, `a sidecar starting ${prefix}`).toBeDefined();
  const parsed = parseSidecar(await w.read(name!), name!);
  expect(parsed.messages).toEqual([]);
  return parsed.sidecar!;
}

describe('collect: feeds', () => {
  it('reads RSS, Atom and JSON Feed, saves each article as .html with a sidecar, and the second run asks conditionally and adds nothing', async () => {
    const { s, w } = await setup();
    const ferry = story('/news/ferry', 'Northport approves new ferry terminal after long debate', 'the new ferry terminal');
    const bridge = story('/news/bridge', 'Old swing bridge to close for repairs this winter', 'the swing bridge repair', { site: 'Harbour Gazette' });
    const school = story('/news/school', 'Northport school gets funding for a new science wing', 'the science wing', { ldPublished: '2025-08-20T08:00:00+01:00' });
    for (const st of [ferry, bridge, school]) host(s, st, { etag: `"${st.path}"` });
    s.route('/rss.xml', serve(rssFeed('Courier – Local', [{ title: ferry.title, link: `${s.origin}${ferry.path}?utm_source=rss&utm_medium=feed`, date: 'Fri, 22 Aug 2025 09:00:00 GMT' }]), 'application/rss+xml', { etag: '"rss1"' }));
    s.route('/atom.xml', serve(atomFeed('Gazette', [{ title: bridge.title, link: `${s.origin}${bridge.path}`, date: '2025-08-21T07:30:00Z' }]), 'application/atom+xml', { lastModified: 'Thu, 21 Aug 2025 08:00:00 GMT' }));
    s.route('/feed.json', serve(jsonFeed('School news', [{ title: school.title, link: `${s.origin}${school.path}`, date: '2025-08-20T08:00:00+01:00' }]), 'application/feed+json', { etag: '"json1"' }));
    await w.config({ contact: 'https://example.org/storyline-bot', fetch: FAST, feeds: ['/rss.xml', '/atom.xml', '/feed.json'].map((p) => ({ url: `${s.origin}${p}` })) });

    const first = await w.collect();
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out.filter((l) => l.includes(' info SL630 saved as seeds/'))).toHaveLength(3);
    const files = await w.files();
    expect(files).toHaveLength(6);
    expect(files.filter((f) => f.endsWith('.html'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^northport-approves-new-ferry-terminal-after-long-debate-[0-9a-f]{8}\.html$/)]),
    );
    const rss = await sidecarOf(w, 'northport-approves');
    expect(rss).toMatchObject({ publisher: 'The Northport Courier', url: `${s.origin}/news/ferry`, published: '2025-08-22' });
    expect(rss.note).toContain(`Collected 2026-11-23T17:40:00Z from the feed ${s.origin}/rss.xml`);
    expect(rss.note).toContain("Date from the feed's pubDate (Fri, 22 Aug 2025 09:00:00 GMT).");
    expect(rss.note).toContain("Publisher from the page's og:site_name.");
    expect(await sidecarOf(w, 'old-swing-bridge')).toMatchObject({ publisher: 'Harbour Gazette', published: '2025-08-21' });
    expect((await sidecarOf(w, 'old-swing-bridge')).note).toContain("Date from the feed's published (2025-08-21T07:30:00Z).");
    expect((await sidecarOf(w, 'northport-school')).note).toContain("Date from the feed's date_published");
    // The raw page is saved as fetched.
    expect(await w.read(files.find((f) => f.startsWith('northport-approves') && f.endsWith('.html'))!)).toBe(articlePage(ferry));

    const before = s.hits.length;
    const second = await w.collect();
    expect(second.code).toBe(0);
    expect(second.err).toEqual([]);
    expect(second.out.at(-1)).toContain('3 feeds (3 not modified) and 0 pages fetched, 0 articles saved');
    expect(await w.files()).toEqual(files);
    const again = s.hits.slice(before);
    expect(again.find((h) => h.path === '/rss.xml')?.headers['if-none-match']).toBe('"rss1"');
    expect(again.find((h) => h.path === '/feed.json')?.headers['if-none-match']).toBe('"json1"');
    expect(again.find((h) => h.path === '/atom.xml')?.headers['if-modified-since']).toBe('Thu, 21 Aug 2025 08:00:00 GMT');
    expect(again.some((h) => h.path.startsWith('/news/'))).toBe(false);
  });

  it('records both dates when the feed and the page disagree, the feed date in `published`', async () => {
    const { s, w } = await setup();
    const st = story('/news/late', 'Council budget vote delayed until after the summer', 'the budget vote', { published: '2025-08-21T22:30:00+00:00', ldPublished: '2025-08-21T22:30:00+00:00' });
    host(s, st);
    s.route('/rss.xml', serve(rssFeed('Courier', [{ title: st.title, link: `${s.origin}${st.path}`, date: 'Sat, 23 Aug 2025 06:00:00 GMT' }]), 'application/rss+xml'));
    await w.config({ contact: 'https://example.org/bot', fetch: FAST, feeds: [{ url: `${s.origin}/rss.xml` }] });
    expect((await w.collect()).code).toBe(0);
    const sidecar = await sidecarOf(w, 'council-budget');
    expect(sidecar.published).toBe('2025-08-23');
    expect(sidecar.note).toContain(
      "Date from the feed's pubDate (Sat, 23 Aug 2025 06:00:00 GMT); the page's article:published_time says 2025-08-21 (2025-08-21T22:30:00+00:00) and the page's JSON-LD datePublished says 2025-08-21 (2025-08-21T22:30:00+00:00).",
    );
  });

  it('keeps what the keywords and --since allow, and --dry-run lists without writing', async () => {
    const { s, w } = await setup();
    const a = story('/a', 'Ferry terminal plans approved', 'the ferry terminal');
    const b = story('/b', 'Library opening hours extended', 'the library hours');
    const c = story('/c', 'Ferry timetable changes from March', 'the ferry timetable');
    for (const st of [a, b, c]) host(s, st);
    s.route('/feed.json', serve(jsonFeed('News', [
      { title: a.title, link: `${s.origin}/a`, date: '2025-08-22T10:00:00Z' },
      { title: b.title, link: `${s.origin}/b`, date: '2025-08-22T11:00:00Z' },
      { title: c.title, link: `${s.origin}/c`, date: '2025-03-01T10:00:00Z' },
    ]), 'application/feed+json'));
    await w.config({ contact: 'https://example.org/bot', fetch: FAST, feeds: [{ url: `${s.origin}/feed.json`, keywords: ['FERRY'], topic: 'Ferries' }] });

    const dry = await w.collect(['--dry-run', '--since', '2025-06']);
    expect(dry.code).toBe(0);
    expect(dry.out).toEqual([
      `would fetch  ${s.origin}/a  2025-08-22, from ${s.origin}/feed.json  "Ferry terminal plans approved"`,
      `skip (keywords)   ${s.origin}/b  none of the keywords (FERRY) appears`,
      `skip (since)      ${s.origin}/c  dated 2025-03-01, before 2025-06`,
      'collect (dry run, nothing written): 1 feed and 0 pages fetched, 0 articles saved, 0 unchanged, 0 already collected, 2 filtered out, 0 skipped, 0 failed',
    ]);
    expect(await w.files()).toEqual([]);
    expect(s.hitsOn('/a')).toHaveLength(0);

    const real = await w.collect(['--since', '2025-06']);
    expect(real.out.filter((l) => l.includes('SL630'))).toHaveLength(1);
    expect((await sidecarOf(w, 'ferry-terminal')).note).toContain('for the topic "Ferries"');
  });

  it('reports a feed address that gives an HTML page, naming the feed the page links to', async () => {
    const { s, w } = await setup();
    s.route('/', serve(`<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body><p>Home</p></body></html>`, HTML));
    await w.config({ fetch: FAST, feeds: [{ url: `${s.origin}/` }] });
    const r = await w.collect();
    expect(r.err).toContain(`${s.origin}/: error SL620 an HTML page, not a feed; it links to the feed ${s.origin}/rss.xml`);
    expect(r.err.some((l) => l.includes('SL604'))).toBe(true);
  });
});

describe('collect: failures are one line each, and the other sources still arrive', () => {
  it('a redirect loop, a slow server, a trickling body, a disallowing robots.txt, a 20 MB response, a PDF, a 404 and a refused connection', async () => {
    const { s, w } = await setup();
    const good = story('/news/good', 'Harbour festival returns with record crowds', 'the harbour festival');
    const moved = story('/news/moved', 'New cycle lanes open along the seafront', 'the seafront cycle lanes', { canonical: 'https://courier.example/news/cycle-lanes' });
    host(s, good);
    host(s, moved);
    s.route('/old-cycle-link', (_req, res) => void res.writeHead(301, { location: '/news/moved' }).end());
    s.route('/loop-a', (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end());
    s.route('/loop-b', (_req, res) => void res.writeHead(302, { location: `${s.origin}/loop-a` }).end());
    s.route('/slow', (_req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': HTML }).end(articlePage(good)), 3_000).unref());
    // Headers at once, then a trickle that never ends: the timeout covers the body too.
    s.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': HTML }).write('<!doctype html><html><body><p>');
      const tick = setInterval(() => (res.writableEnded || res.destroyed ? clearInterval(tick) : res.write('.')), 50);
      res.on('close', () => clearInterval(tick));
    });
    s.route('/robots.txt', serve('User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n', 'text/plain'));
    s.route('/private/story', serve(articlePage(good), HTML));
    s.route('/huge', (_req, res) => {
      // 20 MB, made on the fly and sent without a Content-Length, so only streaming can stop it.
      res.writeHead(200, { 'content-type': HTML });
      const chunk = Buffer.alloc(64 * 1024, '<p>filler</p>\n');
      let sent = 0;
      const pump = (): void => {
        while (sent < 20 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    s.route('/huge-declared', (_req, res) => void res.writeHead(200, { 'content-type': HTML, 'content-length': String(20 * 1024 * 1024) }).end());
    s.route('/report.pdf', serve('%PDF-1.7 not really', 'application/pdf'));
    const closed = await startServer();
    const closedOrigin = closed.origin;
    await closed.close();
    const urls = ['/news/good', '/old-cycle-link', '/loop-a', '/slow', '/trickle', '/private/story', '/huge', '/huge-declared', '/report.pdf', '/gone'].map((p) => ({ url: `${s.origin}${p}` }));
    await w.config({
      contact: 'https://example.org/bot',
      fetch: { ...FAST, timeoutMs: 300, retries: 1, maxBytes: 5 * 1024 * 1024 },
      feeds: [{ url: `${closedOrigin}/rss.xml` }],
      urls,
    });

    const r = await w.collect();
    expect(r.code).toBe(0);
    const o = s.origin;
    expect(r.err.sort()).toEqual(
      [
        `${closedOrigin}/rss.xml: error SL610 ${closedOrigin}/robots.txt: connection refused (ECONNREFUSED) (2 attempts); nothing on the host is fetched until it can be read`,
        `${o}/gone: error SL612 HTTP 404 Not Found`,
        `${o}/huge-declared: warning SL615 the response is larger than 5242880 bytes (fetch.maxBytes); abandoned after 0 bytes`,
        `${o}/loop-a: error SL613 a redirect loop (${o}/loop-a → ${o}/loop-b → ${o}/loop-a)`,
        `${o}/private/story: warning SL614 robots.txt disallows it (Disallow: /private/)`,
        `${o}/report.pdf: warning SL621 not an HTML page (application/pdf); skipped`,
        `${o}/slow: error SL611 timed out after 300 ms (2 attempts)`,
        `${o}/trickle: error SL611 timed out after 300 ms (2 attempts)`,
      ].concat(r.err.filter((l) => l.startsWith(`${o}/huge:`))).sort(),
    );
    expect(r.err.find((l) => l.startsWith(`${o}/huge:`))).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/huge: warning SL615 the response is larger than 5242880 bytes \(fetch\.maxBytes\); abandoned after \d+ bytes$/);
    expect(r.out.filter((l) => l.includes('SL630'))).toHaveLength(2);
    // The disallowed page was never requested; a 404 is not retried; the loop stopped at once.
    expect(s.hitsOn('/private/story')).toHaveLength(0);
    expect(s.hitsOn('/gone')).toHaveLength(1);
    expect(s.hitsOn('/loop-a')).toHaveLength(1);
    expect(s.hitsOn('/slow')).toHaveLength(2);
    // The redirected page is saved under its canonical address, saying where it was fetched.
    const moved2 = await sidecarOf(w, 'new-cycle-lanes');
    expect(moved2.url).toBe('https://courier.example/news/cycle-lanes');
    expect(moved2.note).toContain(`directly (fetched at ${o}/news/moved)`);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('retries a 500 with backoff and saves the page when the second attempt succeeds', async () => {
    const { s, w } = await setup();
    const st = story('/flaky', 'Water main repairs finished ahead of schedule', 'the water main repairs');
    let calls = 0;
    s.route('/flaky', (req, res) => {
      calls++;
      if (calls === 1) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('oops');
      return serve(articlePage(st), HTML)(req, res);
    });
    await w.config({ contact: 'https://example.org/bot', fetch: { ...FAST, backoffMs: 100 }, urls: [{ url: `${s.origin}/flaky` }] });
    const r = await w.collect();
    expect(r.err).toEqual([]);
    expect(r.out.filter((l) => l.includes('SL630'))).toHaveLength(1);
    const [first, second] = s.hitsOn('/flaky');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(90);
  });

  it('exits 1 when nothing at all could be fetched, and 2 on bad usage or a bad config', async () => {
    const { s, w } = await setup();
    s.route('/down', (_req, res) => void res.writeHead(503, { 'content-type': 'text/plain' }).end());
    await w.config({ contact: 'https://example.org/bot', fetch: { ...FAST, retries: 1 }, feeds: [{ url: `${s.origin}/down` }] });
    const down = await w.collect();
    expect(down.code).toBe(1);
    expect(down.err).toEqual([`${s.origin}/down: error SL612 HTTP 503 Service Unavailable (2 attempts)`]);

    expect((await w.collect(['--bogus'])).code).toBe(2);
    expect((await w.collect(['--url', 'ftp://example.org/x'])).code).toBe(2);
    expect((await w.collect(['--since', '2025-02-30'])).code).toBe(2);
    await w.config('contact: https://example.org/bot\nfeeds:\n  - url: https://example.org/feed\n    keyword: [x]\n');
    const bad = await w.collect();
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual(['collect.config.yaml:4: error SL602 feeds.0.keyword: unknown field "keyword"']);
    await w.config('feeds: []\n');
    expect((await w.collect()).code).toBe(2);
  });
});

describe('collect: idempotence and versions', () => {
  it('saves a new version only when the text changed, never for a changed page around the same text', async () => {
    const { s, w } = await setup();
    const st = story('/news/pier', 'Pier restoration to start in the new year', 'the pier restoration');
    host(s, st, { etag: '"v1"' });
    await w.config({ contact: 'https://example.org/bot', fetch: FAST, urls: [{ url: `${s.origin}/news/pier`, topic: 'Waterfront' }] });
    expect((await w.collect()).out.filter((l) => l.includes('SL630'))).toHaveLength(1);

    // Unchanged: the server answers 304.
    const same = await w.collect();
    expect(same.out.at(-1)).toContain('1 unchanged');
    expect(s.hitsOn('/news/pier').at(-1)!.headers['if-none-match']).toBe('"v1"');

    // The page around the article changed (a new ETag, a different rail), the article did not.
    s.route('/news/pier', serve(articlePage(st).replace('Council elections: what you need to know', 'Weekend weather: sun at last'), HTML, { etag: '"v1b"' }));
    const furniture = await w.collect();
    expect(furniture.out.at(-1)).toContain('0 articles saved, 1 unchanged');

    // A correction: the text changed.
    host(s, { ...st, correction: 'Correction: an earlier version of this article gave the wrong start date for the restoration work.' }, { etag: '"v2"' });
    const changed = await w.collect([], '2026-11-24T08:00:00Z');
    const line = changed.out.find((l) => l.includes('SL631'));
    expect(line).toMatch(/saved as seeds\/pier-restoration-to-start-in-the-new-year-[0-9a-f]{8}-v2\.html: the text changed since seeds\/pier-restoration-to-start-in-the-new-year-[0-9a-f]{8}\.html$/);
    const files = await w.files();
    expect(files).toHaveLength(4);
    const v2 = parseSidecar(await w.read(files.find((f) => f.endsWith('-v2.meta.yaml'))!), 'v2').sidecar!;
    expect(v2.note).toContain('Collected 2026-11-24T08:00:00Z directly, for the topic "Waterfront". Version 2: the text changed since pier-restoration');
    expect((await w.collect()).out.at(-1)).toContain('0 articles saved');
    expect(await w.files()).toEqual(files);
  });

  it('does not save the same text twice from two addresses, nor a page an editor already saved by hand', async () => {
    const { s, w } = await setup();
    const st = story('/news/market', 'Night market to return to the old quay', 'the night market');
    host(s, st);
    s.route('/amp/market', serve(articlePage(st), HTML));
    const hand = story('/news/hand', 'Lifeboat crew rescues two sailors off the point', 'the lifeboat rescue');
    host(s, hand);
    await w.config({
      contact: 'https://example.org/bot',
      fetch: { ...FAST, perHostConcurrency: 1 },
      feeds: [{ url: `${s.origin}/rss.xml` }],
    });
    s.route('/rss.xml', serve(rssFeed('Courier', [
      { title: st.title, link: `${s.origin}/news/market` },
      { title: st.title, link: `${s.origin}/amp/market` },
      { title: hand.title, link: `${s.origin}/news/hand` },
    ]), 'application/rss+xml'));
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(w.seeds, { recursive: true });
    await writeFile(`${w.seeds}/lifeboat.txt`, 'Lifeboat crew rescues two sailors off the point\n\nThe crew was called out on Sunday.\n');
    await writeFile(`${w.seeds}/lifeboat.meta.yaml`, `url: ${s.origin}/news/hand/\n`);

    const r = await w.collect();
    expect(r.err).toEqual([]);
    expect(r.out.filter((l) => l.includes('SL630'))).toHaveLength(1);
    expect(r.out.filter((l) => l.includes('SL632'))).toEqual([expect.stringMatching(/\/amp\/market: info SL632 the same text as seeds\/night-market-to-return-to-the-old-quay-[0-9a-f]{8}\.html; not saved again$/)]);
    expect(s.hitsOn('/news/hand')).toHaveLength(0);
    expect(r.out.at(-1)).toContain('1 article saved, 0 unchanged, 2 already collected');
    expect((await w.files()).filter((f) => f.endsWith('.html'))).toHaveLength(1);
  });
});

describe('collect: politeness', () => {
  it('names Storyline and the contact in the User-Agent, and spaces requests to one host', async () => {
    const { s, w } = await setup();
    const stories = [1, 2, 3].map((n) => story(`/s${n}`, `Story number ${['one', 'two', 'three'][n - 1]} about the harbour works`, `harbour works phase ${n}`));
    for (const st of stories) host(s, st);
    await w.config({ contact: 'https://example.org/who-we-are', fetch: { ...FAST, perHostDelayMs: 120, perHostConcurrency: 1 }, urls: stories.map((st) => ({ url: `${s.origin}${st.path}` })) });
    const r = await w.collect();
    expect(r.err).toEqual([]);
    expect(s.hits.map((h) => h.path)[0]).toBe('/robots.txt');
    for (const h of s.hits) expect(h.headers['user-agent']).toMatch(/^Storyline\/\d+\.\d+ \(\+https:\/\/example\.org\/who-we-are; news collector\)$/);
    const starts = s.hits.map((h) => h.at);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(110);
  });

  it('obeys a Crawl-delay and a group naming Storyline over the * group', async () => {
    const { s, w } = await setup();
    const st = story('/ok', 'Harbour dredging begins', 'the harbour dredging');
    host(s, st);
    host(s, story('/blocked', 'Blocked story', 'the blocked story'));
    s.route('/robots.txt', serve('User-agent: *\nDisallow: /\n\nUser-agent: storyline\nDisallow: /blocked\nCrawl-delay: 0.2\n', 'text/plain'));
    await w.config({ contact: 'https://example.org/bot', fetch: FAST, urls: [{ url: `${s.origin}/ok` }, { url: `${s.origin}/blocked` }] });
    const r = await w.collect();
    expect(r.err).toEqual([`${s.origin}/blocked: warning SL614 robots.txt disallows it (Disallow: /blocked)`]);
    const [robots, page] = [s.hitsOn('/robots.txt')[0]!, s.hitsOn('/ok')[0]!];
    expect(page.at - robots.at).toBeGreaterThanOrEqual(190);
  });
});

describe('collect: robots.txt that cannot be read', () => {
  it('fetches nothing on a host whose robots.txt answers 5xx (RFC 9309), and says so once per page', async () => {
    const { s, w } = await setup();
    host(s, story('/a', 'Harbour crane replaced', 'the harbour crane'));
    s.route('/robots.txt', (_req, res) => void res.writeHead(503, { 'content-type': 'text/plain' }).end());
    await w.config({ contact: 'https://example.org/bot', fetch: { ...FAST, retries: 1 }, urls: [{ url: `${s.origin}/a` }] });
    const r = await w.collect();
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${s.origin}/a: warning SL614 ${s.origin}/robots.txt: HTTP 503 Service Unavailable (2 attempts); nothing on the host is fetched until it can be read`]);
    expect(s.hitsOn('/a')).toHaveLength(0);
  });
});
