/**
 * `npm run collect [-- --config FILE --feed URL --url URL --opml FILE --seeds DIR --since DATE --dry-run]`
 *
 * The collector's I/O edge: reads the config, fetches feeds and pages
 * politely, and writes each new article into the seeds folder as the page
 * it fetched (`<slug>-<hash>.html`, UTF-8) with a sidecar
 * (`<slug>-<hash>.meta.yaml`) naming its address, publisher and date and,
 * in its note, when and from where it was collected and which source gave
 * the date. Every decision (what to fetch, what is new, what the sidecar
 * says, when to retry, how long to wait) is a pure function in
 * `src/lib/collect/`; this file only fetches, waits, reads and writes.
 *
 * Fetching (`fetcher.ts`): a User-Agent naming Storyline and the config's contact URL;
 * robots.txt read once per host and obeyed; at most `perHostConcurrency`
 * requests in flight per host, starts at least `perHostDelayMs` apart (or
 * the robots.txt Crawl-delay), `concurrency` in all; each attempt bounded by
 * `timeoutMs` (connect, headers and body); 5xx answers, timeouts and network
 * errors retried with exponential backoff; redirects followed by hand, each
 * hop checked against robots.txt, up to `maxRedirects`, loops caught;
 * bodies streamed and abandoned past `maxBytes`; conditional requests with
 * the ETag and Last-Modified remembered in `<seeds>/.collect-state.json`.
 *
 * A failing source never stops the others; each failure is one line,
 * `<url>: error SL6xx <reason>`. Exit codes: 0 done (even when some sources
 * failed); 1 nothing could be fetched at all (every source failed); 2 bad
 * command line or config.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { parseSidecar, SIDECAR_SUFFIX, sidecarNameFor } from '../lib/ingest/sidecar.ts';
import { httpUrlSchema } from '../lib/schema.ts';
import { COLLECT_CODES, collectMessage, type CollectCode } from '../lib/collect/codes.ts';
import { calendarDateSchema, DEFAULT_CONFIG_FILE, defaultConfig, parseCollectConfig, type CollectConfig, type FeedSource, type PageSource } from '../lib/collect/config.ts';
import { isBefore } from '../lib/collect/dates.ts';
import { readFeed, type FeedItem } from '../lib/collect/feed.ts';
import { bodyKind, decodeBody, mediaType, userAgent } from '../lib/collect/http.ts';
import { importOpml } from './collect-opml.ts';
import { Fetcher } from './fetcher.ts';
import { chooseDate, choosePublisher, dateCandidates } from '../lib/collect/metadata.ts';
import { feedLinksIn, readPage } from '../lib/collect/page.ts';
import { keywordMiss, planFeedItems, seedFileName, seedStem, type ItemPlan } from '../lib/collect/plan.ts';
import { collectedSidecar } from '../lib/collect/sidecar.ts';
import { IMAGE_MEDIA_TYPES, imageFormat } from '../lib/image-format.ts';
import type { PageImage } from '../lib/ingest/lead-image.ts';
import {
  decideSave,
  emptyState,
  indexKnown,
  lookup,
  parseState,
  recordSave,
  recordStamp,
  recordValidators,
  serializeState,
  STATE_FILE,
  type CollectState,
  type KnownIndex,
} from '../lib/collect/state.ts';
import { cleanUrl, dedupeKey } from '../lib/collect/url.ts';

const USAGE = 'usage: npm run collect -- [--config FILE] [--feed URL]... [--url URL]... [--opml FILE]... [--seeds DIR] [--since YYYY-MM-DD] [--dry-run]';

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const IMAGE_ACCEPT = 'image/avif, image/webp, image/jpeg, image/png, image/gif;q=0.8, */*;q=0.1';

/** Where the command prints and what time it is; tests pass their own. */
export interface CollectIo {
  /** Folder relative paths are resolved from. */
  cwd: string;
  out(line: string): void;
  err(line: string): void;
  now(): Date;
}

const processIo: CollectIo = {
  cwd: process.cwd(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => new Date(),
};

/** Runs the command with `argv` (without `node` and the script); resolves to the exit code. */
export async function runCollect(argv: readonly string[], io: CollectIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        config: { type: 'string' },
        feed: { type: 'string', multiple: true, default: [] },
        url: { type: 'string', multiple: true, default: [] },
        opml: { type: 'string', multiple: true, default: [] },
        seeds: { type: 'string' },
        since: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  for (const url of [...args.feed, ...args.url]) {
    if (!httpUrlSchema.safeParse(url).success) {
      io.err(`not an http(s) URL: ${url}\n${USAGE}`);
      return 2;
    }
  }
  if (args.since !== undefined && !calendarDateSchema.safeParse(args.since).success) {
    io.err(`--since takes a date written YYYY-MM-DD, YYYY-MM or YYYY, not "${args.since}"\n${USAGE}`);
    return 2;
  }

  const shown = (abs: string): string => {
    const rel = relative(io.cwd, abs);
    return (rel.startsWith('..') ? abs : rel).split(sep).join('/') || '.';
  };
  const oneOff = args.feed.length > 0 || args.url.length > 0;
  const configPath = resolve(io.cwd, args.config ?? DEFAULT_CONFIG_FILE);
  // An OPML import adds the reader's feeds to the config (written unless --dry-run), and the run goes on with it.
  const imported = args.opml.length > 0 ? await importOpml(args.opml.map((f) => ({ path: resolve(io.cwd, f), shown: shown(resolve(io.cwd, f)) })), configPath, shown(configPath), args['dry-run']) : undefined;
  if (imported) {
    for (const line of imported.report) io.out(line);
    for (const m of sortDiagnostics(imported.messages)) io.err(formatDiagnostic(m));
    if (!imported.config) return 2;
  }
  const loaded = imported ? { config: imported.config, messages: [] } : await loadConfig(configPath, shown(configPath), args.config !== undefined || !oneOff);
  if (!loaded.config) {
    for (const m of loaded.messages) io.err(formatDiagnostic(m));
    if (loaded.messages.length === 0) io.err(`${shown(configPath)}: no such file; pass --config FILE, or --feed URL / --url URL\n${USAGE}`);
    return 2;
  }
  const config = loaded.config;
  // One-off sources replace the config's; its settings (contact, fetch, seeds) still apply.
  const sources: Source[] = oneOff
    ? [...args.feed.map((url): Source => ({ kind: 'feed', spec: { url } })), ...args.url.map((url): Source => ({ kind: 'page', spec: { url } }))]
    : [...config.feeds.map((spec): Source => ({ kind: 'feed', spec })), ...config.urls.map((spec): Source => ({ kind: 'page', spec }))];
  if (sources.length === 0) {
    io.err(`${shown(configPath)}: nothing to collect: add feeds or urls to it, or pass --feed URL / --url URL\n${USAGE}`);
    return 2;
  }

  const dryRun = args['dry-run'];
  const seedsDir = resolve(io.cwd, args.seeds ?? config.seeds);
  const statePath = join(seedsDir, STATE_FILE);
  const messages: Diagnostic[] = [];
  if (config.contact === undefined) {
    messages.push(collectMessage(shown(configPath), 'SL604', 'no `contact` URL is configured: set one so site owners can see who fetches their pages'));
  }
  const stateText = await readFile(statePath, 'utf8').catch(() => undefined);
  let state = emptyState();
  if (stateText !== undefined) {
    const parsed = parseState(stateText);
    if (parsed.state) state = parsed.state;
    else messages.push(collectMessage(shown(statePath), 'SL603', `not a valid state file (${parsed.reason}); starting afresh`));
  }
  const index = indexKnown(state, await sidecarUrls(seedsDir, state));

  const run: Run = {
    io,
    config,
    since: args.since ?? config.since,
    dryRun,
    seedsDir,
    shownSeed: (file) => shown(join(seedsDir, file)),
    state,
    index,
    fetcher: new Fetcher(config.fetch, userAgent(await packageVersion(), config.contact)),
    messages,
    listing: [],
    counts: { feeds: 0, feedsUnchanged: 0, pages: 0, saved: 0, versions: 0, unchanged: 0, known: 0, filtered: 0, skipped: 0, failed: 0, fetched: 0 },
    saving: Promise.resolve(),
  };
  if (!dryRun) await mkdir(seedsDir, { recursive: true });
  await Promise.all(sources.map((s) => guarded(run, s.spec.url, () => (s.kind === 'feed' ? collectFeed(run, s.spec) : collectSingle(run, s.spec)))));
  await run.saving;

  if (!dryRun) {
    const text = serializeState(state);
    if (text !== stateText) {
      try {
        await writeAtomic(seedsDir, STATE_FILE, text);
      } catch (error) {
        messages.push(collectMessage(shown(statePath), 'SL624', `cannot write the state file: ${(error as Error).message}`));
      }
    }
  }
  for (const line of run.listing) io.out(line);
  for (const m of sortDiagnostics(messages)) (m.severity === 'info' ? io.out : io.err)(formatDiagnostic(m));
  io.out(summary(run));
  return run.counts.fetched === 0 && run.counts.failed > 0 ? 1 : 0;
}

type Source = { kind: 'feed'; spec: FeedSource } | { kind: 'page'; spec: PageSource };

interface Counts {
  feeds: number;
  /** Feeds that answered 304 Not Modified. */
  feedsUnchanged: number;
  pages: number;
  saved: number;
  versions: number;
  unchanged: number;
  known: number;
  filtered: number;
  skipped: number;
  failed: number;
  /** Requests (not robots.txt) that were answered 2xx or 304. */
  fetched: number;
}

interface Run {
  io: CollectIo;
  config: CollectConfig;
  since: string | undefined;
  dryRun: boolean;
  seedsDir: string;
  shownSeed(file: string): string;
  state: CollectState;
  index: KnownIndex;
  fetcher: Fetcher;
  messages: Diagnostic[];
  /** The --dry-run listing. */
  listing: string[];
  counts: Counts;
  /** Saves run one after another, so two fetches of one article cannot both save it. */
  saving: Promise<void>;
}

function summary(run: Run): string {
  const c = run.counts;
  const parts = [
    `${c.feeds} feed${c.feeds === 1 ? '' : 's'}${c.feedsUnchanged > 0 ? ` (${c.feedsUnchanged} not modified)` : ''} and ${c.pages} page${c.pages === 1 ? '' : 's'} fetched`,
    `${c.saved} article${c.saved === 1 ? '' : 's'} saved${c.versions > 0 ? ` (${c.versions} as new versions)` : ''}`,
    `${c.unchanged} unchanged`,
    `${c.known} already collected`,
    `${c.filtered} filtered out`,
    `${c.skipped} skipped`,
    `${c.failed} failed`,
  ];
  return `collect${run.dryRun ? ' (dry run, nothing written)' : ''}: ${parts.join(', ')}`;
}

async function loadConfig(path: string, shownPath: string, required: boolean): Promise<{ config: CollectConfig | undefined; messages: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return required ? { config: undefined, messages: [] } : { config: defaultConfig(), messages: [] };
    return { config: undefined, messages: [collectMessage(shownPath, 'SL601', `cannot read the config: ${(error as Error).message}`)] };
  }
  return parseCollectConfig(text, shownPath);
}

async function packageVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version.split('.').slice(0, 2).join('.') : '0';
  } catch {
    return '0';
  }
}

/** Dedupe keys of the `url` in every sidecar beside a seed the collector did not write itself, with the seed's name. */
async function sidecarUrls(seedsDir: string, state: CollectState): Promise<Map<string, string>> {
  const ours = new Set(Object.values(state.articles).flatMap((r) => r.versions.map((v) => v.file)));
  const map = new Map<string, string>();
  let names: string[];
  try {
    names = (await readdir(seedsDir, { recursive: true })).map((n) => n.split(sep).join('/')).sort();
  } catch {
    return map;
  }
  for (const name of names) {
    if (!name.endsWith(SIDECAR_SUFFIX) || name.split('/').some((part) => part.startsWith('.'))) continue;
    const seed = names.find((n) => n !== name && !n.endsWith(SIDECAR_SUFFIX) && sidecarNameFor(n) === name);
    if (seed === undefined || ours.has(seed)) continue;
    const text = await readFile(join(seedsDir, name), 'utf8').catch(() => '');
    const url = parseSidecar(text, name).sidecar?.url;
    const key = url === undefined ? undefined : dedupeKey(url);
    if (key !== undefined) map.set(key, seed);
  }
  return map;
}

/** Runs one source's work; a bug in it is reported as that source's failure, and the others go on. */
async function guarded<T>(run: Run, url: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    fail(run, url, 'SL690', `internal: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function fail(run: Run, url: string, code: CollectCode, reason: string): void {
  run.messages.push(collectMessage(url, code, reason));
  if (COLLECT_CODES[code].severity === 'error' || code === 'SL614' || code === 'SL615') run.counts.failed++;
  else run.counts.skipped++;
}

async function collectFeed(run: Run, spec: FeedSource): Promise<void> {
  const res = await run.fetcher.get(spec.url, { accept: FEED_ACCEPT, validators: run.dryRun ? undefined : run.state.http[spec.url] });
  if (!res.ok) return fail(run, spec.url, res.code, res.reason);
  run.counts.fetched++;
  run.counts.feeds++;
  if (res.status === 304) {
    run.counts.feedsUnchanged++;
    if (run.dryRun) run.listing.push(`unchanged    ${spec.url}  (the feed answered 304 Not Modified)`);
    return;
  }
  const { text } = decodeBody(res.bytes, res.contentType);
  const read = readFeed(text, res.url);
  if (!read.ok) {
    const links = bodyKind(res.contentType, text) === 'html' ? feedLinksIn(text, res.url) : [];
    const reason = bodyKind(res.contentType, text) === 'html' ? `an HTML page, not a feed${links.length > 0 ? `; it links to the feed ${links.join(', ')}` : ''}` : read.reason;
    return fail(run, spec.url, 'SL620', reason);
  }
  const feed = read.feed;
  if (feed.skipped > 0) run.messages.push(collectMessage(spec.url, 'SL623', `${feed.skipped} item${feed.skipped === 1 ? '' : 's'} with no web address; skipped`));
  const plans = planFeedItems(feed.items, { keywords: spec.keywords, since: run.since, maxItems: spec.maxItems ?? run.config.maxItemsPerFeed, index: run.index });
  for (const p of plans) {
    if (p.fetch) continue;
    if (p.why === 'known' || p.why === 'hand-made') run.counts.known++;
    else if (p.why !== 'repeated') run.counts.filtered++;
  }
  if (run.dryRun) {
    for (const p of plans) run.listing.push(await listingLine(run, p, spec.url));
    return;
  }
  const outcomes = await Promise.all(
    plans.flatMap((p) => (p.fetch ? [guarded(run, p.item.url, () => collectArticle(run, { url: p.item.url, spec, feed: { url: spec.url, title: feed.title, item: p.item } }))] : [])),
  );
  // A 304 next time would hide items that failed for a passing reason: keep the feed's validators only when none did.
  recordValidators(run.state, spec.url, outcomes.includes('retry') ? undefined : res.validators);
}

async function listingLine(run: Run, p: ItemPlan, feedUrl: string): Promise<string> {
  const date = p.item.published?.reading.date ?? p.item.updated?.reading.date ?? 'undated';
  const title = p.item.title === undefined ? '' : `  "${p.item.title}"`;
  if (!p.fetch) return `skip (${p.why})${' '.repeat(Math.max(1, 11 - p.why.length))}${p.item.url}  ${'file' in p ? `already in ${run.shownSeed(p.file)}` : p.detail}`;
  const verdict = await run.fetcher.robotsVerdict(p.item.url);
  if (!verdict.allowed) return `skip (robots)  ${p.item.url}  robots.txt: ${verdict.reason ?? 'disallowed'}`;
  return `would fetch  ${p.item.url}  ${p.why === 'updated' ? 'updated, ' : ''}${date}, from ${feedUrl}${title}`;
}

async function collectSingle(run: Run, spec: PageSource): Promise<void> {
  if (!run.dryRun) {
    await collectArticle(run, { url: spec.url, spec });
    return;
  }
  const known = lookup(run.index, [dedupeKey(spec.url)!]);
  const verdict = await run.fetcher.robotsVerdict(spec.url);
  if (!verdict.allowed) run.listing.push(`skip (robots)  ${spec.url}  robots.txt: ${verdict.reason ?? 'disallowed'}`);
  else if (known?.kind === 'sidecar') run.listing.push(`skip (hand-made) ${spec.url}  already in ${run.shownSeed(known.file)}`);
  else run.listing.push(`would fetch  ${spec.url}  ${known ? 'to check for a new version' : 'new'}`);
}

interface ArticleJob {
  /** The address to fetch (cleaned). */
  url: string;
  spec: FeedSource | PageSource;
  /** The feed it is listed in, when it is. */
  feed?: { url: string; title: string | undefined; item: FeedItem };
}

/** `retry`: failed for a reason that may pass (a timeout, a 5xx, the network); `done`: anything else. */
type ArticleOutcome = 'done' | 'retry';

async function collectArticle(run: Run, job: ArticleJob): Promise<ArticleOutcome> {
  const url = cleanUrl(job.url) ?? job.url;
  const requestedKey = dedupeKey(url)!;
  const known = lookup(run.index, [requestedKey]);
  if (known?.kind === 'sidecar') {
    run.counts.known++;
    return 'done';
  }
  const res = await run.fetcher.get(url, { accept: HTML_ACCEPT, validators: known ? run.state.http[url] : undefined });
  if (!res.ok) {
    fail(run, url, res.code, res.reason);
    return res.transient ? 'retry' : 'done';
  }
  run.counts.fetched++;
  run.counts.pages++;
  const stamp = job.feed?.item.updated?.reading.raw;
  if (res.status === 304) {
    run.counts.unchanged++;
    if (known) recordStamp(run.state, known.key, stamp);
    return 'done';
  }
  const decoded = decodeBody(res.bytes, res.contentType);
  if (bodyKind(res.contentType, decoded.text) !== 'html') {
    fail(run, url, 'SL621', `not an HTML page (${mediaType(res.contentType)}); skipped`);
    return 'done';
  }
  const html = decoded.text;
  const read = readPage(html, res.url);
  if (!read.ok) {
    fail(run, url, 'SL622', `no article in the page: ${read.reason}; skipped`);
    return 'done';
  }
  const page = read.page;
  const single = job.feed === undefined;
  const miss = single ? keywordMiss(job.spec.keywords, [page.headline, page.body]) : undefined;
  const fetchedAt = run.io.now();
  const date = chooseDate(dateCandidates(job.feed?.item, page.dates), fetchedAt.toISOString().slice(0, 10));
  const tooOld = run.since !== undefined && date.chosen !== undefined && isBefore(date.chosen.reading.date, run.since);
  if (miss !== undefined || tooOld) {
    run.counts.filtered++;
    if (single) run.messages.push(collectMessage(url, 'SL633', miss ?? `dated ${date.chosen!.reading.date}, before ${run.since!}; not saved`));
    return 'done';
  }
  const keys = [...new Set([requestedKey, dedupeKey(res.url), page.canonical === undefined ? undefined : dedupeKey(page.canonical)].filter((k): k is string => k !== undefined))];
  // The lead image is fetched before the save is decided (fetches run side by side, saves one at a time), unless the
  // article is already known not to be saved; a save decided otherwise below leaves it unused.
  const likely = decideSave(run.index, keys, page.textHash).action;
  const image = page.image && (likely === 'new' || likely === 'version') ? await fetchLeadImage(run, url, page.image) : undefined;

  // Decide and write one article at a time: the decision reads what earlier saves recorded.
  const save = run.saving.then(async () => {
    const decision = decideSave(run.index, keys, page.textHash);
    if (decision.action === 'hand-made') {
      run.counts.known++;
      return;
    }
    if (decision.action === 'same-text') {
      recordSave(run.state, run.index, decision, keys, undefined, stamp);
      recordValidators(run.state, url, res.validators);
      if (known?.kind === 'collected' && known.key === decision.key) run.counts.unchanged++;
      else {
        run.counts.known++;
        run.messages.push(collectMessage(url, 'SL632', `the same text as ${run.shownSeed(decision.file)}; not saved again`));
      }
      return;
    }
    const record = decision.action === 'version' ? run.state.articles[decision.key] : undefined;
    const stem = record?.stem ?? seedStem(page.headline, keys[0]!);
    const version = decision.action === 'version' ? decision.version : 1;
    const file = seedFileName(stem, version);
    const previous = record?.versions.at(-1);
    const sidecarUrl = page.canonical ?? url;
    // The picture beside the page, named as it is: `<stem>[-vN].<ext>`.
    const imageFile = image && `${file.replace(/\.html$/, '')}.${image.ext}`;
    const sidecarText = collectedSidecar({
      url: sidecarUrl,
      ...optional('publisher', choosePublisher(job.spec.publisher, page.publisher, job.feed?.title)),
      date,
      fetchedAt,
      ...optional('feed', job.feed?.url),
      ...optional('fetchedFrom', res.url === sidecarUrl ? undefined : res.url),
      ...optional('topic', job.spec.topic),
      ...(previous ? { version: { number: version, previous: previous.file, previousAt: previous.collectedAt } } : {}),
      ...(image && imageFile ? { image: { file: imageFile, url: image.url, ...optional('caption', image.caption), ...optional('credit', image.credit), ...optional('alt', image.alt) }, imageRule: image.rule } : {}),
    });
    try {
      if (image && imageFile) await writeAtomic(run.seedsDir, imageFile, image.bytes);
      await writeAtomic(run.seedsDir, file, html);
      await writeAtomic(run.seedsDir, sidecarNameFor(file), sidecarText);
    } catch (error) {
      await rm(join(run.seedsDir, file), { force: true }).catch(() => undefined);
      if (imageFile) await rm(join(run.seedsDir, imageFile), { force: true }).catch(() => undefined);
      fail(run, run.shownSeed(file), 'SL624', `cannot write the seed for ${url}: ${(error as Error).message}`);
      return;
    }
    recordSave(run.state, run.index, decision, keys, { stem, file, textHash: page.textHash, collectedAt: iso(fetchedAt) }, stamp);
    recordValidators(run.state, url, res.validators);
    run.counts.saved++;
    if (decision.action === 'version') {
      run.counts.versions++;
      run.messages.push(collectMessage(url, 'SL631', `saved as ${run.shownSeed(file)}: the text changed since ${run.shownSeed(previous!.file)}`));
    } else {
      run.messages.push(collectMessage(url, 'SL630', `saved as ${run.shownSeed(file)}`));
    }
  });
  run.saving = save.catch(() => undefined);
  await save;
  return 'done';
}

/** A page's lead image, fetched and checked: the bytes, their format and what the page says of it. */
interface FetchedImage {
  url: string;
  bytes: Uint8Array;
  ext: string;
  caption?: string;
  credit?: string;
  alt?: string;
  /** The rule that found it on the page. */
  rule: string;
}

/**
 * The page's lead image through the same polite client as the page, up to
 * `fetch.maxImageBytes`, kept only when the server names it an image and its
 * first bytes agree; else undefined, with a warning on the page (SL616).
 */
async function fetchLeadImage(run: Run, pageUrl: string, found: PageImage): Promise<FetchedImage | undefined> {
  const url = found.url!;
  const skip = (reason: string): undefined => {
    run.messages.push(collectMessage(pageUrl, 'SL616', `the lead image ${url}: ${reason}; the article is saved without it`));
    return undefined;
  };
  const res = await run.fetcher.get(url, { accept: IMAGE_ACCEPT, validators: undefined, maxBytes: run.config.fetch.maxImageBytes, limit: 'fetch.maxImageBytes' });
  if (!res.ok) return skip(res.reason);
  const type = mediaType(res.contentType);
  if (IMAGE_MEDIA_TYPES[type] === undefined) return skip(`not an image (${type})`);
  const ext = imageFormat(res.bytes);
  if (ext === undefined) return skip(`served as ${type}, but its first bytes are no JPEG, PNG, WebP, AVIF or GIF`);
  return { url, bytes: res.bytes, ext, rule: found.evidence.rule, ...optional('caption', found.caption), ...optional('credit', found.credit), ...optional('alt', found.alt) };
}

/** `{ [key]: value }` when the value is defined, else `{}` (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Writes to a dotfile beside the target (the ingest skips dotfiles), then renames over it. */
async function writeAtomic(dir: string, name: string, content: string | Uint8Array): Promise<void> {
  const target = join(dir, name);
  const temp = join(dir, `.${name.split('/').pop()!}.${process.pid}.tmp`);
  await writeFile(temp, content, typeof content === 'string' ? 'utf8' : undefined);
  await rename(temp, target);
}

if (import.meta.main) process.exitCode = await runCollect(process.argv.slice(2));
