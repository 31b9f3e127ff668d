/**
 * Candidate citations made by hand, for unit tests of the event steps that
 * take them (dating, similarity, merging, building) without going through
 * article text: every field a step reads, derived as `candidatesOf` derives
 * it (`spans` and `judge` from the readings).
 */
import { datedOf } from '../src/lib/knowledge/event-calendar.ts';
import type { Candidate } from '../src/lib/knowledge/event-types.ts';

/** What a test says of a candidate: its article, readings and sentence, and any other field it cares about. */
export interface CandidateSpec extends Partial<Omit<Candidate, 'spans' | 'judge' | 'readings' | 'tokens'>> {
  article: string;
  readings: string[];
  tokens?: string[];
}

/** A candidate with the given fields; the rest default to a certain, direct, past citation in paragraph 1. */
export function candidate(spec: CandidateSpec): Candidate {
  const sentence = spec.sentence ?? `In ${spec.readings.join(' or ')}, ${spec.article} reported the event.`;
  const summary = spec.summary ?? sentence.replace(/\.$/, '');
  const relation = spec.relation ?? 'on';
  const spans = spec.readings.map(datedOf);
  return {
    key: `${spec.article}#${spec.paragraph ?? 1}:${sentence}`,
    published: undefined,
    paragraph: 1,
    temporal: spec.readings[0] ?? '',
    clause: summary,
    rule: 'test',
    derived: false,
    note: undefined,
    scheduled: false,
    news: false,
    names: [],
    ...spec,
    sentence,
    summary,
    relation,
    ambiguous: spec.ambiguous ?? spec.readings.length > 1,
    tokens: new Set(spec.tokens ?? []),
    spans,
    judge: { relation, ...(spans[0] ?? datedOf('')) },
  };
}
