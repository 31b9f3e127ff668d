/**
 * The records story clustering produces and reads: stories, topics, pairs of
 * copies, editor topic entries, and the clustering as a whole (`StoryClustering`).
 *
 * Zod schemas, so that the same definition types the code and checks the
 * records where they cross a boundary (the knowledge file written by the
 * ingest, the editor's topics read from disk): a record that fails its schema
 * is left out by the caller, never trusted. Slugs are lower-case words joined
 * by hyphens, since they become page addresses.
 */
import { z } from 'zod';
import { DATE_PATTERN } from '../schema.ts';

/** A page address segment: lower-case letters and digits, in words joined by single hyphens. */
const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** Publication dates a story spans, each cut to its precision. */
export const dateSpanSchema = z
  .object({
    /** The earliest publication date; absent when no article of the story is dated. */
    from: z.string().regex(DATE_PATTERN).optional(),
    /** The latest publication date; absent when no article of the story is dated. */
    to: z.string().regex(DATE_PATTERN).optional(),
  })
  .strict();

/** One piece of news and the articles that report it. */
export const storySchema = z
  .object({
    /** Stable slug: the first publication date and the first report's headline. */
    id: slugSchema,
    /** Article ids, first report first (earliest publication date, then id; undated last). */
    articles: z.array(z.string().min(1)).min(1),
    /** The article that reported it first (the first of `articles`). */
    firstReport: z.string().min(1),
    /** Groups of articles that are copies of one text (wire copies, near-duplicates), each first published first. */
    wireGroups: z.array(z.array(z.string().min(1)).min(2)),
    /** Publication dates the story's articles span. */
    span: dateSpanSchema,
    /** A name for the story, generated: the cleanest of its articles' headlines (`storyName`), the first report's on a tie. */
    generatedName: z.string().min(1),
  })
  .strict();
/** A story, as `storySchema` checks it. */
export type Story = z.infer<typeof storySchema>;

/** A running subject: stories that belong together over time. */
export const topicSchema = z
  .object({
    /** Stable slug: the editor's, else the generated name's. */
    id: slugSchema,
    /** The editor's name, else one generated from the names most of its articles share. */
    name: z.string().min(1),
    /** The editor's description, when given. */
    description: z.string().min(1).optional(),
    /** True when the name was generated; false when an editor named the topic. */
    generated: z.boolean(),
    /** Ids of its stories, earliest first. */
    stories: z.array(slugSchema),
    /** Ids of its articles, earliest published first. */
    articles: z.array(z.string().min(1)),
  })
  .strict();
/** A topic, as `topicSchema` checks it. */
export type Topic = z.infer<typeof topicSchema>;

/** Two articles that are copies of one text. */
export const duplicateSchema = z
  .object({
    /** The earlier published of the two (ties by id). */
    first: z.string().min(1),
    /** The later one. */
    copy: z.string().min(1),
    /** Jaccard index of their word 5-shingle sets. */
    jaccard: z.number().min(0).max(1),
    /** Shared shingles over the shorter text's shingles. */
    containment: z.number().min(0).max(1),
    /** `near-duplicate` (Jaccard ≥ 0.8) or `wire-copy` (a shared text, rewritten or cut). */
    kind: z.enum(['near-duplicate', 'wire-copy']),
  })
  .strict();
/** A pair of copies, as `duplicateSchema` checks it. */
export type Duplicate = z.infer<typeof duplicateSchema>;

/** An editor's topic: names (and optionally fixes the membership of) a topic. */
export const topicEditorEntrySchema = z
  .object({
    /** The topic's slug: a generated topic's id to rename it, or a new one. Not a bare number: `topics/2/` is a page of the topics list. */
    slug: slugSchema.refine((slug) => !/^\d+$/.test(slug), { message: 'a topic slug cannot be a bare number (topics/2/ is the second page of the topics list); add a word' }),
    /** The name readers see. */
    name: z.string().trim().min(1),
    /** A description readers see. */
    description: z.string().trim().min(1).optional(),
    /** Article ids that belong to this topic, whatever the clustering says. */
    articles: z.array(z.string().min(1)).optional(),
  })
  .strict();
/** An editor topic entry, as `topicEditorEntrySchema` checks it. */
export type TopicEditorEntry = z.infer<typeof topicEditorEntrySchema>;

/** What `clusterStories` returns. */
export const storyClusteringSchema = z
  .object({
    /** Every story, earliest first. */
    stories: z.array(storySchema),
    /** Every topic, earliest first. */
    topics: z.array(topicSchema),
    /** Every pair of copies found. */
    duplicates: z.array(duplicateSchema),
    /** Editor entries that could not be applied as written (unknown article ids). */
    warnings: z.array(z.string()),
  })
  .strict();
/** A clustering, as `storyClusteringSchema` checks it. */
export type StoryClustering = z.infer<typeof storyClusteringSchema>;

/** How `clusterStories` is to cluster. */
export interface StoryOptions {
  /** Editor topics; they win over generated names and membership. */
  editor?: readonly TopicEditorEntry[];
  /** Days either side within which articles can be one story (default 4). */
  windowDays?: number;
}
