import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTemporal, inferPublished, type DateBlock } from '../../src/lib/ingest/dates.ts';
import { publishedSchema, temporalSchema, type Published, type Temporal } from '../../src/lib/schema.ts';

/** One block per text, kind `paragraph` unless given, on lines 1, 2, 3… */
function blocks(...texts: (string | [string, DateBlock['kind']])[]): DateBlock[] {
  return texts.map((t, i) => (typeof t === 'string' ? { text: t, lines: [i + 1, i + 1], kind: 'paragraph' } : { text: t[0], lines: [i + 1, i + 1], kind: t[1] }));
}

function editorDate(date: string): Published {
  const precision = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  return { date, precision, basis: 'editor' };
}

const UNKNOWN: Published = { precision: 'unknown', basis: 'unknown' };

/** Runs extractTemporal and checks every result against the schema and its offsets. */
function temporal(published: Published, ...texts: string[]): Temporal[] {
  const body = blocks(...texts);
  const out = extractTemporal(body, published);
  for (const t of out) {
    expect(temporalSchema.safeParse(t).success).toBe(true);
    expect(body[t.block]!.text.slice(t.start, t.end)).toBe(t.text);
    expect(body[t.block]!.text).toContain(t.sentence);
  }
  return out;
}

/** The fields a reader sees, for exact comparison. */
function brief(t: Temporal): Pick<Temporal, 'text' | 'precision' | 'candidates' | 'rule'> & { date?: string } {
  return { text: t.text, ...(t.date !== undefined ? { date: t.date } : {}), precision: t.precision, candidates: t.candidates, rule: t.rule };
}

function infer(list: DateBlock[]): ReturnType<typeof inferPublished> {
  const result = inferPublished(list, 'seeds/x.txt');
  expect(publishedSchema.safeParse(result.published).success).toBe(true);
  return result;
}

/** A seed as the test sees it: one paragraph block per non-empty line. */
function seedBlocks(name: string): DateBlock[] {
  const text = readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');
  const out: DateBlock[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '') out.push({ text: line.trim(), lines: [i + 1, i + 1], kind: 'paragraph' });
  });
  return out;
}

const SAT_23_AUG_2025 = editorDate('2025-08-23');

describe('extractTemporal: relative to the publication date', () => {
  it('places a bare weekday on the most recent such day on or before publication', () => {
    const [t, ...rest] = temporal(SAT_23_AUG_2025, 'North Korean state media on Tuesday released images of the ceremony.');
    expect(rest).toEqual([]);
    expect(t).toEqual({
      text: 'Tuesday',
      block: 0,
      start: 28,
      end: 35,
      sentence: 'North Korean state media on Tuesday released images of the ceremony.',
      line: 1,
      date: '2025-08-19',
      precision: 'day',
      candidates: [],
      rule: 'relative-to-published',
      note: 'The most recent Tuesday on or before the publication date (2025-08-23).',
    });
    // Published on a Tuesday, "on Tuesday" is that day.
    expect(temporal(editorDate('2025-08-19'), 'Officials said on Tuesday that talks had stalled.')[0]!.date).toBe('2025-08-19');
  });

  it('reads "last October" as the October before the publication month, and flags "last June" in August as ambiguous', () => {
    const out = temporal(SAT_23_AUG_2025, 'Troops were first deployed to Russia last October.', 'The talks collapsed last June.');
    expect(out.map(brief)).toEqual([
      { text: 'last October', date: '2024-10', precision: 'month', candidates: [], rule: 'relative-to-published' },
      { text: 'last June', date: '2025-06', precision: 'month', candidates: ['2025-06', '2024-06'], rule: 'relative-to-published' },
    ]);
  });

  it('reads a month in a simple past clause as the latest such month not after publication', () => {
    const out = temporal(SAT_23_AUG_2025, 'The two leaders met in June to sign the accord, and the first shipments left in October.');
    expect(out.map(brief)).toEqual([
      { text: 'June', date: '2025-06', precision: 'month', candidates: [], rule: 'relative-to-published' },
      { text: 'October', date: '2024-10', precision: 'month', candidates: [], rule: 'relative-to-published' },
    ]);
  });

  it('gives both years for a month in a past-perfect clause, the nearer first', () => {
    const [pact] = temporal(SAT_23_AUG_2025, 'The two countries had signed a mutual defence pact in June, pledging support against aggression.');
    expect(brief(pact!)).toEqual({ text: 'June', date: '2025-06', precision: 'month', candidates: ['2025-06', '2024-06'], rule: 'past-perfect' });
    expect(pact!.note).toMatch(/past perfect/);
    const [deployed] = temporal(SAT_23_AUG_2025, 'Troops had been deployed in October, officials said.');
    expect(brief(deployed!)).toEqual({ text: 'October', date: '2024-10', precision: 'month', candidates: ['2024-10', '2023-10'], rule: 'past-perfect' });
    // The past perfect of a following "that" clause does not reach the main clause's month.
    const [confirmed] = temporal(SAT_23_AUG_2025, 'The ministry confirmed in April that troops had crossed the border.');
    expect(brief(confirmed!)).toEqual({ text: 'April', date: '2025-04', precision: 'month', candidates: [], rule: 'relative-to-published' });
  });

  it('resolves "last year", "this month", "yesterday" and "last week" (a week to the month it lies in)', () => {
    const out = temporal(
      SAT_23_AUG_2025,
      'The decision to send troops last year opened a new chapter.',
      'Lawmakers said more troops could follow as early as this month.',
      'Last week, the president spoke. Yesterday he left for Beijing.',
    );
    expect(out.map(brief)).toEqual([
      { text: 'last year', date: '2024', precision: 'year', candidates: [], rule: 'relative-to-published' },
      { text: 'this month', date: '2025-08', precision: 'month', candidates: [], rule: 'relative-to-published' },
      { text: 'Last week', date: '2025-08', precision: 'month', candidates: [], rule: 'relative-to-published' },
      { text: 'Yesterday', date: '2025-08-22', precision: 'day', candidates: [], rule: 'relative-to-published' },
    ]);
    expect(out[2]!.note).toBe('The week before that of the publication date (2025-08-23). That is 11–17 August 2025.');
    expect(out[3]!.sentence).toBe('Yesterday he left for Beijing.');
  });

  it('counts forward in a clause about the future', () => {
    const out = temporal(SAT_23_AUG_2025, 'The leaders will meet on Tuesday.', 'Talks are scheduled for September 3.', 'Kim and Putin are expected to meet next week.');
    expect(out.map(brief)).toEqual([
      { text: 'Tuesday', date: '2025-08-26', precision: 'day', candidates: [], rule: 'relative-to-published' },
      { text: 'September 3', date: '2025-09-03', precision: 'day', candidates: [], rule: 'relative-to-published' },
      { text: 'next week', date: '2025-08', precision: 'month', candidates: [], rule: 'relative-to-published' },
    ]);
  });

  it('fixes the year of a weekday named with its month and day', () => {
    const [t] = temporal(SAT_23_AUG_2025, 'State media on Friday (August 22) showed the ceremony.');
    expect(brief(t!)).toEqual({ text: 'Friday (August 22)', date: '2025-08-22', precision: 'day', candidates: [], rule: 'weekday' });
  });

  it('keeps expressions that count from another event, unplaced', () => {
    const [t] = temporal(SAT_23_AUG_2025, 'The day before, officials had warned of an attack.');
    expect(brief(t!)).toEqual({ text: 'The day before', precision: 'unknown', candidates: [], rule: 'anaphoric' });
  });
});

describe('extractTemporal: explicit dates and an unknown or coarse publication date', () => {
  it('reads explicit dates as written, with no note', () => {
    const out = temporal(UNKNOWN, 'The pact was signed on June 19, 2024, and ratified in April 2025; the first clashes came in 2023.');
    expect(out.map(brief)).toEqual([
      { text: 'June 19, 2024', date: '2024-06-19', precision: 'day', candidates: [], rule: 'explicit' },
      { text: 'April 2025', date: '2025-04', precision: 'month', candidates: [], rule: 'explicit' },
      { text: '2023', date: '2023', precision: 'year', candidates: [], rule: 'explicit' },
    ]);
    expect(out.every((t) => t.note === undefined)).toBe(true);
  });

  it('reads qualified years chrono leaves alone: "late 2024", "mid-2024", "2022\'s"', () => {
    const out = temporal(UNKNOWN, 'Orders were issued in late 2024, after a build-up from mid-2024 that dwarfed 2022’s.');
    expect(out.map((t) => [t.text, t.date])).toEqual([
      ['late 2024', '2024'],
      ['mid-2024', '2024'],
      ['2022’s', '2022'],
    ]);
  });

  it('states only the year of a slashed date whose day and month could swap', () => {
    const [a, b] = temporal(UNKNOWN, 'The treaty was signed on 05/08/2025 and took effect on 25/12/2025.');
    expect(brief(a!)).toEqual({ text: '05/08/2025', date: '2025', precision: 'year', candidates: ['2025-05-08', '2025-08-05'], rule: 'explicit' });
    expect(brief(b!)).toEqual({ text: '25/12/2025', date: '2025-12-25', precision: 'day', candidates: [], rule: 'explicit' });
  });

  it('leaves relative expressions unplaced when the publication date is unknown', () => {
    const out = temporal(UNKNOWN, 'Troops arrived on Tuesday, last October and in June 2024.');
    expect(out.map(brief)).toEqual([
      { text: 'Tuesday', precision: 'unknown', candidates: [], rule: 'relative-to-published' },
      { text: 'last October', precision: 'unknown', candidates: [], rule: 'relative-to-published' },
      { text: 'June 2024', date: '2024-06', precision: 'month', candidates: [], rule: 'explicit' },
    ]);
    expect(out[0]).not.toHaveProperty('date');
    // A weekday with its month and day is placed by the years the text names, when one fits.
    const named = temporal(UNKNOWN, 'The record fell on Friday, August 22, beating the mark set in 2024.', 'Rain came on Sunday, July 10.');
    expect(named.map(brief)).toEqual([
      { text: 'Friday, August 22', date: '2025-08-22', precision: 'day', candidates: [], rule: 'weekday' },
      { text: '2024', date: '2024', precision: 'year', candidates: [], rule: 'explicit' },
      { text: 'Sunday, July 10', precision: 'unknown', candidates: [], rule: 'relative-to-published' },
    ]);
    expect(named[2]!.note).toBe(
      '10 July was a Sunday in none of the years considered, so the weekday does not fix the year. The publication date is unknown, so this cannot be placed.',
    );
  });

  it('cuts a reading to what a month- or year-precise publication date allows', () => {
    const month = temporal(editorDate('2025-08'), 'Troops arrived last October and fought on Tuesday.');
    expect(month.map((t) => [t.text, t.precision, t.date])).toEqual([
      ['last October', 'month', '2024-10'],
      ['Tuesday', 'year', '2025'],
    ]);
    const year = temporal(editorDate('2025'), 'The clashes of June followed the decision last year.');
    expect(year.map((t) => [t.text, t.precision, t.date])).toEqual([
      ['June', 'unknown', undefined],
      ['last year', 'year', '2024'],
    ]);
  });
});

describe('extractTemporal: what is not a time', () => {
  it('skips verbs, numbers and names that look like dates', () => {
    expect(temporal(SAT_23_AUG_2025, 'Officials said it may take months. Protesters march on the capital, and some March through the square.')).toEqual([]);
    expect(temporal(SAT_23_AUG_2025, 'Up to 4,000 troops, one of whom was a second lieutenant, died; 2,000 more were wounded.')).toEqual([]);
    expect(temporal(SAT_23_AUG_2025, 'The Sunday Times reported that Black Friday sales fell among the 2000 soldiers.')).toEqual([]);
    expect(temporal(SAT_23_AUG_2025, 'Trump and May spoke about the 24/7 coverage.')).toEqual([]);
  });

  it('skips durations, recurring days, "now" and bare clock times', () => {
    expect(temporal(SAT_23_AUG_2025, 'The troops trained for three months and will return in two years; over the past year they lost ground.')).toEqual([]);
    expect(temporal(SAT_23_AUG_2025, 'The newsletter arrives every Friday at 10 a.m., and it is now free.')).toEqual([]);
    expect(temporal(SAT_23_AUG_2025, 'The album sold 300,000 copies in just two days, and the talks lasted several weeks.')).toEqual([]);
    expect(temporal(SAT_23_AUG_2025, 'It sold out in two days.')).toEqual([]);
  });

  it('keeps a month whose day chrono misread from a following number', () => {
    const out = temporal(SAT_23_AUG_2025, 'Between June and August, 2,000 soldiers died.');
    expect(out.map((t) => [t.text, t.date])).toEqual([
      ['June', '2025-06'],
      ['August', '2025-08'],
    ]);
  });
});

describe('extractTemporal: sentences', () => {
  it('does not split at abbreviations, initials or acronyms, and keeps quotes whole', () => {
    const out = temporal(SAT_23_AUG_2025, 'Gen. Lee met U.S. envoy John R. Smith on Aug. 3 in Seoul. “We agreed,” he said on Monday. “Why?” he asked on Friday.');
    expect(out.map((t) => [t.text, t.sentence])).toEqual([
      ['Aug. 3', 'Gen. Lee met U.S. envoy John R. Smith on Aug. 3 in Seoul.'],
      ['Monday', '“We agreed,” he said on Monday.'],
      ['Friday', '“Why?” he asked on Friday.'],
    ]);
  });
});

describe('inferPublished', () => {
  it('reads seed 002: "Friday, August 22" and the year 2024 the text names give 22 August 2025', () => {
    const { published, messages } = infer(seedBlocks('002_88dc7e6472a7a574.txt'));
    expect(messages).toEqual([]);
    expect(published).toEqual({
      date: '2025-08-22',
      precision: 'day',
      basis: 'inferred',
      evidence: {
        rule: 'weekday-date',
        quote: 'Friday, August 22',
        line: 10,
        note:
          '22 August fell on a Friday in 2025, the only year the text allows (it names 2024, so the candidates were 2024 and 2025); ' +
          'the article reports this day as news, so it stands as the publication date.',
      },
    });
  });

  it('says unknown for the other seeds rather than guess', () => {
    for (const seed of ['000_2dd946b247af002d.txt', '001_8cf27281098734bd.txt', '003_eaba08dbf957fec9.txt', '004_43dd81dbee13216f.txt']) {
      expect(infer(seedBlocks(seed))).toEqual({ published: { precision: 'unknown', basis: 'unknown' }, messages: [] });
    }
  });

  it('takes a dateline first, preferring the published date to the updated one', () => {
    const { published, messages } = infer(blocks(['Updated 25 Aug 2025, 09:00 GMT', 'dateline'], ['Published 23 August 2025, 10:04 GMT', 'dateline'], 'The ceremony was held on Friday, August 22, in 2025.'));
    expect(messages).toEqual([]);
    expect(published).toEqual({
      date: '2025-08-23',
      precision: 'day',
      basis: 'inferred',
      evidence: { rule: 'dateline', quote: '23 August 2025, 10:04 GMT', line: 2, note: 'The dateline gives this date.' },
    });
  });

  it('reads a month-only dateline to the month, and a short byline line with a full date', () => {
    expect(infer(blocks(['August 2025', 'dateline'], 'Body text.')).published).toMatchObject({ date: '2025-08', precision: 'month', evidence: { rule: 'dateline', quote: 'August 2025' } });
    expect(infer(blocks('A Headline About Troops', 'By Jane Doe | 23 Aug 2025', 'Body text.')).published).toMatchObject({
      date: '2025-08-23',
      precision: 'day',
      evidence: { rule: 'dateline', quote: '23 Aug 2025', line: 2 },
    });
  });

  it('reads no weekday into "3D" (a parser reads one there)', () => {
    expect(infer(blocks('After the first Blu-ray release in 2011, the studio began remastering the whole saga in 3D, starting with the prequels.')).published.precision).toBe('unknown');
  });

  it('reads no dateline before 1800 (run-together text such as "Mar 1711 min")', () => {
    expect(infer(blocks(['on Mar 1711 min', 'dateline'], 'Body text.')).published.precision).toBe('unknown');
    expect(infer(blocks(['on Mar 17, 1811', 'dateline'], 'Body text.')).published.date).toBe('1811-03-17');
  });

  it('does not take a headline that names a date for a dateline', () => {
    expect(infer(blocks('Kim To Visit Beijing On September 3, 2025', 'Analysts expect a parade.')).published).toEqual({ precision: 'unknown', basis: 'unknown' });
  });

  it('reports conflicting evidence as SL310 and a wrong weekday in a dateline as SL311', () => {
    const twoDates = infer(blocks(['Published 20 Aug 2025', 'dateline'], ['Published 21 Aug 2025', 'dateline'], 'State media on Friday, August 22, showed the parade.'));
    expect(twoDates.published.date).toBe('2025-08-20');
    expect(twoDates.messages).toEqual([
      { file: 'seeds/x.txt', line: 1, severity: 'warning', code: 'SL310', message: 'the text gives more than one publication date (2025-08-20, 2025-08-21); the first, 2025-08-20, is used' },
      { file: 'seeds/x.txt', line: 3, severity: 'warning', code: 'SL310', message: '"Friday, August 22" reads as 2025-08-22, after the dateline\'s 2025-08-20; the dateline is used' },
    ]);
    const relatedFirst = infer(blocks(['21 Aug 2025', 'dateline'], 'The parade was held.', ['Earlier: troops rehearse, 19 Aug 2025', 'dateline']));
    expect(relatedFirst.published.date).toBe('2025-08-21');
    const wrongDay = infer(blocks(['Tuesday, 28 April 2025', 'dateline'], 'Body text.'));
    expect(wrongDay.published.date).toBe('2025-04-28');
    expect(wrongDay.messages).toEqual([
      { file: 'seeds/x.txt', line: 1, severity: 'warning', code: 'SL311', message: 'the dateline names a Tuesday, but 28 April 2025 was a Monday' },
    ]);
  });

  it('draws nothing from a weekday when several named years fit, none is named, or the clause is about the future', () => {
    // 22 August was a Friday in both 2014 and 2025.
    expect(infer(blocks('On Friday, August 22, troops paraded, as they had in 2014 and 2024.')).published.precision).toBe('unknown');
    expect(infer(blocks('On Friday, August 22, troops paraded.')).published.precision).toBe('unknown');
    expect(infer(blocks('The summit will open on Friday, August 22, a year after the 2024 talks.')).published.precision).toBe('unknown');
  });

  it('takes a year the text calls the current one', () => {
    expect(infer(blocks('So far in 2025, more than 200 soldiers have died.')).published).toEqual({
      date: '2025',
      precision: 'year',
      basis: 'inferred',
      evidence: { rule: 'current-period', quote: 'So far in 2025', line: 1, note: 'The text speaks of 2025 as the current year.' },
    });
    expect(infer(blocks('Troops arrived in 2024.')).published.precision).toBe('unknown');
  });
});

describe('bare ordinals', () => {
  it('are ranks, not days of the month', () => {
    const body = [{ text: 'The company lost 200,000 subscribers in the second quarter, it said on Wednesday.', lines: [1, 1] as [number, number], kind: 'paragraph' as const }];
    expect(extractTemporal(body, { date: '2025-08-22', precision: 'day', basis: 'editor' }).map((t) => t.text)).toEqual(['Wednesday']);
  });
});
