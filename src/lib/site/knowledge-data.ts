/**
 * The knowledge layer as the pages read it: `content/knowledge.json`, parsed
 * once per build against its schema.
 */
import knowledgeJson from '../../../content/knowledge.json';
import { parseKnowledge } from './knowledge.ts';

export const knowledge = parseKnowledge(knowledgeJson);
