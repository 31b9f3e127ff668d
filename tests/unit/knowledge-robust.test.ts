/**
 * One bad article or record never takes the knowledge layer down: a stage
 * that throws on one article runs without it, a record that fails its schema
 * is left out, each with a problem naming the stage, article and paragraph,
 * and the rest is written. Property tests feed real-looking news text (long
 * single-line articles, transcripts, live blogs with timestamps, research
 * corpora in Penn Treebank tokens) through the ingest and the whole layer.
 *
 * Run counts are small enough for the unit suite; FC_RUNS runs more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTemporal } from '../../src/lib/ingest/dates.ts';
import { clauseAround, findEvents } from '../../src/lib/knowledge/events.ts';
import { clusterStories } from '../../src/lib/knowledge/stories.ts';
import { extractMentions } from '../../src/lib/knowledge/entities.ts';
import { buildKnowledge, knowledgeSchema, type KnowledgeProblem } from '../../src/lib/knowledge/knowledge.ts';
import { DATE_PATTERN, type Published } from '../../src/lib/schema.ts';
import { THREE_REPORTS, seedEntries } from '../content-entries.ts';


const RUNS = Number(process.env['FC_RUNS'] ?? 0) || undefined;
const LIMIT = RUNS ? 3_600_000 : 60_000;
const TODAY = '2025-12-31';

const CORPUS = seedEntries(THREE_REPORTS, TODAY);
const bad = CORPUS.find((a) => a.data.headline.startsWith('Seoul'))!.id;
const articlesOf = (problems: readonly KnowledgeProblem[]): string[] => problems.map((p) => p.article ?? '');

describe('the knowledge layer, when a stage fails on one article', () => {
  const clean = buildKnowledge(CORPUS);
  it('makes a full layer from good articles, with no problem', () => {
    expect(clean.problems).toEqual([]);
    expect(clean.knowledge.events.length).toBeGreaterThan(0);
    expect(clean.knowledge.stories.topics.length).toBeGreaterThan(0);
    knowledgeSchema.parse(clean.knowledge);
  });
  it('leaves an article out of a per-article step that throws on it, and keeps the rest', () => {
    const { knowledge, problems } = buildKnowledge(CORPUS, {}, {
      stages: {
        extractMentions: (a, o) => {
          if (a.id === bad) throw new TypeError('boom in names');
          return extractMentions(a, o);
        },
      },
    });
    expect(problems).toEqual([expect.objectContaining({ stage: 'entities', severity: 'warning', article: bad, message: expect.stringContaining('TypeError: boom in names') })]);
    expect(knowledge.entities.entities.some((e) => e.name === 'Vladimir Putin')).toBe(true);
    expect(knowledge.entities.articles.map((a) => a.article)).not.toContain(bad);
    expect(knowledge.events).toEqual(clean.knowledge.events.length ? expect.any(Array) : []);
    knowledgeSchema.parse(knowledge);
  });
  it('runs a corpus-wide stage again without the article it throws on (found by halving)', () => {
    let runs = 0;
    const { knowledge, problems } = buildKnowledge(CORPUS, {}, {
      stages: {
        findEvents: (articles, o) => {
          runs++;
          if (articles.some((a) => a.id === bad)) throw new RangeError('boom in events');
          return findEvents(articles, o);
        },
        clusterStories: (articles, o) => {
          if (articles.some((a) => a.id === bad)) throw new Error('boom in stories');
          return clusterStories(articles, o);
        },
      },
    });
    expect(problems.map((p) => [p.stage, p.severity, p.article])).toEqual([
      ['events', 'warning', bad],
      ['stories', 'warning', bad],
    ]);
    expect(runs).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(CORPUS.length)) + 1 + 1);
    // The other articles' events and stories are all there.
    expect(knowledge.events.some((e) => e.citations.some((c) => c.article !== bad))).toBe(true);
    expect(knowledge.events.every((e) => e.citations.every((c) => c.article !== bad))).toBe(true);
    expect(knowledge.stories.stories.flatMap((s) => s.articles).sort()).toEqual(CORPUS.map((a) => a.id).filter((id) => id !== bad).sort());
    knowledgeSchema.parse(knowledge);
  });
  it('leaves a stage empty, with an error, when it fails whatever the input', () => {
    const { knowledge, problems } = buildKnowledge(CORPUS, {}, {
      stages: {
        groupFigures: () => {
          throw new Error('always');
        },
      },
    });
    expect(problems).toEqual([expect.objectContaining({ stage: 'figures', severity: 'error', message: expect.stringContaining('Error: always') })]);
    expect(knowledge.figureGroups).toEqual([]);
    expect(knowledge.figures).toEqual(clean.knowledge.figures);
    expect(knowledge.events).toEqual(clean.knowledge.events);
  });
  it('leaves out a record that fails its schema, naming its article and paragraph, and keeps the others', () => {
    const { knowledge, problems } = buildKnowledge(CORPUS, {}, {
      stages: {
        findEvents: (articles, o) => {
          const events = findEvents(articles, o);
          const first = events[0]!;
          return [{ ...first, summary: '', citations: first.citations.map((c) => ({ ...c, summary: '' })) }, ...events.slice(1)];
        },
      },
    });
    const first = clean.knowledge.events[0]!;
    expect(problems).toEqual([
      expect.objectContaining({ stage: 'events', severity: 'warning', article: first.citations[0]!.article, paragraph: first.citations[0]!.paragraph, message: expect.stringMatching(/summary: Too small/) }),
    ]);
    expect(knowledge.events).toEqual(clean.knowledge.events.slice(1));
    knowledgeSchema.parse(knowledge);
  });
  it('keeps only references to what it kept: a topic lists only the stories left in', () => {
    const { knowledge, problems } = buildKnowledge(CORPUS, {}, {
      stages: {
        clusterStories: (articles, o) => {
          const c = clusterStories(articles, o);
          return { ...c, stories: c.stories.map((s, i) => (i === 0 ? { ...s, id: 'Not A Slug' } : s)) };
        },
      },
    });
    expect(articlesOf(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ stage: 'stories', message: expect.stringContaining('id: ') });
    const ids = new Set(knowledge.stories.stories.map((s) => s.id));
    expect(knowledge.stories.topics.flatMap((t) => t.stories).every((id) => ids.has(id))).toBe(true);
  });
});

describe('the causes found on real topics', () => {
  it('a temporal alone in its segment still gives a clause with words (PTB spacing: "On 29 November , during …")', () => {
    const sentence = 'On 29 November , during sentencing , I believe that Judge Pastor will show more mercy to Murray than did his jurors .';
    const clause = clauseAround(sentence, 3, 14);
    expect(clause.summary).not.toBe('');
    expect(clause.summary).toMatch(/sentencing/);
  });
  it('no temporal expression gets a date outside the years 1000 to 9999, and "5,000 years ago" is not "000 years ago"', () => {
    const published: Published = { date: '2011-02-01', precision: 'day', basis: 'editor' } as Published;
    const text = 'Pyramids rose 4500 years ago. The ice left 12000 years ago. The city is 5,000 years old and began 5,000 years ago. That was 10 years ago.';
    const found = extractTemporal([{ text, lines: [1, 1] } as never], published);
    expect(found.map((t) => [t.text, t.date])).toEqual([['10 years ago', '2001']]);
  });
});

// ---------------------------------------------------------------------------
// Real-looking news text.

const NAMES = ['Hosni Mubarak', 'Omar Suleiman', 'Barack Obama', 'Hillary Clinton', 'Moammar Gadhafi', 'the United Nations', 'NATO', 'Cairo', 'Tripoli', 'Benghazi', 'Port-au-Prince', 'Michael Jackson', 'Dr Conrad Murray', 'the BBC', 'CNN'];
const WHEN = [
  'on Monday', 'last Friday', 'on 29 November', 'On 29 November ,', 'in November', 'last November', 'this week', 'next month', 'on January 25', 'on Jan. 28 , 2011',
  'in 2009', 'in the 1990s', '4500 years ago', '5,000 years ago', 'two weeks ago', 'yesterday', 'tomorrow', 'at 9:00 am ET', 'on 3\\/9\\/11', 'in mid-February', 'the following day',
  'on the 18th day of protests', 'by the end of the year', 'since 1981', 'in AD 79', 'on February 30', 'in 12000 BC',
];
const VERBS = ['said', 'resigned', 'was killed', 'met', 'announced', 'will travel', 'clashed with police', 'was sentenced', 'is scheduled to vote', 'fled', 'denied it'];
const NUMBERS = ['2', '66', '1,500', '300,000', 'hundreds of', 'at least 11', 'more than 200,000', 'dozens of'];
const pick = <T,>(list: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...list);
const sentence = fc
  .tuple(pick(NAMES), pick(VERBS), pick(WHEN), pick(NUMBERS), pick(NAMES), fc.constantFrom('plain', 'lead', 'quote', 'ptb', 'question', 'fragment', 'figure'))
  .map(([who, verb, when, n, other, style]) => {
    switch (style) {
      case 'lead':
        return `${when.charAt(0).toUpperCase()}${when.slice(1)} , during the hearing , I believe that ${who} ${verb} .`;
      case 'quote':
        return `"We will not leave ${when}," ${who} said.`;
      case 'ptb':
        return `${who} ${verb} ${when} -LRB- Reuters -RRB- - `.concat("`` It 's over , '' ", other, " said , and they do n't agree .");
      case 'question':
        return `Will ${who} ${verb.replace(/^was /, 'be ')} ${when}?`;
      case 'fragment':
        return `And ${when} , these -- these ${verb} ...`;
      case 'figure':
        return `${n} people were killed ${when}, according to ${other}.`;
      default:
        return `${who} ${verb} ${when} in ${other}.`;
    }
  });
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '));
const article = fc.oneof(
  // A long article on one line, as research corpora and some dumps give it.
  fc.tuple(sentence, fc.array(sentence, { minLength: 5, maxLength: 40 })).map(([h, body]) => `${h}\n${body.join(' ')}\n`),
  // A broadcast transcript.
  fc.tuple(pick(NAMES), fc.array(fc.tuple(fc.constantFrom('BLITZER', 'AMANPOUR', 'UNIDENTIFIED MALE', 'COOPER'), sentence), { minLength: 3, maxLength: 15 })).map(
    ([who, turns]) => `11th Day of Unrest for ${who} Aired THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.\n\n${turns.map(([s, t]) => `${s}: ${t}`).join('\n\n')}\n\n(CROSSTALK)\n\n(END VIDEOTAPE)\n`,
  ),
  // A live blog: timestamped updates, newest first.
  fc.tuple(pick(NAMES), fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('am', 'pm'), paragraph, fc.constantFrom('', 'UPDATE: ', 'NEW: ')), { minLength: 2, maxLength: 12 })).map(
    ([who, posts]) => `Live: ${who} latest\n\n${posts.map(([h, ap, p, tag]) => `${h}:${h % 2 ? '00' : '30'} ${ap} ET - ${tag}${p}`).join('\n\n')}\n`,
  ),
  // An ordinary article with a headline and paragraphs.
  fc.tuple(sentence, fc.array(paragraph, { minLength: 1, maxLength: 8 })).map(([h, ps]) => `${h}\n\n${ps.join('\n\n')}\n`),
);
const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2011, 0, 20 + n)).toISOString().slice(0, 10));

describe('the knowledge layer, on real-looking news text', () => {
  it('is always valid, and leaves nothing out', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(article, day), { minLength: 1, maxLength: 4 }), (seeds) => {
        const entries = seedEntries(seeds.map(([text, published], i) => ({ name: `s${i}`, text, published })), TODAY);
        const { knowledge, problems } = buildKnowledge(entries);
        expect(problems).toEqual([]);
        knowledgeSchema.parse(knowledge);
        for (const e of entries) for (const t of e.data.temporal) for (const d of [t.date, ...t.candidates]) if (d !== undefined) expect(d).toMatch(DATE_PATTERN);
      }),
      { numRuns: RUNS ?? 25 },
    );
  }, LIMIT);
});
