/**
 * `content/site.yaml`: the one file a site is set in (its name, language,
 * look, navigation and a few limits), read with line numbers so a mistake is
 * reported where it stands. Every field is optional; without the file the
 * site is as the defaults here make it. A file with any error gives no
 * settings at all, never half of them: the build stops on it.
 *
 * Messages: SL510 not valid YAML (or not a mapping of fields); SL511 an
 * unknown or invalid field; SL512 a file it names is not in `public/`;
 * SL513 the accent colour fails WCAG AA contrast.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.ts';
import { entityTypeSchema } from '../knowledge/schema.ts';
import { MAX_KEY_EVENTS } from '../knowledge/key-events.ts';
import { isTimeZone } from '../time-zone.ts';
import { accentShortfall, AA_TEXT, formatRatio, HEX_COLOUR, type Scheme } from './contrast.ts';
import { DEFAULT_LANGUAGE } from './locale.ts';
import { withBase } from './config.ts';

/** The settings file's name in `content/`, beside the other editor files. */
export const SETTINGS_FILE = 'site.yaml';

/** Items each feed carries by default (`feedItems`). */
export const DEFAULT_FEED_ITEMS = 50;

/** YAML reads `title: 1984` as a number; the editor meant the text written. */
const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z.string({ error: 'write text here' }).trim().min(1, 'must not be empty').max(max, `at most ${max} characters`),
  );

/** A file under `public/`, named by its path there (`images/logo.svg`); whether it exists is checked by the reader. */
const publicPath = z
  .string({ error: 'write the path of a file under public/, e.g. images/logo.svg' })
  .trim()
  .regex(/^\/?(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._~@+-]+(?:\/[A-Za-z0-9._~@+-]+)*$/, 'write the path of a file under public/, e.g. images/logo.svg (no "..", no spaces)')
  .transform((p) => p.replace(/^\//, ''));

const colour = z
  .string({ error: 'write a colour as "#rrggbb", in quotes (YAML reads an unquoted # as the start of a comment)' })
  .trim()
  .regex(HEX_COLOUR, 'write a colour as "#rrggbb" or "#rgb"')
  .transform((c) => c.toLowerCase());

/** A link in the header's navigation. */
export const navLinkSchema = z
  .object({
    /** The words shown. */
    label: text(40),
    /** A path in the site (`/topics/`; the base path is added) or an absolute `http(s)://` URL. */
    href: z
      .string({ error: 'write a path in the site such as /topics/, or an http(s):// URL' })
      .trim()
      .refine((h) => /^\/(?!\/)\S*$/.test(h) || /^https?:\/\/[^\s/]+\S*$/.test(h), 'write a path in the site such as /topics/, or an http(s):// URL'),
  })
  .strict();
export type NavLink = z.infer<typeof navLinkSchema>;

/** The header's navigation without `nav` in the file. */
export const DEFAULT_NAV: readonly NavLink[] = [
  { label: 'Home', href: '/' },
  { label: 'Topics', href: '/topics/' },
  { label: 'Publishers', href: '/publishers/' },
  { label: 'People & places', href: '/entities/' },
  { label: 'Archive', href: '/archive/' },
];

/** The fields of `content/site.yaml`. Every one is optional; its default is the site as it is without the file. */
const settingsFields = z.object({
  /** The site's name: every page's `<title>` (after the page's own), the header, the feeds, Open Graph and JSON-LD. */
  title: text(80).default('Storyline'),
  /** The tagline: the home page's and the site feeds' description, and any page's that has none of its own. */
  description: text(300).default('News from many outlets, cleaned, dated and sourced: every fact shows where it came from.'),
  /**
   * The site's language as a BCP 47 tag (`en`, `de`, `ko-KR`): the pages' `lang`, the feeds' language, and
   * the locale every date and number is written in. `en` keeps the site's own format ("22 August 2025").
   */
  language: z
    .string({ error: 'write a BCP 47 language tag such as en, de or ko-KR' })
    .trim()
    .transform((tag, ctx) => {
      try {
        const [canonical] = Intl.getCanonicalLocales(tag);
        if (canonical !== undefined && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0) return canonical;
        ctx.addIssue({ code: 'custom', message: `"${tag}" is a language tag no locale data here covers; write one such as en, de or ko-KR` });
      } catch {
        ctx.addIssue({ code: 'custom', message: `"${tag}" is not a BCP 47 language tag; write one such as en, de or ko-KR` });
      }
      return z.NEVER;
    })
    .default(DEFAULT_LANGUAGE),
  /**
   * The IANA time zone the site's days begin and end in (`Asia/Seoul`): the day the ingest takes as today
   * (a sidecar's date may not be after it) and the first instant of a day-dated article in the feeds.
   * Without it, the ingest reads today in the machine's own zone and the feeds use midnight UTC.
   */
  timeZone: z
    .string({ error: 'write an IANA time zone such as Europe/Berlin or Asia/Seoul' })
    .trim()
    .refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not a time zone; write an IANA name such as Europe/Berlin or Asia/Seoul` })
    .optional(),
  /** An image in the header beside the title, as its path under `public/` (`images/logo.svg`). */
  logo: publicPath.optional(),
  /** The browser tab's icon, as its path under `public/` (SVG, PNG or ICO). */
  favicon: publicPath.refine((p) => /\.(?:svg|png|ico)$/i.test(p), 'a favicon is an .svg, .png or .ico file').default('favicon.svg'),
  /**
   * The accent colour (`"#1d4f91"`, quoted): links, buttons and the timeline's marks in the light scheme. It
   * must reach 4.5:1 (WCAG AA) against the light backgrounds and beside the white text drawn on it.
   */
  accent: colour.optional(),
  /**
   * The accent in the dark scheme, which must reach 4.5:1 against the dark backgrounds. Without it, a lighter
   * tint of `accent` is made that stands out there as much as `accent` does in light.
   */
  accentDark: colour.optional(),
  /** The header's links, in order; replaces the default (Home, Topics, Publishers, Archive). */
  nav: z.array(navLinkSchema).max(12, 'at most 12 links').default([...DEFAULT_NAV]),
  /** The footer's text (one paragraph). Without it: "<title> gathers articles from other outlets…". */
  footer: text(1000).optional(),
  /** How many articles each feed (the site's and each topic's RSS, Atom and JSON Feed) carries: the newest. */
  feedItems: z.int({ error: 'write a whole number' }).min(1, 'at least 1').max(1000, 'at most 1000').default(DEFAULT_FEED_ITEMS),
  /** The most key events a topic's timeline leads with (it takes about one for each day the topic's articles appeared). */
  keyEvents: z.int({ error: 'write a whole number' }).min(1, 'at least 1').max(200, 'at most 200').default(MAX_KEY_EVENTS),
  /** Which kinds of entity get their own pages (`person`, `organisation`, `place`); the others are named as plain text. */
  entityPages: z
    .array(entityTypeSchema)
    .refine((types) => new Set(types).size === types.length, 'each type once')
    .default([...entityTypeSchema.options]),
  /** Whether articles show their lead images (a thumbnail in lists, the picture above the article); `false` shows none. */
  images: z.boolean({ error: 'write true or false' }).default(true),
});

/** The one schema of `content/site.yaml`: its fields, no others. */
export const siteSettingsSchema = settingsFields
  .strict()
  .superRefine((s, ctx) => {
    if (s.accentDark !== undefined && s.accent === undefined) ctx.addIssue({ code: 'custom', path: ['accentDark'], message: 'set accent too: accentDark is the dark scheme’s version of it' });
  });

/** The settings as the site uses them: the file's values over the defaults. */
export type SiteSettings = z.output<typeof siteSettingsSchema>;

/** The settings without a file. */
export const DEFAULT_SETTINGS: SiteSettings = siteSettingsSchema.parse({});

/** The footer's paragraph: the site's own, or the default naming the site. */
export function footerText(settings: Pick<SiteSettings, 'title' | 'footer'>): string {
  return settings.footer ?? `${settings.title} gathers articles from other outlets. Each article links to its original and to the raw text it was cleaned from.`;
}

/** A nav link's address: a path in the site under the base path (`withBase`), an outside URL as written. */
export function navHref(base: string, href: string): string {
  return /^https?:\/\//.test(href) ? href : withBase(base, href);
}

/** The favicon's media type, from its file name. */
export function faviconType(path: string): string {
  return path.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : path.toLowerCase().endsWith('.png') ? 'image/png' : 'image/x-icon';
}

/** What the reader of the file answers: whether a path under `public/` names a file. */
export interface SettingsChecks {
  publicFileExists: (path: string) => boolean;
}

/**
 * Reads the text of `content/site.yaml` (`file` is how messages name it).
 * Any error gives no settings, with every message at once, each at the line
 * of the field it is about.
 */
export function parseSiteSettings(source: string, file: string, checks: SettingsChecks): { settings: SiteSettings | undefined; messages: Diagnostic[] } {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const fail = (messages: Diagnostic[]): { settings: undefined; messages: Diagnostic[] } => ({ settings: undefined, messages });
  if (doc.errors.length > 0) {
    return fail(doc.errors.map((e) => ({ file, line: counter.linePos(e.pos[0]).line, severity: 'error', code: 'SL510', message: `not valid YAML: ${e.message.split('\n')[0]}` })));
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    const what = isSeq(doc.contents) ? 'a list' : 'a single value';
    return fail([{ file, line: 1, severity: 'error', code: 'SL510', message: `the file holds ${what}; write one "field: value" line per setting` }]);
  }
  let value: unknown;
  try {
    // toJS expands aliases, and refuses (throws) when they multiply past a small limit.
    value = doc.contents === null ? {} : doc.toJS();
  } catch (error) {
    return fail([{ file, severity: 'error', code: 'SL510', message: `the file cannot be read: ${(error as Error).message}` }]);
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => settingLine(doc, counter, path);
  const at = (path: readonly PropertyKey[], code: string, message: string): Diagnostic => {
    const line = lineOf(path);
    return { file, ...(line === undefined ? {} : { line }), severity: 'error', code, message };
  };
  const messages: Diagnostic[] = [];
  const parsed = siteSettingsSchema.safeParse(value);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) messages.push(at([...issue.path, key], 'SL511', `${where(issue.path)}unknown field "${key}"; allowed: ${allowedFields(issue.path)}`));
        continue;
      }
      // One message per field: the first thing wrong with it.
      const id = issue.path.join('.');
      if (seen.has(id)) continue;
      seen.add(id);
      messages.push(at(issue.path, 'SL511', `${where(issue.path)}${issue.message}`));
    }
  }
  // The checks beyond the schema, on each field that is valid in itself, so a file's every error is told at once.
  const raw = (value ?? {}) as Record<string, unknown>;
  const field = <K extends 'logo' | 'favicon' | 'accent' | 'accentDark'>(key: K): string | undefined => {
    if (!(key in raw)) return undefined;
    const one = settingsFields.shape[key].safeParse(raw[key]);
    return one.success ? one.data : undefined;
  };
  for (const key of ['logo', 'favicon'] as const) {
    const path = field(key);
    if (path !== undefined && !checks.publicFileExists(path)) messages.push(at([key], 'SL512', `${key}: public/${path} does not exist; put the file there or correct the path`));
  }
  const accent = field('accent');
  const accentDark = field('accentDark');
  const given: Record<Scheme, { key: string; colour: string | undefined }> = { light: { key: 'accent', colour: accent }, dark: { key: 'accentDark', colour: accentDark } };
  for (const scheme of ['light', 'dark'] as const) {
    // A dark accent made from the light one passes by construction; one the file gives is checked.
    const { key, colour } = given[scheme];
    const short = colour === undefined ? undefined : accentShortfall(colour, scheme);
    if (short === undefined) continue;
    const against = short.against === 'text on the accent' ? `the ${scheme} scheme's text on it (${short.colour})` : `the ${scheme} ${short.against} ${short.colour}`;
    const fix = scheme === 'light' ? 'choose a darker colour' : 'choose a lighter colour';
    messages.push(at([key], 'SL513', `${key}: "${colour}" has a contrast ratio of ${formatRatio(short.ratio)} against ${against}; WCAG AA needs ${AA_TEXT}:1 for text, so ${fix}`));
  }
  if (!parsed.success || messages.length > 0) return fail(sortByLine(messages));
  return { settings: parsed.data, messages: [] };
}

/** "nav.2.href: " before a message about a field; nothing for the file as a whole. */
function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '' : `${path.map(String).join('.')}: `;
}

/** The fields allowed where an unknown one stands. */
function allowedFields(path: readonly PropertyKey[]): string {
  const shape = path.length === 0 ? siteSettingsSchema.shape : navLinkSchema.shape;
  return Object.keys(shape).join(', ');
}

function sortByLine(messages: Diagnostic[]): Diagnostic[] {
  return [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The line of the field at `path`: its key's line in the mapping that holds
 * it, or a list item's own line; for a field the file lacks (a nav link with
 * no `href`), the line of what should hold it.
 */
function settingLine(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = node && typeof node === 'object' && 'range' in node ? lineAt(counter, node.range) : undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      line = isScalar(pair.key) ? (lineAt(counter, pair.key.range) ?? line) : line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node && typeof node === 'object' && 'range' in node) line = lineAt(counter, node.range) ?? line;
    } else break;
  }
  return line;
}

function lineAt(counter: LineCounter, range: unknown): number | undefined {
  return Array.isArray(range) && typeof range[0] === 'number' ? counter.linePos(range[0]).line : undefined;
}
