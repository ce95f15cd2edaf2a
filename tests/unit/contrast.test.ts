// The contrast maths behind SITE-06: WCAG 2.x relative luminance and contrast ratio, and the
// darker colour of the same hue suggested for a colour that fails.
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  darkenToContrast,
  formatRatio,
  hslToRgb,
  parseHex,
  relativeLuminance,
  rgbToHsl,
  toHex,
} from '../../src/util/contrast.ts';

describe('parseHex / toHex', () => {
  it('reads six- and three-digit colours, any case, with or without #', () => {
    expect(parseHex('#A4161A')).toEqual({ r: 164, g: 22, b: 26 });
    expect(parseHex('fff')).toEqual({ r: 255, g: 255, b: 255 });
    expect(parseHex('#12345')).toBeUndefined();
    expect(parseHex('red')).toBeUndefined();
  });

  it('writes lower-case six-digit colours, clamping and rounding channels', () => {
    expect(toHex({ r: 164, g: 22, b: 26 })).toBe('#a4161a');
    expect(toHex({ r: 300, g: -4, b: 127.6 })).toBe('#ff0080');
  });
});

describe('relative luminance and contrast ratio', () => {
  it('gives 0 for black, 1 for white, and the WCAG value for a mid grey', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4);
  });

  it('gives 21:1 for black on white and 1:1 for a colour on itself, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#1d3557', '#1d3557')).toBe(1);
  });

  it('puts the well-known greys on the right side of 4.5:1', () => {
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('formats ratios rounded down so a failing ratio never reads 4.50', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(21)).toBe('21.00:1');
    expect(formatRatio(7.7549)).toBe('7.75:1');
  });
});

describe('HSL conversion', () => {
  it('round-trips colours through HSL', () => {
    for (const hex of ['#a4161a', '#1f3a5f', '#c9a227', '#808080', '#000000', '#ffffff', '#00ff00']) {
      expect(toHex(hslToRgb(rgbToHsl(parseHex(hex)!)))).toBe(hex);
    }
  });

  it('finds the hue of pure colours', () => {
    expect(rgbToHsl(parseHex('#ff0000')!).h).toBe(0);
    expect(rgbToHsl(parseHex('#00ff00')!).h).toBe(120);
    expect(rgbToHsl(parseHex('#0000ff')!).h).toBe(240);
  });
});

describe('darkenToContrast', () => {
  it('returns a passing colour unchanged', () => {
    expect(darkenToContrast('#1D3557', ['#ffffff'])).toBe('#1d3557');
  });

  it.each(['#e0a526', '#3a7bd5', '#c9a227', '#ff0000', '#00ff00', '#999999'])('darkens %s just enough, keeping its hue', (color) => {
    const darker = darkenToContrast(color, ['#ffffff']);
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // Just enough: one step lighter would fail (the search moves lightness by 0.1 %).
    const hsl = rgbToHsl(parseHex(darker)!);
    expect(contrastRatio(toHex(hslToRgb({ ...hsl, l: hsl.l + 0.01 })), '#ffffff')).toBeLessThan(4.6);
    const before = rgbToHsl(parseHex(color)!);
    expect(Math.abs(hsl.h - before.h)).toBeLessThan(3);
    expect(hsl.l).toBeLessThan(before.l);
  });

  it('satisfies every background it is given', () => {
    const darker = darkenToContrast('#3a7bd5', ['#ffffff', '#f6f8fa']);
    expect(contrastRatio(darker, '#f6f8fa')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('reaches other targets too', () => {
    const darker = darkenToContrast('#3a7bd5', ['#ffffff'], 7);
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(7);
  });
});
