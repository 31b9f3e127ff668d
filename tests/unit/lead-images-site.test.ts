import { describe, expect, it } from 'vitest';
import { imageBasisLabel, imageModuleKey, isLeadImageOriginal, thumbnailAlt } from '../../src/lib/site/lead-images.ts';
import { articleCard } from '../../src/lib/site/cards.ts';
import type { Entry } from '../../src/lib/site/browse.ts';

describe('the site side of lead images', () => {
  it('imports only copies in content/images', () => {
    expect(imageModuleKey('../images/0123456789abcdef.jpg')).toBe('/content/images/0123456789abcdef.jpg');
    expect(imageModuleKey('../images/../site.yaml')).toBeUndefined();
    expect(imageModuleKey('../../secret.jpg')).toBeUndefined();
    expect(imageModuleKey('../images/.hidden.jpg')).toBeUndefined();
  });
  it('tells an untouched copy from a resized picture', () => {
    expect(isLeadImageOriginal('067c0ad51ba86c2e.CBedeqKw.jpg')).toBe(true);
    expect(isLeadImageOriginal('067c0ad51ba86c2e.C_e-eqKw.png')).toBe(true);
    expect(isLeadImageOriginal('1dde80a0e53ab845.BrJbSR9H_Zac9B.avif')).toBe(false);
    expect(isLeadImageOriginal('BaseLayout.D2VL1c0g.css')).toBe(false);
    expect(isLeadImageOriginal('logo.CBedeqKw.png')).toBe(false);
  });
  it("gives a thumbnail the caption as alt text, never the headline beside it, and says how the picture was chosen", () => {
    expect(thumbnailAlt({ caption: 'The harbour' })).toBe('The harbour');
    expect(thumbnailAlt({})).toBe('');
    expect(imageBasisLabel({ basis: 'editor', evidence: { rule: 'sidecar' } })).toBe('set by an editor');
    expect(imageBasisLabel({ basis: 'page', evidence: { rule: 'og:image' } })).toBe('the page’s share image (og:image)');
    expect(imageBasisLabel({ basis: 'page', evidence: { rule: 'figure' } })).toBe('the article’s first figure');
  });
  it('keeps the lead image in the card a shard lists an article by', () => {
    const image = { file: '../images/0123456789abcdef.jpg', alt: 'A', basis: 'editor' as const, evidence: { rule: 'sidecar' } };
    const entry = { id: 'a', body: 'Text.', data: { headline: 'H', publisher: { basis: 'unknown' }, published: { precision: 'unknown', basis: 'unknown' }, standfirst: [], source: { path: 'a.txt' }, image } } as unknown as Entry;
    expect(articleCard(entry).data.image).toEqual(image);
    const without = { ...entry.data };
    delete without.image;
    expect('image' in articleCard({ ...entry, data: without }).data).toBe(false);
  });
});
