/**
 * A collector that runs every day will save a page the ingest cannot read;
 * that must not take the site down. A copy of the project is built from the
 * five shipped seeds plus an empty file, a PNG saved as `.txt`, and a good
 * article that the knowledge layer is made to throw on (the failure is
 * injected here, through `runIngest`'s stages: once in a per-article step and
 * once in a corpus-wide one). The ingest exits 0 and names each failure with
 * its file and line; the report lists them; the built site has every good
 * article, the topic and its timeline.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/cli/ingest.ts';
import { extractMentions } from '../../src/lib/knowledge/entities.ts';
import { findEvents } from '../../src/lib/knowledge/events.ts';
import { ingestReportSchema } from '../../src/lib/schema.ts';
import { removeTemp, tempDir } from '../robustness-corpus.ts';

const PROJECT = new URL('../..', import.meta.url).pathname;
/** The article the knowledge layer is made to fail on: a good seed in every other way. */
const FAULT_SEED = [
  'Seoul Reports New North Korean Casualties Near Kursk',
  '',
  'South Korea’s spy agency said on Thursday that about 300 more North Korean soldiers had been killed in the Kursk region of Russia this month.',
  '',
  'The National Intelligence Service told lawmakers in Seoul that the troops had been sent to the front line in small assault units.',
  '',
].join('\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

let root: string;
let project: string;
let code: number;
let lines: string[];
let faultId: string;

const dist = (path: string): string => readFileSync(join(project, 'dist', path), 'utf8');
const textOf = (html: string): string => toText(fromHtml(html)).replace(/\s+/g, ' ');

beforeAll(async () => {
  root = tempDir('bad-seeds-site');
  project = join(root, 'project');
  mkdirSync(join(project, 'content'), { recursive: true });
  for (const name of ['src', 'public', 'seeds', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(PROJECT, name), join(project, name), { recursive: true });
  cpSync(join(PROJECT, 'content', 'entities.yaml'), join(project, 'content', 'entities.yaml'));
  symlinkSync(join(PROJECT, 'node_modules'), join(project, 'node_modules'));
  writeFileSync(join(project, 'seeds', 'empty.txt'), '');
  writeFileSync(join(project, 'seeds', 'photo.txt'), PNG);
  writeFileSync(join(project, 'seeds', 'kursk-casualties.txt'), FAULT_SEED);
  writeFileSync(join(project, 'seeds', 'kursk-casualties.meta.yaml'), 'publisher: The Test Wire\npublished: 2025-02-20\n');

  lines = [];
  const push = (text: string): void => void lines.push(...text.split('\n'));
  const isFault = (a: { data: { source: { path: string } } }): boolean => a.data.source.path === 'kursk-casualties.txt';
  code = await runIngest(['--no-cache', '--today', '2025-12-31'], {
    cwd: project,
    today: '2025-12-31',
    out: push,
    err: push,
    knowledgeStages: {
      extractMentions: (article, options) => {
        if (isFault(article)) throw new TypeError('injected: names cannot be read');
        return extractMentions(article, options);
      },
      findEvents: (articles, options) => {
        if (articles.some(isFault)) throw new RangeError('injected: events cannot be merged');
        return findEvents(articles, options);
      },
    },
  });
  faultId = readdirSync(join(project, 'content', 'articles'))
    .find((n) => n.startsWith('seoul-reports'))!
    .replace(/\.md$/, '');
  // The build runs as `npm run build` would, without Vitest's copies of `import.meta.env` (see hostile.test.ts).
  const vitestOwn = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !vitestOwn.has(k))), ASTRO_TELEMETRY_DISABLED: '1' };
  execFileSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: project, stdio: 'pipe', env });
}, 180_000);
afterAll(() => {
  if (root) removeTemp(root);
});

describe('a site built from good seeds beside bad ones', () => {
  it('ingests with exit 0, naming each failure with its file and line, and counting them', () => {
    expect(code).toBe(0);
    expect(lines).toContain('2 of 8 seeds failed; see content/ingest-report.json; the rest were written (--strict or STORYLINE_STRICT=1 makes this a failure)');
    expect(lines).toContain('seeds/empty.txt: error SL107 the file is empty');
    expect(lines).toContain('seeds/photo.txt: error SL102 the file is a PNG image, not text');
    const knowledge = lines.filter((l) => / SL905 /.test(l));
    expect(knowledge).toEqual([
      expect.stringMatching(/^seeds\/kursk-casualties\.txt: warning SL905 entities: internal: entities could not be read from this article \(TypeError: injected: names cannot be read\)/),
      expect.stringMatching(/^seeds\/kursk-casualties\.txt: warning SL905 events: internal: the events stage failed on this article \(RangeError: injected: events cannot be merged\)/),
    ]);
    expect(lines).toContain('the knowledge layer left out 2 articles or records it could not make valid and wrote the rest; see content/ingest-report.json');
    expect(lines.at(-1)).toMatch(/^ingest: 8 seeds read, 6 entries, .* 2 failed/);
  });
  it('lists the failures in the report', () => {
    const report = ingestReportSchema.parse(JSON.parse(readFileSync(join(project, 'content', 'ingest-report.json'), 'utf8')));
    const status = Object.fromEntries(report.seeds.map((s) => [s.path, s.status]));
    expect(status).toMatchObject({ 'empty.txt': 'failed', 'photo.txt': 'failed', 'kursk-casualties.txt': 'ok' });
    expect(report.totals).toMatchObject({ seeds: 8, entries: 6, failed: 2 });
    expect(report.messages.filter((m) => m.code === 'SL905').map((m) => m.file)).toEqual(['seeds/kursk-casualties.txt', 'seeds/kursk-casualties.txt']);
  });
  it('publishes every good article, the faulty one included', () => {
    const articles = readdirSync(join(project, 'dist', 'articles')).filter((n) => !n.includes('.'));
    expect(articles).toHaveLength(6);
    expect(articles).toContain(faultId);
    expect(textOf(dist(`articles/${faultId}/index.html`))).toContain('about 300 more North Korean soldiers had been killed');
  });
  it('publishes the topic and its timeline from the other articles', () => {
    const knowledge = JSON.parse(readFileSync(join(project, 'content', 'knowledge.json'), 'utf8')) as { stories: { topics: { id: string; articles: string[] }[] }; events: { citations: { article: string }[] }[] };
    const topic = knowledge.stories.topics.find((t) => t.articles.length >= 5)!;
    expect(topic).toBeDefined();
    expect(knowledge.events.length).toBeGreaterThan(5);
    expect(knowledge.events.every((e) => e.citations.every((c) => c.article !== faultId))).toBe(true);
    const page = textOf(dist(`topics/${topic.id}/index.html`));
    expect(page).toContain('June 2024');
    expect(page).toMatch(/mutual support pact/);
    expect(page).toMatch(/October 2024/);
    const timeline = JSON.parse(dist(`topics/${topic.id}/timeline.json`)) as { events: unknown[] };
    expect(timeline.events.length).toBeGreaterThan(5);
  });
});
