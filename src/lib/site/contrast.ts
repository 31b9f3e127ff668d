/**
 * The accent colour a site sets, checked and turned into CSS: WCAG 2.x
 * relative luminance and contrast ratio, the backgrounds the stylesheet
 * (`src/styles/global.css`) draws text on in its light and dark schemes, and
 * the custom properties that replace the default accent.
 *
 * The accent colours links (text) and fills the buttons and badges whose text
 * is `--accent-fg`, so each scheme's accent must reach WCAG AA's 4.5:1 for
 * normal text against that scheme's backgrounds. No one colour can do that on
 * both schemes (against #fbfaf7 and #121417 the best any colour reaches on
 * both at once is about 4.2:1), so the dark scheme takes a lighter tint of the
 * accent, or the colour a site gives for it.
 */

/** WCAG AA's minimum contrast for normal text. */
export const AA_TEXT = 4.5;

/**
 * The colours text stands on in each scheme (`--bg` and `--surface` in
 * global.css; a unit test reads the stylesheet to keep them equal), and the
 * text drawn on the accent (`--accent-fg`) when the accent is the site's own.
 */
export const THEME = {
  light: { background: '#fbfaf7', surface: '#ffffff', onAccent: '#ffffff' },
  dark: { background: '#121417', surface: '#1a1d22', onAccent: '#121417' },
} as const;

export type Scheme = keyof typeof THEME;

/** `#rgb` or `#rrggbb`, any case. */
export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

type Rgb = readonly [number, number, number];

/** The channels of `#rgb` or `#rrggbb`, 0–255; throws on anything else. */
export function parseHex(colour: string): Rgb {
  if (!HEX_COLOUR.test(colour)) throw new Error(`not a colour written #rgb or #rrggbb: ${colour}`);
  const hex = colour.length === 4 ? [...colour.slice(1)].map((c) => c + c).join('') : colour.slice(1);
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

/** `#rrggbb`, lower case. */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseHex(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * A ratio as a reader checks it: two decimals, cut rather than rounded, so a
 * colour that falls short never reads as passing ("4.49:1", not "4.50:1").
 */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** Where an accent falls short: the weakest pairing in its scheme. */
export interface ContrastShortfall {
  scheme: Scheme;
  /** What the accent is measured against: a background, or the text drawn on the accent. */
  against: 'background' | 'surface' | 'text on the accent';
  colour: string;
  ratio: number;
}

/** The weakest pairing of `accent` with what it meets in `scheme`, or undefined when every one reaches `AA_TEXT`. */
export function accentShortfall(accent: string, scheme: Scheme): ContrastShortfall | undefined {
  const theme = THEME[scheme];
  const pairs = [
    { against: 'background' as const, colour: theme.background },
    { against: 'surface' as const, colour: theme.surface },
    { against: 'text on the accent' as const, colour: theme.onAccent },
  ].map((p) => ({ ...p, ratio: contrastRatio(accent, p.colour) }));
  const weakest = pairs.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  return weakest.ratio >= AA_TEXT ? undefined : { scheme, ...weakest };
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: readonly [number, number, number]): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    const v = u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p;
    return v * 255;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}

/**
 * The dark scheme's accent made from the light one: the same hue and
 * saturation, lightened (in HSL, half a percent at a time) until it stands
 * out from the dark backgrounds as much as the accent does from the light
 * background (at least `AA_TEXT`, at most 7:1, AAA's level), as the default
 * theme's #8fb8f2 is a lighter #1d4f91.
 */
export function darkAccentFor(accent: string): string {
  const target = Math.min(7, Math.max(AA_TEXT, contrastRatio(accent, THEME.light.background)));
  const [h, s, l] = toHsl(parseHex(accent));
  for (let lightness = l; lightness <= 1; lightness += 0.005) {
    const candidate = toHex(fromHsl([h, s, Math.min(1, lightness)]));
    const dark = THEME.dark;
    if (Math.min(contrastRatio(candidate, dark.background), contrastRatio(candidate, dark.surface)) >= target) return candidate;
  }
  return '#ffffff';
}

/** The accent of each scheme: the site's own light one, and its dark one as given or made (`darkAccentFor`). */
export function accentColours(accent: string, accentDark: string | undefined): Record<Scheme, string> {
  return { light: accent.toLowerCase(), dark: (accentDark ?? darkAccentFor(accent)).toLowerCase() };
}

/**
 * The stylesheet rules that make `accent` the site's accent, appended to
 * global.css so they win over its defaults: the accent and the text drawn on
 * it, in each scheme.
 */
export function accentCss(accent: string, accentDark: string | undefined): string {
  const { light, dark } = accentColours(accent, accentDark);
  return [
    '',
    '/* The accent set in content/site.yaml. */',
    `:root { --accent: ${light}; --accent-fg: ${THEME.light.onAccent}; }`,
    `@media (prefers-color-scheme: dark) { :root { --accent: ${dark}; --accent-fg: ${THEME.dark.onAccent}; } }`,
    '',
  ].join('\n');
}
