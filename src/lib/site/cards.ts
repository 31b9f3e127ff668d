/**
 * An article's card: the part of its entry that pages list it by when it is
 * not their own article. A shard of a sharded build keeps the full entry
 * only for the articles whose pages it renders and a card for every other
 * one, so it holds about its slice of the bodies instead of all of them
 * (see `content.config.ts`). What reads an entry it does not
 * render reads only these fields: headline, publisher and date (cards,
 * meta lines, sources of events and figures, neighbours, sorting, the
 * archive and publisher lists), the first standfirst span and the opening
 * of the body (the teaser), the seed path (the raw copy) and the lead image
 * (the list's thumbnail). Pages that
 * need more of an article not their own (the feeds' full texts, the search
 * page's suggestions) read its file (`article-files.ts`).
 */
import { firstParagraph } from './articles.ts';
import type { Entry } from './browse.ts';

/**
 * The shortest opening of `body` (whole blocks, as the ingest writes them:
 * one-line blocks between blank lines) whose first paragraph is the body's,
 * checked, so a card's teaser is the entry's; the whole body when no shorter
 * opening gives the same first paragraph (a body Markdown reads across
 * blocks, e.g. a list).
 */
export function teaserBody(body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  const want = firstParagraph(body);
  const blocks = body.split(/\n(?:[ \t]*\n)+/);
  let opening = '';
  // A handful of blocks at most: the first paragraph comes after the headings, if any, before it.
  for (let i = 0; i < Math.min(blocks.length - 1, 8); i++) {
    opening = i === 0 ? blocks[0]! : `${opening}\n\n${blocks[i]!}`;
    if (firstParagraph(opening) === want) return opening;
  }
  return body;
}

/** The card of an entry: its id, the fields lists read and the opening of its body (`teaserBody`). */
export function articleCard<E extends Entry>(entry: E): E {
  const { headline, publisher, published, standfirst, source, image } = entry.data;
  const data = { headline, publisher, published, standfirst: standfirst.slice(0, 1), source: { path: source.path }, ...(image ? { image } : {}) };
  return { ...entry, data: data as E['data'], body: entry.data.standfirst.length > 0 ? undefined : teaserBody(entry.body) };
}
