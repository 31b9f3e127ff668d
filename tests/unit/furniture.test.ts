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
    expect(isFurnitureSentence('This article appeared on p16 of the Home section of the Daily Example on 11 May.')).toBe(true);
    expect(isFurnitureSentence('Write your review of this or any other book, find out what other readers thought.')).toBe(true);
    expect(isFurnitureSentence('Letters for publication should be sent to: letters@example.com')).toBe(true);
    expect(isFurnitureSentence('Follow all the top stories of the day on Twitter with our world news desk.')).toBe(true);
    expect(isFurnitureSentence('The minister said the report appeared in print on Monday.')).toBe(false);
    expect(isFurnitureSentence('Protesters began to follow the convoy on Tuesday.')).toBe(false);
  });
  it('knows a post or update stamp from the date of an event', () => {
    expect(isStamp(...at('March 21, 2011 at 2:27 pm | The strikes went on.', 'March 21, 2011'))).toBe(true);
    expect(isStamp(...at('(4:31 p.m. Monday ET, 10:31 p.m. in Libya) The admiral said the strikes went on.', 'Monday'))).toBe(true);
    expect(isStamp(...at('The admiral said on Monday that the strikes went on.', 'Monday'))).toBe(false);
    expect(isStamp(...at('The ceasefire (agreed on Monday) held until noon.', 'Monday'))).toBe(false);
  });

  it('knows the date of a page\'s own publication or update line', () => {
    expect(isStamp(...at('Page last updated at 07:48 GMT, Tuesday, 8 November 2011 The trial went on.', 'Tuesday, 8 November 2011'))).toBe(true);
    expect(isStamp(...at('8 November 2011 Last updated at 14:07 GMT The jury returned.', '8 November 2011'))).toBe(true);
    expect(isStamp(...at('Published: 3 May 2011. The talks resumed.', '3 May 2011'))).toBe(true);
    expect(isStamp(...at('Posted on March 3, 2011 by the desk. The talks resumed.', 'March 3, 2011'))).toBe(true);
    expect(isStamp(...at('The ministry updated on Tuesday its count of the dead.', 'Tuesday'))).toBe(false);
    expect(isStamp(...at('The video was posted on Monday and seen widely.', 'Monday'))).toBe(false);
    expect(isStamp(...at('On Monday updated figures showed more dead.', 'Monday'))).toBe(false);
  });
});
