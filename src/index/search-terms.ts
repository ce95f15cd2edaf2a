// SRCH-05 what the search page needs beyond Pagefind's index to understand citizens' queries,
// written as small JSON files into the search bundle at index time (deterministic: sorted):
// - `govsite-query.json` (the bundle's part 0): the platform's dictionary of everyday words and
//   question words (data/search-synonyms.yaml), and the toneless pinyin of the 6,763 characters
//   of GB 2312, so the page can read a typed query by its sound (服物 → fuwu);
// - `govsite-words.json` (every part): the part's own words by their pinyin: the words of its
//   titles and keywords (and, in part 0, the dictionary's), so a word found nowhere can be
//   corrected to a known word that sounds the same (服物 → 服务, 社报卡 → 社保卡).
// Per part, because a part of a large site taken whole from the published bundle is not read
// again (search-parts.ts): its words file comes with it. The portal's copies of the other sites'
// bundles carry their words files too (platform-search.ts copies every non-script file).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { SearchDictionary } from '../config/search-dictionary.ts';
import { segmentWords } from './page-for-index.ts';

export const QUERY_FILE = 'govsite-query.json';
export const WORDS_FILE = 'govsite-words.json';

/** Words of 2 to 8 Han characters only: a single character sounds like hundreds of others. */
const VOCABULARY_WORD = /^\p{Script=Han}{2,8}$/u;

/** Toneless pinyin of a word, syllables run together (`yanglaofuwu`), or undefined. */
export function wordPinyin(word: string): string | undefined {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return syllables.length === [...word].length && syllables.every(Boolean) ? syllables.join('') : undefined;
}

let charTable: Record<string, string> | undefined;

/**
 * Toneless syllable → the GB 2312 characters read so (every reading of a polyphone), sorted:
 * about 25 KB of JSON. GB 2312 (levels 1 and 2) covers the characters of everyday text; the table
 * is the same on every build, so it is made once per process.
 */
export function charPinyinTable(): Record<string, string> {
  if (charTable) return charTable;
  const decoder = new TextDecoder('gb2312');
  const bySyllable = new Map<string, string[]>();
  for (let high = 0xb0; high <= 0xf7; high++) {
    for (let low = 0xa1; low <= 0xfe; low++) {
      const char = decoder.decode(new Uint8Array([high, low]));
      if (!/^\p{Script=Han}$/u.test(char)) continue;
      const readings = pinyin(char, { multiple: true, toneType: 'none', type: 'array', v: true });
      for (const reading of new Set(readings.map((r) => r.toLowerCase().replace(/[^a-z]/g, '')))) {
        if (reading) bySyllable.set(reading, [...(bySyllable.get(reading) ?? []), char]);
      }
    }
  }
  const sorted = [...bySyllable.keys()].sort();
  charTable = Object.fromEntries(sorted.map((syllable) => [syllable, [...new Set(bySyllable.get(syllable))].sort().join('')]));
  return charTable;
}

/** The words a page adds to its part's vocabulary: its title's words and its keywords. */
export function pageWords(title: string, keywords: readonly string[]): string[] {
  return [...segmentWords(title).split(' '), ...keywords].filter((word) => VOCABULARY_WORD.test(word));
}

/** Every word of the dictionary, colloquial and official. */
export function dictionaryWords(dictionary: SearchDictionary): string[] {
  return dictionary.synonyms.flatMap((entry) => [...entry.say, ...entry.official]).filter((word) => VOCABULARY_WORD.test(word));
}

/** The words of each part of a bundle, as its pages are read. */
export class PartVocabulary {
  private readonly words = new Map<number, Set<string>>();

  add(part: number, words: readonly string[]): void {
    const set = this.words.get(part) ?? new Set<string>();
    for (const word of words) set.add(word);
    this.words.set(part, set);
  }

  /** `{ pinyin: [words…] }` of the part, sorted, for govsite-words.json. */
  byPinyin(part: number, extra: readonly string[] = []): Record<string, string[]> {
    const byKey = new Map<string, Set<string>>();
    for (const word of [...(this.words.get(part) ?? []), ...extra]) {
      const key = wordPinyin(word);
      if (key) byKey.set(key, (byKey.get(key) ?? new Set()).add(word));
    }
    return Object.fromEntries([...byKey.keys()].sort().map((key) => [key, [...byKey.get(key)!].sort()]));
  }

  /** Writes the part's words file into `folder`; part 0 also gets the query file. */
  async write(folder: string, part: number, dictionary: SearchDictionary): Promise<void> {
    const extra = part === 0 ? dictionaryWords(dictionary) : [];
    await writeFile(path.join(folder, WORDS_FILE), `${JSON.stringify({ words: this.byPinyin(part, extra) })}\n`);
    if (part !== 0) return;
    const query = { synonyms: dictionary.synonyms, questionWords: dictionary.questionWords, chars: charPinyinTable() };
    await writeFile(path.join(folder, QUERY_FILE), `${JSON.stringify(query)}\n`);
  }
}
