import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsDigest, isCurrent, outputDigest, writeStamp } from '../../src/cli/build-stamp.ts';

let root: string;
const put = (path: string, text: string): void => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'storyline-stamp-'));
  put('content/articles/a.md', '---\ntitle: A\n---\nBody.\n');
  put('content/knowledge.json', '{}\n');
  put('src/pages/index.astro', '<h1>Home</h1>\n');
  put('public/favicon.svg', '<svg/>\n');
  put('astro.config.mjs', 'export default {};\n');
  put('dist/index.html', '<h1>Home</h1>\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build stamp', () => {
  it('is current after a stamp, with nothing changed', () => {
    const inputs = inputsDigest(root, {});
    writeStamp(root, inputs);
    expect(isCurrent(root, inputsDigest(root, {}))).toBe(true);
  });

  it('is stale when an entry changes, appears or goes', () => {
    writeStamp(root, inputsDigest(root, {}));
    put('content/articles/a.md', '---\ntitle: A\n---\nBody, corrected.\n');
    expect(isCurrent(root, inputsDigest(root, {}))).toBe(false);
    writeStamp(root, inputsDigest(root, {}));
    put('content/articles/b.md', '---\ntitle: B\n---\nNew.\n');
    expect(isCurrent(root, inputsDigest(root, {}))).toBe(false);
    writeStamp(root, inputsDigest(root, {}));
    rmSync(join(root, 'content/articles/b.md'));
    expect(isCurrent(root, inputsDigest(root, {}))).toBe(false);
  });

  it('is stale when the code, a public file or the base path changes', () => {
    const before = inputsDigest(root, {});
    put('src/pages/index.astro', '<h1>Home page</h1>\n');
    expect(inputsDigest(root, {})).not.toBe(before);
    const code = inputsDigest(root, {});
    put('public/.well-known/security.txt', 'Contact: x\n');
    expect(inputsDigest(root, {})).not.toBe(code);
    const withPublic = inputsDigest(root, {});
    expect(inputsDigest(root, { BASE_PATH: '/news/' })).not.toBe(withPublic);
  });

  it('is stale when dist/ was changed, touched or removed after the build', () => {
    const inputs = inputsDigest(root, {});
    writeStamp(root, inputs);
    const when = new Date('2026-01-02T03:04:05Z');
    utimesSync(join(root, 'dist/index.html'), when, when);
    expect(isCurrent(root, inputs)).toBe(false);
    writeStamp(root, inputs);
    rmSync(join(root, 'dist'), { recursive: true });
    expect(outputDigest(join(root, 'dist'))).toBeUndefined();
    expect(isCurrent(root, inputs)).toBe(false);
  });

  it('has no stamp before a first build', () => {
    expect(isCurrent(root, inputsDigest(root, {}))).toBe(false);
  });
});
