/**
 * The outlet's name read off the page itself, for pages whose metadata names
 * none and whose <title> names none beside the headline: the masthead logo,
 * the copyright line, the <title>'s first or last segment, each checked
 * against the others and against the page's host name.
 *
 * Precision first, as Readability and trafilatura treat the site name (a
 * metadata field given only when a source states it): a candidate is taken
 * only when two sources agree on it, or when its letters are the host's
 * ("Daily Ledger" ~ dailyledger.com). A copyright owner in a legal form
 * ("Ledger Media, LLC") is taken only when another named source agrees with
 * it once the form is cut, never on the host alone: the owner is often the
 * parent company, not the outlet. The host itself is never the name.
 */
import type { PageFact, SourceMap } from './html.ts';
import { cleanValue, fact, LEGAL } from './html-metadata.ts';
import { similarity } from './html-title.ts';
import { foldKey, words } from './normalize.ts';

type Source = 'title' | 'masthead' | 'copyright';

interface Candidate {
  name: string;
  source: Source;
  /** A copyright owner whose legal form was cut: it counts only beside another named source. */
  legal?: boolean;
  quote: string;
  line: number | undefined;
}

/** Section labels and navigation words that stand where a name would but name no outlet. */
const NOT_A_NAME = /^(?:home|homepage|home page|logo|menu|news|blog|search|skip to (?:main )?content|back to top|main|site|website|index|top)$/iu;

/** A name as a masthead or footer shows it: short, with a letter, no URL, no sentence. */
function nameLike(raw: string): string | undefined {
  const value = cleanValue(raw).replace(/^[\s|·•:–—-]+|[\s|·•:–—-]+$/gu, '');
  const n = words(value).length;
  if (value === '' || n > 5 || value.length > 48 || !/\p{L}/u.test(value) || /https?:|\/\/|@/u.test(value) || NOT_A_NAME.test(value)) return undefined;
  if (!/\p{Lu}|\p{Lo}|\p{N}/u.test(value)) return undefined;
  return value;
}

/** The name in a logo's alt or label: "Ledger logo", "Daily Ledger: Home", "Daily Ledger Logo. Click to visit the homepage". */
function logoName(raw: string): string | undefined {
  const text = cleanValue(raw)
    .replace(/\b(?:click|tap|go|return|back)\b.*$/iu, '')
    .replace(/\b(?:site |company |brand )?logo(?:type)?\b\.?/iu, '')
    .split(/\s*(?::|\s[|–—-]\s)\s*/u)[0]!;
  return nameLike(text);
}

/** The masthead: logo images and links home in the page header or banner, or anywhere when marked as a logo. */
function mastheadCandidates(doc: Document, src: SourceMap): Candidate[] {
  const out: Candidate[] = [];
  const HOME = 'a[rel~="home"], a[href="/"], a[href="./"], a[href="index.html"]';
  const images = doc.querySelectorAll(
    `header img[alt], [role="banner"] img[alt], :is(${HOME}) img[alt], img[alt][class*="logo" i], img[alt][id*="logo" i], img[alt][src*="logo" i], :is([class*="logo" i], [id*="logo" i]) img[alt]`,
  );
  for (const img of [...images].slice(0, 6)) {
    const name = logoName(img.getAttribute('alt') ?? '');
    if (name) out.push({ name, source: 'masthead', quote: img.getAttribute('alt') ?? '', line: src.lineOf(img) });
  }
  for (const link of [...doc.querySelectorAll(`header :is(${HOME}), [role="banner"] :is(${HOME}), :is(${HOME})[class*="logo" i], :is(${HOME})[class*="brand" i]`)].slice(0, 6)) {
    const raw = link.getAttribute('aria-label') ?? link.getAttribute('title') ?? link.textContent ?? '';
    const name = logoName(raw);
    if (name) out.push({ name, source: 'masthead', quote: raw.trim(), line: src.lineOf(link) });
  }
  return out;
}

/** The owner the copyright line names: "© 2015 Daily Ledger. All rights reserved.", "Copyright 2003–2015 Ledger Media, LLC". */
function copyrightCandidates(doc: Document, src: SourceMap): Candidate[] {
  const out: Candidate[] = [];
  const places = [...doc.querySelectorAll('footer, [role="contentinfo"], [class*="footer" i], [id*="footer" i], [class*="copyright" i], [id*="copyright" i]')];
  for (const place of places.slice(-6)) {
    const text = cleanValue(place.textContent ?? '');
    const m = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–—]\s*\d{2,4})?\s*,?\s*)(?:by\s+)?([^.|•·\n]{2,60}?)(?=\s*(?:[.|•·]|\ball rights\b|\bsome rights\b|$))/iu.exec(text);
    if (!m) continue;
    const owner = m[1]!.trim();
    const cut = owner.replace(LEGAL, '').replace(LEGAL, '');
    const name = nameLike(cut);
    if (!name) continue;
    const candidate: Candidate = { name, source: 'copyright', quote: m[0], line: src.lineOf(place) };
    if (cut !== owner) candidate.legal = true;
    out.push(candidate);
  }
  return out;
}

/** The <title>'s first and last segments, when it has more than one ("Ledger: Colophon", "Headline - Ledger"). */
function titleCandidates(doc: Document, src: SourceMap, headline: string | undefined): Candidate[] {
  const title = doc.querySelector('title');
  const raw = cleanValue(title?.textContent ?? '');
  const segments = raw.split(/\s+[|·•–—-]\s+|\s*:\s+|\s*_\s*|\s+[[(]|[\])]\s*$/u).map((s) => s.trim()).filter((s) => s !== '');
  if (!title || segments.length < 2) return [];
  const out: Candidate[] = [];
  for (const segment of new Set([segments[0]!, segments[segments.length - 1]!])) {
    const name = nameLike(segment);
    if (!name || (headline !== undefined && similarity(name, headline) >= 0.8 && words(headline).length <= words(name).length + 1)) continue;
    out.push({ name, source: 'title', quote: raw, line: src.lineOf(title) });
  }
  return out;
}

/** A name's letters and digits, lower-case, without a leading "the" or a trailing domain ending ("Ledger.com"). */
function letters(name: string): string {
  return foldKey(name)
    .replace(/^the\s+/u, '')
    .replace(/\.(?:com|net|org|co|info|news|[a-z]{2})$/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** True when the name's letters are one of the host's labels, or the host's name run together ("Daily Ledger" ~ www.dailyledger.co.uk). */
export function matchesHost(name: string, host: string | undefined): boolean {
  if (!host) return false;
  const key = letters(name);
  if (key.length < 3) return false;
  const labels = host.toLowerCase().replace(/^www\d?\./u, '').split('.');
  return labels.slice(0, -1).some((label) => label.replace(/[^a-z0-9]/gu, '') === key);
}

/**
 * The site name the page shows outside its metadata (see the module comment),
 * or undefined when no candidate is confirmed by a second source or the host.
 * `url` is the page's canonical address, when known.
 */
export function siteFromPage(doc: Document, src: SourceMap, headline: string | undefined, url: string | undefined): PageFact<string> | undefined {
  const host = url !== undefined && URL.canParse(url) ? new URL(url).hostname : undefined;
  const candidates = [...titleCandidates(doc, src, headline), ...mastheadCandidates(doc, src), ...copyrightCandidates(doc, src)];
  for (const candidate of candidates) {
    if (candidate.legal === true) continue;
    const key = letters(candidate.name);
    const others = candidates.filter((c) => c.source !== candidate.source && letters(c.name) === key);
    const onHost = matchesHost(candidate.name, host);
    if (others.length === 0 && !onHost) continue;
    const basis = [...new Set([candidate.source, ...others.map((c) => c.source)])].join(' and ');
    return fact(candidate.name, `page-site-name:${basis}${onHost ? '+host' : ''}`, candidate.quote, candidate.line, `The outlet is named by the page's ${basis}${onHost ? ` and matches the host ${host}` : ''}.`);
  }
  return undefined;
}

/**
 * The outlet between the metadata's name and the <title>'s site segment when
 * the two differ and the metadata's is no og:site_name (the field a site
 * fills for its own name): JSON-LD and application-name often carry the
 * owning company ("Harbour Media Group, Inc.") or a platform's name. The
 * <title>'s segment wins when the metadata's name is in a legal form, or
 * when only the segment's letters are the host's; otherwise, and when the
 * segment is the name's short form ("Ledger" for "Ledger of Portmouth"), the
 * metadata's name stands.
 */
export function reconcileSite(meta: PageFact<string> | undefined, titleSite: PageFact<string> | undefined, url: string | undefined): PageFact<string> | undefined {
  if (!meta || !titleSite || meta.evidence.rule === 'og:site_name' || letters(meta.value).startsWith(letters(titleSite.value))) return meta ?? titleSite;
  const host = url !== undefined && URL.canParse(url) ? new URL(url).hostname : undefined;
  if (LEGAL.test(meta.value.trim())) return titleSite;
  return matchesHost(titleSite.value, host) && !matchesHost(meta.value, host) ? titleSite : meta;
}
