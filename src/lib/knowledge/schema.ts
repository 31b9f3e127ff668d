/**
 * Schemas of the knowledge layer: the entities (people, organisations,
 * places) and the figures (numbers the articles claim about the story) that
 * `entities.ts` and `figures.ts` find in the articles, and the editor file
 * that corrects the entities (`content/entities.yaml`, parsed by the caller).
 *
 * Every place an article is cited points at a block: the 1-based body
 * paragraph or heading the site anchors as `#p-n`, or 0 for the headline,
 * standfirst and captions.
 */
import { z } from 'zod';

/** A readable, URL-safe id: lowercase letters and digits in hyphen-joined runs. */
export const knowledgeIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lowercase letters and digits joined by hyphens');

/** The block of an article: 1-based body block (`#p-n`), or 0 for headline, standfirst and captions. */
export const blockSchema = z.number().int().nonnegative();

/** What kind of thing an entity is. */
export const entityTypeSchema = z.enum([
  /** A person, named by a full name or a surname. */
  'person',
  /** An organisation: a government body, agency, party, alliance, news outlet. */
  'organisation',
  /** A place: a country, region or city (also named by its demonym, "North Korean"). */
  'place',
]);
export type EntityType = z.infer<typeof entityTypeSchema>;

/** Surface forms of an entity in one block of one article. */
export const entityMentionSchema = z
  .object({
    /** The article id. */
    article: z.string().min(1),
    /** The block the words stand in. */
    block: blockSchema,
    /** The words exactly as they stand in the block's text (without a possessive "’s" or a title such as "President"). */
    text: z.string().min(1),
    /** How often these words name the entity in this block, when more than once. */
    count: z.number().int().min(2).optional(),
  })
  .strict();
export type EntityMention = z.infer<typeof entityMentionSchema>;

/** One real-world person, organisation or place, however many ways the articles name it. */
export const entitySchema = z
  .object({
    /** Stable slug of the canonical name (or the editor's id). */
    id: knowledgeIdSchema,
    /** The canonical name: the editor's, else the fullest name the articles use. */
    name: z.string().min(1),
    type: entityTypeSchema,
    /** Every other surface form the articles use for it (acronyms, surnames, demonyms, spellings), sorted. */
    aliases: z.array(z.string().min(1)),
    /** A short description, from the editor file. */
    description: z.string().min(1).optional(),
    /** `editor` when an editor entry named, typed, merged or described it; `detected` when detection alone made it. */
    basis: z.enum(['detected', 'editor']),
    /** Total mentions over all articles. */
    count: z.number().int().positive(),
    /** Where it is named: by article, block and surface form, sorted. */
    mentions: z.array(entityMentionSchema),
    /** Ids of the articles that name it, sorted. */
    articles: z.array(z.string().min(1)),
  })
  .strict();
export type Entity = z.infer<typeof entitySchema>;

/** The entities one article names, most named first. */
export const articleEntitiesSchema = z
  .object({
    /** The article id. */
    article: z.string().min(1),
    /** Entity ids with their mention counts in this article, by count (descending), then id. */
    entities: z.array(
      z
        .object({
          /** The entity id. */
          id: knowledgeIdSchema,
          /** Mentions in this article. */
          count: z.number().int().positive(),
        })
        .strict(),
    ),
  })
  .strict();
export type ArticleEntities = z.infer<typeof articleEntitiesSchema>;

/** What `findEntities` returns for a corpus. */
export const entityIndexSchema = z
  .object({
    /** Every entity, by total count (descending), then id. */
    entities: z.array(entitySchema),
    /** Per article, in article id order. */
    articles: z.array(articleEntitiesSchema),
    /** Notes for the editor, e.g. an editor entry that matched nothing; sorted. */
    warnings: z.array(z.string()),
  })
  .strict();
export type EntityIndex = z.infer<typeof entityIndexSchema>;

/**
 * One entry of the editor file. It applies to every detected entity whose id,
 * name or any surface form matches (after folding case, diacritics, hyphens,
 * possessives) its `name`, `id`, one of its `aliases` or one of `merge`; all
 * of them become one entity. What it sets wins over detection.
 */
export const entityEditorEntrySchema = z
  .object({
    /** The canonical name to show. */
    name: z.string().trim().min(1),
    /** The id to use instead of the slug of `name`. */
    id: knowledgeIdSchema.optional(),
    /** The type, overriding detection. Required for an entity detection did not find. */
    type: entityTypeSchema.optional(),
    /**
     * More surface forms. Each is also looked for in the text (whole words,
     * any case and apostrophe style), so descriptive names no detector finds
     * ("Seoul's spy agency") become mentions.
     */
    aliases: z.array(z.string().trim().min(1)).optional(),
    /** Other detected entities (by id, name or surface form) to fold into this one. */
    merge: z.array(z.string().trim().min(1)).optional(),
    /** A short description for readers. */
    description: z.string().trim().min(1).optional(),
    /** Leave the entity out of the output (a false positive). */
    hide: z.boolean().optional(),
  })
  .strict();
export type EntityEditorEntry = z.infer<typeof entityEditorEntrySchema>;

/** The editor file, `content/entities.yaml`, once parsed. */
export const entityEditorSchema = z
  .object({
    /** Corrections, applied in order. */
    entities: z.array(entityEditorEntrySchema),
  })
  .strict();
export type EntityEditor = z.infer<typeof entityEditorSchema>;

/** How the text hedges a number. */
export const qualifierSchema = z.enum([
  /** No hedge: "15,000 troops", "a reported 15,000". */
  'none',
  /** "about", "around", "approximately", "roughly", "some", "nearly", "an estimated". */
  'about',
  /** "more than", "over", "upwards of", "in excess of". */
  'more-than',
  /** "at least". */
  'at-least',
  /** "up to", "as many as". */
  'up-to',
  /** "fewer than", "less than", "under". */
  'fewer-than',
  /** A plural number word with no figure: "thousands", "hundreds", "dozens", "tens of thousands". */
  'vague',
]);
export type Qualifier = z.infer<typeof qualifierSchema>;

/** What a number counts. */
export const measureSchema = z.enum([
  /** Killed, dead, died, deaths, fatalities. */
  'deaths',
  /** Killed and wounded together: "casualties", "killed or wounded", "losses". */
  'casualties',
  /** Wounded, injured. */
  'wounded',
  /** Sent, deployed, dispatched, stationed; "deployment of". */
  'deployed',
  /** A count of troops or materiel with none of the above. */
  'other',
]);
export type Measure = z.infer<typeof measureSchema>;

/** One number an article claims, with what it counts and who says so. */
export const figureSchema = z
  .object({
    /** The article id. */
    article: z.string().min(1),
    /** The block the sentence stands in. */
    block: blockSchema,
    /** The sentence, quoted whole and exactly. */
    sentence: z.string().min(1),
    measure: measureSchema,
    /** The number; for a vague plural ("thousands") the least it can mean (2,000). */
    value: z.number().nonnegative(),
    /** The number exactly as written: "4,000", "thousands", "a dozen". */
    text: z.string().min(1),
    qualifier: qualifierSchema,
    /** The words of the claim exactly as written, from any hedge to the counted noun or measure word: "up to 4,000 North Korean troops". */
    phrase: z.string().min(1),
    /** What is counted, lower-case and as written ("soldiers", "troops", "shells"), when the text names it. */
    unit: z.string().min(1).optional(),
    /** Who the sentence attributes the number to ("South Korean officials", "reports"); absent when unattributed. */
    attribution: z.string().min(1).optional(),
    /** The words that attribute it, exactly as written ("South Korean officials estimate"). */
    attributionText: z.string().min(1).optional(),
  })
  .strict();
export type Figure = z.infer<typeof figureSchema>;

/** Articles that make the same claim: one measure, one hedge, one value. */
export const figureClaimSchema = z
  .object({
    qualifier: qualifierSchema,
    value: z.number().nonnegative(),
    /** Words for the claim: "about 600", "more than 6,000", "up to 4,000", "thousands". */
    label: z.string().min(1),
    /** Ids of the articles that make it, sorted. */
    articles: z.array(z.string().min(1)),
    /** Everyone it is attributed to, sorted; empty when no article attributes it. */
    attributions: z.array(z.string().min(1)),
    /** The figures grouped here, in article and block order. */
    figures: z.array(figureSchema),
  })
  .strict();
export type FigureClaim = z.infer<typeof figureClaimSchema>;

/** Every claim about one measure. */
export const figureGroupSchema = z
  .object({
    measure: measureSchema,
    /** By number of articles (descending), then value (descending), then qualifier. */
    claims: z.array(figureClaimSchema),
  })
  .strict();
export type FigureGroup = z.infer<typeof figureGroupSchema>;
