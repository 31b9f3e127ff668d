/**
 * jusText's block classes, and the article's run in a whole page saved as
 * text, on invented pages: a menu, an article, a list of teasers, a footer.
 */
import { describe, expect, it } from 'vitest';
import * as stopword from 'stopword';
import { contextFreeClass, classifyBlocks, reviseClasses, stopListFor } from '../../src/lib/ingest/block-classes.ts';
import { outsideArticle } from '../../src/lib/ingest/article-run.ts';
import { segment } from '../../src/lib/ingest/segment.ts';

const PARAGRAPHS = [
  'The council met on Tuesday evening and voted to close the old bridge to all traffic until the repairs that the engineers asked for in the spring have been finished, which could take most of the year, the council said.',
  'Residents who live on the far side of the river said that they had not been told about the vote before it was held, and that the detour would add half an hour to every trip into the town.',
  'The mayor said that she understood their anger but that the bridge was no longer safe, and that the council would pay for a shuttle bus for as long as the bridge stays closed to cars.',
  'A spokesman for the engineers said that the work could start within a month if the money is approved at the next meeting, and that they would try to keep one lane open for people on foot.',
];
const MENU = ['Home', 'News', 'Sport', 'Weather', 'Business', 'Culture', 'Opinion', 'Sign in'];
const TEASERS = ['Five things to do this weekend', 'Town wins regional football cup', 'New cafe opens on the high street', 'Weather warning for Thursday'];
const FOOTER = ['About us', 'Contact', 'Privacy', 'Terms of use', '© 2024 The Example Gazette'];

describe('block classes (jusText)', () => {
  const eng = stopListFor(PARAGRAPHS.join(' ').split(' '))!;
  it('reads the page language from the stop list that covers most of its words', () => {
    expect(eng.language).toBe('eng');
    expect(stopListFor(['one', 'two'])).toBeUndefined();
  });
  it('picks the list a word-by-word count over every list picks: the densest, the first of equals', () => {
    const lists = Object.entries(stopword as unknown as Record<string, unknown>).filter(
      (e): e is [string, string[]] => /^[a-z]{3}$/.test(e[0]) && Array.isArray(e[1]) && e[1].every((w) => typeof w === 'string'),
    );
    const byCount = (words: string[]): string | undefined => {
      let best: { language: string; density: number } | undefined;
      for (const [language, list] of lists) {
        const set = new Set(list.map((w) => w.toLowerCase()));
        const density = words.filter((w) => set.has(w)).length / words.length;
        if (best === undefined || density > best.density) best = { language, density };
      }
      return best && best.density >= 0.2 ? best.language : undefined;
    };
    const pages = [
      PARAGRAPHS.join(' ').toLowerCase().split(' '),
      // Words several lists share, and words in none.
      [...'de la en el y a los que del se por las con una'.split(' '), ...'x1 y2 z3'.split(' ')].flatMap((w) => [w, w, w, w]),
      'der die und das ist nicht mit den von zu auf für sich des dem'.split(' ').flatMap((w) => [w, w, w, w]),
      'qq rr ss tt uu vv ww xx yy zz'.split(' ').flatMap((w) => [w, w, w, w, w, w]),
    ];
    for (const words of pages) expect(stopListFor(words)?.language).toBe(byCount(words));
  });
  it('calls long prose good, short lines short, and long lists of names bad', () => {
    expect(contextFreeClass(PARAGRAPHS[0]!, eng.list)).toBe('good');
    expect(contextFreeClass('Sign in', eng.list)).toBe('short');
    expect(contextFreeClass('Manchester United Liverpool Arsenal Chelsea Tottenham Everton Newcastle Aston Villa Leeds', eng.list)).toBe('bad');
  });
  it('gives short blocks the class of their neighbours', () => {
    expect(reviseClasses(['good', 'short', 'good'])).toEqual(['good', 'good', 'good']);
    expect(reviseClasses(['bad', 'short', 'bad'])).toEqual(['bad', 'bad', 'bad']);
    // The document's edges count as bad.
    expect(reviseClasses(['short', 'good'])).toEqual(['bad', 'good']);
    expect(reviseClasses(['bad', 'near-good', 'bad'])).toEqual(['bad', 'bad', 'bad']);
    expect(reviseClasses(['good', 'near-good', 'bad'])).toEqual(['good', 'good', 'bad']);
  });
  it('gives no verdict on a page whose language no stop list covers', () => {
    expect(classifyBlocks(['x1 y2 z3 '.repeat(30)])).toBeUndefined();
  });
});

describe('the article run of a page dump', () => {
  const page = [...MENU, 'Bridge to close for a year', 'By Jane Example', '12 March 2024', ...PARAGRAPHS, ...TEASERS, ...FOOTER];
  const blocks = segment(page.join('\n'));
  const all = blocks.map((_, i) => i);
  it('keeps the headline, byline, dateline and article, and cuts the menu, the teasers and the footer', () => {
    const outside = new Set(outsideArticle(blocks, all).map((i) => blocks[i]!.text));
    for (const kept of ['Bridge to close for a year', 'By Jane Example', '12 March 2024', ...PARAGRAPHS]) expect(outside.has(kept)).toBe(false);
    for (const cut of [...MENU.slice(0, 4), ...TEASERS.slice(2), ...FOOTER]) expect(outside.has(cut)).toBe(true);
  });
  it('keeps an article whole across a caption, and leaves out the reader comments set off from it by a share bar', () => {
    const caption = 'The old bridge seen from the north bank';
    const share = ['Share this:', 'Email', 'Facebook', 'Twitter', 'Print', 'Like this:'];
    const comments = [
      'Jo Reader · 12 March 2024 at 9:14 am',
      'I have crossed that bridge every day for twenty years and I am not at all surprised that it needs the work, but the council should have told us about the vote before it was held.',
      'Sam Neighbour · 12 March 2024 at 10:02 am',
      'The shuttle bus is a good idea as long as it runs late enough for the people who work the evening shift at the hospital on the other side of the river, which it did not the last time.',
    ];
    const page = [...MENU, 'Bridge to close for a year', ...PARAGRAPHS.slice(0, 2), caption, ...PARAGRAPHS.slice(2), ...share, ...comments, ...FOOTER];
    const blocks = segment(page.join('\n'));
    const outside = new Set(outsideArticle(blocks, blocks.map((_, i) => i)).map((i) => blocks[i]!.text));
    for (const kept of [...PARAGRAPHS, caption]) expect(outside.has(kept)).toBe(false);
    for (const cut of comments) expect(outside.has(cut)).toBe(true);
  });
  it('cuts the page around a short article even where the summaries of its teasers hold more prose than it does', () => {
    const teasers = [
      'Ferry fares to rise in the spring',
      'The ferry company said on Monday that fares on all of its routes would go up by a tenth from April, the first rise in three years.',
      'School roof repairs finished early',
      'The builders who were working on the roof of the primary school over the summer said that they had finished the work a week before term starts.',
      'Library to open on Sundays',
      'The town library will open on Sunday afternoons from next month after the council found the money to pay for the extra staff that it needs.',
    ];
    const page = [...MENU, 'Bridge to close for a year', ...PARAGRAPHS.slice(0, 2), 'Share', 'Email', 'Print', 'Most read', 'Today', 'Latest', ...teasers, ...FOOTER];
    const blocks = segment(page.join('\n'));
    const outside = new Set(outsideArticle(blocks, blocks.map((_, i) => i)).map((i) => blocks[i]!.text));
    for (const kept of PARAGRAPHS.slice(0, 2)) expect(outside.has(kept)).toBe(false);
    for (const cut of teasers) expect(outside.has(cut)).toBe(true);
  });
  it('keeps a two-part article and cuts a live ticker beside it, even where the ticker holds more prose than the article', () => {
    const more = PARAGRAPHS.map((p) => p.replace('The ', 'Later, the ').replace('A spokesman', 'Later, a spokesman'));
    const places = ['harbour', 'station', 'market', 'school', 'library', 'hospital', 'park', 'museum', 'stadium', 'airport', 'castle', 'theatre', 'church', 'bakery', 'farm', 'mill'];
    const ticker = places.flatMap((place, i) => [
      `${String(14 - Math.floor(i / 4)).padStart(2, '0')}:${String(50 - (i % 4) * 10)} News from the ${place}`,
      `The people who run the ${place} said on Monday that they would be closed for most of the week while the work that was planned for the winter is done, and that they were sorry for the trouble it would cause to all of their visitors.`,
    ]);
    const page = [...MENU, 'Bridge to close for a year', ...PARAGRAPHS, 'What happens next', ...more, 'Newsletter', 'Sign up', 'Live', ...ticker, ...FOOTER];
    const blocks = segment(page.join('\n'));
    const outside = new Set(outsideArticle(blocks, blocks.map((_, i) => i)).map((i) => blocks[i]!.text));
    for (const kept of [...PARAGRAPHS, 'What happens next', ...more]) expect(outside.has(kept)).toBe(false);
    for (const cut of ticker) expect(outside.has(cut)).toBe(true);
  });
  it('takes in a closing byline after the article, not a long list of names', () => {
    const names = Array.from({ length: 60 }, (_, i) => `reader${i + 1}`).join(', ');
    const page = [...MENU, 'Bridge to close for a year', ...PARAGRAPHS, 'Jane Example is our transport reporter', names, ...FOOTER];
    const blocks = segment(page.join('\n'));
    const outside = new Set(outsideArticle(blocks, blocks.map((_, i) => i)).map((i) => blocks[i]!.text));
    expect(outside.has('Jane Example is our transport reporter')).toBe(false);
    expect(outside.has(names)).toBe(true);
  });
  it('leaves a scrape of the article alone untouched', () => {
    const article = segment(['Bridge to close for a year', 'By Jane Example', ...PARAGRAPHS, 'Share this'].join('\n'));
    expect(outsideArticle(article, article.map((_, i) => i))).toEqual([]);
  });
});

describe('the headline of a page dump', () => {
  it('is the longest headline-shaped line among the short lines that head the article', async () => {
    const { findHeadline } = await import('../../src/lib/ingest/headline.ts');
    const lead = ['World', 'Europe', 'Sign in', 'Bridge to close for a year after council vote', 'By Jane Example', '12 March 2024'];
    const blocks = segment([...lead, ...PARAGRAPHS].join('\n'));
    expect(findHeadline(blocks, blocks.map((_, i) => i))?.text).toBe('Bridge to close for a year after council vote');
  });
});
