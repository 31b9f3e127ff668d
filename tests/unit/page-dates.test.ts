import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/lib/ingest/html.ts';
import { calendarDate, dateInUrlPath, datesInText, mostFrequentDate, plausibleDate, publicationDateInText } from '../../src/lib/ingest/page-dates.ts';

import { ARTICLE, page, PARAGRAPHS } from '../html-page.ts';


const date = (head: string, body = ARTICLE, today?: string) =>
  extractHtml(page(body, head), 'page.html', today ? { today } : {}).published;
const ld = (item: object): string => `<script type="application/ld+json">${JSON.stringify(item)}</script>`;

describe('page dates: strings', () => {
  it('reads ISO, RFC 2822, written-out, dotted and slashed dates as the calendar date written', () => {
    expect(calendarDate('2019-03-14T23:30:00-07:00')).toBe('2019-03-14');
    expect(calendarDate('2019-03-14')).toBe('2019-03-14');
    expect(calendarDate('Thu, 14 Mar 2019 10:00:00 GMT')).toBe('2019-03-14');
    expect(calendarDate('14 March 2019')).toBe('2019-03-14');
    expect(calendarDate('March 14, 2019 5:03 PM ET')).toBe('2019-03-14');
    expect(calendarDate('14.03.2019')).toBe('2019-03-14');
    expect(calendarDate('2019/03/14')).toBe('2019-03-14');
    expect(calendarDate('03/14/2019')).toBe('2019-03-14');
    expect(calendarDate('14/03/2019')).toBe('2019-03-14');
    expect(calendarDate('03/04/2019')).toBeUndefined();
    expect(calendarDate('2019年3月14日 07:17')).toBe('2019-03-14');
    expect(calendarDate('14. März 2019')).toBe('2019-03-14');
    expect(calendarDate('14 de marzo de 2019')).toBe('2019-03-14');
    expect(calendarDate('1er mars 2019 à 07:19')).toBe('2019-03-01');
    expect(calendarDate('21.dez.2018 às 12h55')).toBe('2018-12-21');
    expect(calendarDate('14 people 2019')).toBeUndefined();
    expect(datesInText('Publié le 3 août 2019, 12 ago 2019').map((d) => d.date)).toEqual(['2019-08-03']);
    expect(calendarDate('2019-02-30')).toBeUndefined();
  });

  it('bounds dates between 1995-01-01 and today, partial dates by any day of them', () => {
    expect(plausibleDate('1994-12-31')).toBe(false);
    expect(plausibleDate('1995-01-01')).toBe(true);
    expect(plausibleDate('2019-03-15', '2019-03-14')).toBe(false);
    expect(plausibleDate('2019-03', '2019-03-14')).toBe(true);
    expect(plausibleDate('1995')).toBe(true);
  });

  it('finds dates in URL paths', () => {
    expect(dateInUrlPath('https://x.example/2019/03/14/harbour/')).toBe('2019-03-14');
    expect(dateInUrlPath('https://x.example/news/20190314/harbour')).toBe('2019-03-14');
    expect(dateInUrlPath('https://x.example/news/harbour-2019-03-14.html')).toBe('2019-03-14');
    expect(dateInUrlPath('https://x.example/2019/03/harbour')).toBe('2019-03');
    expect(dateInUrlPath('https://x.example/news/harbour-12345')).toBeUndefined();
    expect(dateInUrlPath('http://headlines.x.example/hl?a=20190314-35097838-coast-sci')).toBe('2019-03-14');
    expect(dateInUrlPath('http://x.example/article?id=201903141234&page=2')).toBeUndefined();
  });

  it('takes a cued date over an update in a dateline, and counts dates for the extensive search', () => {
    expect(publicationDateInText('Updated 15 March 2019 · Published 14 March 2019')?.date).toBe('2019-03-14');
    expect(publicationDateInText('Updated March 15, 2019')).toBeUndefined();
    expect(publicationDateInText('Founded on 14 March 2019 by the council', undefined, false)).toBeUndefined();
    expect(datesInText('In 1990-05-01 and 2030-01-01 and 2019-03-14', '2026-01-01').map((d) => d.date)).toEqual(['2019-03-14']);
    expect(mostFrequentDate('March 2, 2019. 14 March 2019. 2019-03-14. 2 March 2019')?.date).toBe('2019-03-02');
    expect(mostFrequentDate('14 March 2019 and 15 March 2019')).toBeUndefined();
  });
});

describe('page dates: the cascade', () => {
  it('reads JSON-LD datePublished inside @graph and arrays, and dateCreated after publication metadata', () => {
    expect(date(ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', datePublished: ['2019-03-14T10:00:00Z'] }] }))).toMatchObject({
      value: '2019-03-14',
      evidence: { rule: 'json-ld:datePublished', quote: '2019-03-14T10:00:00Z' },
    });
    const created = ld({ '@type': 'NewsArticle', dateCreated: '2019-03-13' });
    expect(date(created)).toMatchObject({ value: '2019-03-13', evidence: { rule: 'json-ld:dateCreated' } });
    expect(date(`${created}<meta property="article:published_time" content="2019-03-14">`)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'article:published_time' } });
  });

  it('reads the publication meta tags htmldate reads', () => {
    for (const [name, rule] of [
      ['citation_publication_date', 'meta:citation_publication_date'],
      ['DC.date.created', 'meta:dc.date.created'],
      ['dcterms.created', 'meta:dcterms.created'],
      ['article.published', 'meta:article.published'],
      ['parsely-pub-date', 'meta:parsely-pub-date'],
    ]) {
      expect(date(`<meta name="${name}" content="2019-03-14">`)).toMatchObject({ value: '2019-03-14', evidence: { rule } });
    }
  });

  it('prefers the original date to a modification, and takes a modification only last, saying so', () => {
    const modified = '<meta property="article:modified_time" content="2019-03-20"><meta property="og:updated_time" content="2019-03-21">';
    expect(date(`${modified}<meta name="date" content="2019-03-14">`)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'meta:date' } });
    expect(date(ld({ '@type': 'NewsArticle', dateModified: '2019-03-20', datePublished: '2019-03-14' }))).toMatchObject({ value: '2019-03-14' });
    const last = date(modified);
    expect(last).toMatchObject({ value: '2019-03-20', evidence: { rule: 'article:modified_time' } });
    expect(last?.evidence.note).toMatch(/modified/);
    expect(date(ld({ '@type': 'NewsArticle', dateModified: '2019-03-20' }))).toMatchObject({ value: '2019-03-20', evidence: { rule: 'json-ld:dateModified' } });
  });

  it('refuses out-of-bounds dates at every step and moves on', () => {
    expect(date('<meta property="article:published_time" content="1990-01-01"><meta name="date" content="2019-03-14">')).toMatchObject({ value: '2019-03-14' });
    expect(date('<meta property="article:published_time" content="2031-01-01"><meta name="date" content="2019-03-14">', ARTICLE, '2026-01-01')).toMatchObject({
      value: '2019-03-14',
    });
    expect(date('<link rel="canonical" href="https://x.example/2031/01/01/harbour/">', ARTICLE, '2026-01-01')).toBeUndefined();
    expect(date('<link rel="canonical" href="https://x.example/1994/01/01/harbour/">')).toBeUndefined();
  });

  it('reads microdata datePublished on any element with content or datetime', () => {
    const body = `<article itemscope itemtype="https://schema.org/NewsArticle"><h1>Harbour reopens after storm</h1>
<span itemprop="datePublished" content="2019-03-14">Thursday</span>
<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="datePublished" content="2019-03-12"></span></div>
${PARAGRAPHS}</article>`;
    expect(date('', body)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'itemprop:datePublished' } });
    expect(date('', body.replace('itemprop="datePublished" content="2019-03-14"', 'class="x"'))).toBeUndefined();
  });

  it('prefers a <time pubdate> to an update time', () => {
    const body = `<article><h1>Harbour reopens after storm</h1><p><time class="updated" datetime="2019-03-15">15 March</time> <time pubdate datetime="2019-03-14">14 March</time></p>${PARAGRAPHS}</article>`;
    expect(date('', body)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'time:datetime', quote: '2019-03-14' } });
  });

  it('reads a date-classed element before the body text, not a teaser’s after it', () => {
    const body = `<article><h1>Harbour reopens after storm</h1><div class="article-dateline">By Ann Lee | March 14, 2019 5:03 PM ET</div>${PARAGRAPHS}
<div class="post-date">March 1, 2019</div></article>`;
    expect(date('', body)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'element:date-class', quote: 'March 14, 2019' } });
    expect(date('', body.replace('class="article-dateline"', 'class="x"'))).toMatchObject({ value: '2019-03-14', evidence: { rule: 'text:near-headline' } });
  });

  it('reads a dateline after a long byline paragraph, which is not the body’s start', () => {
    const bio = '<p>By Ann Lee, harbour and shipping correspondent of The Coast Times, who has covered the port and its trade since 2010.</p>';
    expect(date('', `<article><h1>Harbour reopens after storm</h1>${bio}<p>March 14, 2019</p>${PARAGRAPHS}</article>`)).toMatchObject({ value: '2019-03-14' });
    expect(date('', `<article><h1>Harbour reopens after storm</h1>${bio.replace('By Ann', 'Ann')}<p>March 14, 2019</p>${PARAGRAPHS}</article>`)).toBeUndefined();
  });

  it('reads a byline bar under layout classes, but not a comments section', () => {
    const body = `<div class="layout-two-col-sidebar"><h1>Harbour reopens after storm</h1><div class="date-and-comments"><span>March 14, 2019</span> · 3 comments</div>${PARAGRAPHS}</div>`;
    expect(date('', body)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'element:date-class' } });
    expect(date('', body.replace('date-and-comments', 'comments'))).toBeUndefined();
  });

  it('takes the URL path before text near the headline', () => {
    const body = `<article><h1>Harbour reopens after storm</h1><p>Published 13 March 2019</p>${PARAGRAPHS}</article>`;
    expect(date('<link rel="canonical" href="https://x.example/news/20190314/harbour">', body)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'url-path' } });
    expect(date('', body)).toMatchObject({ value: '2019-03-13', evidence: { rule: 'text:near-headline', quote: '13 March 2019' } });
  });

  it('reads a cued date in a longer line near the headline, but not an uncued one', () => {
    const line = 'By Ann Lee, harbour and shipping correspondent of The Coast Times, in Port Ellen · Published on 14 March 2019';
    expect(date('', `<article><h1>Harbour reopens after storm</h1><p>${line}</p>${PARAGRAPHS}</article>`)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'text:near-headline' } });
    expect(date('', `<article><h1>Harbour reopens after storm</h1><p>${line.replace('Published on', 'back since')}</p>${PARAGRAPHS}</article>`)).toBeUndefined();
  });

  it('falls back to the most frequent date in the visible text, labelled so, skipping citations', () => {
    const body = `<article><h1>Harbour reopens after storm</h1>${PARAGRAPHS}
<p>The storm of 2 March 2019 was the worst in years; after 2 March 2019 the port shut for a week, said a review on 9 March 2019.</p>
<ol class="references"><li>Retrieved 9 March 2019</li><li>Retrieved 9 March 2019</li><li>Retrieved 9 March 2019</li></ol></article>`;
    expect(date('', body)).toMatchObject({ value: '2019-03-02', evidence: { rule: 'text:most-frequent', quote: '2 March 2019' } });
    expect(date('', body.replace('after 2 March 2019', 'after that'))).toBeUndefined();
  });

  it('reads microdata in an aside of the article item, and through an author item, but not a comment item', () => {
    const aside = `<article itemscope itemtype="http://schema.org/BlogPosting"><h1>Harbour reopens after storm</h1><aside><p>Ann Lee — <time datetime="2019-03-14" itemprop="datePublished">14 March</time></p></aside>${PARAGRAPHS}</article>`;
    expect(date('', aside)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'itemprop:datePublished' } });
    const author = `<article itemscope itemtype="http://schema.org/NewsArticle"><h1>Harbour reopens after storm</h1><div itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Ann Lee</span><time itemprop="datePublished" content="2019-03-14T08:00:00-0800"></time></div>${PARAGRAPHS}</article>`;
    expect(date('', author)?.value).toBe('2019-03-14');
    const comment = `${ARTICLE}<div itemscope itemtype="http://schema.org/Comment"><meta itemprop="datePublished" content="2019-04-01"></div>`;
    expect(date('', comment)).toBeUndefined();
  });

  it("passes over a time labelled as an update, and takes the page's one time element wherever it stands", () => {
    const updated = `<article><h1>Harbour reopens after storm</h1><p><time datetime="2019-04-01">Last updated April 1, 2019</time></p>${PARAGRAPHS}</article>`;
    expect(date('', updated)?.evidence.rule).not.toBe('time:datetime');
    const side = (more = ''): string =>
      `<div id="page"><div class="story">${ARTICLE}</div><div class="attribution"><span>Ann Lee</span> <time datetime="2019-03-14T17:00:03.000Z">March 14, 2019</time></div>${more}</div>`;
    expect(date('', side())).toMatchObject({ value: '2019-03-14', evidence: { rule: 'time:datetime', note: "The page's one time element gives the date." } });
    expect(date('', side('<div><time datetime="2019-03-20T10:00:00Z">March 20</time></div>'))).toBeUndefined();
  });

  it('reads a date that stands as a part of the title, and a news dateline opening a paragraph', () => {
    const titled = page(ARTICLE).replace('<title>Harbour reopens after storm | The Coast Times</title>', '<title>Harbour reopens after storm - 14.03.2019 - The Coast Times</title>');
    expect(extractHtml(titled, 'page.html', {}).published).toMatchObject({ value: '2019-03-14', evidence: { rule: 'title' } });
    const wire = `<div><h2>Harbour reopens after storm</h2><p>By Ann Lee</p><p>March 14, 2019 -- The harbour reopened on Monday after the storm, officials said.</p>${PARAGRAPHS}</div>`;
    expect(date('', wire)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'text:dateline', quote: 'March 14, 2019' } });
    expect(date('', ARTICLE.replace('The harbour reopened on Monday', 'March 14, 2019 was the day the harbour reopened'))).toBeUndefined();
  });

  it("reads the rest of htmldate's publication meta names, and a datePublished in a JSON-LD script that does not parse", () => {
    expect(date('<meta name="dc.date.publication" content="2019-03-14">')).toMatchObject({ value: '2019-03-14', evidence: { rule: 'meta:dc.date.publication' } });
    expect(date('<meta property="og:article:published_time" content="2019-03-14T08:00:00Z">')?.value).toBe('2019-03-14');
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour reopens", "datePublished": "2019-03-14T08:00:00Z",}</script>';
    expect(date(broken)).toMatchObject({ value: '2019-03-14', evidence: { rule: 'json-ld:datePublished', note: expect.stringContaining('by pattern') } });
  });

  it('takes the day a time element shows when its timestamp falls a day off it, and only then', () => {
    const shown = (stamp: string, text: string): string => `<article><h1>Harbour reopens after storm</h1><p>By Ann Lee <time datetime="${stamp}">${text}</time></p>${PARAGRAPHS}</article>`;
    expect(date('', shown('2019-03-13T23:30:00Z', 'March 14, 2019'))).toMatchObject({ value: '2019-03-14', evidence: { rule: 'time:datetime', quote: 'March 14, 2019' } });
    expect(date('', shown('2019-03-10T23:30:00Z', 'March 14, 2019'))?.value).toBe('2019-03-10');
  });

  it("reads an ambiguous or two-digit-year slashed date in the order the page's locale writes, and refuses it without one", () => {
    const inLang = (lang: string, head: string, body = ARTICLE): string | undefined =>
      extractHtml(page(body, head).replace('<html>', lang === '' ? '<html>' : `<html lang="${lang}">`), 'page.html').published?.value;
    const meta = '<meta name="publish_date" content="05/08/2014 07:01:00">';
    expect(inLang('en-US', meta)).toBe('2014-05-08');
    expect(inLang('en-GB', meta)).toBe('2014-08-05');
    expect(inLang('', meta)).toBeUndefined();
    expect(inLang('en', meta)).toBeUndefined();
    // The page's own unambiguous slashed dates settle the order before its locale, and both orders settle none.
    const comments = (...days: string[]): string => `${ARTICLE}<section class="replies">${days.map((d) => `<p>Posted ${d} by a reader</p>`).join('')}</section>`;
    expect(inLang('en-US', meta, comments('26/02/2015'))).toBe('2014-08-05');
    expect(inLang('', meta, comments('2/26/2015'))).toBe('2014-05-08');
    expect(inLang('en-US', meta, comments('2/26/2015', '27/02/2015'))).toBeUndefined();
    // A byline's time in a two-digit year, as a blog network writes it.
    const byline = `<article><h1>Harbour reopens after storm</h1><div class="meta-byline">Ann Lee <span class="publish-time">3/09/15 8:00am</span></div>${PARAGRAPHS}</article>`;
    expect(inLang('en-US', '', byline)).toBe('2015-03-09');
    expect(inLang('', '', byline)).toBeUndefined();
    expect(calendarDate('3/09/15', 'dmy')).toBe('2015-09-03');
    expect(calendarDate('3/09/95', 'mdy')).toBe('1995-03-09');
    expect(calendarDate('26/02/2015', 'mdy')).toBe('2015-02-26');
  });

  it('takes the day the byline shows when the published_time in UTC falls a day off it, and only then', () => {
    const body = (shown: string): string =>
      `<article><header><h1>Harbour reopens after storm</h1><p class="excerpt">The port authority said damage to the sea wall was lighter than it had feared, and the first ships queued at dawn.</p><ul class="meta"><li><small>On ${shown} by @annlee</small></li></ul></header>${PARAGRAPHS}</article>`;
    const stamp = (v: string): string => `<meta property="article:published_time" content="${v}">`;
    expect(date(stamp('2019-03-13T23:00:00.000Z'), body('3/14/2019'))).toMatchObject({ value: '2019-03-14', evidence: { rule: 'article:published_time', quote: '3/14/2019' } });
    expect(date(stamp('2019-03-13T23:00:00-05:00'), body('3/14/2019'))?.value).toBe('2019-03-13');
    expect(date(stamp('2019-03-13T23:00:00Z'), body('3/16/2019'))?.value).toBe('2019-03-13');
    expect(date(stamp('2019-03-13T23:00:00Z'), body('3/13/2019'))?.value).toBe('2019-03-13');
  });

  it('reads a month-day date with its weekday before the year, as blog platforms write it', () => {
    expect(calendarDate('Dec 28 Sat 2013 00:28')).toBe('2013-12-28');
    const header = `<article><h1>Harbour reopens after storm</h1><ul class="post-meta"><li class="publish"><span class="month">Dec </span><span class="date">28 </span><span class="day">Sat </span><span class="year">2013 </span><span class="time">00:28</span></li></ul>${PARAGRAPHS}</article>`;
    expect(date('', header)).toMatchObject({ value: '2013-12-28', evidence: { quote: 'Dec 28 Sat 2013' } });
  });

  it("reads a labelled publication date in a work's complementary metadata panel inside the main landmark, not in a named sidebar", () => {
    const panel = (cls: string): string =>
      `<div role="main"><div class="${cls}"><dl class="work meta" role="complementary"><dt class="status">Published:</dt><dd class="published">2017-08-15</dd><dt>Words:</dt><dd>2,310</dd></dl></div>` +
      `<h3 class="title">Chapter 1: The storm</h3><div class="userstuff">${PARAGRAPHS}</div></div>`;
    expect(date('', panel('work'))).toMatchObject({ value: '2017-08-15', evidence: { rule: 'element:published-class' } });
    expect(date('', panel('sidebar'))).toBeUndefined();
    expect(date('', panel('work').replace('Published:', 'Words so far:'))).toBeUndefined();
    const twice = panel('work').replace('<dt>Words:</dt>', '<dt class="status">Published:</dt><dd class="published">2017-08-01</dd><dt>Words:</dt>');
    expect(date('', twice)).toBeUndefined();
  });

  it("reads the page's time element when the <body> names a layout state (a rail shown) in its classes", () => {
    const body = `<div class="byline">By Ann Lee <time datetime="2019-03-13T23:29:49.000Z">March 14, 2019</time></div>${ARTICLE}`;
    const inBody = (cls: string): string | undefined => extractHtml(page(body).replace('<body>', `<body class="${cls}">`), 'page.html').published?.value;
    expect(inBody('news ShowNavrail modal-open')).toBe('2019-03-14');
    expect(extractHtml(page(`<div class="sidebar">${body}</div>`), 'page.html').published).toBeUndefined();
  });
});
