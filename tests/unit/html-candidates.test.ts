import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { containerCandidate, preferContainer, suspectExtraction } from '../../src/lib/ingest/html-candidates.ts';

const doc = (body: string): Document => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;
const text = (el: Element | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const STORY = [
  'The harbour reopened on Monday after the storm, officials said, and the first ships queued to enter as cranes resumed work along the quay.',
  'The port authority said damage to the sea wall was lighter than it had feared, though repairs to two berths would take several weeks.',
  'Fishermen who had kept their boats upriver for a week began returning on the morning tide, and the fish market opened again on Tuesday.',
];

describe('containerCandidate', () => {
  it('is undefined when the page marks no article container', () => {
    expect(containerCandidate(doc(`<div><p>${STORY[0]}</p></div>`))).toBeUndefined();
  });

  it('takes the article body inside the <article>, without sharing, comment or link-list boxes', () => {
    const d = doc(`<main><article><h1>Harbour reopens</h1>
<div itemprop="articleBody">${STORY.map((p) => `<p>${p}</p>`).join('')}
<div class="share-tools"><span>Share on Facebook</span></div>
<ul><li><a href="/a">Storm closes ferry link</a></li><li><a href="/b">Tide tables for the week</a></li></ul>
</div>
<section class="comments"><p>Great news for the town, I have waited all week for this.</p></section>
</article><div class="teaser"><a href="/c">More from the coast</a></div></main>`);
    const got = containerCandidate(d);
    expect(got?.getAttribute('itemprop')).toBe('articleBody');
    expect(text(got)).toBe(STORY.join(''));
  });

  it('leaves the page itself unchanged', () => {
    const d = doc(`<article><p>${STORY[0]}</p><div class="related"><a href="/a">Storm closes ferry link</a></div></article>`);
    containerCandidate(d);
    expect(d.querySelector('.related')).not.toBeNull();
  });
});

describe('preferContainer', () => {
  const whole = STORY.join('\n');
  it('takes the container when Readability kept only a short part of it', () => {
    expect(suspectExtraction(STORY[0]!)).toBe(true);
    expect(preferContainer(STORY[0]!, whole)).toBe(true);
    expect(preferContainer('', whole)).toBe(true);
  });
  it('keeps Readability’s text when it is long enough, when the container is not much longer, or when the container is another text', () => {
    expect(preferContainer(whole, `${whole}\n${whole.toUpperCase()} and more`)).toBe(false);
    expect(preferContainer(STORY[0]!, `${STORY[0]} Crews worked all night.`)).toBe(false);
    expect(preferContainer(STORY[0]!, `${STORY[1]}\n${STORY[2]}`)).toBe(false);
    expect(preferContainer(STORY[0]!, '')).toBe(false);
  });
});
