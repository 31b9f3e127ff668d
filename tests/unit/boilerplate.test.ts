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
