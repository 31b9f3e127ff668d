/**
 * The timeline metrics on small cases worked out by hand: Date-F1 and the
 * Timeline17 protocol, ROUGE-1 agreement, the mean over timelines, event
 * incoherence, the publication-count baseline, and the table.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/knowledge/events.ts';
import { articleSchema, type Article } from '../../src/lib/schema.ts';
import { contentStems, rouge1Counts, rougeWords, textWords } from '../../src/lib/eval/rouge.ts';
import {
  agreementRouge,
  baselineTimeline,
  dateScores,
  eventIncoherence,
  fScore,
  knowledgeFigures,
  leadSentence,
  meanScores,
  protocolOf,
  type BaselineArticle,
} from '../../src/lib/eval/timeline-metrics.ts';
import { formatReport, renderTable, summarise, type TopicResult } from '../../src/lib/eval/timeline-report.ts';

describe('the Timeline17 protocol and Date-F1', () => {
  it('gives the system k = the number of reference dates and the span from the first to the last', () => {
    const reference = [
      { date: '2010-01-14', text: 'c' },
      { date: '2010-01-12', text: 'a' },
      { date: '2010-01-20', text: 'b' },
    ];
    expect(protocolOf(reference)).toEqual({ k: 3, from: '2010-01-12', to: '2010-01-20' });
    expect(protocolOf([])).toBeUndefined();
  });
  it('matches days exactly: 2 shared of 4 system and 3 reference dates is P 1/2, R 2/3, F 4/7', () => {
    const s = dateScores(['2010-01-12', '2010-01-13', '2010-01-15', '2010-01-16'], ['2010-01-13', '2010-01-15', '2010-01-17']);
    expect(s.precision).toBeCloseTo(1 / 2, 10);
    expect(s.recall).toBeCloseTo(2 / 3, 10);
    expect(s.f1).toBeCloseTo(4 / 7, 10);
    // A day off earns nothing.
    expect(dateScores(['2010-01-13'], ['2010-01-12']).f1).toBe(0);
    expect(dateScores([], ['2010-01-12'])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
  it('averages precision and recall over timelines and takes F from the averages, not the mean of the Fs', () => {
    // F of each: 2/3 and 0 (mean 1/3); from the averages P = R = 1/2: F = 1/2.
    const m = meanScores([
      { precision: 1, recall: 0.5, f1: fScore(1, 0.5) },
      { precision: 0, recall: 0.5, f1: 0 },
    ]);
    expect(m).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(meanScores([])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('ROUGE-1', () => {
  it('reads Penn Treebank tokens and plain English as the same words', () => {
    expect(textWords("Haiti 's president do n't -LRB- Reuters -RRB- `` yes ''")).toEqual(textWords('Haiti’s president don’t (Reuters) “yes”'));
    expect(textWords('Préval 3\\/9\\/11')).toEqual(['preval', '3', '9', '11']);
  });
  it('drops SMART stop words (and the news words ROUGE adds) and stems words longer than three letters', () => {
    expect(rougeWords("A quake -LRB- magnitude 7 -RRB- hit Haiti 's capital , Reuters said .")).toEqual(['quak', 'magnitud', '7', 'hit', 'haiti', 'capit']);
  });
  it('clips each word to the count of the rarer side', () => {
    expect(rouge1Counts(['a', 'a', 'b'], ['a', 'c'])).toEqual({ hits: 1, system: 3, reference: 2 });
  });
  it('agreement: compares texts on shared dates only; wrong and missed dates still count in the denominators', () => {
    const system = [
      { date: '2010-01-12', text: 'Earthquake hits Haiti' }, // earthquak hit haiti: 3 tokens
      { date: '2010-01-13', text: 'Rescuers arrive' }, // rescuer arriv: 2 tokens, a date the reference lacks
    ];
    const reference = [
      { date: '2010-01-12', text: "A quake -LRB- magnitude 7 -RRB- hit Haiti 's capital ." }, // quak magnitud 7 hit haiti capit: 6
      { date: '2010-01-14', text: 'Aid arrives in Port-au-Prince .' }, // aid arriv port au princ: 5, missed ("arriv" on the 13th earns nothing)
    ];
    const r = agreementRouge(system, reference);
    expect(r).toMatchObject({ hits: 2, systemTokens: 5, referenceTokens: 11 });
    expect(r.precision).toBeCloseTo(2 / 5, 10);
    expect(r.recall).toBeCloseTo(2 / 11, 10);
    expect(r.f1).toBeCloseTo(0.25, 10);
    expect(agreementRouge([], reference)).toMatchObject({ precision: 0, recall: 0, f1: 0, referenceTokens: 11 });
  });
  it('joins the texts of one date', () => {
    const r = agreementRouge(
      [
        { date: '2010-01-12', text: 'Earthquake' },
        { date: '2010-01-12', text: 'Haiti' },
      ],
      [{ date: '2010-01-12', text: 'Haiti earthquake' }],
    );
    expect(r).toMatchObject({ hits: 2, systemTokens: 2, referenceTokens: 2, f1: 1 });
  });
});

/** An event with this summary whose citations have these sentences. */
function event(id: string, summary: string, sentences: string[]): TimelineEvent {
  return {
    id,
    summary,
    date: '2010-01-12',
    precision: 'day',
    scheduled: false,
    conflict: false,
    dates: [{ date: '2010-01-12', precision: 'day', citations: sentences.map((_, i) => ({ article: `a${i}`, paragraph: 1 })) }],
    citations: sentences.map((sentence, i) => ({
      article: `a${i}`,
      paragraph: 1,
      sentence,
      temporal: 'Tuesday',
      summary,
      date: '2010-01-12',
      precision: 'day',
      relation: 'on',
      candidates: [],
      rule: 'explicit',
      news: true,
    })),
    newsOf: [],
  };
}

describe('event incoherence', () => {
  const quake = event('quake', 'Haiti was hit by a massive earthquake', [
    'A massive earthquake struck Haiti on Tuesday.', // haiti massiv earthquak: 3 shared
    'The earthquake killed thousands on Tuesday.', // earthquak: 1 shared
    'Aid workers arrived on Tuesday.', // none
  ]);
  const other = event('other', 'Aid workers arrived', ['Aid workers arrived in the capital on Tuesday.']);
  it('compares content words: four or more letters, no stop words, stemmed', () => {
    expect(contentStems('Haiti was hit by a massive earthquake')).toEqual(new Set(['haiti', 'massiv', 'earthquak']));
  });
  it('counts citations sharing fewer than two content words with the event title, over the most-cited events', () => {
    expect(eventIncoherence([other, quake])).toEqual({ events: 2, citations: 4, incoherent: 2, share: 0.5 });
    // Only the most-cited event: 2 of its 3 citations stray.
    expect(eventIncoherence([other, quake], { top: 1 })).toEqual({ events: 1, citations: 3, incoherent: 2, share: 2 / 3 });
    expect(eventIncoherence([])).toEqual({ events: 0, citations: 0, incoherent: 0, share: 0 });
  });
});

describe('the publication-count baseline', () => {
  const a = (id: string, published: string | undefined, words: number): BaselineArticle => ({ id, published, words, lead: `Lead of ${id}.` });
  const articles = [
    a('a1', '2010-01-12', 100),
    a('a2', '2010-01-13', 50),
    a('a3', '2010-01-13', 80),
    a('a4', '2010-01-14', 10),
    a('a5', '2010-01-14', 20),
    // Outside the span: the busiest day, never chosen.
    a('a6', '2010-01-20', 1),
    a('a7', '2010-01-20', 1),
    a('a8', '2010-01-20', 1),
    // Month precision and unknown dates are not days.
    a('a9', '2010-01', 500),
    a('a10', undefined, 500),
  ];
  it('picks the k busiest days in the span, each said by the lead of its longest article, in date order', () => {
    expect(baselineTimeline(articles, { k: 2, from: '2010-01-12', to: '2010-01-15' })).toEqual([
      { date: '2010-01-13', text: 'Lead of a3.' },
      { date: '2010-01-14', text: 'Lead of a5.' },
    ]);
    expect(baselineTimeline(articles, { k: 5, from: '2010-01-12', to: '2010-01-15' }).map((d) => d.date)).toEqual(['2010-01-12', '2010-01-13', '2010-01-14']);
  });
  it('takes the lead sentence from the body, not the headline', () => {
    const data: Article = articleSchema.parse({
      headline: 'A headline',
      headlineLines: [],
      standfirst: [],
      credits: [],
      captions: [],
      bylines: [],
      datelines: [],
      agencies: [],
      publisher: { basis: 'unknown' },
      published: { date: '2010-01-13', precision: 'day', basis: 'editor' },
      blocks: [
        [1, 1],
        [3, 3],
      ],
      words: 12,
      removed: [],
      temporal: [],
      source: { path: 'x.txt', sha256: '0'.repeat(64), format: 'txt', encoding: 'utf-8', lines: 3 },
    });
    expect(leadSentence({ id: 'x', data, body: 'The quake struck Haiti . Thousands died .\n\nSecond paragraph.\n' })).toBe('The quake struck Haiti .');
    expect(leadSentence({ id: 'x', data, body: '' })).toBe('A headline');
  });
});

describe('the report', () => {
  it('counts topics, the largest topic’s share, entity pages (named by 2+ articles, or an editor’s) and key events only when marked', () => {
    const knowledge = {
      events: [{}, {}, {}],
      entities: {
        entities: [
          { type: 'person' as const, basis: 'detected' as const, articles: ['a', 'b'] },
          { type: 'person' as const, basis: 'detected' as const, articles: ['a'] },
          { type: 'person' as const, basis: 'detected' as const, articles: ['a', 'a'] },
          { type: 'person' as const, basis: 'detected' as const, articles: ['b', 'c', 'd'] },
          { type: 'person' as const, basis: 'editor' as const, articles: ['a'] },
        ],
      },
      stories: { topics: [{ articles: ['a', 'b', 'c'] }, { articles: ['d'] }] },
    };
    // Pages: the two entities two articles name, and the one an editor listed.
    expect(knowledgeFigures(knowledge, 4)).toEqual({ events: 3, keyEvents: undefined, topics: 2, largestTopicArticles: 3, largestTopicShare: 0.75, entityPages: 3 });
    expect(knowledgeFigures({ ...knowledge, events: [{ key: true }, { key: false }, {}] }, 4).keyEvents).toBe(1);
  });
  it('prints one row per timeline, the mean, and ratios (— when the baseline scores 0)', () => {
    const scores = (p: number, r: number) => ({ precision: p, recall: r, f1: fScore(p, r) });
    const topic: TopicResult = {
      topic: 'quake',
      seeds: { read: 5, failed: 1 },
      articles: 4,
      ingestSeconds: 1.25,
      cached: false,
      figures: { events: 3, keyEvents: undefined, topics: 1, largestTopicArticles: 4, largestTopicShare: 1, entityPages: 2 },
      incoherence: { events: 1, citations: 4, incoherent: 1, share: 0.25 },
      timelines: [
        {
          topic: 'quake',
          name: 'tl1',
          k: 2,
          from: '2010-01-12',
          to: '2010-01-13',
          system: { dates: 2, timeline: [], dateF1: scores(0.5, 0.5), rouge1: { ...scores(0.2, 0.1), hits: 1, systemTokens: 5, referenceTokens: 10 } },
          baseline: { dates: 2, timeline: [], dateF1: scores(0.25, 0.25), rouge1: { ...scores(0, 0), hits: 0, systemTokens: 5, referenceTokens: 10 } },
        },
      ],
    };
    const report = summarise('data', '2026-01-01', [topic]);
    expect(report.mean.ratio).toEqual({ dateF1: 2, rouge1: null });
    const text = formatReport(report);
    expect(text).toMatch(/quake\s+tl1\s+2\s+2010-01-12…2010-01-13\s+2\s+0\.500\s+0\.250\s+2\.00×\s+0\.133\s+0\.000\s+—/);
    expect(text).toMatch(/^mean .* 0\.500\s+0\.250\s+2\.00×/m);
    expect(text).toMatch(/quake\s+5\s+1\s+4\s+1\.3 s\s+3\s+—\s+1\s+100% \(4\)\s+2\s+25% \(1 of 4\)/);
  });
  it('aligns table columns', () => {
    expect(renderTable([['a', '1'], ['bbb', '22']], 'lr')).toEqual(['a     1', 'bbb  22']);
  });
});
