/**
 * The knowledge layer, composed: what the articles say together, computed
 * from the content entries after every seed is ingested. The ingest writes
 * it to `content/knowledge.json` (validated by `knowledgeSchema`), and the
 * site reads it from there, so an editor's corrections in
 * `content/entities.yaml` apply on every re-run.
 *
 * One bad record never takes the layer down. A per-article step that throws
 * leaves that article out of its stage; a corpus-wide stage that throws is
 * run again without the article it throws on (found by halving the input);
 * every record is checked against its schema and one that fails is left out.
 * Each is reported as a `KnowledgeProblem` naming the stage, the article and
 * the paragraph, and the rest is written.
 */
import { z } from 'zod';
import { extractMentions, StringTable, type CompactMentions, type SentenceCache } from './entities.ts';
import { compactMentions, resolveEntityTable } from './entity-resolution.ts';
import { EntityTable } from './compact-entities.ts';
import { EntitySection, plainEntities, type StreamedEntities } from './entity-section.ts';
import { figurePlace, firstPlace, keepValid, placeAt, type Place } from './valid-records.ts';
import { findFigures, groupFigures } from './figures.ts';
import { findEvents, timelineEventSchema, type EntityMentionInput, type TimelineEvent } from './events.ts';
import { clusterStories, duplicateSchema, storyClusteringSchema, storySchema, topicSchema, type StoryClustering, type TopicEditorEntry } from './stories.ts';
import { entityIndexSchema, figureGroupSchema, figureSchema, type EntityEditor, type Figure, type FigureGroup } from './schema.ts';
import type { KnowledgeArticle } from './text.ts';
import { textOnDemand } from './text-on-demand.ts';
import { describeError as describe, restoreMentions, withArticle, type ArticleKnowledge, type StepResult } from './article-knowledge.ts';

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

/** The stages the layer is composed of; a test may replace one (to inject a failure) through `KnowledgeOptions.stages`. */
export interface KnowledgeStages {
  extractMentions: typeof extractMentions;
  /** The corpus-wide entity rules, their index held packed (a test's stage may make one with `EntityTable.fromIndex`). */
  resolveEntities: typeof resolveEntityTable;
  findFigures: typeof findFigures;
  groupFigures: typeof groupFigures;
  findEvents: typeof findEvents;
  clusterStories: typeof clusterStories;
}

export const KNOWLEDGE_STAGES: KnowledgeStages = { extractMentions, resolveEntities: resolveEntityTable, findFigures, groupFigures, findEvents, clusterStories };

/** Which part of the layer a problem arose in. */
export type KnowledgeStage = 'entities' | 'figures' | 'events' | 'stories' | 'topics';

/** Something the layer left out so that the rest could be written. */
export interface KnowledgeProblem {
  stage: KnowledgeStage;
  /** `warning`: one article or record was left out; `error`: a whole stage is empty. */
  severity: 'warning' | 'error';
  /** The article it concerns, when one does. */
  article?: string;
  /** The 1-based body paragraph (`#p-n`) in that article, or 0 for its headline, standfirst and captions, when known. */
  paragraph?: number;
  message: string;
}

export interface KnowledgeOptions {
  memo?: ArticleMemo;
  /** Stages to use instead of the real ones (tests inject failures this way). */
  stages?: Partial<KnowledgeStages>;
  /**
   * The per-article steps' results by article id, computed beforehand (see
   * `articleKnowledge`): taken instead of running the real step on that
   * article. An article without one, or a step a test replaced, is computed here.
   * Consumed: once a step's stage has read them, its results in these records
   * are replaced by a placeholder, so a large corpus does not hold them through
   * the later stages.
   */
  precomputed?: ReadonlyMap<string, ArticleKnowledge>;
  /**
   * Lets the articles' text be held elsewhere until the stages after the
   * entities: `release` is called once every article's mentions are read,
   * `restore` once the entities section is handed on, and must put back
   * exactly what was there. Until `restore`, the articles' `data` and `body`
   * are read only through `read` when it is given (the articles may come
   * without them: one article's text at a time is all the entity stage
   * needs), and not at all after `release`. With `stream` set and `read`
   * given, the text is not restored: the later stages read each article's
   * through `read` as they come to it (`textOnDemand`), so the corpus's text
   * is never held at once; the layer is the same either way.
   */
  articleText?: { release(): void; restore(): void; read?(article: KnowledgeArticle): Pick<KnowledgeArticle, 'data' | 'body'>; stream?: boolean };
}

/** The layer and what it had to leave out. */
export interface KnowledgeBuild {
  knowledge: Knowledge;
  problems: KnowledgeProblem[];
}

/**
 * A section as a `KnowledgeSink` takes it: the entities section with its
 * records made and checked only as the sink reads them (`StreamedEntities`;
 * written with `prettyJsonPieces`, or made plain with `plainEntities`), so it
 * is never held whole as objects; any other section as it stands.
 */
export type KnowledgeSection<K extends keyof Knowledge> = K extends 'entities' ? StreamedEntities : Knowledge[K];

/**
 * Takes each section of the layer as soon as it is complete, in the order of
 * `knowledgeSchema`'s keys (entities, figures, figureGroups, events, stories):
 * a caller that writes each out and lets it go never holds the whole layer.
 */
export type KnowledgeSink = <K extends keyof Knowledge>(key: K, value: KnowledgeSection<K>) => void;

/** The section keys in the order a `KnowledgeSink` receives them (the schema's). */
export const KNOWLEDGE_SECTIONS = Object.keys(knowledgeSchema.shape) as (keyof Knowledge)[];

/** At most this many articles are isolated from one stage before it is given up as a whole. */
const MAX_ISOLATED = 20;

/** Articles in id order, so the result does not depend on the order they were read in. */
export function buildKnowledge(
  articles: readonly KnowledgeArticle[],
  editor: { entities?: EntityEditor; topics?: readonly TopicEditorEntry[] } = {},
  options: KnowledgeOptions = {},
): KnowledgeBuild {
  const knowledge: Partial<Knowledge> = {};
  const problems = buildKnowledgeSections(articles, editor, options, (key, value) => {
    if (key === 'entities') knowledge.entities = plainEntities(value as StreamedEntities);
    else knowledge[key] = value as Knowledge[typeof key];
  });
  return { knowledge: knowledge as Knowledge, problems };
}

/** A precomputed step's results, once the layer no longer needs them (see `KnowledgeOptions.precomputed`). */
const RELEASED: StepResult<never> = { error: 'released' };

/**
 * `buildKnowledge`, handing each section to `sink` as soon as it is complete
 * (see `KnowledgeSink`) and keeping of it only what later stages read (the
 * entity mentions events merge on). Returns what the layer left out.
 */
export function buildKnowledgeSections(
  articles: readonly KnowledgeArticle[],
  editor: { entities?: EntityEditor; topics?: readonly TopicEditorEntry[] },
  options: KnowledgeOptions,
  sink: KnowledgeSink,
): KnowledgeProblem[] {
  const stages = { ...KNOWLEDGE_STAGES, ...options.stages };
  const memo = options.memo ?? ((_kind, _article, compute) => compute());
  const problems: KnowledgeProblem[] = [];
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sentenceCache: SentenceCache = new Map();

  // `then` maps each article's result once it is computed or read (outside `memo`: it may depend on more than the article).
  const perArticle = <T, U = T>(
    stage: KnowledgeStage,
    kind: string,
    compute: (a: KnowledgeArticle) => T,
    given?: (a: KnowledgeArticle) => StepResult<T> | undefined,
    then: (value: T) => U = (value) => value as unknown as U,
    load: (a: KnowledgeArticle) => KnowledgeArticle = (a) => a,
    over: readonly KnowledgeArticle[] = sorted,
  ): U[] =>
    over.flatMap((stored) => {
      const a = load(stored);
      const left = (why: string): [] => {
        problems.push({ stage, severity: 'warning', article: a.id, message: `internal: ${stage} could not be read from this article (${why}); it is left out of ${stage}; please report it` });
        return [];
      };
      const known = given?.(a);
      if (known && 'error' in known) return left(known.error);
      try {
        return [then(known ? known.value : memo(kind, a, () => compute(a)))];
      } catch (error) {
        return left(describe(error));
      }
    });
  // A precomputed result stands for the real step only: a step a test replaced runs here.
  const precomputed = options.precomputed;
  const given = <T>(real: boolean, pick: (k: ArticleKnowledge, a: KnowledgeArticle) => StepResult<T>): ((a: KnowledgeArticle) => StepResult<T> | undefined) | undefined =>
    precomputed && real
      ? (a) => {
          const k = precomputed.get(a.id);
          if (k === undefined) return undefined;
          try {
            return pick(k, a);
          } catch (error) {
            return { error: describe(error) };
          }
        }
      : undefined;
  // Each stage runs in a function of its own that returns only what later stages read, so what it made is let go once handed on.
  let entityMentions: (article: string) => EntityMentionInput[];
  // Each article's mentions are made compact as soon as they are read, so the corpus's text is never held twice.
  const strings = new StringTable();
  const compact = (m: Parameters<typeof compactMentions>[0]): CompactMentions => compactMentions(m, editor.entities, strings);
  const read = options.articleText?.read?.bind(options.articleText);
  // The articles as the stages after the entities read them: with their text back, or reading it on demand.
  const later = read && options.articleText?.stream ? textOnDemand(sorted, read) : sorted;
  try {
    entityMentions = entityStage(
      () =>
        perArticle(
          'entities',
          'mentions',
          (a) => stages.extractMentions(a, { sentenceCache }),
          given(stages.extractMentions === extractMentions, (k, a) => ('error' in k.mentions ? k.mentions : { value: withArticle(a.id, restoreMentions(k.mentions.value, a)) })),
          compact,
          read ? (a) => ({ id: a.id, ...read(a) }) : undefined,
        ),
      (mentions) => {
        if (precomputed) for (const k of precomputed.values()) k.mentions = RELEASED;
        options.articleText?.release();
        strings.seal();
        return isolate<CompactMentions, EntityTable>(
          'entities',
          mentions,
          (m) => ({ article: m.article }),
          (subset) => stages.resolveEntities(subset, editor.entities),
          EntityTable.empty(),
          problems,
        );
      },
      problems,
      sink,
    );
  } finally {
    if (later === sorted) options.articleText?.restore();
  }
  sentenceCache.clear();
  figureStage(
    () =>
      perArticle(
        'figures',
        'figures',
        (a) => stages.findFigures([a]),
        given(stages.findFigures === findFigures, (k, a) => ('error' in k.figures ? k.figures : { value: k.figures.value.map((f) => withArticle(a.id, f)) })),
        undefined,
        (a) => a,
        later,
      ),
    () => {
      if (precomputed) for (const k of precomputed.values()) k.figures = RELEASED;
    },
    (figures) => isolate<Figure, FigureGroup[]>('figures', figures, figurePlace, (subset) => stages.groupFigures(subset), [], problems),
    problems,
    sink,
  );
  sink(
    'events',
    keepValid(
      'events',
      isolate<KnowledgeArticle, TimelineEvent[]>('events', later, (a) => ({ article: a.id }), (subset) => stages.findEvents(subset, { mentionsOf: entityMentions }), [], problems),
      timelineEventSchema,
      (e) => placeAt(e.citations?.[0]?.article, e.citations?.[0]?.paragraph),
      problems,
    ),
  );
  const clustering = isolate<KnowledgeArticle, StoryClustering>(
    'stories',
    later,
    (a) => ({ article: a.id }),
    (subset) => stages.clusterStories(subset, editor.topics ? { editor: editor.topics } : {}),
    { stories: [], topics: [], duplicates: [], warnings: [] },
    problems,
  );
  sink('stories', validClustering(clustering, problems));
  return problems;
}

/**
 * The entities section, handed to `sink` (each record checked as it is read:
 * `EntitySection`); returns each article's mentions in body paragraphs that
 * events merge on, of the entities kept. `resolve` gets the articles'
 * mentions from `read` (and may let go of any other copy of them).
 */
function entityStage(read: () => CompactMentions[], resolve: (mentions: CompactMentions[]) => EntityTable, problems: KnowledgeProblem[], sink: KnowledgeSink): (article: string) => EntityMentionInput[] {
  const section = new EntitySection(resolve(read()), problems);
  sink('entities', section.streamed());
  section.finish();
  // Events merge on shared entities as well as shared words.
  return (article) => section.mentionsOf(article);
}

/** The figures and figure groups sections, handed to `sink`; `taken` is called once the articles' figures are read. */
function figureStage(read: () => Figure[][], taken: () => void, group: (figures: Figure[]) => FigureGroup[], problems: KnowledgeProblem[], sink: KnowledgeSink): void {
  const figures = keepValid('figures', read().flat(), figureSchema, figurePlace, problems);
  taken();
  const figureGroups = keepValid('figures', group(figures), figureGroupSchema, (g) => firstPlace(g.claims?.flatMap((c) => c.figures)), problems);
  sink('figures', figures);
  sink('figureGroups', figureGroups);
}

/** The stories, topics and copies that pass their schemas; a topic keeps only the stories that are kept. */
function validClustering(clustering: StoryClustering, problems: KnowledgeProblem[]): StoryClustering {
  const stories = keepValid('stories', clustering.stories, storySchema, (s) => placeAt(s.firstReport), problems);
  const kept = new Set(stories.map((s) => s.id));
  const topics = keepValid(
    'topics',
    clustering.topics.map((t) => ({ ...t, stories: t.stories.filter((id) => kept.has(id)) })),
    topicSchema,
    (t) => placeAt(t.articles?.[0]),
    problems,
  );
  const duplicates = keepValid('stories', clustering.duplicates, duplicateSchema, (d) => placeAt(d.copy), problems);
  return { stories, topics, duplicates, warnings: clustering.warnings.filter((w) => typeof w === 'string') };
}

/**
 * Runs a corpus-wide stage over `items`. When it throws, the item it throws on
 * is found by halving (the simplest form of delta debugging, Zeller and
 * Hildebrandt 2002): whichever half still throws holds it, at a cost of about
 * twice one run. That item is left out with a warning and the stage runs again,
 * up to `MAX_ISOLATED` times. A failure no single item explains (both halves
 * pass) leaves the stage empty, with an error.
 */
function isolate<I, T>(stage: KnowledgeStage, items: readonly I[], place: (item: I) => Place, run: (subset: readonly I[]) => T, empty: T, problems: KnowledgeProblem[]): T {
  let rest = items;
  for (let isolated = 0; ; isolated++) {
    let failure: unknown;
    try {
      return run(rest);
    } catch (error) {
      failure = error;
    }
    // A stage that throws on no input at all fails whatever the articles say: no article is to blame.
    const culprit = isolated < MAX_ISOLATED && !throwsOn([], run) ? throwingItem(rest, run) : undefined;
    if (culprit === undefined) {
      problems.push({ stage, severity: 'error', message: `internal: the ${stage} stage failed (${describe(failure)}); it is left empty, the rest of the knowledge layer is written; please report it` });
      return empty;
    }
    problems.push({ stage, severity: 'warning', ...place(culprit.item), message: `internal: the ${stage} stage failed on this article (${describe(culprit.error)}); it is left out of ${stage}; please report it` });
    rest = rest.filter((item) => item !== culprit.item);
  }
}

/** The error `run(items)` throws, or undefined when it returns. */
function throwsOn<I, T>(items: readonly I[], run: (subset: readonly I[]) => T): unknown {
  try {
    run(items);
    return undefined;
  } catch (error) {
    return error ?? new Error('unknown');
  }
}

/** One item the stage throws on by itself among `items` (which make it throw), or undefined. */
function throwingItem<I, T>(items: readonly I[], run: (subset: readonly I[]) => T): { item: I; error: unknown } | undefined {
  const throws = (subset: readonly I[]): unknown => throwsOn(subset, run);
  let suspects = items;
  let error: unknown = undefined;
  while (suspects.length > 1) {
    const half = suspects.length >> 1;
    const left = suspects.slice(0, half);
    const right = suspects.slice(half);
    const e = throws(left);
    if (e !== undefined) {
      [suspects, error] = [left, e];
      continue;
    }
    const f = throws(right);
    if (f === undefined) return undefined;
    [suspects, error] = [right, f];
  }
  const only = suspects[0];
  if (only === undefined) return undefined;
  error ??= throws(suspects);
  return error === undefined ? undefined : { item: only, error };
}
