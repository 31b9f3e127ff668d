/**
 * URLs as the collector keeps them. Two forms:
 *
 * - `cleanUrl`: the address written into a sidecar and requested: absolute
 *   http(s), without its fragment and without the tracking parameters that
 *   feeds and newsletters append (`utm_*`, `fbclid`, …). Everything else is
 *   kept as the site wrote it, because a site may care about it.
 * - `dedupeKey`: what two addresses of one article have in common, for
 *   "already collected?" only: no scheme, no `www.`, no trailing slash, query
 *   parameters sorted. Never requested.
 */

/** Query parameters that only say where a reader came from; they never change the article. */
const TRACKING_PARAM =
  /^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ocid|cmpid|smid|xtor|ref_src|guccounter|ns_(?:mchannel|source|campaign|linkname|fee)|at_(?:medium|campaign|custom\d*))$/i;

/** The absolute http(s) URL `href` names (relative to `base` when given), or undefined. */
export function absoluteHttpUrl(href: string, base?: string): string | undefined {
  const value = href.trim();
  if (value === '' || !URL.canParse(value, base)) return undefined;
  const url = new URL(value, base);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** The address without fragment and tracking parameters; undefined when it is not http(s). */
export function cleanUrl(href: string, base?: string): string | undefined {
  const abs = absoluteHttpUrl(href, base);
  if (abs === undefined) return undefined;
  const url = new URL(abs);
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  // `searchParams.delete` leaves a bare "?" behind when it empties the query.
  if (url.searchParams.size === 0) url.search = '';
  return url.href;
}

/** The key two addresses of one article share; undefined when `href` is not http(s). */
export function dedupeKey(href: string): string | undefined {
  const clean = cleanUrl(href);
  if (clean === undefined) return undefined;
  const url = new URL(clean);
  const host = url.host.replace(/^www\./, '');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '/';
  const params = [...url.searchParams].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${path}${query}`;
}

/** `https://example.com` for any URL on that origin: the unit robots.txt and politeness apply to. */
export function originOf(href: string): string {
  return new URL(href).origin;
}

/** True when the URL is the root of its site: a canonical link pointing there is a site's mistake, not the article's address. */
export function isSiteRoot(href: string): boolean {
  const url = new URL(href);
  return url.pathname === '/' && url.search === '';
}
