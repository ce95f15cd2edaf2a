// SEC-04: characters that hide what a text is. Three classes, each with its own treatment:
//
// - Control characters (C0 but tab and newline, DEL, C1): never typed by a person, refused
//   anywhere in a content file or site.yaml. A NUL published in a page, an ESC sequence in a
//   build log, a form feed from a PDF all end here. (CR is normalised to LF when the file is read.)
// - Invisible characters (zero-width space/joiners, word joiner, BOM inside text, soft hyphen,
//   Mongolian vowel separator, Hangul fillers, tag characters, variation selectors) and
//   bidirectional controls (embeddings, overrides, isolates, marks): they make a title read
//   differently from what it is (`秘\u200b密`, a right-to-left override that reverses a file
//   name). Refused in every text of front matter and site.yaml; in a body they are allowed
//   (a pasted web page brings them) but the content rules match as if they were not there.
// - Line and paragraph separators (U+2028/U+2029): line breaks that YAML does not see, refused
//   in front matter and site.yaml.
//
// Text is also compared in Unicode NFC, so that a decomposed spelling or a CJK compatibility
// ideograph (U+F900…, which NFC maps to the unified ideograph it duplicates) cannot dodge a
// word list. `visibleText` gives the text the content rules match, with a map back to the
// original so a finding still points at the character the editor sees.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * Invisible characters: every default-ignorable code point of Unicode (format characters and
 * fillers a renderer shows as nothing) but the bidi controls and Mongolian selectors below, and
 * the interlinear annotation marks. Each missing one was a way past the word lists (issue 25:
 * `绝\u206f密` read as 绝密 yet matched nothing); tests/unit/text-hygiene-ignorables.test.ts
 * compares this class with Unicode's property.
 */
const INVISIBLE_CLASS = '\\u00ad\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200d\\u2060-\\u2065\\u206a-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff0-\\ufffb\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}';
/** Bidirectional controls: marks, embeddings, overrides, isolates, the Arabic letter mark. */
const BIDI_CLASS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const SEPARATOR_CLASS = '\\u2028\\u2029';
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');
const BIDI = new RegExp(`[${BIDI_CLASS}]`, 'u');
/**
 * Mongolian free variation selectors: needed to write Mongolian script (a site in Mongolian may
 * use them in a title), so not refused; invisible all the same, so the rules match without them.
 */
const MATCH_ONLY_CLASS = '\\u180b-\\u180d\\u180f';
const HIDDEN = new RegExp(`[${INVISIBLE_CLASS}${BIDI_CLASS}${MATCH_ONLY_CLASS}]`, 'u');
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
const FIELD_UNSAFE = new RegExp(`[${INVISIBLE_CLASS}${BIDI_CLASS}${SEPARATOR_CLASS}]|${CONTROL.source}`, 'u');

export type HiddenKind = 'control' | 'invisible' | 'bidi' | 'separator';

export interface HiddenCharacter {
  /** Index (UTF-16) in the text. */
  index: number;
  /** `U+200B`. */
  code: string;
  kind: HiddenKind;
}

function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function kindOf(char: string): HiddenKind {
  if (CONTROL.test(char)) return 'control';
  if (BIDI.test(char)) return 'bidi';
  if (INVISIBLE.test(char)) return 'invisible';
  return 'separator';
}

/** The first control character of a text (tab and newline are text), or undefined. */
export function findControlCharacter(text: string): HiddenCharacter | undefined {
  const match = CONTROL.exec(text);
  return match ? { index: match.index, code: codeOf(match[0]), kind: 'control' } : undefined;
}

/** Every control character of a text, at most `max` of them (one per line is enough to show). */
export function findControlCharacters(text: string, max = 10): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  const pattern = new RegExp(CONTROL.source, 'g');
  for (let m = pattern.exec(text); m && found.length < max; m = pattern.exec(text)) {
    found.push({ index: m.index, code: codeOf(m[0]), kind: 'control' });
  }
  return found;
}

/** The first character not allowed in a YAML text (front matter, site.yaml), or undefined. */
export function findFieldUnsafeCharacter(text: string): HiddenCharacter | undefined {
  const match = FIELD_UNSAFE.exec(text);
  if (!match) return undefined;
  return { index: match.index, code: codeOf(match[0]), kind: kindOf(match[0]) };
}

/** What the character is, for a message an editor reads. */
export function describeHidden(found: HiddenCharacter): string {
  switch (found.kind) {
    case 'control':
      return found.code === 'U+0000' ? `空字符（${found.code}）` : `控制字符（${found.code}）`;
    case 'invisible':
      return `看不见的字符（${found.code}，如零宽空格、软连字符）`;
    case 'bidi':
      return `双向文字控制符（${found.code}），它会让文字显示的顺序与实际不同`;
    case 'separator':
      return `特殊换行符（${found.code}）`;
  }
}

export const HIDDEN_FIX = '删除这个字符：它看不见，多半是从网页、Word 或 PDF 复制时带进来的；VS Code 会用方框标出它，也可以把所在的几个字删掉后重新输入';

// ---------------------------------------------------------------------------------------------
// Matching text: NFC, invisible characters removed, with a map back.

/** Kangxi radicals and CJK radical supplements look like ideographs; NFKC gives the ideograph. */
const RADICAL = /[\u2e80-\u2fdf]/;
/**
 * Anything that makes the matched text differ from the original but NFC: the hidden characters
 * and the radicals, without the `u` flag (astral tag characters and variation selectors as their
 * surrogate pairs), which scans twice as fast: this runs over every text of every item.
 */
const SUSPECT = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\u061c\u202a-\u202e\u2e80-\u2fdf]|\ud82f[\udca0-\udca3]|\ud834[\udd73-\udd7a]|[\udb40-\udb43][\udc00-\udfff]/;

/**
 * Text made only of characters that are neither hidden nor changed by NFC (checked against the
 * Unicode data: nothing below U+0300 is; CJK ideographs, kana but the voicing marks, CJK and
 * general punctuation, full-width forms): nearly every government text. One scan of a simple
 * class, faster than looking for the hidden characters and normalising (this runs over every
 * text of every item).
 */
// eslint-disable-next-line no-control-regex
const PLAIN = /^[\u0000-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u4e00-\u9fff\uff01-\uff9f]*$/;

export interface VisibleText {
  text: string;
  /**
   * `origin[i]` is the index in the original text of character `i` of `text`, with one extra
   * entry for the end; absent when the text is the original (nearly always: no array is made).
   */
  origin?: number[];
}

/**
 * The text as a reader sees it, for matching word lists: NFC (each base character with its
 * combining marks composed on its own, so the map stays exact), radicals as ideographs,
 * invisible characters and bidi controls dropped.
 */
export function visibleText(original: string): VisibleText {
  if (PLAIN.test(original)) return { text: original };
  const nfc = original === original.normalize('NFC');
  if (nfc && !SUSPECT.test(original)) return { text: original };
  if (nfc && !RADICAL.test(original)) return stripped(original);
  let text = '';
  const origin: number[] = [];
  // A base character and the combining marks after it: NFC composes within such a cluster.
  for (const m of original.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const cluster = m[0].replace(HIDDEN_ALL, '');
    if (cluster === '') continue;
    let shown = cluster.normalize('NFC');
    if (RADICAL.test(shown)) shown = shown.normalize('NFKC');
    for (let k = 0; k < shown.length; k++) origin.push(m.index + Math.min(k, m[0].length - 1));
    text += shown;
  }
  origin.push(original.length);
  return { text, origin };
}

/** The common case of a pasted text: only hidden characters to drop. */
function stripped(original: string): VisibleText {
  let text = '';
  const origin: number[] = [];
  let from = 0;
  const keep = (to: number) => {
    for (let i = from; i < to; i++) origin.push(i);
    text += original.slice(from, to);
  };
  for (const m of original.matchAll(HIDDEN_ALL)) {
    keep(m.index);
    from = m.index + m[0].length;
  }
  keep(original.length);
  origin.push(original.length);
  return { text, origin };
}

/** The text with invisible characters and bidi controls removed (for hosts, names, comparisons). */
export function withoutHidden(text: string): string {
  return text.replace(HIDDEN_ALL, '');
}
