/**
 * The about page from `content/about.md` (`src/lib/site/about.ts`): rendered
 * with Astro's Markdown pipeline, its title and description found, and made
 * safe for a page with no scripts and a strict Content-Security-Policy.
 */
import { describe, expect, it } from 'vitest';
import { renderAbout, safeAddress } from '../../src/lib/site/about.ts';

describe('the about page from content/about.md', () => {
  it('takes its title from the leading heading and its description from the first paragraph', async () => {
    const page = await renderAbout('# About Korea Watch\n\nWe read the "Korean" press -- daily.\n\n## Who we are\n\nTwo editors.\n', '/');
    expect(page.title).toBe('About Korea Watch');
    expect(page.description).toBe('We read the “Korean” press — daily.');
    expect(page.html).not.toContain('<h1');
    expect(page.html).toContain('<h2 id="who-we-are">Who we are</h2>');
  });

  it('lets front matter set the title and description, and has neither without them', async () => {
    const page = await renderAbout('---\ntitle: Who runs this\ndescription: The team.\n---\n# Heading\n\nText.\n', '/');
    expect(page).toMatchObject({ title: 'Who runs this', description: 'The team.' });
    // The leading heading is still the page's heading, not a second h1 in the body.
    expect(page.html).toBe('<p>Text.</p>');
    const bare = await renderAbout('- a list only\n', '/');
    expect(bare).toMatchObject({ title: undefined, description: undefined });
  });

  it('keeps formatting, and drops scripts, styles, frames, forms and event handlers', async () => {
    const page = await renderAbout(
      [
        'Plain *em* **strong** `code` <b onclick="steal()">bold</b> <span style="color:red">red</span>',
        '',
        '<script>alert(1)</script>',
        '<style>body{display:none}</style>',
        '<iframe src="https://example.com/"></iframe>',
        '<form action="https://example.com/"><input name="q"><button>Go</button></form>',
        '<custom-box>kept <em>text</em></custom-box>',
        '',
        '| a | b |',
        '|:-|-:|',
        '| 1 | 2 |',
        '',
        '- [x] done',
      ].join('\n'),
      '/',
    );
    expect(page.html).toContain('<em>em</em> <strong>strong</strong> <code>code</code> <b>bold</b> <span>red</span>');
    expect(page.html).not.toMatch(/<script|<style|<iframe|<form|<button|name="q"|onclick|style=|alert\(1\)|display:none|custom-box/);
    expect(page.html).toContain('kept <em>text</em>');
    expect(page.html).not.toContain('<p></p>');
    // Table alignment as classes (the `align` attribute is obsolete and inline styles are blocked).
    expect(page.html).toContain('<th class="align-left">a</th>');
    expect(page.html).toContain('<td class="align-right">2</td>');
    expect(page.html).toContain('<input type="checkbox" checked disabled>');
  });

  it('keeps web, mail and in-site links, under the base path; marks outbound ones; drops script addresses and outside images', async () => {
    const page = await renderAbout(
      '[site](https://example.org/a) [mail](mailto:desk@example.org) [topics](/topics/) [here](#team) [js](javascript:alert(1)) [data](data:text/html,x)\n\n![Logo](/logo.png) ![Their chart](https://example.org/chart.png)\n',
      '/news/',
    );
    expect(page.html).toContain('<a href="https://example.org/a" rel="noopener noreferrer external">site</a>');
    expect(page.html).toContain('<a href="mailto:desk@example.org">mail</a>');
    expect(page.html).toContain('<a href="/news/topics/">topics</a>');
    expect(page.html).toContain('<a href="#team">here</a>');
    expect(page.html).toContain('<a>js</a>');
    expect(page.html).toContain('<a>data</a>');
    expect(page.html).toContain('<img src="/news/logo.png" alt="Logo">');
    expect(page.html).toContain('Their chart');
    expect(page.html).not.toContain('example.org/chart.png');
    expect(safeAddress(' java\tscript:alert(1)', '/')).toBeUndefined();
    expect(safeAddress('//example.org/x', '/news/')).toBe('//example.org/x');
  });

  it('renames ids the page layout uses, so a heading cannot take the skip link’s target', async () => {
    const page = await renderAbout('## Main\n\n<p id="site-search">x</p>\n\n## Sources\n', '/');
    expect(page.html).toContain('<h2 id="about-main">Main</h2>');
    expect(page.html).toContain('<p id="about-site-search">x</p>');
    expect(page.html).toContain('<h2 id="sources">Sources</h2>');
  });

  it('makes any later top-level heading a second-level one', async () => {
    const page = await renderAbout('# Title\n\nText.\n\n# Another\n', '/');
    expect(page.title).toBe('Title');
    expect(page.html).toContain('<h2 id="another">Another</h2>');
  });

  it('says which line of the front matter is wrong', async () => {
    await expect(renderAbout('---\ntitle: T\nauthor: me\n---\nText.\n', '/')).rejects.toThrow('content/about.md:3: unknown field "author" (the front matter takes title and description)');
    await expect(renderAbout('---\ntitle: T\ndescription: [\n---\nText.\n', '/')).rejects.toThrow(/^content\/about\.md:\d+: the front matter is not valid YAML/);
    await expect(renderAbout('---\ntitle: 3\n---\nText.\n', '/')).rejects.toThrow(/^content\/about\.md:2: title: /);
  });
});
