/**
 * Page furniture that survives into running text when a page is saved as
 * one line (research corpora, some text dumps): reader comments with their
 * post stamps ("March 21, 2011 at 2:27 pm | Reply …"), share counters
 * ("RETWEET"), and live-blog entry stamps ("(4:31 p.m. Monday ET, 10:31 p.m.
 * in Libya)"). A post stamp dates a comment or an update, not an event, so
 * the timeline never reads one as the date of what happened; a sentence of
 * comment furniture is never a citation. (The literature's advice for live
 * blogs and transcripts: drop timestamp lines and blog furniture before
 * tagging dates; Ghalandari and Ifrim 2020, §4.)
 */

/** Words that only page furniture writes beside a post: comment widgets and share buttons. */
const FURNITURE = /\|\s*(?:Reply|Report abuse|Permalink|Flag)\b|\b(?:Report abuse|RETWEET|Retweet this|Reply to this|Log in to reply|Sign in to comment)\b|\bat\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\|/i;

/** A clock time, as post stamps write it: "2:27 pm", "11:39 p.m.", "20:00". */
const CLOCK = String.raw`\d{1,2}(?::\d{2})\s*(?:[ap]\.?m\.?)?`;

/** A time zone or "local" after a clock time, as live blogs write it. */
const ZONE = String.raw`(?:ET|EST|EDT|GMT|UTC|BST|CET|PT|local(?:\s+time)?)`;

/**
 * A newspaper page's notes to readers, which one-line saves run into the
 * last sentence: the print-edition note ("This article appeared on p4 of the
 * Main section"), contact lines ("Letters for publication should be sent
 * to", "Call the main … switchboard", an e-mail address), prompts to review,
 * comment or follow ("Write your review of this or any other book", "Follow
 * … on Twitter").
 */
const READER_NOTES = /\bappeared (?:on|in) (?:p|page\s*)\d+ of\b|\bLetters for publication\b|\bswitchboard\b|[\w.+-]+@[\w-]+\.[\w.]+|\bWrite your (?:review|comment)\b|\bFollow (?:us|[\w’'. ]{1,60}?) on (?:Twitter|Facebook|Instagram)\b/i;

/** True when the sentence is page furniture: a reader comment with its widget words, a share counter, or a note to readers. */
export function isFurnitureSentence(sentence: string): boolean {
  return FURNITURE.test(sentence) || READER_NOTES.test(sentence);
}

/**
 * True when the temporal at `[start, end)` of `sentence` is a post or update
 * stamp: followed by a clock time and a `|` ("March 21, 2011 at 2:27 pm |"),
 * standing inside a parenthesis that holds a clock time with a time zone
 * ("(4:31 p.m. Monday ET, …)"), or the date of a page's own publication or
 * update line, before or after its words ("Page last updated at 07:48 GMT,
 * Tuesday, 8 November 2011", "8 November 2011 Last updated at 14:07 GMT",
 * "Published: 3 May 2011"): a stamp of the page, not of what happened.
 */
export function isStamp(sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end, end + 40);
  const before = sentence.slice(0, start);
  const clock = String.raw`(?:${CLOCK}\s*(?:${ZONE})?\s*,?\s*)?`;
  const stampWords = String.raw`(?:\blast\s+updated(?:\s+(?:at|on))?\s*:?|\b(?:updated|published|posted)\s*:|^\s*(?:(?:first\s+)?published|posted|updated)(?:\s+(?:at|on))?)`;
  if (new RegExp(String.raw`${stampWords}\s*${clock}$`, 'i').test(before)) return true;
  if (new RegExp(String.raw`^\s*,?\s*${clock}(?:last\s+updated|updated\s*(?::|at\b))`, 'i').test(after)) return true;
  if (new RegExp(String.raw`^\s*,?\s*(?:at\s+)?${CLOCK}\s*(?:${ZONE})?\s*\|`, 'i').test(after)) return true;
  if (/^\s*\|/.test(after)) return true;
  const open = sentence.lastIndexOf('(', start);
  const close = sentence.indexOf(')', end);
  if (open >= 0 && close >= end && sentence.slice(open, start).indexOf(')') === -1) {
    const inside = sentence.slice(open + 1, close);
    if (new RegExp(`${CLOCK}\\s*(?:[^)]{0,20}\\s)?${ZONE}\\b`, 'i').test(inside)) return true;
  }
  return false;
}
