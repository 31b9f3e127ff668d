/**
 * The collector's pure parts: config, URLs, dates, feeds, robots.txt, fetch
 * decisions, metadata precedence, planning, dedupe state and sidecars.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSidecar } from '../../src/lib/ingest/sidecar.ts';
import { COLLECT_CODES } from '../../src/lib/collect/codes.ts';
import { defaultConfig, parseCollectConfig } from '../../src/lib/collect/config.ts';
import { isBefore, readDate, sameDay, sameMoment } from '../../src/lib/collect/dates.ts';
import { readFeed } from '../../src/lib/collect/feed.ts';
import { bodyKind, conditionalHeaders, decodeBody, hostDelayMs, hostWaitMs, redirectDecision, retryAfterMs, retryDecision, userAgent, validatorsOf } from '../../src/lib/collect/http.ts';
import { chooseDate, choosePublisher, dateCandidates, dateNote } from '../../src/lib/collect/metadata.ts';
import { feedLinksIn, readPage } from '../../src/lib/collect/page.ts';
import { keywordMiss, planFeedItems, seedFileName, seedStem } from '../../src/lib/collect/plan.ts';
import { parseRobots, robotsAllows, robotsFromStatus } from '../../src/lib/collect/robots.ts';
import { collectedSidecar, collectNote } from '../../src/lib/collect/sidecar.ts';
import { decideSave, emptyState, indexKnown, parseState, recordSave, serializeState } from '../../src/lib/collect/state.ts';
import { cleanUrl, dedupeKey, isSiteRoot } from '../../src/lib/collect/url.ts';
import { articlePage, atomFeed, jsonFeed, rssFeed } from '../collect/fixtures.ts';

const at = (iso: string): Date => new Date(iso);
const TODAY = '2026-11-23';
const choose = (candidates: Parameters<typeof chooseDate>[0]) => chooseDate(candidates, TODAY);

describe('config', () => {
  it('fills every default from an empty file', () => {
    const { config, messages } = parseCollectConfig('', 'c.yaml');
    expect(messages).toEqual([]);
    expect(config).toEqual(defaultConfig());
    expect(config?.fetch).toMatchObject({ timeoutMs: 20_000, retries: 2, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, perHostConcurrency: 1, perHostDelayMs: 1_000 });
    expect(config?.seeds).toBe('seeds');
  });
  it('reads feeds and urls with their topic, keywords and publisher', () => {
    const text = 'contact: https://example.org/bot\nsince: 2025-06\nfeeds:\n  - url: https://example.org/rss\n    topic: Korea\n    keywords: [Kursk, "North Korean"]\n    maxItems: 5\nurls:\n  - url: https://example.org/a\n    publisher: Example\n';
    const { config } = parseCollectConfig(text, 'c.yaml');
    expect(config?.feeds).toEqual([{ url: 'https://example.org/rss', topic: 'Korea', keywords: ['Kursk', 'North Korean'], maxItems: 5 }]);
    expect(config?.urls).toEqual([{ url: 'https://example.org/a', publisher: 'Example' }]);
    expect(config?.since).toBe('2025-06');
  });
  it('reports YAML errors, unknown fields and bad values at their lines', () => {
    expect(parseCollectConfig('feeds: [\n', 'c.yaml').messages[0]).toMatchObject({ code: 'SL601', severity: 'error', file: 'c.yaml' });
    const bad = parseCollectConfig('fetch:\n  timeout: 5\nurls:\n  - url: ftp://example.org/x\nsince: 2025-13-01\n', 'c.yaml');
    expect(bad.config).toBeUndefined();
    expect(bad.messages.map((m) => [m.code, m.line, m.message.split(':')[0]])).toEqual([
      ['SL602', 2, 'fetch.timeout'],
      ['SL602', 4, 'urls.0.url'],
      ['SL602', 5, 'since'],
    ]);
  });
});

describe('URLs', () => {
  it('drops fragments and tracking parameters, keeping the rest as written', () => {
    expect(cleanUrl('https://Example.org/a/b?id=3&utm_source=rss&fbclid=x#top')).toBe('https://example.org/a/b?id=3');
    expect(cleanUrl('/news/x?utm_medium=feed', 'https://example.org/feed')).toBe('https://example.org/news/x');
    expect(cleanUrl('mailto:a@example.org')).toBeUndefined();
  });
  it('gives two addresses of one article one dedupe key', () => {
    const key = dedupeKey('https://www.example.org/a/?b=2&a=1#x');
    expect(key).toBe('example.org/a?a=1&b=2');
    expect(dedupeKey('http://example.org/a?a=1&b=2&utm_campaign=z')).toBe(key);
    expect(dedupeKey('https://example.org/b')).not.toBe(key);
  });
  it('knows a site root', () => {
    expect(isSiteRoot('https://example.org/')).toBe(true);
    expect(isSiteRoot('https://example.org/a')).toBe(false);
  });
});

describe('dates', () => {
  it('reads ISO 8601 and RFC 822 values as the calendar date they write', () => {
    expect(readDate('2025-08-23T23:30:00-07:00')).toEqual({ date: '2025-08-23', instant: Date.parse('2025-08-24T06:30:00Z'), raw: '2025-08-23T23:30:00-07:00' });
    expect(readDate('Sat, 23 Aug 2025 10:00:00 GMT')).toMatchObject({ date: '2025-08-23', instant: Date.parse('2025-08-23T10:00:00Z') });
    expect(readDate('23 Aug 25 10:00 +0000')?.date).toBe('2025-08-23');
    expect(readDate('2025-08')).toEqual({ date: '2025-08', raw: '2025-08' });
    expect(readDate('2025-08-23T10:00:00')).toEqual({ date: '2025-08-23', raw: '2025-08-23T10:00:00' });
    for (const bad of ['', 'yesterday', '1970-01-01T00:00:00Z', '2025-02-30', '0000-00-00']) expect(readDate(bad), bad).toBeUndefined();
  });
  it('tells one moment in two zones from two days', () => {
    const a = readDate('2025-08-23T23:30:00-07:00')!;
    const b = readDate('2025-08-24T06:30:00Z')!;
    expect(sameDay(a, b)).toBe(false);
    expect(sameMoment(a, b)).toBe(true);
    expect(sameDay(readDate('2025-08')!, readDate('2025-08-23')!)).toBe(true);
  });
  it('compares against --since at each precision', () => {
    expect(isBefore('2025-05-31', '2025-06')).toBe(true);
    expect(isBefore('2025-06', '2025-06-15')).toBe(false);
    expect(isBefore('2024', '2025')).toBe(true);
    expect(isBefore('2025-06-15', '2025-06-15')).toBe(false);
  });
});

describe('feeds', () => {
  const entries = [
    { title: 'A &amp; B', link: '/a?utm_source=rss', date: 'Sat, 23 Aug 2025 10:00:00 GMT', summary: '<p>Kursk <b>offensive</b></p>', categories: ['War'] },
    { title: 'No link', link: '', date: 'Sat, 23 Aug 2025 10:00:00 GMT' },
  ];
  it('reads RSS 2.0: links resolved and cleaned, dates with their field, summaries as text', () => {
    const r = readFeed(rssFeed('Example – World', entries), 'https://example.org/feed.xml');
    expect(r.ok && r.feed).toMatchObject({ format: 'rss', title: 'Example – World', skipped: 1 });
    if (!r.ok) return;
    expect(r.feed.items).toEqual([
      { url: 'https://example.org/a', title: 'A & B', summary: 'Kursk offensive', categories: ['War'], published: { field: 'pubDate', reading: expect.objectContaining({ date: '2025-08-23' }) } },
    ]);
  });
  it('reads Atom: published, and updated as a change stamp', () => {
    const r = readFeed(atomFeed('Atom', [{ title: 'T', link: 'https://example.org/t', date: '2025-08-22T10:00:00Z', updated: '2025-08-24T10:00:00Z' }]), 'https://example.org/atom');
    expect(r.ok && r.feed.items[0]).toMatchObject({ url: 'https://example.org/t', published: { field: 'published' }, updated: { field: 'updated', reading: { raw: '2025-08-24T10:00:00Z' } } });
  });
  it('reads JSON Feed', () => {
    const r = readFeed(jsonFeed('J', [{ title: 'J1', link: 'https://example.org/j', date: '2025-08-21T00:00:00Z', categories: ['Politics'] }]), 'https://example.org/feed.json');
    expect(r.ok && r.feed).toMatchObject({ format: 'json', title: 'J', items: [{ url: 'https://example.org/j', categories: ['Politics'], published: { field: 'date_published' } }] });
  });
  it('says what is wrong with something that is not a feed', () => {
    expect(readFeed('<html><body>hi</body></html>', 'https://example.org/')).toEqual({ ok: false, reason: 'not RSS, Atom or JSON Feed' });
    expect(readFeed('{"nope": true}', 'https://example.org/')).toMatchObject({ ok: false });
    expect(readFeed('{broken', 'https://example.org/')).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be parsed') });
  });
  it('finds the feeds a web page links to', () => {
    expect(feedLinksIn('<link rel="alternate" type="application/atom+xml" href="/atom.xml"><link rel="stylesheet" href="/s.css">', 'https://example.org/x')).toEqual(['https://example.org/atom.xml']);
  });
});

describe('robots.txt', () => {
  const robots = parseRobots(`# comment
User-agent: *
Disallow: /private/
Allow: /private/ok
Disallow: /*.pdf$

User-agent: OtherBot
User-agent: Storyline/2.0
Disallow: /mine/
Allow: /mine/open
Crawl-delay: 3
`);
  it('applies the group naming Storyline, else the * group', () => {
    expect(robotsAllows(robots, 'storyline', 'https://x.org/mine/a')).toMatchObject({ allowed: false, reason: 'Disallow: /mine/', crawlDelay: 3 });
    expect(robotsAllows(robots, 'storyline', 'https://x.org/private/a').allowed).toBe(true);
    expect(robotsAllows(robots, 'otherbot', 'https://x.org/mine/open').allowed).toBe(true);
    expect(robotsAllows(robots, 'someone', 'https://x.org/private/a')).toMatchObject({ allowed: false, reason: 'Disallow: /private/' });
  });
  it('lets the longest match win, Allow on a tie, with * and $', () => {
    expect(robotsAllows(robots, 'someone', 'https://x.org/private/ok/1').allowed).toBe(true);
    expect(robotsAllows(robots, 'someone', 'https://x.org/files/a.pdf').allowed).toBe(false);
    expect(robotsAllows(robots, 'someone', 'https://x.org/files/a.pdf?x=1').allowed).toBe(true);
    const tie = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n');
    expect(robotsAllows(tie, 'storyline', 'https://x.org/a').allowed).toBe(true);
  });
  it('allows everything on an empty Disallow or a 4xx, and nothing on a 5xx or no answer', () => {
    expect(robotsAllows(parseRobots('User-agent: *\nDisallow:\n'), 'storyline', 'https://x.org/a').allowed).toBe(true);
    expect(robotsAllows(robotsFromStatus(404, '', ''), 'storyline', 'https://x.org/a').allowed).toBe(true);
    expect(robotsAllows(robotsFromStatus(503, '', 'HTTP 503'), 'storyline', 'https://x.org/a')).toEqual({ allowed: false, reason: 'HTTP 503' });
    expect(robotsAllows(robotsFromStatus(undefined, '', 'timed out'), 'storyline', 'https://x.org/robots.txt').allowed).toBe(true);
  });
  it('matches percent-encoded paths either way', () => {
    const r = parseRobots('User-agent: *\nDisallow: /caf%C3%A9\nDisallow: /%7Euser\n');
    expect(robotsAllows(r, 'storyline', 'https://x.org/café/a').allowed).toBe(false);
    expect(robotsAllows(r, 'storyline', 'https://x.org/~user/').allowed).toBe(false);
  });
});

describe('fetch decisions', () => {
  const settings = { retries: 2, backoffMs: 100 };
  it('retries 5xx, timeouts and network errors with exponential backoff, never 4xx', () => {
    expect(retryDecision({ status: 500 }, 1, settings, 0)).toEqual({ retry: true, waitMs: 100 });
    expect(retryDecision({ error: 'timeout' }, 2, settings, 0)).toEqual({ retry: true, waitMs: 200 });
    expect(retryDecision({ error: 'network' }, 3, settings, 0)).toEqual({ retry: false });
    expect(retryDecision({ status: 404 }, 1, settings, 0)).toEqual({ retry: false });
    expect(retryDecision({ status: 429 }, 1, settings, 0)).toEqual({ retry: false });
    expect(retryDecision({ status: 503, retryAfter: '2' }, 1, settings, 0)).toEqual({ retry: true, waitMs: 2_000 });
    expect(retryDecision({ status: 503, retryAfter: '86400' }, 1, settings, 0)).toEqual({ retry: true, waitMs: 60_000 });
  });
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:05 GMT', 1_000)).toBe(4_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
  it('follows redirects up to the limit and catches loops', () => {
    expect(redirectDecision('https://a.org/x', '/y#frag', ['https://a.org/x'], 5)).toEqual({ ok: true, url: 'https://a.org/y' });
    expect(redirectDecision('https://a.org/y', 'https://a.org/x', ['https://a.org/x', 'https://a.org/y'], 5)).toEqual({ ok: false, reason: 'a redirect loop (https://a.org/x → https://a.org/y → https://a.org/x)' });
    expect(redirectDecision('https://a.org/3', '/4', ['https://a.org/1', 'https://a.org/2', 'https://a.org/3'], 2)).toEqual({ ok: false, reason: 'more than 2 redirects' });
    expect(redirectDecision('https://a.org/x', null, [], 5)).toMatchObject({ ok: false, reason: 'a redirect with no Location header' });
    expect(redirectDecision('https://a.org/x', 'javascript:alert(1)', [], 5)).toMatchObject({ ok: false });
  });
  it('spaces requests to one host', () => {
    expect(hostWaitMs(undefined, 1_000, 500)).toBe(0);
    expect(hostWaitMs(1_000, 1_200, 500)).toBe(300);
    expect(hostWaitMs(1_000, 2_000, 500)).toBe(0);
    expect(hostDelayMs(1_000, 5)).toBe(5_000);
    expect(hostDelayMs(1_000, 3_600)).toBe(60_000);
    expect(hostDelayMs(1_000, undefined)).toBe(1_000);
  });
  it('makes conditional requests from the validators a response gave', () => {
    const v = validatorsOf(new Headers({ etag: '"x"', 'last-modified': 'Sat, 23 Aug 2025 10:00:00 GMT' }));
    expect(conditionalHeaders(v)).toEqual({ 'if-none-match': '"x"', 'if-modified-since': 'Sat, 23 Aug 2025 10:00:00 GMT' });
    expect(validatorsOf(new Headers())).toBeUndefined();
    expect(conditionalHeaders(undefined)).toEqual({});
  });
  it('names Storyline and the contact', () => {
    expect(userAgent('0.1', 'https://example.org/bot')).toBe('Storyline/0.1 (+https://example.org/bot; news collector)');
  });
  it('tells HTML pages and feeds from other bodies', () => {
    expect(bodyKind('text/html; charset=utf-8', '')).toBe('html');
    expect(bodyKind('application/rss+xml', '')).toBe('feed');
    expect(bodyKind('application/pdf', '<html>')).toBe('other');
    expect(bodyKind(null, '\uFEFF<!DOCTYPE html><html>')).toBe('html');
    expect(bodyKind('application/octet-stream', '<?xml version="1.0"?><rss>')).toBe('feed');
    expect(bodyKind('image/png', '')).toBe('other');
  });
  it('decodes bodies by header, BOM or meta charset, falling back to windows-1252', () => {
    const latin = Uint8Array.from([...new TextEncoder().encode('<meta charset="iso-8859-1"><p>caf'), 0xe9]);
    expect(decodeBody(latin, 'text/html')).toEqual({ text: '<meta charset="iso-8859-1"><p>café', encoding: 'windows-1252' });
    expect(decodeBody(new TextEncoder().encode('café'), 'text/html; charset=UTF-8').text).toBe('café');
    expect(decodeBody(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), null)).toEqual({ text: 'café', encoding: 'windows-1252' });
    expect(decodeBody(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), null).text).toBe('hi');
  });
});

describe('metadata precedence', () => {
  const feedDate = { published: { field: 'pubDate', reading: readDate('Sat, 23 Aug 2025 06:00:00 GMT')! } };
  const pageDates = [
    { rule: 'article:published_time', reading: readDate('2025-08-22T22:30:00Z')! },
    { rule: 'json-ld:datePublished', reading: readDate('2025-08-22T22:30:00Z')! },
  ];
  it('prefers the feed, then article:published_time, then JSON-LD, then other page evidence, then the feed\'s update stamp', () => {
    expect(choose(dateCandidates(feedDate, pageDates)).chosen?.label).toBe("the feed's pubDate");
    expect(choose(dateCandidates(undefined, pageDates)).chosen?.label).toBe("the page's article:published_time");
    expect(choose(dateCandidates(undefined, [pageDates[1]!])).chosen?.label).toBe("the page's JSON-LD datePublished");
    const updatedOnly = { updated: { field: 'updated', reading: readDate('2025-09-01T00:00:00Z')! } };
    expect(choose(dateCandidates(updatedOnly, [{ rule: 'url-path', reading: readDate('2025-08-20')! }])).chosen?.label).toBe("the page's URL path");
    expect(choose(dateCandidates(updatedOnly, [])).chosen?.label).toBe("the feed's updated");
    expect(choose([])).toEqual({ disagreeing: [] });
    // A date after the day of collection is never chosen, and the note says why.
    const ahead = chooseDate(dateCandidates({ published: { field: 'pubDate', reading: readDate('Tue, 24 Nov 2026 01:00:00 +1400')! } }, [pageDates[1]!]), TODAY);
    expect(ahead.chosen?.label).toBe("the page's JSON-LD datePublished");
    expect(dateNote(ahead)).toBe("Date from the page's JSON-LD datePublished (2025-08-22T22:30:00Z); the feed's pubDate says 2026-11-24 (Tue, 24 Nov 2026 01:00:00 +1400), after the day it was collected, so it is not used.");
  });
  it('names every source that disagrees, and says when two are one moment in two zones', () => {
    const choice = choose(dateCandidates(feedDate, pageDates));
    expect(choice.disagreeing.map((c) => c.label)).toEqual(["the page's article:published_time", "the page's JSON-LD datePublished"]);
    const zones = choose(dateCandidates({ published: { field: 'pubDate', reading: readDate('Sun, 24 Aug 2025 06:30:00 +0000')! } }, [{ rule: 'article:published_time', reading: readDate('2025-08-23T23:30:00-07:00')! }]));
    expect(dateNote(zones)).toBe("Date from the feed's pubDate (Sun, 24 Aug 2025 06:30:00 +0000); the page's article:published_time says 2025-08-23 (2025-08-23T23:30:00-07:00, the same moment in another time zone).");
    const agree = choose(dateCandidates({ published: { field: 'pubDate', reading: readDate('Fri, 22 Aug 2025 23:00:00 GMT')! } }, pageDates));
    expect(agree.disagreeing).toEqual([]);
  });
  it('prefers the config, then the page naming itself, then the feed title, then weaker page signals', () => {
    expect(choosePublisher('Editor Pick', { name: 'Page', rule: 'og:site_name' }, 'Feed')).toEqual({ name: 'Editor Pick', label: 'the collect config' });
    expect(choosePublisher(undefined, { name: 'Page', rule: 'og:site_name' }, 'Feed')).toEqual({ name: 'Page', label: "the page's og:site_name" });
    expect(choosePublisher(undefined, { name: 'Page', rule: 'title-site-name' }, 'Feed')).toEqual({ name: 'Feed', label: "the feed's title" });
    expect(choosePublisher(undefined, { name: 'Page', rule: 'title-site-name' }, undefined)).toEqual({ name: 'Page', label: "the page's <title>" });
    expect(choosePublisher(undefined, undefined, undefined)).toBeUndefined();
  });
});

describe('reading a page', () => {
  it('reads the article as the ingest does, with article:published_time beside JSON-LD', () => {
    const html = articlePage({ path: '/x', title: 'Harbour works begin next week', subject: 'the harbour works', place: 'Northport', published: '2025-08-22T09:00:00Z', ldPublished: '2025-08-21T09:00:00Z', canonical: 'https://courier.example/x' });
    const r = readPage(html, 'https://courier.example/x?utm_source=rss');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.page.headline).toBe('Harbour works begin next week');
    expect(r.page.body).not.toMatch(/Advertisement|newsletter/);
    expect(r.page.canonical).toBe('https://courier.example/x');
    expect(r.page.publisher).toEqual({ name: 'The Northport Courier', rule: 'og:site_name' });
    expect(r.page.dates.map((d) => [d.rule, d.reading.date])).toEqual([
      ['article:published_time', '2025-08-22'],
      ['json-ld:datePublished', '2025-08-21'],
    ]);
    // The hash is of the clean text: the page's furniture does not change it.
    const other = readPage(html.replace('Most read', 'Trending now'), 'https://courier.example/x');
    expect(other.ok && other.page.textHash).toBe(r.page.textHash);
  });
  it('is not ok for a page with no article', () => {
    expect(readPage('<html><body><nav>Home</nav></body></html>', 'https://x.org/')).toMatchObject({ ok: false, reason: expect.stringContaining('SL110') });
  });
});

describe('planning feed items', () => {
  const item = (url: string, extra = {}) => ({ url, categories: [], ...extra });
  it('fetches new items, skips known, repeated, filtered and over-the-limit ones, and re-checks an updated one', () => {
    const state = emptyState();
    const index = indexKnown(state, new Map([['x.org/hand', 'hand.txt']]));
    recordSave(state, index, { action: 'new' }, ['x.org/known'], { stem: 'known-1', file: 'known-1.html', textHash: 'a'.repeat(64), collectedAt: '2025-01-01T00:00:00Z' }, '2025-01-01T00:00:00Z');
    recordSave(state, index, { action: 'new' }, ['x.org/edited'], { stem: 'edited-1', file: 'edited-1.html', textHash: 'b'.repeat(64), collectedAt: '2025-01-01T00:00:00Z' }, '2025-01-01T00:00:00Z');
    const stamp = (raw: string) => ({ field: 'updated', reading: readDate(raw)! });
    const plans = planFeedItems(
      [
        item('https://x.org/new', { title: 'Kursk front', published: { field: 'pubDate', reading: readDate('2025-08-01')! } }),
        item('https://x.org/new#again'),
        item('https://x.org/known', { updated: stamp('2025-01-01T00:00:00Z') }),
        item('https://www.x.org/edited/', { updated: stamp('2025-02-01T00:00:00Z'), title: 'Kursk update' }),
        item('https://x.org/hand', { title: 'Kursk' }),
        item('https://x.org/other', { title: 'Weather' }),
        item('https://x.org/old', { title: 'Kursk', published: { field: 'pubDate', reading: readDate('2024-01-01')! } }),
        item('https://x.org/more', { title: 'Kursk again' }),
      ],
      { keywords: ['kursk'], since: '2025', maxItems: 2, index },
    );
    expect(plans.map((p) => (p.fetch ? `fetch ${p.why}` : `skip ${p.why}`))).toEqual([
      'fetch new',
      'skip repeated',
      'skip known',
      'fetch updated',
      'skip hand-made',
      'skip keywords',
      'skip since',
      'skip limit',
    ]);
  });
  it('matches keywords as whole words, in any case, accents ignored', () => {
    expect(keywordMiss(['kursk'], ['The KURSK region'])).toBeUndefined();
    expect(keywordMiss(['North Korean'], ['north  korean troops'])).toBeUndefined();
    expect(keywordMiss(['cafe'], ['Le Café'])).toBeUndefined();
    expect(keywordMiss(['war'], ['the award'])).toBe('none of the keywords (war) appears');
    expect(keywordMiss(undefined, [])).toBeUndefined();
  });
  it('names seeds readably and stably', () => {
    const stem = seedStem('North Korean troops “reach” Kursk — officials say, in a very long headline that goes on and on', 'x.org/a');
    expect(stem).toMatch(/^north-korean-troops-reach-kursk-officials-say-in-a-very-long-[0-9a-f]{8}$/);
    expect(seedStem('Other headline', 'x.org/a').slice(-8)).toBe(stem.slice(-8));
    expect(seedStem('Same', 'x.org/b')).not.toBe(seedStem('Same', 'x.org/a'));
    expect(seedFileName('s-1', 1)).toBe('s-1.html');
    expect(seedFileName('s-1', 3)).toBe('s-1-v3.html');
  });
});

describe('dedupe state', () => {
  const h = (c: string) => c.repeat(64);
  const saved = (file: string, hash: string) => ({ stem: 's', file, textHash: hash, collectedAt: '2025-01-01T00:00:00Z' });
  it('decides new, same text, new version and hand-made', () => {
    const state = emptyState();
    const index = indexKnown(state, new Map([['x.org/hand', 'hand.txt']]));
    expect(decideSave(index, ['x.org/a'], h('1'))).toEqual({ action: 'new' });
    recordSave(state, index, { action: 'new' }, ['x.org/a', 'x.org/a-final'], saved('s.html', h('1')), undefined);
    expect(decideSave(index, ['x.org/a'], h('1'))).toEqual({ action: 'same-text', key: 'x.org/a', file: 's.html' });
    expect(decideSave(index, ['x.org/copy'], h('1'))).toEqual({ action: 'same-text', key: 'x.org/a', file: 's.html' });
    expect(decideSave(index, ['x.org/a-final'], h('2'))).toEqual({ action: 'version', key: 'x.org/a', version: 2 });
    expect(decideSave(index, ['x.org/hand'], h('3'))).toEqual({ action: 'hand-made', file: 'hand.txt' });
    recordSave(state, index, { action: 'version', key: 'x.org/a', version: 2 }, ['x.org/a'], saved('s-v2.html', h('2')), 'stamp');
    expect(state.articles['x.org/a']).toMatchObject({ aliases: ['x.org/a-final'], stamp: 'stamp', versions: [{ file: 's.html' }, { file: 's-v2.html' }] });
    recordSave(state, index, { action: 'same-text', key: 'x.org/a', file: 's.html' }, ['x.org/copy'], undefined, undefined);
    expect(decideSave(index, ['x.org/copy'], h('9'))).toEqual({ action: 'version', key: 'x.org/a', version: 3 });
  });
  it('round-trips through its file, sorted, and rejects a broken one', () => {
    const state = emptyState();
    state.http['https://b.org/'] = { etag: '"1"' };
    state.http['https://a.org/'] = { lastModified: 'x' };
    const text = serializeState(state);
    expect(Object.keys(JSON.parse(text).http)).toEqual(['https://a.org/', 'https://b.org/']);
    expect(parseState(text)).toEqual({ state });
    expect(parseState('{')).toMatchObject({ state: undefined, reason: expect.stringContaining('not valid JSON') });
    expect(parseState('{"version":2,"http":{},"articles":{}}')).toMatchObject({ state: undefined, reason: expect.stringContaining('version') });
  });
});

describe('sidecars', () => {
  const date = choose(dateCandidates({ published: { field: 'pubDate', reading: readDate('Sat, 23 Aug 2025 06:00:00 GMT')! } }, [{ rule: 'article:published_time', reading: readDate('2025-08-22T22:30:00Z')! }]));
  it('writes a sidecar the ingest accepts, with the facts and the note', () => {
    const text = collectedSidecar({ url: 'https://x.org/a', publisher: { name: 'The X: Times', label: "the page's og:site_name" }, date, fetchedAt: at('2026-11-23T17:40:00.123Z'), feed: 'https://x.org/rss', topic: 'Korea' });
    const parsed = parseSidecar(text, 's.meta.yaml');
    expect(parsed.messages).toEqual([]);
    expect(parsed.sidecar).toEqual({
      publisher: 'The X: Times',
      url: 'https://x.org/a',
      published: '2025-08-23',
      note: `Collected 2026-11-23T17:40:00Z from the feed https://x.org/rss, for the topic "Korea". Date from the feed's pubDate (Sat, 23 Aug 2025 06:00:00 GMT); the page's article:published_time says 2025-08-22 (2025-08-22T22:30:00Z). Publisher from the page's og:site_name.`,
    });
  });
  it('leaves out what no source gives, and says which version follows which', () => {
    const parsed = parseSidecar(collectedSidecar({ url: 'https://x.org/a', date: { disagreeing: [] }, fetchedAt: at('2026-01-01T00:00:00Z'), version: { number: 2, previous: 'a-1.html', previousAt: '2025-12-01T00:00:00Z' } }), 's');
    expect(parsed.sidecar).toEqual({
      url: 'https://x.org/a',
      note: 'Collected 2026-01-01T00:00:00Z directly. Version 2: the text changed since a-1.html (collected 2025-12-01T00:00:00Z). No feed or page metadata gives a date.',
    });
    expect(collectNote({ url: 'https://x.org/a', date: { disagreeing: [] }, fetchedAt: at('2026-01-01T00:00:00Z'), fetchedFrom: 'https://x.org/a?id=1' })).toContain('directly (fetched at https://x.org/a?id=1).');
  });
});

describe('message codes', () => {
  it('are each documented in docs/collect.md and the README', () => {
    const docs = readFileSync(new URL('../../docs/collect.md', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const code of Object.keys(COLLECT_CODES)) {
      expect(docs, code).toContain(`| ${code} |`);
      expect(readme, code).toContain(code);
    }
  });
});
