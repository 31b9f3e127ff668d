/**
 * Entity benchmark: the entities `findEntities` finds with each NLP library
 * (compromise, wink-nlp), after the same normalisation, against hand-labelled
 * gold for the articles in content/articles/.
 *
 *   node src/cli/eval-entities.ts [--content DIR] [--gold FILE] [--editor FILE] [--verbose] [--json]
 *
 * The gold file (tests/knowledge-gold/entities.json) lists each real-world
 * entity once, with its type and every surface form the texts use for it. A
 * gold mention is each occurrence of a form as whole words in a text unit
 * (headline, standfirst, caption or body block), longest form first, without
 * overlaps. A predicted entity stands for the gold entity most of its mention
 * texts are forms of (folding case, apostrophes, hyphens); one that names no
 * gold entity is a false positive.
 *
 * Three scores, each precision / recall / F1, with the type required to match:
 * - entities: one predicted entity per gold entity; a second predicted entity
 *   for the same thing (a normalisation failure) is a false positive;
 * - articles: (article, entity) pairs, what the per-article lists show;
 * - blocks: (article, block, entity) triples, what the mention anchors show.
 * `articles (untyped)` repeats the article score ignoring the type, to tell
 * detection errors from typing errors.
 *
 * With `--editor FILE`, or when `content/entities.yaml` exists, the default
 * library is also scored with that editor file applied (YAML, schema
 * `entityEditorSchema`); `tests/knowledge-gold/entities-editor.yaml` is an
 * example for the seeds.
 *
 * Always exits 0 unless the input cannot be read: it measures, it does not judge.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { readContentFile } from '../lib/ingest/markdown.ts';
import { DEFAULT_RECOGNIZER, foldName, type RecognizerName } from '../lib/knowledge/entities.ts';
import { findEntities } from '../lib/knowledge/entity-resolution.ts';
import { entityEditorSchema, entityTypeSchema, type EntityEditor, type EntityIndex, type EntityType } from '../lib/knowledge/schema.ts';
import { articleUnits, type KnowledgeArticle } from '../lib/knowledge/text.ts';
import { articleSchema } from '../lib/schema.ts';

const goldSchema = z.object({
  about: z.array(z.string()).optional(),
  entities: z.array(z.object({ name: z.string().min(1), type: entityTypeSchema, forms: z.array(z.string().min(1)).min(1) }).strict()),
});
type Gold = z.infer<typeof goldSchema>;

interface Score {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content/articles' },
    gold: { type: 'string', default: 'tests/knowledge-gold/entities.json' },
    editor: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

function loadArticles(dir: string): KnowledgeArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const { data, body } = readContentFile(readFileSync(join(dir, f), 'utf8'));
      return { id: f.replace(/\.md$/, ''), data: articleSchema.parse(data), body };
    });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Gold mentions: every whole-word occurrence of a gold form, longest first, no overlaps. */
function goldMentions(articles: readonly KnowledgeArticle[], gold: Gold): { article: string; block: number; entity: number }[] {
  const forms = gold.entities
    .flatMap((e, entity) => e.forms.map((form) => ({ form, entity })))
    .sort((a, b) => b.form.length - a.form.length || a.form.localeCompare(b.form));
  const out: { article: string; block: number; entity: number }[] = [];
  for (const article of articles) {
    for (const unit of articleUnits(article)) {
      const taken: [number, number][] = [];
      for (const { form, entity } of forms) {
        const body = escapeRegExp(form).replace(/['’]/g, "['’]");
        for (const m of unit.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu'))) {
          const s = m.index;
          const e = s + m[0].length;
          if (taken.some(([a, b]) => s < b && a < e)) continue;
          taken.push([s, e]);
          out.push({ article: article.id, block: unit.block, entity });
        }
      }
    }
  }
  return out;
}

function score(predicted: ReadonlySet<string>, expected: ReadonlySet<string>): Score {
  const tp = [...predicted].filter((p) => expected.has(p)).length;
  const fp = predicted.size - tp;
  const fn = expected.size - tp;
  const precision = predicted.size === 0 ? 0 : tp / predicted.size;
  const recall = expected.size === 0 ? 0 : tp / expected.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

interface Result {
  name: string;
  entities: Score;
  articles: Score;
  articlesUntyped: Score;
  blocks: Score;
  errors: { falsePositives: string[]; falseNegatives: string[] };
}

function evaluate(name: string, index: EntityIndex, articles: readonly KnowledgeArticle[], gold: Gold): Result {
  const formOwner = new Map<string, number>();
  gold.entities.forEach((e, i) => {
    for (const f of [e.name, ...e.forms]) formOwner.set(foldName(f), i);
  });
  const gm = goldMentions(articles, gold);
  const typeOf = (i: number): EntityType => gold.entities[i]!.type;

  // Each predicted entity stands for the gold entity most of its mentions name.
  const standsFor = new Map<string, number | undefined>();
  for (const e of index.entities) {
    const votes = new Map<number, number>();
    for (const m of e.mentions) {
      const g = formOwner.get(foldName(m.text));
      if (g !== undefined) votes.set(g, (votes.get(g) ?? 0) + (m.count ?? 1));
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? formOwner.get(foldName(e.name));
    standsFor.set(e.id, best);
  }
  const label = (id: string, type: EntityType): string => {
    const g = standsFor.get(id);
    return g === undefined ? `?${id}/${type}` : `${gold.entities[g]!.name}/${type}`;
  };
  const goldLabel = (i: number): string => `${gold.entities[i]!.name}/${typeOf(i)}`;

  // Entities: one predicted entity per gold entity.
  const claimed = new Set<string>();
  const predEntities = new Set<string>();
  for (const e of index.entities) {
    const l = label(e.id, e.type);
    predEntities.add(claimed.has(l) ? `duplicate:${e.id}` : l);
    claimed.add(l);
  }
  const goldEntities = new Set([...new Set(gm.map((m) => m.entity))].map(goldLabel));

  const predArticles = new Set<string>();
  const predArticlesUntyped = new Set<string>();
  const predBlocks = new Set<string>();
  for (const e of index.entities) {
    for (const m of e.mentions) {
      const l = label(e.id, e.type);
      predArticles.add(`${m.article} ${l}`);
      predArticlesUntyped.add(`${m.article} ${l.replace(/\/[a-z]+$/, '')}`);
      predBlocks.add(`${m.article} #${m.block} ${l}`);
    }
  }
  const goldArticles = new Set(gm.map((m) => `${m.article} ${goldLabel(m.entity)}`));
  const goldArticlesUntyped = new Set(gm.map((m) => `${m.article} ${gold.entities[m.entity]!.name}`));
  const goldBlocks = new Set(gm.map((m) => `${m.article} #${m.block} ${goldLabel(m.entity)}`));

  return {
    name,
    entities: score(predEntities, goldEntities),
    articles: score(predArticles, goldArticles),
    articlesUntyped: score(predArticlesUntyped, goldArticlesUntyped),
    blocks: score(predBlocks, goldBlocks),
    errors: {
      falsePositives: [...predBlocks].filter((p) => !goldBlocks.has(p)).sort(),
      falseNegatives: [...goldBlocks].filter((g) => !predBlocks.has(g)).sort(),
    },
  };
}

function readEditor(path: string): EntityEditor {
  return entityEditorSchema.parse(parseYaml(readFileSync(path, 'utf8')));
}

const articles = loadArticles(values.content);
const gold = goldSchema.parse(JSON.parse(readFileSync(values.gold, 'utf8')));
const results: Result[] = (['compromise', 'wink'] as RecognizerName[]).map((r) => evaluate(r, findEntities(articles, undefined, { recognizer: r }), articles, gold));
const editorPath = values.editor ?? (existsSync('content/entities.yaml') ? 'content/entities.yaml' : undefined);
if (editorPath !== undefined) results.push(evaluate(`${DEFAULT_RECOGNIZER} + editor (${editorPath})`, findEntities(articles, readEditor(editorPath)), articles, gold));

if (values.json) {
  console.log(JSON.stringify({ articles: articles.length, goldEntities: gold.entities.length, default: DEFAULT_RECOGNIZER, results }, null, 2));
} else {
  const pct = (n: number): string => `${(100 * n).toFixed(1)}`.padStart(5);
  const row = (label: string, s: Score): string =>
    `  ${label.padEnd(20)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  console.log(`${articles.length} articles, ${gold.entities.length} gold entities (${values.gold}); default library: ${DEFAULT_RECOGNIZER}\n`);
  for (const r of results) {
    console.log(r.name);
    console.log(row('entities', r.entities));
    console.log(row('articles', r.articles));
    console.log(row('articles (untyped)', r.articlesUntyped));
    console.log(row('blocks', r.blocks));
    if (values.verbose) {
      for (const fp of r.errors.falsePositives) console.log(`    + ${fp}`);
      for (const fn of r.errors.falseNegatives) console.log(`    - ${fn}`);
    }
    console.log('');
  }
}
