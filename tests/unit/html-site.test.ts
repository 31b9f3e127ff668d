/**
 * The site name read off the page when neither its metadata nor its <title>
 * beside the headline names one: masthead logo, copyright line and <title>
 * segment, taken only when two agree or one matches the host.
 */
import { describe, expect, it } from 'vitest';
import { matchesHost } from '../../src/lib/ingest/html-site.ts';
import { extractHtml } from '../../src/lib/ingest/html.ts';
import { ingestSeed } from '../../src/lib/ingest/pipeline.ts';
import { PARAGRAPHS } from '../html-page.ts';

/** A page with `title` as its <title>, `head` added, `header` before the story and `footer` after it. */
const site = (title: string, { head = '', header = '', footer = '' } = {}) =>
  extractHtml(
    `<!doctype html>\n<html>\n<head>\n<title>${title}</title>\n${head}\n</head>\n<body>\n<header>${header}</header>\n<article>\n<h1>Harbour reopens after storm</h1>\n${PARAGRAPHS}\n</article>\n<footer>${footer}</footer>\n</body>\n</html>\n`,
    'page.html',
  ).publisher;

describe('HTML site name from the page', () => {
  it('takes the masthead logo when the copyright line agrees, its legal form cut', () => {
    const found = site('Harbour reopens after storm', {
      header: '<a href="/"><img src="/img/logo.svg" alt="CoastMD: Better news. Better harbours."></a>',
      footer: '<p>©2005-2015 CoastMD, LLC. All rights reserved.</p>',
    });
    expect(found?.value).toBe('CoastMD');
    expect(found?.evidence.rule).toBe('page-site-name:masthead and copyright');
  });

  it('takes a <title> segment that agrees with the masthead, even when the headline is the whole <title>', () => {
    expect(site('Coast Fireball: Colophon', { header: '<a href="/" title="Coast Fireball: Home"><img src="/x.png" alt="Coast Fireball"></a>' })?.value).toBe('Coast Fireball');
  });

  it('takes a <title> segment whose letters are the host name, though the headline is worded otherwise', () => {
    const head = '<link rel="canonical" href="https://coastledger.tech/harbour/reopens">';
    expect(site('How the harbour reopened: the storm and after - Coast Ledger', { head })?.value).toBe('Coast Ledger');
    expect(matchesHost('The Coast Times', 'www.coasttimes.co.uk')).toBe(true);
    expect(matchesHost('Coast Times', 'example.com')).toBe(false);
  });

  it('gives none when sources disagree and none matches the host, or when only a legal owner agrees with the host', () => {
    expect(site('Harbour reopens after storm', { header: '<a href="/"><img alt="Coast Daily logo" src="/l.png"></a>', footer: '<p>© 2019 Bay Publishing Group</p>' })).toBeUndefined();
    const head = '<link rel="canonical" href="https://www.coastmedia.com/harbour">';
    expect(site('Harbour reopens after storm', { head, footer: '<p>Copyright 2019 Coast Media, Inc. All rights reserved.</p>' })).toBeUndefined();
    // One source alone, off the host, is not enough.
    expect(site('Harbour reopens after storm', { header: '<a href="/"><img alt="Coast Daily" src="/l.png"></a>' })).toBeUndefined();
  });
});

describe('HTML site name where metadata and <title> differ', () => {
  const ld = (name: string) =>
    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour reopens after storm","publisher":{"@type":"Organization","name":"${name}"}}</script>`;
  const canonical = '<link rel="canonical" href="https://www.coastledger.com/harbour">';

  it("takes the <title>'s site over a JSON-LD publisher in a legal form, or over one off the host when the title's is on it", () => {
    expect(site('Harbour reopens after storm | Coast Ledger', { head: ld('Harbour Media Group, Inc.') })?.value).toBe('Coast Ledger');
    expect(site('Harbour reopens after storm | Coast Ledger', { head: ld('Regional Papers') + canonical })?.value).toBe('Coast Ledger');
  });

  it('keeps the JSON-LD publisher when the host backs neither or the title gives its short form, and og:site_name always', () => {
    expect(site('Harbour reopens after storm | Coast Ledger', { head: ld('Regional Papers') })?.value).toBe('Regional Papers');
    expect(site('Harbour reopens after storm | Coast Ledger', { head: ld('Coast Ledger of Portmouth') + canonical })?.value).toBe('Coast Ledger of Portmouth');
    expect(site('Harbour reopens after storm | Coast Ledger', { head: '<meta property="og:site_name" content="Harbour Media Group">' + canonical })?.value).toBe('Harbour Media Group');
  });

  it('takes og:site_name before a JSON-LD publisher in a legal form (the owner, not the site)', () => {
    const og = '<meta property="og:site_name" content="The Coast Ledger">';
    expect(site('Harbour reopens after storm', { head: ld('Harbour Media Group, Inc.') + og })?.value).toBe('The Coast Ledger');
    expect(site('Harbour reopens after storm', { head: ld('Harbour Media Group, Inc.') + og })?.evidence.rule).toBe('og:site_name');
    expect(site('Harbour reopens after storm', { head: ld('Coast Ledger') + og })?.value).toBe('Coast Ledger');
  });

  it('cuts a byline a CMS appended to og:site_name, and keeps the raw value as the quote', () => {
    const s = site('Harbour reopens after storm', { head: '<meta property="og:site_name" content="CoastLedger.com | By: Jane Doe">' });
    expect(s?.value).toBe('CoastLedger.com');
    expect(s?.evidence.quote).toBe('CoastLedger.com | By: Jane Doe');
    expect(site('Harbour reopens after storm', { head: '<meta property="og:site_name" content="Stand By Me Magazine">' })?.value).toBe('Stand By Me Magazine');
  });
});

describe('site name of an ingested page with a wire dateline', () => {
  const seed = (path: string, text: string) => ({ path, file: `seeds/${path}`, bytes: new TextEncoder().encode(text) });
  const story = [
    'PORTMOUTH, England (AP) — The harbour reopened on Monday after the storm, officials said, and the first ships queued to enter as cranes resumed work.',
    'The port authority said damage to the sea wall was lighter than it had feared, though repairs to two berths would take several weeks to finish.',
    'Fishermen who had kept their boats upriver for a week began returning on the morning tide, and the fish market opened again on Tuesday morning.',
  ];

  it('names no site from the agency on a saved web page (syndicated copy), but keeps it for a text scrape', () => {
    const html = `<!doctype html><html><head><title>Harbour reopens after storm</title></head><body><article><h1>Harbour reopens after storm</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(ingestSeed(seed('a.html', html), { today: '2026-01-01' }).article?.publisher).toEqual({ basis: 'unknown' });
    expect(ingestSeed(seed('a.txt', `Harbour reopens after storm\n\n${story.join('\n\n')}\n`), { today: '2026-01-01' }).article?.publisher.name).toBe('Associated Press');
  });
});
