/**
 * The collector's message codes, SL6xx, each with its severity and meaning
 * (docs/collect.md and the README list the same table; a unit test checks
 * they agree). Messages use the one Diagnostic shape, with the URL (or the
 * config or seed file) as `file`: `https://…/feed.xml: error SL611 timed out …`.
 *
 * Severity says whose it is: `error`, the source failed (the network, the
 * server, the feed); `warning`, the collector chose to skip it (robots.txt,
 * a size or type rule, no article in the page); `info`, what was saved.
 */
import type { Diagnostic, Severity } from '../diagnostics.ts';

export const COLLECT_CODES = {
  SL601: { severity: 'error', meaning: 'the config file cannot be read or is not valid YAML' },
  SL602: { severity: 'error', meaning: 'a config field is unknown or invalid' },
  SL603: { severity: 'warning', meaning: 'the state file is not valid; the run starts afresh (sidecar URLs still prevent duplicates)' },
  SL604: { severity: 'warning', meaning: 'no `contact` URL is configured for the User-Agent' },
  SL610: { severity: 'error', meaning: "a network error (connection refused or reset, unknown host), after every retry; also for a host whose robots.txt cannot be reached" },
  SL611: { severity: 'error', meaning: 'the server did not answer within the timeout, after every retry' },
  SL612: { severity: 'error', meaning: 'the server answered with an error status (4xx at once, 5xx after every retry)' },
  SL613: { severity: 'error', meaning: 'a redirect loop, too many redirects, or a redirect to no valid web address' },
  SL614: { severity: 'warning', meaning: 'robots.txt disallows the address, or answered 5xx (RFC 9309: then nothing on the host is fetched)' },
  SL615: { severity: 'warning', meaning: 'the response is larger than `fetch.maxBytes`; abandoned' },
  SL616: { severity: 'warning', meaning: "the page's lead image was not saved (an HTTP error, too large, not an image by its type or first bytes); the article was saved without it" },
  SL620: { severity: 'error', meaning: 'a feed address gave something that is not RSS, Atom or JSON Feed' },
  SL621: { severity: 'warning', meaning: 'an article address gave something that is not an HTML page (a PDF, an image, …); skipped' },
  SL622: { severity: 'warning', meaning: 'the ingest finds no article in the page; skipped' },
  SL623: { severity: 'warning', meaning: 'feed items with no web address; skipped' },
  SL624: { severity: 'error', meaning: 'a seed, sidecar or the state file could not be written' },
  SL630: { severity: 'info', meaning: 'an article saved' },
  SL631: { severity: 'info', meaning: 'a new version of a collected article saved, because its text changed' },
  SL632: { severity: 'info', meaning: 'the page holds text already saved from another address; nothing saved' },
  SL633: { severity: 'info', meaning: 'a single page left out by its keywords or `--since`' },
  SL640: { severity: 'error', meaning: 'an `--opml` file is not well-formed XML or not OPML; nothing is imported from it' },
  SL641: { severity: 'warning', meaning: 'an OPML outline whose `xmlUrl` is not an http(s) address (skipped), or a file with no feeds' },
  SL690: { severity: 'error', meaning: 'internal: the collector failed on this source (a bug; please report it); the other sources went on' },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type CollectCode = keyof typeof COLLECT_CODES;

/** A message with the code's own severity. */
export function collectMessage(file: string, code: CollectCode, message: string): Diagnostic {
  return { file, severity: COLLECT_CODES[code].severity, code, message };
}
