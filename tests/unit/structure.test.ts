import { describe, expect, it } from 'vitest';
import { classify, isByline, isDateline, overlapWithNext } from '../../src/lib/ingest/structure.ts';
import { segment } from '../../src/lib/ingest/segment.ts';

function kinds(text: string, headline = 0): string[] {
  const blocks = segment(text);
  const map = classify(blocks, blocks.map((_, i) => i), headline);
  return blocks.map((_, i) => (i === headline ? 'headline' : (map.get(i) ?? '?')));
}

describe('classify', () => {
  it('finds a standfirst without closing punctuation and a credit under the headline', () => {
    expect(kinds('Storm Closes Airport\nFlights are cancelled across the region as winds reach record speeds\nAFP\nThe airport closed on Monday.')).toEqual([
      'headline',
      'standfirst',
      'credit',
      'paragraph',
    ]);
  });
  it('takes a closed one-sentence dek as standfirst only when the next paragraph repeats its words', () => {
    const dek = 'Regulators approved the offshore wind farm after a two-year review.';
    expect(kinds(`Wind Farm Approved\n${dek}\nRegulators approved the offshore wind farm on Wednesday after a review of two years.`)[1]).toBe('standfirst');
    expect(kinds(`Wind Farm Approved\n${dek}\nFishing groups had opposed the turbines for months.`)[1]).toBe('paragraph');
  });
  it('treats lines before the headline as header lines', () => {
    expect(kinds('A summary that comes first and sets the scene\nThe Headline Itself\nBody text follows here.', 1)).toEqual(['standfirst', 'headline', 'paragraph']);
  });
  it('finds captions and headings only in a body of closed sentences', () => {
    const text = [
      'Volcano Erupts',
      'The volcano erupted before dawn on Sunday, sending ash into the sky above the island.',
      'Residents board a ferry at the harbour',
      'Authorities evacuated four villages and closed the airport, officials said on Sunday.',
      'What Comes Next',
      'Scientists said further eruptions could not be ruled out in the coming days.',
    ].join('\n');
    expect(kinds(text)).toEqual(['headline', 'paragraph', 'caption', 'paragraph', 'heading', 'paragraph']);
  });
  it('keeps a list of unclosed items in the body, where a lone unclosed line would be a caption', () => {
    const text = [
      'Volcano Erupts',
      'The volcano erupted before dawn on Sunday, sending ash into the sky above the island.',
      'Officials gave residents three pieces of advice:',
      'stay indoors with the windows closed',
      'wear a mask when going outside',
      'keep a bag packed in case of evacuation',
      'Authorities evacuated four villages and closed the airport, officials said on Sunday.',
      'Residents board a ferry at the harbour',
      'Scientists said further eruptions could not be ruled out in the coming days, and that the ash cloud would drift east over the sea by Tuesday.',
      'The last eruption on the island, eleven years ago, closed the airport for a week and covered the fields on its eastern side in a thick layer of ash.',
    ].join('\n');
    expect(kinds(text)).toEqual(['headline', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'caption', 'paragraph', 'paragraph']);
  });
  it('keeps a sentence that introduces a quotation in the body, though it ends with a colon', () => {
    const text = [
      'Volcano Erupts',
      'The volcano erupted before dawn on Sunday, sending ash into the sky above the island.',
      'The mayor, who has lived on the island all her life, told reporters on the quay:',
      'Authorities evacuated four villages and closed the airport, officials said on Sunday.',
      'Scientists said further eruptions could not be ruled out in the coming days.',
    ].join('\n');
    expect(kinds(text)).toEqual(['headline', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });
  it('leaves everything a paragraph in text that does not close its sentences', () => {
    const text = 'Notes From the Field\nwe walked to the river and back\nthe water was high again today\nno boats went out';
    expect(kinds(text).slice(1).every((k) => k === 'paragraph' || k === 'standfirst')).toBe(true);
    expect(kinds(text)).not.toContain('caption');
  });
});

describe('overlapWithNext', () => {
  it('is the share of content words the next paragraph repeats', () => {
    expect(overlapWithNext('Troops deployed to Kursk', 'The troops were deployed to Kursk region.')).toBe(1);
    expect(overlapWithNext('Troops deployed to Kursk', undefined)).toBe(0);
    expect(overlapWithNext('Troops deployed to Kursk', 'Nothing in common here.')).toBe(0);
  });
});

describe('datelines and bylines', () => {
  it.each(['Published 23 August 2025, 10:04 GMT', 'Aug 22, 2025', 'Updated: 2025-08-23 09:00', 'Friday, August 22, 2025 · 5 min', '3 hours ago'])(
    'dateline: %j',
    (t) => expect(isDateline(t)).toBe(true),
  );
  it.each(['The 2025 budget was passed in August.', 'August', 'Kursk, 2025'])('not a dateline: %j', (t) => expect(isDateline(t)).toBe(false));
  it.each(['By Jane Doe', 'By Jane Doe and John Roe, Reuters', 'Reporting by Jack Kim; Editing by Ed Lane'])('byline: %j', (t) => expect(isByline(t)).toBe(true));
  it.each(['By the end of the year, prices had doubled.', 'By'])('not a byline: %j', (t) => expect(isByline(t)).toBe(false));
  it('types them wherever they stand', () => {
    expect(kinds('Storm Closes Airport\nBy Jane Doe\nAugust 22, 2025\nThe airport closed on Monday.')).toEqual(['headline', 'byline', 'dateline', 'paragraph']);
  });
});
