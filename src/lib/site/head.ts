/**
 * What every page's <head> carries besides its title: the inline scripts (as
 * constants, so the Content-Security-Policy can allow exactly them by hash),
 * the policy itself, the page's canonical address, and JSON-LD serialised so no string in it can close its
 * <script> element.
 */
import { createHash } from 'node:crypto';

/** "/" focuses the search box from anywhere but a text field, as on most news and docs sites. */
export const SEARCH_KEY_SCRIPT = `document.addEventListener('keydown',function(e){if(e.key!=='/'||e.ctrlKey||e.metaKey||e.altKey)return;var t=e.target;if(t&&(t.isContentEditable||['INPUT','TEXTAREA','SELECT'].indexOf(t.tagName)>=0))return;var b=document.getElementById('search-query')||document.getElementById('site-search');if(!b)return;e.preventDefault();b.focus();b.select();});`;

/**
 * On an article opened from a search result (`?highlight=…`), marks the words
 * searched for with Pagefind's highlight script, found under the site base
 * that the <html> element names. Loads nothing otherwise.
 */
export const HIGHLIGHT_SCRIPT = `if(new URLSearchParams(location.search).has('highlight')){import(document.documentElement.dataset.base+'pagefind/pagefind-highlight.js').then(function(){new window.PagefindHighlight({highlightParam:'highlight',markContext:'.prose, .article-head',addStyles:false});});}`;

export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The inline scripts' hashes, computed once (every page's head carries the policy). */
const INLINE_HASHES = `${scriptHash(SEARCH_KEY_SCRIPT)} ${scriptHash(HIGHLIGHT_SCRIPT)}`;

/**
 * The site's Content-Security-Policy: everything from the site itself, scripts
 * only from files or the inline scripts above, WebAssembly for Pagefind, no
 * plugins, no framing of forms elsewhere. `frame-ancestors` only works as a
 * header, so the meta form leaves it to `_headers`.
 */
export function contentSecurityPolicy(asHeader: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${INLINE_HASHES}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(asHeader ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/**
 * The absolute address a page names as its own (its canonical link and
 * `og:url`), or none for the not-found page: a host serves that page at
 * whatever address was not found, and its route (`/404/`) is no page a reader
 * or crawler should be sent to, so it names no address.
 */
export function canonicalUrl(pathname: string, site: string, notFound = false): string | undefined {
  return notFound ? undefined : new URL(pathname, site).href;
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so "</script>" in any string stays text. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
