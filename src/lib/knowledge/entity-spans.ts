/**
 * Name spans: from a library's candidate spans in one text unit to the
 * merged spans that `entities.ts` cuts into name pieces, and the corpus rule
 * that trims a piece's edge words the corpus writes in lower case.
 *
 * Real news text is often one line per article, with headlines, captions and
 * quote markers run into the body without a full stop, and the libraries
 * propose spans that run across those edges ("… Cardiff concert Will. I. Am
 * said", "… to London. Dr Murray …"). The rules here keep a span inside one
 * sentence and one name:
 *
 * - a span is a run of whole words: edge punctuation is not part of it;
 * - a span extends over the capitalised words that follow it only while no
 *   sentence starts, no stop word stands and no other candidate begins;
 * - touching candidates merge into one span, except across a sentence start
 *   or where a person ends and a place, an organisation or an acronym begins,
 *   with no typed candidate across the edge ("Michael Jackson" + "Cardiff",
 *   "Kathy Jorrie" + "AEG"). Only a person's end is such an edge: the library
 *   types a title's or a place's words apart ("Secretary of State" + "Hillary
 *   Clinton" as "State Hillary" + "Clinton"; "South" + "Korea’s Defense
 *   Ministry").
 *
 * It also holds the type evidence read around a name (`isPlaceSlot`) and the
 * vote that weighs rules against the library (`weightedVote`).
 *
 * Pure: no I/O, no state.
 */

/** An entity type, as `schema.ts` names them. */
export type SpanType = 'person' | 'organisation' | 'place';

/** The order types win ties in. */
const TYPE_ORDER: readonly SpanType[] = ['person', 'organisation', 'place'];

/** A span a library proposes, as `entities.ts` passes it: offsets into the unit's text, and a type when the library gives one. */
export interface SpanCandidate {
  start: number;
  end: number;
  type?: SpanType;
}

/** A merged span and the candidates it holds (their edges snapped to whole words). */
export interface MergedSpan<C extends SpanCandidate> {
  start: number;
  end: number;
  parts: C[];
}

const WORDISH = /[\p{L}\p{N}]/u;
const ACRONYM = /^(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\d]{1,5})$/u;

/**
 * Expands a span to whole words and drops the punctuation at its edges
 * ("London." → London); a dotted acronym keeps its last stop ("U.S.").
 */
export function snapSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && WORDISH.test(text[s - 1] ?? '')) s -= 1;
  for (;;) {
    const ch = text[e] ?? '';
    if (WORDISH.test(ch)) e += 1;
    else if ((ch === '-' || ch === '‐') && WORDISH.test(text[e + 1] ?? '')) e += 2;
    else break;
  }
  while (s < e && !WORDISH.test(text[s] ?? '')) s += 1;
  while (e > s && !WORDISH.test(text[e - 1] ?? '') && !/(?:\p{Lu}\.){2,}$/u.test(text.slice(s, e))) e -= 1;
  return [s, e];
}

/**
 * Extends a span over the capitalised words that follow it, one space apart
 * ("Kim Jong" + "Un": a library that does not know a name's last word still
 * proposes its first ones). Stops at a stop word (`isStop`, given the word
 * in lower case), at any punctuation (a span that ends in punctuation does not
 * extend at all), at a sentence start and at a word where another candidate
 * begins (`candidateStarts`): that word opens a name of its own.
 */
export function extendRight(
  text: string,
  end: number,
  isStop: (lower: string) => boolean,
  sentenceStarts: ReadonlySet<number>,
  candidateStarts: ReadonlySet<number>,
): number {
  let e = end;
  if (!WORDISH.test(text[e - 1] ?? '')) return e;
  for (;;) {
    const m = /^ (\p{Lu}[\p{L}\p{N}]*(?:[-'’‘][\p{L}\p{N}]+)*)/u.exec(text.slice(e));
    const word = m?.[1];
    const at = e + 1;
    if (!m || !word || isStop(word.toLowerCase()) || sentenceStarts.has(at) || candidateStarts.has(at)) return e;
    e += m[0].length;
  }
}

/** A candidate's kind for the edge rule: its type, "acronym" for an untyped acronym, else none. */
function kindOf(text: string, c: SpanCandidate): string | undefined {
  return c.type ?? (ACRONYM.test(text.slice(c.start, c.end)) ? 'acronym' : undefined);
}

/**
 * Merges a unit's candidates: edges snapped (`snapSpan`), each extended
 * (`extendRight`), then overlapping or touching ones (one space apart, or
 * across a plural "s’ ", or an organisation's head noun and a name one
 * connector apart: `joinsOf`) joined into one span that keeps its parts. A merged
 * span is cut again at every sentence start inside it and at every type edge:
 * a word boundary where a person candidate ends and a place, organisation or
 * acronym candidate begins, with no typed candidate running across it.
 */
export function mergeCandidates<C extends SpanCandidate>(
  text: string,
  candidates: readonly C[],
  isStop: (lower: string) => boolean,
  sentenceStarts: ReadonlySet<number>,
  isOrgHead: (lower: string) => boolean = () => false,
): MergedSpan<C>[] {
  const snapped = candidates
    .map((c) => {
      const [start, end] = snapSpan(text, c.start, c.end);
      return { ...c, start, end };
    })
    .filter((c) => c.end > c.start);
  const starts = new Set(snapped.map((c) => c.start));
  const extended = snapped
    .map((c) => {
      const others = new Set([...starts].filter((s) => s > c.start));
      return { ...c, end: extendRight(text, c.end, isStop, sentenceStarts, others) };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MergedSpan<C>[] = [];
  for (const c of extended) {
    const last = merged.at(-1);
    const gap = last ? text.slice(last.end, c.start) : '';
    if (last && (c.start <= last.end || gap === ' ' || (/s$/.test(text.slice(last.start, last.end)) && /^['’] $/u.test(gap)) || joinsOf(text, last, c, gap, isStop, isOrgHead))) {
      last.end = Math.max(last.end, c.end);
      last.parts.push(c);
    } else merged.push({ start: c.start, end: c.end, parts: [c] });
  }
  return merged.flatMap((span) => cutSpan(text, span, snapped, sentenceStarts));
}

/**
 * True when an organisation's head noun and a capitalised name stand one
 * connector apart ("Office of the Prosecutor", "Council on Foreign
 * Relations", "Bank of England"): one name. Not when the name after is a
 * stop word ("the Ministry on Monday").
 */
function joinsOf(text: string, left: SpanCandidate, right: SpanCandidate, gap: string, isStop: (lower: string) => boolean, isOrgHead: (lower: string) => boolean): boolean {
  if (!/^ (?:of|for|on)(?: the)? $/u.test(gap)) return false;
  const head = /[\p{L}]+$/u.exec(text.slice(left.start, left.end))?.[0] ?? '';
  const first = /^[\p{L}]+/u.exec(text.slice(right.start, right.end))?.[0] ?? '';
  return isOrgHead(head.toLowerCase()) && /^\p{Lu}/u.test(first) && !isStop(first.toLowerCase());
}

/** Cuts a merged span at its sentence starts and type edges (see `mergeCandidates`); `snapped` are the candidates before extension. */
function cutSpan<C extends SpanCandidate>(text: string, span: MergedSpan<C>, snapped: readonly C[], sentenceStarts: ReadonlySet<number>): MergedSpan<C>[] {
  const inside = snapped.filter((c) => c.start >= span.start && c.end <= span.end);
  const cuts: number[] = [];
  for (let p = span.start + 1; p < span.end; p += 1) {
    if (text[p - 1] !== ' ' || !WORDISH.test(text[p] ?? '')) continue;
    if (sentenceStarts.has(p)) {
      cuts.push(p);
      continue;
    }
    const before = inside.filter((c) => c.end === p - 1).map((c) => kindOf(text, c));
    const after = inside.filter((c) => c.start === p).map((c) => kindOf(text, c)).filter((k) => k !== undefined);
    if (!before.includes('person') || after.length === 0 || after.includes('person')) continue;
    if (inside.some((c) => c.type !== undefined && c.start < p - 1 && c.end > p)) continue;
    cuts.push(p);
  }
  if (cuts.length === 0) return [span];
  const edges = [span.start, ...cuts, span.end];
  const out: MergedSpan<C>[] = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const start = edges[i]!;
    const end = i + 2 === edges.length ? span.end : edges[i + 1]! - 1;
    const parts = span.parts
      .filter((c) => c.start < end && c.end > start)
      .map((c) => ({ ...c, start: Math.max(c.start, start), end: Math.min(c.end, end) }));
    if (parts.length > 0) out.push({ start, end, parts });
  }
  return out;
}

/** How a corpus writes its words, for `trimCaseEdges`: the articles that write each word in lower case and capitalised. */
export interface CaseCounts {
  /** Per word (in lower case), the number of articles that write it in lower case. */
  lower: ReadonlyMap<string, number>;
  /** Per word (in lower case), the number of articles that write it capitalised, outside title-case headlines. */
  capitalised: ReadonlyMap<string, number>;
}

/** True when more articles write the word in lower case than capitalised: a common word, capitalised only where a sentence, headline or label starts. */
export function isLowerCaseWord(word: string, counts: CaseCounts): boolean {
  const w = word.toLowerCase();
  return (counts.lower.get(w) ?? 0) > (counts.capitalised.get(w) ?? 0);
}

/**
 * The words of a multi-word name that remain once the common words at its
 * edges are cut: `[from, to)` into `words`. Leading words ("Help Michael
 * Jackson", "End Quote Kathy Jorrie": page furniture and headline verbs run
 * into a name) and trailing ones ("Jackson Propofol": a name run into the
 * next word) are cut when the corpus writes them in lower case
 * (`isLowerCaseWord`) and what remains is a name the corpus names on its own
 * (`known`, given the remaining words). Cutting from the left leaves at
 * least two words (a lone word after a common one is as often a fragment of
 * a longer name as a name). Leading words that are themselves another name
 * (`otherName`: a place or organisation the corpus names, as in "Los Angeles
 * Michael Jackson", "Reuters Osama bin Laden") are cut the same way. A trailing word that `keepLast` accepts (an
 * organisation's or place's head noun: "Times", "Region") is never cut.
 * Cutting from the left is tried first; at most one name remains.
 */
export function trimCaseEdges(
  words: readonly string[],
  counts: CaseCounts,
  known: (words: readonly string[]) => boolean,
  keepLast: (word: string) => boolean,
  otherName: (words: readonly string[]) => boolean = () => false,
): [number, number] {
  let from = 0;
  let to = words.length;
  let lead = 0;
  while (lead < words.length - 2 && isLowerCaseWord(words[lead]!, counts)) lead += 1;
  for (let j = 1; j <= words.length - 2; j += 1) {
    if ((j <= lead || otherName(words.slice(0, j))) && known(words.slice(j))) {
      from = j;
      break;
    }
  }
  let trail = to;
  while (trail - 1 > from && !keepLast(words[trail - 1]!) && isLowerCaseWord(words[trail - 1]!, counts)) trail -= 1;
  for (let j = to - 1; j >= trail; j -= 1) {
    if (known(words.slice(from, j))) {
      to = j;
      break;
    }
  }
  return [from, to];
}

/**
 * Prepositions that, right before a name, say it is a place's ("in Baghdad",
 * "near Port-au-Prince"). Not "at", "from" or "to", which stand as often
 * before organisations and people ("at the BBC", "from Murray").
 */
const PLACE_BEFORE = /(?:^|[^\p{L}])(?:in|near|outside|across|throughout|inside)\s+$/u;

/**
 * True when a name stands where a place does: after a place preposition
 * (`PLACE_BEFORE`, in lower case) and not before a possessive or another
 * capitalised word ("in Jackson’s death", "in Kim Jong Un" are no places).
 */
export function isPlaceSlot(text: string, start: number, end: number): boolean {
  return PLACE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && !/^(?:['’‘]s?|\s+\p{Lu})/u.test(text.slice(end));
}

/**
 * How many library votes one rule's vote is worth. A rule reads the words
 * around one mention ("director X", "X region") and is usually right, but a
 * single misread ("… Murray, London, 1921" after a role word) must not
 * outvote the library's reading of the same name in a hundred other places.
 */
export const RULE_WEIGHT = 5;

/**
 * The type with the most votes, a rule's counting `RULE_WEIGHT` library votes
 * and a place slot one; ties go by `TYPE_ORDER`. None without a rule's or the
 * library's vote: a place slot alone retypes a name, it does not find one
 * ("in English", "in God" are no places).
 */
export function weightedVote(voters: readonly { ruleType?: SpanType; libType?: SpanType; placeSlot?: boolean }[]): SpanType | undefined {
  if (!voters.some((m) => m.ruleType !== undefined || m.libType !== undefined)) return undefined;
  const score = new Map<SpanType, number>();
  for (const m of voters) {
    if (m.placeSlot) score.set('place', (score.get('place') ?? 0) + 1);
    if (m.ruleType) score.set(m.ruleType, (score.get(m.ruleType) ?? 0) + RULE_WEIGHT);
    if (m.libType) score.set(m.libType, (score.get(m.libType) ?? 0) + 1);
  }
  let best: SpanType | undefined;
  for (const t of TYPE_ORDER) if ((score.get(t) ?? 0) > (best ? (score.get(best) ?? 0) : 0)) best = t;
  return best;
}
