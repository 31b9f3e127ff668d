/**
 * `npm run eval:extraction -- --dataset DIR`: the pure scoring on tiny inline
 * texts, then the command end to end, in-process, on three pages of
 * `../shared/datasets/readability-pages` read where they lie (never copied
 * into the project). The end-to-end test is skipped where the shared dataset
 * is not beside the project.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { runEvalExtraction, type ExtractionDatasetReport } from '../../src/cli/eval-extraction.ts';
import { dateLabels, evaluateCase, formatTable, imageLine, siteLabels, summarise, SYSTEM_LABELS, SYSTEMS } from '../../src/lib/eval/extraction-dataset.ts';
import { dumpLines } from '../../src/lib/eval/extraction-dump.ts';
import {
  addToTally,
  bodyScores,
  calendarDate,
  emptyTally,
  meanScores,
  sameHeadline,
  sameHeadlineFair,
  sameSiteName,
  shingles,
  tallyScores,
  wordTokens,
} from '../../src/lib/eval/extraction-score.ts';

const DATASET = join(import.meta.dirname, '../../../shared/datasets/readability-pages');
const CASES = ['aclu', 'bbc-1', 'nytimes-1'];

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvalExtraction(argv, { cwd: process.cwd(), out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('extraction scoring', () => {
  it('tokenises into lower-cased runs of letters and digits', () => {
    expect(wordTokens('The BBC’s 2 reports, re-read.')).toEqual(['the', 'bbc', 's', '2', 'reports', 're', 'read']);
  });

  it('cuts 4-word shingles, and one shingle of a shorter text', () => {
    expect([...shingles('a b c d e')]).toEqual(['a b c d', 'b c d e']);
    expect([...shingles('a b')]).toEqual(['a b']);
    expect(shingles('  ').size).toBe(0);
  });

  it('scores shingle sets: exact, partial, empty', () => {
    expect(bodyScores('one two three four five', 'One two three four five')).toEqual({ precision: 1, recall: 1, f1: 1 });
    // predicted has 3 shingles, reference 2, sharing 1 ("b c d e").
    const s = bodyScores('b c d e f g', 'a b c d e');
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(s.recall).toBeCloseTo(1 / 2);
    expect(s.f1).toBeCloseTo(0.4);
    expect(bodyScores('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(bodyScores('', 'a b c d')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(bodyScores('a b c d', '')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('averages pages, F1 included, rather than taking F1 of the means', () => {
    const m = meanScores([
      { precision: 1, recall: 1, f1: 1 },
      { precision: 0, recall: 0, f1: 0 },
    ]);
    expect(m).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(meanScores([])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('matches headlines up to case, quotes and white space, and site names up to folding', () => {
    expect(sameHeadline('“Facebook Is  Tracking Me”', 'facebook is tracking me')).toBe(true);
    expect(sameHeadline('I’m here', "Im here")).toBe(true);
    expect(sameHeadline('Facebook is tracking', 'Facebook is tracking me')).toBe(false);
    expect(sameHeadline(undefined, 'x')).toBe(false);
    expect(sameSiteName('the guardian', 'The Guardian')).toBe(true);
    expect(sameSiteName('BBC News', 'BBC')).toBe(false);
  });

  it('counts a headline right fairly when the reference kept a site segment the reader cut, never a headline half', () => {
    expect(sameHeadlineFair('How to Plant Tomatoes', 'How to Plant Tomatoes | GardenHow')).toBe(true);
    expect(sameHeadlineFair('How to Plant Tomatoes', 'How to Plant Tomatoes - Garden Club - Blogs')).toBe(true);
    expect(sameHeadlineFair('Harbour reopens', 'Harbour reopens_News_Coast Net')).toBe(true);
    expect(sameHeadlineFair('Harbour reopens after storm', 'Harbour reopens after storm [Coast Times]')).toBe(true);
    expect(sameHeadlineFair('Storm hits the coast', 'Coast Times - Storm hits the coast')).toBe(true);
    expect(sameHeadlineFair('Coast Times', 'Coast Times - Storm hits the coast')).toBe(false);
    // A two-part headline's first half is not the headline; a tie between a head and a tail goes to the head.
    expect(sameHeadlineFair('Harbour 2.0', 'Harbour 2.0 - The Big Reopening')).toBe(false);
    expect(sameHeadlineFair('Lisbon', 'Lisbon - Wikipedia')).toBe(true);
    expect(sameHeadlineFair('Wikipedia', 'Lisbon - Wikipedia')).toBe(false);
    // A colon joins a headline's parts; it never separates a site.
    expect(sameHeadlineFair('Storm report', 'Storm report: what the harbour lost')).toBe(false);
    expect(sameHeadlineFair(undefined, 'x | y')).toBe(false);
  });

  it('reads the calendar date a timestamp starts with', () => {
    expect(calendarDate('2015-07-24T05:36:09+01:00')).toBe('2015-07-24');
    expect(calendarDate('July 24, 2015')).toBeUndefined();
    expect(calendarDate(null)).toBeUndefined();
  });

  it('tallies a field only over pages whose reference has a value', () => {
    const t = emptyTally();
    addToTally(t, '2020-01-01', '2020-01-01', true);
    addToTally(t, '2020-01-02', '2020-01-03', false);
    addToTally(t, '2020-01-04', undefined, false);
    addToTally(t, undefined, '2020-01-05', false);
    expect(t).toEqual({ reference: 3, given: 2, right: 1 });
    const s = tallyScores(t);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(tallyScores(emptyTally())).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('counts the lead images found, on pages that declare a share image and on the others', () => {
    const page = (head: string, body: string): string =>
      `<html><head><title>Ferry timetable changes</title>${head}</head><body><article><h1>Ferry timetable changes</h1>${body}` +
      '<p>The harbour board met on Tuesday evening to weigh the new ferry timetable, and most members spoke for it.</p>' +
      '<p>Boats will now leave every forty minutes in summer, the chair said, and every hour through the winter months.</p></article></body></html>';
    const cases = [
      page('<meta property="og:image" content="https://e.org/a.jpg">', ''),
      page('<meta property="og:image" content="https://e.org/logo.png">', ''),
      page('', '<figure><img src="https://e.org/f.jpg"></figure>'),
      page('', ''),
    ].map((source, i) => evaluateCase({ name: String(i), source, expected: '', metadata: {} }, '2026-01-01'));
    expect(cases.map((c) => c.image)).toEqual([{ declared: true, url: 'https://e.org/a.jpg', rule: 'og:image' }, { declared: true }, { declared: false, url: 'https://e.org/f.jpg', rule: 'figure' }, { declared: false }]);
    expect(imageLine(cases)).toBe('lead image: found on 1 of the 2 pages that declare og:image or twitter:image, and on 1 of the 2 others (their first figure or picture)');
  });

  it('scores dates against labels over every labelled page: a date on a page labelled null is given and wrong', () => {
    const page = (name: string, published: string): string =>
      `<html><head><title>${name}</title><meta property="article:published_time" content="${published}"></head><body><article><h1>${name}</h1>` +
      '<p>The harbour board met on Tuesday evening to weigh the new ferry timetable, and most members spoke for it.</p>' +
      '<p>Boats will now leave every forty minutes in summer, the chair said, and every hour through the winter months.</p></article></body></html>';
    const today = '2026-01-01';
    const right = evaluateCase({ name: 'a', source: page('Ferry timetable changes', '2020-03-04T10:00:00Z'), expected: '', metadata: {}, dateLabel: '2020-03-04' }, today);
    const undated = evaluateCase({ name: 'b', source: page('Harbour board meets', '2021-05-06T10:00:00Z'), expected: '', metadata: {}, dateLabel: null }, today);
    const unlabelled = evaluateCase({ name: 'c', source: page('Quay repairs', '2022-07-08T10:00:00Z'), expected: '', metadata: {} }, today);
    expect(right.systems['html-storyline'].dateRight).toBe(true);
    expect(undated.systems['html-storyline'].published).toBe('2021-05-06');
    expect(undated.systems['html-storyline'].dateRight).toBe(false);
    const row = summarise([right, undated, unlabelled]).find((r) => r.system === 'html-storyline')!;
    expect(row.date).toMatchObject({ reference: 1, given: 2, right: 1, precision: 0.5, recall: 1 });
    expect([...dateLabels({ labels: [{ case: 'a', date: '2020-03-04' }, { case: 'b', date: null }] })]).toEqual([
      ['a', '2020-03-04'],
      ['b', null],
    ]);
    expect(() => dateLabels({ labels: [{ case: 'a', date: 'March 4' }] })).toThrow(/bad entry/);
  });

  it('scores site names against labels over every labelled page, any accepted spelling right; the reference elsewhere', () => {
    const page = (title: string, site: string): string =>
      `<html><head><title>${title}</title><meta property="og:site_name" content="${site}"></head><body><article><h1>${title}</h1>` +
      '<p>The harbour board met on Tuesday evening to weigh the new ferry timetable, and most members spoke for it.</p>' +
      '<p>Boats will now leave every forty minutes in summer, the chair said, and every hour through the winter months.</p></article></body></html>';
    const today = '2026-01-01';
    const also = evaluateCase({ name: 'a', source: page('Ferry timetable changes', 'Harbour Times.com'), expected: '', metadata: {}, siteLabel: ['Harbour Times', 'Harbour Times.com'] }, today);
    const none = evaluateCase({ name: 'b', source: page('Harbour board meets', 'Quay Weekly'), expected: '', metadata: {}, siteLabel: null }, today);
    const reference = evaluateCase({ name: 'c', source: page('Quay repairs', 'Quay Weekly'), expected: '', metadata: { siteName: 'Bay Post' } }, today);
    expect(also.systems['html-storyline'].siteNameRight).toBe(true);
    expect(none.systems['html-storyline'].siteNameRight).toBe(false);
    expect(reference.systems['html-storyline'].siteNameRight).toBe(false);
    const row = summarise([also, none, reference]).find((r) => r.system === 'html-storyline')!;
    expect(row.siteName).toMatchObject({ reference: 2, given: 3, right: 1 });
    expect([...siteLabels({ labels: [{ case: 'a', site: 'Harbour Times', also: ['HT'] }, { case: 'b', site: null }] })]).toEqual([
      ['a', ['Harbour Times', 'HT']],
      ['b', null],
    ]);
    expect(() => siteLabels({ labels: [{ case: 'a', site: '  ' }] })).toThrow(/bad entry/);
  });

  it('dumps one block a line, without scripts, styles or hidden elements', () => {
    const doc = new JSDOM(
      '<body><nav><a href="/">Home</a> | <a href="/w">World</a></nav><script>var x = 1;</script><style>p{}</style>' +
        '<h1>Big  news</h1><div>Lead <b>text</b><p>First para.</p>tail</div><p>Line one<br>line two</p>' +
        '<p hidden>gone</p><p style="display: none">gone too</p><noscript>enable js</noscript><ul><li>a</li><li>b</li></ul></body>',
    ).window.document;
    expect(dumpLines(doc.body)).toEqual(['Home | World', 'Big news', 'Lead text', 'First para.', 'tail', 'Line one', 'line two', 'a', 'b']);
  });
});

describe('eval:extraction --dataset', () => {
  it('exits 2 on a bad command line or a missing dataset', async () => {
    expect((await run(['--dataset', join(tmpdir(), 'no-such-dataset-here')])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
    expect((await run(['--json'])).code).toBe(2);
    expect((await run(['--dataset', '.', '--cases', 'tests/extraction'])).code).toBe(2);
  });

  it.skipIf(!CASES.every((c) => existsSync(join(DATASET, c, 'source.html'))))(
    `scores ${CASES.join(', ')} in one run: numbers within [0, 1], and the table prints`,
    async () => {
      const json = await run(['--dataset', DATASET, ...CASES.flatMap((c) => ['--case', c]), '--json']);
      expect(json.code, json.err).toBe(0);
      const report = JSON.parse(json.out) as ExtractionDatasetReport;
      expect(report.cases.map((c) => c.case)).toEqual(CASES);
      expect(report.summary.map((r) => r.system)).toEqual([...SYSTEMS]);
      for (const row of report.summary) {
        expect(row.pages).toBe(CASES.length);
        const unit = [row.body.precision, row.body.recall, row.body.f1];
        if (row.headline) unit.push(row.headline.accuracy);
        for (const field of [row.date, row.siteName]) if (field) unit.push(field.precision, field.recall, field.f1);
        for (const x of unit) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }
      const table = formatTable(report.summary);
      for (const label of Object.values(SYSTEM_LABELS)) expect(table).toContain(label);
      expect(table).toMatch(/body P \/ R \/ F1/);
    },
  );
});
