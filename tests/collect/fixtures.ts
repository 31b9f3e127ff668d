/**
 * Pages and feeds for the collector's tests, made on the fly: news article
 * pages with the furniture real sites wrap them in (navigation, a cookie
 * notice, an ad label, a newsletter box, share buttons, a "most read" rail,
 * a footer) and the metadata the collector reads (og:site_name,
 * article:published_time, JSON-LD, canonical link), and feeds in RSS 2.0,
 * Atom 1.0 and JSON Feed 1.1 listing them.
 */

export interface Story {
  /** Path on the test server, e.g. `/news/ferry`. */
  path: string;
  title: string;
  /** What the story is about, woven into its paragraphs so each story's text differs. */
  subject: string;
  place: string;
  /** `og:site_name`. */
  site?: string;
  /** `article:published_time`, e.g. `2025-08-22T09:00:00Z`. */
  published?: string;
  /** JSON-LD `datePublished`. */
  ldPublished?: string;
  /** JSON-LD `publisher.name`. */
  ldPublisher?: string;
  /** Absolute canonical link. */
  canonical?: string;
  /** Changes the text (a correction), for new-version tests. */
  correction?: string;
  /** A lead image: `og:image` (with its alt) and a figure in the article with its caption and credit. */
  image?: { url: string; alt?: string; caption?: string; credit?: string };
}

/** Four paragraphs of plain news prose about the story's subject. */
export function paragraphs(story: Pick<Story, 'subject' | 'place' | 'correction'>): string[] {
  const { subject, place } = story;
  return [
    `Officials in ${place} said on Tuesday that ${subject} would go ahead after months of debate, according to a statement released by the regional council.`,
    `The decision follows a public consultation in which more than 1,200 residents of ${place} took part, the council said, with most of them backing ${subject}.`,
    `Critics argue that ${subject} will cost far more than planned. "We have seen budgets like this grow before," said one local business owner, who asked not to be named.`,
    `Work on ${subject} is expected to begin next spring and to last about two years, the statement added, and a second review is planned for the autumn.`,
    ...(story.correction === undefined ? [] : [story.correction]),
  ];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The article as a full web page. */
export function articlePage(story: Story): string {
  const site = story.site ?? 'The Northport Courier';
  const [p1, p2, p3, ...rest] = paragraphs(story);
  const ld =
    story.ldPublished !== undefined || story.ldPublisher !== undefined
      ? `<script type="application/ld+json">${JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: story.title,
          ...(story.ldPublished === undefined ? {} : { datePublished: story.ldPublished }),
          ...(story.ldPublisher === undefined ? {} : { publisher: { '@type': 'NewsMediaOrganization', name: story.ldPublisher } }),
        })}</script>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(story.title)} | ${esc(site)}</title>
<meta property="og:site_name" content="${esc(site)}">
<meta property="og:title" content="${esc(story.title)}">
${story.published === undefined ? '' : `<meta property="article:published_time" content="${story.published}">`}
${story.canonical === undefined ? '' : `<link rel="canonical" href="${esc(story.canonical)}">`}
${story.image === undefined ? '' : `<meta property="og:image" content="${esc(story.image.url)}">`}
${story.image?.alt === undefined ? '' : `<meta property="og:image:alt" content="${esc(story.image.alt)}">`}
${ld}
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-notice" role="dialog"><p>We use cookies to improve your experience.</p><button>Accept all cookies</button></div>
<main>
<article>
<h1>${esc(story.title)}</h1>
<p class="byline">By Dana Whitfield</p>
${story.image === undefined ? '' : `<figure><img src="${esc(story.image.url)}" alt=""><figcaption>${esc(story.image.caption ?? '')} <span class="credit">${esc(story.image.credit ?? '')}</span></figcaption></figure>`}
<p>${esc(p1!)}</p>
<p>Advertisement</p>
<p>${esc(p2!)}</p>
<div class="newsletter"><p>Sign up for our daily newsletter to get the latest news in your inbox.</p></div>
<p>${esc(p3!)}</p>
${rest.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article>
</main>
<aside><h2>Most read</h2><ul><li><a href="/other">Council elections: what you need to know</a></li></ul></aside>
<footer><p>© 2025 ${esc(site)}. All rights reserved.</p></footer>
</body>
</html>
`;
}

export interface FeedEntry {
  title: string;
  link: string;
  /** An RFC 822 date for RSS, ISO 8601 for Atom and JSON Feed. */
  date?: string;
  updated?: string;
  summary?: string;
  categories?: string[];
}

export function rssFeed(title: string, entries: readonly FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `<item>
<title>${esc(e.title)}</title>
<link>${esc(e.link)}</link>
<guid isPermaLink="true">${esc(e.link)}</guid>
${e.date === undefined ? '' : `<pubDate>${e.date}</pubDate>`}
${e.summary === undefined ? '' : `<description>${esc(e.summary)}</description>`}
${(e.categories ?? []).map((c) => `<category>${esc(c)}</category>`).join('')}
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>http://127.0.0.1/</link><description>Test feed</description>
${items}
</channel></rss>
`;
}

export function atomFeed(title: string, entries: readonly FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `<entry>
<title>${esc(e.title)}</title>
<link rel="alternate" type="text/html" href="${esc(e.link)}"/>
<id>${esc(e.link)}</id>
${e.date === undefined ? '' : `<published>${e.date}</published>`}
<updated>${e.updated ?? e.date ?? '2025-01-01T00:00:00Z'}</updated>
${e.summary === undefined ? '' : `<summary>${esc(e.summary)}</summary>`}
${(e.categories ?? []).map((c) => `<category term="${esc(c)}"/>`).join('')}
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:feed</id><updated>2025-08-23T00:00:00Z</updated>
${items}
</feed>
`;
}

export function jsonFeed(title: string, entries: readonly FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: entries.map((e) => ({
      id: e.link,
      url: e.link,
      title: e.title,
      ...(e.date === undefined ? {} : { date_published: e.date }),
      ...(e.updated === undefined ? {} : { date_modified: e.updated }),
      ...(e.summary === undefined ? {} : { summary: e.summary }),
      ...(e.categories === undefined ? {} : { tags: e.categories }),
    })),
  });
}
