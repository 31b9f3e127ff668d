/**
 * `content/site.yaml`: the schema's defaults and fields, every kind of
 * mistake reported at its line (`content/site.yaml:LINE:`), all of a file's
 * errors at once, the file read from a project, and the ingest, which judges
 * today in the site's time zone and refuses a bad file as the build does.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/cli/ingest.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { DEFAULT_NAV, DEFAULT_SETTINGS, faviconType, footerText, navHref, parseSiteSettings, siteSettingsSchema } from '../../src/lib/site/site-settings.ts';
import { loadSiteSettings, projectPlace, readSiteSettings } from '../../src/lib/site/settings-file.ts';
import { settingsCss } from '../../src/lib/site/settings-css.ts';
import { tinyArticle } from '../robustness-corpus.ts';

const FILE = 'content/site.yaml';
/** Files that exist under `public/` in these tests. */
const PUBLIC = new Set(['favicon.svg', 'images/logo.svg', 'images/icon.png']);
const parse = (text: string): ReturnType<typeof parseSiteSettings> => parseSiteSettings(text, FILE, { publicFileExists: (p) => PUBLIC.has(p) });
/** The messages as printed. */
const printed = (text: string): string[] => parse(text).messages.map(formatDiagnostic);

/** A file that sets every field. */
const EVERY_FIELD = [
  'title: Korea Watch',
  'description: The Korean peninsula from many outlets, sourced.',
  'language: de',
  'timeZone: Asia/Seoul',
  'logo: images/logo.svg',
  'favicon: images/icon.png',
  'accent: "#B3261E"',
  'accentDark: "#f2b8b5"',
  'nav:',
  '  - label: Start',
  '    href: /',
  '  - { label: Themen, href: /topics/ }',
  '  - { label: Source, href: "https://example.org/about" }',
  'footer: Run by the Korea Watch desk.',
  'feedItems: 3',
  'keyEvents: 2',
  'entityPages: [person, organisation]',
  'images: false',
  '',
].join('\n');

describe('the defaults', () => {
  it('are the site as it is without the file: every field optional', () => {
    expect(parse('').settings).toEqual(DEFAULT_SETTINGS);
    expect(parse('# nothing set yet\n').settings).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      title: 'Storyline',
      description: 'News from many outlets, cleaned, dated and sourced: every fact shows where it came from.',
      language: 'en',
      favicon: 'favicon.svg',
      nav: [...DEFAULT_NAV],
      feedItems: 50,
      keyEvents: 40,
      entityPages: ['person', 'organisation', 'place'],
      images: true,
    });
  });
  it('add no CSS, so the stylesheet stays the default one', () => {
    expect(settingsCss(DEFAULT_SETTINGS)).toBeUndefined();
  });
  it('give the footer that names the site', () => {
    expect(footerText(DEFAULT_SETTINGS)).toBe('Storyline gathers articles from other outlets. Each article links to its original and to the raw text it was cleaned from.');
    expect(footerText({ title: 'Korea Watch', footer: undefined })).toMatch(/^Korea Watch gathers articles/);
  });
});

describe('a file that sets every field', () => {
  const { settings, messages } = parse(EVERY_FIELD);
  it('is read whole, values normalised', () => {
    expect(messages).toEqual([]);
    expect(settings).toEqual({
      title: 'Korea Watch',
      description: 'The Korean peninsula from many outlets, sourced.',
      language: 'de',
      timeZone: 'Asia/Seoul',
      logo: 'images/logo.svg',
      favicon: 'images/icon.png',
      accent: '#b3261e',
      accentDark: '#f2b8b5',
      nav: [
        { label: 'Start', href: '/' },
        { label: 'Themen', href: '/topics/' },
        { label: 'Source', href: 'https://example.org/about' },
      ],
      footer: 'Run by the Korea Watch desk.',
      feedItems: 3,
      keyEvents: 2,
      entityPages: ['person', 'organisation'],
      images: false,
    });
  });
  it('sets the accent of both schemes and the logo box in CSS', () => {
    const css = settingsCss(settings!)!;
    expect(css).toContain(':root { --accent: #b3261e; --accent-fg: #ffffff; }');
    expect(css).toContain('@media (prefers-color-scheme: dark) { :root { --accent: #f2b8b5; --accent-fg: #121417; } }');
    expect(css).toContain('.brand-logo {');
  });
  it('canonicalises the language tag and reads numbers written as titles as text', () => {
    expect(parse('language: en-gb\ntitle: 1984\n').settings).toMatchObject({ language: 'en-GB', title: '1984' });
  });
});

describe('nav links and the favicon', () => {
  it('put a path in the site under the base path and leave an outside URL as it is', () => {
    expect(navHref('/', '/')).toBe('/');
    expect(navHref('/news/', '/topics/')).toBe('/news/topics/');
    expect(navHref('/news/', '/')).toBe('/news/');
    expect(navHref('/news/', 'https://example.org/a')).toBe('https://example.org/a');
  });
  it('name the favicon’s media type by its extension', () => {
    expect(['favicon.svg', 'a/icon.PNG', 'favicon.ico'].map(faviconType)).toEqual(['image/svg+xml', 'image/png', 'image/x-icon']);
  });
});

describe('mistakes, each at its line', () => {
  it('an unknown field, at its own line, naming the allowed ones', () => {
    expect(printed('title: A\ncolour: red\n')).toEqual([`${FILE}:2: error SL511 unknown field "colour"; allowed: ${Object.keys(siteSettingsSchema.shape).join(', ')}`]);
  });
  it('an unknown field in a nav link at its own line, a missing one at the link’s', () => {
    expect(printed('nav:\n  - label: A\n    href: /\n  - label: B\n    url: /b/\n')).toEqual([
      `${FILE}:4: error SL511 nav.1.href: write a path in the site such as /topics/, or an http(s):// URL`,
      `${FILE}:5: error SL511 nav.1: unknown field "url"; allowed: label, href`,
    ]);
  });
  it('a bad value, at its key’s line', () => {
    expect(printed('title: A\n\nfeedItems: 2.5\n')).toEqual([`${FILE}:3: error SL511 feedItems: write a whole number`]);
    expect(printed('keyEvents: 0\n')).toEqual([`${FILE}:1: error SL511 keyEvents: at least 1`]);
    expect(printed('entityPages: [person, people]\n')[0]).toMatch(/^content\/site\.yaml:1: error SL511 entityPages\.1: /);
    expect(printed('language: not a tag!\n')).toEqual([`${FILE}:1: error SL511 language: "not a tag!" is not a BCP 47 language tag; write one such as en, de or ko-KR`]);
    expect(printed('timeZone: Mars/Olympus\n')).toEqual([`${FILE}:1: error SL511 timeZone: "Mars/Olympus" is not a time zone; write an IANA name such as Europe/Berlin or Asia/Seoul`]);
    expect(printed('favicon: images/logo.gif\n')).toEqual([`${FILE}:1: error SL511 favicon: a favicon is an .svg, .png or .ico file`]);
    expect(printed('logo: ../secrets.svg\n')[0]).toMatch(/^content\/site\.yaml:1: error SL511 logo: write the path of a file under public\//);
    expect(printed('title: ""\n')).toEqual([`${FILE}:1: error SL511 title: must not be empty`]);
  });
  it('a colour left unquoted (YAML reads # as a comment), saying so', () => {
    expect(printed('accent: #b3261e\n')).toEqual([`${FILE}:1: error SL511 accent: write a colour as "#rrggbb", in quotes (YAML reads an unquoted # as the start of a comment)`]);
    expect(printed('accent: "red"\n')).toEqual([`${FILE}:1: error SL511 accent: write a colour as "#rrggbb" or "#rgb"`]);
  });
  it('a dark accent without the accent', () => {
    expect(printed('accentDark: "#f2b8b5"\n')).toEqual([`${FILE}:1: error SL511 accentDark: set accent too: accentDark is the dark scheme’s version of it`]);
  });
  it('an accent that fails WCAG AA, with the measured ratio and what it was measured against', () => {
    expect(printed('title: A\naccent: "#777777"\n')).toEqual([
      `${FILE}:2: error SL513 accent: "#777777" has a contrast ratio of 4.29:1 against the light background #fbfaf7; WCAG AA needs 4.5:1 for text, so choose a darker colour`,
    ]);
    // #767676 passes on white (4.54:1) but the site's light background is a shade darker.
    expect(printed('accent: "#767676"\n')[0]).toContain('4.35:1 against the light background #fbfaf7');
    expect(printed('accent: "#1d4f91"\naccentDark: "#3b5f8f"\n')).toEqual([
      `${FILE}:2: error SL513 accentDark: "#3b5f8f" has a contrast ratio of 2.59:1 against the dark surface #1a1d22; WCAG AA needs 4.5:1 for text, so choose a lighter colour`,
    ]);
    expect(parse('accent: "#1d4f91"\n').messages).toEqual([]);
  });
  it('a logo or favicon that is not in public/', () => {
    expect(printed('title: A\nlogo: images/missing.svg\nfavicon: gone.ico\n')).toEqual([
      `${FILE}:2: error SL512 logo: public/images/missing.svg does not exist; put the file there or correct the path`,
      `${FILE}:3: error SL512 favicon: public/gone.ico does not exist; put the file there or correct the path`,
    ]);
  });
  it('every error of a file at once, in line order, and no settings at all', () => {
    const { settings, messages } = parse('title: Korea Watch\ncolour: red\naccent: "#777777"\nlogo: images/nope.svg\n');
    expect(settings).toBeUndefined();
    expect(messages.map((m) => [m.line, m.code])).toEqual([
      [2, 'SL511'],
      [3, 'SL513'],
      [4, 'SL512'],
    ]);
  });
  it('YAML that does not parse, or is not a mapping, at its line', () => {
    expect(printed('title: A\nnav: [unclosed\n')[0]).toMatch(/^content\/site\.yaml:\d+: error SL510 not valid YAML: /);
    expect(printed('title: A\ntitle: B\n')[0]).toMatch(/^content\/site\.yaml:2: error SL510 not valid YAML: .*[Uu]nique/);
    expect(printed('- title\n')).toEqual([`${FILE}:1: error SL510 the file holds a list; write one "field: value" line per setting`]);
  });
});

describe('the file in a project', () => {
  const root = mkdtempSync(join(tmpdir(), 'storyline-settings-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'content'));
  mkdirSync(join(root, 'public', 'images'), { recursive: true });
  mkdirSync(join(root, 'seeds'));
  writeFileSync(join(root, 'public', 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const settingsFile = join(root, 'content', 'site.yaml');

  it('gives the defaults without a file', () => {
    expect(readSiteSettings(projectPlace(root))).toEqual({ settings: DEFAULT_SETTINGS, messages: [] });
  });
  it('checks the logo against public/ and names the file as the project knows it', () => {
    writeFileSync(settingsFile, 'title: Korea Watch\nlogo: images/logo.svg\n');
    expect(loadSiteSettings(root)).toMatchObject({ title: 'Korea Watch', logo: 'images/logo.svg' });
    writeFileSync(settingsFile, 'title: Korea Watch\nlogo: images/logo.png\n');
    expect(() => loadSiteSettings(root)).toThrow('content/site.yaml:2: error SL512 logo: public/images/logo.png does not exist');
    // A folder is not a file.
    writeFileSync(settingsFile, 'logo: images\n');
    expect(readSiteSettings(projectPlace(root)).messages.map((m) => m.code)).toEqual(['SL512']);
  });

  describe('read by the ingest', () => {
    const ingest = async (args: string[], now?: Date): Promise<{ code: number; lines: string[] }> => {
      const lines: string[] = [];
      const push = (t: string): void => void lines.push(...t.split('\n'));
      const code = await runIngest(['--no-cache', ...args], { cwd: root, today: '2025-08-22', ...(now ? { now } : {}), out: push, err: push });
      return { code, lines };
    };
    it('refuses a file with errors, naming each at its line, and ingests nothing (exit 2)', async () => {
      writeFileSync(join(root, 'seeds', 'a.txt'), tinyArticle(1));
      writeFileSync(settingsFile, 'title: Korea Watch\ncolour: red\n');
      const run = await ingest([]);
      expect(run.code).toBe(2);
      expect(run.lines).toEqual([`${FILE}:2: error SL511 unknown field "colour"; allowed: ${Object.keys(siteSettingsSchema.shape).join(', ')}`, 'nothing was ingested: correct this error first']);
      expect((await ingest(['--check'])).code).toBe(2);
    });
    it('takes today as the day it is in the site’s time zone', async () => {
      // 2025-08-22 16:30 UTC is already 23 August in Seoul: a sidecar dated the 23rd is not in the future there.
      const now = new Date(Date.UTC(2025, 7, 22, 16, 30));
      writeFileSync(join(root, 'seeds', 'a.meta.yaml'), 'published: 2025-08-23\n');
      writeFileSync(settingsFile, 'timeZone: Asia/Seoul\n');
      const seoul = await ingest([], now);
      expect(seoul.code).toBe(0);
      expect(seoul.lines.filter((l) => l.includes('SL204'))).toEqual([]);
      writeFileSync(settingsFile, 'timeZone: America/New_York\n');
      const newYork = await ingest([], now);
      expect(newYork.lines.filter((l) => l.includes('SL204'))).toEqual([expect.stringMatching(/^seeds\/a\.meta\.yaml:1: error SL204 .*2025-08-22/)]);
      expect(readFileSync(join(root, 'content', 'ingest-report.json'), 'utf8')).toContain('SL204');
    });
  });
});
