/**
 * WCAG contrast as the settings check it: known pairs, the ratio as printed,
 * the backgrounds the stylesheet really uses, and the dark accent made from
 * a light one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, accentCss, accentShortfall, contrastRatio, darkAccentFor, formatRatio, parseHex, relativeLuminance, THEME } from '../../src/lib/site/contrast.ts';

describe('contrast ratio', () => {
  it('matches known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(formatRatio(contrastRatio('#767676', '#ffffff'))).toBe('4.54:1');
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(formatRatio(contrastRatio('#777777', '#ffffff'))).toBe('4.47:1');
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(AA_TEXT);
    // Either order.
    expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'));
  });
  it('reads #rgb as #rrggbb, in any case, and refuses anything else', () => {
    expect(parseHex('#FfF')).toEqual([255, 255, 255]);
    expect(relativeLuminance('#f00')).toBeCloseTo(0.2126, 4);
    expect(() => parseHex('red')).toThrow();
  });
  it('prints a ratio cut, not rounded, so a colour short of 4.5 never reads 4.50', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(7)).toBe('7.00:1');
  });
});

describe('the schemes', () => {
  it('are the backgrounds global.css draws text on', () => {
    const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    const [light, dark] = [css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)')), css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))];
    const value = (block: string, name: string): string | undefined => new RegExp(`--${name}:\\s*(#[0-9a-f]+)`, 'i').exec(block)?.[1];
    expect(value(light, 'bg')).toBe(THEME.light.background);
    expect(value(light, 'surface')).toBe(THEME.light.surface);
    expect(value(dark, 'bg')).toBe(THEME.dark.background);
    expect(value(dark, 'surface')).toBe(THEME.dark.surface);
  });
  it('the default accents pass in their own schemes', () => {
    expect(accentShortfall('#1d4f91', 'light')).toBeUndefined();
    expect(accentShortfall('#8fb8f2', 'dark')).toBeUndefined();
  });
  it('find the weakest pairing of an accent that falls short', () => {
    expect(accentShortfall('#777777', 'light')).toMatchObject({ scheme: 'light', against: 'background', colour: '#fbfaf7' });
    expect(accentShortfall('#1d4f91', 'dark')).toMatchObject({ scheme: 'dark', against: 'surface', colour: '#1a1d22' });
  });
  it('admit no one colour at 4.5:1 on both backgrounds: the dark scheme needs its own', () => {
    let best = 0;
    for (let v = 0; v < 256; v++) {
      const grey = `#${v.toString(16).padStart(2, '0').repeat(3)}`;
      best = Math.max(best, Math.min(contrastRatio(grey, THEME.light.background), contrastRatio(grey, THEME.dark.background)));
    }
    expect(best).toBeLessThan(AA_TEXT);
  });
});

describe('the dark accent made from a light one', () => {
  it('keeps the hue, lightened until it stands out on the dark backgrounds as the accent does on the light, at least AA', () => {
    for (const accent of ['#1d4f91', '#b3261e', '#0b6e4f', '#6b21a8', '#000000', '#5c4400']) {
      const dark = darkAccentFor(accent);
      expect(accentShortfall(dark, 'dark'), `${accent} → ${dark}`).toBeUndefined();
      expect(contrastRatio(dark, THEME.dark.background)).toBeGreaterThanOrEqual(Math.min(7, contrastRatio(accent, THEME.light.background)) - 0.01);
    }
    expect(darkAccentFor('#b3261e')).toBe('#e9807a');
  });
  it('is written into the CSS with the text colour of each scheme', () => {
    expect(accentCss('#B3261E', undefined)).toContain(':root { --accent: #b3261e; --accent-fg: #ffffff; }');
    expect(accentCss('#b3261e', undefined)).toContain('{ :root { --accent: #e9807a; --accent-fg: #121417; } }');
    expect(accentCss('#b3261e', '#F2B8B5')).toContain('--accent: #f2b8b5;');
  });
});
