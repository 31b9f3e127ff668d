/**
 * The timeline evaluation of one dataset topic, put together from the
 * metrics (`timeline-metrics.ts`), and the report `npm run eval:timeline`
 * prints: a table, or one JSON object.
 *
 * The system's timeline for a reference is `keyDates` (the function the site
 * uses) given the reference's k and span; the baseline's is
 * `baselineTimeline` given the same. Pure: no I/O, no clock; the command
 * measures the ingest time and passes it in.
 */
import type { Article } from '../schema.ts';
import { eventsCiting } from '../site/browse.ts';
import { topicKeyEvents } from '../site/key-events.ts';
import type { TimelineEvent } from '../knowledge/events.ts';
import { keyDates } from '../knowledge/key-events.ts';
import {
  agreementRouge,
  baselineTimeline,
  dateScores,
  eventIncoherence,
  knowledgeFigures,
  meanScores,
  protocolOf,
  ratio,
  type BaselineArticle,
  type DatedText,
  type Incoherence,
  type KnowledgeFigures,
  type KnowledgeShape,
  type RougeScores,
  type Scores,
} from './timeline-metrics.ts';

/** A journalists' timeline of a dataset topic. */
export interface ReferenceTimeline {
  name: string;
  events: readonly DatedText[];
}

/** One timeline's scores for one side (system or baseline). */
export interface SideScores {
  /** Dates it gave (at most k). */
  dates: number;
  /** The timeline it gave: each date and its text. */
  timeline: DatedText[];
  dateF1: Scores;
  rouge1: RougeScores;
}

/** Scores against one reference timeline. */
export interface TimelineResult {
  topic: string;
  name: string;
  k: number;
  from: string;
  to: string;
  system: SideScores;
  baseline: SideScores;
}

/** Everything measured on one dataset topic. */
export interface TopicResult {
  topic: string;
  /** Seeds the ingest read, and how many of them failed (wrote no article). */
  seeds: { read: number; failed: number };
  /** Articles the ingest wrote. */
  articles: number;
  /** Wall time of the ingest, in seconds. */
  ingestSeconds: number;
  /** True when the ingest reused cached results (its time is then not a cold run's). */
  cached: boolean;
  figures: KnowledgeFigures;
  incoherence: Incoherence;
  timelines: TimelineResult[];
}

/** The mean over all reference timelines, per side, and system / baseline. */
export interface MeanResult {
  timelines: number;
  system: { dateF1: Scores; rouge1: Scores };
  baseline: { dateF1: Scores; rouge1: Scores };
  /** system F / baseline F; null when the baseline scores 0. */
  ratio: { dateF1: number | null; rouge1: number | null };
}

export interface TimelineReport {
  dataset: string;
  today: string;
  topics: TopicResult[];
  mean: MeanResult;
}

/** What `evaluateTopic` reads. */
export interface TopicInput {
  topic: string;
  references: readonly ReferenceTimeline[];
  /** knowledge.json as parsed. */
  knowledge: KnowledgeShape & { events: readonly TimelineEvent[] };
  articles: readonly BaselineArticle[];
  seeds: { read: number; failed: number };
  ingestSeconds: number;
  cached: boolean;
}

function side(timeline: readonly DatedText[], reference: readonly DatedText[]): SideScores {
  return {
    dates: new Set(timeline.map((t) => t.date)).size,
    timeline: [...timeline],
    dateF1: dateScores(
      timeline.map((t) => t.date),
      reference.map((r) => r.date),
    ),
    rouge1: agreementRouge(timeline, reference),
  };
}

/** How many key events the page of the largest topic leads with (the site's own `topicKeyEvents`); undefined with no topic. */
function largestTopicKeyEvents(knowledge: TopicInput['knowledge'], published: ReadonlyMap<string, string>): number | undefined {
  const largest = [...knowledge.stories.topics].sort((a, b) => b.articles.length - a.articles.length)[0];
  if (largest === undefined) return undefined;
  const entries = largest.articles.map((id) => ({ id, data: { published: { date: published.get(id) } } as unknown as Article }));
  return topicKeyEvents(eventsCiting(knowledge.events, largest.articles), entries).key.length;
}

/** Scores the system and the baseline against each reference timeline of a topic, with the topic's size figures. */
export function evaluateTopic(input: TopicInput): TopicResult {
  const published = new Map(input.articles.flatMap((a) => (a.published === undefined ? [] : [[a.id, a.published] as const])));
  const timelines: TimelineResult[] = [];
  for (const reference of input.references) {
    const protocol = protocolOf(reference.events);
    if (protocol === undefined) continue;
    const system = keyDates(input.knowledge.events, { ...protocol, published }).map((d) => ({ date: d.date, text: d.titles.join(' ') }));
    const baseline = baselineTimeline(input.articles, protocol);
    timelines.push({ topic: input.topic, name: reference.name, ...protocol, system: side(system, reference.events), baseline: side(baseline, reference.events) });
  }
  return {
    topic: input.topic,
    seeds: { ...input.seeds },
    articles: input.articles.length,
    ingestSeconds: input.ingestSeconds,
    cached: input.cached,
    figures: { ...knowledgeFigures(input.knowledge, input.articles.length), keyEvents: largestTopicKeyEvents(input.knowledge, published) },
    incoherence: eventIncoherence(input.knowledge.events),
    timelines,
  };
}

/** The report over topics: their results and the mean over every reference timeline (P and R averaged, F from them). */
export function summarise(dataset: string, today: string, topics: readonly TopicResult[]): TimelineReport {
  const all = topics.flatMap((t) => t.timelines);
  const mean = (pick: (t: TimelineResult) => Scores): Scores => meanScores(all.map(pick));
  const system = { dateF1: mean((t) => t.system.dateF1), rouge1: mean((t) => t.system.rouge1) };
  const baseline = { dateF1: mean((t) => t.baseline.dateF1), rouge1: mean((t) => t.baseline.rouge1) };
  return {
    dataset,
    today,
    topics: [...topics],
    mean: {
      timelines: all.length,
      system,
      baseline,
      ratio: { dateF1: ratio(system.dateF1.f1, baseline.dateF1.f1) ?? null, rouge1: ratio(system.rouge1.f1, baseline.rouge1.f1) ?? null },
    },
  };
}

// ---------------------------------------------------------------------------
// The table

const fixed = (n: number, digits = 3): string => n.toFixed(digits);
const times = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${n.toFixed(2)}×`);
const percent = (n: number): string => `${(100 * n).toFixed(0)}%`;
const count = (n: number): string => n.toLocaleString('en-US');

/** Rows of cells as aligned text: `align[i]` is `l` or `r` for column i; columns two spaces apart. */
export function renderTable(rows: readonly (readonly string[])[], align: string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length));
        return align[i] === 'r' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** The report as readable text: one table of scores per reference timeline and their mean, one of figures per topic. */
export function formatReport(report: TimelineReport): string {
  const { mean } = report;
  const lines: string[] = [
    `Timeline summarisation on ${report.dataset}: ${report.topics.length} ${report.topics.length === 1 ? 'topic' : 'topics'}, ${mean.timelines} reference ${mean.timelines === 1 ? 'timeline' : 'timelines'} (ingest --today ${report.today})`,
    '',
    'Date-F1: the system picks k dates within the reference span (Timeline17 protocol). ROUGE-1 F1: agreement variant, stemmed, SMART stop words out.',
    'base = baseline: the k days with most articles published, each said by the lead sentence of its longest article. ratio = system / base.',
    '',
  ];
  const header = ['topic', 'timeline', 'k', 'span', 'dates', 'Date-F1', 'base', 'ratio', 'ROUGE-1', 'base', 'ratio'];
  const rows: string[][] = [header];
  for (const t of report.topics.flatMap((x) => x.timelines)) {
    rows.push([
      t.topic,
      t.name,
      String(t.k),
      `${t.from}…${t.to}`,
      String(t.system.dates),
      fixed(t.system.dateF1.f1),
      fixed(t.baseline.dateF1.f1),
      times(ratio(t.system.dateF1.f1, t.baseline.dateF1.f1)),
      fixed(t.system.rouge1.f1),
      fixed(t.baseline.rouge1.f1),
      times(ratio(t.system.rouge1.f1, t.baseline.rouge1.f1)),
    ]);
  }
  rows.push([
    'mean',
    `of ${mean.timelines} (P, R averaged, F from them)`,
    '',
    '',
    '',
    fixed(mean.system.dateF1.f1),
    fixed(mean.baseline.dateF1.f1),
    times(mean.ratio.dateF1),
    fixed(mean.system.rouge1.f1),
    fixed(mean.baseline.rouge1.f1),
    times(mean.ratio.rouge1),
  ]);
  lines.push(...renderTable(rows, 'llrlrrrrrrr'), '');

  const figures: string[][] = [['topic', 'seeds', 'failed', 'articles', 'ingest', 'events', 'key events', 'topics', 'largest topic', 'entity pages', 'incoherent citations (20 most-cited events)']];
  for (const t of report.topics) {
    const f = t.figures;
    figures.push([
      t.topic,
      count(t.seeds.read),
      count(t.seeds.failed),
      count(t.articles),
      `${t.ingestSeconds.toFixed(1)} s${t.cached ? ' (cached)' : ''}`,
      count(f.events),
      f.keyEvents === undefined ? '—' : count(f.keyEvents),
      count(f.topics),
      `${percent(f.largestTopicShare)} (${count(f.largestTopicArticles)})`,
      count(f.entityPages),
      `${percent(t.incoherence.share)} (${count(t.incoherence.incoherent)} of ${count(t.incoherence.citations)})`,
    ]);
  }
  lines.push(...renderTable(figures, 'lrrrrrrrrrl'));
  lines.push(
    '',
    'entity pages: entities named by 2 or more articles or listed by an editor (the site gives them a page).',
    'incoherent: the citation’s sentence shares fewer than 2 content words with its event’s title.',
  );
  return lines.join('\n');
}
