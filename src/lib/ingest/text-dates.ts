/**
 * The publication date of a text read where a reader looks for it: the dated
 * line beside the headline. htmldate (A. Barbaresi, JOSS 5(51), 2020) reads
 * dates "in text near the headline or byline" after the markup; a text has no
 * markup, so the byline or dateline under the headline ("By Jane Doe | March
 * 3, 2019", "Published 24 July 2015", "Apr 16, 2015 8:02 pm UTC") or just
 * above it (a blog's day header) is the strongest evidence it holds. Dates
 * introduced as an update ("Updated: …", "Last modified …") are not the
 * publication's and are passed over. Pure, no clock: the date reading and its
 * lower bound are `page-dates.ts`'s.
 */
import { datesInText, publicationDateInText, type TextDate } from './page-dates.ts';

/** A block of the text: its words and its 1-based first and last line. */
export interface TextBlock {
  text: string;
  lines: readonly [number, number];
}

/** A date read beside the headline, with what it was read from. */
export interface HeadlineDate {
  date: string;
  quote: string;
  line: number;
  note: string;
}

/** How many blocks after the headline a byline or dateline may stand (a dek, a credit, a share bar may come first). */
export const BLOCKS_AFTER = 8;
/** How many blocks before it (a blog's day header, a section label). */
export const BLOCKS_BEFORE = 3;
/** A line longer than this is prose: only a dateline opening it ("Feb. 23, 2015 -- …") is read. */
const SHORT_LINE = 120;
/** At most this many words besides the date, times, zones and labels: a byline or dateline, not a sentence or another story's headline. */
const MAX_OTHER_WORDS = 7;

const CLOCK = /\b\d{1,2}(?::\d\d){1,2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?|\b\d{1,2}h\d\d\b/gi;
const LABEL = /^(?:published|posted|updated|first|last|on|at|by|date|dated|time|am|pm|utc|gmt|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|min|read|minutes?|à|le|um|el|de)$/i;
/** A time zone ("EST", "PDT", "CET"). */
const ZONE = /^[A-Z]{1,3}T$/;

/** Whether a short line reads as a dateline or byline: its date plus few other words. */
function headerShaped(text: string, dates: readonly TextDate[]): boolean {
  let rest = text;
  for (const d of dates) rest = rest.replace(d.quote, ' ');
  const words = rest
    .replace(CLOCK, ' ')
    .split(/[\s,|·•:;()/\\@–—-]+/)
    .filter((w) => /\p{L}/u.test(w) && !LABEL.test(w.replace(/\.$/, '')) && !ZONE.test(w));
  return words.length <= MAX_OTHER_WORDS;
}

/**
 * The publication date on the lines beside the headline: for each of its
 * blocks `headlines` in turn (where the headline stands first, then where the
 * text repeats it: a page's title, then its article's heading), the nearest of
 * the `BLOCKS_AFTER` blocks after it, then the nearest of the `BLOCKS_BEFORE`
 * before it, whose short line is a dateline or byline with a
 * full date (a date a publication cue introduces, or the first one not
 * introduced by an update cue), or whose prose opens with a news dateline
 * ("Feb. 23, 2015 -- …"); failing those, the same on the body's first
 * paragraph `bodyStart` and the `BLOCKS_AFTER` blocks above it; failing
 * those, the first byline ("By Jane Doe") with such a date on it or on a line
 * beside it. Blocks are read whatever later stages make of them
 * (a byline is dropped from the body, but its date is still the page's).
 * Undefined when no such line is there.
 */
export function dateNearHeadline(blocks: readonly TextBlock[], headlines: readonly number[], bodyStart?: number): HeadlineDate | undefined {
  const range = (from: number, step: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + step * k);
  for (const headline of new Set(headlines)) {
    const found = firstDateline(blocks, [...range(headline + 1, 1, BLOCKS_AFTER), ...range(headline - 1, -1, BLOCKS_BEFORE)], headline);
    if (found) return found;
  }
  // Where the headline is not found, the body's first paragraph and the lines just above it head the article.
  const atBody = bodyStart === undefined ? undefined : firstDateline(blocks, range(bodyStart, -1, BLOCKS_AFTER + 1), undefined);
  if (atBody) return atBody;
  // Failing both, the first byline ("By Jane Doe", "by Jane Doe July 10, 2015") with a dated line on it or next to it.
  for (const [i, block] of blocks.entries()) {
    if (block.text.length > SHORT_LINE || !BYLINE.test(block.text)) continue;
    const found = firstDateline(blocks, [i, i + 1, i - 1, i + 2, i - 2, i + 3], undefined);
    if (found) return { ...found, note: 'The byline, or a dateline beside it, gives the date.' };
  }
  return undefined;
}

/** A byline: "By" and a capitalised name, or "By" alone on its line with the name on the next. */
const BYLINE = /^by(?:\s+\p{Lu}|:?$)/iu;

function firstDateline(blocks: readonly TextBlock[], order: readonly number[], headline: number | undefined): HeadlineDate | undefined {
  for (const i of order.filter((k) => k >= 0 && k < blocks.length)) {
    const block = blocks[i]!;
    const text = block.text;
    const first = datesInText(text.slice(0, 40))[0];
    if (first && first.index === 0 && /^\s*(?:--|—|–)\s/.test(text.slice(first.quote.length))) {
      return { date: first.date, quote: first.quote, line: block.lines[0], note: 'A paragraph at the head of the article opens with the date as a news dateline.' };
    }
    if (text.length > SHORT_LINE) continue;
    const dates = datesInText(text);
    if (dates.length === 0) continue;
    const found = publicationDateInText(text, undefined, headerShaped(text, dates));
    if (found) {
      const where = headline === undefined ? 'above the body text' : i > headline ? 'under the headline' : 'above the headline';
      return { date: found.date, quote: found.quote, line: block.lines[0], note: `The dateline or byline ${where} gives the date.` };
    }
  }
  return undefined;
}
