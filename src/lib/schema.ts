/**
 * The one schema for Storyline's content. The ingest validates every file it
 * writes against `articleSchema`, and `src/content.config.ts` hands the same
 * object to Astro, so a front-matter field cannot drift between the two.
 *
 * Every fact a reader sees carries a `basis`: set by an editor (a sidecar
 * next to the seed), read from the page's own metadata, inferred from the
 * text (with the quoted evidence and its line), or unknown.
 */
import { z } from 'zod';

/** A 1-based inclusive range of lines in the seed file. */
export const lineRangeSchema = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([start, end]) => start <= end, 'a line range must not end before it starts');

/** How a fact was established. */
export const basisSchema = z.enum([
  /** Set by an editor in the seed's sidecar file. */
  'editor',
  /** Read from the page's own metadata (HTML seeds: JSON-LD, meta tags, URL). */
  'page',
  /** Inferred from the article text by a named rule, with the quoted phrase. */
  'inferred',
  /** Not known; the site says so instead of guessing. */
  'unknown',
]);
export type Basis = z.infer<typeof basisSchema>;

/** Why a fact has the value it has: the rule that decided and what it read. */
export const evidenceSchema = z
  .object({
    /** Stable name of the rule or source, e.g. `sidecar`, `weekday-date`. */
    rule: z.string().min(1),
    /** The words the rule read, quoted exactly from the seed or sidecar. */
    quote: z.string().min(1).optional(),
    /** The seed line the quote stands on. */
    line: z.number().int().positive().optional(),
    /** A sentence for readers on how the value follows from the quote. */
    note: z.string().min(1).optional(),
  })
  .strict();
export type Evidence = z.infer<typeof evidenceSchema>;

/** A span of the article's text and where it stands in the seed. */
export const spanSchema = z
  .object({
    /** The clean text. */
    text: z.string().min(1),
    /** Seed lines it was taken from. */
    lines: lineRangeSchema,
  })
  .strict();
export type Span = z.infer<typeof spanSchema>;

export const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The publication date, with its precision and basis. */
export const publishedSchema = z
  .object({
    /** ISO 8601 calendar date cut to its precision: `2025-08-22`, `2025-08` or `2025`. */
    date: z.string().regex(DATE_PATTERN).optional(),
    /** How much of `date` is known. */
    precision: z.enum(['day', 'month', 'year', 'unknown']),
    basis: basisSchema,
    evidence: evidenceSchema.optional(),
  })
  .strict()
  .refine(
    (p) =>
      p.precision === 'unknown'
        ? p.date === undefined
        : p.date !== undefined && p.date.length === { day: 10, month: 7, year: 4 }[p.precision],
    'the date must be written to exactly its precision (and be absent when unknown)',
  );
export type Published = z.infer<typeof publishedSchema>;

/** The outlet that published the article. */
export const publisherSchema = z
  .object({
    /** The outlet's name as it names itself; absent when unknown. */
    name: z.string().min(1).optional(),
    basis: basisSchema,
    evidence: evidenceSchema.optional(),
  })
  .strict()
  .refine((p) => (p.basis === 'unknown') === (p.name === undefined), 'a publisher has a name exactly when its basis is known');
export type Publisher = z.infer<typeof publisherSchema>;

/** An absolute http(s) URL. */
export const httpUrlSchema = z.url({ protocol: /^https?$/ });

/** The article's original address on the web. */
export const originalUrlSchema = z
  .object({
    href: httpUrlSchema,
    basis: basisSchema.exclude(['unknown']),
    evidence: evidenceSchema.optional(),
  })
  .strict();

/** The image formats the site takes as a lead image (by their bytes, never their names). */
export const IMAGE_EXTENSIONS = ['jpg', 'png', 'webp', 'avif', 'gif'] as const;

/**
 * The article's lead image, shown as a thumbnail in lists and above the
 * article with its caption and credit. The file is a copy the ingest made in
 * the content folder, so `content/` alone builds the site.
 */
export const leadImageSchema = z
  .object({
    /** The image file relative to the entry file, `../images/<name>.<ext>` (in `content/images/`). */
    file: z.string().regex(new RegExp(`^\\.\\./images/[\\w.-]+\\.(?:${IMAGE_EXTENSIONS.join('|')})$`), 'an image in the content folder: ../images/<name>.<ext>'),
    /** Where the picture was published, when known. */
    url: httpUrlSchema.optional(),
    /** The caption, as the page or the editor gives it. */
    caption: z.string().min(1).optional(),
    /** Who the picture is credited to (photographer, agency), as the page or the editor gives it. */
    credit: z.string().min(1).optional(),
    /** Text for readers who cannot see it: the editor's, else the caption, else the headline. */
    alt: z.string().min(1),
    /** `editor`: the sidecar names the file; `page`: the page names the picture and its file was found beside the seed. */
    basis: basisSchema.extract(['editor', 'page']),
    /** The rule that chose it (`sidecar`, `og:image`, `json-ld:image`, `figure`, …), the address quoted and its line. */
    evidence: evidenceSchema,
  })
  .strict();
export type LeadImage = z.infer<typeof leadImageSchema>;

/** A news agency the text credits. */
export const agencySchema = z
  .object({
    /** Canonical name, e.g. `Reuters`, `KCNA`. */
    name: z.string().min(1),
    /** What the agency supplied: the story itself, its images, or a fact the story cites. */
    role: z.enum(['source', 'images', 'cited']),
    evidence: evidenceSchema,
  })
  .strict();
export type Agency = z.infer<typeof agencySchema>;

/** A block the ingest took out of the reader's view, and why. */
export const removalSchema = z
  .object({
    /** Stable rule name, e.g. `repeated-block`, `comment-widget`. */
    rule: z.string().min(1),
    /** Seed lines removed. */
    lines: lineRangeSchema,
    /** The removed text, so a reader can check nothing real was cut. */
    text: z.string(),
  })
  .strict();
export type Removal = z.infer<typeof removalSchema>;

/**
 * A time the body text names ("on Tuesday", "last October", "in June 2024"),
 * resolved against the publication date where it can be, for the timeline.
 */
export const temporalSchema = z
  .object({
    /** The words that name the time, exactly as they stand in the block. */
    text: z.string().min(1),
    /** Index of the body block it stands in (0-based, the order of `blocks`). */
    block: z.number().int().nonnegative(),
    /** UTF-16 offsets of `text` in the block's text: `text === blockText.slice(start, end)`. */
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    /** The sentence it stands in, quoted whole. */
    sentence: z.string().min(1),
    /** Seed line of the sentence. */
    line: z.number().int().positive(),
    /** The date, cut to its precision, when one reading is certain enough to state. */
    date: z.string().regex(DATE_PATTERN).optional(),
    /** How much of the date is known. */
    precision: z.enum(['day', 'month', 'year', 'unknown']),
    /** Every reading the text allows when it is ambiguous (e.g. the month in two years), most likely first. */
    candidates: z.array(z.string().regex(DATE_PATTERN)),
    /** How it was resolved, e.g. `explicit`, `relative-to-published`, `weekday`, `past-perfect`. */
    rule: z.string().min(1),
    /** A sentence for readers on how the reading follows, when it is not explicit. */
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => t.end > t.start && t.end - t.start === t.text.length, 'offsets must span the quoted text');
export type Temporal = z.infer<typeof temporalSchema>;

/** Where the entry came from. */
export const sourceSchema = z
  .object({
    /** Seed path relative to the seeds folder, with forward slashes. */
    path: z.string().min(1),
    /** SHA-256 of the seed's bytes, lowercase hex. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** How the seed was read. */
    format: z.enum(['txt', 'html', 'md']),
    /** Character encoding the bytes were decoded from. */
    encoding: z.string().min(1),
    /** Number of lines in the decoded seed. */
    lines: z.number().int().nonnegative(),
    /**
     * Set when the seed came Penn-Treebank-tokenised, as research corpora ship
     * news text (`-LRB-` for "(", `` `` `` for “, `do n't`, a space before
     * every comma), and was put back into normal typography before any other
     * stage read it (src/lib/ingest/ptb.ts). Only the spacing, brackets,
     * quotes and PTB's escapes changed, never a word; `lines` are the seed
     * lines that changed, `note` says so for readers.
     */
    detokenized: z
      .object({
        rule: z.literal('penn-treebank'),
        lines: z.array(lineRangeSchema).min(1),
        note: z.string().min(1),
      })
      .strict()
      .optional(),
    /** Sidecar file path relative to the seeds folder, when there is one. */
    sidecar: z.string().min(1).optional(),
    /** Free-text note the editor left in the sidecar. */
    note: z.string().min(1).optional(),
  })
  .strict();

/** Front matter of `content/articles/<slug>.md`. The Markdown body holds the clean body blocks in order. */
export const articleSchema = z
  .object({
    /** The headline, once, however often the scrape repeated it. */
    headline: z.string().min(1),
    /** Seed lines on which the headline (or a variant of it) stood. */
    headlineLines: z.array(z.number().int().positive()),
    /** Summary lines shown under the headline (a dek may stand before or after it in the scrape). */
    standfirst: z.array(spanSchema),
    /** Photo credits such as a lone agency name under the headline. */
    credits: z.array(spanSchema),
    /** Image and video captions, shown apart from the body. */
    captions: z.array(spanSchema),
    /** Author lines ("By Jane Doe"), shown with the article's facts. */
    bylines: z.array(spanSchema),
    /** Lines that only give a date or time ("Published 23 August 2025"). */
    datelines: z.array(spanSchema),
    /** News agencies the text credits, each with the words that credit it. */
    agencies: z.array(agencySchema),
    publisher: publisherSchema,
    published: publishedSchema,
    /** The original article's URL, when known. */
    url: originalUrlSchema.optional(),
    /** The lead image, when the seed has one on disk (never for a text seed without a sidecar naming one). */
    image: leadImageSchema.optional(),
    /** Seed lines of each body block, in the order the Markdown body gives them. */
    blocks: z.array(lineRangeSchema),
    /** Word count of the clean body. */
    words: z.number().int().nonnegative(),
    /** What was taken out of the scrape, rule by rule. */
    removed: z.array(removalSchema),
    /** Times the body names, resolved where possible, for the timeline. */
    temporal: z.array(temporalSchema),
    source: sourceSchema,
    /**
     * Written by the ingest, always last: `hash` is the SHA-256 (lowercase hex)
     * of this whole file as written with `hash: ""`, so an entry edited by hand
     * is detected and never overwritten silently (see src/lib/ingest/generated.ts).
     * Optional so that entries made by hand (test stand-ins) still validate.
     */
    generated: z
      .object({ hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict()
      .optional(),
  })
  .strict();
export type Article = z.infer<typeof articleSchema>;

/**
 * An editor's sidecar, `seeds/<stem>.meta.yaml`, beside the seed `<stem>.<ext>`.
 * Every field is optional: leave out what is unknown and the ingest infers it
 * from the text or says it is unknown. Sidecar values always win.
 */
export const sidecarSchema = z
  .object({
    /** The publisher's name. */
    publisher: z.string().trim().min(1).optional(),
    /** The original article URL (http or https). */
    url: httpUrlSchema.optional(),
    /** Publication date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
    published: z
      .string()
      .regex(DATE_PATTERN, 'write the date as YYYY-MM-DD, YYYY-MM or YYYY')
      .refine(isRealCalendarDate, 'not a calendar date')
      .optional(),
    /** How the editor established these facts; shown to readers. */
    note: z.string().trim().min(1).optional(),
    /**
     * The lead image: `false` shows none; else any of its fields, each winning
     * over the page's. With `file` (relative to this sidecar's folder, inside
     * the seeds folder) the image is that file, and only these fields describe it.
     */
    image: z
      .union([
        z.literal(false),
        z
          .object({
            /** The image file, relative to the sidecar's folder (`my-article.jpg`). */
            file: z
              .string()
              .trim()
              .min(1)
              .refine((p) => !/^(?:[/\\]|[a-z]:)/i.test(p) && !p.includes('\0'), 'a path relative to the sidecar\'s folder')
              .optional(),
            /** Where the picture was published (http or https). */
            url: httpUrlSchema.optional(),
            /** The caption. */
            caption: z.string().trim().min(1).optional(),
            /** Who the picture is credited to. */
            credit: z.string().trim().min(1).optional(),
            /** Text for readers who cannot see it; else the caption, else the headline. */
            alt: z.string().trim().min(1).optional(),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();
export type Sidecar = z.infer<typeof sidecarSchema>;

/** True when a `YYYY[-MM[-DD]]` string names a real date (no 2025-02-30). */
export function isRealCalendarDate(value: string): boolean {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  if (y === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The precision a `YYYY[-MM[-DD]]` string is written to. */
export function precisionOf(value: string): 'day' | 'month' | 'year' {
  return value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
}

/** A message a stage reported, as the ingest report stores it. */
export const diagnosticSchema = z
  .object({
    file: z.string(),
    line: z.number().int().positive().optional(),
    severity: z.enum(['error', 'warning', 'info']),
    code: z.string().regex(/^SL\d{3}$/),
    message: z.string(),
  })
  .strict();

/**
 * `content/ingest-report.json`: what the last ingest did with every seed, so
 * an editor can review every removal without opening each entry. Holds no
 * timestamps, so an unchanged corpus gives a byte-identical report.
 */
export const ingestReportSchema = z
  .object({
    /** The pipeline version that wrote it. */
    pipelineVersion: z.number().int().positive(),
    totals: z
      .object({
        seeds: z.number().int().nonnegative(),
        entries: z.number().int().nonnegative(),
        failed: z.number().int().nonnegative(),
        skipped: z.number().int().nonnegative(),
        errors: z.number().int().nonnegative(),
        warnings: z.number().int().nonnegative(),
        /** Removed blocks per rule, over the whole corpus. */
        removals: z.record(z.string(), z.number().int().nonnegative()),
      })
      .strict(),
    seeds: z.array(
      z
        .object({
          /** Seed path relative to the seeds folder. */
          path: z.string(),
          /** `ok`: an entry was written; `failed`: an error kept it out; `skipped`: not a seed format. */
          status: z.enum(['ok', 'failed', 'skipped']),
          /** The entry file, relative to the output folder. */
          entry: z.string().optional(),
          headline: z.string().optional(),
          /** Every removal, with rule, seed lines and text. */
          removed: z.array(removalSchema),
          messages: z.array(diagnosticSchema),
        })
        .strict(),
    ),
    /** Messages about the corpus rather than one seed (orphan sidecars, kept or removed entries). */
    messages: z.array(diagnosticSchema),
  })
  .strict();
export type IngestReport = z.infer<typeof ingestReportSchema>;
