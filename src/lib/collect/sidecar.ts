/**
 * The sidecar the collector writes beside each page it saves: publisher,
 * url, published, the lead image it saved beside the page (file, address,
 * caption, credit), and a note holding everything else a reader should
 * know, in plain sentences: when the page was fetched and from where,
 * which source gave the date (and what the others said when they
 * disagreed), which gave the publisher, the topic, and for a later version,
 * which file it follows.
 *
 * Every sidecar written is checked against `sidecarSchema` first: a sidecar
 * the ingest would reject is a bug here, and throws.
 */
import { stringify } from 'yaml';
import { sidecarSchema, type Sidecar } from '../schema.ts';
import { dateNote, type DateChoice, type PublisherChoice } from './metadata.ts';

export interface SidecarFacts {
  /** The article's address: its canonical address, else where it was fetched from (tracking parameters removed). */
  url: string;
  publisher?: PublisherChoice;
  date: DateChoice;
  /** When the page was fetched. */
  fetchedAt: Date;
  /** The feed the article was listed in, when it came from one. */
  feed?: string;
  /** Where the page was fetched from, when that differs from `url`. */
  fetchedFrom?: string;
  topic?: string;
  /** For a later version: its number and the file of the version before. */
  version?: { number: number; previous: string; previousAt: string };
  /** The lead image saved beside the page: its file (relative to the seed's folder), where it was fetched, its caption and credit. */
  image?: { file: string; url: string; caption?: string; credit?: string; alt?: string };
  /** The rule that found the lead image on the page (`og:image`, `json-ld:image`, `figure`, …), for the note. */
  imageRule?: string;
}

/** The note's sentences. */
export function collectNote(facts: SidecarFacts): string {
  const when = facts.fetchedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sentences: string[] = [];
  const from = facts.feed === undefined ? 'directly' : `from the feed ${facts.feed}`;
  sentences.push(`Collected ${when} ${from}${facts.fetchedFrom === undefined ? '' : ` (fetched at ${facts.fetchedFrom})`}${facts.topic === undefined ? '' : `, for the topic "${facts.topic}"`}.`);
  if (facts.version) {
    sentences.push(`Version ${facts.version.number}: the text changed since ${facts.version.previous} (collected ${facts.version.previousAt}).`);
  }
  const date = dateNote(facts.date);
  if (!facts.date.chosen) sentences.push('No feed or page metadata gives a date.');
  if (date !== undefined) sentences.push(date);
  if (facts.publisher) sentences.push(`Publisher from ${facts.publisher.label}.`);
  if (facts.image) sentences.push(`Lead image from the page's ${facts.imageRule ?? 'metadata'}.`);
  return sentences.join(' ');
}

/** The sidecar's YAML text, validated. */
export function collectedSidecar(facts: SidecarFacts): string {
  const sidecar: Sidecar = {
    ...(facts.publisher ? { publisher: facts.publisher.name } : {}),
    url: facts.url,
    ...(facts.date.chosen ? { published: facts.date.chosen.reading.date } : {}),
    note: collectNote(facts),
    ...(facts.image ? { image: facts.image } : {}),
  };
  const checked = sidecarSchema.parse(sidecar);
  return `# Written by \`npm run collect\`. An editor may change any value; the collector never rewrites this file.\n${stringify(checked, { lineWidth: 0 })}`;
}
