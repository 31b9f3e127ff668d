/**
 * A deterministic corpus of raw scrapes, for `npm run bench` and
 * `src/cli/gen-corpus.ts`: N plain-text articles shaped like the real seeds
 * in `seeds/`, with the ground truth of what each one is.
 *
 * Contract:
 * - Pure: no I/O, no clock, no `Math.random`. The same (size, seed) gives
 *   byte-identical files on every machine, and the corpus of size N is the
 *   first N articles of any larger one (sizes can be compared).
 * - Streamable: `generateArticle(plan, i)` makes article i alone from its own
 *   random streams (see `random.ts`); the plan holds only a few numbers per
 *   story, so 100,000 articles need no more memory than 100.
 *
 * What the corpus holds, because the real thing holds it:
 * - a world of several dozen topics (16 kinds of news × 3 home cities) and
 *   hundreds of entities (400 people, 60 cities with their countries, ~140
 *   organisations) whose popularity follows Zipf's law, so a few names are
 *   everywhere and most are rare;
 * - stories (one piece of news on one day) of 1 to 10 articles: the first
 *   report, independent rewrites by other outlets (same facts and names, other
 *   words, figures that differ a little), wire copies (the first report's text
 *   under another outlet's wrapper), near-duplicates (a re-scrape with a
 *   paragraph gone and a figure updated) and exact duplicates (the same file
 *   scraped twice);
 * - in each file: the headline repeated (the copy differing in its
 *   apostrophes or case), standfirst, photo credit, byline and dateline
 *   lines, captions, subheadings, dates in the text ("on Tuesday, March 4",
 *   "last October", an earlier year), figures with attributions, quotes; and
 *   boilerplate of ten kinds, each outlet using its own few: navigation,
 *   cookie banners, support lines, ad labels, share buttons, related links,
 *   comment widgets, newsletter prompts, copyright lines, and donation appeals
 *   that run to the end of the page;
 * - sidecars (`<stem>.meta.yaml`: publisher, url, published) for about a
 *   third of the articles; the rest leave the ingest to infer the publisher
 *   from the boilerplate's signature and the date from the weekday in the text.
 */
import {
  AGENCIES,
  ADJECTIVES,
  APPOSITIVE_ROLES,
  CITIES,
  COMPANY_KINDS,
  COMPANY_WORDS,
  DOMAINS,
  FIRST_NAMES,
  GENERIC_SENTENCES,
  HEADINGS,
  INTERNATIONAL_BODIES,
  LAST_YEAR_SENTENCES,
  MENU_ROWS,
  MINISTRY_FIELDS,
  ORDINALS,
  PUBLISHER_NAMES,
  SURNAMES,
  TITLES_BEFORE,
  UNION_TRADES,
  type Domain,
} from './vocabulary.ts';
import { chance, intBetween, pick, shuffled, streamFor, Zipf, type Random } from './random.ts';

/** Bumped whenever a change may change the generated files, so results name the corpus they measured. */
export const CORPUS_VERSION = 1;
export const DEFAULT_SEED = 20250823;

// ---------------------------------------------------------------------------
// Calendar (pure arithmetic on day numbers; no clock)

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

interface CivilDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
}

function civil(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

const dayNumberOf = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;
const pad2 = (n: number): string => String(n).padStart(2, '0');
const isoDate = (c: CivilDate): string => `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
const monthName = (c: CivilDate): string => MONTHS[c.month - 1]!;
const weekdayName = (c: CivilDate): string => WEEKDAYS[c.weekday]!;

/** Stories fall between these days: three years of news. */
const FIRST_DAY = dayNumberOf(2023, 1, 1);
const SPAN_DAYS = 3 * 365;

// ---------------------------------------------------------------------------
// The world

export interface Person {
  first: string;
  last: string;
  /** Written before the name at first mention ("Transport Minister"), else an appositive follows. */
  title?: string;
  /** "an analyst at" + an organisation, when there is no title. */
  role?: string;
  /** The organisation of the appositive. */
  org: number;
}

export interface Org {
  name: string;
  /** Written with "the" ("the Transport Ministry"); companies and some bodies are not. */
  article: boolean;
  acronym?: string;
}

export interface Place {
  name: string;
  country: string;
}

/** The kinds of boilerplate the corpus writes; each outlet uses a few. */
export type JunkKind = 'navigation' | 'cookie-banner' | 'support-line' | 'ad-label' | 'share-buttons' | 'related-links' | 'comment-widget' | 'newsletter-prompt' | 'copyright-line' | 'donation-appeal';
export const JUNK_KINDS: readonly JunkKind[] = ['navigation', 'cookie-banner', 'support-line', 'ad-label', 'share-buttons', 'related-links', 'comment-widget', 'newsletter-prompt', 'copyright-line', 'donation-appeal'];

export interface Outlet {
  name: string;
  domain: string;
  /** True for outlets known only by a domain ("kpxl.news"). */
  bare: boolean;
  junk: ReadonlySet<JunkKind>;
  /** Which wording of each boilerplate block the site uses. */
  variant: number;
  /** Blank lines between blocks (most scrapes), or none (some). */
  blankLines: boolean;
  /** Paragraphs hard-wrapped at 72 columns, as wire dumps and e-mailed copy are. */
  hardWrap: boolean;
  /** Chance that the scrape repeats the headline. */
  repeatHeadline: number;
  byline: number;
  dateline: number;
}

export interface Topic {
  id: string;
  name: string;
  domain: Domain;
  /** Indexes into the world's lists, most prominent first. */
  places: number[];
  people: number[];
  orgs: number[];
  /** Day number on which the running subject began (its stories all say so alike). */
  origin: number;
}

export interface World {
  people: Person[];
  places: Place[];
  orgs: Org[];
  outlets: Outlet[];
  topics: Topic[];
  /** Names for bylines (not entities the text is about). */
  journalists: string[];
}

const zipfs = new Map<string, Zipf>();
/** A Zipf sampler, made once per shape (it holds only cumulative weights). */
function zipf(n: number, s = 1): Zipf {
  const key = `${n}:${s}`;
  let z = zipfs.get(key);
  if (!z) zipfs.set(key, (z = new Zipf(n, s)));
  return z;
}

/** Random stream ids: each piece of the corpus draws from its own. */
const STREAM = { world: 1, plan: 2, body: 3, wrap: 4, kind: 5, stem: 6 } as const;

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

/** The world of a seed: who and what the news is about, and who publishes it. */
export function buildWorld(seed: number): World {
  const r = streamFor(seed, STREAM.world);
  const places: Place[] = shuffled(r, CITIES).map(([name, country]) => ({ name, country }));

  const orgs: Org[] = [];
  for (const field of MINISTRY_FIELDS) orgs.push({ name: `${field} Ministry`, article: true });
  for (const trade of UNION_TRADES) {
    const name = `National ${trade} Union`;
    orgs.push({ name, article: true, acronym: initials(name) });
  }
  for (const [i, place] of places.entries()) {
    if (i < 20) orgs.push({ name: `${place.name} City Council`, article: true });
    if (i % 3 === 0) orgs.push({ name: `${place.name} Port Authority`, article: true });
    if (i % 4 === 1) orgs.push({ name: `${place.name} Police`, article: false });
  }
  const companies = shuffled(
    r,
    COMPANY_WORDS.flatMap((w) => COMPANY_KINDS.map((k) => `${w} ${k}`)),
  ).slice(0, 60);
  for (const name of companies) orgs.push({ name, article: false });
  for (const [name, acronym] of INTERNATIONAL_BODIES) orgs.push({ name, article: !/International$|Watch$/.test(name), ...(acronym ? { acronym } : {}) });
  for (const name of ['Central Bank', 'Supreme Court', 'Electoral Commission', 'Civil Protection Agency', 'Meteorological Office', 'Competition Authority', 'Chamber of Commerce', 'Consumer Council']) {
    orgs.push({ name, article: true });
  }
  const orgOrder = shuffled(r, orgs);

  const names = shuffled(
    r,
    FIRST_NAMES.flatMap((first) => SURNAMES.map((last) => [first, last] as const)),
  );
  const used = new Set<string>();
  const people: Person[] = [];
  for (const [first, last] of names) {
    if (people.length >= 400) break;
    if (used.has(last) && people.length < SURNAMES.length) continue; // the most prominent people get distinct surnames
    used.add(last);
    const org = Math.floor(r() * orgOrder.length);
    if (chance(r, 0.7)) people.push({ first, last, title: pick(r, TITLES_BEFORE), org });
    else people.push({ first, last, role: pick(r, APPOSITIVE_ROLES), org });
  }
  const journalists = names.slice(names.length - 80).map(([f, l]) => `${f} ${l}`);

  const outlets: Outlet[] = shuffled(r, PUBLISHER_NAMES).map((name) => {
    const bare = /^[a-z0-9.-]+$/.test(name);
    const junk = new Set<JunkKind>(JUNK_KINDS.filter(() => chance(r, 0.4)));
    if (junk.size === 0) junk.add(pick(r, JUNK_KINDS));
    return {
      name,
      domain: bare ? name : `${name.toLowerCase().replace(/^the /, '').replace(/[^a-z0-9]+/g, '')}.com`,
      bare,
      junk,
      variant: intBetween(r, 0, 7),
      blankLines: chance(r, 0.85),
      hardWrap: chance(r, 0.06),
      repeatHeadline: pick(r, [0.2, 0.6, 0.9]),
      byline: pick(r, [0, 0.5, 0.9]),
      dateline: pick(r, [0, 0.3, 0.8]),
    };
  });

  const peopleZipf = new Zipf(people.length, 1);
  const placeZipf = new Zipf(places.length, 1);
  const orgZipf = new Zipf(orgOrder.length, 1);
  const topics: Topic[] = [];
  for (const domain of DOMAINS) {
    for (let k = 0; k < 3; k++) {
      const home = placeZipf.sample(r);
      const others = placeZipf.distinct(r, 4).filter((p) => p !== home);
      const homeName = places[home]!.name;
      topics.push({
        id: `${domain.key}-${homeName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        name: `${homeName} ${domain.label}`,
        domain,
        places: [home, ...others.slice(0, 3)],
        people: peopleZipf.distinct(r, 12),
        orgs: orgZipf.distinct(r, 6),
        origin: FIRST_DAY - intBetween(r, 30, 400),
      });
    }
  }
  return { people, places, orgs: orgOrder, outlets, topics: shuffled(r, topics), journalists };
}

// ---------------------------------------------------------------------------
// The plan: stories and which article belongs to which

export interface StoryPlan {
  /** Index into `world.topics`. */
  topic: number;
  /** Day number (days since 1970-01-01) of the news. */
  day: number;
  /** Index of its first article. */
  first: number;
  /** How many articles tell it. */
  size: number;
  /** Where it happened: an index into `world.places`. */
  place: number;
  /** Who it names: indexes into `world.people` and `world.orgs`. */
  people: [number, number, number];
  orgs: [number, number];
  /** Its two figures. */
  n: number;
  m: number;
  /** How many years back its `{year}` lies (the same in every article of the story). */
  back: number;
  /** The agency whose copy other outlets run, for wire stories. */
  wire?: string;
}

export interface CorpusPlan {
  seed: number;
  size: number;
  world: World;
  stories: StoryPlan[];
  /** Story of each article. */
  storyOf: Int32Array;
}

/** Articles per story: most news is told once, some by many outlets. */
function storySize(r: Random): number {
  const u = r();
  if (u < 0.45) return 1;
  if (u < 0.65) return 2;
  if (u < 0.78) return 3;
  if (u < 0.87) return 4;
  if (u < 0.93) return 5;
  return intBetween(r, 6, 10);
}

/** A figure between the domain's bounds, log-uniform, rounded as reporters round. */
function figure(r: Random, [lo, hi]: readonly [number, number]): number {
  const x = Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo)));
  const unit = x >= 10_000 ? 1000 : x >= 1000 ? 100 : x >= 100 ? 10 : 1;
  return Math.max(2, Math.round(x / unit) * unit);
}

/** The stories of a corpus of `size` articles; the same seed gives the same first stories at any size. */
export function planCorpus(size: number, seed = DEFAULT_SEED): CorpusPlan {
  if (!Number.isInteger(size) || size < 1) throw new Error(`corpus size must be a positive integer, not ${size}`);
  const world = buildWorld(seed);
  const r = streamFor(seed, STREAM.plan);
  const topicZipf = zipf(world.topics.length);
  const stories: StoryPlan[] = [];
  const storyOf = new Int32Array(size);
  let next = 0;
  while (next < size) {
    const topic = topicZipf.sample(r);
    const t = world.topics[topic]!;
    const within = zipf(t.people.length);
    const people = within.distinct(r, 3).map((k) => t.people[k]!) as [number, number, number];
    const orgs = zipf(t.orgs.length).distinct(r, 2).map((k) => t.orgs[k]!) as [number, number];
    const wanted = storySize(r);
    const story: StoryPlan = {
      topic,
      day: FIRST_DAY + Math.floor(r() * SPAN_DAYS),
      first: next,
      size: Math.min(wanted, size - next),
      place: t.places[zipf(t.places.length).sample(r)]!,
      people,
      orgs,
      n: figure(r, t.domain.scale),
      m: figure(r, [2, 60]),
      back: intBetween(r, 1, 3),
      ...(wanted >= 2 && chance(r, 0.5) ? { wire: pick(r, AGENCIES) } : {}),
    };
    for (let k = 0; k < story.size; k++) storyOf[next + k] = stories.length;
    stories.push(story);
    next += story.size;
  }
  return { seed, size, world, stories, storyOf };
}

// ---------------------------------------------------------------------------
// Articles

export type ArticleKind = 'original' | 'rewrite' | 'wire-copy' | 'near-duplicate' | 'duplicate';

export interface BodyBlock {
  kind: 'paragraph' | 'heading';
  text: string;
}

export interface GeneratedArticle {
  index: number;
  /** File name without extension: `000042_3f9a1c2b7d0e5a61`, sorted as generated. */
  stem: string;
  /** `<stem>.txt`. */
  fileName: string;
  /** The raw scrape, as the seed file holds it. */
  text: string;
  /** `<stem>.meta.yaml` and its text, for about a third of the articles. */
  sidecar?: { fileName: string; text: string };
  kind: ArticleKind;
  /** The article this one copies (wire copy, near-duplicate, duplicate). */
  copyOf?: number;
  story: number;
  /** The topic's id and name. */
  topic: string;
  topicName: string;
  publisher: string;
  /** YYYY-MM-DD. */
  published: string;
  /** Ground truth: what a perfect ingest would keep. */
  headline: string;
  standfirst?: string;
  body: BodyBlock[];
  captions: string[];
  /** Ground truth: every boilerplate block written into the file, with its lines. */
  junk: { kind: JunkKind; lines: string[] }[];
}

interface Content {
  headline: string;
  standfirst?: string;
  body: BodyBlock[];
  captions: string[];
}

const formatNumber = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const capitalise = (s: string): string => s.replace(/^([“"‘']?)(\p{Ll})/u, (_, q: string, c: string) => q + c.toUpperCase());
const titleCase = (s: string): string => s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());

/** Fills templates for one article, remembering who was already introduced. */
class Writer {
  private readonly introduced = new Set<string>();
  private readonly world: World;
  private readonly story: StoryPlan;
  private readonly r: Random;
  /** This article's figures: the story's, as this outlet reports them. */
  private readonly figures: { n: number; m: number };

  constructor(world: World, story: StoryPlan, r: Random, figures: { n: number; m: number }) {
    this.world = world;
    this.story = story;
    this.r = r;
    this.figures = figures;
  }

  get domain(): Domain {
    return this.world.topics[this.story.topic]!.domain;
  }

  private person(k: 0 | 1 | 2, headline: boolean): string {
    const p = this.world.people[this.story.people[k]]!;
    const key = `p${k}`;
    if (headline) return p.last;
    if (this.introduced.has(key)) return p.last;
    this.introduced.add(key);
    if (p.title && k !== 2) return `${p.title} ${p.first} ${p.last}`;
    return `${p.first} ${p.last}, ${p.role ?? 'an adviser to'} ${this.org(this.world.orgs[p.org]!, false)},`;
  }

  private org(o: Org, headline: boolean): string {
    if (headline) return o.name;
    const the = o.article ? 'the ' : '';
    if (!o.acronym) return `${the}${o.name}`;
    if (this.introduced.has(o.name)) return `${the}${o.acronym}`;
    this.introduced.add(o.name);
    return `${the}${o.name} (${o.acronym})`;
  }

  private otherPlace(): Place {
    const t = this.world.topics[this.story.topic]!;
    const choices = t.places.filter((p) => p !== this.story.place);
    return this.world.places[choices.length > 0 ? pick(this.r, choices) : this.story.place]!;
  }

  /** One template filled; `headline` mode writes names short and in title case. */
  fill(template: string, headline = false): string {
    const day = civil(this.story.day);
    const place = this.world.places[this.story.place]!;
    const out = template.replace(/\{(\w+)\}/g, (_, slot: string): string => {
      switch (slot) {
        case 'place':
          return place.name;
        case 'place2':
          return this.otherPlace().name;
        case 'country':
          return place.country;
        case 'P':
          return this.person(0, headline);
        case 'Q':
          return this.person(1, headline);
        case 'R':
          return this.person(2, headline);
        case 'org':
          return this.org(this.world.orgs[this.story.orgs[0]]!, headline);
        case 'org2':
          return this.org(this.world.orgs[this.story.orgs[1]]!, headline);
        case 'n':
          return formatNumber(this.figures.n);
        case 'm':
          return formatNumber(this.figures.m);
        case 'date':
          return `${weekdayName(day)}, ${monthName(day)} ${day.day}`;
        case 'dow':
          return weekdayName(day);
        case 'began':
        case 'origin': {
          // The topic's origin: "last October" within the past year, else "(in) October 2022".
          const origin = civil(this.world.topics[this.story.topic]!.origin);
          if (this.story.day - this.world.topics[this.story.topic]!.origin < 300 && origin.month !== day.month) return `last ${monthName(origin)}`;
          return `${slot === 'began' ? 'in ' : ''}${monthName(origin)} ${origin.year}`;
        }
        case 'year':
          return String(day.year - this.story.back);
        case 'lastYear':
          return String(day.year - 1);
        case 'agency':
          return this.story.wire ?? pick(this.r, AGENCIES);
        case 'crowd':
          return this.domain.crowd;
        case 'Crowd':
          return titleCase(this.domain.crowd);
        case 'noun':
          return pick(this.r, this.domain.nouns);
        case 'label':
          return this.domain.label;
        case 'Label':
          return titleCase(this.domain.label);
        case 'adj':
          return pick(this.r, ADJECTIVES);
        case 'ordinal':
          return pick(this.r, ORDINALS);
        case 'Ordinal':
          return titleCase(pick(this.r, ORDINALS));
        default:
          throw new Error(`unknown slot {${slot}}`);
      }
    });
    // A slot that ends in an appositive's comma, right before the sentence's own punctuation.
    return capitalise(out.replace(/,([.,])/g, '$1'));
  }

  /** A quote paragraph: “…,” said X. */
  quote(text: string): string {
    const who = chance(this.r, 0.5) ? '{P}' : '{Q}';
    const form = pick(this.r, [`“${text},” ${who} said.`, `“${text},” said ${who}.`, `“${text},” ${who} told {agency}.`]);
    return this.fill(form).replace(/,\.$/, '.');
  }
}

/** Text of the story as one outlet writes it: headline, standfirst, body and captions. */
function writeContent(plan: CorpusPlan, index: number, story: StoryPlan, first: boolean): Content {
  const r = streamFor(plan.seed, STREAM.body, index);
  // Rewrites report the figures a little differently, as outlets quoting other sources do.
  const jitter = (x: number): number => (first || chance(r, 0.5) ? x : Math.max(2, Math.round(x * (0.85 + 0.3 * r()))));
  const w = new Writer(plan.world, story, r, { n: jitter(story.n), m: jitter(story.m) });
  const d = w.domain;
  const headline = w.fill(pick(r, d.headlines), true);
  const standfirst = chance(r, 0.5) ? w.fill(pick(r, d.standfirsts)) : undefined;

  const lead = w.fill(pick(r, d.leads));
  const place = plan.world.places[story.place]!;
  const paragraphs: string[] = [first && story.wire ? `${place.name.toUpperCase()} (${story.wire}) — ${lead}` : lead];
  const seen = new Set<string>(paragraphs);
  const long = chance(r, 0.06);
  const count = long ? intBetween(r, 18, 26) : intBetween(r, 9, 16);
  let quotes = shuffled(r, d.quotes).slice(0, intBetween(r, 1, 3));
  // Most sentences are the domain's own (real articles are mostly about their
  // subject), the rest background any story can carry. Templates are drawn
  // without replacement (a fresh shuffle once all are used), and no sentence
  // is written twice in one article.
  const bags = { own: [] as string[], generic: [] as string[] };
  const sentence = (): string | undefined => {
    for (let tries = 0; tries < 4; tries++) {
      const which = chance(r, 0.55) ? 'own' : 'generic';
      if (bags[which].length === 0) bags[which] = shuffled(r, which === 'own' ? [...d.figures, ...d.details] : GENERIC_SENTENCES);
      const text = w.fill(bags[which].pop()!);
      if (!seen.has(text)) {
        seen.add(text);
        return text;
      }
    }
    return undefined;
  };
  for (let tries = 0; paragraphs.length < count && tries < count * 6; tries++) {
    let text: string;
    // The second paragraph gives a figure and names the year before the story's,
    // so a weekday with month and day fixes one year, as the ingest's date rule needs.
    if (paragraphs.length === 1) text = `${w.fill(pick(r, d.figures))} ${w.fill(pick(r, LAST_YEAR_SENTENCES))}`;
    else if (quotes.length > 0 && chance(r, 0.3)) {
      text = w.quote(quotes[0]!);
      quotes = quotes.slice(1);
    } else {
      text = Array.from({ length: intBetween(r, 2, 4) }, sentence)
        .filter((x) => x !== undefined)
        .join(' ');
    }
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    for (const part of text.split(/(?<=\.) /)) seen.add(part);
    paragraphs.push(text);
  }
  const body: BodyBlock[] = paragraphs.map((text) => ({ kind: 'paragraph', text }));
  if (body.length >= 7 && chance(r, long ? 1 : 0.2)) {
    body.splice(Math.floor(body.length * 0.6), 0, { kind: 'heading', text: w.fill(pick(r, HEADINGS), true) });
  }
  const captions = shuffled(r, d.captions)
    .slice(0, pick(r, [0, 1, 1, 2]))
    .map((c) => w.fill(c));
  return { headline, ...(standfirst ? { standfirst } : {}), body, captions };
}

/** The outlet's wording of a boilerplate block. */
function junkLines(kind: JunkKind, outlet: Outlet, r: Random, year: number, related: () => string[]): string[] {
  const v = outlet.variant;
  const name = outlet.name;
  switch (kind) {
    case 'navigation':
      return [['Skip to main content', 'Menu'], ['Menu', 'Search'], ['Skip to content', 'Sign in']][v % 3]!.concat(MENU_ROWS[v % MENU_ROWS.length]!);
    case 'cookie-banner':
      return v % 2 === 0
        ? ['We use cookies to improve your experience on our site.', 'Accept all', 'Reject all', 'Manage preferences']
        : ['This website uses cookies to personalise content and analyse traffic.', 'I agree', 'Customise'];
    case 'support-line':
      return [v % 2 === 0 ? `Support ${name}!` : `Please support ${name} today`];
    case 'ad-label':
      return [pick(r, ['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Sponsored Content', 'Header Ads Widget'])];
    case 'share-buttons':
      return [['Share', 'Facebook', 'Twitter', 'Email'], ['Share this article'], ['Share on Facebook', 'Share on WhatsApp', 'Copy link']][v % 3]!;
    case 'related-links':
      return [pick(r, ['Read more', 'Related stories', 'Most read']), ...related()];
    case 'comment-widget':
      return [
        ['Post a Comment', '0 Comments'],
        ['Leave a Reply', 'Your email address will not be published. Required fields are marked *'],
        [`${intBetween(r, 2, 140)} Comments`, 'Join the conversation'],
      ][v % 3]!;
    case 'newsletter-prompt':
      return outlet.bare || v % 2 === 1
        ? ['Sign up for our free weekly newsletter', 'Our weekly newsletter brings you a hand-picked selection of news every Friday.', 'Subscribers agree to the Privacy Policy']
        : [`Sign up for ${name}’s free daily newsletter`, 'Get the headlines that matter delivered to your inbox every morning.'];
    case 'copyright-line':
      return [v % 2 === 0 ? `© ${year} ${name}. All rights reserved.` : `Copyright ${year} ${name}`];
    case 'donation-appeal':
      return [
        v % 2 === 0 ? `A Message from ${name}:` : 'Dear readers,',
        ...(v % 2 === 0 ? ['Dear readers,'] : []),
        'Independent journalism costs money, and we rely on readers like you to keep our reporting free for everyone.',
        'If you value our work, please consider a contribution. Every gift, however small, helps us continue.',
        `By supporting ${name}, you are helping to keep independent news alive. Thank you for standing with us.`,
        'Once',
        'Monthly',
        'Annual',
        'Continue',
        'Not ready to support today?',
        'Remind me later.',
      ];
  }
}

/**
 * Hard wrap near `width` columns, as a terminal or mail client does. The width
 * is nudged (down to 60) until most breaks fall mid-sentence: a paragraph whose
 * lines all end in a full stop or quote cannot be told from separate lines.
 */
function hardWrap(text: string, width: number): string[] {
  let best = greedyWrap(text, width);
  for (let w = width; w >= 60; w--) {
    const lines = greedyWrap(text, w);
    const inner = lines.slice(0, -1);
    if (inner.filter((l) => !/[.!?:"”’)]$/.test(l)).length >= inner.length / 2) return lines;
    best = lines;
  }
  return best;
}

function greedyWrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const slugOf = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/** Article `index` of the corpus (0-based), made from its own random streams. */
export function generateArticle(plan: CorpusPlan, index: number): GeneratedArticle {
  if (index < 0 || index >= plan.size) throw new Error(`article ${index} is outside the corpus of ${plan.size}`);
  const { world } = plan;
  const storyIndex = plan.storyOf[index]!;
  const story = plan.stories[storyIndex]!;
  const topic = world.topics[story.topic]!;
  const pos = index - story.first;
  const kr = streamFor(plan.seed, STREAM.kind, index);
  const sr = streamFor(plan.seed, STREAM.stem, index);
  const hex = [sr(), sr()].map((x) => Math.floor(x * 2 ** 32).toString(16).padStart(8, '0')).join('');
  const stem = `${String(index).padStart(6, '0')}_${hex}`;

  // What this article is: the first report, or what it makes of an earlier one.
  const u = kr();
  // Of the later articles: 2% exact duplicates; in wire stories about half are wire copies; ~12% near-duplicates; the rest rewrites.
  const kind: ArticleKind =
    pos === 0 ? 'original' : u < 0.02 ? 'duplicate' : story.wire && u < 0.5 ? 'wire-copy' : u < (story.wire ? 0.62 : 0.14) ? 'near-duplicate' : 'rewrite';
  const sourceIndex = kind === 'wire-copy' ? story.first : index - 1;
  const source = kind === 'original' || kind === 'rewrite' ? undefined : generateArticle(plan, sourceIndex);
  const base = { index, stem, fileName: `${stem}.txt`, story: storyIndex, topic: topic.id, topicName: topic.name };

  if (kind === 'duplicate' && source) {
    // The same page scraped twice: the same bytes under another name, no sidecar.
    const copy: GeneratedArticle = { ...source, ...base, kind, copyOf: source.index };
    delete copy.sidecar;
    return copy;
  }

  const r = streamFor(plan.seed, STREAM.wrap, index);
  const published = civil(story.day + (pos === 0 ? 0 : intBetween(r, 0, 2)));
  const outletZipf = zipf(world.outlets.length, 0.9);
  let outlet = world.outlets[outletZipf.sample(r)]!;
  if (source && kind === 'wire-copy') while (outlet.name === source.publisher) outlet = world.outlets[outletZipf.sample(r)]!;
  if (source && kind === 'near-duplicate' && chance(r, 0.5)) outlet = world.outlets.find((o) => o.name === source.publisher) ?? outlet;

  let content: Content;
  if (kind === 'wire-copy' && source) {
    content = { headline: source.headline, body: source.body, captions: source.captions, ...(source.standfirst ? { standfirst: source.standfirst } : {}) };
    if (chance(r, 0.5)) content.headline = writeContent(plan, index, story, false).headline;
  } else if (kind === 'near-duplicate' && source) {
    const body = [...source.body];
    const paragraphs = body.map((b, i) => (b.kind === 'paragraph' ? i : -1)).filter((i) => i > 0);
    if (paragraphs.length >= 4) body.splice(pick(r, paragraphs), 1);
    // A figure (not a year) revised upwards.
    const FIGURE = /\b\d{1,3}(?:,\d{3})+\b|\b\d{2,3}\b/;
    const withNumber = body.findIndex((b, i) => i > 0 && b.kind === 'paragraph' && FIGURE.test(b.text));
    if (withNumber >= 0) {
      const b = body[withNumber]!;
      body[withNumber] = { kind: b.kind, text: b.text.replace(FIGURE, (x) => formatNumber(Number(x.replace(/,/g, '')) + intBetween(r, 1, 9))) };
    }
    const UPDATED = 'This article has been updated with new figures.';
    if (!body.some((b) => b.text === UPDATED)) body.push({ kind: 'paragraph', text: UPDATED });
    content = { headline: source.headline, body, captions: source.captions, ...(source.standfirst ? { standfirst: source.standfirst } : {}) };
  } else {
    content = writeContent(plan, index, story, pos === 0);
  }

  // The scrape: the outlet's boilerplate around the article.
  const junk: { kind: JunkKind; lines: string[] }[] = [];
  const blocks: string[][] = [];
  const put = (...lines: string[]): void => void blocks.push(lines);
  const putJunk = (k: JunkKind): void => {
    const lines = junkLines(k, outlet, r, published.year, () => {
      // Links to stories told so far (never later ones, so a smaller corpus stays a prefix of a larger).
      const other = new Writer(world, plan.stories[Math.floor(r() * (storyIndex + 1))]!, r, { n: 10, m: 3 });
      const headlines = shuffled(r, other.domain.headlines).map((h) => other.fill(h, true));
      return [...new Set(headlines)].filter((h) => h !== content.headline).slice(0, 2);
    });
    junk.push({ kind: k, lines });
    for (const line of lines) put(line);
  };
  const has = (k: JunkKind): boolean => outlet.junk.has(k);
  const cookieTop = has('cookie-banner') && chance(r, 0.5);

  if (has('navigation')) putJunk('navigation');
  if (cookieTop) putJunk('cookie-banner');
  if (has('support-line')) putJunk('support-line');
  const headlineCopy = content.headline.includes('’') ? content.headline.replace(/’/g, "'") : chance(r, 0.2) ? content.headline.toUpperCase() : content.headline;
  const repeat = chance(r, outlet.repeatHeadline);
  const standfirstFirst = repeat && content.standfirst !== undefined && chance(r, 0.25);
  if (standfirstFirst) put(content.standfirst!);
  put(content.headline);
  if (repeat) put(headlineCopy);
  if (content.standfirst !== undefined && !standfirstFirst) put(content.standfirst);
  if (chance(r, 0.2)) put(pick(r, [`Photo: ${story.wire ?? 'AFP'}`, story.wire ?? 'Reuters', 'AFP via Getty Images']));
  if (chance(r, outlet.byline)) put(`By ${pick(r, world.journalists)}`);
  if (chance(r, outlet.dateline)) {
    const iso = isoDate(published);
    put(
      pick(r, [
        `Published ${published.day} ${monthName(published)} ${published.year}`,
        `Updated: ${monthName(published).slice(0, 3)} ${published.day}, ${published.year}, ${pad2(intBetween(r, 6, 22))}:${pad2(intBetween(r, 0, 59))} GMT`,
        iso,
      ]),
    );
  }
  const captionAt = new Map<number, string>();
  content.captions.forEach((c, k) => captionAt.set(k === 0 ? 1 : Math.min(content.body.length - 1, 3 + k * 3), c));
  const adAt = has('ad-label') ? 2 : -1;
  // Related links stand before a paragraph: a subheading right after the list would read as one more link.
  const relatedAt = has('related-links') ? content.body.findIndex((b, k) => k >= 4 && b.kind === 'paragraph' && content.body[k - 1]?.kind === 'paragraph') : -1;
  content.body.forEach((b, k) => {
    const caption = captionAt.get(k);
    if (caption) put(caption);
    if (k === adAt) putJunk('ad-label');
    if (k === relatedAt) putJunk('related-links');
    if (outlet.hardWrap && b.kind === 'paragraph') put(...hardWrap(b.text, 72));
    else put(b.text);
  });
  if (story.wire && kind !== 'rewrite' && chance(r, 0.5)) {
    put(`Reporting by ${pick(r, world.journalists)}; Editing by ${pick(r, world.journalists)}`);
  }
  if (has('share-buttons')) putJunk('share-buttons');
  if (has('comment-widget')) putJunk('comment-widget');
  if (has('newsletter-prompt')) putJunk('newsletter-prompt');
  if (has('copyright-line')) putJunk('copyright-line');
  if (has('cookie-banner') && !cookieTop) putJunk('cookie-banner');
  if (has('donation-appeal')) putJunk('donation-appeal');

  // Blocks apart by a blank line, or (some sites) none; a hard-wrapped paragraph's lines stay together.
  const separator = outlet.blankLines || outlet.hardWrap ? '\n\n' : '\n';
  const text = `${blocks.map((lines) => lines.join('\n')).join(separator)}\n`;

  let sidecar: GeneratedArticle['sidecar'];
  if (chance(r, 0.35)) {
    const iso = isoDate(published);
    const url = `https://${outlet.domain}/${iso.replace(/-/g, '/')}/${slugOf(content.headline)}`;
    const note = chance(r, 0.3) ? 'note: Date taken from the URL path.\n' : '';
    sidecar = {
      fileName: `${stem}.meta.yaml`,
      text: `# Editorial facts for ${stem}.txt.\npublisher: ${JSON.stringify(outlet.name)}\nurl: ${url}\npublished: ${iso}\n${note}`,
    };
  }
  return {
    ...base,
    text,
    ...(sidecar ? { sidecar } : {}),
    kind,
    ...(source ? { copyOf: source.index } : {}),
    publisher: outlet.name,
    published: isoDate(published),
    ...content,
    junk,
  };
}

/** Every article in order, one at a time. */
export function* generateCorpus(plan: CorpusPlan): Generator<GeneratedArticle> {
  for (let i = 0; i < plan.size; i++) yield generateArticle(plan, i);
}

/**
 * The article as a plain Astro site would take it: Markdown with a `title`
 * in front matter and the clean paragraphs (subheadings as `##`), for the
 * benchmark's baseline. No markup in the generated text needs escaping.
 */
export function baselineMarkdown(article: GeneratedArticle): string {
  const body = article.body.map((b) => (b.kind === 'heading' ? `## ${b.text}` : b.text)).join('\n\n');
  return `---\ntitle: ${JSON.stringify(article.headline)}\ndate: ${article.published}\n---\n\n${body}\n`;
}

/** Counts that describe a generated corpus, for the CLI's summary. */
export interface CorpusStats {
  articles: number;
  sidecars: number;
  stories: number;
  topics: number;
  people: number;
  places: number;
  orgs: number;
  outlets: number;
  kinds: Record<ArticleKind, number>;
  bytes: number;
}

/** An empty tally, to add articles to with `tally`. */
export function emptyStats(plan: CorpusPlan): CorpusStats {
  const w = plan.world;
  return {
    articles: 0,
    sidecars: 0,
    stories: plan.stories.length,
    topics: w.topics.length,
    people: w.people.length,
    places: w.places.length,
    orgs: w.orgs.length,
    outlets: w.outlets.length,
    kinds: { original: 0, rewrite: 0, 'wire-copy': 0, 'near-duplicate': 0, duplicate: 0 },
    bytes: 0,
  };
}

export function tally(stats: CorpusStats, a: GeneratedArticle): void {
  stats.articles++;
  stats.kinds[a.kind]++;
  stats.bytes += new TextEncoder().encode(a.text).length;
  if (a.sidecar) {
    stats.sidecars++;
    stats.bytes += new TextEncoder().encode(a.sidecar.text).length;
  }
}

/** A one-word query that many articles match: the most prominent topic's home city. */
export function frequentWord(plan: CorpusPlan): string {
  const counts = new Map<number, number>();
  for (const s of plan.stories) counts.set(s.place, (counts.get(s.place) ?? 0) + s.size);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([p]) => plan.world.places[p]!.name);
  return ranked.find((name) => !name.includes(' ')) ?? ranked[0]!.split(' ')[0]!;
}
