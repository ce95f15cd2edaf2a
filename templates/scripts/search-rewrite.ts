// SRCH-05 how the search page reads a citizen's query, as plain functions (no page, no Pagefind):
// everyday words to the words documents use (data/search-synonyms.yaml, written into the bundle
// by src/index/search-terms.ts), question words dropped, and the sound of a word (toneless
// pinyin, with the initials and finals people mix up) to find the known word that was meant.
// Shared by search-understand.ts, the unit tests and bench/search.ts.

/** govsite-query.json of a bundle. */
export interface QueryDictionary {
  synonyms: Array<{ say: string[]; official: string[] }>;
  questionWords: string[];
  /** Toneless syllable → the characters read so. */
  chars: Record<string, string>;
}

/** Known words by their toneless pinyin (govsite-words.json of every merged bundle), and by fuzzy pinyin. */
export interface Vocabulary {
  exact: Map<string, string[]>;
  fuzzy: Map<string, string[]>;
  known: Set<string>;
}

/** A piece of a query: typed text, or a dictionary saying with the official words it stands for. */
export interface Segment {
  text: string;
  official?: string[];
}

export const EMPTY_DICTIONARY: QueryDictionary = { synonyms: [], questionWords: [], chars: {} };

const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

/** The saying and question word lists of a dictionary, longest first (so 怎么办 wins over 怎么). */
function prepared(dictionary: QueryDictionary) {
  const official = new Map<string, string[]>();
  for (const entry of dictionary.synonyms) for (const say of entry.say) if (!official.has(say)) official.set(say, entry.official);
  return {
    sayings: [...official.keys()].sort(longestFirst),
    official,
    // An official word that is also a saying (医保, 高考) protects nothing: it is to be rewritten.
    officialWords: [...new Set(dictionary.synonyms.flatMap((e) => e.official))].filter((w) => !official.has(w)).sort(longestFirst),
    questions: [...dictionary.questionWords].sort(longestFirst),
  };
}

/** Positions of `chunk` inside a word the documents use: a saying there is not rewritten (农田 in 高标准农田). */
function protectedPositions(chunk: string, officialWords: readonly string[]): Set<number> {
  const covered = new Set<number>();
  for (const word of officialWords) {
    for (let at = chunk.indexOf(word); at >= 0; at = chunk.indexOf(word, at + 1)) {
      for (let i = at; i < at + word.length; i++) covered.add(i);
    }
  }
  return covered;
}

/**
 * The query cut into typed text and dictionary sayings; question words (如何, 吗…) are dropped.
 * Sayings are matched first, longest first, so 怎么办 is a saying (→ 办理) before 怎么 is a
 * question word. Text already in the documents' words is left as typed.
 */
export function segmentQuery(query: string, dictionary: QueryDictionary): Segment[] {
  const { sayings, official, officialWords, questions } = prepared(dictionary);
  const segments: Segment[] = [];
  for (const chunk of query.trim().split(/\s+/).filter(Boolean)) {
    const covered = protectedPositions(chunk, officialWords);
    let plain = '';
    const flush = () => {
      if (plain) segments.push({ text: plain });
      plain = '';
    };
    for (let i = 0; i < chunk.length; ) {
      const free = !covered.has(i);
      const saying = free ? sayings.find((s) => chunk.startsWith(s, i)) : undefined;
      const question = free && !saying ? questions.find((q) => chunk.startsWith(q, i)) : undefined;
      if (saying) {
        flush();
        segments.push({ text: saying, official: official.get(saying)! });
        i += saying.length;
      } else if (question) {
        flush();
        i += question.length;
      } else {
        plain += chunk[i];
        i += 1;
      }
    }
    flush();
  }
  return segments;
}

const unique = (words: string[]) => [...new Set(words.filter(Boolean))];

/** Searches a query is asked as, at most this many. */
const VARIANTS = 8;

/**
 * What Pagefind is asked, most precise first. Pagefind requires every word of a query (measured
 * on 1.6: 洪水 防汛 应急预案 found nothing), so a saying's official words are not added to one
 * query but make queries of their own, merged in this order (search-pagefind.ts): the typed text
 * with each saying as its first official word, then as its other official words, then as typed;
 * then the sayings' official words alone and the typed text alone; then each part alone.
 */
export function queryVariants(segments: readonly Segment[]): string[] {
  const join = (words: string[]) => unique(words).join(' ');
  const sayings = segments.filter((s) => s.official);
  const plain = segments.filter((s) => !s.official).map((s) => s.text);
  const variants: string[] = [];
  const alternatives = Math.max(1, ...sayings.map((s) => s.official!.length));
  for (let k = 0; k < alternatives; k++) variants.push(join(segments.map((s) => (s.official ? (s.official[k] ?? s.official[0]!) : s.text))));
  if (sayings.length) variants.push(join(segments.map((s) => s.text)));
  if (sayings.length && plain.length) variants.push(join(sayings.map((s) => s.official![0]!)), join(plain));
  if (segments.length > 1) variants.push(...segments.map((s) => s.official?.[0] ?? s.text));
  return unique(variants).slice(0, VARIANTS);
}

/** The query as the documents would say it: typed text, each saying by its first official word. */
export function officialText(segments: readonly Segment[]): string {
  return unique(segments.map((s) => s.official?.[0] ?? s.text)).join(' ');
}

/** The official words a query's sayings added. */
export function addedWords(segments: readonly Segment[]): string[] {
  return unique(segments.flatMap((s) => s.official?.filter((w) => w !== s.text) ?? []));
}

/**
 * Pinyin as people confuse it when typing by sound: zh/z, ch/c, sh/s, -ng/-n, and l/n at a
 * syllable's start are read alike. Applied to whole keys (syllables run together) on both sides.
 */
export function fuzzyPinyin(key: string): string {
  return key.replace(/([zcs])h/g, '$1').replace(/ng/g, 'n').replace(/l/g, 'n');
}

/** Character → its toneless readings, from the dictionary's table. */
export function readingsOf(chars: Record<string, string>): Map<string, string[]> {
  const readings = new Map<string, string[]>();
  for (const [syllable, list] of Object.entries(chars)) for (const char of list) readings.set(char, [...(readings.get(char) ?? []), syllable]);
  return readings;
}

/** The pinyin keys of `text` (every combination of polyphones' readings, at most `limit`); none if a character has no reading. */
export function pinyinKeysOf(text: string, readings: ReadonlyMap<string, string[]>, limit = 16): string[] {
  let keys = [''];
  for (const char of text) {
    const options = readings.get(char);
    if (!options) return [];
    keys = keys.flatMap((key) => options.map((o) => key + o)).slice(0, limit);
  }
  return keys;
}

/** The vocabulary of some words files (`{ words: { key: [words] } }`), merged. */
export function buildVocabulary(files: ReadonlyArray<Record<string, string[]>>): Vocabulary {
  const exact = new Map<string, string[]>();
  const fuzzy = new Map<string, string[]>();
  const known = new Set<string>();
  const add = (map: Map<string, string[]>, key: string, words: string[]) => map.set(key, unique([...(map.get(key) ?? []), ...words]).sort());
  for (const file of files) {
    for (const [key, words] of Object.entries(file)) {
      add(exact, key, words);
      add(fuzzy, fuzzyPinyin(key), words);
      for (const word of words) known.add(word);
    }
  }
  return { exact, fuzzy, known };
}

/** Known words that sound like `key` (a pinyin key): same pinyin first, then fuzzy pinyin. */
export function wordsSoundingLike(key: string, vocabulary: Vocabulary): string[] {
  return unique([...(vocabulary.exact.get(key) ?? []), ...(vocabulary.fuzzy.get(fuzzyPinyin(key)) ?? [])]);
}

/**
 * Corrections of a run of Chinese characters found nowhere: a part of it (2 to 8 characters, not
 * itself a known word) replaced by a known word that sounds the same, longest parts first, same
 * pinyin before fuzzy pinyin. 养老服物 → 养老服务, 社报卡 → 社保卡. At most `limit`.
 */
export function soundCorrections(run: string, vocabulary: Vocabulary, readings: ReadonlyMap<string, string[]>, limit = 12): string[] {
  const chars = [...run];
  const candidates: string[] = [];
  for (let length = Math.min(8, chars.length); length >= 2; length--) {
    for (let start = 0; start + length <= chars.length; start++) {
      const window = chars.slice(start, start + length).join('');
      if (vocabulary.known.has(window)) continue;
      const exact = pinyinKeysOf(window, readings).flatMap((key) => vocabulary.exact.get(key) ?? []);
      const fuzzy = pinyinKeysOf(window, readings).flatMap((key) => vocabulary.fuzzy.get(fuzzyPinyin(key)) ?? []);
      for (const word of unique([...exact, ...fuzzy])) {
        if ([...word].length === length && word !== window) candidates.push([...chars.slice(0, start), word, ...chars.slice(start + length)].join(''));
      }
    }
  }
  return unique(candidates).slice(0, limit);
}

/** A query typed in pinyin read as Chinese words: the whole (spaces dropped), else each space-separated part; undefined when unknown. */
export function pinyinAsWords(query: string, vocabulary: Vocabulary): string | undefined {
  const whole = wordsSoundingLike(query.replace(/\s+/g, ''), vocabulary);
  if (whole.length) return whole.slice(0, 2).join(' ');
  const parts = query.split(/\s+/).filter(Boolean);
  if (parts.length < 2) return undefined;
  const words = parts.map((part) => wordsSoundingLike(part, vocabulary)[0]);
  return words.every(Boolean) ? words.join(' ') : undefined;
}
