import { readFileSync } from 'node:fs';
import { contentEntries } from '../content-entries.ts';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  compromiseCandidates,
  extractMentions,
  foldName,
  slugify,
  StringTable,
  type ArticleMentions,
  type Recognizer,
} from '../../src/lib/knowledge/entities.ts';
import { compactMentions, findEntities, resolveEntities, type ResolveStats } from '../../src/lib/knowledge/entity-resolution.ts';
import { compactUnits } from '../../src/lib/knowledge/compact-mentions.ts';
import { entityEditorSchema, entityIndexSchema, type EntityIndex, type EntityType } from '../../src/lib/knowledge/schema.ts';
import { articleUnits, type KnowledgeArticle } from '../../src/lib/knowledge/text.ts';
import { type Article } from '../../src/lib/schema.ts';

/** An article with only what the knowledge stages read. */
function article(id: string, headline: string, paragraphs: string[], extra: Partial<Article> = {}): KnowledgeArticle {
  const data = { headline, standfirst: [], captions: [], agencies: [], ...extra } as unknown as Article;
  return { id, data, body: `${paragraphs.join('\n\n')}\n` };
}

const visit = article(
  'a',
  'Kim Jong Un Visits Moscow Before Beijing Trip',
  [
    'North Korean leader Kim Jong Un arrived in Moscow on Tuesday, the Korean Central News Agency (KCNA) said.',
    'However, Kim Jong-un did not meet Russia’s defence minister. In March, KCNA reported that Kim had inspected a factory.',
    'South Korea’s National Intelligence Service said Seoul’s spy agency had no comment. Officials in Seoul declined to comment.',
  ],
  { standfirst: [{ text: 'The North Korean leader travelled by armoured train.', lines: [2, 2] }] },
);
const atom = article('b', 'a sentence-case headline about the IAEA', [
  'The International Atomic Energy Agency said on Monday that its inspectors left Ukraine.',
  'Viktor Orbán, Hungary’s prime minister, said the IAEA was right. Orban spoke in Budapest.',
]);

function entity(index: EntityIndex, id: string) {
  const found = index.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}; have ${index.entities.map((e) => e.id).join(', ')}`);
  return found;
}

describe('findEntities on invented articles', () => {
  const index = findEntities([visit, atom]);

  it('finds exactly these entities, most mentioned first', () => {
    expect(index.entities.map((e) => [e.id, e.type, e.count])).toEqual([
      ['kim-jong-un', 'person', 4],
      ['international-atomic-energy-agency', 'organisation', 3],
      ['korean-central-news-agency', 'organisation', 3],
      ['moscow', 'place', 2],
      ['north-korea', 'place', 2],
      ['seoul', 'place', 2],
      ['viktor-orban', 'person', 2],
      ['budapest', 'place', 1],
      ['hungary', 'place', 1],
      ['national-intelligence-service', 'organisation', 1],
      ['russia', 'place', 1],
      ['south-korea', 'place', 1],
      ['ukraine', 'place', 1],
    ]);
    expect(index.warnings).toEqual([]);
  });

  it('makes one person of a full name, its hyphenated spelling and a later bare surname', () => {
    expect(entity(index, 'kim-jong-un')).toEqual({
      id: 'kim-jong-un',
      name: 'Kim Jong Un',
      type: 'person',
      aliases: ['Kim', 'Kim Jong-un'],
      basis: 'detected',
      count: 4,
      mentions: [
        { article: 'a', block: 0, text: 'Kim Jong Un' },
        { article: 'a', block: 1, text: 'Kim Jong Un' },
        { article: 'a', block: 2, text: 'Kim' },
        { article: 'a', block: 2, text: 'Kim Jong-un' },
      ],
      articles: ['a'],
    });
  });

  it('links an acronym to "Long Name (ACR)" and to the one name with its initials', () => {
    expect(entity(index, 'korean-central-news-agency').aliases).toEqual(['KCNA']);
    expect(entity(index, 'korean-central-news-agency').mentions).toEqual([
      { article: 'a', block: 1, text: 'KCNA' },
      { article: 'a', block: 1, text: 'Korean Central News Agency' },
      { article: 'a', block: 2, text: 'KCNA' },
    ]);
    // No brackets anywhere: "IAEA" is the initials of the one long name in the corpus.
    expect(entity(index, 'international-atomic-energy-agency').mentions).toEqual([
      { article: 'b', block: 0, text: 'IAEA' },
      { article: 'b', block: 1, text: 'International Atomic Energy Agency' },
      { article: 'b', block: 2, text: 'IAEA' },
    ]);
  });

  it('does not link a name to an acronym it does not spell, nor two names that spell one acronym', () => {
    const farmers = article('f', 'Farmers Warn of Poor Harvest', ['BALTIMORE (AFP) — The National Farmers Union (NFU) said the harvest had failed.', 'The NFU asked for aid.']);
    const firefighters = article('g', 'Firefighters Strike Over Pay', ['ANTWERP (AFP) — The National Firefighters Union (NFU) called a strike on Monday.', 'AFP reported that the NFU would meet again.']);
    const found = findEntities([farmers, firefighters]);
    const holding = (text: string) => found.entities.filter((e) => e.mentions.some((m) => m.text === text)).map((e) => e.id);
    // Each long name and the ambiguous acronym stay apart, and the datelines' cities stay apart from the agency.
    expect(holding('National Farmers Union')).not.toEqual(holding('National Firefighters Union'));
    expect(holding('NFU')).not.toContain(holding('National Farmers Union')[0]);
    expect(holding('AFP')).toHaveLength(1);
    for (const city of ['BALTIMORE', 'ANTWERP']) expect(holding(city)).not.toContain(holding('AFP')[0]);
  });

  it('folds possessives, demonyms and diacritics', () => {
    expect(entity(index, 'russia').mentions).toEqual([{ article: 'a', block: 2, text: 'Russia' }]);
    expect(entity(index, 'south-korea').mentions).toEqual([{ article: 'a', block: 3, text: 'South Korea' }]);
    expect(entity(index, 'north-korea')).toMatchObject({ name: 'North Korea', aliases: ['North Korean'] });
    expect(entity(index, 'north-korea').mentions).toEqual([
      { article: 'a', block: 0, text: 'North Korean' },
      { article: 'a', block: 1, text: 'North Korean' },
    ]);
    expect(entity(index, 'viktor-orban')).toMatchObject({ name: 'Viktor Orbán', aliases: ['Orban'] });
    expect(foldName('Kim Jong-un’s')).toBe('kim jong un');
    expect(foldName('Orbán')).toBe(foldName('Orban'));
    expect(slugify('Workers’ Party')).toBe('workers-party');
  });

  it('leaves out weekdays, months, sentence-initial words and unknown words of a title-case headline', () => {
    const names = index.entities.flatMap((e) => [e.name, ...e.aliases]);
    for (const junk of ['Tuesday', 'Monday', 'March', 'However', 'In March', 'Officials', 'The', 'Visits', 'Before', 'Beijing', 'Trip']) {
      expect(names).not.toContain(junk);
    }
    // The headline is in title case: only names found elsewhere are looked up in it.
    expect(index.entities.flatMap((e) => e.mentions.filter((m) => m.article === 'a' && m.block === 0).map((m) => m.text)).sort()).toEqual([
      'Kim Jong Un',
      'Moscow',
      'North Korean',
    ]);
  });

  it('counts a surface form once per block, with a count when repeated', () => {
    expect(entity(index, 'seoul').mentions).toEqual([{ article: 'a', block: 3, text: 'Seoul', count: 2 }]);
  });

  it('lists each article’s entities by count, then id', () => {
    expect(index.articles).toEqual([
      {
        article: 'a',
        entities: [
          { id: 'kim-jong-un', count: 4 },
          { id: 'korean-central-news-agency', count: 3 },
          { id: 'moscow', count: 2 },
          { id: 'north-korea', count: 2 },
          { id: 'seoul', count: 2 },
          { id: 'national-intelligence-service', count: 1 },
          { id: 'russia', count: 1 },
          { id: 'south-korea', count: 1 },
        ],
      },
      {
        article: 'b',
        entities: [
          { id: 'international-atomic-energy-agency', count: 3 },
          { id: 'viktor-orban', count: 2 },
          { id: 'budapest', count: 1 },
          { id: 'hungary', count: 1 },
          { id: 'ukraine', count: 1 },
        ],
      },
    ]);
  });

  it('is valid, quotes every mention verbatim, and does not depend on input order', () => {
    expect(entityIndexSchema.parse(index)).toEqual(index);
    // Block 0 is the headline, standfirst and captions together.
    const blockText = (articleId: string, block: number): string =>
      [visit, atom]
        .flatMap((a) => articleUnits(a))
        .filter((u) => u.article === articleId && u.block === block)
        .map((u) => u.text)
        .join('\n');
    for (const e of index.entities) for (const m of e.mentions) expect(blockText(m.article, m.block)).toContain(m.text);
    expect(findEntities([atom, visit])).toEqual(index);
  });
});

describe('general rules, whatever the library proposes', () => {
  /** A stand-in library that proposes the given words, typed as given, wherever they stand. */
  const stub =
    (spans: [string, EntityType][]): Recognizer =>
    (text) =>
      spans.flatMap(([word, type]) => [...text.matchAll(new RegExp(word, 'g'))].map((m) => ({ start: m.index, end: m.index + word.length, type })));

  it('drops a sentence-initial word the corpus also writes in lower case, even when typed', () => {
    const text = article('g', 'Footage', ['Footage aired by Moscow television showed the parade. The footage was long.']);
    const found = findEntities([text], undefined, { recognizer: stub([['Footage', 'organisation'], ['Moscow', 'place']]) });
    expect(found.entities.map((e) => e.id)).toEqual(['moscow']);
  });

  it('splits a possessive owner from the name it owns, and types each by its own evidence', () => {
    const text = article('h', 'Ministry', ['Officials at South Korea’s Defense Ministry said so.']);
    const found = findEntities([text], undefined, { recognizer: stub([['South', 'place'], ['Korea’s Defense Ministry', 'organisation']]) });
    expect(found.entities.map((e) => [e.id, e.type, e.mentions.map((m) => m.text)])).toEqual([
      ['defense-ministry', 'organisation', ['Defense Ministry']],
      ['south-korea', 'place', ['South Korea']],
    ]);
  });
});

describe('surnames', () => {
  const family = article('c', 'Family matters', ['Kim Jong Un and his sister Kim Yo Jong attended the parade in Pyongyang. Kim said the army was strong.']);
  const call = article('d', 'Talks', ['Russian President Vladimir Putin spoke on Friday.']);
  const later = article('e', 'More talks', ['Putin said the talks would continue in Moscow.']);
  const index = findEntities([family, call, later]);

  it('links a surname to the one person in the corpus with it when the article names no one in full', () => {
    expect(entity(index, 'vladimir-putin').mentions).toEqual([
      { article: 'd', block: 1, text: 'Vladimir Putin' },
      { article: 'e', block: 1, text: 'Putin' },
    ]);
  });

  it('leaves a surname two people in the article share as a person of its own', () => {
    expect(entity(index, 'kim')).toMatchObject({ name: 'Kim', type: 'person', mentions: [{ article: 'c', block: 1, text: 'Kim' }] });
    expect(entity(index, 'kim-jong-un').count).toBe(1);
    expect(entity(index, 'kim-yo-jong').count).toBe(1);
  });

  it('finds a surname the library misses at the start of a sentence', () => {
    const text = article('f', 'Paris talks', [
      'French President Emmanuel Macron met Ukrainian President Volodymyr Zelenskyy in Paris.',
      'Macron said France would send more air defence systems. Zelenskyy thanked him.',
    ]);
    const found = findEntities([text]);
    expect(entity(found, 'emmanuel-macron').mentions).toEqual([
      { article: 'f', block: 1, text: 'Emmanuel Macron' },
      { article: 'f', block: 2, text: 'Macron' },
    ]);
    expect(entity(found, 'volodymyr-zelenskyy').mentions).toEqual([
      { article: 'f', block: 1, text: 'Volodymyr Zelenskyy' },
      { article: 'f', block: 2, text: 'Zelenskyy' },
    ]);
    expect(entity(found, 'france').aliases).toEqual(['French']);
  });
});

describe('the editor file', () => {
  const editor = entityEditorSchema.parse({
    entities: [
      { name: 'National Intelligence Service', aliases: ['NIS', "Seoul's spy agency"], description: 'South Korea’s spy agency.' },
      { name: 'Moscow', hide: true },
      { name: 'Orbán', id: 'viktor-orban', merge: ['Viktor Orbán'] },
      { name: 'Budapest', type: 'organisation' },
      { name: 'Kremlin', type: 'organisation' },
    ],
  });
  const index = findEntities([visit, atom], editor);

  it('adds descriptive aliases as mentions, which win over the shorter names inside them', () => {
    expect(entity(index, 'national-intelligence-service')).toEqual({
      id: 'national-intelligence-service',
      name: 'National Intelligence Service',
      type: 'organisation',
      aliases: ['NIS', 'Seoul’s spy agency'],
      description: 'South Korea’s spy agency.',
      basis: 'editor',
      count: 2,
      mentions: [
        { article: 'a', block: 3, text: 'National Intelligence Service' },
        { article: 'a', block: 3, text: 'Seoul’s spy agency' },
      ],
      articles: ['a'],
    });
    expect(entity(index, 'seoul').mentions).toEqual([{ article: 'a', block: 3, text: 'Seoul' }]);
  });

  it('hides, renames, merges and retypes; an entry that matches nothing is a warning', () => {
    expect(index.entities.map((e) => e.id)).not.toContain('moscow');
    expect(index.articles[0]!.entities.map((e) => e.id)).not.toContain('moscow');
    expect(entity(index, 'viktor-orban')).toMatchObject({ name: 'Orbán', type: 'person', basis: 'editor', aliases: ['Orban', 'Viktor Orbán'] });
    expect(entity(index, 'budapest')).toMatchObject({ type: 'organisation', basis: 'editor' });
    expect(index.warnings).toEqual(['editor entry "Kremlin" matched no entity and none of its forms occur in the text']);
  });

  it('rejects unknown fields and bad ids', () => {
    expect(entityEditorSchema.safeParse({ entities: [{ name: 'X', colour: 'red' }] }).success).toBe(false);
    expect(entityEditorSchema.safeParse({ entities: [{ name: 'X', id: 'Not A Slug' }] }).success).toBe(false);
    expect(entityEditorSchema.safeParse({ entities: [{ name: 'X', type: 'animal' }] }).success).toBe(false);
  });
});

describe('findEntities on the seed articles', () => {
  const seeds: KnowledgeArticle[] = contentEntries();
  const index = findEntities(seeds);

  it('finds the story’s main entities with their counts', () => {
    expect(index.entities.slice(0, 12).map((e) => [e.id, e.count])).toEqual([
      ['north-korea', 59],
      ['russia', 44],
      ['kim-jong-un', 34],
      ['ukraine', 30],
      ['pyongyang', 8],
      ['south-korea', 7],
      ['vladimir-putin', 7],
      ['kursk', 6],
      ['korean-central-news-agency', 5],
      ['moscow', 4],
      ['defense-ministry', 2],
      ['donbass', 2],
    ]);
  });

  it('normalises the seeds’ name variants by the general rules', () => {
    expect(entity(index, 'kim-jong-un').aliases).toEqual(['Kim', 'Kim Jong-un']);
    expect(entity(index, 'korean-central-news-agency').aliases).toEqual(['KCNA']);
    expect(entity(index, 'lee-seong-kweun')).toMatchObject({ type: 'person', aliases: ['Lee'] });
    expect(entity(index, 'vladimir-putin').aliases).toEqual(['Putin']);
    expect(entity(index, 'kursk').articles).toHaveLength(5);
    expect(entity(index, 'united-states').aliases).toEqual(['U.S.']);
    // "KRT" and "Seoul’s spy agency" need the editor: detection alone keeps KRT apart.
    expect(entity(index, 'krt').type).toBe('organisation');
  });

  it('with the example editor file, merges KRT and reads "Seoul’s spy agency" as the NIS', () => {
    const editor = entityEditorSchema.parse(parseYaml(readFileSync('tests/knowledge-gold/entities-editor.yaml', 'utf8')));
    const edited = findEntities(seeds, editor);
    expect(edited.entities.map((e) => e.id)).not.toContain('krt');
    expect(entity(edited, 'korean-central-television').aliases).toEqual(['KRT']);
    expect(entity(edited, 'national-intelligence-service').mentions).toContainEqual({
      article: 'kim-jong-un-honors-north-korean-soldiers-killed-fighting-for-russia',
      block: 3,
      text: 'Seoul’s spy agency',
    });
    expect(entity(edited, 'kremlin')).toMatchObject({ type: 'organisation', count: 1, basis: 'editor' });
    expect(edited.warnings).toEqual([]);
  });

  it('gives the same people with wink-nlp, which types fewer places', () => {
    const wink = findEntities(seeds, undefined, { recognizer: 'wink' });
    const people = (i: EntityIndex) => i.entities.filter((e) => e.type === 'person').map((e) => e.id).sort();
    expect(people(wink)).toEqual(people(index));
    expect(wink.entities.map((e) => e.id)).not.toContain('pyongyang');
  });
});

describe('extractMentions and resolveEntities', () => {
  const seeds: KnowledgeArticle[] = contentEntries();
  const editor = entityEditorSchema.parse(parseYaml(readFileSync('tests/knowledge-gold/entities-editor.yaml', 'utf8')));
  const records = seeds.map((a) => extractMentions(a));

  /** Freezes a value and everything in it, so any write throws (a typed array cannot be frozen: see where it is compared). */
  const deepFreeze = <T>(value: T): T => {
    if (ArrayBuffer.isView(value)) return value;
    if (value && typeof value === 'object') for (const v of Object.values(value)) deepFreeze(v);
    return Object.freeze(value);
  };

  it('gives per-article records that survive a JSON round trip unchanged', () => {
    for (const record of [...records, extractMentions(visit), extractMentions(atom)]) {
      expect(JSON.parse(JSON.stringify(record))).toStrictEqual(record);
    }
  });

  it('composes to findEntities, from records read back from JSON, in any order, without changing them', () => {
    const cached = deepFreeze(JSON.parse(JSON.stringify([...records].reverse())) as ArticleMentions[]);
    expect(resolveEntities(cached)).toEqual(findEntities(seeds));
    expect(resolveEntities(cached, editor)).toEqual(findEntities(seeds, editor));
    expect(resolveEntities([visit, atom].map((a) => extractMentions(a)))).toEqual(findEntities([visit, atom]));
  });

  it('resolves the same from compact records, which hold no text but a title-case headline\'s', () => {
    const strings = new StringTable();
    const compact = deepFreeze(records.map((r) => compactMentions(r, editor, strings)));
    const packed = compact.map((c) => Int32Array.from(c.data));
    expect(resolveEntities(compact, editor)).toEqual(findEntities(seeds, editor));
    // Twice over the same records: resolving writes nothing into them.
    expect(resolveEntities(compact, editor)).toEqual(findEntities(seeds, editor));
    expect(compact.map((c) => c.data)).toEqual(packed);
    // One table for the corpus: each string once.
    expect(new Set(strings.list).size).toBe(strings.list.length);
    expect(compact.every((c) => c.strings === strings.list)).toBe(true);
    expect(resolveEntities(records.map((r) => compactMentions(r)))).toEqual(findEntities(seeds));
    const units = compact.flatMap((c) => compactUnits(c));
    expect(units.filter((u) => u.text !== undefined).every((u) => u.titleCase)).toBe(true);
    // The corpus does define an acronym in brackets and name editor forms, so both paths are exercised.
    expect(units.some((u) => u.opens.length > 0 && u.closes.length > 0)).toBe(true);
    expect(units.some((u) => u.editor.length > 0)).toBe(true);
    expect(compactMentions(compact[0]!, editor)).toBe(compact[0]);
  });

  it('links an acronym to the long name written before it in brackets, where the initials alone name two', () => {
    const defined = article('h', 'a harvest report', ['The National Farmers Union (NFU) said the harvest had failed.', 'The NFU asked for aid.']);
    const other = article('i', 'a fishing report', ['The National Fishing Union said the season was poor.']);
    const found = findEntities([defined, other]);
    const holding = (text: string) => found.entities.filter((e) => e.mentions.some((m) => m.text === text)).map((e) => e.id);
    expect(holding('NFU')).toEqual(holding('National Farmers Union'));
    expect(holding('NFU')).not.toEqual(holding('National Fishing Union'));
  });

  it('reads each article on its own: the record does not depend on the other articles or a shared sentence cache', () => {
    const sentenceCache = new Map();
    const shared = seeds.map((a) => extractMentions(a, { sentenceCache }));
    expect(shared).toEqual(records);
    expect(extractMentions(seeds[2]!, { sentenceCache })).toEqual(extractMentions(seeds[2]!));
  });

  it('has compromise propose in several texts at once what it proposes in each alone', () => {
    // "cannot" becomes two terms once tagged, which moves every offset after it.
    const texts = ['We cannot go, Kim Jong Un said in Pyongyang.', '', 'Seoul', 'The Korean Central News Agency (KCNA) said so. Putin cannot agree.'];
    expect(compromiseCandidates(texts)).toEqual(texts.map((t) => compromiseCandidates([t])[0]));
  });

  it('does work linear in the corpus: four times the articles, about four times the visits', () => {
    /** A capitalised made-up word for n: "Qa", "Qb", … */
    const word = (n: number): string => `Q${n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}`;
    /** Proposes every run of capitalised words, untyped. */
    const runs: Recognizer = (text) => [...text.matchAll(/\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)*/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const corpus = (n: number): ArticleMentions[] =>
      Array.from({ length: n }, (_, i) => {
        const [first, last, city] = [word(3 * i), word(3 * i + 1), word(3 * i + 2)];
        return extractMentions(
          article(
            `a${String(i).padStart(4, '0')}`,
            `${first} ${last} Visits ${city} Again With Northern Ministers`,
            [
              `President ${first} ${last} arrived in ${city} on Monday, Reuters said.`,
              `${last} met officials of the Northern Trade Agency. ${first} said the visit went well.`,
            ],
            { agencies: [{ name: 'Reuters' }] } as unknown as Partial<Article>,
          ),
          { recognizer: runs },
        );
      });
    const visits = (n: number): number => {
      const stats: ResolveStats = { visits: 0 };
      resolveEntities(corpus(n), undefined, { stats });
      return stats.visits;
    };
    const small = visits(50);
    expect(small).toBeGreaterThan(0);
    expect(visits(200) / small).toBeLessThan(5);
  });
});

describe('findEntities on one-line articles', () => {
  // Whole articles on one line, with headline words, page furniture and quote markers run into the text.
  const oneLine = [
    article('a', 'singer dies in los angeles', [
      'Help Michael Jackson died in Los Angeles on Thursday. Doctors said Conrad Murray had been giving Jackson Propofol before he died. Fans gathered in London, where his concerts at London’s O2 arena were due. Producer Jane Smith said the help came too late. The drug propofol is used in hospitals, and the end came quickly.',
    ]),
    article('b', 'tribute planned', [
      'Stars will play the Michael Jackson Cardiff concert in October. Will Tunisia follow Egypt? Officials in Cardiff said tickets would go on sale, and the producer said the end of the tour was near. Conrad Murray denied wrongdoing in a quote to reporters.',
    ]),
    article('c', 'doctor charged', [
      'be of assistance” End Quote Kathy Jorrie AEG Live lawyer said on Monday. Kathy Jorrie, a lawyer, said AEG Live had paid Conrad Murray. The propofol was found in London and Los Angeles, police said. Jackson was 50, a quote from the report said.',
    ]),
  ];
  const index = findEntities(oneLine);
  const types = new Map(index.entities.map((e) => [e.name, e.type]));

  it('keeps names apart across sentence edges and at a person’s end, and cuts the common words run into them', () => {
    expect([...types.keys()].filter((n) => /Help|Propofol|Cardiff |Quote|Will /.test(n))).toEqual([]);
    expect(entity(index, 'michael-jackson').aliases).toEqual(['Jackson']);
    expect(entity(index, 'kathy-jorrie').mentions.map((m) => m.text)).toEqual(['Kathy Jorrie']);
  });

  it('types the people and places by their evidence', () => {
    expect(Object.fromEntries(['Michael Jackson', 'Conrad Murray', 'Kathy Jorrie', 'London', 'Los Angeles', 'Cardiff'].map((n) => [n, types.get(n)]))).toEqual({
      'Michael Jackson': 'person',
      'Conrad Murray': 'person',
      'Kathy Jorrie': 'person',
      London: 'place',
      'Los Angeles': 'place',
      Cardiff: 'place',
    });
  });

  it('drops a lone word the corpus writes in lower case ("Producer")', () => {
    expect(types.has('Producer')).toBe(false);
    expect(types.get('Jane Smith')).toBe('person');
  });
});
