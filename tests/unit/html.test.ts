import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/lib/ingest/html.ts';
import { foldKey } from '../../src/lib/ingest/normalize.ts';

import { ARTICLE, page, PARAGRAPHS } from '../html-page.ts';

const texts = (html: string): string[] => extractHtml(html, 'page.html').blocks.map((b) => b.text);

describe('extractHtml: blocks', () => {
  it('puts the headline first, then one block per paragraph-level element, headings and captions apart', () => {
    const html = page(`<article>
<h1>Harbour reopens after storm</h1>
${PARAGRAPHS}
<h2>What comes next</h2>
<p>Repairs   to the sea wall&nbsp;will take months,
   the authority said in a statement.</p>
<figure><img src="a.jpg" alt="Ships"><figcaption>Ships wait outside the harbour entrance on Monday</figcaption></figure>
<ul><li>Berths 1 to 4 are open.</li><li>Berths 5 and 6 stay closed.</li></ul>
<blockquote><p>“We were lucky,” the harbour master said.</p><p>“Next time we may not be.”</p></blockquote>
<pre>tide   table
06:12  4.1 m</pre>
<p>   </p>
</article>`);
    expect(texts(html)).toEqual([
      'Harbour reopens after storm',
      'The harbour reopened on Monday after the storm, officials said, and the first ships queued to enter as cranes resumed work along the quay.',
      'The port authority said damage to the sea wall was lighter than it had feared, though repairs to two berths would take several weeks.',
      'Fishermen who had kept their boats upriver for a week began returning on the morning tide, and the fish market opened again on Tuesday.',
      'What comes next',
      'Repairs to the sea wall will take months, the authority said in a statement.',
      'Ships wait outside the harbour entrance on Monday',
      'Berths 1 to 4 are open.',
      'Berths 5 and 6 stay closed.',
      '“We were lucky,” the harbour master said.',
      '“Next time we may not be.”',
      'tide table 06:12 4.1 m',
    ]);
  });

  it('gives each block the lines of the HTML file its text stands on', () => {
    const html = page(`<article>
<h1 class="headline">
  Harbour reopens after storm
</h1>
${PARAGRAPHS}
<p>A paragraph written
over three lines
of the file, as CMSs often write them.</p>
</article>`);
    const lines = html.split('\n');
    const r = extractHtml(html, 'page.html');
    expect(r.blocks.map((b) => b.lines)).toEqual([[10, 10], [12, 12], [13, 13], [14, 14], [15, 17]]);
    for (const b of r.blocks) {
      expect(lines[b.lines[0] - 1]).toContain(b.text.split(' ')[0]);
      expect(lines[b.lines[1] - 1]).toContain(b.text.split(' ').at(-1));
    }
  });

  it('counts lines as the pipeline does, whatever the line ends', () => {
    const html = page(`<article>\n<h1>Harbour reopens after storm</h1>\n${PARAGRAPHS}\n</article>`).replace(/\n/g, '\r\n');
    expect(extractHtml(html, 'page.html').blocks.map((b) => b.lines)).toEqual([[9, 9], [10, 10], [11, 11], [12, 12]]);
    const mixed = '<html><body><article>\r\n<h1>Harbour reopens after storm</h1>\r<p>The harbour reopened on Monday after the storm, officials said, and ships queued.</p>\n</article></body></html>';
    expect(extractHtml(mixed, 'page.html').blocks.map((b) => b.lines)).toEqual([[2, 2], [3, 3]]);
  });

  it('keeps line numbers when Readability re-parses the page from its own serialisation', () => {
    // Readability's first pass drops "sidebar" containers as unlikely; finding too little text, it
    // rebuilds the body from its serialised HTML (new nodes without source offsets) and tries again.
    const html = page(`<div class="story">
<h1>Harbour reopens after storm</h1>
<div class="story-sidebar">
<p>The harbour reopened on Monday.</p>
<p>Ships queued to enter.</p>
</div>
</div>`);
    const r = extractHtml(html, 'page.html');
    expect(r.blocks).toEqual([
      { text: 'Harbour reopens after storm', lines: [9, 9] },
      { text: 'The harbour reopened on Monday.', lines: [11, 11], hint: 'text' },
      { text: 'Ships queued to enter.', lines: [12, 12], hint: 'text' },
    ]);
  });

  it('never makes text of scripts, styles, forms, navigation, hidden elements, comments or attributes', () => {
    const html = page(
      `<nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<article>
<h1>Harbour reopens after storm</h1>
<script>document.write("SCRIPTTEXT")</script><style>p { color: red } /* STYLETEXT */</style>
<noscript>NOSCRIPTTEXT</noscript><template><p>TEMPLATETEXT</p></template>
${PARAGRAPHS}
<!-- COMMENTTEXT -->
<p title="ATTRTEXT" data-x="ATTRTEXT">Officials <span hidden>HIDDENTEXT</span>thanked <span aria-hidden="true">ARIATEXT</span>the crews.</p>
<form><p>FORMTEXT</p><button>BUTTONTEXT</button></form>
<iframe src="x.html">IFRAMETEXT</iframe><svg><text>SVGTEXT</text></svg>
<aside><p>ASIDETEXT: a pull quote or related links box.</p></aside>
<div style="display: none">DISPLAYNONETEXT</div>
<footer><p>FOOTERTEXT</p></footer>
</article>`,
      '<script>var x = "<p>HEADSCRIPT</p>";</script><style>.x{}</style>',
    );
    const all = texts(html).join('\n');
    expect(all).toContain('Officials thanked the crews.');
    expect(all).not.toMatch(/[A-Z]{4,}TEXT|HEADSCRIPT|World news|<p>/);
  });

  it('keeps markup written as text, as text', () => {
    const html = page(`<article><h1>Harbour reopens after storm</h1>${PARAGRAPHS}
<p>The page loaded &lt;script src="x.js"&gt;&lt;/script&gt; from a stranger &amp; nobody noticed.</p>
<pre><code>&lt;iframe src="pay.html"&gt;&lt;/iframe&gt;</code></pre></article>`);
    const t = texts(html);
    expect(t).toContain('The page loaded <script src="x.js"></script> from a stranger & nobody noticed.');
    expect(t).toContain('<iframe src="pay.html"></iframe>');
  });

  it('puts a space where inline elements laid out apart meet, and nowhere else', () => {
    const html = page(`<article><h1>Harbour reopens after storm</h1>${PARAGRAPHS}
<figure><img src="a.jpg"><figcaption><span>Ships wait outside the harbour on Monday.</span><span>Credit:</span><span>Jo Lee</span></figcaption></figure>
<p>The <b>harbour</b>master’s office re<i>opened</i> at 9<sup>th</sup> bell.</p></article>`);
    const t = texts(html);
    expect(t).toContain('Ships wait outside the harbour on Monday. Credit: Jo Lee');
    expect(t).toContain('The harbourmaster’s office reopened at 9th bell.');
  });

  it('keeps boilerplate inside the article for the pipeline’s boilerplate stage to judge', () => {
    const html = page(`<article><h1>Harbour reopens after storm</h1>${PARAGRAPHS}
<div class="ad-label">Advertisement</div>
<p>Sign up for our newsletter to get the top stories in your inbox.</p>
<p>The fish market reopened on Tuesday, traders said, with prices close to where they were before.</p></article>`);
    expect(texts(html)).toEqual(expect.arrayContaining(['Advertisement', 'Sign up for our newsletter to get the top stories in your inbox.']));
  });

  it('reads a page that one ASP.NET-style <form> wraps whole', () => {
    const html = page(`<form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="abc">
<article><h1>Harbour reopens after storm</h1>${PARAGRAPHS}</article>
<button>Search</button></form>`);
    expect(texts(html)).toHaveLength(4);
  });

  it('reports an empty or garbage page with SL110 and gives no blocks', () => {
    for (const html of ['', '   ', '\u0000\u0001\u0002<<<>>>!!', '<html><body><nav>Home</nav><script>var a = 1;</script></body></html>', '<p>   </p>']) {
      const r = extractHtml(html, 'x.html');
      expect(r.blocks).toEqual([]);
      expect(r.messages).toEqual([{ file: 'x.html', severity: 'error', code: 'SL110', message: 'no article content found in the page' }]);
    }
  });

  it('reports absurd nesting instead of hanging or throwing', () => {
    const deep = (n: number): string => `<article><h1>Harbour reopens after storm</h1>${'<div>'.repeat(n)}<p>The harbour reopened on Monday.</p>${'</div>'.repeat(n)}</article>`;
    const skipped = extractHtml(deep(300), 'x.html');
    expect(skipped.blocks.map((b) => b.text)).toEqual(['Harbour reopens after storm', 'The harbour reopened on Monday.']);
    expect(skipped.messages.map((m) => m.code)).toEqual(['SL112']);
    const refused = extractHtml(deep(3000), 'x.html');
    expect(refused.blocks).toEqual([]);
    expect(refused.messages.map((m) => m.code)).toEqual(['SL113']);
  });

  it('is deterministic', () => {
    const html = page(`<article><h1>Harbour reopens after storm</h1>${PARAGRAPHS}</article>`);
    expect(extractHtml(html, 'page.html')).toEqual(extractHtml(html, 'page.html'));
  });
});


describe('extractHtml: metadata', () => {
  it('reads JSON-LD from an @graph, resolving the publisher by @id, before any meta tag', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"WebSite","@id":"https://coast.example/#website","name":"Coast Times Online"},
{"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2025-08-23T23:30:00-07:00","publisher":{"@id":"https://coast.example/#org"},"author":[{"@type":"Person","name":"Ann Lee"},{"@id":"https://coast.example/#bo"}],"mainEntityOfPage":{"@id":"https://coast.example/2025/08/harbour"}},
{"@type":"Organization","@id":"https://coast.example/#org","name":"The Coast Times"},
{"@type":"Person","@id":"https://coast.example/#bo","name":"Bo Diaz"}]}</script>`;
    const head = `<meta property="og:site_name" content="Coast Times (og)">\n<meta property="article:published_time" content="2025-08-20T10:00:00Z">\n${ld}`;
    const r = extractHtml(page(ARTICLE, head), 'page.html');
    expect(r.publisher).toEqual({ value: 'The Coast Times', evidence: { rule: 'json-ld:publisher.name', quote: 'The Coast Times', line: 10 } });
    // The calendar date as written in its own offset: not converted to UTC (which would be the 24th).
    expect(r.published).toEqual({ value: '2025-08-23', evidence: { rule: 'json-ld:datePublished', quote: '2025-08-23T23:30:00-07:00', line: 9 } });
    expect(r.byline?.value).toBe('Ann Lee, Bo Diaz');
    expect(r.url).toMatchObject({ value: 'https://coast.example/2025/08/harbour', evidence: { rule: 'json-ld:mainEntityOfPage' } });
    // The JSON-LD headline, which the h1 agrees with, is the headline's wording; the h1 gives its place and is not body text.
    expect(r.title).toEqual({ value: 'Harbour reopens', evidence: { rule: 'json-ld:headline', quote: 'Harbour reopens', line: 9 } });
    expect(r.blocks[0]).toEqual({ text: 'Harbour reopens', lines: [14, 14] });
    expect(r.blocks.map((b) => b.text)).not.toContain('Harbour reopens after storm');
  });

  it('takes the publisher from og:site_name, then application-name, then a JSON-LD Organization or WebSite, then the <title>', () => {
    const org = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Coast Media Group"}</script>';
    const site = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Coast Times Online"}</script>';
    const pub = (head: string) => extractHtml(page(ARTICLE, head), 'page.html').publisher;
    expect(pub(`<meta property="og:site_name" content="Coast Times &amp;amp; Post">\n<meta name="application-name" content="CT App">${org}`)).toMatchObject({
      value: 'Coast Times & Post',
      evidence: { rule: 'og:site_name', quote: 'Coast Times &amp; Post' },
    });
    expect(pub(`<meta name="application-name" content="CT App">${org}`)).toMatchObject({ value: 'CT App', evidence: { rule: 'meta:application-name' } });
    expect(pub(`${site}${org}`.replace('Coast Media Group', 'Coast Media'))).toMatchObject({ value: 'Coast Media', evidence: { rule: 'json-ld:Organization.name' } });
    // An owner in a legal form gives way to the site the <title> names.
    expect(pub(`${site}${org}`)).toMatchObject({ value: 'The Coast Times', evidence: { rule: 'title-site-name' } });
    expect(pub(site)).toMatchObject({ value: 'Coast Times Online', evidence: { rule: 'json-ld:WebSite.name' } });
    expect(pub('')).toMatchObject({ value: 'The Coast Times', evidence: { rule: 'title-site-name', quote: 'Harbour reopens after storm | The Coast Times' } });
  });

  it('takes the date from meta tags, then the article’s <time>, then the URL path', () => {
    const date = (head: string, body = ARTICLE) => extractHtml(page(body, head), 'page.html').published;
    expect(date('<meta property="article:published_time" content="2025-08-22T01:00:00+09:00">\n<meta name="date" content="2025-08-01">')).toMatchObject({
      value: '2025-08-22',
      evidence: { rule: 'article:published_time' },
    });
    expect(date('<meta name="DC.date.issued" content="2025-08-21">')).toMatchObject({ value: '2025-08-21', evidence: { rule: 'meta:dc.date.issued' } });
    expect(date('<meta name="sailthru.date" content="Thu, 21 Aug 2025 10:00:00 -0400">')).toMatchObject({ value: '2025-08-21' });
    expect(date('<meta name="pubdate" content="20250821">')).toMatchObject({ value: '2025-08-21', evidence: { rule: 'meta:pubdate' } });
    // Unusable values give way to the next rule.
    expect(date('<meta name="date" content="0000-00-00"><meta name="pubdate" content="2025-08-19">')).toMatchObject({ value: '2025-08-19' });

    const timed = `<article><header><h1>Harbour reopens after storm</h1>
<p>Updated <time class="updated" datetime="2025-08-25T09:00:00+02:00">25 August</time>
· Published <time datetime="2025-08-24T23:50:00+02:00">24 August</time></p></header>${PARAGRAPHS}</article>
<div class="sidebar"><time datetime="2025-08-26">26 August</time></div>`;
    expect(date('', timed)).toMatchObject({ value: '2025-08-24', evidence: { rule: 'time:datetime', quote: '2025-08-24T23:50:00+02:00', line: 10 } });
    const itemprop = timed.replace('<p>Updated', '<p><meta itemprop="datePublished" content="2025-08-23">Updated');
    expect(date('', itemprop)).toMatchObject({ value: '2025-08-23', evidence: { rule: 'itemprop:datePublished' } });

    const canonical = (href: string) => `<link rel="canonical" href="${href}">`;
    expect(date(canonical('https://coast.example/news/2025/08/23/harbour-reopens/'))).toEqual({
      value: '2025-08-23',
      evidence: { rule: 'url-path', quote: 'https://coast.example/news/2025/08/23/harbour-reopens/', line: 5, note: 'The page gives no date in its metadata; the URL path holds the day.' },
    });
    expect(date(canonical('https://coast.example/2025/08/harbour-reopens.html'))?.value).toBe('2025-08');
    expect(date(canonical('https://coast.example/2025/aug/23/harbour-reopens'))?.value).toBe('2025-08-23');
    expect(date(canonical('https://coast.example/2025/13/40/x'))).toBeUndefined();
    expect(date('')).toBeUndefined();
  });

  it('takes the URL from the canonical link, then og:url, absolute http(s) only', () => {
    const url = (head: string) => extractHtml(page(ARTICLE, head), 'page.html').url;
    expect(url('<link rel="canonical" href="https://coast.example/a">\n<meta property="og:url" content="https://coast.example/b">')).toEqual({
      value: 'https://coast.example/a',
      evidence: { rule: 'link:canonical', quote: 'https://coast.example/a', line: 5 },
    });
    expect(url('<link rel="canonical" href="/a">\n<meta property="og:url" content="https://coast.example/b">')).toMatchObject({ value: 'https://coast.example/b', evidence: { rule: 'og:url' } });
    expect(url('<link rel="canonical" href="javascript:alert(1)">')).toBeUndefined();
  });

  it('takes the metadata title the h1 agrees with, else the h1, never a logo h1; else og:title; else the <title> without its site name', () => {
    const logo = `<header><h1 class="logo"><a href="/">The Coast Times</a></h1></header>`;
    const title = (body: string, head = '') => extractHtml(page(body, head), 'page.html').title;
    expect(title(`${logo}\n${ARTICLE}`, '<meta property="og:title" content="Harbour reopens after the storm">')).toMatchObject({ value: 'Harbour reopens after the storm', evidence: { rule: 'og:title' } });
    expect(title(`${logo}\n${ARTICLE}`, '<meta property="og:title" content="Ferry timetable for the winter">')).toMatchObject({ value: 'Harbour reopens after storm', evidence: { rule: 'h1' } });
    const noH1 = `<article>${PARAGRAPHS}</article>`;
    expect(title(`${logo}\n${noH1}`, '<meta property="og:title" content="Harbour reopens, ships queue">')).toMatchObject({
      value: 'Harbour reopens, ships queue',
      evidence: { rule: 'og:title', line: 5 },
    });
    expect(title(noH1)).toEqual({ value: 'Harbour reopens after storm', evidence: { rule: 'title', quote: 'Harbour reopens after storm | The Coast Times', line: 4 } });
    expect(extractHtml(page(noH1), 'page.html').blocks[0]).toEqual({ text: 'Harbour reopens after storm', lines: [4, 4] });
  });

  it('finds the article as a page’s mainEntity', () => {
    const head = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","mainEntity":{"@type":"ReportageNewsArticle","datePublished":"2025-08-23","publisher":{"@type":"Organization","name":"The Coast Times"}}}</script>';
    const r = extractHtml(page(ARTICLE, head), 'page.html');
    expect([r.publisher?.value, r.published?.value]).toEqual(['The Coast Times', '2025-08-23']);
  });

  it('skips malformed JSON-LD with a warning and still reads the rest', () => {
    const head = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2025-08-23","publisher":{"name":"The Coast
Times"}}</script>
<script type="application/ld+json">[1, "two", null, {"@graph": "not a list"}]</script>
<meta property="og:site_name" content="Coast (og)">`;
    const r = extractHtml(page(ARTICLE, head), 'page.html');
    expect(r.messages).toEqual([{ file: 'page.html', line: 5, severity: 'warning', code: 'SL111', message: 'a JSON-LD block is not valid JSON; its metadata was skipped' }]);
    expect(r.publisher?.value).toBe('The Coast Times');
    expect(r.published?.value).toBe('2025-08-23');
    expect(r.blocks).toHaveLength(4);
  });

  it('reads the byline from JSON-LD, meta author, microdata or Readability, without its lead-in', () => {
    const byline = (body: string, head = '') => extractHtml(page(body, head), 'page.html').byline;
    expect(byline(ARTICLE, '<meta name="author" content="Ann Lee">')).toMatchObject({ value: 'Ann Lee', evidence: { rule: 'meta:author' } });
    expect(byline(ARTICLE, '<meta name="author" content="https://facebook.com/ann">')).toBeUndefined();
    const withByline = ARTICLE.replace('</h1>', '</h1>\n<p class="byline">By Ann Lee · Updated 3:04 p.m.</p>');
    expect(byline(withByline)).toMatchObject({ value: 'Ann Lee', evidence: { rule: 'readability:byline' } });
  });
});

describe('extractHtml on tests/extraction/<case>/page.html', () => {
  const dir = 'tests/extraction';
  const cases = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it('has at least eight cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));
  for (const name of cases) {
    it(`${name}: at least 95% of the gold paragraphs stand among the blocks`, () => {
      const html = readFileSync(join(dir, name, 'page.html'), 'utf8');
      const gold = JSON.parse(readFileSync(join(dir, name, 'gold.json'), 'utf8')) as { body: string[] };
      const r = extractHtml(html, 'page.html');
      const keys = new Set(r.blocks.map((b) => foldKey(b.text)));
      const missing = gold.body.filter((p) => !keys.has(foldKey(p)));
      expect(missing.length / gold.body.length, `missing: ${JSON.stringify(missing)}`).toBeLessThanOrEqual(0.05);
      const lines = html.split(/\r\n|\r|\n/).length;
      for (const b of r.blocks) expect(b.lines[0] >= 1 && b.lines[0] <= b.lines[1] && b.lines[1] <= lines).toBe(true);
    });
  }
});
