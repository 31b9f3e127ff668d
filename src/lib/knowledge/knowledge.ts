/**
 * The knowledge layer, composed: what the articles say together, computed
 * from the content entries after every seed is ingested. The ingest writes
 * it to `content/knowledge.json` (validated by `knowledgeSchema`), and the
 * site reads it from there, so an editor's corrections in
 * `content/entities.yaml` apply on every re-run.
 */
import { z } from 'zod';
import { findEntities } from './entities.ts';
import { findFigures, groupFigures } from './figures.ts';
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
  })
  .strict();
export type Knowledge = z.infer<typeof knowledgeSchema>;

/** Articles in id order, so the result does not depend on the order they were read in. */
export function buildKnowledge(articles: readonly KnowledgeArticle[], editor?: EntityEditor): Knowledge {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const figures = findFigures(sorted);
  return { entities: findEntities(sorted, editor), figures, figureGroups: groupFigures(figures) };
}
