/**
 * A saved page's publication date, read from its markup in htmldate's order
 * of evidence (Barbaresi 2020). The string-level half (reading a date in a
 * text, a URL path, plausibility) is `page-dates.ts`.
 */
import type { PageFact, SourceMap } from './html.ts';
import { ARTICLE_TYPE, articlesIn, fact, firstString, ldFact, metaFact, type JsonLd, type Meta } from './html-metadata.ts';
import { calendarDate, dateInUrlPath, datesInText, mostFrequentDate, plausibleDate, publicationDateInText, type DateOrder } from './page-dates.ts';

/** Meta tags (by property or name) that give the original publication time, strongest first (htmldate's list, Barbaresi 2020). */
const PUBLISHED_META = ['article:published_time', 'og:published_time', 'article:published'];
const DATE_META = [
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published', 'article_date_original', 'parsely-pub-date', 'sailthru.date',
  'citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created',
  'dc.date', 'dcterms.date', 'date', 'originalpublicationdate', 'cxenseparse:recs:publishtime',
  // The rest of htmldate's list of publication-date attributes, less those that name the page's generation time
  // and a section front's own stamp (pdate, ptime).
  'og:article:published_time', 'og:article:published', 'article:published_date', 'article:post_date', 'article:publicationdate', 'article.created',
  'og:published_time', 'og:pubdate', 'og:publish_date', 'og:datepublished', 'datepublished', 'date_published', 'published-date', 'publication_date',
  'dateposted', 'datecreated', 'date_created', 'dc.date.publication', 'dc.created', 'dc:created', 'dc:date', 'dcsext.articlefirstpublished',
  'rnews:datepublished', 'bt:pubdate', 'rbpubdate', 'shareaholic:article_published_time', 'mediator_published_time', 'vr:published_time',
  'twt-published-at', 'analyticsattributes.articledate', 'content_create_date', 'doc_date', 'displaydate', 'created',
];
/** Meta tags of a modification time: a last resort, and said so. */
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'dcterms.modified', 'dc.date.modified', 'last-modified'];

/** Microdata item types that are not creative works: they publish nothing, so a date in one belongs to the item around it. */
const NOT_A_WORK = /^(?:Person|Organization|Corporation|NewsMediaOrganization|Place|PostalAddress|ContactPoint|Brand|ImageObject)$/i;
const itemType = (el: Element): string => el.getAttribute('itemtype')?.trim().split(/[/#]/).at(-1) ?? '';

/** Marks of an update or edit time, which is not the publication date. */
const UPDATED = /updat|modif|edit|revis/i;
/** Sections of a page whose dates belong to other content (comments, other stories). */
const OTHER_CONTENT = /comment|related|recommend|more-stories|most-read|popular|trending|sidebar|rail|teaser|latest/i;
/** Class or id words of an element that shows the article's date, byline or dateline. */
const DATE_CLASS = /date|publish|posted|byline|dateline|timestamp|\bmeta\b|time/i;
/** Class or id words that name the publication date outright. */
const PUBLISHED_CLASS = /publish|pubdate|post-?date|posted-?on|entry-date/i;
/** Elements whose text is never visible article text, for the page-wide date search. */
const NOT_VISIBLE = 'script, style, noscript, template, head, nav, aside, footer, [hidden], [aria-hidden="true" i]';

/**
 * The article's publication date as a page fact, from the strongest evidence
 * the page gives, in htmldate's order (Barbaresi 2020): JSON-LD
 * `datePublished`, then `dateCreated` (article items first; `@graph` and
 * `mainEntity` items are read too); publication meta tags (Open Graph, then
 * Dublin Core, Parsely, Sailthru, Highwire and CMS names); microdata
 * `datePublished`/`dateCreated` on any element; the article's `<time
 * datetime>` (publication-marked first); elements whose class or id says
 * date, byline or dateline with a date in their text; the URL path; a dated
 * line near the headline ("Published 14 March 2019"); a modification date
 * (`dateModified`, `article:modified_time`, `og:updated_time`,
 * `last-modified`), noted as such; and last the page's most frequent
 * plausible date. An update's date is never taken while the page gives its
 * original date anywhere. Each fact keeps its rule and the quoted raw value;
 * dates before `DATE_FLOOR` or after `today` are refused at every step.
 */
export function findPublished(
  doc: Document,
  ld: JsonLd,
  metas: ReadonlyMap<string, Meta>,
  src: SourceMap,
  url: PageFact<string> | undefined,
  headline: Element | undefined,
  today: string | undefined,
): PageFact<string> | undefined {
  const h1 = headline ?? headingOfTitle(doc);
  const order = dateOrderOf(doc, metas);
  const dated = (f: PageFact<string> | undefined): PageFact<string> | undefined => {
    const date = f && calendarDate(f.evidence.quote ?? f.value, order);
    return f && date && plausibleDate(date, today) ? { ...f, value: date } : undefined;
  };
  const articles = articlesIn(ld);
  const ldDate = (key: string, note?: string): PageFact<string> | undefined => {
    for (const item of [...articles, ...ld.items.filter((i) => !articles.includes(i))]) {
      const raw = firstString(item[key]);
      const f = raw ? dated(ldFact(ld, item, raw, `json-ld:${key}`, src, undefined, note)) : undefined;
      if (f) return f;
    }
    return undefined;
  };
  const metaDate = (groups: readonly (readonly [readonly string[], string])[], note?: string): PageFact<string> | undefined => {
    for (const [keys, prefix] of groups) {
      for (const key of keys) {
        const f = dated(metaFact(metas, [key], prefix, src));
        if (f) return note ? { ...f, evidence: { ...f.evidence, note } } : f;
      }
    }
    return undefined;
  };
  const headerOfH1 = h1?.parentElement?.parentElement ?? undefined;
  // The article's region: the headline's article (or the h1's grandparent), read before its body text starts (its first
  // paragraph of 100 characters or more that is not a byline), where a page's own dateline stands
  // (teasers, references and comments further on carry other dates).
  const region = h1 ? (h1.closest('article, main, [role="main" i]') ?? headerOfH1) : undefined;
  const bodyStart = region ? [...region.querySelectorAll('p')].find((p) => (p.textContent ?? '').trim().length >= 100 && !/^by\s/i.test((p.textContent ?? '').trim())) : undefined;
  const beforeBody = (el: Element): boolean => bodyStart === undefined || (el.compareDocumentPosition(bodyStart) & 4) !== 0;
  // Inside the region only, and never a wrapper of the headline or the body text: a layout's class names
  // ("two-col-sidebar") say nothing of its content.
  const elsewhere = (el: Element): boolean => {
    for (let n: Element | null = el; n && n !== region; n = n.parentElement) {
      if ((h1 && n.contains(h1)) || (bodyStart && n.contains(bodyStart))) continue;
      const names = `${n.id} ${n.getAttribute('class') ?? ''}`;
      // A bar named for the date as well ("date-and-comments") is the article's byline bar.
      if (n.matches('nav, aside, cite') || (OTHER_CONTENT.test(names) && !/date|byline|timestamp/i.test(names)) || CITATIONS.test(names)) return true;
    }
    return false;
  };
  // A UTC timestamp ("2018-06-12T23:00:00Z") can fall a day off the day the page shows its readers under the
  // headline ("On 6/13/2018", the first short dated line of the blocks after it, a standfirst before it or not): the
  // shown day is the page's, as for a time element's own text below.
  const shownDay = (f: PageFact<string>): PageFact<string> => {
    const raw = f.evidence.quote ?? '';
    if (!h1 || !region || f.value.length !== 10 || !/T\d\d:\d\d.*(?:Z|[+-]00:?00)$/i.test(raw.trim())) return f;
    for (const el of nearHeadline(h1, region).filter((e) => !elsewhere(e))) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      const found = text.length <= 80 ? publicationDateInText(text, today, true, order) : undefined;
      if (!found) continue;
      if (found.date === f.value || Math.abs(Date.parse(found.date) - Date.parse(f.value)) > 86_400_000) return f;
      const note = `The page's timestamp ${raw.trim()} is in UTC; the line under the headline shows the day after or before it.`;
      return fact(found.date, f.evidence.rule, found.quote, src.lineOf(el), note);
    }
    return f;
  };
  const structured = ldDate('datePublished') ?? rawLdDate(doc, src, today) ?? metaDate([[PUBLISHED_META, ''], [DATE_META, 'meta:']]);
  if (structured) return shownDay(structured);

  // The <body> and <html> carry the page's state in their classes ("ShowNavrail", "sidebar-open"), never a section's name.
  const inOtherContent = (el: Element): boolean => {
    for (let n: Element | null = el; n && n !== doc.body && n !== doc.documentElement; n = n.parentElement) {
      if (n.matches('nav, aside, [role="navigation" i], [role="complementary" i]') || OTHER_CONTENT.test(`${n.id} ${n.getAttribute('class') ?? ''}`)) return true;
      if (n.matches('article, main')) return false;
    }
    return false;
  };
  const valueOf = (el: Element): string => el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? el.textContent ?? '';
  const candidate = (el: Element, rule: string): PageFact<string> | undefined => {
    const raw = valueOf(el);
    const f = raw.trim() === '' ? undefined : dated(fact(raw, rule, raw.trim(), src.lineOf(el)));
    // A timestamp in another zone than the reader's ("2016-12-01T23:29Z" shown as "December 2, 2016") can fall a day
    // off the date the element shows; the shown day is the one the page gives its readers.
    const shown = f && el.localName === 'time' ? datesInText(el.textContent ?? '', today, order)[0] : undefined;
    if (f && shown && shown.date !== f.value && Math.abs(Date.parse(shown.date) - Date.parse(f.value)) <= 86_400_000) {
      return { ...f, value: shown.date, evidence: { ...f.evidence, quote: shown.quote, note: `The element's timestamp ${raw.trim()} falls on the day before or after the date it shows.` } };
    }
    return f;
  };
  const microdata = (prop: string): PageFact<string> | undefined => {
    for (const el of doc.querySelectorAll(`[itemprop~="${prop}" i]`)) {
      // Microdata dates belong to the item they stand in: a comment's or a review's date is not the article's.
      // A person or organisation has no publication date, so a date nested in one (an author box) is its enclosing item's.
      let item = el.closest('[itemscope][itemtype]');
      while (item && NOT_A_WORK.test(itemType(item))) item = item.parentElement?.closest('[itemscope][itemtype]') ?? null;
      const scope = item ? itemType(item) : '';
      if (scope !== '' && !ARTICLE_TYPE.test(scope)) continue;
      // Inside the article's own item, an aside or byline box still holds the article's date; otherwise the element must not stand in other content.
      const f = inOtherContent(item && scope !== '' ? item : el) ? undefined : candidate(el, `itemprop:${prop}`);
      if (f) return f;
    }
    return undefined;
  };
  // What names publication outright comes before what names creation (a JSON-LD `dateCreated` is often the CMS's UTC record).
  const created = microdata('datePublished') ?? ldDate('dateCreated') ?? microdata('dateCreated');
  if (created) return created;
  // <time> elements of the article itself: in its <article>, <main> or <header>, or beside its h1.
  const ofArticle = (el: Element): boolean =>
    !inOtherContent(el) && (el.closest('article, main, header, [role="main" i]') !== null || headerOfH1?.contains(el) === true);
  const times = [...doc.querySelectorAll('time[datetime]')].filter(ofArticle);
  // An itemprop or a leading label ("Last updated September 14, 2016") marks an update's time as surely as a class does.
  const marks = (t: Element): string =>
    `${t.getAttribute('class') ?? ''} ${t.parentElement?.getAttribute('class') ?? ''} ${t.getAttribute('itemprop') ?? ''} ${t.hasAttribute('pubdate') ? 'pubdate' : ''} ${/^\W*(?:last\s+)?(?:updated|modified)\b/i.test(t.textContent ?? '') ? 'updated' : ''}`;
  const ranked = [
    ...times.filter((t) => /publish|pubdate|posted|entry-date|dateline|byline/i.test(marks(t)) && !UPDATED.test(marks(t))),
    ...times.filter((t) => !UPDATED.test(marks(t))),
  ];
  for (const t of ranked) {
    const f = candidate(t, 'time:datetime');
    if (f) return f;
  }
  // Elements of the region that say by class or id that they show the date, byline or dateline, with a short text holding one.
  for (const el of region ? region.querySelectorAll('[class], [id]') : []) {
    const names = `${el.id} ${el.getAttribute('class') ?? ''}`;
    if (!DATE_CLASS.test(names) || UPDATED.test(names) || elsewhere(el) || el.closest(NOT_VISIBLE) !== null || !beforeBody(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '' || text.length > 200) continue;
    const found = publicationDateInText(text, today, true, order);
    if (found) return fact(found.date, 'element:date-class', found.quote, src.lineOf(el), `An element marked "${names.trim()}" shows the date.`);
  }
  // A title with a date of its own among its parts ("Headline - 07.12.2017 - Site"): the CMS stamped the publication day in it.
  const titleEl = doc.querySelector('head > title');
  for (const part of (titleEl?.textContent ?? '').split(/\s+[-|–—·•]\s+/)) {
    const date = /^[\d./-]+$/.test(part.trim()) || datesInText(part).some((d) => d.quote === part.trim()) ? calendarDate(part.trim()) : undefined;
    if (titleEl && date?.length === 10 && plausibleDate(date, today)) {
      return fact(date, 'title', part.trim(), src.lineOf(titleEl), "The page's title holds the date as a part of its own.");
    }
  }
  const fromPath = url ? dateInUrlPath(url.value) : undefined;
  if (url && fromPath && plausibleDate(fromPath, today)) {
    const note = `The page gives no date in its metadata; the URL path holds the ${fromPath.length === 10 ? 'day' : 'month'}.`;
    return fact(fromPath, 'url-path', url.evidence.quote ?? url.value, url.evidence.line, note);
  }
  // A dated line near the headline or byline: the blocks after the h1 in its header or article.

  // The body's first paragraph is read too, for a cued date only (a short line is never the body's start).
  const near = h1 && region ? nearHeadline(h1, region).filter((el) => (el === bodyStart || beforeBody(el)) && !elsewhere(el)) : [];
  for (const el of near) {
    // A short line of its own is a dateline or byline; in a longer one, or in a table (an infobox), only a cued date counts.
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const found = publicationDateInText(text, today, text.length <= 80 && el.closest('table') === null, order);
    if (found) return fact(found.date, 'text:near-headline', found.quote, src.lineOf(el), 'A line near the headline gives the date.');
  }
  // htmldate's date expressions read page-wide, for the class names that say publication outright ("published",
  // "pubdate", "post-date", "entry-date"): a short text there holding a date is the page's (a work's stats, a post's header).
  // A complementary box inside the page's main landmark (a work's metadata panel) holds the page's own date when the
  // term before the element labels it ("Published:"), the box labels no other date so, and no class name marks other
  // content around it (a list of other posts labels a date per post).
  const ownPanel = (el: Element): boolean => {
    const labelled = (e: Element): boolean => /^\s*(?:first\s+)?(?:published|posted)\b/i.test(e.previousElementSibling?.textContent ?? '');
    const box = el.closest('aside, [role="complementary" i]');
    if (!box || !labelled(el) || el.closest('main, [role="main" i]') === null) return false;
    if ([...box.querySelectorAll('*')].filter(labelled).length > 1) return false;
    for (let n: Element | null = el; n && !n.matches('main, [role="main" i]'); n = n.parentElement) {
      if (n.matches('nav, [role="navigation" i]') || OTHER_CONTENT.test(`${n.id} ${n.getAttribute('class') ?? ''}`)) return false;
    }
    return true;
  };
  for (const el of doc.body ? doc.body.querySelectorAll('[class], [id]') : []) {
    const names = `${el.id} ${el.getAttribute('class') ?? ''}`;
    if (!PUBLISHED_CLASS.test(names) || UPDATED.test(names) || el.closest(NOT_VISIBLE) !== null || (inOtherContent(el) && !ownPanel(el))) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const found = text.length > 0 && text.length <= 80 ? publicationDateInText(text, today, true, order) : undefined;
    if (found) return fact(found.date, 'element:published-class', found.quote, src.lineOf(el), `An element marked "${names.trim()}" shows the date.`);
  }
  // htmldate reads a <time datetime> wherever it stands; outside the article's region it is taken only when it is the page's one visible time element.
  const visibleTimes = [...doc.querySelectorAll('time[datetime]')].filter((t) => t.closest(NOT_VISIBLE) === null && !inOtherContent(t));
  if (visibleTimes.length === 1 && !UPDATED.test(marks(visibleTimes[0]!))) {
    const f = candidate(visibleTimes[0]!, 'time:datetime');
    if (f) return { ...f, evidence: { ...f.evidence, note: "The page's one time element gives the date." } };
  }
  // A news dateline opening a paragraph ("Feb. 23, 2015 -- Life-threatening …"): the wire and health-news style of the story's day.
  for (const p of doc.body ? doc.body.querySelectorAll('p') : []) {
    if (p.closest(NOT_VISIBLE) !== null || inOtherContent(p)) continue;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    const first = datesInText(text.slice(0, 40), today)[0];
    if (first && first.index === 0 && /^\s*(?:--|—|–)\s/.test(text.slice(first.quote.length))) {
      return fact(first.date, 'text:dateline', first.quote, src.lineOf(p), 'A paragraph opens with the date as a news dateline.');
    }
  }
  // Only an update's date: the page was published that day or before. Said in the note, so a reader is not misled.
  const modifiedNote = 'The page gives only when it was last modified; it was published that day or earlier.';
  const modified = ldDate('dateModified', modifiedNote) ?? metaDate([[MODIFIED_META, '']], modifiedNote);
  if (modified) return modified;
  const visible = doc.body ? visibleText(doc.body) : '';
  const frequent = mostFrequentDate(visible, today);
  if (frequent) {
    const note = `The page gives no date in its markup; ${frequent.count} dates in its text are this day, more than any other.`;
    return fact(frequent.date, 'text:most-frequent', frequent.quote, undefined, note);
  }
  return undefined;
}

/** Languages whose usage writes the day before the month in a slashed date (British and Commonwealth English, continental Europe). */
const DAY_FIRST = /^(?:en-(?:gb|au|nz|ie|in|za)|de|fr|es|it|pt|nl|pl|cs|sk|da|sv|nb|nn|no|fi|ru|uk|tr|el|ro|id|ca)\b/i;

/**
 * The order of day and month in the page's slashed dates. The page's own
 * slashed dates settle it first: where those with a part over 12 ("2/26/2015",
 * "26/02/2015") all show one order, that is the page's; where they show both,
 * none is. Else its declared locale (`<html lang>`, else `og:locale`): US
 * English writes the month first ("05/08/2014" is 8 May), the locales of
 * `DAY_FIRST` the day. Undefined for a bare "en" (US and British sites both
 * write it) and for other locales, whose slashed dates then count only when
 * one part is over 12 (htmldate's rule).
 */
function dateOrderOf(doc: Document, metas: ReadonlyMap<string, Meta>): DateOrder | undefined {
  const seen = new Set<DateOrder>();
  const text = `${[...metas.values()].map((m) => m.content).join(' ')} ${doc.body?.textContent ?? ''}`;
  for (const m of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d\d)(?![\d/])/g)) {
    const [x, y] = [Number(m[1]), Number(m[2])];
    if (x > 12 && x <= 31 && y >= 1 && y <= 12) seen.add('dmy');
    else if (y > 12 && y <= 31 && x >= 1 && x <= 12) seen.add('mdy');
  }
  if (seen.size > 0) return seen.size === 1 ? [...seen][0] : undefined;
  const locale = (doc.documentElement.getAttribute('lang') || metas.get('og:locale')?.content || '').trim().replace('_', '-');
  if (/^en-us\b/i.test(locale)) return 'mdy';
  return DAY_FIRST.test(locale) ? 'dmy' : undefined;
}

/**
 * A `"datePublished"` written in a JSON-LD script that does not parse (htmldate
 * reads these by pattern too): the first plausible one, so a broken script
 * still gives its date.
 */
function rawLdDate(doc: Document, src: SourceMap, today: string | undefined): PageFact<string> | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    try {
      JSON.parse(text);
      continue;
    } catch {
      // Read below by pattern.
    }
    for (const m of text.matchAll(/"datePublished"\s*:\s*"([^"]{4,40})"/g)) {
      const date = calendarDate(m[1]!);
      if (date && plausibleDate(date, today)) return fact(date, 'json-ld:datePublished', m[1]!, src.lineOf(script), 'The JSON-LD script does not parse; its datePublished was read by pattern.');
    }
  }
  return undefined;
}

/** Without a headline element, the page's first h1, else its first h2 or h3 whose text the page's title holds. */
function headingOfTitle(doc: Document): Element | undefined {
  const visible = (el: Element): boolean => el.closest(NOT_VISIBLE) === null && (el.textContent ?? '').trim() !== '';
  const h1 = [...doc.querySelectorAll('body h1')].find(visible);
  if (h1) return h1;
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  return [...doc.querySelectorAll('body h2, body h3')].find((h) => visible(h) && title.includes((h.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase()));
}

/** The few elements after the h1 in its region (at most 8 blocks, by document order), where bylines and datelines stand. */
function nearHeadline(h1: Element, scope: Element): Element[] {
  const blocks = [...scope.querySelectorAll('p, div, span, address, li, h2, h3, h4, h5, h6')].filter(
    (el) => (h1.compareDocumentPosition(el) & 4) !== 0 && el.children.length <= 3 && (el.textContent ?? '').length <= 200,
  );
  return blocks.slice(0, 8);
}

/** Reference lists and citations, whose dates are of the works cited or when they were read. */
const CITATIONS = /reference|citation|footnote|reflist|bibliograph/i;

/** The page's visible text (the root's own class names are the page's state, not a section's), skipping scripts, navigation, asides, footers, other stories, comments, citations and tables (whose dates are data), one space between elements. */
function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const el = n as Element;
      const names = el === root ? '' : `${el.id} ${el.getAttribute('class') ?? ''}`;
      if (el.matches(NOT_VISIBLE) || el.localName === 'cite' || el.localName === 'table' || OTHER_CONTENT.test(names) || CITATIONS.test(names)) return;
      parts.push(' ');
      for (const c of n.childNodes) walk(c);
      parts.push(' ');
    }
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ');
}
