import { describe, expect, it } from 'vitest';
import { nameKey, nameRuns, topicName, type NamedText } from '../../src/lib/knowledge/story-names.ts';

const surfaces = (text: string, capitalisedElsewhere: string[] = []): string[] => nameRuns(text, new Set(capitalisedElsewhere)).map((m) => m.surface);

describe('nameRuns', () => {
  it('splits runs of capitalised words at titles and keeps hyphenated names whole', () => {
    expect(surfaces('President Joe Biden met Kim Jong-un in Hanoi on Tuesday.')).toEqual(['Joe Biden', 'Kim Jong-un', 'Hanoi']);
    expect(surfaces('According to Prime Minister Keir Starmer, the U.S. agreed.')).toEqual(['Keir Starmer']);
    expect(surfaces('Talks with Russian President Vladimir Putin ended.')).toEqual(['Russian', 'Vladimir Putin']);
  });

  it('keeps "of" inside a name, and reads a one-word sentence opener as a name only when the corpus capitalises it elsewhere', () => {
    expect(surfaces('Soldiers guarded the Ministry of Defence in London.')).toEqual(['Ministry of Defence', 'London']);
    expect(surfaces('Soldiers guarded the Ministry of Defence in London.', ['Soldiers'])).toEqual(['Soldiers', 'Ministry of Defence', 'London']);
  });

  it('ends a name at a possessive, and leaves out days and months', () => {
    expect(surfaces("Russia's army entered Ukraine. Russia said so.", ['Russia'])).toEqual(['Russia', 'Ukraine', 'Russia']);
    expect(surfaces('On Monday, the talks began in March.')).toEqual([]);
  });

  it('keys a place and its demonym as one name', () => {
    expect(nameKey('North Korean')).toBe(nameKey('North Korea'));
    expect(nameKey('Jong-un')).toBe('jong un');
    expect(nameRuns('North Korean troops crossed into North Korea.', new Set()).map((m) => m.key)).toEqual(['north kor', 'north kor']);
  });
});

/** An article's names and words as topic naming reads them. */
function named(names: Record<string, Record<string, number>>): NamedText {
  const surfaceMap = new Map(Object.entries(names).map(([k, forms]) => [k, new Map(Object.entries(forms))]));
  const counts = new Map([...surfaceMap].map(([k, forms]) => [k, [...forms.values()].reduce((a, b) => a + b, 0)]));
  return { names: counts, surfaces: surfaceMap };
}

describe('topicName', () => {
  it('joins the names at least half the articles share, the most shared first, each in its shortest form', () => {
    const texts = [
      named({ valenci: { Valencia: 3, Valencian: 1 }, 'pedro sanchez': { 'Pedro Sanchez': 1 }, madrid: { Madrid: 2 } }),
      named({ valenci: { Valencia: 2 }, 'pedro sanchez': { 'Pedro Sanchez': 2 } }),
      named({ valenci: { Valencian: 1 }, aemet: { AEMET: 1 } }),
      named({ 'guardia civil': { 'Guardia Civil': 1 } }),
    ];
    expect(topicName(texts)).toBe('Valencia and Pedro Sanchez');
  });

  it('takes at most three names; when none is in half the articles, the most shared; never a stemmed word', () => {
    const four = named({ a: { Alpha: 1 }, b: { Bravo: 1 }, c: { Charlie: 1 }, d: { Delta: 1 } });
    expect(topicName([four])).toBe('Alpha, Bravo and Charlie');
    const scattered = [named({ liby: { Libya: 1 } }), named({ liby: { Libya: 2 } }), named({ haiti: { Haiti: 1 } }), named({}), named({}), named({})];
    expect(topicName(scattered)).toBe('Libya and Haiti');
    expect(topicName([named({}), named({})])).toBeUndefined();
    expect(topicName([])).toBeUndefined();
  });
});
