/**
 * `compromise-tagger.ts` tags as `nlp()` does: the same tags on every term
 * and the same matches from the post-tagger's sweep, on news sentences with
 * contractions, commas, acronyms, possessives and hyphens.
 */
import { describe, expect, it } from 'vitest';
import nlp from 'compromise';

type Term = { text: string; tags: Set<string> };
const world = nlp.world() as unknown as {
  methods: { one: { bulkMatch: unknown; tokenize: { fromString: (text: string, world: unknown) => Term[][] } } };
};
// compromise's own sweep, kept before `compromise-tagger.ts` replaces it.
const ownSweep = world.methods.one.bulkMatch;
const { tagDocument } = await import('../../src/lib/knowledge/compromise-tagger.ts');
const fastSweep = world.methods.one.bulkMatch;

const TEXTS = [
  'President Vladimir Putin said on Tuesday that Russia cannot accept the offer, according to the Kremlin.',
  'The U.S. State Department and NATO’s secretary general, Mark Rutte, met in Brussels; the talks didn’t end until 2 a.m.',
  'Heavy rain flooded Aarhus on Wednesday, and residents wade through a flooded street near the Bank of England’s old office.',
  'KCNA, the Korean Central News Agency, reported that Kim Jong-un’s sister visited Pyongyang’s new hospital.',
  'Shares of Apple Inc. fell 3% in New York after the company’s chief executive, Tim Cook, warned of weaker sales.',
  'I’m not sure we’ll see it, he said. “It’s over,” she told Reuters late on Friday in São Paulo.',
];

/** A view's matches as `entities.ts` reads them: text and offsets. */
function spans(view: ReturnType<ReturnType<typeof nlp>['match']>): unknown[] {
  return (view.json({ offset: true }) as { text: string; offset: unknown }[]).map(({ text, offset }) => ({ text, offset }));
}

/** Every term's text and sorted tags, sentence by sentence. */
function tagsOf(doc: ReturnType<typeof nlp>): string[][] {
  return (doc.document as unknown as Term[][]).map((terms) => terms.map((t) => `${t.text}:${[...t.tags].sort().join(',')}`));
}

describe('compromise tagger', () => {
  it('replaced the sweep', () => {
    expect(fastSweep).not.toBe(ownSweep);
  });
  it('gives every term the tags nlp() with compromise’s own sweep gives it', () => {
    for (const text of TEXTS) {
      world.methods.one.bulkMatch = ownSweep;
      const own = nlp(text);
      world.methods.one.bulkMatch = fastSweep;
      const fast = tagDocument(world.methods.one.tokenize.fromString(text, world));
      expect(tagsOf(fast)).toEqual(tagsOf(own));
      for (const find of ['#Person+', '#Organization+', '#Place+', '#ProperNoun+', '#Acronym']) {
        expect(spans(fast.match(find))).toEqual(spans(own.match(find)));
      }
      expect(spans(fast.people())).toEqual(spans(own.people()));
      expect(spans(fast.places())).toEqual(spans(own.places()));
      expect(spans(fast.organizations())).toEqual(spans(own.organizations()));
    }
  });
});
