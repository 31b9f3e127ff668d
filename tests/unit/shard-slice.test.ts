/**
 * What a shard of a sharded build holds (`src/lib/site/cards.ts`,
 * `knowledge-slice.ts`, `knowledge-file.ts`): an article's card gives the
 * same teaser and list fields as its entry, and the knowledge layer a shard
 * keeps answers every question its pages ask exactly as the whole layer
 * does, on a synthetic layer and on the seeds' own `content/knowledge.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/lib/knowledge/knowledge.ts';
import { teaser } from '../../src/lib/site/articles.ts';
import { entityListing, figuresFor, type Entry } from '../../src/lib/site/browse.ts';
import { articleCard, teaserBody } from '../../src/lib/site/cards.ts';
import { entityDirectory } from '../../src/lib/site/entity-directory.ts';
import { hasEntityPage, indexKnowledge } from '../../src/lib/site/knowledge.ts';
import { readKnowledgeFile, readShardKnowledge } from '../../src/lib/site/knowledge-file.ts';
import { DROP, shardKnowledgeNeeds, shardKnowledgeSelector, type RecordSelector } from '../../src/lib/site/knowledge-slice.ts';
import { inShard, type Shard } from '../../src/lib/site/shards.ts';
import { articleSchema } from '../../src/lib/schema.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('an article card', () => {
  it('keeps the opening of a body up to its first paragraph, or the whole body when Markdown reads across blocks', () => {
    expect(teaserBody('## Heading\n\nFirst *para*.\n\nSecond.')).toBe('## Heading\n\nFirst *para*.');
    expect(teaserBody('Only one.')).toBe('Only one.');
    expect(teaserBody('- a list\n\n- b\n\nText.')).toBe('- a list\n\n- b\n\nText.');
    expect(teaserBody('')).toBe('');
    expect(teaserBody(undefined)).toBeUndefined();
  });
  it('gives the same teaser, headline, publisher, date and seed path as the entry, for every seed article', () => {
    const dir = join(ROOT, 'content/articles');
    for (const name of readdirSync(dir)) {
      const parsed = parseFrontmatter(readFileSync(join(dir, name), 'utf8'), { frontmatter: 'empty-with-spaces' });
      const entry: Entry = { id: name.replace(/\.md$/, ''), data: articleSchema.parse(parsed.frontmatter), body: parsed.content.trim() };
      for (const e of [entry, { ...entry, data: { ...entry.data, standfirst: [] } }]) {
        const card = articleCard(e);
        expect(teaser(card)).toBe(teaser(e));
        expect(card.data.headline).toBe(e.data.headline);
        expect(card.data.publisher).toEqual(e.data.publisher);
        expect(card.data.published).toEqual(e.data.published);
        expect(card.data.source.path).toBe(e.data.source.path);
        expect(JSON.stringify(card).length).toBeLessThan(JSON.stringify(e).length);
      }
    }
  });
});

/** The answers of every query a shard's pages make of the layer, for the pages `shard` renders (all pages without one). */
function answers(knowledge: Knowledge, whole: Knowledge, shard: Shard | undefined, eventTotals?: ReadonlyMap<string, number>, articleTotals?: ReadonlyMap<string, number>): unknown {
  const index = indexKnowledge(knowledge);
  const ids = (list: readonly { id: string }[]): string[] => list.map((x) => x.id);
  const out: Record<string, unknown> = {};
  // Which entities an article names: read by its page and by the feeds it is in (a topic's, or the site's).
  const topicArticles = new Set(whole.stories.topics.filter((t) => inShard(`topics/${t.id}`, shard)).flatMap((t) => t.articles));
  const articles = [...new Set(whole.entities.articles.map((r) => r.article))].filter((a) => inShard(`articles/${a}`, shard) || topicArticles.has(a) || inShard('feeds', shard));
  for (const a of articles) out[`entitiesOf ${a}`] = index.entitiesOf(a).map((e) => [e.entity.id, e.entity.name, e.entity.type, hasEntityPage(e.entity), e.count]);
  // Any page may link any entity.
  for (const e of whole.entities.entities) out[`entity page ${e.id}`] = [index.entity(e.id)?.name, hasEntityPage(index.entity(e.id)!)];
  // The directory of entities, with each one's article count.
  out['directory'] = entityDirectory(knowledge.entities.entities, articleTotals);
  for (const s of whole.stories.stories) if (inShard(`stories/${s.id}`, shard)) out[`story ${s.id}`] = ids(index.eventsCiting(s.articles));
  for (const t of whole.stories.topics) {
    if (!inShard(`topics/${t.id}`, shard)) continue;
    out[`topic ${t.id}`] = [ids(index.eventsCiting(t.articles)), index.figuresIn(t.articles), ids(index.entitiesNamedIn(t.articles, 10)), figuresFor(knowledge.figureGroups, t.articles, { claims: 8, links: 6 })];
  }
  for (const e of whole.entities.entities) {
    if (!hasEntityPage(e) || !inShard(`entities/${e.id}`, shard)) continue;
    // What its page shows of the events that name it: the latest few and the count.
    const named = index.eventsNaming(e.id);
    const { events } = entityListing(named, [], () => [], undefined, eventTotals?.get(e.id) ?? named.length);
    // Its record as the page reads it: every field but its mentions, which only `eventsNaming` reads.
    out[`entity ${e.id}`] = [{ ...index.entity(e.id)!, mentions: undefined }, ids(events.shown), events.more, events.total];
  }
  return out;
}

/** `knowledge` as a reading with `select` keeps it (the frame's arrays' records, as `readKnowledgeFile` hands them). */
function selected(knowledge: Knowledge, select: RecordSelector): Knowledge {
  const walk = (value: unknown, keys: string[]): unknown => {
    if (Array.isArray(value)) return value.map((e, i) => select(keys, e, i)).filter((e) => e !== DROP);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...keys, k])]));
    return value;
  };
  return walk(knowledge, []) as Knowledge;
}

/** A layer of `n` articles with stories, topics, entities, events and figures spread over them (only the fields the site's index reads). */
function syntheticLayer(n: number): Knowledge {
  const article = (i: number): string => `a-${i % n}`;
  // Entity e40 is named everywhere, so more events name it than its page shows.
  const entities = Array.from({ length: 41 }, (_, e) => {
    const mentions =
      e === 40
        ? Array.from({ length: n * 4 }, (_, m) => ({ article: article(m >> 2), block: 1 + (m % 4), text: `E${e}` }))
        : Array.from({ length: 1 + (e % 5) }, (_, m) => ({ article: article(e * 7 + m * 3), block: 1 + ((e + m) % 4), text: `E${e}` }));
    return { id: `e${e}`, name: `E${e}`, type: 'person', aliases: [], basis: e % 9 === 0 ? 'editor' : 'detected', count: mentions.length, mentions, articles: [...new Set(mentions.map((m) => m.article))] };
  });
  const rows = Array.from({ length: n }, (_, i) => ({ article: article(i), entities: entities.filter((e) => e.articles.includes(article(i))).map((e) => ({ id: e.id, count: 1 })) }));
  // Dated to a few months (ties), some undated, so the latest of an entity's events are picked by date, then by position.
  const events = Array.from({ length: 200 }, (_, v) => ({ id: `v${v}`, ...(v % 7 === 3 ? {} : { date: `2024-0${1 + ((v * 3) % 5)}` }), citations: [{ article: article(v * 11), paragraph: 1 + (v % 4) }, ...(v % 3 === 0 ? [{ article: article(v * 5 + 1), paragraph: 2 }] : [])] }));
  const stories = Array.from({ length: 12 }, (_, s) => ({ id: `s${s}`, articles: Array.from({ length: 1 + (s % 4) }, (_, k) => article(s * 5 + k)) }));
  const topics = Array.from({ length: 4 }, (_, t) => ({ id: `t${t}`, name: `T${t}`, articles: stories.filter((_, s) => s % 4 === t).flatMap((s) => s.articles), stories: stories.filter((_, s) => s % 4 === t).map((s) => s.id) }));
  // A topic of the later half of the articles, which name more entities than its page lists.
  topics.push({ id: 'late', name: 'Late', articles: Array.from({ length: n - (n >> 1) }, (_, i) => article((n >> 1) + i)), stories: [] });
  const figures = Array.from({ length: 30 }, (_, f) => ({ article: article(f * 13), block: 1, value: f }));
  const figureGroups = ['deaths', 'injured'].map((measure, g) => ({
    measure,
    claims: Array.from({ length: 12 }, (_, c) => {
      const made = Array.from({ length: 1 + ((c + g) % 5) }, (_, k) => article(c * 9 + k * 13 + g));
      return { label: `${measure} ${c}`, articles: [...new Set(made)].sort(), figures: made.map((a, k) => ({ article: a, block: 1 + k, ...(k % 2 === 1 ? { attribution: `src${c % 3}` } : {}) })) };
    }),
  }));
  return { entities: { entities, articles: rows, warnings: [] }, figures, figureGroups, events, stories: { stories, topics, duplicates: [{ a: 'x' }], warnings: [] } } as unknown as Knowledge;
}

describe("a shard's knowledge layer", () => {
  it('answers every query of the pages a shard renders as the whole layer does, and holds less of it', () => {
    const whole = syntheticLayer(60);
    for (const count of [2, 3, 5]) {
      let kept = 0;
      for (let index = 0; index < count; index++) {
        const shard = { index, count };
        const needs = shardKnowledgeNeeds(shard);
        selected(whole, needs.select);
        const result = needs.result();
        const slice = selected(whole, shardKnowledgeSelector(result, shard));
        expect(answers(slice, whole, shard, result.eventTotals, result.articleTotals)).toEqual(answers(whole, whole, shard));
        expect(slice.stories.duplicates).toEqual([]);
        // The topic of half the articles shows half the events; a shard without it holds fewer.
        if (!inShard('topics/late', shard)) expect(slice.events.length).toBeLessThan(whole.events.length);
        kept += slice.events.length;
      }
      // Events are kept by the shards whose pages show them: some by more than one, none by none that shows it.
      expect(kept).toBeGreaterThan(0);
    }
  });
  it('is read from the file as a whole build reads it, less what no page of the shard reads', () => {
    const path = join(ROOT, 'content/knowledge.json');
    const whole = readKnowledgeFile(path);
    for (let index = 0; index < 3; index++) {
      const shard = { index, count: 3 };
      const read = readShardKnowledge(path, shard);
      expect(answers(read.knowledge, whole, shard, read.entityEventTotals, read.entityArticleTotals)).toEqual(answers(whole, whole, shard));
    }
  });
});
