import { describe, expect, it } from 'vitest';
import { chooseTitle, titleCost, titleFlaws, trimTitle } from '../../src/lib/knowledge/titling.ts';

describe('trimTitle', () => {
  it('takes off leading datelines, labels, timestamps and date stamps, and nothing else', () => {
    expect(trimTitle('CAIRO, Egypt (CNN) -- Egyptian President Hosni Mubarak resigned on Friday, handing power to the military, Vice President Omar Suleiman said.')).toBe(
      'Egyptian President Hosni Mubarak resigned on Friday, handing power to the military.',
    );
    expect(trimTitle('Tue Mar 1, 2011 5:29 pm IST ABIDJAN/DAKAR (Reuters) - The port city was shelled for a third day.')).toBe('The port city was shelled for a third day.');
    expect(trimTitle('9:00 am ET - The council voted to close the old bridge to traffic.')).toBe('The council voted to close the old bridge to traffic.');
    expect(trimTitle('UPDATE: Flood waters reached the town centre overnight.')).toBe('Flood waters reached the town centre overnight.');
    expect(trimTitle('The harbour board (the port authority) approved the budget, according to local media.')).toBe('The harbour board approved the budget.');
  });
  it('never adds a word: every word it keeps is the sentence’s own, in order', () => {
    const sentence = 'BERLIN, March 6 (Reuters) - Ministers agreed to freeze the assets of the ruling family, officials said on Monday.';
    const kept = trimTitle(sentence).replace(/[.,]/g, '').split(' ');
    const source = sentence.replace(/[.,]/g, '').split(' ');
    let at = 0;
    for (const word of kept) {
      at = source.indexOf(word, at);
      expect(at, word).toBeGreaterThanOrEqual(0);
    }
  });
  it('keeps an attribution it cannot lose without leaving too little', () => {
    expect(trimTitle('Ten died, police said.')).toBe('Ten died, police said.');
  });
});

describe('titleFlaws', () => {
  it('finds what makes a sentence a poor title', () => {
    expect(titleFlaws('And they have built up these -- these obligations, pensions, kind of snuck up on people…')).toContain('fragment');
    expect(titleFlaws('By Amir Ahmed, CNN Demonstrators clash with police in the square')).toContain('furniture');
    expect(titleFlaws('Black Hawks bring relief from above - 8 hrs ago The Daily Example US troops land')).toContain('furniture');
    expect(titleFlaws('11th Day of Unrest Aired February 4, 2011 - 20:00 ET THIS IS A RUSH TRANSCRIPT')).toContain('transcript');
    expect(titleFlaws('BLITZER: Let us go straight to the square now for the latest.')).toContain('transcript');
    expect(titleFlaws('I look into the eyes of each one of you, and everyone is different today')).toContain('first-person');
    expect(titleFlaws('Will Tunisia be next?')).toEqual(expect.arrayContaining(['question', 'short']));
    expect(titleFlaws('“We will not leave until he goes,” a protester in the square said.')).toContain('quotation');
    expect(titleFlaws('They marched to the palace after dark.')).toContain('anaphoric');
  });
  it('finds none in a plain report, and reads "US" as the country', () => {
    expect(titleFlaws('The US and its allies launched air strikes on coastal targets.')).toEqual([]);
    expect(titleFlaws('Dr Murray found the singer unconscious in the bedroom of his mansion.')).toEqual([]);
    expect(titleCost('Dr Murray found the singer unconscious in the bedroom of his mansion.')).toBe(0);
  });
});

describe('chooseTitle', () => {
  const tokens = (s: string): Set<string> => new Set(s.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const option = (sentence: string, clause = sentence, penalty = 0) => ({ sentence, clause, tokens: tokens(sentence), penalty });
  it('prefers a clean report over a quotation, a question or chatter, whatever the order', () => {
    const options = [
      option('“We will stay in the square until he resigns,” one protester said.'),
      option('Will the president resign before the weekend?'),
      option('Protesters stayed in the square overnight as the president refused to resign.'),
    ];
    expect(chooseTitle(options)?.index).toBe(2);
    expect(chooseTitle([...options].reverse())?.index).toBe(0);
  });
  it('among clean titles, takes the one most like the others, so a sentence about something else is not chosen', () => {
    const options = [
      option('The finance minister presented the annual budget to parliament.'),
      option('Rescue teams pulled survivors from the collapsed hotel in the capital.'),
      option('Survivors were pulled from the collapsed hotel by rescue teams working overnight.'),
      option('Rescue teams searched the collapsed hotel for survivors in the capital.'),
    ];
    expect(chooseTitle(options)?.index).not.toBe(0);
  });
  it('offers the clause first, and the trimmed sentence when the clause is a fragment', () => {
    expect(chooseTitle([option('On Monday the council approved the budget.', 'The council approved the budget')])?.text).toBe('The council approved the budget');
    expect(chooseTitle([option('Officials said the council approved the new budget on Monday.', 'approved the new budget')])?.text).toBe('Officials said the council approved the new budget on Monday.');
  });
});

describe('titleFlaws on cut clauses', () => {
  it('knows a clause that ends on a word needing what was cut', () => {
    expect(titleFlaws('The next hearing has been set for')).toContain('fragment');
    expect(titleFlaws('The next hearing has been set for April')).not.toContain('fragment');
  });
});

describe('update stamps', () => {
  it('are trimmed from the start of a title, and a title that keeps one is furniture', () => {
    expect(trimTitle('Page last updated at 10:39 GMT, Wednesday, 28 September 2011 11:39 UK The jury heard the emergency call.')).toBe('The jury heard the emergency call.');
    expect(trimTitle('8 November 2011 Last updated at 11:01 GMT Help The family left court after the verdict.')).toBe('The family left court after the verdict.');
    expect(titleFlaws('The verdict came at noon. Last updated at 06:28')).toContain('furniture');
  });
});
