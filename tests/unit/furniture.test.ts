import { describe, expect, it } from 'vitest';
import { isFurnitureSentence, isStamp } from '../../src/lib/knowledge/furniture.ts';

const at = (sentence: string, words: string): [string, number, number] => {
  const start = sentence.indexOf(words);
  return [sentence, start, start + words.length];
};

describe('page furniture in running text', () => {
  it('knows reader comments and share counters', () => {
    expect(isFurnitureSentence('March 21, 2011 at 2:27 pm | Reply I agree with Bianca.')).toBe(true);
    expect(isFurnitureSentence('May 4, 2011 at 10:40 am | Report abuse | Both sides are amongst civilians.')).toBe(true);
    expect(isFurnitureSentence('12:35 pm ET February 11, 2013 RETWEET What has been banned?')).toBe(true);
    expect(isFurnitureSentence('The council will reply to the letter on Monday.')).toBe(false);
    expect(isFurnitureSentence('Rebels entered the city at 2:30 pm on Sunday, witnesses said.')).toBe(false);
  });
  it('knows a post or update stamp from the date of an event', () => {
    expect(isStamp(...at('March 21, 2011 at 2:27 pm | The strikes went on.', 'March 21, 2011'))).toBe(true);
    expect(isStamp(...at('(4:31 p.m. Monday ET, 10:31 p.m. in Libya) The admiral said the strikes went on.', 'Monday'))).toBe(true);
    expect(isStamp(...at('The admiral said on Monday that the strikes went on.', 'Monday'))).toBe(false);
    expect(isStamp(...at('The ceasefire (agreed on Monday) held until noon.', 'Monday'))).toBe(false);
  });
});
