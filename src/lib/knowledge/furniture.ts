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

/** True when the sentence is page furniture: a reader comment with its widget words, or a share counter. */
export function isFurnitureSentence(sentence: string): boolean {
  return FURNITURE.test(sentence);
}

/**
 * True when the temporal at `[start, end)` of `sentence` is a post or update
 * stamp: followed by a clock time and a `|` ("March 21, 2011 at 2:27 pm |"),
 * or standing inside a parenthesis that holds a clock time with a time zone
 * ("(4:31 p.m. Monday ET, …)").
 */
export function isStamp(sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end, end + 40);
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
