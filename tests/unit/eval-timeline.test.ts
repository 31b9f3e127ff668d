/**
 * `npm run eval:timeline` end to end, in-process, on a subsample of one
 * t17-dev topic: the first 40 seeds of haiti (with their sidecars and the
 * topic's truth.json) copied to a temporary folder, never into the project.
 * Skipped where the shared dataset is not beside the project.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEvalTimeline } from '../../src/cli/eval-timeline.ts';
import type { TimelineReport } from '../../src/lib/eval/timeline-report.ts';

const DATASET = join(import.meta.dirname, '../../../shared/datasets/t17-dev');
const TOPIC = 'haiti';
const SEEDS = 40;

/** Runs the command; resolves to its exit code and what it printed. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvalTimeline(argv, { cwd: process.cwd(), today: '2026-01-01', out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('eval:timeline', () => {
  it('exits 2 on a bad command line or a missing dataset', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--dataset', join(tmpdir(), 'no-such-dataset-here')])).code).toBe(2);
    expect((await run(['--dataset', '.', '--bogus'])).code).toBe(2);
  });

  const root = mkdtempSync(join(tmpdir(), 'storyline-eval-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.skipIf(!existsSync(join(DATASET, TOPIC, 'truth.json')))(
    `scores ${SEEDS} seeds of t17-dev/${TOPIC}: numbers within [0, 1], one JSON object, and the table`,
    async () => {
      const from = join(DATASET, TOPIC, 'seeds');
      const to = join(root, TOPIC, 'seeds');
      mkdirSync(to, { recursive: true });
      for (const seed of readdirSync(from).filter((f) => f.endsWith('.txt')).sort().slice(0, SEEDS)) {
        copyFileSync(join(from, seed), join(to, seed));
        const sidecar = seed.replace(/\.txt$/, '.meta.yaml');
        if (existsSync(join(from, sidecar))) copyFileSync(join(from, sidecar), join(to, sidecar));
      }
      copyFileSync(join(DATASET, TOPIC, 'truth.json'), join(root, TOPIC, 'truth.json'));

      const json = await run(['--dataset', root, '--topic', TOPIC, '--json']);
      expect(json.code, json.err).toBe(0);
      const report = JSON.parse(json.out) as TimelineReport;
      expect(report.topics.map((t) => t.topic)).toEqual([TOPIC]);
      const [topic] = report.topics;
      expect(topic?.articles).toBe(SEEDS);
      expect(topic?.timelines.length).toBeGreaterThan(0);
      const unit: number[] = [topic!.figures.largestTopicShare, topic!.incoherence.share];
      for (const t of topic!.timelines) {
        expect(t.system.dates).toBeLessThanOrEqual(t.k);
        for (const s of [t.system.dateF1, t.system.rouge1, t.baseline.dateF1, t.baseline.rouge1]) unit.push(s.precision, s.recall, s.f1);
      }
      for (const s of [report.mean.system.dateF1, report.mean.system.rouge1, report.mean.baseline.dateF1, report.mean.baseline.rouge1]) unit.push(s.precision, s.recall, s.f1);
      for (const n of unit) {
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(1);
      }
      // The 40 seeds are the first three days: the baseline finds all three of them among the reference dates.
      expect(topic!.timelines[0]!.baseline.dateF1.precision).toBe(1);

      const table = await run(['--dataset', root, '--cache']);
      expect(table.code, table.err).toBe(0);
      expect(table.out).toContain('Date-F1');
      expect(table.out).toMatch(new RegExp(`^${TOPIC}\\s+\\S+\\s+\\d+\\s+\\d{4}-\\d{2}-\\d{2}…`, 'm'));
      expect(table.out).toMatch(/^mean\s/m);
    },
    120_000,
  );
});
