/**
 * A topic's timeline in TimelineJS's JSON format
 * (https://timeline.knightlab.com/docs/json-format.html), so the data can be
 * reused: each dated event with its quoted sentences and links to the exact
 * paragraphs that tell it, and each article at its publication date. Text
 * fields are HTML in that format, so every string from the articles is
 * escaped here.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { TimelineEvent } from '../knowledge/events.ts';
import { indexKnowledge } from './knowledge.ts';
import type { SiteArticle as Article } from './site-article.ts';
import { publisherName } from './articles.ts';
import { EVENT_CITATIONS_SHOWN, firstOf } from './browse.ts';

interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimelineJs {
  title: { text: { headline: string; text: string } };
  events: { unique_id: string; start_date: TimelineDate; display_date?: string; group: string; text: { headline: string; text: string } }[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function dateOf(iso: string): TimelineDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y!, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) };
}

/** Items (dated events and articles) a topic's `timeline.json` carries: its latest ones. */
export const TIMELINE_JSON_LIMIT = 200;

/**
 * @param articleUrl the site URL of an article page (with the base path), for links
 * @param events the events to consider, e.g. those citing the topic's articles; every event by default
 * @param limit the most items to carry, the latest kept (ties: events first, then the knowledge layer's order)
 */
export function topicTimeline(
  knowledge: Knowledge,
  topicId: string,
  articles: readonly { id: string; data: Article }[],
  articleUrl: (id: string) => string,
  events: readonly TimelineEvent[] = knowledge.events,
  limit = TIMELINE_JSON_LIMIT,
): TimelineJs | undefined {
  const topic = indexKnowledge(knowledge).topic(topicId);
  if (!topic) return undefined;
  const members = new Set(topic.articles);
  const byId = new Map(articles.map((a) => [a.id, a.data]));
  const items: { date: string; make: () => TimelineJs['events'][number] }[] = [];
  for (const event of events) {
    const date = event.date;
    if (!date || !event.citations.some((c) => members.has(c.article))) continue;
    items.push({
      date,
      make: () => {
        const own = firstOf(
          event.citations.filter((c) => members.has(c.article)),
          EVENT_CITATIONS_SHOWN,
        );
        const more = own.more > 0 ? `<p>And ${own.more.toLocaleString('en-US')} more reports.</p>` : '';
        const cites = own.shown
          .map((c) => {
            const data = byId.get(c.article);
            const source = data ? publisherName(data.publisher) : c.article;
            return `<blockquote>${escapeHtml(c.sentence)}</blockquote><p><a href="${escapeHtml(`${articleUrl(c.article)}#p-${c.paragraph}`)}">${escapeHtml(source)}, paragraph ${c.paragraph}</a></p>`;
          })
          .join('');
        const note = event.note ? `<p><em>${escapeHtml(event.note)}</em></p>` : '';
        return { unique_id: event.id, start_date: dateOf(date), group: 'Events', text: { headline: escapeHtml(event.summary), text: `${cites}${more}${note}` } };
      },
    });
  }
  for (const id of topic.articles) {
    const data = byId.get(id);
    const date = data?.published.date;
    if (!data || !date) continue;
    items.push({
      date,
      make: () => ({
        unique_id: `article-${id}`,
        start_date: dateOf(date),
        group: 'Articles',
        text: {
          headline: escapeHtml(data.headline),
          text: `<p>${escapeHtml(publisherName(data.publisher))}. <a href="${escapeHtml(articleUrl(id))}">Read the article</a></p>`,
        },
      }),
    });
  }
  // The latest items, kept in the order above (events, then articles).
  const kept = new Set(
    items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => (a.item.date === b.item.date ? a.i - b.i : a.item.date < b.item.date ? 1 : -1))
      .slice(0, Math.max(0, limit))
      .map(({ item }) => item),
  );
  const intro = kept.size < items.length ? `<p>The latest ${kept.size} of ${items.length} dated events and articles.</p>` : '';
  return {
    title: { text: { headline: escapeHtml(topic.name), text: `${topic.description ? `<p>${escapeHtml(topic.description)}</p>` : ''}${intro}` } },
    events: items.filter((item) => kept.has(item)).map((item) => item.make()),
  };
}
