// SRCH-05 拼音转化搜索: latin search keys for a page's title and keywords, so that full pinyin
// (`zhengfu wangzhan`, `zhengfuwangzhan`) and initials (`zfwz`) find 政府网站 items.
//
// Pagefind matches every query word as a prefix of an indexed word. So for each Chinese
// character of the title we index, starting there:
// - the full pinyin of the next few characters, run together (`zhengfuwangzhan…`), which any
//   query typed with or without spaces between syllables or words prefixes;
// - the initials of the next few characters (`zfwzh…`).
// Keywords are short and chosen by editors: each gets its whole full pinyin and initials.
// Starting at every character, not at word boundaries, keeps the keys independent of how a
// segmenter splits the title (全省政府网站 → 全|省政府|网站 would hide 政府 otherwise).
import { pinyin } from 'pinyin-pro';

/** Characters of full pinyin kept per key: a query spans at most this many characters. */
export const FULL_SPAN = 4;
/** Characters of initials kept per key. */
export const INITIALS_SPAN = 6;

const HAN = /\p{Script=Han}/u;

/** Runs of Han characters in `text` with their pinyin syllables (context-aware for polyphones). */
function hanRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
    if (syllables.length === [...run].length && syllables.every(Boolean)) runs.push(syllables);
  }
  return runs;
}

function keysOfRun(syllables: string[], fullSpan: number, initialsSpan: number, into: Set<string>): void {
  for (let start = 0; start < syllables.length; start++) {
    const full = syllables.slice(start, start + fullSpan);
    const initials = syllables.slice(start, start + initialsSpan).map((s) => s[0]).join('');
    // A lone syllable is only worth a key when it is a whole run (a one-character word).
    if (full.length > 1 || syllables.length === 1) into.add(full.join(''));
    if (initials.length > 1) into.add(initials);
  }
}

/** Space-separated latin keys for the title and keywords; empty when there is no Chinese. */
export function pinyinKeys(title: string, keywords: readonly string[] = []): string {
  const keys = new Set<string>();
  for (const run of hanRuns(title)) keysOfRun(run, FULL_SPAN, INITIALS_SPAN, keys);
  for (const keyword of keywords) {
    if (!HAN.test(keyword)) continue;
    for (const run of hanRuns(keyword)) {
      keys.add(run.join(''));
      if (run.length > 1) keys.add(run.map((s) => s[0]).join(''));
    }
  }
  return [...keys].join(' ');
}
