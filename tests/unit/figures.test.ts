import { contentEntries } from '../content-entries.ts';
import { describe, expect, it } from 'vitest';
import { attributionsIn, claimLabel, figuresInSentence, findFigures, groupFigures, parseNumber } from '../../src/lib/knowledge/figures.ts';
import { figureGroupSchema, figureSchema } from '../../src/lib/knowledge/schema.ts';
import type { KnowledgeArticle } from '../../src/lib/knowledge/text.ts';
import { type Article } from '../../src/lib/schema.ts';

/** The figures of a sentence without the sentence itself, for short expectations. */
function read(sentence: string) {
  return figuresInSentence(sentence).map(({ sentence: quoted, ...rest }) => {
    expect(quoted).toBe(sentence);
    return rest;
  });
}

describe('parseNumber', () => {
  it('reads digits, scales, number words and plural number words', () => {
    expect(parseNumber('600')).toEqual({ value: 600, vague: false });
    expect(parseNumber('4,000')).toEqual({ value: 4000, vague: false });
    expect(parseNumber('15,000')).toEqual({ value: 15000, vague: false });
    expect(parseNumber('1.5 million')).toEqual({ value: 1_500_000, vague: false });
    expect(parseNumber('a dozen')).toEqual({ value: 12, vague: false });
    expect(parseNumber('twenty-five')).toEqual({ value: 25, vague: false });
    expect(parseNumber('two thousand')).toEqual({ value: 2000, vague: false });
    expect(parseNumber('three thousand five hundred')).toEqual({ value: 3500, vague: false });
    expect(parseNumber('a hundred')).toEqual({ value: 100, vague: false });
    expect(parseNumber('thousands')).toEqual({ value: 2000, vague: true });
    expect(parseNumber('tens of thousands')).toEqual({ value: 20_000, vague: true });
    expect(parseNumber('several hundred')).toEqual({ value: 300, vague: true });
    expect(parseNumber('dozens')).toEqual({ value: 24, vague: true });
    expect(parseNumber('many')).toBeUndefined();
  });
});

describe('figuresInSentence', () => {
  it('reads hedge, number, counted noun, measure and attribution', () => {
    expect(read('At least 12 civilians were killed and dozens injured in the strike, officials said.')).toEqual([
      { measure: 'deaths', value: 12, text: '12', qualifier: 'at-least', phrase: 'At least 12 civilians', unit: 'civilians', attribution: 'officials', attributionText: 'officials said' },
      { measure: 'wounded', value: 24, text: 'dozens', qualifier: 'vague', phrase: 'dozens injured', unit: 'civilians', attribution: 'officials', attributionText: 'officials said' },
    ]);
    expect(read('The Pentagon estimates that as many as 3,000 troops were sent to the region.')).toEqual([
      {
        measure: 'deployed',
        value: 3000,
        text: '3,000',
        qualifier: 'up-to',
        phrase: 'as many as 3,000 troops',
        unit: 'troops',
        attribution: 'The Pentagon',
        attributionText: 'The Pentagon estimates that',
      },
    ]);
  });

  it('reads "killed or wounded" as casualties and "according to" as the attribution', () => {
    expect(read('More than two thousand soldiers have been killed or wounded, according to the defence ministry.')).toEqual([
      {
        measure: 'casualties',
        value: 2000,
        text: 'two thousand',
        qualifier: 'more-than',
        phrase: 'More than two thousand soldiers',
        unit: 'soldiers',
        attribution: 'the defence ministry',
        attributionText: 'according to the defence ministry',
      },
    ]);
  });

  it('takes the measure from the verb a number is the object of', () => {
    expect(read('The strike killed 40 soldiers and wounded 120 others.')).toEqual([
      { measure: 'deaths', value: 40, text: '40', qualifier: 'none', phrase: '40 soldiers', unit: 'soldiers' },
      { measure: 'wounded', value: 120, text: '120', qualifier: 'none', phrase: '120', unit: 'soldiers' },
    ]);
    expect(read('The death toll rose to 75, the ministry said.')).toEqual([
      { measure: 'deaths', value: 75, text: '75', qualifier: 'none', phrase: '75', attribution: 'the ministry', attributionText: 'the ministry said' },
    ]);
  });

  it('reads number words and vague plurals; "reports say" names no source, so the figure is unattributed', () => {
    expect(read('A dozen fighters died on 22 August.')).toEqual([
      { measure: 'deaths', value: 12, text: 'A dozen', qualifier: 'none', phrase: 'A dozen fighters', unit: 'fighters' },
    ]);
    expect(read('Tens of thousands of troops have been deployed, reports say.')).toEqual([
      {
        measure: 'deployed',
        value: 20000,
        text: 'Tens of thousands',
        qualifier: 'vague',
        phrase: 'Tens of thousands of troops',
        unit: 'troops',
      },
    ]);
    expect(read('Twenty-five soldiers were wounded, the army said.')).toEqual([
      { measure: 'wounded', value: 25, text: 'Twenty-five', qualifier: 'none', phrase: 'Twenty-five soldiers', unit: 'soldiers', attribution: 'the army', attributionText: 'the army said' },
    ]);
  });

  it('keeps counts of troops or materiel with no measure as other', () => {
    expect(read('Roughly 1.5 million shells were delivered.')).toEqual([
      { measure: 'other', value: 1_500_000, text: '1.5 million', qualifier: 'about', phrase: 'Roughly 1.5 million shells', unit: 'shells' },
    ]);
  });

  it('ignores years, dates, percentages, ages, durations and numbers of other things', () => {
    expect(read('In 2024, the war entered its third year; 45% of voters disagreed.')).toEqual([]);
    expect(read('A 25-year-old soldier was killed.')).toEqual([]);
    expect(read('The 25-minute documentary was aired on August 22 and again on 3 September.')).toEqual([]);
    expect(read('It is their third meeting in two years.')).toEqual([]);
    expect(read('The two countries sent envoys.')).toEqual([]);
    expect(read('The country is one of Russia’s key allies.')).toEqual([]);
    expect(read('Only 12 percent of the troops were killed.')).toEqual([]);
    // A magnitude and a sum of money are no counts.
    expect(read('The 6.4-magnitude tremor killed 30 people.').map((f) => [f.measure, f.value])).toEqual([['deaths', 30]]);
    expect(read('A tremor measuring 6.4 on the Richter scale shook the valley.')).toEqual([]);
    expect(read('The flood killed 12 people and caused $3 million in damage.').map((f) => [f.measure, f.value])).toEqual([['deaths', 12]]);
    // Ages and days of the month beside "died" are no death tolls.
    expect(read('The singer died aged 50 in June.')).toEqual([]);
    expect(read('The actress had died from cancer at the age of 62.')).toEqual([]);
    expect(read('Their father died when Thomas was 4.')).toEqual([]);
    expect(read('She died at around age 29.')).toEqual([]);
    expect(read('The singer died on 25 of a cardiac arrest.')).toEqual([]);
    expect(read('The fire killed 50 people aged between 20 and 60.').map((f) => [f.measure, f.value])).toEqual([['deaths', 50]]);
  });

  it('does not give a measure word to a number that counts another state ("affected", "homeless")', () => {
    expect(read('Some 300 people were killed and two million affected by the floods.').map((f) => [f.measure, f.value])).toEqual([['deaths', 300]]);
    expect(read('The storm killed 40 people and 9,000 people were left homeless.').map((f) => [f.measure, f.value])).toEqual([
      ['deaths', 40],
      ['other', 9000],
    ]);
    expect(read('About two million people were killed, injured or left homeless.').map((f) => [f.measure, f.value])).toEqual([['other', 2_000_000]]);
    expect(read('Donations will help the estimated two million injured and made homeless.').map((f) => [f.measure, f.value])).toEqual([['other', 2_000_000]]);
  });

  it('gives a figure without a counted noun the noun of the figure before it', () => {
    expect(read('Around 600 soldiers have died out of a reported 15,000 deployed.').map((f) => [f.measure, f.qualifier, f.value, f.unit, f.phrase])).toEqual([
      ['deaths', 'about', 600, 'soldiers', 'Around 600 soldiers'],
      ['deployed', 'none', 15000, 'soldiers', '15,000'],
    ]);
  });
});

describe('attributionsIn', () => {
  it('finds reporting-verb subjects and "according to", not relative pronouns or phrases with numbers', () => {
    expect(attributionsIn('However, South Korea’s spy agency estimates that 600 died, according to lawmaker Lee, who cited intelligence.').map((a) => [a.who, a.text])).toEqual([
      ['South Korea’s spy agency', 'South Korea’s spy agency estimates that'],
      ['lawmaker Lee', 'according to lawmaker Lee'],
    ]);
    expect(attributionsIn('Western intelligence sources suggest even higher numbers.').map((a) => a.who)).toEqual(['Western intelligence sources']);
    expect(attributionsIn('Reports estimate that up to 4,000 troops died.').map((a) => a.who)).toEqual([]);
    // Only a source is an attribution: a named person, organisation, agency or government, or an office.
    expect(attributionsIn('One protester in the square said two people were killed.')).toEqual([]);
    expect(attributionsIn('At 4 p.m. ET Monday -RRB- Google said the service was restored.')).toEqual([]);
    expect(attributionsIn('Hospital officials said 66 people were hurt.').map((a) => a.who)).toEqual(['Hospital officials']);
    expect(attributionsIn('Human Rights Watch said 84 people had been killed.').map((a) => a.who)).toEqual(['Human Rights Watch']);
    expect(attributionsIn('Last week, lawmaker Lee said troops could go.').map((a) => a.who)).toEqual(['lawmaker Lee']);
    expect(attributionsIn('Health Minister Alex Larsen had estimated that 250,000 were hurt.').map((a) => a.who)).toEqual(['Health Minister Alex Larsen']);
    expect(attributionsIn('The leading US general in the country has said 3,000 troops were sent.').map((a) => a.who)).toEqual(['The leading US general in the country']);
    expect(attributionsIn('600 soldiers died out of a reported 15,000.')).toEqual([]);
    expect(attributionsIn('It is estimated that 600 soldiers died.')).toEqual([]);
    expect(attributionsIn('It is also believed that 40 people were killed.')).toEqual([]);
  });
});

describe('groupFigures', () => {
  function article(id: string, paragraphs: string[]): KnowledgeArticle {
    const data = { headline: `Headline ${id}`, standfirst: [], captions: [] } as unknown as Article;
    return { id, data, body: `${paragraphs.join('\n\n')}\n` };
  }
  const figures = findFigures([
    article('b', ['Officials said about 600 soldiers were killed. Up to 4,000 troops were killed or wounded, reports say.']),
    article('a', ['Nothing here.', 'Around 600 soldiers have died, according to the ministry.']),
    article('c', ['Some 600 troops were killed.']),
  ]);

  it('finds figures in article id and block order, each valid', () => {
    expect(figures.map((f) => [f.article, f.block, f.measure, f.qualifier, f.value])).toEqual([
      ['a', 2, 'deaths', 'about', 600],
      ['b', 1, 'deaths', 'about', 600],
      ['b', 1, 'casualties', 'up-to', 4000],
      ['c', 1, 'deaths', 'about', 600],
    ]);
    for (const f of figures) expect(figureSchema.parse(f)).toEqual(f);
  });

  it('groups by measure, then by hedge and value, with the citing articles and attributions', () => {
    const groups = groupFigures(figures);
    for (const g of groups) expect(figureGroupSchema.parse(g)).toEqual(g);
    expect(groups.map((g) => ({ measure: g.measure, claims: g.claims.map((c) => [c.label, c.articles, c.attributions, c.figures.length]) }))).toEqual([
      { measure: 'deaths', claims: [['about 600', ['a', 'b', 'c'], ['officials', 'the ministry'], 3]] },
      { measure: 'casualties', claims: [['up to 4,000', ['b'], [], 1]] },
    ]);
  });

  it('labels claims', () => {
    expect(claimLabel('more-than', 6000)).toBe('more than 6,000');
    expect(claimLabel('none', 15000)).toBe('15,000');
    expect(claimLabel('vague', 2000, 'Thousands')).toBe('thousands');
  });
});

describe('figures in the seed articles', () => {
  const seeds: KnowledgeArticle[] = contentEntries();
  const figures = findFigures(seeds);
  const short = (id: string): string => id.split('-').slice(0, 4).join('-');

  it('finds each claim with its block, hedge, unit and attribution', () => {
    expect(figures.map((f) => [short(f.article), f.block, f.measure, f.qualifier, f.text, f.unit ?? null, f.attribution ?? null])).toEqual([
      ['kim-jong-un-honors', 2, 'deployed', 'vague', 'thousands', 'troops', null],
      ['kim-jong-un-honors', 3, 'deaths', 'about', '600', 'soldiers', 'South Korean lawmaker Lee Seong-kweun'],
      ['kim-jong-un-honors', 3, 'wounded', 'vague', 'thousands', 'soldiers', 'South Korean lawmaker Lee Seong-kweun'],
      ['kim-jong-un-honours', 4, 'deployed', 'more-than', '10,000', 'troops', 'South Korean and Western intelligence agencies'],
      ['kim-jong-un-honours', 4, 'deaths', 'about', '600', 'soldiers', 'Seoul'],
      ['kim-jong-un-honours', 4, 'wounded', 'vague', 'thousands', 'soldiers', 'Seoul'],
      ['kim-jong-un-vows', 9, 'deaths', 'about', '600', 'soldiers', 'South Korea’s National Intelligence Service'],
      ['kim-jong-un-vows', 9, 'deployed', 'none', '15,000', 'soldiers', 'South Korea’s National Intelligence Service'],
      ['kim-jong-un-vows', 9, 'casualties', 'more-than', '6,000', null, 'Western intelligence sources'],
      ['north-korea-acknowledges-troop', 4, 'casualties', 'up-to', '4,000', 'troops', null],
      ['north-koreas-kim-jong', 0, 'deaths', 'about', '600', 'troops', null],
      ['north-koreas-kim-jong', 0, 'deployed', 'about', '15,000', 'troops', null],
      ['north-koreas-kim-jong', 14, 'deaths', 'about', '600', 'troops', 'South Korean officials'],
      ['north-koreas-kim-jong', 14, 'deployed', 'about', '15,000', 'soldiers', 'South Korean officials'],
      ['north-koreas-kim-jong', 15, 'other', 'vague', 'millions', 'shells', null],
    ]);
  });

  it('quotes the sentence exactly as the block has it', () => {
    const f = figures.find((x) => x.measure === 'casualties' && x.qualifier === 'up-to');
    expect(f?.sentence).toBe('Reports estimate that up to 4,000 North Korean troops have either been killed or wounded while assisting Russian forces in operations aimed at reclaiming territories once held by Ukraine.');
    expect(f?.phrase).toBe('up to 4,000 North Korean troops');
  });

  it('groups the claims as the site shows them', () => {
    expect(groupFigures(figures).map((g) => [g.measure, g.claims.map((c) => `${c.label} (${c.articles.length})`)])).toEqual([
      ['deaths', ['about 600 (4)']],
      ['casualties', ['more than 6,000 (1)', 'up to 4,000 (1)']],
      ['wounded', ['thousands (2)']],
      ['deployed', ['about 15,000 (2)', 'more than 10,000 (1)', 'thousands (1)']],
      ['other', ['millions (1)']],
    ]);
    const deaths = groupFigures(figures)[0]!.claims[0]!;
    expect(deaths.attributions).toEqual(['Seoul', 'South Korean lawmaker Lee Seong-kweun', 'South Korean officials', 'South Korea’s National Intelligence Service']);
  });
});

describe('groupFigures merging', () => {
  it('puts a bare number with the "about" claim of the same value, but keeps bounds apart', () => {
    const base = { measure: 'deployed' as const, unit: 'troops', text: '', sentence: 's', block: 1 };
    const figs = [
      { ...base, article: 'a', qualifier: 'about' as const, value: 15000, text: 'about 15,000' },
      { ...base, article: 'b', qualifier: 'none' as const, value: 15000, text: '15,000' },
      { ...base, article: 'c', qualifier: 'more-than' as const, value: 15000, text: 'more than 15,000' },
      { ...base, article: 'd', qualifier: 'none' as const, value: 9000, text: '9,000' },
    ];
    const claims = groupFigures(figs as never).flatMap((g) => g.claims.map((c) => `${c.label} ${c.articles.join('')}`));
    expect(claims).toEqual(['about 15,000 ab', 'more than 15,000 c', '9,000 d']);
  });
});
