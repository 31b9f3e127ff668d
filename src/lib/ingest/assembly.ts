/**
 * The corpus-wide decisions about seeds, taken one seed at a time in seed
 * path order, so that a caller can write each entry as its seed finishes and
 * let the seed's result go (`assembleCorpus` takes the same decisions over
 * all results at once):
 *
 * - copies: a seed with the same bytes and sidecar as an earlier one gives no
 *   entry (SL405); one with the same clean text keeps its entry, with a
 *   warning (SL406);
 * - slugs: the first seed whose headline gives a slug gets it, at once; a
 *   later seed with the same slug waits for `finalSlugs`, since which suffix
 *   it gets depends on every seed's slug (`assignSlugs`);
 * - the ingest report's row for the seed, which is all the report keeps of it.
 */
import { createHash } from 'node:crypto';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { IngestReport } from '../schema.ts';
import type { SeedResult } from './pipeline.ts';
import { assignSlugs, slugify } from './slug.ts';

/** One seed's row of the ingest report. */
export type ReportRow = IngestReport['seeds'][number];

/** Flags copies among results met in seed path order. */
export class DuplicateCheck {
  private readonly byBytes = new Map<string, { file: string; path: string }>();
  private readonly byText = new Map<string, string>();

  /**
   * Adds SL405 or SL406 to `r.messages` when it copies an earlier result; for
   * SL405 it also drops the entry (`article`, `body`, `bodyBlocks`, `content`, `knowledge`)
   * and sets `duplicateOf`. Mutates `r`.
   */
  check(r: SeedResult): void {
    if (!r.article || r.body === undefined) return;
    const sidecar = r.input.sidecar ? ('text' in r.input.sidecar ? r.input.sidecar.text : sha256(r.input.sidecar.bytes)) : '';
    const bytesKey = sha256(`${r.article.source.sha256}\n${sidecar}`);
    const first = this.byBytes.get(bytesKey);
    if (first !== undefined) {
      r.messages.push({
        file: r.input.file,
        severity: 'warning',
        code: 'SL405',
        message: `the same file as ${first.file} (identical bytes and sidecar): no second entry is written; delete one of the two`,
      });
      delete r.article;
      delete r.body;
      delete r.bodyBlocks;
      delete r.content;
      delete r.knowledge;
      r.duplicateOf = first.path;
      return;
    }
    this.byBytes.set(bytesKey, { file: r.input.file, path: r.input.path });
    const textKey = sha256(r.body);
    const same = this.byText.get(textKey);
    if (same !== undefined) {
      r.messages.push({
        file: r.input.file,
        severity: 'warning',
        code: 'SL406',
        message: `the same article text as ${same}: both entries are kept (two outlets may run one wire story); delete one seed if it is the same page saved twice`,
      });
    } else this.byText.set(textKey, r.input.file);
  }
}

/** What `CorpusStream.add` decided about one seed. */
export interface StreamedSeed {
  /** The seed's result with the copy checks' messages (and without its entry when it is a copy). */
  result: SeedResult;
  /** The entry's slug when it is final now; absent for a seed without an entry or one that waits for `finalSlugs`. */
  slug?: string;
  /** Whether the seed gives an entry whose slug waits for `finalSlugs`. */
  pending: boolean;
}

/** Takes seed results in seed path order (as `assembleCorpus` sorts them) and decides what it can about each at once. */
export class CorpusStream {
  private readonly duplicates = new DuplicateCheck();
  /** Every entry's slug base and seed path, in seed path order. */
  private readonly bases: { base: string; path: string }[] = [];
  private readonly seen = new Set<string>();
  private last: string | undefined;

  /** The next result; its `messages` are copied, the rest of it is the caller's. */
  add(seed: SeedResult): StreamedSeed {
    if (this.last !== undefined && !(this.last < seed.input.path)) throw new Error(`internal: seeds out of order (${seed.input.path} after ${this.last})`);
    this.last = seed.input.path;
    const result = { ...seed, messages: [...seed.messages] };
    this.duplicates.check(result);
    if (!result.article || result.content === undefined) return { result, pending: false };
    const base = slugify(result.article.headline);
    this.bases.push({ base, path: result.input.path });
    // The first seed (by path) with a base gets it whatever comes later: no earlier slug can be it (`assignSlugs`).
    if (!this.seen.has(base)) {
      this.seen.add(base);
      return { result, slug: base, pending: false };
    }
    return { result, pending: true };
  }

  /** Every entry's slug by seed path, once every seed has been added: what `assignSlugs` gives over all of them. */
  finalSlugs(): Map<string, string> {
    const slugs = assignSlugs(this.bases, (b) => b.base, (b) => b.path);
    return new Map([...slugs].map(([b, slug]) => [b.path, slug]));
  }
}

/** A seed's row of the report: its status, entry file (relative to the output folder), headline, removals and sorted messages. */
export function reportRow(r: SeedResult, entry: string | undefined): ReportRow {
  // A copy of another seed (SL405) is skipped, like a file type the ingest does not read.
  const status: ReportRow['status'] = entry ? 'ok' : r.messages.some((m) => m.severity === 'error') ? 'failed' : 'skipped';
  return {
    path: r.input.path,
    status,
    ...(entry ? { entry } : {}),
    ...(r.article ? { headline: r.article.headline } : {}),
    removed: r.article?.removed ?? [],
    messages: sortDiagnostics(r.messages),
  };
}

/** The ingest report from every seed's row (in seed path order) and `extra` messages about the corpus. */
export function assembleReport(rows: readonly ReportRow[], extra: readonly Diagnostic[], pipelineVersion: number): IngestReport {
  let errors = 0;
  let warnings = 0;
  const count = (m: { severity: Diagnostic['severity'] }): void => {
    if (m.severity === 'error') errors++;
    else if (m.severity === 'warning') warnings++;
  };
  for (const row of rows) row.messages.forEach(count);
  extra.forEach(count);
  const removals: Record<string, number> = {};
  for (const row of rows) for (const r of row.removed) removals[r.rule] = (removals[r.rule] ?? 0) + 1;
  return {
    pipelineVersion,
    totals: {
      seeds: rows.length,
      entries: rows.filter((s) => s.status === 'ok').length,
      failed: rows.filter((s) => s.status === 'failed').length,
      skipped: rows.filter((s) => s.status === 'skipped').length,
      errors,
      warnings,
      removals: Object.fromEntries(Object.entries(removals).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    seeds: [...rows],
    messages: sortDiagnostics(extra),
  };
}

function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}
