import { describe, expect, it } from 'vitest';
import { findPublisher } from '../../src/lib/ingest/publisher.ts';
import { findAgencies, agencyIn } from '../../src/lib/ingest/agencies.ts';
import { segment } from '../../src/lib/ingest/segment.ts';

const publisherOf = (text: string) => findPublisher(segment(text));

describe('findPublisher', () => {
  it.each([
    ['Support The Harbour Times!\nStory text here.', 'The Harbour Times', 'appeal-signature'],
    ['Story text here.\nA Message from The Valley Post:\nWe need you.', 'The Valley Post', 'appeal-signature'],
    ['Story text here.\n© 2024 Harbor Gazette', 'Harbor Gazette', 'copyright-line'],
    ['Story text here.\nCopyright 2025 The Associated Press. All rights reserved.', 'The Associated Press', 'copyright-line'],
    ['Story text here.\nSign up for The Ledger’s free daily newsletter', 'The Ledger', 'newsletter-signature'],
    ['Story text here.\n© kphl.news 2025', 'kphl.news', 'copyright-line'],
  ])('%j → %s', (text, name, rule) => {
    const guess = publisherOf(text);
    expect(guess?.name).toBe(name);
    expect(guess?.evidence.rule).toBe(rule);
  });
  it('reads a wire dateline only when the page signs nothing', () => {
    expect(publisherOf('KYIV, Ukraine (AP) — Shelling went on.')).toMatchObject({ name: 'Associated Press', evidence: { rule: 'wire-dateline', line: 1 } });
    expect(publisherOf('KYIV (Reuters) - Shelling went on.\n© 2025 Daily Planet')?.name).toBe('Daily Planet');
  });
  it('does not take slogans or reporting for names', () => {
    expect(publisherOf('Support Independent Journalism!\nSupport us today')).toBeUndefined();
    expect(publisherOf('The minister said he would support the plan.\nA message from our editors')).toBeUndefined();
  });
  it('gives no name where the copyright line is signed by a company, a year or an author', () => {
    expect(publisherOf('Story text here.\n© 2024 Harbour Media Group Limited')).toBeUndefined();
    expect(publisherOf('Story text here.\n© 2024 Example Publishing, LLC. All rights reserved.')).toBeUndefined();
    expect(publisherOf('Story text here.\n© 2004-2019 All rights reserved.')).toBeUndefined();
    expect(publisherOf('Chapter text here.\nA note from Quillwright')).toBeUndefined();
    expect(publisherOf('Story text here.\n© Copyright 2006 - 2024 Harbor Gazette')?.name).toBe('Harbor Gazette');
    expect(publisherOf('Story text here.\nCopyright © 1998 - 2016 Harbor Gazette. All Rights Reserved')?.name).toBe('Harbor Gazette');
  });
  it('lets the name given most often win', () => {
    expect(publisherOf('Support The Daily Star!\n© 2025 Star Media Group\nA Message from The Daily Star:')?.name).toBe('The Daily Star');
  });
});

describe('agencies', () => {
  it('finds wire datelines, verification sentences, credits and citations', () => {
    const body = segment('SEOUL (Reuters) - Talks resumed.\nReuters could not independently verify the footage.\nThe report was carried by Yonhap, according to Yonhap News Agency officials.\nThe Korean Central News Agency (KCNA) described the men as heroes.');
    const credits = segment('KCNA\nPhoto: AFP');
    expect(findAgencies(body, credits).map((a) => `${a.name}:${a.role}`)).toEqual(['KCNA:images', 'AFP:images', 'Reuters:source', 'Yonhap:cited', 'KCNA:cited']);
  });
  it('does not read short forms outside credit shapes', () => {
    expect(agencyIn('The AP exam results were released.', 'cited')).toBeUndefined();
    expect(agencyIn('WASHINGTON (AP) — The vote passed.', 'dateline')).toEqual({ name: 'Associated Press', quote: 'WASHINGTON (AP) —' });
  });
});
