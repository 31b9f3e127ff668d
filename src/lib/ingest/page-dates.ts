/**
 * Date strings of a saved page read as calendar dates: the string-level half
 * of the publication-date cascade in `html.ts`. The cascade follows htmldate
 * (A. Barbaresi, "htmldate: A Python package to extract publication dates from
 * web pages", JOSS 5(51), 2020): structured markup first, then dated elements,
 * the URL, dates written near the headline, and last the page's most frequent
 * plausible date ("extensive search"), every candidate checked against bounds.
 * Pure: no clock (the caller passes `today`).
 */
import { isRealCalendarDate } from '../schema.ts';

/** Before this no news page was published on the web: earlier dates are a CMS's placeholder or a date in the story. */
export const DATE_FLOOR = '1995-01-01';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Month names of the languages besides English that news pages are most
 * often written in (German, French, Spanish, Italian, Portuguese, Dutch), with
 * their usual abbreviations, by month; names English shares ("April",
 * "November") are read as English. Abbreviations that are English words
 * ("ago", "set", "out") are left out.
 */
const OTHER_MONTHS: readonly (readonly string[])[] = [
  ['januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'janeiro', 'januari'],
  ['februar', 'février', 'févr', 'fév', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari'],
  ['märz', 'mär', 'mrz', 'mars', 'marzo', 'março', 'maart'],
  ['avril', 'avr', 'abril', 'abr', 'aprile'],
  ['mai', 'mayo', 'maggio', 'maio', 'mei'],
  ['juni', 'juin', 'junio', 'giugno', 'junho'],
  ['juli', 'juillet', 'juil', 'julio', 'luglio', 'julho'],
  ['août', 'agosto', 'augustus'],
  ['septembre', 'septiembre', 'setiembre', 'settembre', 'setembro'],
  ['oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'outubro'],
  ['novembre', 'noviembre', 'novembro'],
  ['dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro'],
];

/** A month name or its abbreviation ("Mar", "Sept", "March", "Juli", "août") as `MM`; anything else is undefined. */
export function monthOf(name: string): string | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(n.slice(0, 3));
  if (i >= 0 && (FULL_MONTHS[i]!.startsWith(n) || n === 'sept')) return String(i + 1).padStart(2, '0');
  const j = OTHER_MONTHS.findIndex((names) => names.includes(n));
  return j < 0 ? undefined : String(j + 1).padStart(2, '0');
}

/** A weekday written between a month-day and its year, as blog platforms do ("Dec 28 Sat 2013"). */
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\\.?,?\\s+';

/** Day, month name, year: "14 March 2019", "14th Mar, 2019", "14. März 2019", "14 de marzo de 2019", "1er mars 2019", "21.dez.2018". */
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th|er|º)?(?:\.\s*|\s+(?:de\s+)?)(\p{L}{3,10})(?:\.\s*|\.?,?\s+(?:de\s+)?)(\d{4})(?!\d)/iu;

/**
 * A date value cut to its calendar date as written: "2025-08-23T23:30:00-07:00"
 * is 2025-08-23 (the value's own offset is kept, never converted), and so are
 * "Sat, 23 Aug 2025 10:00:00 GMT" (RFC 2822), "20250823", "2025/08/23",
 * "23.08.2025", "23 August 2025", "August 23, 2025 5:03 PM ET" and "Dec 28 Sat 2013". "2025-08"
 * and "2025" keep their precision. Slashed dates are read when their order
 * is plain ("2/26/2015", "26/02/2015": one number over 12) or the page's
 * `order` settles it ("08/09/2025" is refused without one); a two-digit year
 * ("3/09/15", htmldate's `correct_year`: 90-99 are the 1900s, the rest the
 * 2000s) only with an `order`. East Asian dates ("2016年10月14日") are read. Dates that are not real or are a CMS's empty value
 * (the Unix epoch, year 0) are refused; bounds are `plausibleDate`'s.
 */
export function calendarDate(raw: string, order?: DateOrder): string | undefined {
  const v = raw.trim();
  let m = v.match(/^(\d{4})(?:([-/.])(\d{2})(?:\2(\d{2}))?)?(?=$|[T\s+Z]|[-+]\d\d:?\d\d)/);
  let date: string | undefined;
  if (m) date = [m[1], m[3], m[4]].filter(Boolean).join('-');
  else if ((m = v.match(/^(\d{4})(\d{2})(\d{2})(?:$|T|\s)/))) date = `${m[1]}-${m[2]}-${m[3]}`;
  else if ((m = v.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/))) date = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  else if ((m = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/))) date = slashedDate(m[1]!, m[2]!, m[3]!, order);
  else if (order && (m = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/])/))) date = slashedDate(m[1]!, m[2]!, `${Number(m[3]) >= 90 ? 19 : 20}${m[3]}`, order);
  else if ((m = v.match(/((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/))) date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  else if ((m = v.match(DAY_MONTH_YEAR)) && monthOf(m[2]!)) date = `${m[3]}-${monthOf(m[2]!)}-${m[1]!.padStart(2, '0')}`;
  else if ((m = v.match(new RegExp(`\\b([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:${WEEKDAY})?(\\d{4})\\b`, 'i'))) && monthOf(m[1]!)) date = `${m[3]}-${monthOf(m[1]!)}-${m[2]!.padStart(2, '0')}`;
  if (!date || !isRealCalendarDate(date) || Number(date.slice(0, 4)) < 1800 || date.startsWith('1970-01-01')) return undefined;
  return date;
}

/**
 * The order of day and month a page writes its slashed dates in: month first
 * ("3/09/2015", US usage) or day first ("09/03/2015", most other locales).
 */
export type DateOrder = 'mdy' | 'dmy';

/**
 * A slashed `a/b/yyyy` date when only one order is a real date (htmldate swaps day and month when the month is over
 * 12), else in the page's `order` when it has one; else undefined.
 */
function slashedDate(a: string, b: string, year: string, order?: DateOrder): string | undefined {
  const x = Number(a);
  const y = Number(b);
  const ymd = (month: number, day: number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (x > 12 && y <= 12) return ymd(y, x);
  if (y > 12 && x <= 12) return ymd(x, y);
  if (x > 12 || y > 12) return undefined;
  return order === 'mdy' ? ymd(x, y) : order === 'dmy' ? ymd(y, x) : undefined;
}

/**
 * Whether a `YYYY[-MM[-DD]]` date can be a web page's publication date: not
 * before `DATE_FLOOR` and, when `today` (`YYYY-MM-DD`) is given, not after it.
 * A partial date is in bounds when some day of it is.
 */
export function plausibleDate(date: string, today?: string): boolean {
  if (date < DATE_FLOOR.slice(0, date.length)) return false;
  return today === undefined || date <= today.slice(0, date.length);
}

/**
 * A date in a URL's path: /2025/08/23/ is a day, /2025/08/ a month, /2025-08-23- or /20250823/ a day; else a
 * query value that opens with a compact day ("?a=20250823-35097838", an article id stamped with its day), which
 * htmldate reads as it reads the whole URL.
 */
export function dateInUrlPath(href: string): string | undefined {
  const path = URL.canParse(href) ? new URL(href).pathname : href;
  const query = URL.canParse(href) ? new URL(href).search : '';
  const month = `(0[1-9]|1[0-2]|${MONTHS.join('|')})`;
  const patterns = [
    new RegExp(`/((?:19|20)\\d\\d)/${month}/(0[1-9]|[12]\\d|3[01])(?=/|$|[-_.])`, 'i'),
    /\/((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=\/|$|[-_.])/,
    /[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\/|$|[-_.])/,
    /[-_]((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=\/|$|[-_.])/,
    new RegExp(`/((?:19|20)\\d\\d)/${month}(?=/)`, 'i'),
  ];
  for (const re of patterns) {
    const m = path.match(re);
    if (!m) continue;
    const mm = /^\d+$/.test(m[2]!) ? m[2]! : monthOf(m[2]!)!;
    const date = [m[1], mm, m[3]].filter(Boolean).join('-');
    if (isRealCalendarDate(date)) return date;
  }
  const q = query.match(/[?&][\w-]+=((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[-_.&#])/);
  const day = q ? `${q[1]}-${q[2]}-${q[3]}` : undefined;
  return day && isRealCalendarDate(day) ? day : undefined;
}

/** A full date written in running text, with what it was read from. */
export interface TextDate {
  date: string;
  quote: string;
  index: number;
}

const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?';
/** A word that may be a month name in any language `monthOf` reads (checked by `calendarDate`). */
const ANY_MONTH_NAME = '\\p{L}{3,10}';
/** Full dates as running text writes them: ISO, year-first slashed, day-first dotted, slashed (unambiguous or in the page's order; two-digit years only in it), East Asian, day-month-year and month-day-year. */
const TEXT_DATE = new RegExp(
  [
    '\\b(?:19|20)\\d\\d-\\d\\d-\\d\\d\\b',
    '\\b(?:19|20)\\d\\d/\\d\\d/\\d\\d\\b',
    '\\b\\d{1,2}\\.\\d{1,2}\\.(?:19|20)\\d\\d\\b',
    '\\b\\d{1,2}/\\d{1,2}/(?:19|20)\\d\\d\\b',
    '\\b\\d{1,2}/\\d{1,2}/\\d\\d(?![\\d/])',
    '(?:19|20)\\d\\d\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日',
    `\\b\\d{1,2}(?:st|nd|rd|th|er|º)?(?:\\.\\s*|\\s+(?:de\\s+)?)${ANY_MONTH_NAME}(?:\\.\\s*|\\.?,?\\s+(?:de\\s+)?)(?:19|20)\\d\\d(?!\\d)`,
    `\\b${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:${WEEKDAY})?(?:19|20)\\d\\d\\b`,
  ].join('|'),
  'giu',
);

/** Every full (day-precision) date written in `text`, in bounds, in text order; slashed dates are read in the page's `order` when it has one. */
export function datesInText(text: string, today?: string, order?: DateOrder): TextDate[] {
  const found: TextDate[] = [];
  for (const m of text.matchAll(TEXT_DATE)) {
    const date = calendarDate(m[0], order);
    if (date && date.length === 10 && plausibleDate(date, today)) found.push({ date, quote: m[0], index: m.index });
  }
  return found;
}

/** Words that introduce a publication date in a byline or dateline ("Published 14 March 2019", "Posted on …"). */
const PUBLISHED_CUE = /\b(?:published|posted|publication date|dated?)\b(?:\s+on)?\s*:?\s*$/i;
/** Words that introduce an update, whose date is not the publication's. */
const UPDATED_CUE = /\b(?:updated|modified|edited|revised|last changed)\b[^.]{0,20}$/i;

/**
 * The publication date written in a run of text near the headline or byline:
 * the first full date a publication cue introduces ("Published 14 March
 * 2019", "Posted on …"); else, when `uncued` (the text is a short dateline or
 * byline of its own), the first full date not introduced by an update cue
 * ("Updated …"). Slashed dates are read in the page's `order`. Undefined
 * when the text holds no such date.
 */
export function publicationDateInText(text: string, today?: string, uncued = true, order?: DateOrder): TextDate | undefined {
  const dates = datesInText(text, today, order);
  const before = (d: TextDate): string => text.slice(Math.max(0, d.index - 40), d.index);
  return dates.find((d) => PUBLISHED_CUE.test(before(d))) ?? (uncued ? dates.find((d) => !UPDATED_CUE.test(before(d))) : undefined);
}

/**
 * htmldate's "extensive search": the full date written most often in the
 * page's text, when it is written at least twice (a date written once is as
 * likely a date in the story as the page's own); ties go to the earliest
 * date, the original rather than a later update. Undefined otherwise.
 */
export function mostFrequentDate(text: string, today?: string): (TextDate & { count: number }) | undefined {
  const counts = new Map<string, { first: TextDate; count: number }>();
  for (const d of datesInText(text, today)) {
    const c = counts.get(d.date);
    if (c) c.count++;
    else counts.set(d.date, { first: d, count: 1 });
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count || a.first.date.localeCompare(b.first.date))[0];
  return best && best.count >= 2 ? { ...best.first, count: best.count } : undefined;
}
