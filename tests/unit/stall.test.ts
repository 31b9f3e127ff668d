import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unlessStalled } from '../../src/integrations/stall.ts';

const stallModule = fileURLToPath(new URL('../../src/integrations/stall.ts', import.meta.url));

describe('unlessStalled', () => {
  it('settles as the work does and leaves no listener behind', async () => {
    const before = process.listenerCount('beforeExit');
    await expect(unlessStalled(Promise.resolve(5), 'never shown')).resolves.toBe(5);
    await expect(unlessStalled(Promise.reject(new Error('its own error')), 'never shown')).rejects.toThrow('its own error');
    expect(process.listenerCount('beforeExit')).toBe(before);
  });

  it('turns work nothing can settle (a child process that died) into an error, not a silent exit 13', () => {
    const script = [
      `import { unlessStalled } from ${JSON.stringify(stallModule)};`,
      // A promise no callback will ever settle, as Pagefind's when its indexer is killed: the event loop empties.
      `try { await unlessStalled(new Promise(() => {}), 'the indexer went away'); } catch (e) { console.error(e.message); process.exitCode = 1; }`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toContain('the indexer went away');
    expect(run.status).toBe(1);
    // Without the guard the same script ends with Node's own exit code for an unsettled top-level await.
    const bare = spawnSync(process.execPath, ['--input-type=module', '-e', 'await new Promise(() => {});'], { encoding: 'utf8', timeout: 20_000 });
    expect(bare.status).toBe(13);
  });
});
