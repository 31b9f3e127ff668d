/**
 * `npm run collect -- --opml FILE`: the I/O edge of an OPML import. Reads
 * each file, adds the feeds it subscribes to (with their titles, sites and
 * folders as topics) to the collector's config, and writes the config back
 * with its comments kept, so the next runs, scheduled or by hand, follow
 * them, and the site lists them in `/sources.opml`. With `--dry-run` nothing
 * is written and the run collects from the merged config in memory.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { collectMessage } from '../lib/collect/codes.ts';
import { parseCollectConfig, type CollectConfig } from '../lib/collect/config.ts';
import { mergeSubscriptions, readOpml, type Subscription } from '../lib/collect/opml.ts';

export interface OpmlImport {
  /** The config to collect with, or none when an error stops the run (every reason is in `messages`). */
  config: CollectConfig | undefined;
  messages: Diagnostic[];
  /** One line per file: what was added, and what the config already followed. */
  report: string[];
}

/**
 * Imports `files` (paths and how to show them) into the config at
 * `configPath`, created when missing. An unreadable or broken OPML file stops
 * the import before the config is touched: a half-imported reader is worse
 * than none.
 */
export async function importOpml(
  files: readonly { path: string; shown: string }[],
  configPath: string,
  shownConfig: string,
  dryRun: boolean,
): Promise<OpmlImport> {
  const messages: Diagnostic[] = [];
  const perFile: { shown: string; subscriptions: Subscription[] }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file.path, 'utf8');
    } catch (error) {
      messages.push(collectMessage(file.shown, 'SL640', `cannot read the OPML file: ${(error as Error).message}`));
      continue;
    }
    const read = readOpml(text, file.shown);
    messages.push(...read.messages);
    perFile.push({ shown: file.shown, subscriptions: read.subscriptions });
  }
  if (messages.some((m) => m.severity === 'error')) return { config: undefined, messages, report: [] };

  let configText: string | undefined;
  try {
    configText = await readFile(configPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { config: undefined, messages: [...messages, collectMessage(shownConfig, 'SL601', `cannot read the config: ${(error as Error).message}`)], report: [] };
    }
  }
  // The config must be valid before it is merged into: its own errors come first, at their lines.
  if (configText !== undefined) {
    const before = parseCollectConfig(configText, shownConfig);
    if (!before.config) return { config: undefined, messages: [...messages, ...before.messages], report: [] };
  }
  const report: string[] = [];
  let text = configText;
  for (const { shown, subscriptions } of perFile) {
    let merged;
    try {
      merged = mergeSubscriptions(text, subscriptions);
    } catch (error) {
      return { config: undefined, messages: [...messages, collectMessage(shownConfig, 'SL602', (error as Error).message)], report: [] };
    }
    text = merged.text;
    const verb = dryRun ? 'would import' : 'imported';
    report.push(`${verb} ${merged.added.length} feed${merged.added.length === 1 ? '' : 's'} from ${shown} into ${shownConfig}${merged.present.length > 0 ? ` (${merged.present.length} already followed)` : ''}`);
  }
  const header = configText === undefined ? '# Written by `npm run collect -- --opml`: the feeds of an OPML import. Every setting is described in docs/collect.md.\n' : '';
  const finalText = `${header}${text ?? ''}`;
  const parsed = parseCollectConfig(finalText, shownConfig);
  if (!parsed.config) return { config: undefined, messages: [...messages, ...parsed.messages], report };
  if (!dryRun && finalText !== configText) {
    try {
      const temp = join(dirname(configPath), `.${basename(configPath)}.${process.pid}.tmp`);
      await writeFile(temp, finalText, 'utf8');
      await rename(temp, configPath);
    } catch (error) {
      return { config: undefined, messages: [...messages, collectMessage(shownConfig, 'SL624', `cannot write the config: ${(error as Error).message}`)], report };
    }
  }
  return { config: parsed.config, messages, report };
}
