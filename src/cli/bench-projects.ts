/**
 * The bench's projects in temporary folders: a copy of this project over a
 * generated corpus, and the plain Astro site it is compared with.
 */
import { cp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROOT } from './bench-run.ts';


/** `node_modules/` as a folder of links to the repository's packages, so Astro's caches (`node_modules/.astro`, `.vite`) stay here. */
export async function linkNodeModules(dir: string): Promise<void> {
  const target = join(dir, 'node_modules');
  await mkdir(target, { recursive: true });
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    await symlink(join(ROOT, 'node_modules', name), join(target, name));
  }
}

/** A copy of this project that builds the content in `<dir>/content` and serves raw seeds from `seeds`. */
export async function setupProject(dir: string, seeds: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of ['src', 'public']) await cp(join(ROOT, name), join(dir, name), { recursive: true });
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json']) await cp(join(ROOT, name), join(dir, name));
  await linkNodeModules(dir);
  await symlink(seeds, join(dir, 'seeds'));
}

/** The plain Astro site the issue compares against: Markdown with a title, a page each, a home list. */
const BASELINE_FILES: Record<string, string> = {
  'package.json': '{ "name": "plain-astro-baseline", "private": true, "type": "module" }\n',
  'astro.config.mjs': "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' } });\n",
  'src/content.config.ts': [
    "import { defineCollection } from 'astro:content';",
    "import { glob } from 'astro/loaders';",
    "import { z } from 'astro/zod';",
    '',
    "const articles = defineCollection({ loader: glob({ base: './content', pattern: '**/*.md' }), schema: z.object({ title: z.string(), date: z.coerce.date() }) });",
    'export const collections = { articles };',
    '',
  ].join('\n'),
  'src/pages/[slug].astro': [
    '---',
    "import { getCollection, render } from 'astro:content';",
    'export async function getStaticPaths() {',
    "  const entries = await getCollection('articles');",
    '  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));',
    '}',
    'const { entry } = Astro.props;',
    'const { Content } = await render(entry);',
    '---',
    '<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
    '<body><main><h1>{entry.data.title}</h1><p>{entry.data.date.toISOString().slice(0, 10)}</p><Content /></main></body></html>',
    '',
  ].join('\n'),
  'src/pages/index.astro': [
    '---',
    "import { getCollection } from 'astro:content';",
    "const entries = (await getCollection('articles')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime());",
    '---',
    '<html lang="en"><head><meta charset="utf-8" /><title>Articles</title></head>',
    '<body><main><h1>Articles</h1><ul>{entries.map((e) => <li><a href={`/${e.id}/`}>{e.data.title}</a></li>)}</ul></main></body></html>',
    '',
  ].join('\n'),
};

export async function setupBaseline(dir: string): Promise<void> {
  for (const [name, text] of Object.entries(BASELINE_FILES)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  await linkNodeModules(dir);
}

/** Removes what a build leaves behind, so the next build is cold. */
export async function coldStart(dir: string): Promise<void> {
  for (const name of ['dist', '.astro', '.shards', '.cache', 'node_modules/.astro', 'node_modules/.vite']) await rm(join(dir, name), { recursive: true, force: true });
}
