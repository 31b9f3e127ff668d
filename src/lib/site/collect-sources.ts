/**
 * The feeds the collector follows, read from the project's collector config
 * (`collect.config.yaml`, the file `npm run collect` reads by default and an
 * OPML import writes to) for the site's `/sources.opml`. A project without
 * that file follows none; a file with errors gives none, with its
 * `file:line` messages, and the site still builds (it is the collector's
 * file: `npm run collect` refuses it with the same messages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { DEFAULT_CONFIG_FILE, parseCollectConfig } from '../collect/config.ts';
import type { FollowedFeed } from './sources-opml.ts';

export function readFollowedFeeds(root: string): { feeds: FollowedFeed[]; messages: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(join(root, DEFAULT_CONFIG_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { feeds: [], messages: [] };
    return { feeds: [], messages: [{ file: DEFAULT_CONFIG_FILE, severity: 'warning', code: 'SL601', message: `cannot be read, so /sources.opml lists no followed feeds: ${(error as Error).message}` }] };
  }
  const { config, messages } = parseCollectConfig(text, DEFAULT_CONFIG_FILE);
  if (!config) return { feeds: [], messages: messages.map((m) => ({ ...m, severity: 'warning' as const, message: `${m.message} (so /sources.opml lists no followed feeds)` })) };
  return {
    feeds: config.feeds.map((f) => ({
      url: f.url,
      ...(f.title === undefined ? {} : { title: f.title }),
      ...(f.topic === undefined ? {} : { topic: f.topic }),
      ...(f.site === undefined ? {} : { site: f.site }),
      ...(f.publisher === undefined ? {} : { publisher: f.publisher }),
    })),
    messages: [],
  };
}
