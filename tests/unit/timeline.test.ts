import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentFile } from '../../src/lib/ingest/markdown.ts';
import { articleSchema } from '../../src/lib/schema.ts';
import { parseKnowledge, storyFacets } from '../../src/lib/site/knowledge.ts';
import { escapeHtml, topicTimeline } from '../../src/lib/site/timeline.ts';
import { EVENT_CITATIONS_SHOWN } from '../../src/lib/site/browse.ts';

const knowledge = parseKnowledge(JSON.parse(readFileSync('content/knowledge.json', 'utf8')));
const articles = readdirSync('content/articles').map((f) => ({ id: f.replace(/\.md$/, ''), data: articleSchema.parse(readContentFile(readFileSync(`content/articles/${f}`, 'utf8')).data) }));

describe('the knowledge layer on the seeds', () => {
  it('puts all five articles in one topic, and the two on the August ceremony in one story', () => {
    expect(knowledge.stories.topics).toHaveLength(1);
    expect(knowledge.stories.topics[0]!.articles).toHaveLength(5);
    const august = knowledge.stories.stories.find((s) => s.articles.length === 2)!;
    const paths = august.articles.map((id) => articles.find((a) => a.id === id)!.data.source.path.slice(0, 3)).sort();
    expect(paths).toEqual(['000', '002']);
  });
  it('dates the pact June 2024 and the first deployment October 2024, with at least a dozen events', () => {
    expect(knowledge.events.length).toBeGreaterThanOrEqual(12);
    expect(knowledge.events.find((e) => /pact|treaty/i.test(e.summary))?.date).toBe('2024-06');
    expect(knowledge.events.find((e) => /first deployed/i.test(e.summary))?.date).toBe('2024-10');
    expect(knowledge.events.some((e) => e.date?.startsWith('2025-06') && /pact|treaty/i.test(e.summary))).toBe(false);
  });
  it('gives each article its topic and story for the search facets', () => {
    const facets = storyFacets(knowledge, articles[0]!.id);
    expect(facets.topic).toEqual([knowledge.stories.topics[0]!.name]);
    expect(facets.story).toHaveLength(1);
  });
});

describe('topicTimeline', () => {
  const topic = knowledge.stories.topics[0]!;
  const timeline = topicTimeline(knowledge, topic.id, articles, (id) => `/articles/${id}/`)!;
  it('holds every dated event and every dated article, linking to exact paragraphs', () => {
    const events = timeline.events.filter((e) => e.group === 'Events');
    expect(events.length).toBe(knowledge.events.filter((e) => e.date).length);
    expect(timeline.events.filter((e) => e.group === 'Articles')).toHaveLength(articles.filter((a) => a.data.published.date).length);
    expect(events.every((e) => /href="\/articles\/[^"]+\/#p-\d+"/.test(e.text.text))).toBe(true);
    expect(events.find((e) => /pact/i.test(e.text.headline))?.start_date).toEqual({ year: 2024, month: 6 });
  });
  it('names the first reports of an event told by many and counts the rest', () => {
    const event = knowledge.events.find((e) => e.date)!;
    const many = { ...event, citations: Array.from({ length: 30 }, () => event.citations[0]!) };
    const item = topicTimeline(knowledge, topic.id, articles, (id) => `/articles/${id}/`, [many])!.events.find((e) => e.group === 'Events')!;
    expect(item.text.text.match(/<blockquote>/g)).toHaveLength(EVENT_CITATIONS_SHOWN);
    expect(item.text.text).toContain(`And ${30 - EVENT_CITATIONS_SHOWN} more reports.`);
  });
  it('escapes text, and knows no unknown topic', () => {
    expect(escapeHtml('<script>"x" & \'y\'</script>')).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
    expect(topicTimeline(knowledge, 'no-such-topic', articles, (id) => id)).toBeUndefined();
  });
});
