/**
 * The site's lookups at scale: the indexes the pages use give exactly what a
 * scan of the corpus gives, on the project's articles and on a generated
 * corpus of 10,000; every list a page shows stays bounded; the fast reading
 * of Markdown bodies is the parser's.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { contentEntries } from '../content-entries.ts';
import type { Knowledge } from '../../src/lib/knowledge/knowledge.ts';
import type { FigureGroup } from '../../src/lib/knowledge/schema.ts';
import type { Topic } from '../../src/lib/knowledge/stories.ts';
import { bodyToMarkdown } from '../../src/lib/ingest/markdown.ts';
import type { Article } from '../../src/lib/schema.ts';
import { bodyBlocks, firstParagraph, sortNewestFirst } from '../../src/lib/site/articles.ts';
import { markdownBlocks } from '../../src/lib/markdown-blocks.ts';
import {
  coverageBadges,
  ENTITY_ARTICLES_SHOWN,
  ENTITY_EVENTS_SHOWN,
  ENTITY_TOPICS_SHOWN,
  entityListing,
  eventsCiting,
  figuresFor,
  nameArticleIds,
  neighbours,
  paginateTimeline,
  placeOf,
  siteIndex,
  storiesOfTopic,
  timelineCounts,
  topicTimeline,
  type Entry,
  type TimelineMonth,
} from '../../src/lib/site/browse.ts';
import { entitiesOf, entityFacets, indexKnowledge, parseKnowledge, storyFacets } from '../../src/lib/site/knowledge.ts';
import { facetValuesShown } from '../../src/lib/site/search.ts';
import { topicTimeline as timelineJs } from '../../src/lib/site/timeline.ts';

// ---------------------------------------------------------------------------
// What the pages computed before the indexes: scans of the whole corpus.

const naive = {
  placeOf: (k: Knowledge, a: string) => ({ topic: k.stories.topics.find((t) => t.articles.includes(a)), story: k.stories.stories.find((s) => s.articles.includes(a)) }),
  neighbours(k: Knowledge, entries: readonly Entry[], a: string) {
    const topic = naive.placeOf(k, a).topic;
    if (!topic) return { previous: undefined, next: undefined };
    const ordered = sortNewestFirst(entries.filter((e) => topic.articles.includes(e.id))).reverse();
    const at = ordered.findIndex((e) => e.id === a);
    return { previous: at > 0 ? ordered[at - 1] : undefined, next: at >= 0 ? ordered[at + 1] : undefined };
  },
  entitiesOf(k: Knowledge, a: string) {
    const byId = new Map(k.entities.entities.map((e) => [e.id, e]));
    const row = k.entities.articles.find((r) => r.article === a);
    return (row?.entities ?? []).flatMap(({ id, count }) => (byId.get(id) ? [{ entity: byId.get(id)!, count }] : []));
  },
  storyFacets: (k: Knowledge, a: string) => ({
    topic: k.stories.topics.filter((t) => t.articles.includes(a)).map((t) => t.name),
    story: k.stories.stories.filter((s) => s.articles.includes(a)).map((s) => s.generatedName),
  }),
  eventsNaming(k: Knowledge, id: string) {
    const entity = k.entities.entities.find((e) => e.id === id);
    if (!entity) return [];
    const places = new Set(entity.mentions.map((m) => `${m.article}#${m.block}`));
    return k.events.filter((e) => e.citations.some((c) => places.has(`${c.article}#${c.paragraph}`)));
  },
  entitiesNamedIn: (k: Knowledge, articles: readonly string[], limit: number) => {
    const members = new Set(articles);
    return k.entities.entities.filter((e) => e.articles.some((a) => members.has(a))).slice(0, limit);
  },
};

function checkAgainstScans(knowledge: Knowledge, entries: readonly Entry[], articles: readonly string[]): void {
  const index = indexKnowledge(knowledge);
  const site = siteIndex(knowledge, entries);
  for (const a of articles) {
    expect(placeOf(knowledge, a)).toEqual(naive.placeOf(knowledge, a));
    expect({ topic: site.topicOf(a), story: site.storyOf(a) }).toEqual(naive.placeOf(knowledge, a));
    const n = naive.neighbours(knowledge, entries, a);
    expect(neighbours(knowledge, entries, a)).toEqual(n);
    expect(site.neighbours(a)).toEqual(n);
    expect(entitiesOf(knowledge, a)).toEqual(naive.entitiesOf(knowledge, a));
    expect(storyFacets(knowledge, a)).toEqual(naive.storyFacets(knowledge, a));
    expect(index.eventsCiting([a])).toEqual(eventsCiting(knowledge.events, [a]));
  }
  for (const s of knowledge.stories.stories.slice(0, 200)) {
    expect(index.eventsCiting(s.articles)).toEqual(eventsCiting(knowledge.events, s.articles));
    expect(index.topicOfStory(s.id)).toBe(knowledge.stories.topics.find((t) => t.stories.includes(s.id)));
    expect(site.resolve(s.articles)).toEqual(s.articles.flatMap((id) => entries.find((e) => e.id === id) ?? []));
  }
  for (const e of knowledge.entities.entities.slice(0, 200)) expect(index.eventsNaming(e.id)).toEqual(naive.eventsNaming(knowledge, e.id));
  for (const t of knowledge.stories.topics.slice(0, 20)) {
    expect(index.entitiesNamedIn(t.articles, 10)).toEqual(naive.entitiesNamedIn(knowledge, t.articles, 10));
    // The timeline from the topic's own events and entries is the one from all of them.
    expect(topicTimeline(index.eventsCiting(t.articles), site.resolve(new Set(t.articles)), t)).toEqual(topicTimeline(knowledge.events, entries, t));
  }
  expect(site.newest).toEqual(sortNewestFirst(entries));
}

// ---------------------------------------------------------------------------
// A generated corpus: articles in topics and stories, entities, dated events.

function article(i: number, date: string | undefined): Entry {
  const published: Article['published'] = date ? { date, precision: 'day', basis: 'editor' } : { precision: 'unknown', basis: 'unknown' };
  return {
    id: `a-${i}`,
    data: { headline: `Headline ${i % 97}`, standfirst: [], published, publisher: { name: `Outlet ${i % 13}`, basis: 'page' } } as unknown as Article,
    body: `Paragraph one of ${i}.\n\nParagraph two.\n`,
  };
}

function generated(n: number): { knowledge: Knowledge; entries: Entry[] } {
  const entries = Array.from({ length: n }, (_, i) => article(i, i % 50 === 0 ? undefined : `20${20 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`));
  const ids = entries.map((e) => e.id);
  const stories = Array.from({ length: Math.ceil(n / 4) }, (_, s) => {
    const articles = ids.slice(s * 4, s * 4 + 4);
    return { id: `s-${s}`, articles, firstReport: articles[0]!, wireGroups: s % 5 === 0 ? [articles.slice(0, 3)] : [], span: { from: '2020-01-01', to: `202${s % 6}-01-01` }, generatedName: `Story ${s}` };
  });
  const topics = Array.from({ length: Math.ceil(stories.length / 20) }, (_, t) => {
    const own = stories.slice(t * 20, t * 20 + 20);
    return { id: `t-${t}`, name: `Topic ${t}`, generated: true, stories: own.map((s) => s.id), articles: own.flatMap((s) => s.articles) };
  });
  const entityCount = Math.ceil(n / 5);
  const entities = Array.from({ length: entityCount }, (_, e) => {
    const articles = [ids[e]!, ids[(e * 7) % n]!, ids[(e * 13) % n]!].filter((x, i, all) => all.indexOf(x) === i).sort();
    return {
      id: `e-${e}`,
      name: `Entity ${e}`,
      type: (['person', 'place', 'organisation'] as const)[e % 3]!,
      aliases: [],
      basis: 'detected' as const,
      count: articles.length,
      mentions: articles.map((article) => ({ article, block: 1, text: `Entity ${e}` })),
      articles,
    };
  });
  const rows = new Map<string, { id: string; count: number }[]>();
  for (const e of entities) for (const a of e.articles) rows.set(a, [...(rows.get(a) ?? []), { id: e.id, count: 1 }]);
  const events = Array.from({ length: n }, (_, v) => ({
    id: `ev-${v}`,
    summary: `Event ${v}`,
    ...(v % 10 === 0 ? {} : { date: `20${20 + (v % 6)}-0${1 + (v % 9)}` }),
    citations: [{ article: ids[v]!, paragraph: 1, sentence: `Event ${v} happened.` }, { article: ids[(v * 3) % n]!, paragraph: 2, sentence: `It was event ${v}.` }],
  }));
  const knowledge = {
    entities: { entities, articles: [...rows].map(([article, list]) => ({ article, entities: list })), warnings: [] },
    figures: [],
    figureGroups: [],
    events,
    stories: { stories, topics, duplicates: [], warnings: [] },
  } as unknown as Knowledge;
  return { knowledge, entries };
}

describe('the site index', () => {
  it('answers as the scans did, on the project’s articles', () => {
    const entries = contentEntries();
    const knowledge = parseKnowledge(JSON.parse(readFileSync('content/knowledge.json', 'utf8')));
    checkAgainstScans(knowledge, entries, [...entries.map((e) => e.id), 'no-such-article']);
    expect(entityFacets(knowledge, entries[0]!.id)).toBeTruthy();
  });

  it('answers as the scans did on 10,000 generated articles, and answers all of them in linear time', () => {
    const { knowledge, entries } = generated(10_000);
    // Spot checks against the scans (each scan is linear, so all 10,000 would be quadratic).
    checkAgainstScans(knowledge, entries, entries.filter((_, i) => i % 250 === 7).map((e) => e.id));
    // Every article page's lookups at once: the scans took minutes here; the index, well under a second on a quiet machine.
    const fresh = generated(10_000);
    const started = performance.now();
    const site = siteIndex(fresh.knowledge, fresh.entries);
    let linked = 0;
    for (const e of fresh.entries) {
      const { previous, next } = site.neighbours(e.id);
      linked += Number(previous !== undefined) + Number(next !== undefined);
      site.knowledge.entitiesOf(e.id);
      site.knowledge.storiesOf(e.id);
      site.knowledge.eventsCiting([e.id]);
    }
    for (const ent of fresh.knowledge.entities.entities) site.knowledge.eventsNaming(ent.id);
    for (const s of fresh.knowledge.stories.stories) site.knowledge.eventsCiting(s.articles);
    expect(linked).toBeGreaterThan(fresh.entries.length);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('is built once per knowledge layer and entries', () => {
    const { knowledge, entries } = generated(100);
    expect(siteIndex(knowledge, entries)).toBe(siteIndex(knowledge, entries));
    expect(indexKnowledge(knowledge)).toBe(indexKnowledge(knowledge));
    expect(siteIndex(knowledge, [...entries])).not.toBe(siteIndex(knowledge, entries));
  });
});

// ---------------------------------------------------------------------------

const month = (key: string, days: [string, number][]): TimelineMonth => ({
  key,
  label: key,
  days: days.map(([day, n]) => ({ key: day, label: day, items: Array.from({ length: n }, (_, i) => ({ kind: 'article' as const, date: day, entry: article(i, day) })) })),
});
const itemsOf = (months: readonly TimelineMonth[]): string[] => months.flatMap((m) => m.days.flatMap((d) => d.items.map((i) => `${d.key}/${i.kind === 'article' ? i.entry.id : i.event.id}`)));

describe('paginateTimeline', () => {
  it('cuts a timeline into bounded pages, latest first, each oldest first, losing and repeating nothing', () => {
    const months = [month('2024-01', [['2024-01-03', 7], ['2024-01-09', 30]]), month('2024-02', [['2024-02', 2], ['2024-02-01', 40], ['2024-02-20', 3]]), month('2024-03', [['2024-03-05', 12]])];
    const pages = paginateTimeline(months, 25);
    for (const p of pages) expect(timelineCounts(p).articles).toBeLessThanOrEqual(25);
    expect([...pages].reverse().flatMap(itemsOf)).toEqual(itemsOf(months));
    // The first page ends with the latest item; a page ends between days when it can.
    expect(itemsOf(pages[0]!).at(-1)).toBe(itemsOf(months).at(-1));
    expect(pages[0]!.flatMap((m) => m.days.map((d) => d.key))).toEqual(['2024-02-20', '2024-03-05']);
    // A day longer than a page is split, with its heading on each page.
    expect(pages.filter((p) => p.some((m) => m.days.some((d) => d.key === '2024-02-01'))).length).toBeGreaterThan(1);
    // Months stay whole within a page.
    for (const p of pages) expect(new Set(p.map((m) => m.key)).size).toBe(p.length);
  });
  it('gives one page for a short or empty timeline', () => {
    const months = [month('2024-01', [['2024-01-03', 3]])];
    expect(paginateTimeline(months, 50)).toEqual([months]);
    expect(paginateTimeline([], 50)).toEqual([[]]);
    expect(() => paginateTimeline(months, 0)).toThrow();
  });
});

describe('bounded lists', () => {
  it('narrows figure claims to the articles, and bounds claims and links', () => {
    const figure = (article: string, attribution?: string) => ({ article, block: 2, sentence: 's', measure: 'deaths', value: 3, text: '3', qualifier: 'exact', phrase: '3 dead', ...(attribution ? { attribution } : {}) });
    const groups = [
      {
        measure: 'deaths',
        claims: [
          { qualifier: 'exact', value: 3, label: '3', articles: ['x', 'y', 'z'], attributions: ['police', 'army'], figures: [figure('x', 'police'), figure('y', 'army'), figure('z')] },
          { qualifier: 'exact', value: 5, label: '5', articles: ['q'], attributions: [], figures: [figure('q')] },
          ...Array.from({ length: 20 }, (_, i) => ({ qualifier: 'exact', value: 10 + i, label: String(10 + i), articles: ['y'], attributions: [], figures: [figure('y')] })),
        ],
      },
      { measure: 'other', claims: [{ qualifier: 'exact', value: 1, label: '1', articles: ['x'], attributions: [], figures: [figure('x')] }] },
    ] as unknown as FigureGroup[];
    const [deaths, ...rest] = figuresFor(groups, ['x', 'y'], { claims: 5, links: 1 });
    expect(rest).toEqual([]);
    expect(deaths!.total).toBe(21);
    expect(deaths!.claims).toHaveLength(5);
    expect(deaths!.claims[0]).toEqual({ label: '3', articles: 2, attributions: ['army'], figures: [{ article: 'x', block: 2 }], more: 1 });
    expect(figuresFor(groups, ['q'], { claims: 5, links: 5 })[0]!.claims.map((c) => c.label)).toEqual(['5']);
  });
  it('lists a few copies by headline in a story’s badges', () => {
    const story = { firstReport: 'a', wireGroups: [['a', 'b', 'c', 'd', 'e', 'f']] };
    const badge = coverageBadges(story, (id) => (id === 'z' ? undefined : id.toUpperCase()), 3);
    expect(badge('a')).toBe('First report');
    expect(badge('b')).toBe('Copy of the same text as A, C, D and 2 more');
    expect(badge('x')).toBeUndefined();
  });
  it('lists a topic’s latest stories, and counts them all', () => {
    const { knowledge } = generated(400);
    const topic = knowledge.stories.topics[0]!;
    const { stories, total } = storiesOfTopic(knowledge, topic, 5);
    expect(total).toBe(topic.stories.length);
    expect(stories).toHaveLength(5);
    const tos = stories.map((s) => s.span.to!);
    expect(tos).toEqual([...tos].sort().reverse());
  });
  it('folds long facets, keeping what is selected', () => {
    const values = Array.from({ length: 30 }, (_, i): [string, number] => [`v${i}`, 30 - i]);
    expect(facetValuesShown(values, [], false, 10)).toEqual({ shown: values.slice(0, 10), hidden: 20 });
    expect(facetValuesShown(values, ['v25'], false, 10).shown.map(([v]) => v)).toEqual([...values.slice(0, 10).map(([v]) => v), 'v25']);
    expect(facetValuesShown(values, [], true, 10)).toEqual({ shown: values, hidden: 0 });
    expect(facetValuesShown(values.slice(0, 4), [], false, 10).hidden).toBe(0);
  });
  it('names articles in event notes by whole ids only', () => {
    const names = new Map([['a-1', 'Reuters'], ['a-12', 'AP']]);
    expect(nameArticleIds('a-12: “Friday” could be 2025-08-22; a-1 (paragraph 3) dates it.', (id) => names.get(id))).toBe('AP: “Friday” could be 2025-08-22; Reuters (paragraph 3) dates it.');
  });
  it('lists an entity’s latest events, newest articles and main topics, counting the rest, at any size', () => {
    for (const size of [2000, 10_000]) {
      const { knowledge, entries } = generated(size);
      const site = siteIndex(knowledge, entries);
      const topicsOf = (id: string): readonly Topic[] => site.knowledge.topicsOf(id);
      // An entity named everywhere: every event and article of the corpus, given in any order.
      const events = [...knowledge.events].reverse();
      const listing = entityListing(events, entries, topicsOf);
      expect(listing.events.shown).toHaveLength(ENTITY_EVENTS_SHOWN);
      expect(listing.events).toMatchObject({ more: size - ENTITY_EVENTS_SHOWN, total: size });
      // The latest dated events, newest first: none later is left out.
      const dates = listing.events.shown.map((e) => e.date!);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(events.filter((e) => e.date !== undefined && e.date > dates.at(-1)!).every((e) => listing.events.shown.includes(e))).toBe(true);
      expect(listing.articles).toEqual({ shown: sortNewestFirst(entries).slice(0, ENTITY_ARTICLES_SHOWN), more: size - ENTITY_ARTICLES_SHOWN, total: size });
      // Topics holding the most of its articles first; every topic counted.
      expect(listing.topics.shown).toHaveLength(ENTITY_TOPICS_SHOWN);
      expect(listing.topics.shown.length + listing.topics.more).toBe(knowledge.stories.topics.length);
      const counts = listing.topics.shown.map((t) => t.articles);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(listing.topics.shown[0]!.articles).toBe(Math.max(...knowledge.stories.topics.map((t) => new Set(t.articles).size)));
    }
  });
  it('lists all of a small entity’s events, undated last', () => {
    const { knowledge, entries } = generated(100);
    const site = siteIndex(knowledge, entries);
    // Events 0 and 10 have no agreed date.
    const twelve = knowledge.events.slice(0, 12);
    const listing = entityListing(twelve, entries.slice(0, 3), (id) => site.knowledge.topicsOf(id), { events: 20, articles: 20, topics: 20 });
    expect(listing.events.shown.map((e) => e.id).slice(-2)).toEqual(['ev-0', 'ev-10']);
    expect(listing.events.more).toBe(0);
    expect(listing.articles).toMatchObject({ more: 0, total: 3 });
    expect(listing.topics).toEqual({ shown: [{ topic: knowledge.stories.topics[0], articles: 3 }], more: 0 });
    const cut = entityListing(twelve, entries.slice(0, 3), (id) => site.knowledge.topicsOf(id));
    expect(cut.events.shown.every((e) => e.date !== undefined)).toBe(true);
    expect(cut.events.more).toBe(2);
    expect(entityListing([], [], () => [])).toEqual({ events: { shown: [], more: 0, total: 0 }, articles: { shown: [], more: 0, total: 0 }, topics: { shown: [], more: 0 } });
  });
  it('keeps a topic’s timeline.json to its latest items', () => {
    const { knowledge, entries } = generated(2000);
    const topic = knowledge.stories.topics[0]!;
    const full = timelineJs(knowledge, topic.id, entries, (id) => `/articles/${id}/`, knowledge.events, Infinity)!;
    const cut = timelineJs(knowledge, topic.id, entries, (id) => `/articles/${id}/`, indexKnowledge(knowledge).eventsCiting(topic.articles), 30)!;
    expect(full.events.length).toBeGreaterThan(30);
    expect(cut.events).toHaveLength(30);
    const date = (e: (typeof full.events)[number]): string => [e.start_date.year, e.start_date.month ?? 0, e.start_date.day ?? 0].map((x) => String(x).padStart(4, '0')).join('-');
    const oldestKept = cut.events.map(date).sort()[0]!;
    expect(full.events.filter((e) => date(e) > oldestKept).every((e) => cut.events.some((c) => c.unique_id === e.unique_id))).toBe(true);
    expect(cut.title.text.text).toMatch(/latest 30 of \d+/);
  });
});

// ---------------------------------------------------------------------------

const parsed = (markdown: string) => fromMarkdown(markdown).children.flatMap((n) => (n.type === 'paragraph' || n.type === 'heading' ? [{ kind: n.type, text: toString(n) }] : []));

describe('markdownBlocks', () => {
  it('reads every body of the project as the parser does', () => {
    for (const e of contentEntries()) {
      expect(markdownBlocks(e.body)).toEqual(parsed(e.body));
      expect(bodyBlocks(e.body, e.data.blocks).map((b) => b.text)).toEqual(parsed(e.body).map((b) => b.text));
    }
  });
  it('reads what the ingest writes, and any text at all, as the parser does', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\n', '#', '*', '_', '-', '+', '1', '.', ')', '[', ']', '(', ':', '<', '>', '&', ';', '\\', '`', '~', '=', '|', '!', 'é', '\u00a0', '\r', '\0'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom('paragraph' as const, 'heading' as const), text: text.filter((t) => t.trim() !== '') }), { maxLength: 6 }), (blocks) => {
        const markdown = bodyToMarkdown(blocks);
        expect(markdownBlocks(markdown)).toEqual(parsed(markdown));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }).map((parts) => parts.join('\n\n')), (markdown) => {
        expect(markdownBlocks(markdown)).toEqual(parsed(markdown));
        const first = parsed(markdown).find((b) => b.kind === 'paragraph')?.text ?? '';
        expect(firstParagraph(markdown)).toBe(first);
      }),
      { numRuns: 500 },
    );
  });
  it('stops after the first paragraph when asked', () => {
    expect(markdownBlocks('## Head\n\nOne.\n\nTwo.\n', true)).toEqual([
      { kind: 'heading', text: 'Head' },
      { kind: 'paragraph', text: 'One.' },
    ]);
    expect(firstParagraph('[x]\n\nText\n\n[x]: /y\n')).toBe('x');
  });
});

describe('the site’s knowledge schema', () => {
  it('is the ingest’s knowledgeSchema, field for field, without loading the entity detector', async () => {
    const { knowledgeSchema } = await import('../../src/lib/knowledge/knowledge.ts');
    const { siteKnowledgeSchema } = await import('../../src/lib/site/knowledge.ts');
    const ours = siteKnowledgeSchema.shape;
    const theirs = knowledgeSchema.shape;
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    expect(ours.entities).toBe(theirs.entities);
    expect(ours.stories).toBe(theirs.stories);
    expect(ours.figures.element).toBe(theirs.figures.element);
    expect(ours.figureGroups.element).toBe(theirs.figureGroups.element);
    expect(ours.events.element).toBe(theirs.events.element);
    const json: unknown = JSON.parse(readFileSync('content/knowledge.json', 'utf8'));
    expect(parseKnowledge(json)).toEqual(knowledgeSchema.parse(json));
  });
});
