/**
 * What the search index knows about an article besides its text: Pagefind
 * filters (facets), metadata shown with each result, and the sort key. The
 * article page writes these as `data-pagefind-*` attributes; the search page
 * reads them back from Pagefind.
 */
import type { SiteArticle as Article } from './site-article.ts';
import { formatPublished, publisherName } from './articles.ts';
import { siteLocale, type SiteLocale } from './locale.ts';

export interface SearchFacts {
  /** Facet name → values. Every article has a publisher and a year, so no facet leaves it out. */
  filters: Record<string, string[]>;
  /** Shown with each result. */
  meta: Record<string, string>;
  /** `date` sort key: the date padded to `YYYY-MM-DD`, undated `0000-00-00`, so undated articles sort last, not nowhere. */
  sort: { date: string };
}

/** The label undated articles carry in the year facet. */
export const UNDATED = 'Date unknown';

/** `extra` adds facets computed elsewhere, e.g. the people, places and organisations the article names; the date shown is written in `locale`. */
export function searchFacts(data: Article, extra: Record<string, string[]> = {}, locale: SiteLocale = siteLocale()): SearchFacts {
  const { date } = data.published;
  const filters: Record<string, string[]> = {
    publisher: [publisherName(data.publisher)],
    year: [date ? date.slice(0, 4) : UNDATED],
  };
  if (date && date.length >= 7) filters['month'] = [date.slice(0, 7)];
  const agencies = [...new Set(data.agencies.filter((a) => a.role !== 'cited').map((a) => a.name))];
  if (agencies.length > 0) filters['agency'] = agencies;
  for (const [name, values] of Object.entries(extra)) if (values.length > 0) filters[name] = [...new Set(values)];
  const inferred = (basis: string): string => (basis === 'inferred' ? ' (inferred)' : '');
  const meta: Record<string, string> = {
    publisher: `${publisherName(data.publisher)}${inferred(data.publisher.basis)}`,
    date: `${formatPublished(data.published, locale)}${inferred(data.published.basis)}`,
    precision: data.published.precision,
  };
  if (data.standfirst[0]) meta['standfirst'] = data.standfirst[0].text;
  const padded = date ? `${date}-00-00`.slice(0, 10) : '0000-00-00';
  return { filters, meta, sort: { date: padded } };
}

/** How a facet value reads: months and years as dates in `locale` ("August 2025"), everything else as it is. */
export function facetLabel(facet: string, value: string, locale: SiteLocale = siteLocale()): string {
  if (facet === 'month' && /^\d{4}-(?:0[1-9]|1[0-2])$/.test(value)) return locale.date(value);
  if (facet === 'year' && /^\d{4}$/.test(value)) return locale.date(value);
  return value;
}

/** Facets in the order the search page shows them; any others follow by name. */
export const FACET_ORDER = ['topic', 'story', 'publisher', 'year', 'month', 'people', 'places', 'organisations', 'agency'];

/** Facet values in reading order: dates newest first, the rest by count then name. */
export function orderFacetValues(facet: string, counts: Record<string, number>): [string, number][] {
  const entries = Object.entries(counts);
  if (facet === 'year' || facet === 'month') return entries.sort(([a], [b]) => (a === UNDATED ? 1 : b === UNDATED ? -1 : b.localeCompare(a)));
  return entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'));
}

/** Values a facet lists until the reader asks for all of them. */
export const FACET_VALUES_SHOWN = 10;

/**
 * The values a facet lists, in reading order: all of them when expanded,
 * else the first `limit` and any selected value beyond them, so the filter
 * pane stays short however many people, places or stories the corpus names.
 * `hidden` counts the values left out.
 */
export function facetValuesShown(
  ordered: readonly (readonly [string, number])[],
  selected: readonly string[],
  expanded: boolean,
  limit = FACET_VALUES_SHOWN,
): { shown: [string, number][]; hidden: number } {
  if (expanded || ordered.length <= limit) return { shown: ordered.map(([v, n]) => [v, n]), hidden: 0 };
  const chosen = new Set(selected);
  const shown = ordered.filter(([v], i) => i < limit || chosen.has(v)).map(([v, n]): [string, number] => [v, n]);
  return { shown, hidden: ordered.length - shown.length };
}

const STOP = new Set(
  [
    ...'a an the of in on at to for by with from and or but as is are was were be been has have had it its this that who which he she they after before over under into as says said not no new his her their than more'.split(' '),
    ...'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
  ],
);

/**
 * Searches to suggest when one finds nothing: the proper names the articles
 * use (runs of capitalised words inside sentences, e.g. "Kim Jong Un",
 * "Kursk"; a sentence's first word is skipped, as its capital proves
 * nothing), by how many articles use them, ties by name.
 */
export function suggestTerms(texts: readonly string[], max = 8): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const sentence of text.split(/(?<=[.!?]["”’]?)\s+|\n+/)) {
      const words = sentence.split(/\s+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        const start = i;
        const run: string[] = [];
        const bare = (w: string): string => w.replace(/[’']s\b|[,.;:!?”"’)]+$/gu, '');
        while (i < words.length && /^\p{Lu}[\p{L}-]*(?:[’']s)?[,.;:!?”"’)]*$/u.test(words[i]!) && !STOP.has(bare(words[i]!).toLowerCase())) {
          const word = words[i++]!;
          run.push(bare(word));
          if (/[,.;:!?”"’)]$/.test(word)) break;
        }
        const name = run.join(' ');
        // A lone capitalised first word proves nothing; "Kim Jong Un" opening a sentence still counts.
        if (start === 0 && run.length === 1) continue;
        if (name.length > 2 && !seen.has(name)) {
          seen.add(name);
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }
    }
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en')).slice(0, max).map(([name]) => name);
}

/** The query and filters a search page URL holds: `?q=…&publisher=…&year=…&sort=date-desc`. */
export interface SearchState {
  q: string;
  sort: '' | 'date-desc' | 'date-asc';
  filters: Record<string, string[]>;
}

export function readSearchState(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (key === 'q' || key === 'sort' || value === '') continue;
    const values = (filters[key] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', sort: sort === 'date-desc' || sort === 'date-asc' ? sort : '', filters };
}

export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q !== '') params.set('q', state.q);
  for (const name of Object.keys(state.filters).sort()) for (const v of state.filters[name]!) params.append(name, v);
  if (state.sort !== '') params.set('sort', state.sort);
  return params;
}

/**
 * Splits a Pagefind excerpt, whose only markup is `<mark>` around matched
 * words, into text runs, so a page can render it as text nodes and no other
 * markup from the index can reach the page.
 */
export function excerptRuns(excerpt: string): { text: string; marked: boolean }[] {
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter((part) => part !== '')
    .map((part) => {
      const marked = part.startsWith('<mark>');
      const inner = marked ? part.slice(6, -7) : part;
      return { text: decodeEntities(inner.replace(/<[^>]*>/g, '')), marked };
    });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');
}
