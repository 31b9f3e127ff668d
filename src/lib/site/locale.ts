/**
 * How the site writes dates and numbers in the language a site sets
 * (`language` in `content/site.yaml`, a BCP 47 tag). Plain `en`, the
 * default, writes them as the site always has, in the British English of its
 * interface ("22 August 2025", "22 Aug", "1,234"); any other tag is written
 * by Intl in that locale ("22. August 2025" for `de`, "2025년 8월 22일" for
 * `ko`, "August 22, 2025" for `en-US`). Dates are calendar dates, never
 * instants: no time zone moves them.
 */

/** The default language: the interface's own English. */
export const DEFAULT_LANGUAGE = 'en';

export interface SiteLocale {
  /** The BCP 47 tag. */
  language: string;
  /** "22 August 2025", "August 2025", "2025": `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, said to exactly that precision. */
  date(iso: string): string;
  /** "22 Aug", or "22 Aug 2025" with the year: a short day for lists of figures. */
  shortDay(iso: string, withYear: boolean): string;
  /** A count: "1,234". */
  number(n: number): string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const parts = (iso: string): { y: string; m: number | undefined; d: number | undefined } => {
  const [y = '', m, d] = iso.split('-');
  return { y, m: m === undefined ? undefined : Number(m), d: d === undefined ? undefined : Number(d) };
};

/** The site's own English (`en`). */
const ENGLISH: SiteLocale = {
  language: DEFAULT_LANGUAGE,
  date(iso) {
    const { y, m, d } = parts(iso);
    const month = m === undefined ? undefined : MONTHS[m - 1];
    if (month === undefined) return y;
    return d === undefined ? `${month} ${y}` : `${d} ${month} ${y}`;
  },
  shortDay(iso, withYear) {
    const { y, m, d } = parts(iso);
    return `${d ?? ''} ${m === undefined ? '' : (SHORT_MONTHS[m - 1] ?? '')}${withYear ? ` ${y}` : ''}`;
  },
  number: (n) => n.toLocaleString('en-US'),
};

/** Dates and numbers in `language`: `ENGLISH` for `en`, else Intl's formats for the tag. */
export function siteLocale(language: string = DEFAULT_LANGUAGE): SiteLocale {
  if (language === DEFAULT_LANGUAGE) return ENGLISH;
  // Calendar dates as UTC midnights, formatted in UTC, so the day never shifts.
  const format = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
  const day = format({ day: 'numeric', month: 'long', year: 'numeric' });
  const month = format({ month: 'long', year: 'numeric' });
  const year = format({ year: 'numeric' });
  const short = format({ day: 'numeric', month: 'short' });
  const shortYear = format({ day: 'numeric', month: 'short', year: 'numeric' });
  const numbers = new Intl.NumberFormat(language);
  const at = (iso: string): Date => {
    const { y, m, d } = parts(iso);
    return new Date(Date.UTC(Number(y), (m ?? 1) - 1, d ?? 1));
  };
  return {
    language,
    date(iso) {
      const { m, d } = parts(iso);
      return (m === undefined ? year : d === undefined ? month : day).format(at(iso));
    },
    shortDay: (iso, withYear) => (withYear ? shortYear : short).format(at(iso)),
    number: (n) => numbers.format(n),
  };
}

/**
 * The Open Graph locale (`language_TERRITORY`): `en_GB` for the default
 * English, else the tag's most likely territory (`de` → `de_DE`, `ko` →
 * `ko_KR`), or the language alone when there is none.
 */
export function ogLocale(language: string): string {
  if (language === DEFAULT_LANGUAGE) return 'en_GB';
  const likely = new Intl.Locale(language).maximize();
  return likely.region ? `${likely.language}_${likely.region}` : likely.language;
}
