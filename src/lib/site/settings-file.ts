/**
 * Reading `content/site.yaml` from a project: the file-system edge of
 * `parseSiteSettings`. The build (`astro.config.mjs`), the pages
 * (`settings-data.ts`) and the ingest read it here, so every one of them,
 * and every shard of a sharded build, sees the same settings.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { DEFAULT_SETTINGS, parseSiteSettings, SETTINGS_FILE, type SiteSettings } from './site-settings.ts';

/** Where a project's settings live: its `content/` and `public/` folders. */
export interface SettingsPlace {
  /** The folder holding `site.yaml` (the project's `content/`). */
  contentDir: string;
  /** The folder logo and favicon paths are read in (the project's `public/`). */
  publicDir: string;
  /** The folder paths in messages are shown from (where the command runs). */
  cwd: string;
}

/** The settings of the project at `root`: `root/content/site.yaml` and `root/public/`, shown from `root`. */
export function projectPlace(root: string): SettingsPlace {
  return { contentDir: join(root, 'content'), publicDir: join(root, 'public'), cwd: root };
}

/** The settings in `place`, or the defaults when there is no file; with errors, no settings and every message. */
export function readSiteSettings(place: SettingsPlace): { settings: SiteSettings | undefined; messages: Diagnostic[] } {
  const path = join(place.contentDir, SETTINGS_FILE);
  const rel = relative(place.cwd, path);
  const shown = (rel.startsWith('..') ? path : rel).split(sep).join('/');
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    // No file (or no content folder, which whoever writes it reports): the defaults.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { settings: DEFAULT_SETTINGS, messages: [] };
    return { settings: undefined, messages: [{ file: shown, severity: 'error', code: 'SL510', message: `cannot be read: ${(error as Error).message}` }] };
  }
  const publicFileExists = (p: string): boolean => {
    const file = join(place.publicDir, p);
    return existsSync(file) && statSync(file).isFile();
  };
  return parseSiteSettings(source, shown, { publicFileExists });
}

/** The settings of the project at `root`; throws an error listing every message when the file has errors. */
export function loadSiteSettings(root: string): SiteSettings {
  const { settings, messages } = readSiteSettings(projectPlace(root));
  if (settings === undefined) throw new SiteSettingsError(messages);
  return settings;
}

/** A settings file with errors: its message is one `file:line: error CODE …` line each. */
export class SiteSettingsError extends Error {
  readonly messages: readonly Diagnostic[];
  constructor(messages: readonly Diagnostic[]) {
    super(messages.map(formatDiagnostic).join('\n'));
    this.name = 'SiteSettingsError';
    this.messages = messages;
  }
}
