/**
 * The search page in the browser: Pagefind's JS API with the site's own
 * markup. The query, filters and sort live in the URL, so a search can be
 * shared, bookmarked and reloaded. Everything from the index reaches the page
 * as text nodes (`textContent`), never as HTML.
 */
import { FACET_ORDER, excerptRuns, facetLabel, facetValuesShown, orderFacetValues, readSearchState, writeSearchState, type SearchState } from '../lib/site/search.ts';
import { siteLocale } from '../lib/site/locale.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(term: string | null, o: Record<string, unknown>, ms?: number): Promise<PagefindSearch | null>;
}

const PAGE_SIZE = 10;

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the search page`);
  return el as T;
}

export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form.search-form')!;
  const input = element<HTMLInputElement>('search-query');
  const sortSelect = element<HTMLSelectElement>('search-sort');
  const status = element('search-status');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');
  const empty = element('search-empty');
  const emptyQuery = element('search-empty-query');
  const clear = element<HTMLButtonElement>('search-clear-filters');
  const facets = element('search-facets');
  const base = form.dataset['base'] ?? '/';
  // Dates and counts in the site's language (content/site.yaml), which the page's lang names.
  const locale = siteLocale(document.documentElement.lang || undefined);
  // On narrow screens the filters start folded, so the results come first.
  if (matchMedia('(max-width: 52rem)').matches) element<HTMLDetailsElement>('search-filters').open = false;

  let state: SearchState = readSearchState(new URLSearchParams(location.search));
  input.value = state.q;
  sortSelect.value = state.sort;

  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, highlightParam: 'highlight', excerptLength: 28 });
  await pagefind.init();
  const allFilters = await pagefind.filters();
  let shown: PagefindSearch['results'] = [];
  let rendered = 0;

  const syncUrl = (): void => {
    const params = writeSearchState(state).toString();
    history.replaceState(null, '', `${location.pathname}${params ? `?${params}` : ''}`);
  };

  const renderResult = async (result: PagefindSearch['results'][number]): Promise<HTMLLIElement> => {
    const data = await result.data();
    const li = document.createElement('li');
    li.className = 'search-result';
    const h2 = document.createElement('h2');
    const a = document.createElement('a');
    a.href = data.url;
    a.textContent = data.meta['title'] ?? data.url;
    h2.append(a);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = [data.meta['publisher'], data.meta['date']].filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    const browsing = state.q.trim() === '' && data.meta['standfirst'] !== undefined;
    if (!browsing) excerpt.append('… ');
    for (const run of excerptRuns(browsing ? data.meta['standfirst']! : data.excerpt)) {
      if (run.marked) {
        const mark = document.createElement('mark');
        mark.textContent = run.text;
        excerpt.append(mark);
      } else excerpt.append(run.text);
    }
    if (!browsing) excerpt.append(' …');
    li.append(h2, meta, excerpt);
    return li;
  };

  const renderMore = async (): Promise<void> => {
    const next = shown.slice(rendered, rendered + PAGE_SIZE);
    rendered += next.length;
    list.append(...(await Promise.all(next.map(renderResult))));
    more.hidden = rendered >= shown.length;
  };

  // Facets the reader unfolded to list every value.
  const expanded = new Set<string>();
  let lastCounts: Record<string, Record<string, number>> = {};

  const renderFacets = (counts: Record<string, Record<string, number>>): void => {
    lastCounts = counts;
    const names = [...FACET_ORDER.filter((n) => n in allFilters), ...Object.keys(allFilters).filter((n) => !FACET_ORDER.includes(n)).sort()];
    facets.replaceChildren(
      ...names.map((name) => {
        const fieldset = document.createElement('fieldset');
        fieldset.className = 'facet';
        fieldset.dataset['facet'] = name;
        const legend = document.createElement('legend');
        legend.textContent = name;
        fieldset.append(legend);
        const { shown: values, hidden } = facetValuesShown(orderFacetValues(name, allFilters[name]!), state.filters[name] ?? [], expanded.has(name));
        for (const [value, total] of values) {
          const selected = state.filters[name]?.includes(value) ?? false;
          const count = counts[name]?.[value] ?? (selected ? total : 0);
          const label = document.createElement('label');
          if (count === 0 && !selected) label.className = 'empty';
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.name = name;
          box.value = value;
          box.checked = selected;
          box.addEventListener('change', () => {
            const values = new Set(state.filters[name] ?? []);
            if (box.checked) values.add(value);
            else values.delete(value);
            state = { ...state, filters: { ...state.filters, [name]: [...values] } };
            if (values.size === 0) delete state.filters[name];
            void run();
          });
          const text = document.createElement('span');
          text.textContent = facetLabel(name, value, locale);
          const n = document.createElement('span');
          n.className = 'count';
          n.textContent = locale.number(count);
          label.append(box, text, n);
          fieldset.append(label);
        }
        if (hidden > 0 || expanded.has(name)) {
          const toggle = document.createElement('button');
          toggle.type = 'button';
          toggle.className = 'facet-more';
          toggle.textContent = expanded.has(name) ? 'Show fewer' : `Show all ${Object.keys(allFilters[name]!).length}`;
          toggle.setAttribute('aria-expanded', String(expanded.has(name)));
          toggle.addEventListener('click', () => {
            if (expanded.has(name)) expanded.delete(name);
            else expanded.add(name);
            renderFacets(lastCounts);
            facets.querySelector<HTMLButtonElement>(`fieldset[data-facet="${CSS.escape(name)}"] .facet-more`)?.focus();
          });
          fieldset.append(toggle);
        }
        return fieldset;
      }),
    );
  };

  const run = async (): Promise<void> => {
    syncUrl();
    const term = state.q.trim();
    const active = Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v.length > 0).map(([k, v]) => [k, { any: v }]));
    const hasFilters = Object.keys(active).length > 0;
    if (term === '' && !hasFilters) {
      shown = [];
      rendered = 0;
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      status.textContent = 'Type to search, or pick a filter.';
      renderFacets(allFilters);
      return;
    }
    const sort = state.sort === 'date-desc' ? { date: 'desc' } : state.sort === 'date-asc' ? { date: 'asc' } : undefined;
    const search = await pagefind.debouncedSearch(term === '' ? null : term, { filters: active, ...(sort ? { sort } : {}) }, 120);
    if (search === null) return; // a newer search replaced this one
    shown = search.results;
    rendered = 0;
    list.replaceChildren();
    await renderMore();
    const n = shown.length;
    const what = term === '' ? 'in the chosen filters' : `for “${term}”`;
    status.textContent = n === 0 ? `No results ${what}.` : `${locale.number(n)} ${n === 1 ? 'result' : 'results'} ${what}.`;
    empty.hidden = n > 0;
    emptyQuery.textContent = term === '' ? 'these filters' : `“${term}”`;
    clear.hidden = !hasFilters;
    renderFacets(search.filters);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: input.value };
    void run();
  });
  input.addEventListener('input', () => {
    state = { ...state, q: input.value };
    void run();
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: readSearchState(new URLSearchParams({ sort: sortSelect.value })).sort };
    void run();
  });
  clear.addEventListener('click', () => {
    state = { ...state, filters: {} };
    void run();
  });
  more.addEventListener('click', () => void renderMore());

  // Arrow keys move from the box through the result links and back; Enter opens a link; Escape returns to the box.
  const links = (): HTMLAnchorElement[] => [...list.querySelectorAll<HTMLAnchorElement>('.search-result h2 a')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links()[0]) {
      event.preventDefault();
      links()[0]!.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]!.focus();
    } else if (event.key === 'Escape') {
      input.focus();
    }
  });

  // Whatever was typed while the index loaded counts.
  if (input.value !== state.q) state = { ...state, q: input.value };
  form.dataset['ready'] = 'true';
  await run();
}
