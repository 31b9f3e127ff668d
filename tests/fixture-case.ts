/**
 * Golden cases in mozilla/readability's style: each folder of
 * `tests/fixtures/` holds one raw input (`source.<ext>`, optionally with its
 * sidecar `source.meta.yaml`) and what the ingest makes of it: the content
 * file (`expected.md`, absent when the input gives no entry) and the messages
 * (`expected-messages.txt`). `npm run fixtures:update` rewrites the expected
 * files; review the diff by eye before committing it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../src/lib/diagnostics.ts';
import { ingestCorpus, type SeedInput } from '../src/lib/ingest/pipeline.ts';
import { SIDECAR_SUFFIX, sidecarNameFor } from '../src/lib/ingest/sidecar.ts';

export const FIXTURES_DIR = new URL('./fixtures/', import.meta.url).pathname;

/** The day the golden cases are run on (the pipeline's `today`): fixed, so their output never depends on the clock. */
export const FIXTURE_TODAY = '2025-12-31';

export function fixtureCases(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export interface FixtureOutput {
  /** The content file, or undefined when the input gives no entry. */
  markdown: string | undefined;
  /** One formatted message per line, ending in a newline (empty when none). */
  messages: string;
}

/** Runs the ingest on one case folder. */
export function runFixture(name: string): FixtureOutput {
  const dir = join(FIXTURES_DIR, name);
  const source = readdirSync(dir).find((f) => f.startsWith('source.') && !f.endsWith(SIDECAR_SUFFIX));
  if (!source) throw new Error(`${dir}: no source.* input`);
  const input: SeedInput = { path: source, file: source, bytes: readFileSync(join(dir, source)) };
  const sidecar = sidecarNameFor(source);
  if (existsSync(join(dir, sidecar))) input.sidecar = { path: sidecar, file: sidecar, text: readFileSync(join(dir, sidecar), 'utf8') };
  const result = ingestCorpus([input], { today: FIXTURE_TODAY });
  const lines = sortDiagnostics(result.messages).map(formatDiagnostic);
  return { markdown: result.files[0]?.content, messages: lines.map((l) => `${l}\n`).join('') };
}

export function readExpected(name: string): FixtureOutput {
  const dir = join(FIXTURES_DIR, name);
  const md = join(dir, 'expected.md');
  const messages = join(dir, 'expected-messages.txt');
  return {
    markdown: existsSync(md) ? readFileSync(md, 'utf8') : undefined,
    messages: existsSync(messages) ? readFileSync(messages, 'utf8') : '',
  };
}
