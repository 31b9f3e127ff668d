/**
 * The knowledge layer, composed: what the articles say together, computed
 * from the content entries after every seed is ingested. The ingest writes
 * it to `content/knowledge.json` (validated by `knowledgeSchema`), and the
 * site reads it from there, so an editor's corrections in
 * `content/entities.yaml` apply on every re-run.
 */
import { z } from 'zod';
import { extractMentions, resolveEntities, type SentenceCache } from './entities.ts';
import { findFigures, groupFigures } from './figures.ts';
import { findEvents, timelineEventSchema } from './events.ts';
import { clusterStories, storyClusteringSchema, type TopicEditorEntry } from './stories.ts';
import { entityIndexSchema, figureGroupSchema, figureSchema, type EntityEditor } from './schema.ts';
import type { KnowledgeArticle } from './text.ts';

export const knowledgeSchema = z
  .object({
    /** People, organisations and places, one per real-world thing, with every mention. */
    entities: entityIndexSchema,
    /** Every claim with a number about the story, with its sentence and attribution. */
    figures: z.array(figureSchema),
    /** The figures grouped by what they measure, for "what the sources say". */
    figureGroups: z.array(figureGroupSchema),
    /** Dated events, each with every citation, earliest first: the material of the timelines. */
    events: z.array(timelineEventSchema),
    /** Stories (one piece of news, several articles), topics (running subjects), and copies. */
    stories: storyClusteringSchema,
  })
  .strict();
export type Knowledge = z.infer<typeof knowledgeSchema>;

/**
 * A store for work that depends on one article alone: `memo(kind, article,
 * compute)` returns `compute()` or a value it returned before for the same
 * kind and an article with the same id, data and body. The ingest passes one
 * backed by its disk cache; without one, everything is computed.
 */
export type ArticleMemo = <T>(kind: string, article: KnowledgeArticle, compute: () => T) => T;

const compute: ArticleMemo = (_kind, _article, f) => f();

/** Articles in id order, so the result does not depend on the order they were read in. */
export function buildKnowledge(
  articles: readonly KnowledgeArticle[],
  editor: { entities?: EntityEditor; topics?: readonly TopicEditorEntry[] } = {},
  memo: ArticleMemo = compute,
): Knowledge {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sentenceCache: SentenceCache = new Map();
  const entities = resolveEntities(
    sorted.map((a) => memo('mentions', a, () => extractMentions(a, { sentenceCache }))),
    editor.entities,
  );
  // Events merge on shared entities as well as shared words.
  const mentions = entities.entities.flatMap((e) => e.mentions.filter((m) => m.block > 0).map((m) => ({ entity: e.id, article: m.article, block: m.block, text: m.text })));
  const figures = sorted.flatMap((a) => memo('figures', a, () => findFigures([a])));
  return {
    entities,
    figures,
    figureGroups: groupFigures(figures),
    events: findEvents(sorted, { mentions }),
    stories: clusterStories(sorted, editor.topics ? { editor: editor.topics } : {}),
  };
}
