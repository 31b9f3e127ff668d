/**
 * The decisions behind polite, robust fetching, as pure functions the CLI's
 * fetch loop calls: what to send (User-Agent, conditional headers), whether
 * to try again and after how long, where a redirect leads and when to stop
 * following, how long to wait before the next request to a host, what kind
 * of body came back and how to decode it. No I/O and no clock: times are
 * passed in as milliseconds.
 */
import type { FetchSettings } from './config.ts';

/** The product token robots.txt groups name us by. */
export const ROBOTS_TOKEN = 'storyline';

/** `Storyline/0.1 (+https://contact; news collector)`: names the software and, when configured, where to reach whoever runs it. */
export function userAgent(version: string, contact: string | undefined): string {
  return `Storyline/${version} (${contact === undefined ? 'news collector; no contact configured' : `+${contact}; news collector`})`;
}

/** What a server gave to make the next request conditional. */
export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** `If-None-Match` / `If-Modified-Since` for the validators a previous response gave. */
export function conditionalHeaders(v: Validators | undefined): Record<string, string> {
  return {
    ...(v?.etag === undefined ? {} : { 'if-none-match': v.etag }),
    ...(v?.lastModified === undefined ? {} : { 'if-modified-since': v.lastModified }),
  };
}

/** The validators a 200 response carries (undefined when none: the next request cannot be conditional). */
export function validatorsOf(headers: { get(name: string): string | null }): Validators | undefined {
  const etag = headers.get('etag') ?? undefined;
  const lastModified = headers.get('last-modified') ?? undefined;
  if (etag === undefined && lastModified === undefined) return undefined;
  return { ...(etag === undefined ? {} : { etag }), ...(lastModified === undefined ? {} : { lastModified }) };
}

/** How an attempt ended, as far as retrying cares. */
export type AttemptOutcome = { status: number; retryAfter?: string | null } | { error: 'timeout' | 'network' };

/** Longest wait the collector will honour between attempts, whatever `Retry-After` asks. */
export const MAX_RETRY_WAIT_MS = 60_000;

/**
 * Whether to try again after `attempt` (1-based) ended so, and how long to
 * wait first. 5xx answers, timeouts and network errors are retried with
 * exponential backoff (`backoffMs`, then twice that, …); a 4xx answer is the
 * server's final word and is never retried. A `Retry-After` longer than the
 * backoff is honoured, up to `MAX_RETRY_WAIT_MS`.
 */
export function retryDecision(outcome: AttemptOutcome, attempt: number, settings: Pick<FetchSettings, 'retries' | 'backoffMs'>, now: number): { retry: false } | { retry: true; waitMs: number } {
  const transient = 'error' in outcome || outcome.status >= 500;
  if (!transient || attempt > settings.retries) return { retry: false };
  const backoff = Math.min(settings.backoffMs * 2 ** (attempt - 1), MAX_RETRY_WAIT_MS);
  const asked = 'status' in outcome ? retryAfterMs(outcome.retryAfter ?? null, now) : undefined;
  return { retry: true, waitMs: Math.min(Math.max(backoff, asked ?? 0), MAX_RETRY_WAIT_MS) };
}

/** A `Retry-After` header (seconds or an HTTP date) as milliseconds from `now`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

export type RedirectDecision = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Where a 3xx answer from `from` leads. `visited` holds every URL of this
 * request so far, `from` included; a target already in it is a loop, and
 * more than `maxRedirects` hops is too many.
 */
export function redirectDecision(from: string, location: string | null, visited: readonly string[], maxRedirects: number): RedirectDecision {
  if (location === null || location.trim() === '') return { ok: false, reason: 'a redirect with no Location header' };
  if (!URL.canParse(location.trim(), from)) return { ok: false, reason: `a redirect to an invalid address (${location.trim()})` };
  const target = new URL(location.trim(), from);
  target.hash = '';
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { ok: false, reason: `a redirect to a non-web address (${target.protocol})` };
  if (visited.includes(target.href)) {
    const loop = [...visited.slice(visited.indexOf(target.href)), target.href];
    return { ok: false, reason: `a redirect loop (${loop.join(' → ')})` };
  }
  if (visited.length > maxRedirects) return { ok: false, reason: `more than ${maxRedirects} redirects` };
  return { ok: true, url: target.href };
}

/**
 * How long to wait before a request to a host whose previous request started
 * at `lastStart` (undefined: none yet), so starts are at least `delayMs` apart.
 */
export function hostWaitMs(lastStart: number | undefined, now: number, delayMs: number): number {
  return lastStart === undefined ? 0 : Math.max(0, lastStart + delayMs - now);
}

/** The per-host delay: the config's, or a longer robots.txt `Crawl-delay` (capped at a minute). */
export function hostDelayMs(configDelayMs: number, crawlDelaySeconds: number | undefined): number {
  return Math.max(configDelayMs, Math.min((crawlDelaySeconds ?? 0) * 1000, MAX_RETRY_WAIT_MS));
}

export type BodyKind = 'html' | 'feed' | 'other';

/**
 * What a response holds, from its Content-Type, or from its first bytes when
 * the type is missing or generic: HTML pages, feeds (RSS, Atom, JSON Feed and
 * the generic XML and JSON types feeds are often served as), or anything else.
 */
export function bodyKind(contentType: string | null, head: string): BodyKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^application\/(?:rss|atom|rdf|feed)\+(?:xml|json)$/.test(type) || /^(?:application|text)\/xml$/.test(type) || type === 'application/json') return 'feed';
  if (type === '' || type === 'application/octet-stream' || type === 'text/plain') {
    const start = head.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
    if (/^<!doctype html|^<html[\s>]/.test(start)) return 'html';
    if (/^<\?xml|^<rss[\s>]|^<feed[\s>]|^<rdf:rdf[\s>]|^\{/.test(start)) return 'feed';
  }
  return 'other';
}

/** Media type of a Content-Type header, for messages (`application/pdf`). */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() || 'no Content-Type';
}

/**
 * A body's text. The charset comes from the Content-Type header, else a BOM,
 * else a `<meta charset>` or `<?xml encoding>` in the first 1024 bytes, else
 * UTF-8; bytes that are not valid in it are decoded as windows-1252 (what
 * browsers do for undeclared Western pages). The collector saves pages as
 * UTF-8, the one encoding the ingest reads besides UTF-16 with a BOM.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; encoding: string } {
  const declared =
    contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1] ??
    bomEncoding(bytes) ??
    new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i)?.slice(1).find(Boolean);
  const label = declared?.toLowerCase() ?? 'utf-8';
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    // An unknown label, or bytes invalid in it.
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** A fetch error as a short reason: `connection refused (ECONNREFUSED)`, `no such host (ENOTFOUND)`. */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'host name lookup failed',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'the connection closed unexpectedly',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    CERT_HAS_EXPIRED: 'the TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate is self-signed',
  };
  if (code !== undefined) return `${known[code] ?? (typeof cause?.message === 'string' ? cause.message : 'network error')} (${code})`;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
