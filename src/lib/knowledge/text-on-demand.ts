/**
 * Articles whose text is read when a stage comes to it, for corpora too large
 * to hold every article's front matter and body at once: the stages after the
 * entities (figures, events, stories) read the articles in id order, a few at
 * a time, so holding the text of the last few read is enough to read each
 * about once per pass.
 */
import type { KnowledgeArticle } from './text.ts';

/** How many articles' text a view keeps after reading it (first in, first out). */
export const TEXT_KEPT = 8;

/**
 * The articles as views with the same ids, whose `data` and `body` come from
 * `read` (called again for an article once its text has left the last
 * `kept` read). Each read gives equal values, so a stage sees what it would
 * see over the articles themselves.
 */
export function textOnDemand(articles: readonly KnowledgeArticle[], read: (article: KnowledgeArticle) => Pick<KnowledgeArticle, 'data' | 'body'>, kept = TEXT_KEPT): KnowledgeArticle[] {
  const recent = new Map<KnowledgeArticle, Pick<KnowledgeArticle, 'data' | 'body'>>();
  const textOf = (article: KnowledgeArticle): Pick<KnowledgeArticle, 'data' | 'body'> => {
    let text = recent.get(article);
    if (text === undefined) {
      text = read(article);
      if (recent.size >= kept) recent.delete(recent.keys().next().value as KnowledgeArticle);
      recent.set(article, text);
    }
    return text;
  };
  return articles.map((article) => ({
    id: article.id,
    get data() {
      return textOf(article).data;
    },
    get body() {
      return textOf(article).body;
    },
  }));
}
