import { contentEntries } from '../content-entries.ts';
import { describe, expect, it } from 'vitest';
import { articleSchema, type Article } from '../../src/lib/schema.ts';
import { generateCorpus, planCorpus, type GeneratedArticle } from '../../src/lib/bench/corpus.ts';
import { bodyParagraphs, contentWords, rawWords, type EventArticle } from '../../src/lib/knowledge/events.ts';
import {
  articleSimilarities,
  clusterStories,
  clusterStoriesWithStats,
  minhash,
  overlap,
  shingles,
  storyClusteringSchema,
  TOPIC_NEIGHBOURS,
  topicEditorEntrySchema,
  storyName,
} from '../../src/lib/knowledge/stories.ts';

/** A valid entry with the given paragraphs as its body (and standfirst and captions, when given). */
function article(id: string, published: string | undefined, headline: string, paragraphs: string[], extras: { standfirst?: string[]; captions?: string[] } = {}): EventArticle {
  const span = (text: string): Article['standfirst'][number] => ({ text, lines: [2, 2] });
  const data: Article = {
    headline,
    headlineLines: [1],
    standfirst: (extras.standfirst ?? []).map(span),
    credits: [],
    captions: (extras.captions ?? []).map(span),
    bylines: [],
    datelines: [],
    agencies: [],
    publisher: { basis: 'unknown' },
    published: published
      ? { date: published, precision: published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year', basis: 'editor' }
      : { precision: 'unknown', basis: 'unknown' },
    blocks: paragraphs.map((_, i): [number, number] => [i * 2 + 3, i * 2 + 3]),
    words: paragraphs.join(' ').split(/\s+/).length,
    removed: [],
    temporal: [],
    source: { path: `${id}.txt`, sha256: '0'.repeat(64), format: 'txt', encoding: 'utf-8', lines: paragraphs.length * 2 + 2 },
  };
  return { id, data: articleSchema.parse(data), body: `${paragraphs.join('\n\n')}\n` };
}

const FLOOD = [
  'Flash floods swept through the Spanish city of Valencia on Tuesday, killing at least twelve people and forcing thousands from their homes, regional officials said.',
  'Rescue teams from the Guardia Civil used boats and helicopters to reach residents trapped on rooftops in the districts of Paiporta and Benetusser.',
  'Prime Minister Pedro Sanchez said the government would declare a disaster zone and send the army to help clear the mud from flooded streets.',
  'The national weather agency AEMET had issued its highest red alert for the region of Valencia, warning of torrential rain through the night.',
  'Farmers in the Valencia region said the floods had destroyed orange groves and rice fields along the Turia river.',
];

const a1 = article('valencia-floods-kill-twelve', '2024-05-01', 'Valencia Floods Kill Twelve', FLOOD);
// A wire copy: the same text, one sentence trimmed, a paragraph added.
const a3 = article('floods-in-valencia-leave-twelve-dead', '2024-05-01', 'Floods in Valencia Leave Twelve Dead', [
  ...FLOOD.slice(0, 4),
  'The floods are the deadliest in the region since 1996, when heavy rain killed eighty people.',
]);
const a2 = article('spain-sends-army-to-flooded-valencia', '2024-05-03', 'Spain Sends Army to Flooded Valencia', [
  'Spain deployed hundreds of soldiers to Valencia on Thursday as the death toll from the floods rose to fifteen, with residents of Paiporta still cut off.',
  'Pedro Sanchez visited the disaster zone and promised aid to families who lost their homes in the floods.',
  'The Guardia Civil said rescue teams were still searching flooded garages and streets for missing people.',
  'AEMET warned that more rain could fall on the Valencia region over the weekend.',
]);
const a4 = article('valencia-begins-rebuilding-after-floods', '2024-05-20', 'Valencia Begins Rebuilding After Floods', [
  'Three weeks after the floods, Valencia has begun rebuilding bridges and roads in Paiporta, where most of the victims lived.',
  'Pedro Sanchez announced a reconstruction fund for the Valencia region and for farmers whose orange groves were destroyed.',
  'Residents say the floods left thousands of cars wrecked in the streets, and the Guardia Civil is still clearing mud.',
]);
const b1 = article('madrid-win-the-cup-final', '2024-05-01', 'Madrid Win the Cup Final', [
  'Real Madrid beat Barcelona three goals to one in the cup final at the Cartuja stadium in Seville on Tuesday night.',
  'Vinicius Junior scored twice in the second half, and Jude Bellingham added a third goal from the penalty spot.',
  'Coach Carlo Ancelotti praised his players for their patience after Barcelona took an early lead through Robert Lewandowski.',
  'Thousands of supporters celebrated in the Plaza de Cibeles in Madrid until the early hours of the morning.',
]);

describe('shingles and MinHash', () => {
  it('makes word 5-shingles, case and punctuation aside', () => {
    expect([...shingles('One two, three four five six!')]).toEqual(['one two three four five', 'two three four five six']);
  });

  it('gives equal sets equal signatures and measures overlap exactly', () => {
    const s = shingles(FLOOD.join(' '));
    expect(minhash(s)).toEqual(minhash(new Set([...s].reverse())));
    expect(overlap(s, s)).toEqual({ jaccard: 1, containment: 1 });
    expect(overlap(s, shingles('nothing in common at all here'))).toEqual({ jaccard: 0, containment: 0 });
  });
});

describe('clusterStories on invented articles', () => {
  const result = clusterStories([b1, a4, a2, a3, a1]);

  it('finds the wire copy and marks the first (same day: by id)', () => {
    expect(result.duplicates).toHaveLength(1);
    expect(result.duplicates[0]).toMatchObject({ first: 'floods-in-valencia-leave-twelve-dead', copy: 'valencia-floods-kill-twelve', kind: 'wire-copy' });
  });

  it('puts reports of one news event within the window into one story, first report first', () => {
    const flood = result.stories.find((s) => s.articles.includes('valencia-floods-kill-twelve'));
    expect(flood).toMatchObject({
      articles: ['floods-in-valencia-leave-twelve-dead', 'valencia-floods-kill-twelve', 'spain-sends-army-to-flooded-valencia'],
      firstReport: 'floods-in-valencia-leave-twelve-dead',
      wireGroups: [['floods-in-valencia-leave-twelve-dead', 'valencia-floods-kill-twelve']],
      span: { from: '2024-05-01', to: '2024-05-03' },
      generatedName: 'Floods in Valencia Leave Twelve Dead',
    });
    expect(flood?.id).toBe('2024-05-01-floods-in-valencia-leave-twelve-dead');
  });

  it('keeps a follow-up weeks later as its own story of the same topic, and unrelated news apart', () => {
    expect(result.stories.map((s) => s.articles.length)).toEqual([3, 1, 1]);
    expect(result.topics).toHaveLength(2);
    const flood = result.topics.find((t) => t.articles.includes('valencia-begins-rebuilding-after-floods'));
    expect(flood?.stories).toHaveLength(2);
    expect(flood?.articles).toHaveLength(4);
    expect(flood?.generated).toBe(true);
    expect(flood?.name).toMatch(/Valencia/);
    expect(result.topics.find((t) => t.articles.includes('madrid-win-the-cup-final'))?.articles).toEqual(['madrid-win-the-cup-final']);
    const pair = articleSimilarities([a1, b1])[0];
    expect(pair?.score).toBeLessThan(0.1);
  });

  it('lets an undated article join a story only as a copy', () => {
    const copy = article('undated-copy', undefined, 'Valencia Floods', FLOOD);
    const other = article('undated-other', undefined, 'Spain Sends Army', a2.body.split('\n\n'));
    const r = clusterStories([a1, copy, other]);
    expect(r.stories.find((s) => s.articles.includes('undated-copy'))?.articles).toEqual(['valencia-floods-kill-twelve', 'undated-copy']);
    expect(r.stories.find((s) => s.articles.includes('undated-other'))?.articles).toEqual(['undated-other']);
    expect(r.duplicates[0]?.kind).toBe('near-duplicate');
  });

  it('lets the editor name topics and fix membership', () => {
    const generated = result.topics.find((t) => t.articles.includes('valencia-floods-kill-twelve'))?.id ?? '';
    const r = clusterStories([b1, a4, a2, a3, a1], {
      editor: [
        { slug: generated, name: 'Valencia floods', description: 'The floods of May 2024 and after.' },
        { slug: 'spanish-football', name: 'Spanish football', articles: ['madrid-win-the-cup-final', 'no-such-article'] },
        { slug: 'spanish-football', name: 'Football' },
        { slug: 'nothing', name: 'Nothing' },
      ],
    });
    expect(r.topics.find((t) => t.id === generated)).toMatchObject({ name: 'Valencia floods', description: 'The floods of May 2024 and after.', generated: false });
    expect(r.topics.find((t) => t.id === 'spanish-football')).toMatchObject({ generated: false, articles: ['madrid-win-the-cup-final'] });
    expect(r.topics).toHaveLength(2);
    expect(r.warnings).toEqual([
      'topic spanish-football: a second entry with this slug, ignored',
      'topic spanish-football: no article no-such-article',
      'topic nothing: matches no generated topic and lists no articles of its own, ignored',
    ]);
  });

  it('refuses an editor topic slug that is a bare number, which would share an address with a page of the topics list', () => {
    const refused = topicEditorEntrySchema.safeParse({ slug: '2', name: 'Two' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/bare number/);
    expect(topicEditorEntrySchema.safeParse({ slug: '2024-vote', name: 'The 2024 vote' }).success).toBe(true);
  });

  it('is deterministic whatever the input order, and valid', () => {
    expect(clusterStories([a1, a2, a3, a4, b1])).toEqual(result);
    expect(() => storyClusteringSchema.parse(result)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------
// The five real entries

const seeds: EventArticle[] = contentEntries();
const idOf = (prefix: string): string => seeds.find((s) => s.data.source.path.startsWith(prefix))?.id ?? prefix;

describe('clusterStories on the content entries', () => {
  const result = clusterStories(seeds);

  it('finds four stories: the April confirmation, the late-June ceremony, the August ceremony (two reports), the late-August ceremony', () => {
    expect(result.stories.map((s) => s.articles)).toEqual([[idOf('004')], [idOf('001')], [idOf('002'), idOf('000')], [idOf('003')]]);
    expect(result.stories[2]).toMatchObject({ firstReport: idOf('002'), span: { from: '2025-08-22', to: '2025-08-23' }, wireGroups: [] });
    expect(result.duplicates).toEqual([]);
  });

  it('finds one topic holding all five, with a generated name from shared names', () => {
    expect(result.topics).toHaveLength(1);
    const topic = result.topics[0];
    expect(topic?.generated).toBe(true);
    expect(topic?.stories).toEqual(result.stories.map((s) => s.id));
    expect(topic?.articles).toEqual([idOf('004'), idOf('001'), idOf('002'), idOf('000'), idOf('003')]);
    expect(topic?.name).toMatch(/North Korea/);
    expect(topic?.name).toMatch(/Kim Jong Un/);
  });

  it('reads content words one word at a time, as the story stage does', () => {
    for (const entry of seeds) {
      for (const p of bodyParagraphs(entry.body)) expect(rawWords(p).flatMap((w) => contentWords(w))).toEqual(contentWords(p));
    }
  });
});

// ---------------------------------------------------------------------------
// Scale

/** A generated article's ground truth as an entry: headline, standfirst, captions and its first three paragraphs. */
function generated(g: GeneratedArticle): EventArticle {
  const paragraphs = g.body.filter((b) => b.kind === 'paragraph').slice(0, 3).map((b) => b.text);
  return article(g.stem, g.published, g.headline, paragraphs, { standfirst: g.standfirst ? [g.standfirst] : [], captions: g.captions });
}

describe('clusterStories at scale', () => {
  it('scores a small share of the pairs of a few thousand articles, a share that falls as the corpus grows', () => {
    const share = (size: number): { share: number; considered: number; pairs: number } => {
      const entries = [...generateCorpus(planCorpus(size))].map(generated);
      const { clustering, stats } = clusterStoriesWithStats(entries);
      const pairs = (entries.length * (entries.length - 1)) / 2;
      expect(stats.copiesCompared).toBeLessThan(pairs / 4);
      expect(clustering.duplicates.length).toBeGreaterThan(0);
      expect(clustering.stories.length).toBeLessThan(entries.length);
      return { share: stats.pairsScored / pairs, considered: stats.pairsConsidered, pairs };
    };
    const small = share(1000);
    const large = share(2000);
    // Looked at, repeats included, fewer than half of them; scored, a small share, and a smaller one of a corpus twice as large.
    expect(large.considered).toBeLessThan(large.pairs / 2);
    expect(large.share).toBeLessThan(0.1);
    expect(large.share).toBeLessThan(0.7 * small.share);
  }, 120_000);

  it('compares every pair that shares a word or name in a corpus of at most TOPIC_NEIGHBOURS + 1 articles, however far apart in time', () => {
    // A closing line shared by all, so that every pair shares words.
    const entries = [...generateCorpus(planCorpus(TOPIC_NEIGHBOURS + 1))].map((g) => {
      const e = generated(g);
      return { ...e, body: `${e.body}\nThe newsroom archive keeps every report.\n` };
    });
    expect(new Set(entries.map((e) => e.data.published.date)).size).toBeGreaterThan(TOPIC_NEIGHBOURS / 2);
    expect(articleSimilarities(entries)).toHaveLength((entries.length * (entries.length - 1)) / 2);
  });
});

describe('storyName', () => {
  it('takes the cleanest headline of the story, first report first on a tie, with a leading stamp trimmed', () => {
    expect(storyName(['Page last updated at 10:39 GMT, Wednesday, 28 September 2011 11:39 UK Jury hears the emergency call', 'Doctor’s trial hears emergency call'])).toBe('Jury hears the emergency call');
    expect(storyName(['By David Willis BBC News, Los Angeles Conrad Murray closes his eyes', 'Murray trial jury retires to consider verdict'])).toBe('Murray trial jury retires to consider verdict');
    expect(storyName(['Council approves harbour budget', 'Harbour budget passes council vote'])).toBe('Council approves harbour budget');
    expect(storyName([])).toBe('');
  });
});
