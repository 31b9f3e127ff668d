/**
 * `npm run fixtures:update [-- case ...]`: rewrites the expected output of
 * every golden case (or the named ones) from the current pipeline.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, fixtureCases, runFixture } from './fixture-case.ts';

const wanted = process.argv.slice(2);
const cases = wanted.length > 0 ? wanted : fixtureCases();
for (const name of cases) {
  const dir = join(FIXTURES_DIR, name);
  const out = runFixture(name);
  if (out.markdown === undefined) rmSync(join(dir, 'expected.md'), { force: true });
  else writeFileSync(join(dir, 'expected.md'), out.markdown);
  if (out.messages === '') rmSync(join(dir, 'expected-messages.txt'), { force: true });
  else writeFileSync(join(dir, 'expected-messages.txt'), out.messages);
  console.log(`${name}: ${out.markdown === undefined ? 'no entry' : 'entry'}, ${out.messages.split('\n').filter(Boolean).length} messages`);
}
