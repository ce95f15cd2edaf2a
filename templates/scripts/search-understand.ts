// SRCH-05 the query the search page gives Pagefind, from the query a citizen typed: everyday
// words and question words through the dictionary, a word found nowhere corrected by common typos
// (search-query.ts) or by its sound against the words the indexes know (search-rewrite.ts), and a
// query typed in pinyin read as the Chinese word it spells. The dictionary and the known words come
// from the bundles' JSON files (src/index/search-terms.ts), loaded once, the words only when needed.
import { chineseWords, correctionCandidates, isPinyinQuery, normalizePinyin } from './search-query.ts';
import type { Pagefind } from './search-pagefind.ts';
import {
  addedWords,
  buildVocabulary,
  EMPTY_DICTIONARY,
  officialText,
  pinyinAsWords,
  queryVariants,
  readingsOf,
  segmentQuery,
  soundCorrections,
  type QueryDictionary,
  type Segment,
  type Vocabulary,
} from './search-rewrite.ts';

/** How a query was understood. */
export interface Understood {
  /** What Pagefind is asked, most precise first (search-rewrite.ts, queryVariants); never empty. */
  searches: string[];
  /** The query in the documents' words, for the title order and the announcement. */
  official: string;
  /** A typo or a pinyin query read as Chinese: “您是不是要找”. */
  corrected?: string;
  /** Official words the dictionary added (社会保障卡, 办理…). */
  added: string[];
  /** Per saying of the query, its official words: a title with one of each is about the query. */
  concepts: string[][];
  /** The query was typed in pinyin and not read as Chinese: matched against the pinyin keys only. */
  pinyin: boolean;
}

const QUERY_FILE = 'govsite-query.json';
const WORDS_FILE = 'govsite-words.json';

async function json<T>(url: string, fallback: T): Promise<T> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** The dictionary (the page's own bundle) and the known words (every merged bundle's), each loaded once. */
export class SearchTerms {
  private readonly bundles: readonly string[];
  private dictionaryLoad?: Promise<QueryDictionary>;
  private vocabularyLoad?: Promise<Vocabulary>;
  private readingsMap?: Map<string, string[]>;

  /** `bundles`: folder URLs of the merged bundles, the page's own first. */
  constructor(bundles: readonly string[]) {
    this.bundles = bundles;
  }

  dictionary(): Promise<QueryDictionary> {
    this.dictionaryLoad ??= json<QueryDictionary>(`${this.bundles[0]}${QUERY_FILE}`, EMPTY_DICTIONARY);
    return this.dictionaryLoad;
  }

  vocabulary(): Promise<Vocabulary> {
    this.vocabularyLoad ??= Promise.all(this.bundles.map((b) => json<{ words: Record<string, string[]> }>(`${b}${WORDS_FILE}`, { words: {} }))).then((files) =>
      buildVocabulary(files.map((f) => f.words)),
    );
    return this.vocabularyLoad;
  }

  async readings(): Promise<Map<string, string[]>> {
    this.readingsMap ??= readingsOf((await this.dictionary()).chars);
    return this.readingsMap;
  }
}

const found = async (pagefind: Pagefind, phrase: string) => (await pagefind.search(`"${phrase}"`)).results.length;
const foundWords = async (pagefind: Pagefind, words: string) => (await pagefind.search(words)).results.length;

/**
 * A run of Chinese found nowhere as a phrase: the common-typo fix found on most pages, else the
 * first sound-alike found as a phrase, else the first whose words are found (居家养老服物 →
 * 居家养老服务, found as 居家|养老|服务).
 */
async function correctRun(pagefind: Pagefind, terms: SearchTerms, run: string, sayings: ReadonlySet<string>): Promise<string | undefined> {
  let best: { word: string; count: number } | undefined;
  for (const candidate of correctionCandidates(run)) {
    const count = await found(pagefind, candidate);
    if (count > 0 && (!best || count > best.count)) best = { word: candidate, count };
  }
  if (best) return best.word;
  const [vocabulary, readings] = await Promise.all([terms.vocabulary(), terms.readings()]);
  const candidates = soundCorrections(run, vocabulary, readings);
  for (const candidate of candidates) {
    // A dictionary saying (社保卡) stands for words that are found; any other correction must be found itself.
    if (sayings.has(candidate) || (await found(pagefind, candidate)) > 0) return candidate;
  }
  // Pagefind finds some of a run's words however it is typed, so that is no sign the run is right:
  // a sound-alike of a known word whose words are all found is taken.
  for (const candidate of candidates) if ((await foundWords(pagefind, candidate)) > 0) return candidate;
  return undefined;
}

/** Typed segments found nowhere, corrected; the corrected text is read through the dictionary again. */
async function correctSegments(pagefind: Pagefind, terms: SearchTerms, segments: Segment[], dictionary: QueryDictionary): Promise<{ segments: Segment[]; fixes: Array<[string, string]> }> {
  const sayings = new Set(dictionary.synonyms.flatMap((e) => e.say));
  const fixes: Array<[string, string]> = [];
  const out: Segment[] = [];
  for (const segment of segments) {
    if (segment.official || chineseWords(segment.text).join('') !== segment.text || (await found(pagefind, segment.text)) > 0) {
      out.push(segment);
      continue;
    }
    const fixed = await correctRun(pagefind, terms, segment.text, sayings);
    if (fixed) fixes.push([segment.text, fixed]);
    out.push(...(fixed ? segmentQuery(fixed, dictionary) : [segment]));
  }
  return { segments: out, fixes };
}

const asTyped = (query: string, pinyin: boolean): Understood => ({ searches: [query], official: query, added: [], concepts: [], pinyin });
const conceptsOf = (segments: readonly Segment[]) => segments.flatMap((s) => (s.official ? [s.official] : []));

/** The queries Pagefind is given for `raw`; `exact` (仍然搜索) takes it as typed. */
export async function understandQuery(pagefind: Pagefind, terms: SearchTerms, raw: string, exact: boolean): Promise<Understood> {
  const typed = raw.trim();
  if (isPinyinQuery(typed)) {
    const pinyin = normalizePinyin(typed);
    const words = exact ? undefined : pinyinAsWords(pinyin, await terms.vocabulary());
    if (!words) return asTyped(pinyin, true);
    const segments = segmentQuery(words, await terms.dictionary());
    // The Chinese words first, then the pinyin keys as before.
    return { searches: [...queryVariants(segments), pinyin], official: officialText(segments), corrected: words, added: addedWords(segments), concepts: conceptsOf(segments), pinyin: false };
  }
  if (!typed || exact) return asTyped(typed, false);
  const dictionary = await terms.dictionary();
  const first = segmentQuery(typed, dictionary);
  if (!first.length) return asTyped(typed, false);
  const { segments, fixes } = await correctSegments(pagefind, terms, first, dictionary);
  // The query as typed with the corrected words in place: what the reader is asked about.
  const corrected = fixes.reduce((text, [from, to]) => text.replace(from, to), typed);
  return {
    searches: queryVariants(segments),
    official: officialText(segments),
    ...(fixes.length && { corrected }),
    added: addedWords(segments),
    concepts: conceptsOf(segments),
    pinyin: false,
  };
}

/** Related words tried for a search that found nothing: at most this many are looked up. */
const TRIES_LOOKED_UP = 12;

/**
 * For a search that found nothing: other queries that do find pages, best first, at most `limit`:
 * the query corrected (when it was searched as typed, exact=1), then known words sharing two
 * characters with it or sounding like a part of it.
 */
export async function alternatives(pagefind: Pagefind, terms: SearchTerms, raw: string, limit = 6): Promise<string[]> {
  const typed = raw.replace(/"/g, '').trim();
  if (!typed) return [];
  const understood = await understandQuery(pagefind, terms, typed, false);
  const [vocabulary, readings] = await Promise.all([terms.vocabulary(), terms.readings()]);
  const candidates: string[] = [];
  if (understood.corrected && understood.corrected !== typed) candidates.push(understood.corrected);
  for (const run of chineseWords(typed)) {
    const pairs = new Set([...run].slice(0, -1).map((char, i) => char + [...run][i + 1]));
    const sharing = [...vocabulary.known].filter((word) => [...pairs].some((pair) => word.includes(pair)));
    candidates.push(...soundCorrections(run, vocabulary, readings), ...sharing.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)));
  }
  const tries: string[] = [];
  for (const candidate of [...new Set(candidates)].filter((c) => c !== typed).slice(0, TRIES_LOOKED_UP)) {
    if (tries.length >= limit) break;
    if ((await pagefind.search(candidate)).results.length > 0) tries.push(candidate);
  }
  return tries;
}
