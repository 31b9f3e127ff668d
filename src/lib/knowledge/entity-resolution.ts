/**
 * Entity resolution: the articles' mentions, each made compact as it is read
 * (`compactMentions`), resolved across the corpus and the editor file into
 * one entity per real-world thing (`resolveEntities`). The rules are listed
 * in entities.ts, which reads each article's mentions.
 */
import type { EntityEditor, EntityEditorEntry, EntityIndex, EntityType } from './schema.ts';
import { EntityTableBuilder, IntList, type EntityTable } from './compact-entities.ts';
import { compactLists, compactUnits, packMentions, StringTable, type CompactMentions, type CompactUnit } from './compact-mentions.ts';
import { foldName, FUNCTION_WORDS, formPattern, initials, isAcronym, ORG_HEADS, PLACE_BY_KEY, PLACE_HEAD_WORDS, slugify, spellsInitials } from './entity-lexicon.ts';
import { isLowerCaseWord, trimCaseEdges, weightedVote, type CaseCounts } from './entity-spans.ts';
import { extractMentions, type ArticleMentions, type ExtractOptions, type NamePiece } from './entities.ts';
import type { SentenceCache } from './entity-recognizers.ts';
import type { KnowledgeArticle } from './text.ts';

/**
 * Keeps the longest of overlapping pieces ("Seoul’s spy agency" over "Seoul",
 * "Viktor Orbán" over "Orbán"); of pieces with the same span the editor's is
 * kept, with every other piece's type evidence.
 */
function resolveOverlaps(pieces: NamePiece[]): NamePiece[] {
  const ordered = [...pieces].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || Number(b.editor !== undefined) - Number(a.editor !== undefined) || a.start - b.start,
  );
  const kept: NamePiece[] = [];
  for (const p of ordered) {
    const same = kept.find((k) => k.start === p.start && k.end === p.end);
    if (same) {
      if (same.libType === undefined && p.libType !== undefined) same.libType = p.libType;
      if (same.ruleType === undefined && p.ruleType !== undefined) same.ruleType = p.ruleType;
      continue;
    }
    if (kept.some((k) => p.start < k.end && k.start < p.end)) continue;
    kept.push(p);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Every editor entry's forms as patterns (`formPattern`, any case), entry by entry; made once per editor file. */
const EDITOR_PATTERNS = new WeakMap<readonly EntityEditorEntry[], RegExp[][]>();

function editorPatternsOf(entries: readonly EntityEditorEntry[]): RegExp[][] {
  let patterns = EDITOR_PATTERNS.get(entries);
  if (!patterns) {
    patterns = entries.map((e) => [e.name, ...(e.aliases ?? [])].map((form) => formPattern(form, true)));
    EDITOR_PATTERNS.set(entries, patterns);
  }
  return patterns;
}

const NO_ENTRIES: readonly EntityEditorEntry[] = [];

/**
 * `mentions` as `resolveEntities` holds them (see `CompactMentions`), for
 * `editor`, their strings in `strings` (a corpus's records share one table:
 * its words repeat). A record that is already compact is returned as it is.
 */
export function compactMentions(mentions: ArticleMentions | CompactMentions, editor?: EntityEditor, strings: StringTable = new StringTable()): CompactMentions {
  if ('compact' in mentions) return mentions;
  const patterns = editorPatternsOf(editor?.entities ?? NO_ENTRIES);
  const capitalised = new Set<string>();
  const units = mentions.units.map((unit): CompactUnit => {
    const { text } = unit;
    for (const w of unit.words) capitalised.add(w.text.toLowerCase());
    const opens: number[] = [];
    const closes: number[] = [];
    for (let i = text.indexOf(' ('); i >= 0; i = text.indexOf(' (', i + 1)) opens.push(i);
    for (let i = text.indexOf(')'); i >= 0; i = text.indexOf(')', i + 1)) closes.push(i);
    return {
      block: unit.block,
      ...(unit.titleCase ? { titleCase: true as const, text } : {}),
      detected: unit.detected,
      ruled: unit.ruled,
      editor: editorPiecesIn(text, patterns),
      wordStarts: unit.words.map((w) => w.start),
      wordTexts: unit.words.map((w) => w.text),
      opens,
      closes,
    };
  });
  return packMentions(mentions.article, { agencies: mentions.agencies, lowerWords: mentions.lowerWords, capitalised: [...capitalised].sort() }, units, strings);
}

// ---------------------------------------------------------------------------
// Across articles.

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key is the root, so the result does not depend on order.
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }
}

interface Mention extends NamePiece {
  article: string;
  block: number;
  unit: number;
  /** The cluster key after surname resolution. */
  resolved: string;
  /** Resolved to a person by the surname rule: its own type evidence does not vote. */
  linked?: boolean;
}

const TYPE_ORDER: readonly EntityType[] = ['person', 'organisation', 'place'];

function majority(types: readonly (EntityType | undefined)[]): EntityType | undefined {
  const counts = new Map<EntityType, number>();
  for (const t of types) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best: EntityType | undefined;
  for (const t of TYPE_ORDER) if ((counts.get(t) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = t;
  return best;
}

/** The work `resolveEntities` did, for tests that keep it near-linear. */
export interface ResolveStats {
  /** Mentions, words and headline spans visited by the steps that look across units and articles. */
  visits: number;
}

/** Options for `resolveEntities`. */
export interface ResolveOptions {
  /** Counts the work done into this object. */
  stats?: ResolveStats;
}

/**
 * Builds the entity index from every article's `extractMentions` record, or
 * its `compactMentions` for the same editor file (in any order): the corpus-wide rules (sentence-initial words the corpus writes
 * in lower case, credited agencies), the editor's forms, acronym and surname
 * linking, the lone names and title-case headlines looked up from names found
 * elsewhere, then types, canonical names and ids. `editor` (the parsed editor
 * file) adds aliases, sets types, names and descriptions, merges and hides
 * entities; it wins over detection. The records are not modified.
 *
 * Each step is a pass over the mentions with map lookups (by folded key, by
 * unit, by article, by cluster), so the cost grows with the number of
 * mentions, not with mentions × articles.
 */
export function resolveEntities(perArticle: readonly (ArticleMentions | CompactMentions)[], editor?: EntityEditor, options: ResolveOptions = {}): EntityIndex {
  return resolveEntityTable(perArticle, editor, options).toIndex();
}

/**
 * `resolveEntities`, its index held packed (`EntityTable`): what the entity
 * stage of a large corpus keeps. The mentions it reads are let go cluster by
 * cluster as the table is filled.
 */
export function resolveEntityTable(perArticle: readonly (ArticleMentions | CompactMentions)[], editor?: EntityEditor, options: ResolveOptions = {}): EntityTable {
  const visit = (n: number): void => {
    if (options.stats) options.stats.visits += n;
  };
  const entries = editor?.entities ?? [];
  // The records are packed (`CompactMentions`); each pass below unpacks one article's units at a time and lets them go.
  const strings = new StringTable();
  const sorted = perArticle.map((a) => compactMentions(a, editor, strings)).sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
  strings.seal();
  const agencyKeys = new Set<string>();
  // Words the corpus writes in lower case: the same word capitalised at a sentence's start is not a name.
  const lowerWords = new Set<string>();
  for (const a of sorted) {
    const lists = compactLists(a);
    for (const g of lists.agencies) agencyKeys.add(foldName(g));
    for (const w of lists.lowerWords) lowerWords.add(w);
  }
  const caseCounts = countCases(sorted);
  // Every name the corpus's units hold, with the type most of its pieces have.
  const keyVotes = new Map<string, (EntityType | undefined)[]>();
  for (const a of sorted) for (const u of compactUnits(a)) for (const p of [...u.detected, ...u.ruled]) addTo(keyVotes, p.key, p.ruleType ?? p.libType);
  const knownKeys = new Map([...keyVotes].map(([key, votes]) => [key, majority(votes)]));
  keyVotes.clear();

  const mentions: Mention[] = [];
  /** Per unit of the corpus (article by article), its mentions in text order (then the ones the lookups below add). */
  const unitMentions: Mention[][] = [];
  /** The title-case headlines: their unit, text, block and article. */
  const titleUnits: { u: number; text: string; block: number; article: string }[] = [];
  /** The units that write both brackets, by unit: where. */
  const brackets = new Map<number, { opens: readonly number[]; closes: readonly number[] }>();
  let next = 0;
  for (const a of sorted) for (const unit of compactUnits(a)) {
    const u = next++;
    // Copies: `resolveOverlaps` may add a type to a piece, and the records are not modified.
    const editorPieces = unit.editor.map((p) => ({ ...p }));
    if (unit.titleCase) titleUnits.push({ u, text: unit.text ?? '', block: unit.block, article: a.article });
    if (unit.opens.length > 0 && unit.closes.length > 0) brackets.set(u, { opens: unit.opens, closes: unit.closes });
    const pieces = unit.titleCase
      ? editorPieces
      : [
          ...editorPieces,
          ...unit.detected
            .filter((p) => !(p.sentenceInitial && p.ruleType === undefined && lowerWords.has(p.text.toLowerCase())))
            .flatMap((p) => trimPiece(p, caseCounts, knownKeys))
            .map((p): NamePiece => (p.ruleType === undefined && agencyKeys.has(p.key) ? { ...p, ruleType: 'organisation' } : { ...p })),
          ...unit.ruled.map((p) => ({ ...p })),
        ];
    const list = resolveOverlaps(pieces).map((p): Mention => ({ ...p, article: a.article, block: unit.block, unit: u, resolved: p.key }));
    unitMentions.push(list);
    for (const m of list) mentions.push(m);
  }
  // What only the reading above needed, let go before the mentions are linked.
  knownKeys.clear();
  caseCounts.lower.clear();
  caseCounts.capitalised.clear();

  const uf = new UnionFind();
  // "Long Name (ACR)", the acronym spelling the name's initials: the acronym is the long name's, unless the corpus
  // spells out one acronym as two names ("National Farmers Union (NFU)", "National Firefighters Union (NFU)"),
  // which would make the two one entity. A dateline's "BALTIMORE (AFP)" spells nothing, and links nothing.
  const definitions = new Map<string, Set<string>>();
  unitMentions.forEach((list, u) => {
    const where = brackets.get(u);
    if (where === undefined) return;
    const { opens, closes } = where;
    list.forEach((m, i) => {
      const next = list[i + 1];
      if (next?.acronym && !m.acronym && next.start === m.end + 2 && opens.includes(m.end) && closes.includes(next.end) && spellsInitials(next.key, m.key)) {
        addToSet(definitions, next.key, m.key);
      }
    });
  });
  for (const [acronym, longs] of definitions) if (longs.size === 1) uf.union([...longs][0]!, acronym);
  // An acronym is the one long name in the corpus with its initials.
  const longKeysByInitials = new Map<string, string[]>();
  for (const key of new Set(mentions.filter((m) => !m.acronym && !m.demonym && m.key.includes(' ')).map((m) => m.key))) {
    addTo(longKeysByInitials, initials(key), key);
  }
  for (const acr of [...new Set(mentions.filter((m) => m.acronym && m.tablePlace === undefined).map((m) => m.key))].sort()) {
    const roots = new Set((longKeysByInitials.get(acr) ?? []).map((k) => uf.find(k)));
    if (roots.size === 1) uf.union(acr, [...roots][0]!);
  }

  // Editor entries: everything an entry names is one entity. An entry hits the mentions whose key is
  // one of its folded forms, the mentions of its own forms, and (with an id) the mentions whose slug is it.
  const firstWithKey = new Map<string, number>();
  const byEntry = new Map<number, number[]>();
  const entryIds = new Set(entries.flatMap((e) => (e.id === undefined ? [] : [e.id])));
  const bySlug = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    if (!firstWithKey.has(m.key)) firstWithKey.set(m.key, i);
    if (m.editor !== undefined) addTo(byEntry, m.editor, i);
    if (entryIds.size > 0) {
      const slug = slugify(m.text);
      if (entryIds.has(slug)) addTo(bySlug, slug, i);
    }
  });
  const entryRoots = new Map<number, string>();
  entries.forEach((entry, i) => {
    const keys = [entry.name, entry.id ?? '', ...(entry.aliases ?? []), ...(entry.merge ?? [])].filter(Boolean).map(foldName);
    const hits = [
      ...keys.flatMap((k) => (firstWithKey.has(k) ? [firstWithKey.get(k)!] : [])),
      ...(byEntry.get(i) ?? []),
      ...(entry.id === undefined ? [] : (bySlug.get(entry.id) ?? [])),
    ];
    if (hits.length === 0) return;
    const first = mentions[hits.reduce((a, b) => Math.min(a, b))]!.key;
    for (const h of hits) uf.union(first, mentions[h]!.key);
    entryRoots.set(i, first);
  });
  // The first entry that hits a cluster is its entry.
  const entryOf = new Map<string, EntityEditorEntry>();
  for (const [i, key] of entryRoots) {
    const root = uf.find(key);
    if (!entryOf.has(root)) entryOf.set(root, entries[i]!);
  }

  /** A cluster's type from its mentions' evidence; mentions linked by the surname rule do not vote. */
  const typeOf = (root: string, members: readonly Mention[]): EntityType | undefined => {
    const entry = entryOf.get(root);
    if (entry?.type) return entry.type;
    visit(members.length);
    const voters = members.filter((m) => !m.linked);
    return weightedVote(voters) ?? (voters.some((m) => m.acronym) ? 'organisation' : undefined);
  };
  // Provisional types, for surname resolution: a cluster's type as it stands when first asked for.
  const byRoot = new Map<string, Mention[]>();
  for (const m of mentions) addTo(byRoot, uf.find(m.key), m);
  const provisional = new Map<string, EntityType | undefined>();
  const rootType = (root: string): EntityType | undefined => {
    if (!provisional.has(root)) provisional.set(root, typeOf(root, byRoot.get(root) ?? []));
    return provisional.get(root);
  };

  const byArticle = new Map<string, Mention[]>();
  for (const m of mentions) addTo(byArticle, m.article, m);

  // A lone surname is the one full-name person with that first or last name: in the article, else in the corpus.
  const fullNames = (list: readonly Mention[]): Map<string, Set<string>> => {
    visit(list.length);
    const byWord = new Map<string, Set<string>>();
    for (const m of list) {
      const parts = m.key.split(' ');
      if (parts.length < 2 || m.acronym || m.demonym || rootType(uf.find(m.key)) !== 'person') continue;
      for (const w of [parts[0]!, parts.at(-1)!]) addToSet(byWord, w, uf.find(m.key));
    }
    return byWord;
  };
  const corpusNames = fullNames(mentions);
  const articleNames = new Map<string, Map<string, Set<string>>>();
  // A word the library types as a place or organisation more often than as a person, across the corpus, is no
  // surname ("London" in "London Philharmonic Orchestra", read as a person's name, is still the city).
  const libVotes = new Map<string, (EntityType | undefined)[]>();
  for (const m of mentions) if (!m.key.includes(' ')) addTo(libVotes, m.key, m.libType);
  const notSurname = new Set([...libVotes].filter(([, votes]) => (majority(votes) ?? 'person') !== 'person').map(([key]) => key));
  libVotes.clear();
  for (const m of mentions) {
    // A general rule's type (a country, an agency, an organisation's head noun) is never a surname.
    if (m.key.includes(' ') || m.acronym || m.demonym || m.editor !== undefined || (m.ruleType !== undefined && m.ruleType !== 'person') || notSurname.has(m.key)) continue;
    if (!articleNames.has(m.article)) articleNames.set(m.article, fullNames(byArticle.get(m.article) ?? []));
    const local = articleNames.get(m.article)!.get(m.key);
    const global = corpusNames.get(m.key);
    const target = local?.size === 1 ? [...local][0] : local === undefined && global?.size === 1 ? [...global][0] : undefined;
    // Two people in the article share the name ("Kim Jong Un", "Kim Yo Jong"): a lone "Kim" is a
    // person, but which one the rules cannot tell; it stays an entity of its own.
    if (local !== undefined && local.size > 1) m.ruleType = 'person';
    if (target !== undefined && target !== uf.find(m.key)) {
      m.resolved = target;
      m.linked = true;
    }
  }
  articleNames.clear();
  corpusNames.clear();

  // The library may miss a lone surname ("Macron said…" at a sentence's start): in an article that
  // names a person in full, every capitalised occurrence of that person's first or last name is
  // theirs; in another article, every occurrence of the last name, when one person in the corpus
  // has it. Never when two people share the word, nor for a function word, title or country, nor
  // for a word the library reads as a place or organisation (`notSurname`).
  // Words are looked up folded, so "Orban" finds "Viktor Orbán".
  const owners = (list: readonly Mention[], which: 'first-and-last' | 'last'): Map<string, Set<string>> => {
    visit(list.length);
    const byWord = new Map<string, Set<string>>();
    for (const m of list) {
      if (m.acronym || m.demonym || m.linked) continue;
      const root = uf.find(m.resolved);
      const words = m.text.split(/\s+/);
      if (words.length < 2 || rootType(root) !== 'person') continue;
      for (const w of which === 'last' ? [words.at(-1)!] : [words[0]!, words.at(-1)!]) if (!notSurname.has(foldName(w))) addToSet(byWord, w, root);
    }
    return byWord;
  };
  // Across the corpus, of the last names that fold alike, the first written stands for all of them.
  const corpusOwners = new Map<string, Set<string>>();
  for (const [word, roots] of owners(mentions, 'last')) {
    const key = foldName(word);
    if (!corpusOwners.has(key)) corpusOwners.set(key, roots);
  }
  const folded = new Map<string, string>();
  const foldWord = (text: string): string => {
    let key = folded.get(text);
    if (key === undefined) folded.set(text, (key = foldName(text)));
    return key;
  };
  let u = 0;
  for (const record of sorted) {
    const article = record.article;
    const articleUnitList = compactUnits(record);
    // In the article, the names that fold alike pool their people.
    const local = new Map<string, Set<string>>();
    for (const [word, roots] of owners(byArticle.get(article) ?? [], 'first-and-last')) for (const root of roots) addToSet(local, foldName(word), root);
    for (const unit of articleUnitList) {
      const list = unitMentions[u]!;
      if (!unit.titleCase) {
        // Title-case headlines are read below, from the forms found here and elsewhere.
        unit.wordTexts.forEach((text, i) => {
          const key = foldWord(text);
          const roots = local.get(key) ?? corpusOwners.get(key);
          if (roots?.size !== 1) return;
          visit(list.length);
          const start = unit.wordStarts[i]!;
          const end = start + text.length;
          if (list.some((t) => start < t.end && t.start < end)) return;
          const m: Mention = { start, end, text, key, acronym: false, article, block: unit.block, unit: u, resolved: [...roots][0]!, linked: true };
          list.push(m);
          mentions.push(m);
        });
      }
      u += 1;
    }
  }
  // The lookups by article and by cluster and the surname owners are not read again.
  byRoot.clear();
  byArticle.clear();
  folded.clear();
  corpusOwners.clear();

  // Headlines in title case: look up the names found elsewhere, longest first.
  const forms = new Map<string, string>();
  for (const m of mentions) {
    if (m.editor !== undefined) continue;
    const root = uf.find(m.resolved);
    const prior = forms.get(m.text);
    forms.set(m.text, prior === undefined || prior === root ? root : '');
  }
  const formList = [...forms].filter(([, root]) => root !== '').sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1));
  const lookup = new FormLookup(formList.map(([form]) => form));
  for (const { u: t, text: unitText, block, article } of titleUnits) {
    const taken = unitMentions[t]!;
    for (const hit of lookup.find(unitText, visit)) {
      if (taken.some((m) => hit.start < m.end && m.start < hit.end)) continue;
      const text = unitText.slice(hit.start, hit.end);
      const root = formList[hit.form]![1];
      const m: Mention = { start: hit.start, end: hit.end, text, key: root, acronym: isAcronym(text), article, block, unit: t, resolved: root };
      taken.push(m);
      mentions.push(m);
    }
  }

  // Clusters. From here on each mention is held by its cluster alone, and a cluster's are let go once it is packed.
  const clusters = new Map<string, Mention[]>();
  for (const m of mentions) addTo(clusters, uf.find(m.resolved), m);
  mentions.length = 0;
  unitMentions.length = 0;
  const warnings: string[] = [];
  entries.forEach((entry, i) => {
    if (!entryRoots.has(i)) warnings.push(`editor entry "${entry.name}" matched no entity and none of its forms occur in the text`);
  });

  const articleIds = sorted.map((a) => a.article).filter((a, i, all) => i === 0 || all[i - 1] !== a);
  const table = new EntityTableBuilder(articleIds);
  /** Per entity and article it names: the article's index, the entity's number and its mentions there. */
  const named = new IntTriples();
  const built: { n: number; id: string; count: number }[] = [];
  const usedIds = new Set<string>();
  for (const root of [...clusters.keys()].sort((a, b) => (a < b ? -1 : 1))) {
    const list = clusters.get(root)!;
    clusters.delete(root);
    const entry = entryOf.get(root);
    if (entry?.hide) continue;
    const type = typeOf(root, list);
    if (!type) {
      if (entry) warnings.push(`editor entry "${entry.name}" needs a type: detection gave none`);
      continue;
    }
    const name = entry?.name ?? canonicalName(list);
    let id = entry?.id ?? slugify(name);
    if (usedIds.has(id)) id = `${id}-${type}`;
    for (let n = 2; usedIds.has(id); n += 1) id = `${slugify(name)}-${n}`;
    usedIds.add(id);
    // The editor's aliases, unless the text already spells them (with another apostrophe, say).
    const written = new Set([name, ...list.map((m) => m.text)].map(foldName));
    const aliases = new Set([...list.map((m) => m.text), ...(entry?.aliases ?? []).filter((a) => !written.has(foldName(a)))]);
    aliases.delete(name);
    const n = table.add({
      id,
      name,
      type,
      aliases: [...aliases].sort(),
      basis: entry ? 'editor' : 'detected',
      count: list.length,
      ...(entry?.description ? { description: entry.description } : {}),
    });
    packCluster(list, table, named, n);
    built.push({ n, id, count: list.length });
  }

  built.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const ids = new Map(built.map((b) => [b.n, b.id]));
  const byIndex = named.byFirst(articleIds.length);
  let at = 0;
  for (const record of sorted) {
    while (articleIds[at] !== record.article) at += 1;
    const list = byIndex(at).map(([, entity, count]) => ({ entity, count, id: ids.get(entity)! }));
    list.sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1));
    table.record(record.article);
    for (const { entity, count } of list) table.listed(entity, count);
  }
  return table.finish(
    built.map((b) => b.n),
    [...new Set(warnings)].sort(),
  );
}

/**
 * Adds a cluster's mentions to entity `n` of `table` (the entity added last)
 * as the index writes them: one per article, block and text, with how often
 * it stands there, ordered by article, block (as a six-digit string) and text
 * (the order of the keys `article\0block\0text`, compared as strings); and
 * to `named`, each article's count of them.
 */
function packCluster(list: readonly Mention[], table: EntityTableBuilder, named: IntTriples, n: number): void {
  const articles = list.map((m) => table.articleIndex(m.article));
  const order = Array.from(list.keys()).sort((x, y) => articles[x]! - articles[y]! || compareBlocks(list[x]!.block, list[y]!.block) || compareText(list[x]!.text, list[y]!.text));
  let inArticle = 0;
  for (let i = 0; i < order.length; ) {
    const first = list[order[i]!]!;
    const article = articles[order[i]!]!;
    let j = i + 1;
    while (j < order.length && articles[order[j]!] === article && list[order[j]!]!.block === first.block && list[order[j]!]!.text === first.text) j += 1;
    table.mention(article, first.block, table.textIndex(first.text), j - i);
    inArticle += j - i;
    if (j === order.length || articles[order[j]!] !== article) {
      named.push(article, n, inArticle);
      inArticle = 0;
    }
    i = j;
  }
}

/** Blocks as their keys order them: their numbers padded to six digits, compared as strings. */
function compareBlocks(a: number, b: number): number {
  if (a === b) return 0;
  if (a >= 0 && b >= 0 && a < 1e6 && b < 1e6) return a - b;
  return compareText(String(a).padStart(6, '0'), String(b).padStart(6, '0'));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A growable list of integer triples, read back grouped by their first integer. */
class IntTriples {
  private list = new IntList();
  push(a: number, b: number, c: number): void {
    this.list.push(a, b, c);
  }
  /** A lookup of the triples whose first integer is `key` (below `keys`), in the order pushed. */
  byFirst(keys: number): (key: number) => [number, number, number][] {
    const data = this.list.trimmed();
    this.list = new IntList();
    const starts = new Int32Array(keys + 1);
    for (let i = 0; i < data.length; i += 3) starts[data[i]! + 1]! += 1;
    for (let k = 0; k < keys; k++) starts[k + 1]! += starts[k]!;
    const fill = starts.slice(0, keys);
    const sortedData = new Int32Array(data.length);
    for (let i = 0; i < data.length; i += 3) {
      const at = 3 * fill[data[i]!]!++;
      sortedData.set(data.subarray(i, i + 3), at);
    }
    return (key) => {
      const out: [number, number, number][] = [];
      for (let i = 3 * starts[key]!; i < 3 * starts[key + 1]!; i += 3) out.push([sortedData[i]!, sortedData[i + 1]!, sortedData[i + 2]!]);
      return out;
    };
  }
}

/** Per word, how many articles write it in lower case and how many capitalised (outside title-case headlines). */
function countCases(perArticle: readonly CompactMentions[]): { lower: Map<string, number>; capitalised: Map<string, number> } {
  const lower = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const a of perArticle) {
    const lists = compactLists(a);
    for (const w of lists.lowerWords) lower.set(w, (lower.get(w) ?? 0) + 1);
    for (const w of lists.capitalised) capitalised.set(w, (capitalised.get(w) ?? 0) + 1);
  }
  return { lower, capitalised };
}

/**
 * A detected person's name without the common words or other names at its
 * edges (`trimCaseEdges`; `known` holds every name the corpus's units hold,
 * with its majority type),
 * or none when it is one such word alone with no rule's type ("Producer",
 * "Special": labels and headline words). Table places and acronyms are kept
 * as they are.
 */
function trimPiece(p: NamePiece, counts: CaseCounts, known: ReadonlyMap<string, EntityType | undefined>): NamePiece[] {
  if (p.tablePlace !== undefined || p.acronym) return [p];
  const words = p.text.split(' ');
  if (words.length === 1) return p.ruleType === undefined && isLowerCaseWord(p.text, counts) ? [] : [placed(p, counts)];
  // Only a person's name is cut: an organisation's or a place's opens with common words ("Human Rights Watch").
  if ((p.ruleType ?? p.libType) !== 'person') return [placed(p, counts)];
  const [from, to] = trimCaseEdges(
    words,
    counts,
    (rest) => known.has(foldName(rest.join(' '))),
    (w) => ORG_HEADS.has(w.toLowerCase()) || PLACE_HEAD_WORDS.has(w.toLowerCase()),
    (prefix) => {
      const key = foldName(prefix.join(' '));
      const type = PLACE_BY_KEY.has(key) ? 'place' : known.get(key);
      return type === 'place' || type === 'organisation';
    },
  );
  if (from === 0 && to === words.length) return [placed(p, counts)];
  const start = p.start + words.slice(0, from).join(' ').length + (from > 0 ? 1 : 0);
  const text = words.slice(from, to).join(' ');
  const out: NamePiece = { ...p, start, end: start + text.length, text, key: foldName(text), acronym: isAcronym(text) };
  delete out.sentenceInitial;
  return [placed(out, counts)];
}

/** A piece keeps its place slot only when none of its words is one the corpus writes in lower case ("in Politics" is a heading's word). */
function placed(p: NamePiece, counts: CaseCounts): NamePiece {
  if (!p.placeSlot || !p.text.split(' ').some((w) => isLowerCaseWord(w, counts))) return p;
  const out = { ...p };
  delete out.placeSlot;
  return out;
}


/** Editor forms as they stand in a text: `patterns[i]` are entry i's forms (`formPattern`, any case). */
function editorPiecesIn(text: string, patterns: readonly (readonly RegExp[])[]): NamePiece[] {
  const out: NamePiece[] = [];
  patterns.forEach((list, i) => {
    for (const pattern of list) {
      for (const m of text.matchAll(pattern)) {
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0], key: foldName(m[0]), acronym: isAcronym(m[0]), editor: i });
      }
    }
  });
  return out;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Where a match of `formPattern` may start (no letter or digit right before) and end (none right after), as UTF-16 offsets in order. */
function wordBoundaries(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let after = false;
  for (let i = 0; i <= text.length; ) {
    const cp = text.codePointAt(i);
    const word = cp !== undefined && /^[\p{L}\p{N}]$/u.test(String.fromCodePoint(cp));
    if (!after) starts.push(i);
    if (!word) ends.push(i);
    after = word;
    i += cp !== undefined && cp > 0xffff ? 2 : 1;
  }
  return { starts, ends };
}

/** A form's shape: any apostrophe as "'", a hyphen or any space as " ". Two strings of one shape match the same `formPattern(…, false)`. */
function shape(text: string): string {
  return text.replace(/['’‘]/gu, "'").replace(/[-\s]/gu, ' ');
}

/**
 * Finds many forms at once, as whole words, with what `formPattern(form,
 * false)` matches: the same letters in the same case, any apostrophe for an
 * apostrophe, a hyphen or any space for a hyphen or space. A text is read
 * once per pair of word boundaries, however many forms there are.
 */
class FormLookup {
  private readonly byShape = new Map<string, number[]>();
  private readonly longest: number;
  constructor(forms: readonly string[]) {
    const trimmed = forms.map((form) => form.trim());
    trimmed.forEach((form, i) => addTo(this.byShape, shape(form), i));
    this.longest = trimmed.reduce((n, form) => Math.max(n, form.length), 0);
  }

  /**
   * The forms' matches in `text`: form by form in list order, each form's
   * left to right, without a match that overlaps the same form's previous
   * one (what `matchAll` with each form's pattern, in turn, gives).
   */
  find(text: string, visit: (n: number) => void): { form: number; start: number; end: number }[] {
    const shaped = shape(text);
    const { starts, ends } = wordBoundaries(text);
    const hits: { form: number; start: number; end: number }[] = [];
    for (const start of starts) {
      for (const end of ends) {
        if (end <= start) continue;
        if (end - start > this.longest) break;
        visit(1);
        for (const form of this.byShape.get(shaped.slice(start, end)) ?? []) hits.push({ form, start, end });
      }
    }
    hits.sort((a, b) => a.form - b.form || a.start - b.start);
    const out: typeof hits = [];
    let form = -1;
    let cursor = 0;
    for (const hit of hits) {
      if (hit.form !== form) {
        form = hit.form;
        cursor = 0;
      }
      if (hit.start < cursor) continue;
      cursor = hit.end;
      out.push(hit);
    }
    return out;
  }
}
/**
 * The canonical name: a country's table name; else the fullest name written
 * (most words, not an acronym or demonym, not opening with a function word
 * such as "Of"), then the most frequent, then the
 * first in code-point order; else the most frequent acronym.
 */
function canonicalName(list: readonly Mention[]): string {
  const place = list.find((m) => m.tablePlace !== undefined)?.tablePlace;
  if (place) return place;
  const tally = new Map<string, number>();
  for (const m of list) tally.set(m.text, (tally.get(m.text) ?? 0) + 1);
  // A name that opens with a function word ("Of London", from "Museum Of London" in title case) is a cut, not a fuller name.
  const cut = (t: string): boolean => FUNCTION_WORDS.has((t.split(/\s+/)[0] ?? '').toLowerCase());
  const whole = [...tally].filter(([t]) => !cut(t));
  const names = (whole.length > 0 ? whole : [...tally]).filter(([t]) => !isAcronym(t));
  const pool = names.length > 0 ? names : whole.length > 0 ? whole : [...tally];
  const words = (t: string): number => t.split(/[\s-]+/).length;
  pool.sort(([a, na], [b, nb]) => (names.length > 0 ? words(b) - words(a) : 0) || nb - na || (a < b ? -1 : a > b ? 1 : 0));
  return pool[0]?.[0] ?? list[0]!.text;
}

/**
 * Finds the people, organisations and places the articles name, as one
 * canonical entity per real-world thing, with every mention by article and
 * block: `resolveEntities` over each article's `extractMentions`.
 */
export function findEntities(articles: readonly KnowledgeArticle[], editor?: EntityEditor, options: ExtractOptions = {}): EntityIndex {
  const sentenceCache: SentenceCache = options.sentenceCache ?? new Map();
  return resolveEntities(
    articles.map((a) => extractMentions(a, { ...options, sentenceCache })),
    editor,
  );
}
