// What the search page says about a search (search.ts): the correction or the dictionary's words
// it searched with (“您是不是要找”, with the query as typed one click away), the outcome in the
// polite status region, and for a search that found nothing (SRCH-05) the help block of
// components/SearchResults.astro: corrections and related words that do find pages, as links,
// and the ways to ask a person, which the component renders.
import { searchHref } from './search-results.ts';
import type { Understood } from './search-understand.ts';

export interface OutcomeElements {
  status: HTMLElement;
  suggestion: HTMLElement;
  empty: HTMLElement;
}

export function announce(status: HTMLElement, text: string) {
  // Emptied first so that the same message (a repeated search) is announced again.
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = text;
  }, 50);
}

/** “您是不是要找” for a correction, the official words for a dictionary rewrite; the query as typed a link (exact=1). */
export function showSuggestion(suggestion: HTMLElement, p: URLSearchParams, rawQuery: string, understood: Understood) {
  suggestion.replaceChildren();
  suggestion.hidden = true;
  const { corrected, added } = understood;
  if (!corrected && !added.length) return;
  const original = document.createElement('a');
  original.href = searchHref(p, { q: rawQuery, exact: '1', page: undefined });
  original.textContent = rawQuery;
  const words = added.map((w) => `“${w}”`).join('');
  const also = added.length ? `已同时搜索规范用语${words}。` : '';
  suggestion.hidden = false;
  if (corrected) suggestion.append(`您是不是要找：“${corrected}”？以下是“${corrected}”的搜索结果。${also}仍然搜索：`, original);
  else suggestion.append(`${also}仍然只搜索：`, original);
}

export interface Outcome {
  rawQuery: string;
  corrected?: string;
  count: number;
  current: number;
  pages: number;
  scopeText: string;
}

/** The outcome, said by the status region. */
export function announceOutcome(status: HTMLElement, outcome: Outcome) {
  const { rawQuery, corrected, count, current, pages, scopeText } = outcome;
  const what = rawQuery ? `与“${corrected ?? rawQuery}”相关的` : '符合条件的';
  announce(
    status,
    count
      ? `在${scopeText}找到${what}结果 ${count} 条${pages > 1 ? `，当前第 ${current} 页，共 ${pages} 页` : ''}。`
      : `在${scopeText}没有找到${what}结果。下方有可以试试的词语和其他查找办法。`,
  );
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
};
const link = (href: string, text: string, extra?: (a: HTMLAnchorElement) => void) => {
  const a = element('a', '', text);
  a.href = href;
  extra?.(a);
  return a;
};

/**
 * The help block for a search that found nothing, or hidden. `tries` are queries that do find
 * pages (a correction, related words), shown as links that search them (data-search-try);
 * `filtered`: some filter is in use, so searching without them is offered. Made here, not hidden
 * in the page: links a reader cannot see are 暗链 (CONT-13).
 */
export function showEmpty(empty: HTMLElement, p: URLSearchParams, found: boolean, tries: readonly string[], filtered: boolean) {
  empty.hidden = found;
  empty.replaceChildren();
  if (found) return;
  const q = p.get('q') ?? '';
  const items: HTMLElement[] = [];
  empty.append(element('h2', 'search-results__empty-heading', '没有找到想要的信息？'));
  if (tries.length) {
    const list = element('ul', 'search-results__try', ...tries.map((t) => element('li', '', link(`?${new URLSearchParams({ q: t })}`, t, (a) => (a.dataset.searchTry = '')))));
    empty.append(element('p', '', '您可以试试：'), list);
  }
  items.push(element('li', '', '检查有没有错别字，或换一个更常用的说法（例如“社会保障卡”“老年助餐”）。'));
  items.push(element('li', '', '只输入关键的词语，去掉“怎么办”“在哪里”之类的问话。'));
  if (filtered) items.push(element('li', '', '减少筛选条件：', link(q ? `?${new URLSearchParams({ q })}` : '?', '不加筛选重新搜索', (a) => (a.dataset.searchTry = '')), '。'));
  items.push(element('li', '', '通过', link('/sitemap/', '网站地图'), '按栏目查找。'));
  items.push(element('li', '', '拨打 ', link('tel:12345', '12345'), ' 政务服务便民热线咨询。'));
  const report = empty.dataset.errorReport;
  if (report) items.push(element('li', '', '发现网站信息有错误或缺失，请通过', link(report, '我为政府网站找错', (a) => (a.rel = 'noopener')), '告诉我们。'));
  empty.append(element('p', '', '其他查找办法：'), element('ul', 'search-results__tips', ...items));
}
