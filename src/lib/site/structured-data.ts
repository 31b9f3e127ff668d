/**
 * Schema.org data for search engines and link previews: `WebSite` (the
 * site's name, tagline and language) on the home page, `NewsArticle` on
 * article pages, `CollectionPage` with an `ItemList` on topic pages. Facts we
 * do not know are left out, never filled in.
 */
import type { SiteArticle as Article } from './site-article.ts';
import { absoluteUrl } from './config.ts';

/** The site itself, as `content/site.yaml` names it: the home page's data. */
export function websiteLd(settings: { title: string; description: string; language: string }, site: string, base: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: settings.title,
    description: settings.description,
    url: absoluteUrl(site, base, ''),
    inLanguage: settings.language,
  };
}

/** `language` is the one the site declares its pages in (`content/site.yaml`). */
/** `image`: the absolute address of the article's lead image as the site publishes it, when it shows one. */
export function newsArticleLd(entry: { id: string; data: Article }, site: string, base: string, keywords: readonly string[], language = 'en', image?: string): object {
  const { data } = entry;
  const url = absoluteUrl(site, base, `articles/${entry.id}/`);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.headline,
    url,
    mainEntityOfPage: url,
    ...(data.standfirst[0] ? { description: data.standfirst[0].text } : {}),
    ...(data.published.date ? { datePublished: data.published.date } : {}),
    ...(data.publisher.name ? { publisher: { '@type': 'Organization', name: data.publisher.name } } : {}),
    ...(image === undefined ? {} : { image: [image] }),
    ...(data.url ? { isBasedOn: data.url.href } : {}),
    ...(keywords.length > 0 ? { keywords: keywords.join(', ') } : {}),
    wordCount: data.words,
    inLanguage: language,
  };
}

export function collectionPageLd(
  topic: { id: string; name: string; description?: string | undefined },
  articles: readonly { id: string; data: Article }[],
  site: string,
  base: string,
): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: topic.name,
    url: absoluteUrl(site, base, `topics/${topic.id}/`),
    ...(topic.description ? { description: topic.description } : {}),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: articles.length,
      itemListElement: articles.map((a, i) => ({ '@type': 'ListItem', position: i + 1, url: absoluteUrl(site, base, `articles/${a.id}/`), name: a.data.headline })),
    },
  };
}
