import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../src/lib/ingest/pipeline.ts';
import { shortPageBody, type BlockFate } from '../../src/lib/ingest/short-page.ts';
import { page } from '../html-page.ts';

const seed = (path: string, text: string) => ({ path, file: `seeds/${path}`, bytes: new TextEncoder().encode(text) });

describe('shortPageBody', () => {
  it('gives nothing back while a paragraph is left', () => {
    const fates = new Map<number, BlockFate>([
      [1, { kind: 'standfirst' }],
      [2, { kind: 'paragraph' }],
    ]);
    expect(shortPageBody(3, fates, { index: 0, text: 'Harbour reopens', fromPage: true })).toEqual([]);
  });
  it('reads header furniture and shape-only removals as the body, never wording removals or bylines', () => {
    const fates = new Map<number, BlockFate>([
      [1, { kind: 'standfirst' }],
      [2, { removed: 'button-labels' }],
      [3, { removed: 'ad-label' }],
      [4, { kind: 'byline' }],
      [5, { kind: 'heading' }],
    ]);
    expect(shortPageBody(6, fates, { index: 0, text: 'Harbour reopens', fromPage: true })).toEqual([1, 2, 5]);
  });
  it('takes a guessed headline of two sentences as the body, but not a page title or a headline-shaped line', () => {
    const prose = 'The ferry is back. Crews worked through the night, the operator said';
    expect(shortPageBody(1, new Map(), { index: 0, text: prose, fromPage: false })).toEqual([0]);
    expect(shortPageBody(1, new Map(), { index: 0, text: prose, fromPage: true })).toEqual([]);
    expect(shortPageBody(1, new Map(), { index: 0, text: 'Mayor Resigns After Audit Finds Missing Funds', fromPage: false })).toEqual([]);
  });
});

describe('short pages through the pipeline', () => {
  it('keeps a saved page whose article is three short list items', () => {
    const r = ingestSeed(seed('a.html', page('<ol><li>Flour</li><li>Water</li><li>Salt</li></ol>')));
    expect(r.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(r.body).toBe('Flour\n\nWater\n\nSalt\n');
  });
  it('keeps a saved page whose only text is subheadings', () => {
    const r = ingestSeed(seed('a.html', page('<article><h2>The quay at dawn</h2><img src="a.jpg"><h2>Cranes back at work</h2><img src="b.jpg"></article>')));
    expect(r.body).toBe('The quay at dawn\n\nCranes back at work\n');
  });
  it('keeps a page with no title whose one block is a sentence', () => {
    const r = ingestSeed(seed('a.html', '<html><body><ol><li><p>The ferry is back on its winter timetable. Crews worked through the night to repair the ramp</p></li></ol></body></html>'));
    expect(r.body).toBe('The ferry is back on its winter timetable. Crews worked through the night to repair the ramp\n');
  });
  it('still finds no article in a page of widgets or a lone headline', () => {
    expect(ingestSeed(seed('a.txt', 'Advertisement\nPost a Comment\nShare this article\n')).messages.map((m) => m.code)).toEqual(['SL104']);
    expect(ingestSeed(seed('a.txt', 'Mayor Resigns After Audit Finds Missing Funds\n')).messages.map((m) => m.code)).toEqual(['SL104']);
  });
});
