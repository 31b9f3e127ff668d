import { describe, expect, it } from 'vitest';
import { classifyLine, findBoilerplate } from '../../src/lib/ingest/boilerplate.ts';
import { segment } from '../../src/lib/ingest/segment.ts';

const line = (text: string) => classifyLine({ text, lines: [1, 1] });

describe('classifyLine', () => {
  it.each([
    ['Post a Comment', 'comment-widget'],
    ['Leave a Reply', 'comment-widget'],
    ['12 Comments', 'comment-widget'],
    ['Your email address will not be published. Required fields are marked *', 'comment-widget'],
    ['Advertisement', 'ad-label'],
    ['Sponsored content', 'ad-label'],
    ['Read more', 'related-links'],
    ['You might also like', 'related-links'],
    ['Share this article', 'share-widget'],
    ['© 2025 The Daily Example. All rights reserved.', 'copyright-line'],
    ['Privacy Policy', 'legal-line'],
    ['Sign up for our daily newsletter to get the top stories in your inbox.', 'newsletter-prompt'],
    ['Subscribe to our channel', 'newsletter-prompt'],
    ['Please consider making a donation to keep our reporting free.', 'donation-appeal'],
    ['Support independent journalism by becoming a member today.', 'donation-appeal'],
  ])('%j is %s', (text, rule) => expect(line(text)).toBe(rule));

  it.each([
    'The newspaper said its subscribers had doubled since the war began.',
    'He declined to comment on the report, the ministry said.',
    '"Please support our troops," the governor told reporters on Monday.',
    'Russia has sought support from North Korea, which has sent thousands of troops.',
    'Donations to the relief fund reached $2 million by Friday, organisers said.',
    'The advertising market shrank by 4% last year, according to the agency.',
  ])('keeps reporting: %j', (text) => expect(line(text)).toBeUndefined());
});

describe('findBoilerplate', () => {
  it('removes an appeal that runs from its opening to the end of the page', () => {
    const blocks = segment(
      'Headline Here For The Story\n\nA reporting paragraph that says what happened on Monday.\n\nDear readers,\nWe need your help to keep going.\nEvery contribution counts.\nThank you',
    );
    expect(findBoilerplate(blocks).map((h) => h.index)).toEqual([2, 3, 4, 5]);
  });
  it('does not treat a salutation followed by reporting as an appeal run', () => {
    const blocks = segment('Dear readers,\nThe minister resigned on Tuesday after the inquiry published its findings.');
    expect(findBoilerplate(blocks)).toEqual([]);
  });
  it('removes stacks of three or more button labels, but not one short line', () => {
    const stack = segment('Body sentence one.\nFacebook\nX\nWhatsApp\nBody sentence two.');
    expect(findBoilerplate(stack).map((h) => [h.index, h.rule])).toEqual([
      [1, 'share-widget'],
      [2, 'button-labels'],
      [3, 'share-widget'],
    ]);
    expect(findBoilerplate(segment('Body sentence one.\nKCNA\nBody sentence two.'))).toEqual([]);
  });
});

describe('page furniture in whole-page text dumps', () => {
  it('removes skip links, menus, cookie notices and their buttons', () => {
    const blocks = segment('Skip to main content\nMenu\nWe use cookies to improve your experience. See our Cookie Policy.\nAccept all\nReject all\nStorm Hits Coast\nThe storm hit the coast on Monday, officials said.');
    expect(findBoilerplate(blocks).map((h) => h.rule)).toEqual(['navigation', 'navigation', 'consent-widget', 'consent-widget', 'consent-widget']);
  });
  it('takes the headlines listed under "Most read", but not a lone heading followed by prose', () => {
    const list = segment('Body sentence here.\nMost Read\nFarmers Protest New Rules\nSki Resorts Turn to Snow Cannons\nRail Tunnel Reopens');
    expect(findBoilerplate(list).map((h) => h.index)).toEqual([1, 2, 3, 4]);
    const heading = segment('Body sentence here.\nRead more\nWhat Happens Next\nThe council will vote again in May, officials said.');
    expect(findBoilerplate(heading).map((h) => h.index)).toEqual([1]);
  });
});

describe('menu rows and promotional links', () => {
  it.each([
    ['Order Reprints | Today’s Paper | Subscribe', 'navigation'],
    ['Home • World • Business • Sport', 'navigation'],
    ['Follow our Africa coverage at https://example.com/hub/africa', 'promo-link'],
  ])('%j is %s', (text, rule) => expect(line(text)).toBe(rule));
  it.each([
    'The vote was 5 | 2 | 1 across the three districts, officials said.',
    'The report is published at https://example.gov/report and runs to 400 pages.',
  ])('keeps %j', (text) => expect(line(text)).toBeUndefined());
});

describe('edition notes', () => {
  it('removes the print-edition note', () => {
    expect(line('A version of this article appears in print on July 10, 2025, Section A, Page 14 with the headline: Lake Shrinks.')).toBe('edition-note');
  });
});
