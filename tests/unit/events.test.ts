import { buildKnowledge } from '../../src/lib/knowledge/knowledge.ts';
import { contentEntries } from '../content-entries.ts';
import { describe, expect, it } from 'vitest';
import { articleSchema, type Article, type Temporal } from '../../src/lib/schema.ts';
import {
  bodyParagraphs,
  clauseAround,
  contentWords,
  findEvents,
  MAX_COMPARED,
  MAX_PROPOSED,
  splitSentences,
  stemWord,
  timelineEventSchema,
  words,
  type EventArticle,
  type EventStats,
  type TimelineEvent,
} from '../../src/lib/knowledge/events.ts';

// ---------------------------------------------------------------------------
// Invented articles

interface T {
  /** 0-based paragraph. */
  block: number;
  text: string;
  date?: string;
  precision?: Temporal['precision'];
  candidates?: string[];
  rule?: string;
  /** Which occurrence of `text` in the paragraph (default the first). */
  nth?: number;
}

/** A valid entry: paragraphs become the body; each temporal gets its offsets and sentence from the text. */
function article(id: string, published: string | undefined, paragraphs: string[], temporals: T[] = []): EventArticle {
  const temporal: Temporal[] = temporals.map((t) => {
    const para = paragraphs[t.block] ?? '';
    let start = para.indexOf(t.text);
    for (let k = 0; k < (t.nth ?? 0); k++) start = para.indexOf(t.text, start + 1);
    if (start < 0) throw new Error(`no “${t.text}” in paragraph ${t.block}`);
    const sentence = splitSentences(para).find((s) => {
      const i = para.indexOf(s);
      return start >= i && start < i + s.length;
    });
    const precision = t.precision ?? (t.date ? (t.date.length === 10 ? 'day' : t.date.length === 7 ? 'month' : 'year') : 'unknown');
    const out: Temporal = {
      text: t.text,
      block: t.block,
      start,
      end: start + t.text.length,
      sentence: sentence ?? para,
      line: t.block * 2 + 1,
      precision,
      candidates: t.candidates ?? [],
      rule: t.rule ?? 'explicit',
    };
    if (t.date) out.date = t.date;
    return out;
  });
  const data: Article = {
    headline: `Headline of ${id}`,
    headlineLines: [],
    standfirst: [],
    credits: [],
    captions: [],
    bylines: [],
    datelines: [],
    agencies: [],
    publisher: { basis: 'unknown' },
    published: published
      ? { date: published, precision: published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year', basis: 'editor' }
      : { precision: 'unknown', basis: 'unknown' },
    blocks: paragraphs.map((_, i): [number, number] => [i * 2 + 1, i * 2 + 1]),
    words: paragraphs.join(' ').split(/\s+/).length,
    removed: [],
    temporal,
    source: { path: `${id}.txt`, sha256: '0'.repeat(64), format: 'txt', encoding: 'utf-8', lines: paragraphs.length * 2 },
  };
  return { id, data: articleSchema.parse(data), body: `${paragraphs.join('\n\n')}\n` };
}

function only(events: TimelineEvent[], pattern: RegExp): TimelineEvent {
  const found = events.filter((e) => pattern.test(e.summary));
  expect(found, `${pattern} in ${events.map((e) => e.summary).join(' | ')}`).toHaveLength(1);
  return found[0] as TimelineEvent;
}

/** Every word of the summary stands in the sentence, in order: nothing was invented. */
function isExtractive(summary: string, sentence: string): boolean {
  const have = words(sentence);
  let k = 0;
  for (const w of words(summary)) {
    while (k < have.length && have[k] !== w) k++;
    if (k === have.length) return false;
    k++;
  }
  return true;
}

describe('text helpers', () => {
  it('stems British and American spellings, plurals and verb forms alike', () => {
    expect(stemWord('defence')).toBe(stemWord('defense'));
    expect(stemWord('honoured')).toBe(stemWord('honored'));
    expect(stemWord('troops')).toBe(stemWord('soldiers'));
    expect(stemWord('treaty')).toBe(stemWord('pacts'));
    expect(stemWord('signing')).toBe(stemWord('signed'));
    expect(stemWord('casualties')).toBe(stemWord('casualty'));
    expect(stemWord('deployment')).toBe(stemWord('deployed'));
  });

  it('folds a place and its demonym, but only for capitalised words', () => {
    expect(contentWords('Korean')).toEqual(contentWords('Korea'));
    expect(contentWords('Russian')).toEqual(contentWords('Russia'));
    expect(contentWords('the troops and the'))
      .toEqual(['troop']);
  });

  it('reads paragraphs of a Markdown body back to plain text', () => {
    expect(bodyParagraphs('One \\*two\\*.\n\n## Head\n\nThree.\n')).toEqual(['One *two*.', 'Head', 'Three.']);
  });
});

describe('clauseAround', () => {
  it('keeps a temporal used as a possessive ("Tuesday’s earthquake"), which cannot go without leaving "’s"', () => {
    const sentence = 'Haiti was devastated by Tuesday’s earthquake.';
    const start = sentence.indexOf('Tuesday');
    expect(clauseAround(sentence, start, start + 'Tuesday'.length).summary).toBe('Haiti was devastated by Tuesday’s earthquake');
  });
  const clause = (sentence: string, temporal: string) => {
    const i = sentence.indexOf(temporal);
    return clauseAround(sentence, i, i + temporal.length);
  };

  it('drops an opening time phrase and a participial tail', () => {
    const c = clause('Last week, the minister said the plant would reopen, citing new safety checks.', 'Last week');
    expect(c.summary).toBe('The minister said the plant would reopen');
  });

  it('keeps the time words where taking them out would break the sentence', () => {
    const c = clause('In a ceremony held on Friday, the mayor opened the bridge.', 'Friday');
    expect(c.summary).toBe('In a ceremony held on Friday, the mayor opened the bridge');
  });

  it('takes out a dated apposition whole', () => {
    const c = clause('The council on Friday, May 2, approved the budget for the harbour.', 'Friday, May 2');
    expect(c.summary).toBe('The council approved the budget for the harbour');
  });

  it('ends the clause before an "as" clause and caps long clauses at a word boundary', () => {
    const c = clause('The agency on Tuesday released new figures on flooding in the valley, as residents said the water was still rising.', 'Tuesday');
    expect(c.summary).toBe('The agency released new figures on flooding in the valley');
    const long = clause(`The board approved on Monday ${'a very long list of small and large changes to the plan '.repeat(4)}today.`, 'Monday');
    expect(long.summary.endsWith('…')).toBe(true);
    expect(long.summary.split(' ').length).toBeLessThanOrEqual(26);
  });
});

describe('findEvents on invented articles', () => {
  it('dates a statement, cites article and paragraph, and never adds words', () => {
    const a = article('a', '2024-03-08', ['Intro paragraph without dates.', 'The city council approved the new harbour budget on Tuesday.'], [
      { block: 1, text: 'Tuesday', date: '2024-03-05', rule: 'relative-to-published' },
    ]);
    const [e, ...rest] = findEvents([a]);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ date: '2024-03-05', precision: 'day', conflict: false, scheduled: false });
    expect(e?.citations[0]).toMatchObject({ article: 'a', paragraph: 2, sentence: 'The city council approved the new harbour budget on Tuesday.' });
    expect(e?.summary).toBe('The city council approved the new harbour budget');
    expect(isExtractive(e?.summary ?? '', e?.citations[0]?.sentence ?? '')).toBe(true);
  });

  it('skips unknown times, speculation and the unscheduled future, but keeps a stated schedule', () => {
    const a = article(
      'a',
      '2024-03-08',
      [
        'The union said a strike could begin as early as this month.',
        'Officials will decide next year whether to extend the programme.',
        'The two leaders are scheduled to meet in Vienna next week.',
        'A week later the talks resumed.',
      ],
      [
        { block: 0, text: 'this month', date: '2024-03', rule: 'relative-to-published' },
        { block: 1, text: 'next year', date: '2025', rule: 'relative-to-published' },
        { block: 2, text: 'next week', date: '2024-03', rule: 'relative-to-published' },
        { block: 3, text: 'A week later', precision: 'unknown', rule: 'anaphoric' },
      ],
    );
    const events = findEvents([a]);
    expect(events.map((e) => e.summary)).toEqual(['The two leaders are scheduled to meet in Vienna']);
    expect(events[0]?.scheduled).toBe(true);
  });

  it('dates a report of speech by the speaking, not by what was said', () => {
    const a = article('a', '2024-03-08', ['Last week, the minister said the mine could reopen as early as this month.'], [
      { block: 0, text: 'Last week', date: '2024-02', rule: 'relative-to-published' },
      { block: 0, text: 'this month', date: '2024-03', rule: 'relative-to-published' },
    ]);
    const events = findEvents([a]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2024-02', summary: 'The minister said the mine could reopen as early as this month' });
  });

  it('merges one event told by several articles, with every citation, at the finest agreed date', () => {
    const a = article('a', '2024-05-02', ['Portugal and Brazil signed a fisheries treaty in April, officials said.'], [
      { block: 0, text: 'April', date: '2024-04', rule: 'relative-to-published' },
    ]);
    const b = article('b', '2024-04-20', ['The Brazilian and Portuguese governments on Thursday signed a fisheries pact in Lisbon.'], [
      { block: 0, text: 'Thursday', date: '2024-04-18', rule: 'relative-to-published' },
    ]);
    const c = article('c', '2024-04-21', ['A storm closed the port of Lisbon on Saturday.'], [{ block: 0, text: 'Saturday', date: '2024-04-20', rule: 'relative-to-published' }]);
    const events = findEvents([a, b, c]);
    expect(events).toHaveLength(2);
    const treaty = only(events, /fisheries/);
    expect(treaty.citations.map((x) => x.article)).toEqual(['b', 'a']);
    expect(treaty).toMatchObject({ date: '2024-04-18', precision: 'day', conflict: false });
    expect(treaty.dates.map((d) => d.date)).toEqual(['2024-04', '2024-04-18']);
  });

  it('settles an ambiguous past-perfect month by another article’s date for the same event, and says so', () => {
    const a = article('a', '2025-08-20', ['The two neighbours had signed a border treaty in June, ending years of dispute.'], [
      { block: 0, text: 'June', date: '2025-06', precision: 'month', candidates: ['2025-06', '2024-06'], rule: 'past-perfect' },
    ]);
    const b = article('b', '2024-07-01', ['The border treaty signed by the two neighbours in June 2024 ends a long dispute.'], [
      { block: 0, text: 'June 2024', date: '2024-06' },
    ]);
    const events = findEvents([a, b]);
    expect(events).toHaveLength(1);
    const e = events[0] as TimelineEvent;
    expect(e.date).toBe('2024-06');
    expect(e.resolvedBy).toEqual({ article: 'b', sentence: 'The border treaty signed by the two neighbours in June 2024 ends a long dispute.' });
    expect(e.note).toMatch(/2025-06 or 2024-06/);
    const cited = e.citations.find((c) => c.article === 'a');
    expect(cited).toMatchObject({ date: '2024-06', candidates: ['2025-06', '2024-06'] });
    expect(cited?.resolvedBy?.article).toBe('b');
  });

  it('never turns unsettled ambiguity into a date', () => {
    const a = article('a', '2025-08-20', ['The two neighbours had signed a border treaty in June, ending years of dispute.'], [
      { block: 0, text: 'June', date: '2025-06', precision: 'month', candidates: ['2025-06', '2024-06'], rule: 'past-perfect' },
    ]);
    const [e] = findEvents([a]);
    expect(e?.date).toBeUndefined();
    expect(e?.precision).toBe('unknown');
    expect(e?.note).toMatch(/no other report/);
  });

  it('uses an anniversary and an "after" clause to settle the year', () => {
    const a = article('a', '2025-08-20', ['The two neighbours had signed a border treaty in June, ending years of dispute.'], [
      { block: 0, text: 'June', date: '2025-06', precision: 'month', candidates: ['2025-06', '2024-06'], rule: 'past-perfect' },
    ]);
    const b = article('b', '2025-06-30', ['Crowds filled the square on Sunday. The rally marked the one-year anniversary of the border treaty between the two neighbours.'], [
      { block: 0, text: 'Sunday', date: '2025-06-29', rule: 'relative-to-published' },
    ]);
    const c = article('c', '2024-09-10', ['The army withdrew from the valley in August 2024, shortly after signing a border treaty with its neighbour.'], [
      { block: 0, text: 'August 2024', date: '2024-08' },
    ]);
    for (const set of [[a, b], [a, c]]) {
      const treaty = only(findEvents(set), /had signed a border treaty/);
      expect(treaty.date).toBe('2024-06');
      expect(treaty.resolvedBy?.article).toBe(set[1]?.id);
    }
    const all = findEvents([a, b, c]);
    const treaty = only(all, /had signed a border treaty/);
    expect(treaty.citations.map((x) => [x.article, x.rule, x.relation])).toEqual([
      ['c', 'after-clause', 'on-or-before'],
      ['b', 'anniversary', 'on'],
      ['a', 'past-perfect', 'on'],
    ]);
    expect(treaty.summary).toBe('The two neighbours had signed a border treaty');
  });

  it('flags close dates for one event as a conflict and lists them; far dates are two events', () => {
    const a = article('a', '2024-10-03', ['Rebels captured the northern town of Kalo on Monday after heavy fighting.'], [
      { block: 0, text: 'Monday', date: '2024-09-30', rule: 'relative-to-published' },
    ]);
    const b = article('b', '2024-10-03', ['Rebels captured the northern town of Kalo on Tuesday after heavy fighting.'], [
      { block: 0, text: 'Tuesday', date: '2024-10-01', rule: 'relative-to-published' },
    ]);
    const c = article('c', '2025-06-10', ['Rebels captured the northern town of Kalo on Sunday after heavy fighting.'], [
      { block: 0, text: 'Sunday', date: '2025-06-08', rule: 'relative-to-published' },
    ]);
    const events = findEvents([a, b, c]);
    expect(events).toHaveLength(2);
    const first = events[0] as TimelineEvent;
    expect(first.conflict).toBe(true);
    expect(first.dates).toEqual([
      { date: '2024-09-30', precision: 'day', citations: [{ article: 'a', paragraph: 1 }] },
      { date: '2024-10-01', precision: 'day', citations: [{ article: 'b', paragraph: 1 }] },
    ]);
    expect(first.date).toBe('2024');
    expect(first.note).toMatch(/disagree/);
    expect(events[1]).toMatchObject({ date: '2025-06-08', conflict: false });
  });

  it('keeps the note of an event told by many reports short, naming the first few of each date and counting the rest', () => {
    const reports = Array.from({ length: 40 }, (_, k) =>
      article(`r${String(k).padStart(2, '0')}`, '2024-10-03', ['Rebels captured the northern town of Kalo on Tuesday after heavy fighting.'], [
        { block: 0, text: 'Tuesday', date: k % 2 ? '2024-10-01' : '2024-09-30', rule: 'relative-to-published' },
      ]),
    );
    const [event] = findEvents(reports);
    expect(event?.citations).toHaveLength(40);
    expect(event?.note).toBe('The reports disagree on the date: 2024-09-30 (r00 ¶1, r02 ¶1, r04 ¶1 and 17 more) vs 2024-10-01 (r01 ¶1, r03 ¶1, r05 ¶1 and 17 more); only 2024 is common to them.');
  });

  it('merges differently named mentions of one entity when the entity stage says so', () => {
    const a = article('a', '2024-05-02', ['Pyongyang ratified the accord with Moscow in April.'], [{ block: 0, text: 'April', date: '2024-04' }]);
    const b = article('b', '2024-05-20', ['North Korea’s parliament approved the deal with the Kremlin in April.'], [{ block: 0, text: 'April', date: '2024-04' }]);
    expect(findEvents([a, b])).toHaveLength(2);
    const mentions = [
      { entity: 'north-korea', article: 'a', block: 1, text: 'Pyongyang' },
      { entity: 'russia', article: 'a', block: 1, text: 'Moscow' },
      { entity: 'north-korea', article: 'b', block: 1, text: 'North Korea' },
      { entity: 'russia', article: 'b', block: 1, text: 'Kremlin' },
    ];
    expect(findEvents([a, b], { mentions })).toHaveLength(1);
  });

  it('is deterministic whatever the input order', () => {
    const a = article('a', '2024-05-02', ['Portugal and Brazil signed a fisheries treaty in April, officials said.'], [{ block: 0, text: 'April', date: '2024-04' }]);
    const b = article('b', '2024-04-20', ['The governments on Thursday signed a fisheries pact in Lisbon.'], [{ block: 0, text: 'Thursday', date: '2024-04-18' }]);
    expect(findEvents([b, a])).toEqual(findEvents([a, b]));
  });
});

// ---------------------------------------------------------------------------
// Work at scale: counted, not timed

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A made-up word, the same for the same number: syllables that no stemming rule trims. */
function madeUp(k: number, syllables: readonly string[], length: number): string {
  return Array.from({ length }, (_, i) => syllables[Math.floor(k / syllables.length ** i) % syllables.length]).join('');
}

/** Article `k`: one sentence on a council's budget, dated `day` days into 2024, published at the end of the year. */
function budgetArticle(k: number, town: string, thing: string, day: number): EventArticle {
  const date = new Date(Date.UTC(2024, 0, 1 + day));
  const text = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return article(`a${String(k).padStart(5, '0')}`, '2024-12-31', [`The ${town} council approved the ${thing} budget on ${text}.`], [
    { block: 0, text, date: date.toISOString().slice(0, 10) },
  ]);
}

// Thousands of articles take a few seconds to parse on a busy machine: the timeout is generous, and nothing here is timed.
describe('findEvents at scale', { timeout: 60_000 }, () => {
  it('compares only citations that share a rare word and a date that could agree', () => {
    // 3,000 clauses, each on one of 600 towns, 50 budgets and 360 days: article k and k + 1800 tell the same thing on the same day, and nothing else merges.
    const town = (k: number): string => `B${madeUp(k, ['al', 'kor', 'rim', 'mus', 'ted', 'sag', 'lon', 'nep', 'vik', 'dur'], 3)}`;
    const thing = (k: number): string => madeUp(k, ['pel', 'gor', 'tam', 'fid', 'wun', 'hob', 'cax', 'zep', 'jil', 'quo'], 2);
    const articles = Array.from({ length: 3000 }, (_, k) => budgetArticle(k, town(k % 600), thing(k % 50), k % 360));
    const stats: EventStats = { candidates: 0, comparisons: 0, capped: 0, pairs: 0, judged: 0 };
    const events = findEvents(articles, { stats });
    expect(events).toHaveLength(1800);
    expect(events.filter((e) => e.citations.length === 2)).toHaveLength(1200);
    expect(stats.candidates).toBe(3000);
    expect(stats.capped).toBe(0);
    // All pairs would be 4,498,500 comparisons; the pairs that share a town and a day are 1,200.
    expect(stats.comparisons).toBeLessThanOrEqual(stats.candidates);
  });

  it('bounds the comparisons and merges each citation proposes when thousands of clauses say the same', () => {
    const articles = Array.from({ length: 3000 }, (_, k) => budgetArticle(k, 'Harbourside', 'harbour', 60));
    const stats: EventStats = { candidates: 0, comparisons: 0, capped: 0, pairs: 0, judged: 0 };
    const events = findEvents(articles, { stats });
    expect(events).toHaveLength(1);
    expect(events[0]?.citations).toHaveLength(3000);
    expect(stats.capped).toBeGreaterThan(0);
    // All pairs would be 4,498,500 comparisons; the bound is well below.
    expect(MAX_COMPARED * stats.candidates).toBeLessThan((stats.candidates * (stats.candidates - 1)) / 2);
    expect(stats.comparisons).toBeLessThanOrEqual(MAX_COMPARED * stats.candidates);
    expect(stats.pairs).toBeLessThanOrEqual(MAX_PROPOSED * stats.candidates);
  });
});

// ---------------------------------------------------------------------------
// The five real entries

const seeds: EventArticle[] = contentEntries();
const idOf = (prefix: string): string => seeds.find((s) => s.data.source.path.startsWith(prefix))?.id ?? prefix;

describe('events on the content entries, as the knowledge layer makes them (with entity mentions)', () => {
  const { events } = buildKnowledge(seeds).knowledge;

  it('finds at least a dozen distinct dated events, all valid', () => {
    expect(events.filter((e) => e.date !== undefined).length).toBeGreaterThanOrEqual(12);
    for (const e of events) expect(() => timelineEventSchema.parse(e)).not.toThrow();
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('quotes real sentences in the right paragraphs, and summaries add no words', () => {
    const byId = new Map(seeds.map((s) => [s.id, bodyParagraphs(s.body)]));
    for (const e of events) {
      for (const c of e.citations) {
        expect(byId.get(c.article)?.[c.paragraph - 1]).toContain(c.sentence);
        expect(isExtractive(c.summary.replace(/…$/, ''), c.sentence)).toBe(true);
      }
    }
  });

  it('dates the mutual-defence pact to June 2024, settled by the other reports', () => {
    const pact = only(events, /mutual support pact/);
    expect(pact.date).toBe('2024-06');
    expect(pact.conflict).toBe(false);
    expect(pact.resolvedBy?.article).toBe(idOf('001'));
    expect(pact.note).toMatch(/2025-06 or 2024-06/);
    expect(new Set(pact.citations.map((c) => c.article))).toEqual(new Set([idOf('000'), idOf('001'), idOf('003')]));
    expect(events.some((e) => e.date?.startsWith('2025-06') && /pact|treaty/i.test(e.summary))).toBe(false);
  });

  it('merges North Korea’s official confirmation of April 2025 across three reports', () => {
    const confirmed = events.filter((e) => e.citations.some((c) => /confirm/i.test(c.sentence) && c.date?.startsWith('2025-04')));
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]?.date).toBe('2025-04-28');
    expect(new Set(confirmed[0]?.citations.map((c) => c.article))).toEqual(new Set([idOf('001'), idOf('002'), idOf('004')]));
  });

  it('dates the first deployment to October 2024, and the decision to deploy to August 2024', () => {
    expect(only(events, /first deployed/).date).toBe('2024-10');
    const decision = only(events, /decision to deploy/);
    expect(decision.date).toBe('2024-08');
    expect(new Set(decision.citations.map((c) => c.article))).toEqual(new Set([idOf('003'), idOf('004')]));
  });

  it('gives each article’s own news its day', () => {
    expect(only(events, /mourning over flag-draped coffins/)).toMatchObject({ date: '2025-07-01', newsOf: [idOf('001')] });
    expect(only(events, /commemorating soldiers who died/)).toMatchObject({ date: '2025-08-22', newsOf: [idOf('002')] });
    expect(only(events, /placing a North Korean flag/).date).toBe('2025-06-29');
  });

  it('keeps the scheduled meeting, marked, and drops the speculative "this month"', () => {
    expect(only(events, /scheduled to meet/)).toMatchObject({ scheduled: true, date: '2025-09' });
    expect(events.some((e) => e.citations.some((c) => c.temporal === 'this month'))).toBe(false);
  });

  it('dates nothing after its report unless scheduled', () => {
    const published = new Map(seeds.map((s) => [s.id, s.data.published.date ?? '']));
    for (const e of events) {
      if (e.scheduled) continue;
      for (const c of e.citations) if (c.date) expect(c.date <= (published.get(c.article) ?? '')).toBe(true);
    }
  });
});
