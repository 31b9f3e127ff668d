/**
 * The words entity rules know and the keys names are compared by: general
 * English word lists (function words, titles, role words, organisation and
 * place head nouns, name connectors), a small table of countries, regions
 * and their demonyms, and name folding, slugs, form patterns and initials.
 * None names anything the seeds are about; each is the kind of list any
 * English news text needs.
 */

// ---------------------------------------------------------------------------
// General word lists.

/** Function words, modals and auxiliaries ("Will Tunisia…", "Can Meg Whitman…": a headline's question), pronouns, months and weekdays: never a name on their own, and dropped at the start of a name. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those some several many both each every all any no one neither either most such other another ' +
    'i we you he she they it his her their our its my your them us him me who whom whose which what why how where when ' +
    'as at in on for from by with of to and but or nor if while after before during since until despite although though however ' +
    'meanwhile according last next yet so then also only even still just here there once because than like unlike ' +
    'will would can could shall should must might do does did is are was were has have had be been ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday'
  ).split(' '),
);

/** Capitalised titles that stand before a person's name ("President Vladimir Putin"). */
export const TITLES = new Set(
  (
    'president minister prime chancellor secretary senator governor mayor general gen colonel col lieutenant lt admiral adm marshal ' +
    'commander chairman chairwoman chair premier king queen prince princess pope mr mrs ms dr sir lord lady ambassador ' +
    'spokesman spokeswoman spokesperson leader lawmaker representative rep sen judge justice director chief envoy sergeant sgt captain capt major maj ' +
    'pm sheikh sheik archbishop bishop cardinal rev reverend'
  ).split(' '),
);

/** Lower-case role and kinship words that, right before a name, say it is a person's ("lawmaker Lee", "his daughter, Ju Ae"). */
const ROLE_WORDS =
  'president|minister|leader|lawmaker|legislator|senator|general|commander|chief|spokesman|spokeswoman|spokesperson|official|ambassador|envoy|diplomat|analyst|' +
  'daughter|son|wife|husband|sister|brother|mother|father|chairman|premier|secretary|governor|mayor|colonel|sergeant|reporter|correspondent|journalist|director|dictator|successor';
export const ROLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${ROLE_WORDS})\\s*,?\\s+$`, 'iu');
/** An appositive that ends in a role: "Viktor Orbán, Hungary’s prime minister, said". */
export const ROLE_AFTER = new RegExp(`^,\\s+(?:[\\p{L}’'.-]+\\s+){0,4}?(?:${ROLE_WORDS})(?:\\s+(?:of|for|to|at|in)(?:\\s+[\\p{L}’'.-]+){1,3})?,`, 'iu');

/** Last words that make a name an organisation's. */
export const ORG_HEADS = new Set(
  (
    'agency ministry service services party commission committee council television tv radio news network army navy forces force ' +
    'command department office bureau university institute association union bank company corporation corp inc ltd group ' +
    'organization organisation court parliament assembly congress senate government cabinet alliance federation foundation fund ' +
    'times post press guard police academy society league club authority administration board'
  ).split(' '),
);

/** Geographic head nouns: "Kursk region" is the place Kursk. */
const PLACE_HEADS = 'region|province|oblast|county|district|prefecture|peninsula|border region';
export const PLACE_AFTER = new RegExp(`^\\s+(?:${PLACE_HEADS})(?![\\p{L}])`, 'iu');
export const PLACE_HEAD_WORDS = new Set(['region', 'province', 'oblast', 'county', 'district', 'prefecture']);

/** Lower-case words that may stand inside a name between capitalised words ("Bank of England"). */
export const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'de', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'du', 'da']);

/**
 * Countries and continents: the canonical name, other names and
 * abbreviations, and demonyms (looked for in the text as adjectives: "North
 * Korean soldiers" names North Korea). General knowledge, not seed knowledge.
 */
const PLACES: readonly { name: string; names?: readonly string[]; demonyms: readonly string[] }[] = [
  { name: 'United States', names: ['U.S.', 'US', 'USA', 'U.S.A.', 'America'], demonyms: ['American', 'Americans'] },
  { name: 'United Kingdom', names: ['U.K.', 'UK', 'Britain', 'Great Britain'], demonyms: ['British', 'Briton', 'Britons'] },
  { name: 'North Korea', names: ['DPRK'], demonyms: ['North Korean', 'North Koreans'] },
  { name: 'South Korea', names: ['ROK'], demonyms: ['South Korean', 'South Koreans'] },
  { name: 'Korea', demonyms: ['Korean', 'Koreans'] },
  { name: 'Russia', names: ['Russian Federation'], demonyms: ['Russian', 'Russians'] },
  { name: 'Ukraine', demonyms: ['Ukrainian', 'Ukrainians'] },
  { name: 'Belarus', demonyms: ['Belarusian', 'Belarusians'] },
  { name: 'China', names: ['PRC'], demonyms: ['Chinese'] },
  { name: 'Taiwan', demonyms: ['Taiwanese'] },
  { name: 'Japan', demonyms: ['Japanese'] },
  { name: 'Mongolia', demonyms: ['Mongolian', 'Mongolians'] },
  { name: 'Vietnam', demonyms: ['Vietnamese'] },
  { name: 'Philippines', demonyms: ['Filipino', 'Filipinos', 'Philippine'] },
  { name: 'Indonesia', demonyms: ['Indonesian', 'Indonesians'] },
  { name: 'Thailand', demonyms: ['Thai'] },
  { name: 'India', demonyms: ['Indian', 'Indians'] },
  { name: 'Pakistan', demonyms: ['Pakistani', 'Pakistanis'] },
  { name: 'Afghanistan', demonyms: ['Afghan', 'Afghans'] },
  { name: 'Iran', demonyms: ['Iranian', 'Iranians'] },
  { name: 'Iraq', demonyms: ['Iraqi', 'Iraqis'] },
  { name: 'Syria', demonyms: ['Syrian', 'Syrians'] },
  { name: 'Israel', demonyms: ['Israeli', 'Israelis'] },
  { name: 'Turkey', names: ['Türkiye'], demonyms: ['Turkish', 'Turks'] },
  { name: 'Saudi Arabia', demonyms: ['Saudi', 'Saudis'] },
  { name: 'Egypt', demonyms: ['Egyptian', 'Egyptians'] },
  { name: 'Germany', demonyms: ['German', 'Germans'] },
  { name: 'France', demonyms: ['French'] },
  { name: 'Italy', demonyms: ['Italian', 'Italians'] },
  { name: 'Spain', demonyms: ['Spanish'] },
  { name: 'Poland', demonyms: ['Polish', 'Poles'] },
  { name: 'Netherlands', demonyms: ['Dutch'] },
  { name: 'Sweden', demonyms: ['Swedish', 'Swedes'] },
  { name: 'Finland', demonyms: ['Finnish', 'Finns'] },
  { name: 'Norway', demonyms: ['Norwegian', 'Norwegians'] },
  { name: 'Georgia', demonyms: ['Georgian', 'Georgians'] },
  { name: 'Moldova', demonyms: ['Moldovan', 'Moldovans'] },
  { name: 'Romania', demonyms: ['Romanian', 'Romanians'] },
  { name: 'Hungary', demonyms: ['Hungarian', 'Hungarians'] },
  { name: 'Canada', demonyms: ['Canadian', 'Canadians'] },
  { name: 'Mexico', demonyms: ['Mexican', 'Mexicans'] },
  { name: 'Brazil', demonyms: ['Brazilian', 'Brazilians'] },
  { name: 'Australia', demonyms: ['Australian', 'Australians'] },
  { name: 'Europe', demonyms: ['European', 'Europeans'] },
  { name: 'Asia', demonyms: ['Asian', 'Asians'] },
  { name: 'Africa', demonyms: ['African', 'Africans'] },
];

// ---------------------------------------------------------------------------
// Folding.

const PLAIN_WORD = /^[A-Za-z0-9]*$/;

/** Comparison key of a name: case, diacritics, apostrophes, hyphens, possessive, leading "the" and dots folded. */
export function foldName(text: string): string {
  // A word of plain letters and digits (most words) folds to its lower case: no step below changes anything else in it.
  if (PLAIN_WORD.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]s$/u, '')
    .replace(/['’‘`´]/gu, '')
    .replace(/[-‐-―]/gu, ' ')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** A readable slug: "Workers’ Party" → `workers-party`. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’‘`´.]/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'entity'
  );
}

export const PLACE_BY_KEY = new Map<string, { name: string; demonym: boolean }>();
for (const p of PLACES) {
  PLACE_BY_KEY.set(foldName(p.name), { name: p.name, demonym: false });
  for (const n of p.names ?? []) PLACE_BY_KEY.set(foldName(n), { name: p.name, demonym: false });
  for (const d of p.demonyms) PLACE_BY_KEY.set(foldName(d), { name: p.name, demonym: true });
}
export const DEMONYM_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${PLACES.flatMap((p) => p.demonyms)
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex that finds a form as whole words in any case, with any apostrophe and hyphen-or-space style. */
export function formPattern(form: string, caseInsensitive: boolean): RegExp {
  const body = form
    .trim()
    .split('')
    .map((ch) => (/['’‘]/.test(ch) ? "['’‘]" : /[-\s]/.test(ch) ? '[-\\s]' : escapeRegExp(ch)))
    .join('');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, caseInsensitive ? 'giu' : 'gu');
}

export function initials(key: string): string {
  return key
    .split(' ')
    .filter((w) => w !== '' && !CONNECTORS.has(w))
    .map((w) => w[0] ?? '')
    .join('');
}

/** True when an acronym's letters are initials of a name's words, in order, the first word's first (both folded). */
export function spellsInitials(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{L}\p{N}]/gu, '');
  const firsts = name.split(' ').filter(Boolean).map((w) => w[0]);
  if (letters === '' || letters[0] !== firsts[0]) return false;
  let at = 0;
  for (const f of firsts) if (f === letters[at]) at += 1;
  return at === letters.length;
}

export function isAcronym(surface: string): boolean {
  return /^(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\d]{1,5})$/u.test(surface);
}
