/**
 * Repeated blocks. A scrape that pasted a paragraph, or a whole run of them,
 * twice keeps the first copy. Copies are recognised by their fold key, so a
 * second copy with other quotes or spacing is still a copy.
 */
import type { Block } from './segment.ts';
import { foldKey, words } from './normalize.ts';

/** Indexes (from `indexes`, in order) of blocks that repeat an earlier one. */
export function findRepeats(blocks: readonly Block[], indexes: readonly number[]): number[] {
  const seen = new Set<string>();
  const repeats: number[] = [];
  for (const i of indexes) {
    const text = blocks[i]!.text;
    // Very short lines (a name, "Photo") may recur for good reason; they are left to other rules.
    if (words(text).length < 4) continue;
    const key = foldKey(text);
    if (seen.has(key)) repeats.push(i);
    else seen.add(key);
  }
  return repeats;
}
