/**
 * A topic's timeline in TimelineJS's JSON format
 * (https://timeline.knightlab.com/docs/json-format.html), so the data can be
 * reused: each dated event with its quoted sentences and links to the exact
 * paragraphs that tell it, and each article at its publication date. Text
 * fields are HTML in that format, so every string from the articles is
 * escaped here.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Article } from '../schema.ts';
import { publisherName } from './articles.ts';

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

/**
 * @param articleUrl the site URL of an article page (with the base path), for links
 */
export function topicTimeline(
  knowledge: Knowledge,
  topicId: string,
  articles: readonly { id: string; data: Article }[],
  articleUrl: (id: string) => string,
): TimelineJs | undefined {
  const topic = knowledge.stories.topics.find((t) => t.id === topicId);
  if (!topic) return undefined;
  const members = new Set(topic.articles);
  const byId = new Map(articles.map((a) => [a.id, a.data]));
  const events: TimelineJs['events'] = [];
  for (const event of knowledge.events) {
    if (!event.date || !event.citations.some((c) => members.has(c.article))) continue;
    const cites = event.citations
      .filter((c) => members.has(c.article))
      .map((c) => {
        const data = byId.get(c.article);
        const source = data ? publisherName(data.publisher) : c.article;
        return `<blockquote>${escapeHtml(c.sentence)}</blockquote><p><a href="${escapeHtml(`${articleUrl(c.article)}#p-${c.paragraph}`)}">${escapeHtml(source)}, paragraph ${c.paragraph}</a></p>`;
      })
      .join('');
    const note = event.note ? `<p><em>${escapeHtml(event.note)}</em></p>` : '';
    events.push({ unique_id: event.id, start_date: dateOf(event.date), group: 'Events', text: { headline: escapeHtml(event.summary), text: `${cites}${note}` } });
  }
  for (const id of topic.articles) {
    const data = byId.get(id);
    if (!data?.published.date) continue;
    events.push({
      unique_id: `article-${id}`,
      start_date: dateOf(data.published.date),
      group: 'Articles',
      text: {
        headline: escapeHtml(data.headline),
        text: `<p>${escapeHtml(publisherName(data.publisher))}. <a href="${escapeHtml(articleUrl(id))}">Read the article</a></p>`,
      },
    });
  }
  return {
    title: { text: { headline: escapeHtml(topic.name), text: topic.description ? `<p>${escapeHtml(topic.description)}</p>` : '' } },
    events,
  };
}
