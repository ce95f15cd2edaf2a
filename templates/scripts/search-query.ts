// What the search page does to a query before Pagefind sees it: plain functions and settings,
// shared by the page script (search.ts), the unit tests and bench/search.ts.

/** Pagefind ranking options of the search page. */
export const RANKING = {
  // Title and its words (added at index time), editors' keywords and the 文号 say what a page is
  // about; the site, dates and status are filters, not topics.
  metaWeights: { title: 5, words: 5, keywords: 4, docnumber: 5, pinyin: 2, column: 1, type: 0.5, source: 1, site: 0, date: 0, status: 0, original: 0 },
};

/** 发文字号 as people type it: brackets of any kind or none, 第, 年, leading zeros, 号 optional. */
const DOC_NUMBER = /([\p{Script=Han}]{1,12}?)\s*[〔［[（(【〖{]?\s*((?:19|20)\d{2})\s*[〕］\]）)】〗}]?\s*年?\s*第?\s*0*(\d{1,5})\s*号/u;

/**
 * The document number (文号) in a query, written the standard way (示政办发〔2026〕30号), or
 * undefined. Needs the year and the 号: a bare year in a query is not a document number.
 */
export function findDocNumber(query: string): string | undefined {
  const match = query.match(DOC_NUMBER);
  if (!match) return undefined;
  return `${match[1]}〔${match[2]}〕${Number(match[3])}号`;
}

/** A document number as stored (any bracket style) in the standard form, for comparing. */
export function normalizeDocNumber(value: string): string {
  return findDocNumber(value) ?? value.trim();
}

/** Latin letters only (with spaces or apostrophes): a pinyin query such as `zfwz` or `zhengfu wangzhan`. */
export function isPinyinQuery(query: string): boolean {
  return /^[a-z' ]+$/i.test(query.trim()) && /[a-z]/i.test(query);
}

/** Lower case, apostrophes (xi'an) dropped, spaces collapsed. */
export function normalizePinyin(query: string): string {
  return query.toLowerCase().replace(/'/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * 错别字纠正 (SRCH-05): groups of characters commonly typed for one another in government
 * information (same or similar pinyin, similar shape). A query word that appears nowhere, but
 * does with one character swapped for another of its group, is taken to be that word.
 */
export const CONFUSABLE_GROUPS = [
  '账帐', '做作', '在再', '像象', '境竟镜', '记纪', '候侯', '即既', '副付', '请清情', '按安', '咨资',
  '询训', '箱相', '障章', '汛迅', '险验', '籍藉', '制治', '型形', '订定', '需须', '绩积', '励厉',
  '座坐', '届界', '赔陪', '疫役', '营赢', '辨辩办', '贷货', '峰锋', '备被', '部布', '截节', '缴交',
  '登等', '证正', '策册', '录禄', '彻撤', '帖贴', '颁办', '复覆', '象相', '权全', '规归', '划化',
];

const alternatives = new Map<string, string[]>();
for (const group of CONFUSABLE_GROUPS) {
  for (const char of group) {
    const others = [...group].filter((c) => c !== char);
    alternatives.set(char, [...new Set([...(alternatives.get(char) ?? []), ...others])]);
  }
}

/** Words of `word` with one confusable character replaced, nearest first; at most `limit`. */
export function correctionCandidates(word: string, limit = 24): string[] {
  const chars = [...word];
  const candidates: string[] = [];
  chars.forEach((char, index) => {
    for (const other of alternatives.get(char) ?? []) {
      candidates.push([...chars.slice(0, index), other, ...chars.slice(index + 1)].join(''));
    }
  });
  return candidates.slice(0, limit);
}

/** The words of a query worth checking for typos: runs of at least two Chinese characters. */
export function chineseWords(query: string): string[] {
  return query.match(/\p{Script=Han}{2,}/gu) ?? [];
}
