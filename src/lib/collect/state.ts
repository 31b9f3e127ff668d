/**
 * What the collector remembers between runs, in `<seeds>/.collect-state.json`
 * (a dotfile, which the ingest skips): the validators for conditional
 * requests, and every article it saved, by the dedupe key of its address,
 * with each version's file and text hash.
 *
 * The decisions that use it are here too, pure: whether an address is
 * already collected, and whether fetched text is new, a new version of a
 * known article, or a copy of text already saved. Sidecars beside the seeds
 * count as well: an article an editor saved by hand, with its `url` in the
 * sidecar, is never collected again.
 */
import { z } from 'zod';
import type { Validators } from './http.ts';

/** The state file's name in the seeds folder. */
export const STATE_FILE = '.collect-state.json';

const validatorsSchema = z
  .object({
    /** The `ETag` the server last sent. */
    etag: z.string().optional(),
    /** The `Last-Modified` the server last sent. */
    lastModified: z.string().optional(),
  })
  .strict();

export const articleRecordSchema = z
  .object({
    /** File stem of the first version, e.g. `troops-reach-kursk-1a2b3c4d`; later versions add `-v2`, `-v3`. */
    stem: z.string().min(1),
    /** Other dedupe keys that lead to this article: redirect targets, the page's canonical address, copies with the same text. */
    aliases: z.array(z.string()),
    /** The feed's update stamp for the item when last seen; a new stamp makes the collector check the page again. */
    stamp: z.string().optional(),
    /** Every saved version, oldest first. */
    versions: z
      .array(
        z
          .object({
            /** Seed file name, relative to the seeds folder. */
            file: z.string().min(1),
            /** SHA-256 of the article's clean headline and text (see `readPage`). */
            textHash: z.string().regex(/^[0-9a-f]{64}$/),
            /** When it was fetched (ISO 8601, UTC). */
            collectedAt: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

export const collectStateSchema = z
  .object({
    /** The file format's version. */
    version: z.literal(1),
    /** Validators by requested URL, for conditional requests. */
    http: z.record(z.string(), validatorsSchema),
    /** Collected articles by the dedupe key of the address they were first collected from. */
    articles: z.record(z.string(), articleRecordSchema),
  })
  .strict();
export type CollectState = z.infer<typeof collectStateSchema>;

export function emptyState(): CollectState {
  return { version: 1, http: {}, articles: {} };
}

/** Reads the state file's text: undefined with a reason when it is not valid, so the CLI can start afresh and say why. */
export function parseState(text: string): { state: CollectState } | { state: undefined; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { state: undefined, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = collectStateSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { state: undefined, reason: `${issue.path.join('.') || '(top level)'}: ${issue.message}` };
  }
  return { state: parsed.data };
}

/** The state as written: keys sorted, so the file diffs cleanly between runs. */
export function serializeState(state: CollectState): string {
  const sorted = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: state.version, http: sorted(state.http), articles: sorted(state.articles) }, null, 2)}\n`;
}

/** Where an address or a text is already known from. */
export type Known = { kind: 'collected'; key: string; record: ArticleRecord } | { kind: 'sidecar'; file: string };

/** Lookups over the state and the seeds' sidecars. Updated in place as articles are saved during a run. */
export interface KnownIndex {
  /** Dedupe key → the article (its own key or an alias) or the hand-made seed whose sidecar names it. */
  byKey: Map<string, Known>;
  /** Text hash → the article holding a version with that text. */
  byHash: Map<string, { key: string; file: string }>;
}

/** Builds the lookups. `sidecarKeys` maps the dedupe key of each sidecar's `url` to its seed file. */
export function indexKnown(state: CollectState, sidecarKeys: ReadonlyMap<string, string>): KnownIndex {
  const byKey = new Map<string, Known>();
  const byHash = new Map<string, { key: string; file: string }>();
  for (const [key, file] of sidecarKeys) byKey.set(key, { kind: 'sidecar', file });
  for (const [key, record] of Object.entries(state.articles)) {
    for (const k of [key, ...record.aliases]) byKey.set(k, { kind: 'collected', key, record });
    for (const v of record.versions) byHash.set(v.textHash, { key, file: v.file });
  }
  return { byKey, byHash };
}

/** The first of `keys` the index knows. */
export function lookup(index: KnownIndex, keys: readonly string[]): Known | undefined {
  for (const key of keys) {
    const known = index.byKey.get(key);
    if (known) return known;
  }
  return undefined;
}

export type SaveDecision =
  /** Nothing like it is known: save it as a new article. */
  | { action: 'new' }
  /** A known article whose text changed: save it as version `version` of the article under `key`. */
  | { action: 'version'; key: string; version: number }
  /** The same text is already saved (from this address or another): save nothing. */
  | { action: 'same-text'; key: string; file: string }
  /** The address belongs to a seed an editor saved by hand: never replaced or versioned. */
  | { action: 'hand-made'; file: string };

/**
 * What to do with fetched text whose addresses have dedupe keys `keys` (the
 * requested address first, then the redirect target and the page's
 * canonical address) and whose clean text hashes to `textHash`.
 */
export function decideSave(index: KnownIndex, keys: readonly string[], textHash: string): SaveDecision {
  const known = lookup(index, keys);
  if (known?.kind === 'sidecar') return { action: 'hand-made', file: known.file };
  const same = index.byHash.get(textHash);
  if (same) return { action: 'same-text', key: same.key, file: same.file };
  if (known) return { action: 'version', key: known.key, version: known.record.versions.length + 1 };
  return { action: 'new' };
}

/** A saved version, as `recordSave` records it. */
export interface SavedVersion {
  stem: string;
  file: string;
  textHash: string;
  collectedAt: string;
}

/**
 * Records a decision's outcome in the state and the index (the CLI saves one
 * article at a time, so the next decision sees this one). `keys` are the
 * fetched addresses' dedupe keys; each becomes an alias of the article.
 * `saved` is the file written (for `new` and `version`); `stamp` the feed's
 * update stamp for the item, when it has one.
 */
export function recordSave(
  state: CollectState,
  index: KnownIndex,
  decision: Exclude<SaveDecision, { action: 'hand-made' }>,
  keys: readonly string[],
  saved: SavedVersion | undefined,
  stamp: string | undefined,
): void {
  let key: string;
  if (decision.action === 'new') {
    if (!saved) throw new Error('recordSave: a new article needs its file');
    key = keys[0]!;
    state.articles[key] = { stem: saved.stem, aliases: [], versions: [{ file: saved.file, textHash: saved.textHash, collectedAt: saved.collectedAt }] };
  } else {
    key = decision.key;
    const record = state.articles[key];
    if (!record) throw new Error(`recordSave: no article under ${key}`);
    if (decision.action === 'version') {
      if (!saved) throw new Error('recordSave: a new version needs its file');
      record.versions.push({ file: saved.file, textHash: saved.textHash, collectedAt: saved.collectedAt });
    }
  }
  const record = state.articles[key]!;
  if (stamp !== undefined) record.stamp = stamp;
  for (const k of keys) if (k !== key && !record.aliases.includes(k)) record.aliases.push(k);
  for (const k of [key, ...record.aliases]) index.byKey.set(k, { kind: 'collected', key, record });
  for (const v of record.versions) index.byHash.set(v.textHash, { key, file: v.file });
}

/** Remembers a stamp for a known article without saving anything (its page had not changed). */
export function recordStamp(state: CollectState, key: string, stamp: string | undefined): void {
  const record = state.articles[key];
  if (record && stamp !== undefined) record.stamp = stamp;
}

/** Sets or clears the validators for a URL. */
export function recordValidators(state: CollectState, url: string, validators: Validators | undefined): void {
  if (validators) state.http[url] = validators;
  else delete state.http[url];
}
