// Just enough CSS to tell whether a declaration block hides what it applies to: inline `style`
// attributes, and the site's own stylesheets for classes an editor could put on an element.
// Deliberately small: lengths in px/pt/em/rem, colours as hex, rgb(), hsl() is not needed
// (unknown values are never treated as hiding: the check must not cry wolf).
import { contrastRatio } from '../../util/contrast.ts';

/** Property (lower case) → value, last declaration wins, `!important` dropped. */
export type Declarations = Map<string, string>;

export function parseDeclarations(text: string): Declarations {
  const declarations: Declarations = new Map();
  let depth = 0;
  let quote = '';
  let start = 0;
  const flush = (end: number) => {
    const part = text.slice(start, end);
    const colon = part.indexOf(':');
    if (colon > 0) {
      const property = part.slice(0, colon).trim().toLowerCase();
      const value = part.slice(colon + 1).replace(/!\s*important\s*$/i, '').trim();
      if (property && value && !property.startsWith('--')) declarations.set(property, value);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      flush(i);
      start = i + 1;
    }
  }
  flush(text.length);
  return declarations;
}

/** A length in CSS pixels (em/rem at the default 16px); undefined for percentages, auto, calc()… */
export function lengthPx(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(-?\d*\.?\d+)(px|pt|em|rem|)$/i.exec(value.trim());
  if (!m) return /^-?0+(?:\.0+)?%$/.test(value.trim()) ? 0 : undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === '') return n === 0 ? 0 : undefined;
  return unit === 'px' ? n : unit === 'pt' ? (n * 4) / 3 : n * 16;
}

export interface Color {
  r: number;
  g: number;
  b: number;
  /** 0 (transparent) to 1. */
  a: number;
}

const NAMED: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00',
  gray: '#808080', grey: '#808080', silver: '#c0c0c0', lightgray: '#d3d3d3', lightgrey: '#d3d3d3',
  whitesmoke: '#f5f5f5', snow: '#fffafa', ivory: '#fffff0', navy: '#000080', maroon: '#800000', orange: '#ffa500',
};

function channel(part: string): number {
  return part.endsWith('%') ? (Number(part.slice(0, -1)) / 100) * 255 : Number(part);
}

function alpha(part: string | undefined): number {
  if (part === undefined) return 1;
  return part.endsWith('%') ? Number(part.slice(0, -1)) / 100 : Number(part);
}

export function parseColor(value: string): Color | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const named = NAMED[v];
  if (named) return parseColor(named);
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v);
  if (hex) {
    const d = hex[1]!.length <= 4 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return {
      r: Number.parseInt(d.slice(0, 2), 16),
      g: Number.parseInt(d.slice(2, 4), 16),
      b: Number.parseInt(d.slice(4, 6), 16),
      a: d.length === 8 ? Number.parseInt(d.slice(6, 8), 16) / 255 : 1,
    };
  }
  const rgb = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    const [r, g, b] = [channel(rgb[1]!), channel(rgb[2]!), channel(rgb[3]!)];
    if ([r, g, b].some((n) => Number.isNaN(n))) return undefined;
    return { r, g, b, a: alpha(rgb[4]) };
  }
  return undefined;
}

/** The colour of a `background` shorthand: undefined when it has an image or no colour we know. */
export function backgroundColor(declarations: Declarations): Color | 'unknown' | undefined {
  const color = declarations.get('background-color');
  const shorthand = declarations.get('background');
  if (declarations.has('background-image') || (shorthand && /url\(|gradient\(/i.test(shorthand))) return 'unknown';
  if (color) return parseColor(color) ?? 'unknown';
  if (!shorthand) return undefined;
  for (const token of shorthand.match(/#[0-9a-f]+|rgba?\([^)]*\)|[a-z]+/gi) ?? []) {
    const parsed = parseColor(token);
    if (parsed) return parsed;
  }
  return 'unknown';
}

/** Text in `color` on `background` cannot be told apart (same or nearly the same colour). */
export function indistinguishable(color: Color, background: Color): boolean {
  if (color.a <= 0.05) return true;
  if (background.a < 0.99) return false;
  const hex = (c: Color) => `#${[c.r, c.g, c.b].map((n) => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0')).join('')}`;
  return contrastRatio(hex(color), hex(background)) < 1.2;
}

/**
 * Why a declaration block hides its element (and everything in it), in Chinese, or undefined.
 * `font-size: 0` and colours are the caller's: they are inherited and can be undone below.
 */
export function hidingReason(d: Declarations): string | undefined {
  const display = d.get('display')?.toLowerCase();
  if (display === 'none') return '样式 display:none';
  const visibility = d.get('visibility')?.toLowerCase();
  if (visibility === 'hidden' || visibility === 'collapse') return `样式 visibility:${visibility}`;
  const opacity = d.get('opacity');
  if (opacity !== undefined) {
    const n = opacity.trim().endsWith('%') ? Number(opacity.trim().slice(0, -1)) / 100 : Number(opacity);
    if (!Number.isNaN(n) && n <= 0.05) return `样式 opacity:${opacity}（完全透明）`;
  }
  const position = d.get('position')?.toLowerCase();
  const positioned = position === 'absolute' || position === 'fixed';
  const clip = d.get('clip');
  if (positioned && clip) {
    const parts = /rect\(([^)]*)\)/i.exec(clip)?.[1]?.split(/[\s,]+/).filter(Boolean).map(lengthPx);
    if (parts && parts.length === 4 && parts.every((p) => p !== undefined)) {
      const [top, right, bottom, left] = parts as number[];
      if (bottom! - top! <= 1 || right! - left! <= 1) return `样式 clip:${clip}（裁剪为零）`;
    }
  }
  const clipPath = d.get('clip-path');
  if (clipPath && /inset\(\s*(?:50|[5-9]\d|100)%|circle\(\s*0(?:px|%)?\s*[)\s]|ellipse\(\s*0(?:px|%)?\s+0/i.test(clipPath)) return `样式 clip-path:${clipPath}（裁剪为零）`;
  const transform = d.get('transform');
  if (transform && /scale[xy]?\(\s*0(?:\.0+)?\s*[,)]/i.test(transform)) return `样式 transform:${transform}（缩小为零）`;
  const overflow = `${d.get('overflow') ?? ''} ${d.get('overflow-x') ?? ''} ${d.get('overflow-y') ?? ''}`.toLowerCase();
  const size = (a: string, b: string) => {
    const values = [lengthPx(d.get(a)), lengthPx(d.get(b))].filter((v): v is number => v !== undefined);
    return values.length > 0 ? Math.min(...values) : undefined;
  };
  const width = size('width', 'max-width');
  const height = size('height', 'max-height');
  if ((width !== undefined && width <= 1 && height !== undefined && height <= 1) || (/hidden|clip/.test(overflow) && ((width !== undefined && width <= 1) || (height !== undefined && height <= 1)))) {
    return `尺寸为零（${['width', 'height', 'max-width', 'max-height'].filter((p) => d.has(p)).map((p) => `${p}:${d.get(p)}`).join('; ')}）`;
  }
  if (position && position !== 'static') {
    for (const side of ['left', 'top', 'right', 'bottom']) {
      const px = lengthPx(d.get(side));
      if (px !== undefined && px <= -50) return `定位到页面之外（position:${position}; ${side}:${d.get(side)}）`;
    }
  }
  for (const property of ['margin-left', 'margin-top', 'text-indent']) {
    const px = lengthPx(d.get(property));
    if (px !== undefined && px <= -500) return `移到页面之外（${property}:${d.get(property)}）`;
  }
  return undefined;
}

/** `font-size` as it affects text: 'zero' hides, 'absolute' restores text under a zero ancestor. */
export function fontSizeKind(d: Declarations): 'zero' | 'absolute' | 'relative' | undefined {
  const value = d.get('font-size');
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (/^0*\.?0+(?:px|pt|em|rem|%|vw|vh)?$/.test(v)) return 'zero';
  if (/^[\d.]+(?:px|pt|rem|vw|vh)$/.test(v) || /^(?:xx-small|x-small|small|medium|large|x-large|xx-large|xxx-large)$/.test(v)) return 'absolute';
  return 'relative';
}

/**
 * Classes of the site's stylesheets that hide an element on screen, with the reason: a simple
 * `.class { … }` rule, outside @media blocks (print or narrow-screen rules do not hide for good).
 */
export function hidingClasses(css: string): Map<string, string> {
  const found = new Map<string, string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const scan = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      const open = text.indexOf('{', i);
      const semicolon = text.indexOf(';', i);
      if (open === -1 || open >= to) return;
      // A statement at-rule (@import …;) before the next block.
      if (semicolon !== -1 && semicolon < open && text.slice(i, semicolon).trim().startsWith('@')) {
        i = semicolon + 1;
        continue;
      }
      const prelude = text.slice(i, open).trim();
      let depth = 1;
      let close = open + 1;
      while (close < to && depth > 0) {
        if (text[close] === '{') depth++;
        else if (text[close] === '}') depth--;
        close++;
      }
      const body = text.slice(open + 1, close - 1);
      if (prelude.startsWith('@')) {
        if (/^@(?:layer|supports)\b/i.test(prelude)) scan(open + 1, close - 1);
      } else {
        const reason = hidingReason(parseDeclarations(body)) ?? (fontSizeKind(parseDeclarations(body)) === 'zero' ? '样式 font-size:0' : undefined);
        if (reason) {
          for (const selector of prelude.split(',')) {
            const m = /^\.([\w-]+)$/.exec(selector.trim());
            if (m && !found.has(m[1]!)) found.set(m[1]!, reason);
          }
        }
      }
      i = close;
    }
  };
  scan(0, text.length);
  return found;
}
