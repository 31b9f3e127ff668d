/**
 * A site's own about page: in a temporary copy of the project with a
 * `content/about.md`, the build renders it at `/about/` (its heading, its
 * text, its links under the base path, nothing that runs), every page's
 * footer links to it, and axe-core finds nothing on it. The page without
 * the file is checked on the main build (`site.test.ts`).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltSite } from '../../src/cli/browser.ts';
import { buildProject, copyProject } from '../project-copy.ts';

const ABOUT = `# Who runs Korea Watch

Korea Watch is run by two editors in Seoul. We save reports from *Yonhap*, [NK News](https://www.nknews.org/) and others, and publish them cleaned.

## How we choose articles

We follow the [topics](/topics/) our readers ask about.<script>document.title = 'hacked'</script>

## Main

<button onclick="alert(1)">Subscribe</button>
`;

describe('a site with content/about.md', () => {
  let dir: string;
  const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
  const read = (path: string): string => readFileSync(join(dir, 'dist', path), 'utf8');
  beforeAll(() => {
    dir = copyProject('about');
    writeFileSync(join(dir, 'content/about.md'), ABOUT);
    buildProject(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders it at /about/ with its own heading, text and links, and nothing that runs', () => {
    const html = read('about/index.html');
    expect(html).toMatch(/<h1>Who runs Korea Watch<\/h1>/);
    expect(html).toMatch(/<title>Who runs Korea Watch · [^<]+<\/title>/);
    expect(html).toContain('<meta name="description" content="Korea Watch is run by two editors in Seoul.');
    expect(html).toContain('<em>Yonhap</em>');
    expect(html).toContain('<a href="https://www.nknews.org/" rel="noopener noreferrer external">NK News</a>');
    expect(html).toContain(`<a href="${base}topics/">topics</a>`);
    expect(html).toContain('<h2 id="how-we-choose-articles">How we choose articles</h2>');
    // The layout's own ids stay unique, and the page's only scripts are the layout's.
    expect(html).toContain('<h2 id="about-main">Main</h2>');
    const body = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(body).toContain('Korea Watch is run by two editors');
    expect(body).not.toMatch(/hacked|onclick|<button|<script/);
    // The default account is not there.
    expect(html).not.toContain('How dates are found');
  });

  it('is linked from every page’s footer', () => {
    for (const page of ['index.html', 'search/index.html', 'entities/index.html']) expect(read(page)).toMatch(new RegExp(`<footer[\\s\\S]*<a href="${base}about/">About this site</a>`));
  });

  it('has no accessibility violations', async () => {
    const site = await serveBuiltSite(dir);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(new URL('about/', site.url).href);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => v.id)).toEqual([]);
    } finally {
      await browser.close();
      await site.stop();
    }
  });
});
