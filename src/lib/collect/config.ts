/**
 * The collector's config, `collect.config.yaml` by default: which feeds and
 * pages to follow, and how politely to fetch them. Parsed here with line
 * numbers, so a mistake is reported at the line where it stands (SL601 for
 * YAML that cannot be read, SL602 for a field that is unknown or invalid).
 *
 * Pure: the CLI reads the file and hands the text in.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.ts';
import { DATE_PATTERN, httpUrlSchema, isRealCalendarDate } from '../schema.ts';
import { MAX_IMAGE_BYTES } from '../image-format.ts';

/** The config file the CLI reads when `--config` is not given. */
export const DEFAULT_CONFIG_FILE = 'collect.config.yaml';

/** A `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date that names a real day. */
export const calendarDateSchema = z
  .string()
  .regex(DATE_PATTERN, 'write the date as YYYY-MM-DD, YYYY-MM or YYYY')
  .refine(isRealCalendarDate, 'not a calendar date');

/** How the collector fetches. The defaults are polite for a scheduled run against news sites. */
export const fetchSettingsSchema = z
  .object({
    /** Milliseconds before one attempt (connecting, headers and the whole body) is abandoned. */
    timeoutMs: z.number().int().positive().default(20_000),
    /** Further attempts after a 5xx answer, a timeout or a network error. A 4xx answer is never retried. */
    retries: z.number().int().min(0).max(10).default(2),
    /** Wait before the first retry, in milliseconds; each further retry waits twice as long (a server's `Retry-After` wins when longer, up to a minute). */
    backoffMs: z.number().int().min(0).default(2_000),
    /** Largest response accepted, in bytes after decompression; a longer one is abandoned mid-stream. */
    maxBytes: z.number().int().positive().default(5 * 1024 * 1024),
    /** Largest lead image accepted, in bytes; a larger one is abandoned mid-stream and the article saved without it. */
    maxImageBytes: z.number().int().positive().default(MAX_IMAGE_BYTES),
    /** Redirects followed per request before giving up (loops are caught at once). */
    maxRedirects: z.number().int().min(0).max(20).default(5),
    /** Requests in flight at once to one host. */
    perHostConcurrency: z.number().int().positive().max(8).default(1),
    /** Least time between the starts of two requests to one host, in milliseconds; a longer robots.txt `Crawl-delay` wins (up to a minute). */
    perHostDelayMs: z.number().int().min(0).default(1_000),
    /** Requests in flight at once across all hosts. */
    concurrency: z.number().int().positive().max(32).default(4),
  })
  .strict();
export type FetchSettings = z.infer<typeof fetchSettingsSchema>;

/** What a feed and a single page may both say about themselves. */
const sourceFields = {
  /** The address (http or https). */
  url: httpUrlSchema,
  /** The topic the articles belong to, e.g. `North Korean troops in Russia`; written into each sidecar's note. */
  topic: z.string().trim().min(1).optional(),
  /**
   * Keep only articles that name at least one of these words or phrases
   * (whole words, any case, accents ignored). For a feed, the item's title,
   * summary and categories are searched before the page is fetched; for a
   * page, its headline and text.
   */
  keywords: z.array(z.string().trim().min(1)).min(1).optional(),
  /** The publisher's name as you want it shown; wins over whatever the feed or page says. */
  publisher: z.string().trim().min(1).optional(),
};

/** A feed to follow: RSS 2.0 (or RSS 1.0/RDF), Atom 1.0 or JSON Feed 1.x. */
export const feedSourceSchema = z
  .object({
    ...sourceFields,
    /** The feed's name, as a feed reader shows it (an OPML import keeps the reader's); names the feed in the site's `/sources.opml`. */
    title: z.string().trim().min(1).optional(),
    /** The site the feed belongs to (the outlet's home page); the `htmlUrl` of the feed in `/sources.opml`. */
    site: httpUrlSchema.optional(),
    /** Most new articles fetched from this feed in one run (the feed's order, usually newest first); overrides `maxItemsPerFeed`. */
    maxItems: z.number().int().positive().optional(),
  })
  .strict();
export type FeedSource = z.infer<typeof feedSourceSchema>;

/** A single article page to collect. */
export const pageSourceSchema = z.object(sourceFields).strict();
export type PageSource = z.infer<typeof pageSourceSchema>;

export const collectConfigSchema = z
  .object({
    /**
     * A page where a site owner can learn what this collector is and reach
     * whoever runs it (a repository or an about page). Sent in every request's
     * User-Agent: `Storyline/0.1 (+<contact>)`.
     */
    contact: httpUrlSchema.optional(),
    /** Folder the seeds are written to, relative to where the command runs (`--seeds` wins). */
    seeds: z.string().trim().min(1).default('seeds'),
    /** Skip articles dated before this day (`--since` wins). Articles with no date at all are kept. */
    since: calendarDateSchema.optional(),
    /** Most new articles fetched from one feed in one run. */
    maxItemsPerFeed: z.number().int().positive().default(30),
    /** How to fetch (timeouts, retries, limits, politeness). */
    fetch: fetchSettingsSchema.prefault({}),
    /** Feeds to follow. */
    feeds: z.array(feedSourceSchema).default([]),
    /** Single article pages to collect (each is re-checked on every run, with a conditional request). */
    urls: z.array(pageSourceSchema).default([]),
  })
  .strict();
export type CollectConfig = z.infer<typeof collectConfigSchema>;

/** The config with every default, as when no file is given. */
export function defaultConfig(): CollectConfig {
  return collectConfigSchema.parse({});
}

export interface ParsedConfig {
  config: CollectConfig | undefined;
  messages: Diagnostic[];
}

/** Reads the config's YAML text; `file` names it in messages. An empty file is the default config. */
export function parseCollectConfig(text: string, file: string): ParsedConfig {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      config: undefined,
      messages: doc.errors.map((e) => ({
        file,
        line: counter.linePos(e.pos[0]).line,
        severity: 'error' as const,
        code: 'SL601',
        message: `the config is not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const value: unknown = doc.contents === null ? {} : doc.toJS();
  const parsed = collectConfigSchema.safeParse(value);
  if (parsed.success) return { config: parsed.data, messages: [] };
  const messages = parsed.error.issues.map((issue): Diagnostic => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
    const line = lineOf(doc.contents, where, counter);
    const field = where.join('.') || '(top level)';
    const detail =
      issue.code === 'unrecognized_keys'
        ? `unknown field "${issue.keys.join('", "')}"`
        : issue.message;
    return { file, ...(line === undefined ? {} : { line }), severity: 'error', code: 'SL602', message: `${field}: ${detail}` };
  });
  return { config: undefined, messages: messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/** The line of the deepest node along `path` (the key's line for a missing or unknown key). */
function lineOf(root: unknown, path: readonly (string | number)[], counter: LineCounter): number | undefined {
  let node: unknown = root;
  let line = rangeLine(node, counter);
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      line = rangeLine(pair.key, counter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      line = rangeLine(node, counter) ?? line;
    } else {
      break;
    }
  }
  return line;
}

function rangeLine(node: unknown, counter: LineCounter): number | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}
