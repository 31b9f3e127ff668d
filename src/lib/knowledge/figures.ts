/**
 * Figures: the numbers the articles claim about the story (killed, wounded,
 * casualties, troops deployed), each with its hedge, what it counts, who it
 * is attributed to and the sentence it stands in, and `groupFigures` to set
 * the articles' claims side by side ("deaths: about 600, in four articles").
 *
 * Reading a sentence, by general rules only:
 * - a number is digits ("600", "4,000", "1.5 million") or words ("a dozen",
 *   "twenty-five", "thousands", "tens of thousands"); years, days of a month,
 *   percentages, magnitudes ("7.0-magnitude"), sums of money ("$4
 *   million") and numbers of time or distance units ("25-minute", "two
 *   years") are not figures;
 * - the hedge is the words right before it ("around" → about, "more than" →
 *   more-than, "up to" → up-to, "at least", "fewer than"); a plural number
 *   word with no figure ("thousands") is vague;
 * - the counted noun is the first troop, people or materiel noun within four
 *   words after it ("600 North Korean soldiers", "thousands of troops");
 * - the measure is, in this order: the counted noun itself when it is one
 *   ("6,000 casualties"); a measure word the number is the object of
 *   ("killed 40 soldiers", "deployed more than 10,000", "a deployment of
 *   roughly 15,000"); the first measure word after the number, before the
 *   next number, within six words ("600 soldiers have died", "15,000
 *   deployed"; "killed or wounded" is casualties); a measure word within the
 *   five words before it ("deployed more than 10,000 troops", "a total
 *   deployment of 15,000 soldiers"); else `other` when the counted noun is
 *   troops or materiel; else the number is not a figure. A number followed
 *   by another state ("two million affected", "left homeless") takes its
 *   measure from the words after it only, and a list ending in one
 *   ("killed, injured or left homeless") is `other`;
 * - a figure with no counted noun ("thousands more wounded", "a reported
 *   15,000 deployed") counts what the figure before it in the sentence counts;
 * - the attribution is the sentence's "according to X" or the subject of a
 *   reporting verb ("X estimates that", "X said", "X sources suggest"), the
 *   nearest one before the number, else the first after it.
 *
 * Pure and deterministic: figures come in article id, block and text order.
 */
import type { Figure, FigureClaim, FigureGroup, Measure, Qualifier } from './schema.ts';
import { articleUnits, sentences, type KnowledgeArticle } from './text.ts';

const UNITS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SMALL_VALUE = new Map<string, number>([...UNITS.map((w, i): [string, number] => [w, i + 1]), ...TENS.map((w, i): [string, number] => [w, (i + 2) * 10])]);
const SCALE = new Map<string, number>([
  ['hundred', 100],
  ['thousand', 1_000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
]);

const SMALL = `(?:${TENS.join('|')})(?:[- ](?:${UNITS.slice(0, 9).join('|')}))?|${UNITS.join('|')}`;
const SCALES = '(?:\\s+(?:hundred|thousand|million|billion))';
/** Plural number words: the least they can mean. */
const VAGUE_VALUES: readonly [RegExp, number][] = [
  [/^tens of thousands$/i, 20_000],
  [/^hundreds of thousands$/i, 200_000],
  [/^tens of millions$/i, 20_000_000],
  [/^hundreds of millions$/i, 200_000_000],
  [/^dozens$/i, 24],
  [/^scores$/i, 40],
  [/^hundreds$/i, 200],
  [/^thousands$/i, 2_000],
  [/^millions$/i, 2_000_000],
  [/^several (?:hundred|thousand|million)$/i, 3],
  [/^a few (?:hundred|thousand|million)$/i, 2],
];
const VAGUE = 'tens of (?:thousands|millions)|hundreds of (?:thousands|millions)|dozens|scores|hundreds|thousands|millions|several (?:hundred|thousand|million)|a few (?:hundred|thousand|million)';
const DIGITS = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?${SCALES}?|\\d+(?:\\.\\d+)?${SCALES}?`;
const WORDS = `(?:a|one)\\s+dozen|a${SCALES}+|(?:${SMALL})${SCALES}*`;
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N},.])(?:${VAGUE}|${DIGITS}|${WORDS})(?![\\p{L}\\p{N}]|,\\d)`, 'giu');

/** Hedges, matched against the words right before the number. */
const QUALIFIERS: readonly [RegExp, Qualifier][] = [
  [/(?:more than|over|upwards of|in excess of|above)\s+$/i, 'more-than'],
  [/at least\s+$/i, 'at-least'],
  [/(?:up to|as many as|as much as)\s+$/i, 'up-to'],
  [/(?:fewer than|less than|under|below)\s+$/i, 'fewer-than'],
  [/(?:around|about|approximately|roughly|some|nearly|almost|an estimated|estimated|close to|just over|just under)\s+$/i, 'about'],
];

const PEOPLE_UNITS = 'soldiers|troops|fighters|forces|personnel|servicemen|servicemembers|men|workers|civilians|people|prisoners|officers|sailors|pilots|mercenaries|conscripts|recruits|combatants|labourers|laborers';
const MATERIEL_UNITS = 'shells|missiles|rockets|drones|tanks|weapons|rounds|artillery|guns|munitions|vehicles';
const MEASURE_NOUNS = 'casualties|deaths|dead|fatalities|losses|wounded|injured';
const MEASURE_NOUN = new RegExp(`^(?:${MEASURE_NOUNS})$`, 'i');
const UNIT_AFTER = new RegExp(`^(?:\\s+(?:more|additional|other|of))?((?:\\s+[\\p{L}’'-]+){0,3}?)\\s+(${PEOPLE_UNITS}|${MATERIEL_UNITS}|${MEASURE_NOUNS})(?![\\p{L}])`, 'iu');
/** Words that end the noun phrase after a number: a verb or clause word means no counted noun follows. */
const PHRASE_STOP = /^(?:have|has|had|were|was|are|is|be|been|and|or|in|to|from|with|by|for|that|who|which|while|out|at|on|as|since|than|into|during)$/i;

/** Measure words; at one position the longer (combined) cue wins. */
const CUES: readonly [RegExp, Measure][] = [
  // A list that ends in another state ("killed, injured or homeless") counts all of them: none of the measures.
  [/\b(?:killed|dead|died|injured|wounded)(?:,\s+(?:killed|dead|injured|wounded))*,?\s+(?:or|and)\s+(?:(?:left|made)\s+)?(?:homeless|displaced|missing|affected)\b/gi, 'other'],
  [/\b(?:killed|dead|died)(?:,)?\s+(?:or|and)\s+(?:wounded|injured)\b/gi, 'casualties'],
  [/\b(?:casualties|losses)\b/gi, 'casualties'],
  [/\b(?:killed|died|dead|deaths?|fatalities|perished|lost their lives|death toll)\b/gi, 'deaths'],
  [/\b(?:wounded|injured|injuries)\b/gi, 'wounded'],
  [/\b(?:deployed|deploy|deploying|deployment|sent|send|sending|dispatched|dispatching|stationed)\b/gi, 'deployed'],
];

/** Things that follow a number and make it not a figure: percentages, times, distances, ages, magnitudes. */
const NOT_A_COUNT = /^(?:\s*%|\s+(?:percent|per cent)\b|[- ](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|year-olds?|magnitude)(?![\p{L}])|\s+on the richter\b)/iu;
/** A currency sign before a number makes it a sum of money ("$4 million"), not a count. */
const MONEY_BEFORE = /[$£€¥]\s*$/u;
/**
 * Words before a number that make it someone's age ("died aged 50", "at the
 * age of 62", "died when Thomas was 4", "died at around age 29"), or a day
 * of the month ("died on 25"), not a count of the dead.
 */
const AGE_OR_DAY_BEFORE = /\b(?:aged(?:\s+(?:between|from))?|age(?:\s+of)?|ages|when\s+[\p{L}’'-]+\s+was|died\s+(?:at|on)(?:\s+(?:about|around))?)\s+(?:about\s+|around\s+)?$/iu;
/**
 * Words for what befell people other than the measures, right after a number
 * ("three million affected", "two million made homeless"): the number counts
 * that, so a measure word before it ("200,000 were killed and three million
 * affected") is not its measure.
 */
const OTHER_STATE = /^(?:\s+[\p{L}’'-]+){0,3}?\s+(?:affected|homeless|displaced|missing|unaccounted|evacuated|rescued|stranded|trapped|without)(?![\p{L}])/iu;
const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const MONTH_BEFORE = new RegExp(`(?:${MONTH})\\.?\\s+$`, 'i');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH})\\b`, 'i');

/** Reporting verbs whose subject a figure is attributed to. */
const REPORTING =
  'estimates|estimate|estimated|said|says|say|believes|believe|believed|suggests|suggest|suggested|claims|claim|claimed|reported|reports|report|told|stated|states|thinks|think|assessed|assesses|assess|cited|cites|put the number|put the toll';
const SUBJECT_VERB = new RegExp(`(?<![\\p{L}\\p{N}’'.-])([\\p{L}][\\p{L}\\p{N}’'.\\- ]*?)\\s+(?:${REPORTING})\\b(?:\\s+that\\b)?`, 'gu');
const ACCORDING = /according to\s+([^,;.—–()]+?)(?=\s*(?:[,;.—–()]|$|\s+(?:who|which|that)\b))/giu;
/** Words that open a clause but are not part of its subject. */
const CLAUSE_OPENERS = /^(?:(?:however|but|and|meanwhile|still|yet|so|while|although|though|now|also|separately|moreover|last week|on \p{L}+)\s*,?\s+)+/iu;

interface NumberHit {
  start: number;
  end: number;
  text: string;
  value: number;
  vague: boolean;
}

/** The value of a number as written; undefined for words it cannot read. */
export function parseNumber(text: string): { value: number; vague: boolean } | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [re, value] of VAGUE_VALUES) {
    if (re.test(t)) {
      const scale = SCALE.get(t.split(' ').at(-1) ?? '') ?? 1;
      return { value: /^(?:several|a few) /.test(t) ? value * scale : value, vague: true };
    }
  }
  if (/^(?:a|one) dozen$/.test(t)) return { value: 12, vague: false };
  const digits = /^([\d,]+(?:\.\d+)?)((?: (?:hundred|thousand|million|billion))*)$/.exec(t);
  if (digits?.[1] !== undefined) {
    let value = Number(digits[1].replace(/,/g, ''));
    for (const s of (digits[2] ?? '').trim().split(' ').filter(Boolean)) value *= SCALE.get(s) ?? 1;
    return { value: Math.round(value), vague: false };
  }
  let value = 0;
  let current = 0;
  for (const word of t.split(/[\s-]+/)) {
    const small = SMALL_VALUE.get(word);
    const scale = SCALE.get(word);
    if (word === 'a') current = current || 1;
    else if (small !== undefined) current += small;
    else if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) {
        value += current;
        current = 0;
      }
    } else return undefined;
  }
  return { value: value + current, vague: false };
}

function numbersIn(sentence: string): NumberHit[] {
  const out: NumberHit[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = sentence.slice(end);
    const before = sentence.slice(0, start);
    if (NOT_A_COUNT.test(after) || MONTH_BEFORE.test(before) || MONTH_AFTER.test(after) || MONEY_BEFORE.test(before) || AGE_OR_DAY_BEFORE.test(before)) continue;
    // A bare year ("in 2024") is not a count, unless a counted noun follows at once ("2000 troops").
    if (/^(?:1[89]|20)\d\d$/.test(m[0]) && !new RegExp(`^\\s+(?:${PEOPLE_UNITS}|${MATERIEL_UNITS})\\b`, 'i').test(after)) continue;
    if (/^one$/i.test(m[0]) && /^\s+of\b/i.test(after)) continue;
    const parsed = parseNumber(m[0]);
    if (!parsed) continue;
    out.push({ start, end, text: m[0], value: parsed.value, vague: parsed.vague });
  }
  return out;
}

interface Attribution {
  start: number;
  end: number;
  who: string;
  text: string;
}

/** Every attribution in a sentence, in order. */
export function attributionsIn(sentence: string): Attribution[] {
  const out: Attribution[] = [];
  for (const m of sentence.matchAll(ACCORDING)) {
    const who = m[1]?.trim();
    if (who && isSource(who)) out.push({ start: m.index, end: m.index + m[0].length, who, text: m[0].trim() });
  }
  for (const m of sentence.matchAll(SUBJECT_VERB)) {
    // The subject runs back from the verb to the clause's start (the pattern crosses no punctuation),
    // less words that open a clause ("Last week lawmaker Lee said").
    const raw = m[1] ?? '';
    const opener = CLAUSE_OPENERS.exec(raw)?.[0].length ?? 0;
    const start = m.index + opener;
    // Auxiliaries and adverbs between the subject and its verb ("the minister has said", "officials had earlier estimated") are not the subject's.
    const subject = raw.slice(opener).replace(/(?:\s+(?:has|have|had|is|was|are|were|will|would|also|earlier|later|previously|now|again|been|being|widely|repeatedly|initially|first))+$/i, '');
    const words = subject.split(/\s+/).filter(Boolean);
    // A subject is a short noun phrase: no digits, at most eight words, not a pronoun, not ending in a
    // function word ("out of a reported 15,000" is no attribution).
    // A pronoun is no subject, nor is a pronoun and its verb ("It is estimated", "There are reported").
    if (words.length === 0 || words.length > 8 || /\d/.test(subject) || /^(?:it|he|she|they|we|i|you|this|that|there|who|which|whom)(?:\s+(?:is|was|are|were|has|had|have|also|been|being|now|widely)){0,3}$/i.test(subject)) continue;
    if (/^(?:a|an|the|of|to|in|on|by|for|with|from|and|or|that|as|at|than)$/i.test(words.at(-1) ?? '')) continue;
    const end = m.index + m[0].length;
    if (!isSource(subject)) continue;
    out.push({ start, end, who: normaliseWho(subject, start === 0), text: sentence.slice(start, end) });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Common nouns that name a source by its office: "officials", "the health ministry", "police". */
const OFFICE =
  /\b(?:officials?|government|ministry|ministries|military|army|navy|police|authorities|spokes(?:man|woman|person)|agency|agencies|council|commission|committee|hospitals?|doctors|medics|rescuers|coroner|prosecutors?|court|embassy|observers|monitors|intelligence|department|office|service|governor|mayor|minister|president|prime minister)\b/i;

/**
 * Whether an attribution names a source: a named person, organisation,
 * agency or government (a capitalised name), or an office ("officials", "the
 * ministry"). "One protester in the square" names no one; a time stamp or a
 * bracket token left from markup ("p.m. ET Monday -RRB- Google") is no source.
 */
export function isSource(who: string): boolean {
  if (/\d|-[LR][RSC]B-|[|#*\\]|\b[ap]\.?m\.?\b|\b(?:ET|GMT|UTC|EST|EDT)\b/.test(who)) return false;
  const words = who.split(/\s+/).filter(Boolean);
  // A capitalised word after the first (the first may be capitalised only because it opens the sentence), or a
  // first word that is a name by its shape (an acronym, or capitalised and not a common sentence opener).
  const named = words.slice(1).some((w) => /^\p{Lu}/u.test(w)) || /^(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+)$/u.test(words[0] ?? '') && !/^(?:One|Some|Many|Most|Few|Several|Another|Other|Others|People|Residents|Locals|Protesters|Witnesses|Reports|Sources|Analysts|Experts|Critics|Activists|Those|These|Such)$/.test(words[0] ?? '');
  return named || OFFICE.test(who);
}

/** "Reports" opening a sentence is the common noun "reports". */
function normaliseWho(who: string, sentenceInitial: boolean): string {
  return sentenceInitial && /^\p{Lu}\p{Ll}+s$/u.test(who) ? who.toLowerCase() : who;
}

/** The figures of one sentence, in the order they stand (article and block are the caller’s). */
export function figuresInSentence(sentence: string): Omit<Figure, 'article' | 'block'>[] {
  const numbers = numbersIn(sentence);
  // Read once a figure stands (most sentences give none).
  let attributions: Attribution[] | undefined;
  const out: Omit<Figure, 'article' | 'block'>[] = [];
  numbers.forEach((n, i) => {
    const before = sentence.slice(0, n.start);
    let qualifier: Qualifier = n.vague ? 'vague' : 'none';
    let phraseStart = n.start;
    if (!n.vague) {
      for (const [re, q] of QUALIFIERS) {
        const m = re.exec(before);
        if (m && (m.index === 0 || /[^\p{L}]/u.test(before[m.index - 1] ?? ''))) {
          qualifier = q;
          phraseStart = m.index;
          break;
        }
      }
    }
    const after = sentence.slice(n.end);
    const unitMatch = UNIT_AFTER.exec(after);
    const between = unitMatch?.[1] ?? '';
    const unitOk = unitMatch !== null && !between.trim().split(/\s+/).filter(Boolean).some((w) => PHRASE_STOP.test(w));
    const unitWord = unitOk ? unitMatch[2]!.toLowerCase() : undefined;
    const phraseEnd = unitOk ? n.end + unitMatch[0].length : n.end;

    const next = numbers[i + 1];
    const nextStart = next ? Math.min(next.start, qualifierStart(sentence, next)) : sentence.length;
    const forward = sentence.slice(phraseEnd, nextStart).split(/\s+/).slice(0, 7).join(' ');
    const backward = sentence.slice(0, phraseStart).split(/\s+/).slice(-6).join(' ');
    const measureNoun = unitWord !== undefined && MEASURE_NOUN.test(unitWord);
    const ownUnit = measureNoun ? undefined : unitWord;
    const inherited = ownUnit === undefined ? out.at(-1)?.unit : undefined;
    // A number with no counted noun must stand before a verb or a measure word ("15,000 deployed",
    // "600 have died"): before any other noun ("two countries sent") it counts something else.
    if (ownUnit === undefined && !measureNoun && inherited === undefined) {
      const nextWord = /^(?:\s+(?:more|additional|other))?\s+([\p{L}]+)/u.exec(after)?.[1] ?? '';
      if (nextWord !== '' && !PHRASE_STOP.test(nextWord) && firstCue(nextWord) === undefined) return;
    }
    // A measure noun is read with what follows it, so a list it opens ("injured and made homeless") is one cue.
    let measure: Measure | undefined = measureNoun ? firstCue(sentence.slice(phraseEnd - unitWord.length, nextStart)) : undefined;
    measure ??= OTHER_STATE.test(sentence.slice(phraseEnd)) ? firstCue(forward) : (adjacentCue(sentence.slice(0, phraseStart)) ?? firstCue(forward) ?? lastCue(backward));
    const unit = ownUnit ?? inherited;
    if (!measure) {
      if (ownUnit === undefined) return;
      measure = 'other';
    }
    attributions ??= attributionsIn(sentence);
    const attribution = attributions.filter((a) => a.start < n.start).at(-1) ?? attributions.find((a) => a.start >= n.end);
    const figure: Omit<Figure, 'article' | 'block'> = {
      sentence,
      measure,
      value: n.value,
      text: n.text,
      qualifier,
      phrase: sentence.slice(phraseStart, phraseEnd),
    };
    if (unit) figure.unit = unit;
    if (attribution) {
      figure.attribution = attribution.who;
      figure.attributionText = attribution.text;
    }
    out.push(figure);
  });
  return out;
}

function qualifierStart(sentence: string, n: NumberHit): number {
  const before = sentence.slice(0, n.start);
  for (const [re] of QUALIFIERS) {
    const m = re.exec(before);
    if (m) return m.index;
  }
  return n.start;
}

function cues(text: string): { at: number; length: number; measure: Measure }[] {
  const found: { at: number; length: number; measure: Measure }[] = [];
  for (const [re, measure] of CUES) for (const m of text.matchAll(re)) found.push({ at: m.index, length: m[0].length, measure });
  return found.sort((a, b) => a.at - b.at || b.length - a.length);
}

function firstCue(text: string): Measure | undefined {
  return cues(text)[0]?.measure;
}

/**
 * A measure word standing right before the number, across nothing but
 * articles and prepositions: the number is its object ("killed 40 soldiers",
 * "deployed more than 10,000", "a deployment of roughly 15,000").
 */
function adjacentCue(before: string): Measure | undefined {
  const m = /([\p{L}]+(?:\s+(?:or|and)\s+[\p{L}]+)?)((?:\s+(?:of|a|an|the|to|by|some))*)\s+$/u.exec(before);
  return m?.[1] ? lastCue(m[1]) : undefined;
}

function lastCue(text: string): Measure | undefined {
  const all = cues(text);
  const last = all.at(-1);
  if (!last) return undefined;
  // At the last position, the longer cue ("killed or wounded") still wins.
  return all.filter((c) => c.at + c.length >= last.at + last.length).sort((a, b) => b.length - a.length)[0]?.measure;
}

/**
 * Every figure in the articles' headlines, standfirsts, captions and body
 * blocks, sentence by sentence, in article id, block and sentence order.
 */
export function findFigures(articles: readonly KnowledgeArticle[]): Figure[] {
  const out: Figure[] = [];
  for (const article of [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const unit of articleUnits(article)) {
      for (const s of sentences(unit.text)) {
        for (const f of figuresInSentence(s.text)) out.push({ article: article.id, block: unit.block, ...f });
      }
    }
  }
  return out;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  none: '',
  about: 'about ',
  'more-than': 'more than ',
  'at-least': 'at least ',
  'up-to': 'up to ',
  'fewer-than': 'fewer than ',
  vague: '',
};
const QUALIFIER_ORDER: readonly Qualifier[] = ['none', 'about', 'more-than', 'at-least', 'up-to', 'fewer-than', 'vague'];
const MEASURE_ORDER: readonly Measure[] = ['deaths', 'casualties', 'wounded', 'deployed', 'other'];

/** Words for a claim: "about 600", "more than 6,000", "thousands". */
export function claimLabel(qualifier: Qualifier, value: number, vagueText?: string): string {
  if (qualifier === 'vague') return (vagueText ?? 'many').toLowerCase();
  return `${QUALIFIER_WORDS[qualifier]}${value.toLocaleString('en-US')}`;
}

/**
 * Groups figures by measure (deaths, casualties, wounded, deployed, other),
 * then by claim (qualifier and value): which articles make each claim and whom
 * they cite. Claims come by number of articles, then value (both descending),
 * then qualifier; vague claims group by their words ("thousands").
 */
export function groupFigures(figures: readonly Figure[]): FigureGroup[] {
  const groups: FigureGroup[] = [];
  for (const measure of MEASURE_ORDER) {
    const inMeasure = figures.filter((f) => f.measure === measure);
    if (inMeasure.length === 0) continue;
    const claims = new Map<string, Figure[]>();
    // A bare number joins the "about" claim of the same value when one exists: a
    // reported count is an estimate too, and "a reported 15,000" agrees with
    // "about 15,000". Bounds ("more than", "up to") change the claim and stay apart.
    const hedged = new Set(inMeasure.filter((f) => f.qualifier === 'about').map((f) => f.value));
    const qualifierOf = (f: Figure): Qualifier => (f.qualifier === 'none' && hedged.has(f.value) ? 'about' : f.qualifier);
    for (const f of inMeasure) {
      const key = `${qualifierOf(f)}\u0000${f.value}\u0000${f.qualifier === 'vague' ? f.text.toLowerCase() : ''}`;
      const claim = claims.get(key);
      if (claim) claim.push(f);
      else claims.set(key, [f]);
    }
    const list: FigureClaim[] = [...claims.values()].map((fs) => {
      const first = { ...fs[0]!, qualifier: qualifierOf(fs[0]!) };
      const ordered = [...fs].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.block - b.block));
      return {
        qualifier: first.qualifier,
        value: first.value,
        label: claimLabel(first.qualifier, first.value, first.text),
        articles: [...new Set(fs.map((f) => f.article))].sort(),
        attributions: [...new Set(fs.flatMap((f) => (f.attribution ? [f.attribution] : [])))].sort(),
        figures: ordered,
      };
    });
    list.sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        b.value - a.value ||
        QUALIFIER_ORDER.indexOf(a.qualifier) - QUALIFIER_ORDER.indexOf(b.qualifier) ||
        (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
    groups.push({ measure, claims: list });
  }
  return groups;
}
