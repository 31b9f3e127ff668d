/**
 * A saved page's headline, and the site name its <title> gives beside it.
 *
 * A page states its title several times: the h1 a reader sees, `og:title`,
 * the JSON-LD headline, `twitter:title`, Dublin Core's title and the
 * <title>, the last (often the others too) with the site's name, a section
 * or both around the headline: "Headline | Section | Site", "Site -
 * Headline", "Headline_Section_Site", "Post @ Blog :: Platform ::",
 * "Headline [Site]". A title is read as segments between such separators,
 * and the headline is the run of segments left when, in this order, a known
 * site name (og:site_name, JSON-LD publisher, application-name) is cut off
 * with whatever stands beyond it; the run another of the page's titles, or
 * its h1, repeats is kept; and, for the <title> only, short segments at its
 * end are cut by shape (Readability's `_getArticleTitle` and trafilatura's
 * title cleaning cut by shape alone; agreement between the page's own
 * titles, as Readability weighs JSON-LD `name` against `headline`, is what
 * tells a headline's own second half from a site name).
 */
import type { PageFact, SourceMap } from './html.ts';
import { articlesIn, cleanValue, fact, firstString, ldFact, metaFact, type JsonLd, type Meta } from './html-metadata.ts';
import { foldKey, words } from './normalize.ts';
import type { Block } from './segment.ts';

/**
 * What separates a headline from a site or section name: a spaced bar,
 * hyphen, en or em dash, middle dot, bullet, guillemet or at sign; a double
 * colon; an underscore; a colon and space; the space before a closing
 * "[Site]". Runs of segments are read back from the text itself, so a
 * separator inside a headline ("Outside the web: …", "snake_case") costs
 * nothing.
 */
const SEPARATOR = /\s+[|–—·•»@-]\s+|\s*::\s*|\s*_\s*|:\s+|\s+(?=\[[^\]]+\]$)/gu;
/** Separators after which a short end segment is cut by shape alone (a hyphen only once, and never a colon). */
const BAR = /^\s+[|–—·•»@]\s+$|::/u;

/** A page title cut at its separators. */
interface Title {
  text: string;
  /** Offsets of each segment in `text`. */
  segments: [number, number][];
  /** `separators[i]` stands between segments i and i + 1. */
  separators: string[];
}

function segmented(raw: string): Title {
  // "… :: Platform ::" closes with a separator of its own.
  const text = raw.replace(/^\s*::\s*|\s*::\s*$/gu, '').trim();
  const segments: [number, number][] = [];
  const separators: string[] = [];
  let from = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index === 0 || m.index + m[0].length >= text.length) continue;
    segments.push([from, m.index]);
    separators.push(m[0]);
    from = m.index + m[0].length;
  }
  segments.push([from, text.length]);
  return { text, segments, separators };
}

const run = (t: Title, i: number, j: number): string => t.text.slice(t.segments[i]![0], t.segments[j]![1]).trim();
const unbracketed = (s: string): string => s.replace(/^\[(.*)\]$/u, '$1').trim();

/** A title read as headline and site: the headline is segments `lo..hi`; `site` the segment that names the outlet, when one does. */
interface Split {
  title: Title;
  lo: number;
  hi: number;
  headline: string;
  site?: string;
  /** The separator between the headline and `site`. */
  siteSeparator?: string;
}

/**
 * Reads a title as headline and site (see the module comment). `shown` are
 * texts the page shows as its headline (h1s), which may be the whole title;
 * `titles` are the page's other titles, which must repeat a part of it to
 * count. Only with `byShape` are short end segments cut on shape alone.
 */
function splitTitle(raw: string, sites: readonly string[], shown: readonly string[], titles: readonly string[], byShape: boolean): Split {
  const t = segmented(raw);
  const n = t.segments.length;
  const last = n - 1;
  let lo = 0;
  let hi = last;
  let site: number | undefined;
  const siteKeys = new Set(sites.map(foldKey).filter((k) => k !== ''));
  // A known site name, and whatever stands beyond it ("Post @ Blog :: Platform"): trailing first, then leading.
  known: for (let i = 1; i < n; i++) {
    for (let j = i; j < n; j++) {
      if (siteKeys.has(foldKey(unbracketed(run(t, i, j))))) {
        hi = i - 1;
        site = i;
        break known;
      }
    }
  }
  if (site === undefined) {
    for (let j = 0; j < last; j++) {
      if (siteKeys.has(foldKey(run(t, 0, j)))) {
        lo = j + 1;
        site = j;
      }
    }
  }
  const split = (): Split => {
    const out: Split = { title: t, lo, hi, headline: run(t, lo, hi) };
    const at = site ?? (hi < last ? last : lo > 0 ? 0 : undefined);
    if (at !== undefined) {
      out.site = unbracketed(site !== undefined && site > hi ? siteRun(t, site, siteKeys) : run(t, at, at));
      out.siteSeparator = at > hi ? t.separators[hi]! : t.separators[lo - 1]!;
    }
    return out;
  };
  // The run the page's h1 or another of its titles repeats. A run after other segments counts only when none of
  // them is longer (a site names itself in fewer words than its headlines: "Site - Headline", not "Headline - V8").
  const shownKeys = new Set(shown.map(foldKey));
  const titleKeys = new Set(titles.map(foldKey));
  let best: [number, number] | undefined;
  for (let i = lo; i <= hi; i++) {
    for (let j = i; j <= hi; j++) {
      const key = foldKey(run(t, i, j));
      const whole = i === lo && j === hi;
      if (!(shownKeys.has(key) || (!whole && titleKeys.has(key)))) continue;
      const size = words(run(t, i, j)).length;
      if (t.segments.slice(lo, i).some((_, k) => words(run(t, lo + k, lo + k)).length > size)) continue;
      if (!best || j - i > best[1] - best[0]) best = [i, j];
    }
  }
  if (best) {
    [lo, hi] = best;
    return split();
  }
  if (!byShape) return split();
  // By shape: a closing "[Site]"; short segments after bars (five words at most, the outermost being the site);
  // a trailing "_Section_Site" chain; one short segment after a hyphen.
  if (hi > lo && /^\[.*\]$/u.test(run(t, hi, hi))) hi--;
  while (hi > lo && BAR.test(t.separators[hi - 1]!) && words(run(t, hi, hi)).length <= 5) hi--;
  let chain = 0;
  while (hi - chain > lo && /^\s*_\s*$/u.test(t.separators[hi - chain - 1]!) && words(run(t, hi - chain, hi - chain)).length <= 3) chain++;
  if (chain >= 2) hi -= chain;
  if (hi > lo && /^\s+-\s+$/u.test(t.separators[hi - 1]!) && words(run(t, hi, hi)).length <= 4 && run(t, lo, hi - 1).length >= 12) hi--;
  return split();
}

/** The known site's own run (it may span a separator: "Blog_Name"). */
function siteRun(t: Title, i: number, siteKeys: ReadonlySet<string>): string {
  for (let j = t.segments.length - 1; j >= i; j--) if (siteKeys.has(foldKey(unbracketed(run(t, i, j))))) return run(t, i, j);
  return run(t, i, i);
}

/** Section labels that stand in a title's site slot but name no outlet. */
const SECTION =
  /^(?:home|news|latest|blogs?|posts?|articles?|opinion|comment|analysis|reviews?|interview|sports?|world|business|politics|tech(?:nology)?|science|health|culture|arts?|entertainment|lifestyle|travel|local|videos?|photos?|audio|podcasts?|live|updated?|exclusive|breaking|pdf|code|archives?|uncategori[sz]ed|page \d+|part \d+)$/iu;

/**
 * The site name as the <title> gives it beside the headline ("Headline |
 * Site", "Site: Headline", "Headline_Section_Site"): the last resort, when
 * no metadata names the outlet. Only where the headline itself stands in the
 * <title>; and only a name: a capital or a letter of a script without case
 * (a slug such as "draft-smith-04" is no outlet), not a section label, not
 * before a colon unless of two words or more ("Opinion: Headline").
 */
export function siteFromTitle(doc: Document, src: SourceMap, headline: string | undefined): PageFact<string> | undefined {
  const title = doc.querySelector('title');
  const raw = title?.textContent ?? '';
  if (!title || !headline || raw.trim() === '') return undefined;
  const split = splitTitle(cleanValue(raw), [], [headline], [], false);
  const site = split.site;
  if (!site || foldKey(split.headline) !== foldKey(headline) || foldKey(site) === foldKey(headline)) return undefined;
  const n = words(site).length;
  const minWords = split.siteSeparator?.trim() === ':' ? 2 : 1;
  if (n < minWords || n > 6 || SECTION.test(site) || !/\p{Lu}|\p{Lo}/u.test(site)) return undefined;
  return fact(site, 'title-site-name', raw.trim(), src.lineOf(title), 'The outlet is named in the page title beside the headline.');
}

export interface Headline {
  fact: PageFact<string>;
  lines: [number, number];
  /** The h1 that stands for the headline on the page, when one does. */
  element?: Element;
  /** That h1's text, when the headline's wording is the metadata's rather than the h1's. */
  shown?: string;
}

/** The two texts' distinct lower-cased words, and how many they share. */
function overlap(a: string, b: string): { shared: number; sizes: [number, number] } {
  const wa = new Set(words(a.toLowerCase()));
  const wb = new Set(words(b.toLowerCase()));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return { shared, sizes: [wa.size, wb.size] };
}

/** Share of the shorter text's words that the other text has too. */
export function similarity(a: string, b: string): number {
  const { shared, sizes } = overlap(a, b);
  return Math.min(...sizes) === 0 ? 0 : shared / Math.min(...sizes);
}

/** Share of the longer text's words that the other text has too. */
function coverage(a: string, b: string): number {
  const { shared, sizes } = overlap(a, b);
  return Math.min(...sizes) === 0 ? 0 : shared / Math.max(...sizes);
}

interface MetaTitle {
  fact: PageFact<string>;
  node: Node;
  /** Whether its end may be cut by shape alone (the <title> only). */
  byShape: boolean;
}

/** The page's titles other than its h1, in Readability's order of trust: JSON-LD headline, og:title, twitter:title, Dublin Core, <title>. */
function metaTitles(doc: Document, ld: JsonLd, metas: ReadonlyMap<string, Meta>, src: SourceMap): MetaTitle[] {
  const out: MetaTitle[] = [];
  const meta = (key: string, prefix: string): void => {
    const m = metas.get(key);
    const f = metaFact(metas, [key], prefix, src);
    if (m && f) out.push({ fact: f, node: m.element, byShape: false });
  };
  for (const item of articlesIn(ld)) {
    const raw = firstString(item['headline']);
    const script = ld.scriptOf.get(item);
    if (raw && script && cleanValue(raw) !== '') {
      out.push({ fact: ldFact(ld, item, raw, 'json-ld:headline', src), node: script, byShape: false });
      break;
    }
  }
  meta('og:title', '');
  meta('twitter:title', '');
  meta('dc.title', 'meta:');
  meta('dcterms.title', 'meta:');
  const title = doc.querySelector('title');
  const raw = title?.textContent ?? '';
  if (title && cleanValue(raw) !== '') out.push({ fact: fact(cleanValue(raw), 'title', raw.trim(), src.lineOf(title)), node: title, byShape: true });
  return out;
}

/** A permalink mark after a heading's text (Sphinx's "¶", "§"): not the headline's. */
const PERMALINK = /\s*[¶§]+$/u;

/**
 * The headline: the page's h1, or when the page has several (a logo, a
 * section name), the one the page's titles agree with; else the first of
 * og:title, the JSON-LD headline, twitter:title, Dublin Core's title and the
 * <title>, each without its site name (see `splitTitle`). An h1 that is a
 * known site name, links to the home page, or repeats a site segment of the
 * <title> is the site's logo, never the headline. `sites` are the names the
 * page's metadata gives the outlet; `shownAs` is an element's visible text as
 * one block (undefined when it is never shown).
 */
export function findHeadline(
  doc: Document,
  ld: JsonLd,
  metas: ReadonlyMap<string, Meta>,
  src: SourceMap,
  sites: readonly string[],
  shownAs: (el: Element) => Block | undefined,
): Headline | undefined {
  const titles = metaTitles(doc, ld, metas, src);
  const raws = titles.map((m) => m.fact.value);
  const shownH1s = [...doc.querySelectorAll('h1')].flatMap((element) => {
    const block = shownAs(element);
    const text = block?.text.replace(PERMALINK, '') ?? '';
    return block && /\p{L}/u.test(text) ? [{ element, block: { ...block, text } }] : [];
  });
  // A name that is the page's whole <title>, or one of its titles that an h1 shows too, is the headline copied
  // into a site-name tag (some CMSs fill application-name so), not the outlet's name.
  const pageTitle = titles.find((m) => m.byShape);
  const titleKeys = new Set(raws.map(foldKey));
  const h1Keys = new Set(shownH1s.map((h) => foldKey(h.block.text)));
  const outlets = sites.filter((s) => {
    const key = foldKey(s);
    return (pageTitle === undefined || key !== foldKey(pageTitle.fact.value)) && !(titleKeys.has(key) && h1Keys.has(key));
  });
  const siteKeys = new Set(outlets.map(foldKey));
  // A site's logo is often an h1 too: it names the site, is marked as the logo, or is the link to the home page ("/", "index.html").
  const isLogo = (element: Element, text: string): boolean =>
    siteKeys.has(foldKey(text)) ||
    element.querySelector('[class*="logo" i], [id*="logo" i]') !== null ||
    [...element.querySelectorAll('a[href]')].some((a) => {
      const href = a.getAttribute('href') ?? '';
      if (/(^|\s)home(\s|$)/i.test(a.getAttribute('rel') ?? '')) return true;
      return URL.canParse(href, 'https://x.invalid/') && /^\/(?:index\.\w+)?$/i.test(new URL(href, 'https://x.invalid/').pathname) && !href.includes('?');
    });
  let h1s = shownH1s.filter((h) => !isLogo(h.element, h.block.text));
  const strip = (m: MetaTitle, shown: readonly string[]): Split =>
    splitTitle(m.fact.value, outlets, shown, raws.filter((r) => r !== m.fact.value), m.byShape);
  // An h1 that repeats what the <title> holds beside its headline ("Headline · Site" and an h1 "Site") is a label.
  if (pageTitle) {
    const split = strip(pageTitle, h1s.map((h) => h.block.text));
    const outside = new Set<string>();
    const { title, lo, hi } = split;
    for (let i = 0; i < title.segments.length; i++) {
      for (let j = i; j < title.segments.length; j++) if (j < lo || i > hi) outside.add(foldKey(unbracketed(run(title, i, j))));
    }
    h1s = h1s.filter((h) => foldKey(h.block.text) === foldKey(split.headline) || !outside.has(foldKey(h.block.text)));
  }
  const shown = h1s.map((h) => h.block.text);
  // The site segment the <title> holds at an end, the page's other titles hold there too when they carry the
  // same site ("Headline | Site" as og:title and <title> alike).
  const affixes = ((): { before: string; after: string } => {
    if (!pageTitle) return { before: '', after: '' };
    const { title, lo, hi } = strip(pageTitle, shown);
    const last = title.segments.length - 1;
    return { before: lo > 0 ? title.text.slice(0, title.segments[1]![0]) : '', after: hi < last ? title.text.slice(title.segments[last - 1]![1]) : '' };
  })();
  const unaffixed = (m: MetaTitle): MetaTitle => {
    if (m.byShape) return m;
    let value = m.fact.value;
    if (affixes.after.trim() !== '' && value.endsWith(affixes.after) && value.length > affixes.after.length) value = value.slice(0, -affixes.after.length).trim();
    if (affixes.before.trim() !== '' && value.startsWith(affixes.before) && value.length > affixes.before.length) value = value.slice(affixes.before.length).trim();
    return { ...m, fact: { ...m.fact, value } };
  };
  // A title that is only the site's name (a home page's og:title) is never the headline.
  const stripped = titles.map((m) => ({ ...m, value: strip(unaffixed(m), shown).headline })).filter((m) => /\p{L}|\p{N}/u.test(m.value) && !siteKeys.has(foldKey(m.value)));
  const metaTitle = stripped[0];
  // An h1 agrees with a title that is the same, or shares most of its words (both ways: a two-word section
  // name shares a word with many headlines).
  const score = (text: string): number =>
    Math.max(0, ...stripped.map((m) => (foldKey(m.value) === foldKey(text) ? 2 : similarity(text, m.value) >= 0.5 && coverage(text, m.value) >= 0.4 ? similarity(text, m.value) : 0)));
  const scored = h1s.map((h) => ({ h, score: score(h.block.text) })).filter((s) => s.score > 0);
  const inMain = h1s.filter((h) => h.element.closest('article, main, [role="main" i], [itemprop~="headline"]') !== null);
  const h1 = metaTitle
    ? (scored.sort((a, b) => b.score - a.score)[0]?.h ?? (h1s.length === 1 && words(h1s[0]!.block.text).length >= 4 ? h1s[0] : undefined))
    : (inMain[0] ?? h1s[0]);
  if (h1) {
    // Readability and trafilatura take the page's metadata title before its h1 (the h1 often being the shorter
    // display headline), when the page agrees with it: another of its titles or its h1 shares most of its words
    // (Readability weighs a JSON-LD `headline` against the <title> so; some sites put a description there).
    const agreed = stripped.find(
      (m) =>
        !m.byShape &&
        [...shown, ...stripped.filter((o) => o !== m).map((o) => o.value)].some((o) => similarity(o, m.value) >= 0.5 && coverage(o, m.value) >= 0.4),
    );
    if (agreed && foldKey(agreed.value) !== foldKey(h1.block.text)) {
      return { fact: { value: agreed.value, evidence: agreed.fact.evidence }, lines: h1.block.lines, element: h1.element, shown: h1.block.text };
    }
    return { fact: fact(h1.block.text, 'h1', h1.block.text, h1.block.lines[0]), lines: h1.block.lines, element: h1.element };
  }
  if (!metaTitle) return undefined;
  const value = metaTitle.value;
  const headlineFact: PageFact<string> = { value, evidence: metaTitle.fact.evidence };
  // The title the metadata gives usually stands on the page too (a blog's post title in an h3): its lines are the headline's.
  const key = foldKey(value);
  const onPage = [...doc.querySelectorAll('h2, h3, h4, [itemprop~="headline"], .entry-title, .post-title')]
    .map(shownAs)
    .find((b) => b !== undefined && foldKey(b.text) === key);
  const line = metaTitle.fact.evidence.line ?? src.lineOf(metaTitle.node) ?? 1;
  return { fact: headlineFact, lines: onPage?.lines ?? [line, line] };
}
