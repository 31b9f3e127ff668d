/**
 * The bench's results per corpus size, the issue's budgets checked against
 * them, and the table it prints.
 */
import { kb, mb, secs } from './bench-run.ts';
import type { BuildPhases } from './bench-run.ts';
import type { DistStats } from './bench-dist.ts';

export interface Timing {
  ms: number;
  runs: number[];
  rss?: number;
  timedOut: boolean;
}

export interface SizeResult {
  size: number;
  dir: string;
  corpus?: Record<string, unknown>;
  query?: string;
  profile?: { stages: Record<string, number>; counts: Record<string, unknown>; complete: boolean; timedOut: boolean; ms: number; rss?: number };
  ingest?: Timing & { articlesPerSecond: number; entries?: number; errors?: number; warnings?: number; source: 'ingest CLI' | 'profile without events' };
  /** `astro build`, or with `shards` the sharded build and its merge (one Pagefind index). */
  build?: Timing & BuildPhases & { pages?: number; pagesPerSecond?: number; shards?: number };
  baseline?: { build?: Timing & BuildPhases & { pages?: number; pagesPerSecond?: number }; pagefind?: Timing & { pages?: number }; dist?: DistStats };
  dist?: DistStats;
  search?: { query: string; bytes: number; requests: number };
  incremental?: Incremental;
  /** `npm run build` run again with nothing changed since the measured build: the ingest finds nothing to do and the build stamp says `dist/` is current. */
  rebuild?: Timing & { skipped: boolean };
  notes: string[];
}

export interface Incremental {
  /** Re-ingest with nothing changed: every seed from the cache, nothing written. */
  unchanged: Timing & { written?: number };
  /** Re-ingest after one seed's text changed. */
  oneSeed: Timing & { written?: number };
}


export interface Budget {
  name: string;
  /** The sizes the issue sets it for. */
  appliesTo: string;
  /** The measured value, shown as text, or undefined when not measured. */
  shown?: string;
  pass?: boolean;
}

export const GB = 1024 ** 3;

export function budgets(r: SizeResult): Budget[] {
  const out: Budget[] = [];
  const ingest = r.ingest;
  const b = r.build;
  const base = r.baseline;
  const baseTotal = base?.build && base.pagefind ? base.build.ms + base.pagefind.ms : undefined;
  // A step that timed out still gives a lower bound, which may already break the budget.
  const lowerBound = (t: Timing | undefined): string => (t?.timedOut ? '≥ ' : '');
  const cold = 'npm run build from cold ≤ 3× plain Astro + Pagefind';
  if (ingest && b && baseTotal) {
    const ratio = (ingest.ms + b.ms) / baseTotal;
    out.push({ name: cold, appliesTo: '1,000 and 10,000', shown: `${lowerBound(b)}${ratio.toFixed(2)}×`, pass: !b.timedOut && ratio <= 3 });
  } else if (!ingest && r.profile?.timedOut && baseTotal) {
    out.push({ name: cold, appliesTo: '1,000 and 10,000', shown: `≥ ${(r.profile.ms / baseTotal).toFixed(1)}×`, pass: false });
  } else out.push({ name: cold, appliesTo: '1,000 and 10,000' });
  const warm = 'npm run build, nothing changed ≤ 1.3× plain';
  if (r.rebuild && baseTotal) {
    const ratio = r.rebuild.ms / baseTotal;
    out.push({ name: warm, appliesTo: '10,000', shown: `${lowerBound(r.rebuild)}${ratio.toFixed(2)}×`, pass: !r.rebuild.timedOut && ratio <= 1.3 });
  } else out.push({ name: warm, appliesTo: '10,000' });
  const one = r.incremental?.oneSeed;
  const oneName = 'ingest after one seed changed ≤ 5 s';
  if (one) out.push({ name: oneName, appliesTo: '10,000', shown: `${lowerBound(one)}${secs(one.ms)}`, pass: !one.timedOut && one.ms <= 5000 });
  else out.push({ name: oneName, appliesTo: '10,000' });
  const peaks = [ingest?.rss, b?.rss, r.rebuild?.rss, r.incremental?.unchanged.rss, r.incremental?.oneSeed.rss].filter((x): x is number => x !== undefined);
  const memName = 'every process’s peak memory ≤ 3.5 GB (10,000), ≤ 4 GB (100,000)';
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    out.push({ name: memName, appliesTo: '10,000 and 100,000', shown: mb(peak), pass: peak <= (r.size >= 100_000 ? 4 : 3.5) * GB });
  } else out.push({ name: memName, appliesTo: '10,000 and 100,000' });
  if (r.search) out.push({ name: 'first search ≤ 300 KB', appliesTo: '10,000', shown: kb(r.search.bytes), pass: r.search.bytes <= 300 * 1024 });
  else out.push({ name: 'first search ≤ 300 KB', appliesTo: '10,000' });
  if (r.dist?.articleGzipMaxBytes !== undefined) {
    out.push({
      name: 'every article page ≤ 14 KB gzipped, no JS files',
      appliesTo: 'all',
      shown: `${kb(r.dist.articleGzipMaxBytes)}, ${r.dist.articlePagesWithScriptFiles} with JS`,
      pass: r.dist.articleGzipMaxBytes <= 14 * 1024 && r.dist.articlePagesWithScriptFiles === 0,
    });
  } else out.push({ name: 'every article page ≤ 14 KB gzipped, no JS files', appliesTo: 'all' });
  return out;
}

export function printTable(results: readonly SizeResult[]): void {
  const t = (x: Timing | undefined): string => (x === undefined ? '—' : `${x.timedOut ? '> ' : ''}${secs(x.ms)}${x.runs.length > 1 ? ` (median of ${x.runs.length})` : ''}`);
  const opt = (x: number | undefined, f: (n: number) => string): string => (x === undefined ? '—' : f(x));
  const stage = (r: SizeResult, name: string): string => {
    const p = r.profile;
    if (!p) return '—';
    const v = p.stages[name];
    if (v !== undefined) return secs(v);
    // The stage that was running when the profile was stopped.
    const done = Object.values(p.stages).reduce((a, b) => a + b, 0);
    const order = ['read', 'pipeline', 'entries', 'entities', 'figures', 'events', 'stories', 'serialise'];
    const running = order.find((s) => p.stages[s] === undefined);
    return p.timedOut && running === name ? `> ${secs(p.ms - done)} (stopped)` : '—';
  };
  const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
  const rows: [string, (r: SizeResult) => string][] = [
    ['corpus: articles / stories / sidecars', (r) => (r.corpus ? `${r.corpus['articles']} / ${r.corpus['stories']} / ${r.corpus['sidecars']}` : '—')],
    ['corpus: raw size', (r) => opt(r.corpus?.['bytes'] as number | undefined, mb)],
    ['ingest: wall time', (r) => `${t(r.ingest)}${r.ingest?.source === 'profile without events' ? ' (profile, no events)' : ''}`],
    ['ingest: articles/s', (r) => opt(r.ingest?.articlesPerSecond, (n) => n.toFixed(1))],
    ['ingest: entries, errors, warnings', (r) => (r.ingest?.entries === undefined ? '—' : `${r.ingest.entries}, ${r.ingest.errors ?? '?'}, ${r.ingest.warnings ?? '?'}`)],
    ['ingest: peak RSS', (r) => opt(r.ingest?.rss, mb)],
    ['re-ingest, nothing changed (files written)', (r) => (r.incremental ? `${t(r.incremental.unchanged)} (${r.incremental.unchanged.written ?? '?'})` : '—')],
    ['re-ingest, one seed changed (files written)', (r) => (r.incremental ? `${t(r.incremental.oneSeed)} (${r.incremental.oneSeed.written ?? '?'})` : '—')],
    ['npm run build, nothing changed (astro build skipped?)', (r) => (r.rebuild ? `${t(r.rebuild)} (${r.rebuild.skipped ? 'skipped' : 'rebuilt'})` : '—')],
    ['  profile: read seeds', (r) => stage(r, 'read')],
    ['  profile: pipeline (per-article stages)', (r) => stage(r, 'pipeline')],
    ['  profile: parse entries', (r) => stage(r, 'entries')],
    ['  profile: knowledge: entities', (r) => stage(r, 'entities')],
    ['  profile: knowledge: figures', (r) => stage(r, 'figures')],
    ['  profile: knowledge: events', (r) => stage(r, 'events')],
    ['  profile: knowledge: stories', (r) => stage(r, 'stories')],
    ['  profile: serialise knowledge.json', (r) => stage(r, 'serialise')],
    [
      '  profile: knowledge layer total',
      (r) => {
        const s = r.profile?.stages;
        if (!s || s['serialise'] === undefined) return r.profile?.timedOut ? `> ${secs(r.profile.ms - (s?.['read'] ?? 0) - (s?.['pipeline'] ?? 0))}` : '—';
        return secs((s['entries'] ?? 0) + (s['entities'] ?? 0) + (s['figures'] ?? 0) + (s['events'] ?? 0) + (s['stories'] ?? 0) + s['serialise']);
      },
    ],
    ['astro build (incl. Pagefind): wall time', (r) => `${t(r.build)}${r.build?.shards ? ` (${r.build.shards} shards + merge)` : ''}`],
    ['  content sync', (r) => opt(r.build?.syncMs, secs)],
    ['  types + bundling', (r) => opt(r.build?.bundleMs, secs)],
    ['  rendering pages', (r) => opt(r.build?.renderMs, secs)],
    ['  Pagefind (build:done hooks)', (r) => opt(r.build?.pagefindMs, secs)],
    ['astro build: pages, pages/s', (r) => (r.build?.pages === undefined ? '—' : `${r.build.pages}, ${r.build.pagesPerSecond!.toFixed(0)}/s`)],
    ['astro build: peak RSS', (r) => opt(r.build?.rss, mb)],
    ['total (ingest + build)', (r) => (r.ingest && r.build ? secs(r.ingest.ms + r.build.ms) : '—')],
    ['baseline: astro build', (r) => t(r.baseline?.build)],
    ['baseline: pages/s, peak RSS', (r) => (r.baseline?.build?.pages === undefined ? '—' : `${r.baseline.build.pagesPerSecond!.toFixed(0)}/s, ${opt(r.baseline.build.rss, mb)}`)],
    ['baseline: Pagefind', (r) => `${t(r.baseline?.pagefind)}${r.baseline?.pagefind?.rss ? `, ${mb(r.baseline.pagefind.rss)}` : ''}`],
    ['baseline: total', (r) => (r.baseline?.build && r.baseline.pagefind ? secs(r.baseline.build.ms + r.baseline.pagefind.ms) : '—')],
    ['ratio: total / baseline total', (r) => ratio(r.ingest && r.build ? r.ingest.ms + r.build.ms : undefined, r.baseline?.build && r.baseline.pagefind ? r.baseline.build.ms + r.baseline.pagefind.ms : undefined)],
    ['ratio: astro build / baseline build + Pagefind', (r) => ratio(r.build?.ms, r.baseline?.build && r.baseline.pagefind ? r.baseline.build.ms + r.baseline.pagefind.ms : undefined)],
    ['ratio: ingest / baseline astro build', (r) => ratio(r.ingest?.ms, r.baseline?.build?.ms)],
    ['dist/ size (baseline)', (r) => `${opt(r.dist?.distBytes, mb)} (${opt(r.baseline?.dist?.distBytes, mb)})`],
    ['search index (baseline)', (r) => `${opt(r.dist?.indexBytes, mb)} (${opt(r.baseline?.dist?.indexBytes, mb)})`],
    ['home page, HTML+CSS gzipped', (r) => opt(r.dist?.homeGzipBytes, kb)],
    ['article page gzipped: median / largest', (r) => (r.dist?.articleGzipMedianBytes === undefined ? '—' : `${kb(r.dist.articleGzipMedianBytes)} / ${kb(r.dist.articleGzipMaxBytes!)}`)],
    ['largest page of any kind, HTML gzipped', (r) => (r.dist?.largestPage ? `${kb(r.dist.largestPage.gzipBytes)} ${r.dist.largestPage.path}` : '—')],
    ['first search: bytes (requests)', (r) => (r.search ? `${kb(r.search.bytes)} (${r.search.requests}) "${r.search.query}"` : '—')],
  ];
  const table: string[][] = [['', ...results.map((r) => r.size.toLocaleString('en-US'))], ...rows.map(([label, f]) => [label, ...results.map(f)])];
  const allBudgets = results.map(budgets);
  const names = allBudgets[0]?.map((b) => b.name) ?? [];
  table.push(['budgets (issues 9 and 19)', ...results.map(() => '')]);
  names.forEach((name, i) => {
    const applies = allBudgets[0]![i]!.appliesTo;
    table.push([`  ${name} [${applies}]`, ...allBudgets.map((bs) => (bs[i]?.shown === undefined ? '—' : `${bs[i]!.pass ? '✓' : '✗'} ${bs[i]!.shown}`))]);
  });
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  for (const r of results) for (const note of r.notes) console.log(`note [${r.size}]: ${note}`);
}
