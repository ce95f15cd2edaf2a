// SRCH-05 how the search page reads citizens' queries, on the platform's real dictionary
// (data/search-synonyms.yaml) and the real pinyin table the index step writes
// (src/index/search-terms.ts): everyday words to official ones, question words dropped, words
// corrected by their sound; SRCH-02 文号 families; SRCH-04 demotion; excerpts as Chinese reads.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSearchDictionary } from '../../src/config/search-dictionary.ts';
import { charPinyinTable, dictionaryWords, pageWords, PartVocabulary, wordPinyin } from '../../src/index/search-terms.ts';
import {
  addedWords,
  buildVocabulary,
  fuzzyPinyin,
  officialText,
  pinyinAsWords,
  readingsOf,
  queryVariants,
  segmentQuery,
  soundCorrections,
  type QueryDictionary,
} from '../../templates/scripts/search-rewrite.ts';
import { demote, docNumberFamily, docNumberPrefix, typedDocNumber } from '../../templates/scripts/search-rank.ts';
import { cleanExcerpt } from '../../templates/scripts/search-results.ts';

const dictionary: QueryDictionary = { ...loadSearchDictionary(), chars: charPinyinTable() };
const readings = readingsOf(dictionary.chars);
// The words a demo site's part would know: some titles' words and keywords, and the dictionary's.
const vocabularyFile = new PartVocabulary();
vocabularyFile.add(0, pageWords('示例省人民政府关于加快发展居家社区养老服务的实施意见', ['养老服务', '老年助餐']));
vocabularyFile.add(0, pageWords('社会保障卡申领办事指南', ['办事指南', '社会保障卡', '电子社保卡']));
vocabularyFile.add(0, pageWords('示例省人民政府关于进一步优化营商环境的若干意见', ['营商环境', '政务服务']));
const vocabulary = buildVocabulary([vocabularyFile.byPinyin(0, dictionaryWords(loadSearchDictionary()))]);

describe('the search dictionary (data/search-synonyms.yaml)', () => {
  it('rewrites everyday words into the words documents use, keeping the typed ones too', () => {
    const segments = segmentQuery('老人吃饭补助', dictionary);
    expect(segments.map((s) => s.text)).toEqual(['老人', '吃饭', '补助']);
    expect(officialText(segments)).toBe('老年人 助餐 补贴');
    // Pagefind requires every word: the official words make searches of their own, most precise first.
    expect(queryVariants(segments).slice(0, 3)).toEqual(['老年人 助餐 补贴', '老年 助餐 补贴', '老人 吃饭 补助']);
    expect(addedWords(segments)).toEqual(expect.arrayContaining(['老年人', '助餐', '补贴']));
  });

  it('drops question words, after matching sayings longest first (怎么办 is a saying, 怎么 a question word)', () => {
    expect(officialText(segmentQuery('社保卡怎么办', dictionary))).toBe('社会保障卡 办理');
    expect(queryVariants(segmentQuery('社保卡怎么办', dictionary))).toEqual(['社会保障卡 办理', '社会保障卡 办事指南', '社保卡 怎么办', '社会保障卡', '办理']);
    // A query without sayings is asked as typed, once.
    expect(queryVariants(segmentQuery('营商环境', dictionary))).toEqual(['营商环境']);
    expect(officialText(segmentQuery('请问高考怎么报名', dictionary))).toBe('招生考试 报名');
    expect(officialText(segmentQuery('养老院收费吗', dictionary))).toBe('养老机构 收费');
    expect(segmentQuery('在哪里吗', dictionary)).toEqual([]);
  });

  it('leaves words that are already official alone (农田 inside 高标准农田, 老年人)', () => {
    expect(segmentQuery('高标准农田建设', dictionary)).toEqual([{ text: '高标准农田建设' }]);
    expect(segmentQuery('老年人', dictionary)).toEqual([{ text: '老年人' }]);
  });

  it('rejects a broken dictionary with the reason in Chinese', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'govsite-dictionary-'));
    try {
      mkdirSync(path.join(root, 'data'));
      const file = path.join(root, 'data/search-synonyms.yaml');
      writeFileSync(file, 'synonyms:\n  - { say: [老人], official: [老年人] }\n  - { say: [老人 家], official: [] }\n');
      expect(() => loadSearchDictionary(root)).toThrow(/data\/search-synonyms\.yaml 的内容不符合格式：.*不能有空格.*official 至少写一个规范用语/);
      // A saying in two entries (a broken file is never cached: it is read again).
      writeFileSync(file, 'synonyms:\n  - { say: [老人], official: [老年人] }\n  - { say: [老人], official: [老年] }\n');
      expect(() => loadSearchDictionary(root)).toThrow(/“老人”已在第 1 条里写过/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('words corrected by their sound (pinyin)', () => {
  it('reads every GB 2312 character, polyphones by all their readings', () => {
    expect(readings.get('服')).toEqual(['fu']);
    expect(readings.get('行')).toEqual(expect.arrayContaining(['hang', 'xing']));
    // GB 2312 levels 1 and 2: 6,763 characters.
    expect(readings.size).toBeGreaterThan(6700);
    expect(wordPinyin('社会保障卡')).toBe('shehuibaozhangka');
  });

  it('corrects a homophone typo to a known word: 养老服物 → 养老服务, 社报卡 → 社保卡', () => {
    expect(soundCorrections('养老服物', vocabulary, readings)[0]).toBe('养老服务');
    expect(soundCorrections('社报卡', vocabulary, readings)).toContain('社保卡');
    // A known word is not a typo.
    expect(soundCorrections('营商环境', vocabulary, readings)).not.toContain('营商环境');
  });

  it('matches the initials and finals people mix up (zh/z, sh/s, ng/n, l/n)', () => {
    expect(fuzzyPinyin('shehuibaozhangka')).toBe(fuzzyPinyin('sehuibaozanka'));
    expect(fuzzyPinyin('laonian')).toBe(fuzzyPinyin('naolian'));
    expect(pinyinAsWords('sehuibaozanka', vocabulary)).toBe('社会保障卡');
  });

  it('reads a query typed in pinyin as the Chinese word it spells', () => {
    expect(pinyinAsWords('shebaoka', vocabulary)).toBe('社保卡');
    expect(pinyinAsWords('yingshang huanjing', vocabulary)).toBe('营商环境');
    expect(pinyinAsWords('zfwz', vocabulary)).toBeUndefined();
  });
});

describe('文号 families, status demotion and excerpts', () => {
  const numbers = ['示政发〔2026〕12号', '示政发〔2026〕5号', '示政发〔2026〕18号', '示政办发〔2026〕30号', '示政发〔2025〕3号', '安政发〔2026〕7号'];

  it('treats a 文号 prefix, however typed, as the family of its documents', () => {
    expect(docNumberPrefix('示政发[2026]')).toBe('示政发〔2026〕');
    expect(docNumberPrefix('示政发2026年')).toBe('示政发〔2026〕');
    expect(docNumberFamily('示政发〔2026〕', numbers)).toEqual(['示政发〔2026〕12号', '示政发〔2026〕18号', '示政发〔2026〕5号']);
    expect(docNumberFamily('示政办发', numbers)).toEqual(['示政办发〔2026〕30号']);
    // A whole 文号 is matched exactly elsewhere; other words name no family.
    expect(docNumberFamily('示政发〔2026〕12号', numbers)).toEqual([]);
    expect(docNumberFamily('营商环境', numbers)).toEqual([]);
    expect(docNumberFamily('示教财〔2026〕15', numbers)).toEqual([]);
  });

  it('reads a whole 文号 typed without its 号, but not a bare year', () => {
    expect(typedDocNumber('示教财〔2026〕15')).toBe('示教财〔2026〕15号');
    expect(typedDocNumber('示政发[2026]第5')).toBe('示政发〔2026〕5号');
    expect(typedDocNumber('2026年15')).toBeUndefined();
  });

  it('puts repealed and expired documents after current ones, keeping exact 文号 matches first', () => {
    const r = (id: string) => ({ id, score: 1, data: async () => ({ url: id, excerpt: '', meta: {} }) });
    const order = demote([r('old'), r('a'), r('exact'), r('b')], new Set(['old', 'exact']), new Set(['exact']));
    expect(order.map((x) => x.id)).toEqual(['a', 'exact', 'b', 'old']);
  });

  it('joins excerpt blocks as Chinese does: no “. ” after Chinese text, no space after Chinese punctuation', () => {
    expect(cleanExcerpt('一、总体要求. 到2027年，全省<mark>老年助餐</mark>服务覆盖城乡社区。. 二、重点任务')).toBe('一、总体要求。到2027年，全省<mark>老年助餐</mark>服务覆盖城乡社区。二、重点任务');
    expect(cleanExcerpt('办理<mark>社会保障卡</mark>. 申请材料： 身份证')).toBe('办理<mark>社会保障卡</mark>。申请材料：身份证');
    expect(cleanExcerpt('增长3.5%. 同比')).toBe('增长3.5%。同比');
    expect(cleanExcerpt('see Mr. Smith')).toBe('see Mr. Smith');
  });
});
