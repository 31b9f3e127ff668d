import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/lib/ingest/html.ts';
import { ingestSeed } from '../../src/lib/ingest/pipeline.ts';
import { page, PARAGRAPHS } from '../html-page.ts';

const seed = (path: string, text: string) => ({ path, file: `seeds/${path}`, bytes: new TextEncoder().encode(text) });

describe('running text in a saved page', () => {
  const LIST = `<article><h1>Harbour reopens after storm</h1>\n${PARAGRAPHS}\n<p>The port authority listed what still needs repair:</p>\n<ul><li>the north berth and its crane rails</li><li>two sections of the sea wall near the ferry ramp</li></ul>\n<p>Repairs to the north berth are expected to take until the end of the month, the harbour master said, because the crane rails have to be lifted and relaid before any ship can berth there again.</p>\n<p>The ferry company said its timetable would return to normal on Wednesday, and that passengers booked on cancelled sailings could travel on any crossing this week without paying again.</p>\n<figure><img src="quay.jpg"><figcaption>Cranes at work on the quay on Monday morning</figcaption></figure>\n<div>The harbour master listed the order of the work to come:</div>\n<div class="photo-caption">Fishing boats waiting upriver for the tide to turn</div>\n</article>`;

  it('marks paragraphs and list items outside figures as running text', () => {
    const blocks = extractHtml(page(LIST), 'page.html').blocks;
    const hint = (start: string) => blocks.find((b) => b.text.startsWith(start))?.hint;
    expect(hint('the north berth')).toBe('text');
    expect(hint('The port authority listed')).toBe('text');
    expect(hint('Cranes at work')).toBe('caption');
    expect(hint('Fishing boats waiting')).toBeUndefined();
  });

  it('keeps unclosed list items and a line opening a list in the body; captions stay captions', () => {
    const r = ingestSeed(seed('a.html', page(LIST)));
    expect(r.body).toContain('the north berth and its crane rails');
    expect(r.body).toContain('The port authority listed what still needs repair:');
    expect(r.body).toContain('The harbour master listed the order of the work to come:');
    expect(r.article?.captions.map((c) => c.text)).toEqual(['Cranes at work on the quay on Monday morning', 'Fishing boats waiting upriver for the tide to turn']);
  });
});
