/**
 * `node tests/update-robustness-doc.ts`: reruns every case of
 * docs/robustness.md (tests/robustness-corpus.ts) and rewrites the doc's
 * table with what the ingest printed. Review the diff before committing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DOC_PATH, TABLE_END, TABLE_START, documentedTable, robustnessTable } from './robustness-corpus.ts';

const doc = readFileSync(DOC_PATH, 'utf8');
const old = documentedTable(doc);
const table = await robustnessTable();
writeFileSync(DOC_PATH, doc.replace(`${TABLE_START}\n${old}${TABLE_END}`, `${TABLE_START}\n${table}${TABLE_END}`));
console.log(old === table ? `${DOC_PATH}: unchanged` : `${DOC_PATH}: table rewritten`);
