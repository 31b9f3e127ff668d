import { decodeHTMLStrict } from 'entities';

/**
 * Text clean-up that changes no words: line ends, invisible and odd spaces,
 * and the stray space scrapers leave before a possessive ("Kim Jong Un 's").
 * Line count is preserved, so line numbers still point into the seed as an
 * editor opens it.
 */

/** Splits on CRLF, lone CR and LF alike. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const STRAY_POSSESSIVE = /(\p{L}) (['\u2019]s)(?!\p{L})/gu;

/** One line, cleaned: no zero-width characters, single plain spaces, trimmed. */
export function normalizeLine(line: string): string {
  return line
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACE, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(STRAY_POSSESSIVE, '$1$2')
    .trim();
}

const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * A comparison key: two lines with the same key say the same thing and differ
 * only in quotes, apostrophes, dashes, case or spacing.
 */
export function foldKey(text: string): string {
  return normalizeLine(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(SINGLE_QUOTES, '')
    .replace(DOUBLE_QUOTES, '')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:;,]+$/, '')
    .trim();
}

/** True when the text uses typographic (curly) quotes or apostrophes. */
export function hasTypographicQuotes(text: string): boolean {
  return /[\u2018\u2019\u201C\u201D]/.test(text);
}

/** Words in the text (letters and digits, with inner apostrophes and hyphens). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['\u2019\-.][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Formatting tags a scraper leaves in text; they carry no words. */
const FORMATTING_TAG =
  /<\/?(?:p|br|span|div|em|strong|b|i|u|s|small|big|sup|sub|font|hr|wbr|abbr|cite|mark|ins|del|strike|center|h[1-6]|li|ul|ol|section|article|header|footer|figure|figcaption|blockquote|tr|td|th|tbody|thead|table)\b(?:\s+(?:class|style|id|dir|lang|align|title)\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))*\s*\/?>/gi;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/**
 * Undoes HTML left in a plain-text scrape: comments and formatting tags
 * (`<br>`, `</p>`, `<span class="x">`) go, entities (`&amp;`, `&#8217;`)
 * become their characters. Any other tag, or a formatting tag with other
 * attributes (`onerror=`, `href=`), is not stray formatting but text the
 * article shows, and stays as visible text.
 */
export function unmarkLine(line: string): string {
  if (!line.includes('<') && !line.includes('&')) return line;
  return decodeHTMLStrict(line.replace(HTML_COMMENT, ' ').replace(FORMATTING_TAG, ' '));
}
