/**
 * The collector's HTTP client (`collect.ts` uses it for feeds, pages and
 * their lead images): polite GETs with robots.txt read once per host and
 * obeyed, per-host and global concurrency, per-host delay (or the
 * robots.txt Crawl-delay), a timeout per attempt, retries with exponential
 * backoff, redirects followed by hand and checked against robots.txt, and
 * bodies streamed and abandoned past the size limit. Every decision is a
 * pure function in `src/lib/collect/http.ts` and `robots.ts`; this class
 * only fetches and waits.
 */
import type { CollectCode } from '../lib/collect/codes.ts';
import type { FetchSettings } from '../lib/collect/config.ts';
import { conditionalHeaders, hostDelayMs, hostWaitMs, networkReason, redirectDecision, retryDecision, ROBOTS_TOKEN, validatorsOf, type AttemptOutcome, type Validators } from '../lib/collect/http.ts';
import { robotsAllows, robotsFromStatus, type Robots, type RobotsVerdict } from '../lib/collect/robots.ts';
import { originOf } from '../lib/collect/url.ts';

export type FetchResult =
  | { ok: true; status: 200 | 304; url: string; bytes: Uint8Array; contentType: string | null; validators: Validators | undefined }
  | { ok: false; code: CollectCode; reason: string; transient: boolean; status?: number };

/** One attempt's end. */
type Attempt =
  | { kind: 'done'; status: number; statusText: string; url: string; bytes: Uint8Array; contentType: string | null; validators: Validators | undefined; retryAfter: string | null }
  | { kind: 'redirect'; location: string | null }
  | { kind: 'timeout' }
  | { kind: 'network'; reason: string }
  | { kind: 'too-large'; bytes: number };

interface HostState {
  active: number;
  lastStart: number | undefined;
  delayMs: number;
}

/**
 * Polite HTTP GETs: robots.txt, per-host and global concurrency, per-host
 * delay, timeouts, retries with backoff, manual redirects, size limit.
 */
export class Fetcher {
  private readonly robots = new Map<string, Promise<Robots>>();
  /** Why an origin's robots.txt could not be read, when it could not. */
  private readonly robotsFailures = new Map<string, { code: CollectCode; reason: string }>();
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private waiters: (() => void)[] = [];

  private readonly settings: FetchSettings;
  private readonly ua: string;

  // Node runs this file by stripping types, so no parameter properties.
  constructor(settings: FetchSettings, ua: string) {
    this.settings = settings;
    this.ua = ua;
  }

  /** A monotonic clock for spacing requests (the wall clock may jump). */
  private clock(): number {
    return performance.now();
  }

  /** GET `url`, following redirects; `validators` make the first hop conditional; `maxBytes` (named `limit` in messages) replaces `fetch.maxBytes`. */
  async get(url: string, options: { accept: string; validators: Validators | undefined; robots?: boolean; maxBytes?: number; limit?: string }): Promise<FetchResult> {
    const maxBytes = options.maxBytes ?? this.settings.maxBytes;
    const visited = [url];
    let current = url;
    for (;;) {
      const at = current === url ? '' : ` at ${current}`;
      if (options.robots !== false) {
        const verdict = await this.robotsVerdict(current);
        if (!verdict.allowed) {
          const failed = this.robotsFailures.get(originOf(current));
          if (failed === undefined) return { ok: false, code: 'SL614', reason: `robots.txt disallows it${at} (${verdict.reason ?? 'disallowed'})`, transient: false };
          // A host that does not answer at all is reported as such; one whose robots.txt fails with a 5xx, as robots.txt's doing.
          const code = failed.code === 'SL612' ? 'SL614' : failed.code;
          return { ok: false, code, reason: `${originOf(current)}/robots.txt: ${failed.reason}; nothing on the host is fetched until it can be read`, transient: true };
        }
      }
      const headers = { accept: options.accept, ...(current === url ? conditionalHeaders(options.validators) : {}) };
      const { attempt, attempts } = await this.withRetries(current, headers, maxBytes);
      const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
      switch (attempt.kind) {
        case 'redirect': {
          const next = redirectDecision(current, attempt.location, visited, this.settings.maxRedirects);
          if (!next.ok) return { ok: false, code: 'SL613', reason: next.reason, transient: false };
          visited.push(next.url);
          current = next.url;
          continue;
        }
        case 'timeout':
          return { ok: false, code: 'SL611', reason: `timed out after ${this.settings.timeoutMs} ms${at}${tries}`, transient: true };
        case 'network':
          return { ok: false, code: 'SL610', reason: `${attempt.reason}${at}${tries}`, transient: true };
        case 'too-large':
          return { ok: false, code: 'SL615', reason: `the response${at} is larger than ${maxBytes} bytes (${options.limit ?? 'fetch.maxBytes'}); abandoned after ${attempt.bytes} bytes`, transient: false };
        case 'done': {
          if (attempt.status === 304) return { ok: true, status: 304, url: attempt.url, bytes: new Uint8Array(), contentType: null, validators: options.validators };
          if (attempt.status >= 200 && attempt.status < 300) {
            return { ok: true, status: 200, url: attempt.url, bytes: attempt.bytes, contentType: attempt.contentType, validators: attempt.validators };
          }
          const reason = `HTTP ${attempt.status}${attempt.statusText ? ` ${attempt.statusText}` : ''}${at}${tries}`;
          return { ok: false, code: 'SL612', reason, transient: attempt.status >= 500 || attempt.status === 429, status: attempt.status };
        }
      }
    }
  }

  /** What robots.txt says about `url` for us (fetched once per origin and cached); also sets the host's delay from its Crawl-delay. */
  async robotsVerdict(url: string): Promise<RobotsVerdict> {
    const verdict = robotsAllows(await this.robotsFor(url), ROBOTS_TOKEN, url);
    this.host(new URL(url).host).delayMs = hostDelayMs(this.settings.perHostDelayMs, verdict.crawlDelay);
    return verdict;
  }

  private robotsFor(url: string): Promise<Robots> {
    const origin = originOf(url);
    let robots = this.robots.get(origin);
    if (!robots) {
      robots = this.get(`${origin}/robots.txt`, { accept: 'text/plain, */*;q=0.5', validators: undefined, robots: false }).then((res) => {
        if (res.ok) return robotsFromStatus(200, new TextDecoder().decode(res.bytes), '');
        const robots = robotsFromStatus(res.status, '', res.reason);
        if (robots.unreachable !== undefined) this.robotsFailures.set(origin, { code: res.code, reason: res.reason });
        return robots;
      });
      this.robots.set(origin, robots);
    }
    return robots;
  }

  private async withRetries(url: string, headers: Record<string, string>, maxBytes: number): Promise<{ attempt: Attempt; attempts: number }> {
    for (let n = 1; ; n++) {
      const attempt = await this.once(url, headers, maxBytes);
      const outcome: AttemptOutcome | undefined =
        attempt.kind === 'done' ? { status: attempt.status, retryAfter: attempt.retryAfter } : attempt.kind === 'timeout' ? { error: 'timeout' } : attempt.kind === 'network' ? { error: 'network' } : undefined;
      const decision = outcome ? retryDecision(outcome, n, this.settings, Date.now()) : { retry: false as const };
      if (!decision.retry) return { attempt, attempts: n };
      await sleep(decision.waitMs);
    }
  }

  /** One request, within the host's and the global limits. */
  private async once(url: string, headers: Record<string, string>, maxBytes: number): Promise<Attempt> {
    const release = await this.acquire(new URL(url).host);
    const abort = new AbortController();
    const signal = AbortSignal.any([AbortSignal.timeout(this.settings.timeoutMs), abort.signal]);
    try {
      const res = await fetch(url, { headers: { 'user-agent': this.ua, ...headers }, redirect: 'manual', signal });
      if ([301, 302, 303, 307, 308].includes(res.status)) {
        await res.body?.cancel();
        return { kind: 'redirect', location: res.headers.get('location') };
      }
      const base = { status: res.status, statusText: res.statusText, url, contentType: res.headers.get('content-type'), validators: validatorsOf(res.headers), retryAfter: res.headers.get('retry-after') };
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel();
        return { kind: 'done', ...base, bytes: new Uint8Array() };
      }
      const declared = Number(res.headers.get('content-length') ?? Number.NaN);
      if (declared > maxBytes) {
        abort.abort();
        return { kind: 'too-large', bytes: 0 };
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            abort.abort();
            await reader.cancel().catch(() => undefined);
            return { kind: 'too-large', bytes: total };
          }
          chunks.push(value);
        }
      }
      const bytes = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return { kind: 'done', ...base, bytes };
    } catch (error) {
      if (signal.aborted && (signal.reason as Error | undefined)?.name === 'TimeoutError') return { kind: 'timeout' };
      return { kind: 'network', reason: networkReason(error) };
    } finally {
      release();
    }
  }

  private host(name: string): HostState {
    let h = this.hosts.get(name);
    if (!h) {
      h = { active: 0, lastStart: undefined, delayMs: this.settings.perHostDelayMs };
      this.hosts.set(name, h);
    }
    return h;
  }

  /** Waits for a free slot on the host and overall, and for the host's delay since its last start. */
  private async acquire(hostName: string): Promise<() => void> {
    for (;;) {
      const h = this.host(hostName);
      if (h.active < this.settings.perHostConcurrency && this.active < this.settings.concurrency) {
        const wait = hostWaitMs(h.lastStart, this.clock(), h.delayMs);
        if (wait <= 0) {
          h.active++;
          this.active++;
          h.lastStart = this.clock();
          let released = false;
          return () => {
            if (released) return;
            released = true;
            h.active--;
            this.active--;
            const waiting = this.waiters;
            this.waiters = [];
            for (const wake of waiting) wake();
          };
        }
        await sleep(wait);
      } else {
        await new Promise<void>((wake) => this.waiters.push(wake));
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
