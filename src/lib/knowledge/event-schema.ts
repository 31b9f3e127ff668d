/**
 * The schema of timeline events (what `findEvents` returns and
 * `content/knowledge.json` holds) and the inputs the event stage takes.
 */
import { z } from 'zod';
import { DATE_PATTERN } from '../schema.ts';
import type { KnowledgeArticleData } from './text.ts';

// ---------------------------------------------------------------------------
// Schemas

/** How much of a date is known. */
export const eventPrecisionSchema = z.enum(['day', 'month', 'year', 'unknown']);

/** A place in an article: the id and the 1-based body paragraph the site anchors as `#p-n`. */
export const eventPlaceSchema = z
  .object({
    /** The article id. */
    article: z.string().min(1),
    /** 1-based body paragraph (`#p-n`). */
    paragraph: z.number().int().positive(),
  })
  .strict();

/** The sentence that settled an ambiguous date. */
export const resolvedBySchema = z
  .object({
    /** The article whose sentence settled it. */
    article: z.string().min(1),
    /** That sentence, quoted whole. */
    sentence: z.string().min(1),
  })
  .strict();
export type ResolvedBy = z.infer<typeof resolvedBySchema>;

/** One article's telling of an event. */
export const eventCitationSchema = z
  .object({
    /** The article id. */
    article: z.string().min(1),
    /** 1-based body paragraph (`#p-n`) the sentence stands in. */
    paragraph: z.number().int().positive(),
    /** The sentence, quoted whole. */
    sentence: z.string().min(1),
    /** The words that date the event, exactly as they stand in the sentence. */
    temporal: z.string().min(1),
    /** What this article says happened: words cut from the sentence, none added. */
    summary: z.string().min(1),
    /** The date this telling gives (after any resolution), cut to its precision; absent while ambiguous. */
    date: z.string().regex(DATE_PATTERN).optional(),
    /** How much of `date` is known; `unknown` while the reading is still ambiguous. */
    precision: eventPrecisionSchema,
    /** `on`: the event happened at `date`; `on-or-before` / `on-or-after`: the text only bounds it. */
    relation: z.enum(['on', 'on-or-before', 'on-or-after']),
    /** Every reading the text allows when it is ambiguous, most likely first (empty when it is not). */
    candidates: z.array(z.string().regex(DATE_PATTERN)),
    /** How the date was read: the temporal's rule (`explicit`, `weekday`, …) or `anniversary`, `after-clause`, `before-clause`. */
    rule: z.string().min(1),
    /** Set when another citation of the same event settled this one's ambiguous reading. */
    resolvedBy: resolvedBySchema.optional(),
    /** A sentence for readers on how the date follows, when it is not explicit. */
    note: z.string().min(1).optional(),
    /** True when the sentence restates the article's own news (first paragraphs, dated to the days just before publication). */
    news: z.boolean(),
  })
  .strict();
export type EventCitation = z.infer<typeof eventCitationSchema>;

/** One reading of an event's date and the citations that give it. */
export const eventDateSchema = z
  .object({
    /** The date, cut to its precision. */
    date: z.string().regex(DATE_PATTERN),
    /** Its precision. */
    precision: z.enum(['day', 'month', 'year']),
    /** The citations that give this date. */
    citations: z.array(eventPlaceSchema),
  })
  .strict();
export type EventDate = z.infer<typeof eventDateSchema>;

/** A dated statement of the timeline: one event, every article that tells it. */
export const timelineEventSchema = z
  .object({
    /** Stable slug: the date and the summary's first words. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** One line on what happened, cut from the clearest citation's sentence (no words added). */
    summary: z.string().min(1),
    /** The event's date: the finest reading all citations agree on; absent when they conflict beyond a year or stay ambiguous. */
    date: z.string().regex(DATE_PATTERN).optional(),
    /** How much of `date` is known. */
    precision: eventPrecisionSchema,
    /** True for an event the sentence states as scheduled for after publication. */
    scheduled: z.boolean(),
    /** True when the citations give dates that do not agree; `dates` lists them all. */
    conflict: z.boolean(),
    /** Every distinct date the citations give, earliest first, each with its citations. */
    dates: z.array(eventDateSchema),
    /** Every telling, in order of publication, then article id and paragraph. */
    citations: z.array(eventCitationSchema).min(1),
    /** The first sentence that settled an ambiguous reading of this event. */
    resolvedBy: resolvedBySchema.optional(),
    /** For readers: how ambiguous or conflicting dates were handled. */
    note: z.string().min(1).optional(),
    /** Ids of the articles whose own news this event is (see `EventCitation.news`). */
    newsOf: z.array(z.string().min(1)),
  })
  .strict();
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

// ---------------------------------------------------------------------------
// Inputs

/** An article as the knowledge stages take it: the shape of an Astro content entry. */
export interface EventArticle {
  /** The entry id (its slug). */
  id: string;
  /** The validated front matter (the fields the stages read). */
  data: KnowledgeArticleData;
  /** The Markdown body; its top-level paragraphs and headings stand 1:1 for `data.blocks`. */
  body: string;
}

/** A name an entity stage found: the entity id and where its words stand. */
export interface EntityMentionInput {
  /** The entity's id; the same id for every way of naming it. */
  entity: string;
  /** The article id. */
  article: string;
  /** 1-based body paragraph. */
  block: number;
  /** The words as they stand in the paragraph. */
  text: string;
}

