// The order of the search page's results beyond Pagefind's score (search.ts):
// - SRCH-02 a 文号 prefix (示政发〔2026〕, or the 发文机关代字 alone: 示政办发) is a family: every
//   document numbered so is listed first;
// - SRCH-04 documents no longer in force (已废止, 已失效) come after the current ones, unless the
//   reader filters by status;
// - a reprint (转载, or a copy published by reference: its `original` metadata) is folded under
//   its original when both are found, instead of being listed as a second result.
import { findDocNumber } from './search-query.ts';
import type { PagefindResult, ResultData } from './search-pagefind.ts';

/** Statuses ranked after current documents. */
export const DEMOTED_STATUSES = ['已废止', '已失效'];

const BRACKETS_OPEN = '〔［[（(【〖{';
const BRACKETS_CLOSE = '〕］\\]）)】〗}';
const DOC_PREFIX = new RegExp(`^([\\p{Script=Han}]{1,12}?)\\s*[${BRACKETS_OPEN}]?\\s*((?:19|20)\\d{2})\\s*[${BRACKETS_CLOSE}]?\\s*年?$`, 'u');

/** A whole 文号 in a query, also typed without its 号 after the bracketed year (示教财〔2026〕15). */
export function typedDocNumber(query: string): string | undefined {
  const q = query.trim();
  return findDocNumber(q) ?? (new RegExp(`[${BRACKETS_CLOSE}]\\s*第?\\d{1,5}$`, 'u').test(q) ? findDocNumber(`${q}号`) : undefined);
}

/** `示政发〔2026〕` for any way of typing it (示政发[2026], 示政发2026年…), or undefined. */
export function docNumberPrefix(query: string): string | undefined {
  const match = query.trim().match(DOC_PREFIX);
  return match ? `${match[1]}〔${match[2]}〕` : undefined;
}

/** The prefix of a 文号 as stored, `示政发〔2026〕12号` → `示政发〔2026〕`. */
function storedPrefix(value: string): string | undefined {
  const standard = findDocNumber(value);
  return standard?.slice(0, standard.indexOf('〕') + 1);
}

/**
 * The 文号 of the index (`docNumbers`, the docnumber filter's values) of the family a query names:
 * a prefix with its year, or a 发文机关代字 typed alone that some 文号 start with. None for a
 * whole 文号 (matched exactly elsewhere) or any other query.
 */
export function docNumberFamily(query: string, docNumbers: readonly string[]): string[] {
  const q = query.trim();
  if (!q || typedDocNumber(q)) return [];
  const prefix = docNumberPrefix(q);
  if (prefix) return docNumbers.filter((value) => storedPrefix(value) === prefix).sort();
  if (!/^\p{Script=Han}{2,12}$/u.test(q)) return [];
  return docNumbers.filter((value) => storedPrefix(value)?.startsWith(`${q}〔`)).sort();
}

/** Results in the same order, those in `demoted` after all others; those in `first` stay where they are. */
export function demote(results: readonly PagefindResult[], demoted: ReadonlySet<string>, first: ReadonlySet<string>): PagefindResult[] {
  const late = (r: PagefindResult) => demoted.has(r.id) && !first.has(r.id);
  return [...results.filter((r) => !late(r)), ...results.filter(late)];
}

/** Results read for folding: two pages' worth. */
const FOLD_DEPTH = 20;

const absolute = (url: string, base: string) => {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
};

/**
 * Reprints whose original is among the first results, taken out of the list and kept by their
 * original's id (the page shows them under it). `base` is the site's own address, for results
 * of the page's own site, whose links are relative.
 */
export async function foldReprints(
  results: readonly PagefindResult[],
  dataOf: (r: PagefindResult) => Promise<ResultData>,
  base: string,
): Promise<{ results: PagefindResult[]; reprints: Map<string, ResultData[]> }> {
  const head = results.slice(0, FOLD_DEPTH);
  const data = await Promise.all(head.map(dataOf));
  const byUrl = new Map(head.map((r, i) => [absolute(data[i]!.url, base), r.id]));
  const reprints = new Map<string, ResultData[]>();
  const folded = new Set<string>();
  head.forEach((r, i) => {
    const original = data[i]!.meta.original;
    const originalId = original ? byUrl.get(absolute(original, base)) : undefined;
    if (!originalId || originalId === r.id) return;
    reprints.set(originalId, [...(reprints.get(originalId) ?? []), data[i]!]);
    folded.add(r.id);
  });
  return { results: results.filter((r) => !folded.has(r.id)), reprints };
}
