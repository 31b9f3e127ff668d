import { describe, expect, it } from 'vitest';
import { codeDigest, moduleClosure, runtimeImports } from '../../src/cli/cache.ts';

describe('runtimeImports', () => {
  it('finds the relative modules a file loads at run time, across lines, and leaves out type-only imports and packages', () => {
    const source = [
      "import { a } from './a.ts';",
      'import {',
      '  b,',
      '  type B,',
      "} from '../lib/b.ts';",
      "import type { C } from './c.ts';",
      "export type { D } from './d.ts';",
      "export { e } from './e.ts';",
      "export * from './f.ts';",
      "import './g.ts';",
      "const h = await import('./h.ts');",
      "import { z } from 'zod';",
      "import { readFileSync } from 'node:fs';",
      "const s = 'from ./x.ts'; import { i } from \"./i.ts\";",
    ].join('\n');
    expect(runtimeImports(source).sort()).toEqual(['../lib/b.ts', './a.ts', './e.ts', './f.ts', './g.ts', './h.ts', './i.ts']);
  });
});

describe('moduleClosure', () => {
  const files: Record<string, string> = {
    '/p/src/cli/run.ts': "import { x } from '../lib/x.ts';\nimport type { T } from '../lib/t.ts';",
    '/p/src/lib/x.ts': "export { y } from './y.ts';\nimport { x2 } from './x.ts';",
    '/p/src/lib/y.ts': "import { x } from './x.ts';",
    '/p/src/lib/t.ts': "import { big } from './big.ts';",
    '/p/src/lib/big.ts': '',
  };
  const read = (path: string): string => {
    const text = files[path];
    if (text === undefined) throw new Error(`no ${path}`);
    return text;
  };

  it('follows relative imports transitively, once each (cycles included), and not through type-only ones', () => {
    expect(moduleClosure('/p/src/cli/run.ts', read)).toEqual(['/p/src/cli/run.ts', '/p/src/lib/x.ts', '/p/src/lib/y.ts']);
  });

  it('fails loudly on an import it cannot read, rather than leaving a file out of the digest', () => {
    expect(() => moduleClosure('/p/src/cli/run.ts', (path) => (path.endsWith('y.ts') ? read('/p/src/lib/missing.ts') : read(path)))).toThrow(/missing/);
  });
});

describe('codeDigest of the seed runner', () => {
  const runner = new URL('../../src/cli/seed-pool.ts', import.meta.url).pathname;
  const closure = moduleClosure(runner).map((p) => p.slice(p.indexOf('/src/') + 1));

  it('covers the per-seed pipeline and the per-article knowledge, and not the corpus-wide stages', () => {
    for (const file of ['src/cli/seed-pool.ts', 'src/lib/ingest/pipeline.ts', 'src/lib/knowledge/article-knowledge.ts', 'src/lib/knowledge/entities.ts', 'src/lib/knowledge/figures.ts']) expect(closure).toContain(file);
    for (const file of ['src/lib/knowledge/knowledge.ts', 'src/lib/knowledge/events.ts', 'src/lib/knowledge/stories.ts', 'src/lib/knowledge/entity-resolution.ts']) expect(closure).not.toContain(file);
  });

  it('differs from the digest of the whole library', () => {
    expect(codeDigest(runner)).toMatch(/^[0-9a-f]{64}$/);
    expect(codeDigest(runner)).not.toBe(codeDigest());
  });
});
