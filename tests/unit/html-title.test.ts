/**
 * The headline of a saved page and the site name its <title> gives: the
 * site's segment cut off every title shape, agreement between the page's
 * titles, and never a site name or section label for the headline.
 */
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/lib/ingest/html.ts';
import { PARAGRAPHS } from '../html-page.ts';

/** A page with `title` as its <title>, `head` added, and `body` before the story's paragraphs. */
const titled = (title: string, head = '', body = ''): string =>
  `<!doctype html>\n<html>\n<head>\n<title>${title}</title>\n${head}\n</head>\n<body>\n${body}\n<article>\n${PARAGRAPHS}\n</article>\n</body>\n</html>\n`;
const read = (title: string, head = '', body = '') => extractHtml(titled(title, head, body), 'page.html');

describe('HTML headline and site name', () => {
  it('cuts the site name off the <title> in each shape a site writes it', () => {
    const headline = (title: string, head = '') => read(title, head).title?.value;
    expect(headline('Harbour reopens after storm | The Coast Times')).toBe('Harbour reopens after storm');
    expect(headline('Harbour reopens after storm · Coast')).toBe('Harbour reopens after storm');
    expect(headline('Harbour reopens after storm [Coast Times]')).toBe('Harbour reopens after storm');
    expect(headline('Harbour reopens after storm_Local news_Coast Net')).toBe('Harbour reopens after storm');
    expect(headline('Harbour reopens after storm :: Coast Blogs ::')).toBe('Harbour reopens after storm');
    // A known site name goes with whatever stands beyond it, wherever it stands.
    const blog = '<meta property="og:site_name" content="Harbour_Watch">';
    expect(headline('Harbour reopens (2) @ Harbour_Watch :: Coast Blogs ::', blog)).toBe('Harbour reopens (2)');
    expect(headline('The Coast Times - Harbour reopens', '<meta property="og:site_name" content="The Coast Times">')).toBe('Harbour reopens');
    // A colon joins a headline's parts: it is cut only where a known name stands before it.
    expect(headline('Harbour reopens: ships queue at dawn')).toBe('Harbour reopens: ships queue at dawn');
  });

  it('cuts from the page’s other titles the site segment its <title> carries too', () => {
    const og = '<meta property="og:title" content="Harbour reopens - ships queue | The Coast Times">';
    expect(read('Harbour reopens - ships queue | The Coast Times', og).title).toEqual({
      value: 'Harbour reopens - ships queue',
      evidence: { rule: 'og:title', quote: 'Harbour reopens - ships queue | The Coast Times', line: 5 },
    });
  });

  it('keeps a headline’s own second half that the page’s other titles repeat', () => {
    const r = read('Harbour 2.0 - The Big Reopening - Harbour 2.0 - The Big Reopening - Coast News', '<meta property="og:title" content="Harbour 2.0 - The Big Reopening">');
    expect(r.title).toEqual({ value: 'Harbour 2.0 - The Big Reopening', evidence: { rule: 'og:title', quote: 'Harbour 2.0 - The Big Reopening', line: 5 } });
    // The Dublin Core title names which segment of the <title> is the headline.
    expect(read('draft-coast-harbour-04 - Harbour Protocol', '<meta name="DC.title" content="Harbour Protocol">').title?.value).toBe('Harbour Protocol');
  });

  it('takes the h1 the <title> repeats, even when the JSON-LD headline says something else', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"Lisbon","headline":"capital city of Portugal"}</script>';
    const r = read('Lisbon - Encyclopedia', ld, '<h1 id="firstHeading">Lisbon</h1>');
    expect(r.title).toEqual({ value: 'Lisbon', evidence: { rule: 'h1', quote: 'Lisbon', line: 8 } });
  });

  it('never takes a site name, a logo or a section label for the headline', () => {
    // An h1 that repeats the <title>'s site segment, beside the real one.
    const v = read('Harbour reopens after the storm · Coast', '', '<h1>Coast</h1>\n<h1>Harbour reopens after the storm</h1>');
    expect(v.title?.value).toBe('Harbour reopens after the storm');
    // h1s that are the known site name or its platform's, with the headline only in the metadata.
    const og = '<meta property="og:site_name" content="Harbour_Watch">\n<meta property="og:title" content="Harbour reopens (2) @ Harbour_Watch :: Coast Blogs ::">';
    const p = read('Harbour reopens (2) @ Harbour_Watch :: Coast Blogs ::', og, '<h1>Coast Blogs</h1>\n<h1>Harbour_Watch</h1>');
    expect(p.title).toMatchObject({ value: 'Harbour reopens (2)', evidence: { rule: 'og:title' } });
    // A blog's section heading shares a word with the headline, no more.
    const s = read('Harbour reopens after the storm', '<meta property="og:title" content="Harbour reopens after the storm">', '<h1>Harbour News</h1>');
    expect(s.title).toMatchObject({ value: 'Harbour reopens after the storm', evidence: { rule: 'og:title' } });
    // A documentation page's project h1 links to its index; its section h1 carries a permalink mark.
    const docs = read(
      'Harbour Tides: A Guide — harbourtool manual',
      '',
      '<div class="header"><h1><a href="index.html">harbourtool manual</a></h1></div>\n<h1>Harbour Tides: A Guide<a class="headerlink" href="#tides">¶</a></h1>',
    );
    expect(docs.title?.value).toBe('Harbour Tides: A Guide');
    // An og:title that is only the site's name (a home page's) is not the headline.
    const home = read('Harbour reopens after storm', '<meta name="application-name" content="Coast News">\n<meta property="og:title" content="Coast News">');
    expect(home.title?.value).toBe('Harbour reopens after storm');
    // An application-name copied from the headline is neither the outlet nor a logo.
    const copied = read('Harbour reopens after storm', '<meta name="application-name" content="Harbour reopens after storm">', '<h1>Harbour reopens after storm</h1>');
    expect([copied.title?.value, copied.publisher]).toEqual(['Harbour reopens after storm', undefined]);
    const copiedToo = '<meta property="og:title" content="Harbour reopens after storm">\n<meta name="application-name" content="Harbour reopens after storm">';
    expect(read('Harbour reopens after storm - Coast', copiedToo, '<h1>Coast Mornings</h1>\n<h1>Harbour reopens after storm</h1>').title?.value).toBe('Harbour reopens after storm');
  });

  it('names the site from the <title> only beside the headline, and only a name', () => {
    const site = (title: string, body = '') => read(title, '', body).publisher;
    expect(site('Harbour reopens after storm_Local news_Coast Net')).toEqual({
      value: 'Coast Net',
      evidence: { rule: 'title-site-name', quote: 'Harbour reopens after storm_Local news_Coast Net', line: 4, note: 'The outlet is named in the page title beside the headline.' },
    });
    expect(site('Harbour reopens after storm [Coast Times]')?.value).toBe('Coast Times');
    // A document's slug, a section label and a one-word label before a colon name no outlet.
    expect(site('draft-coast-harbour-04 - Harbour Protocol', '<h1>Harbour Protocol</h1>')).toBeUndefined();
    expect(site('Harbour reopens after storm | News')).toBeUndefined();
    expect(site('Opinion: Harbour reopens after storm', '<h1>Harbour reopens after storm</h1>')).toBeUndefined();
  });
});
