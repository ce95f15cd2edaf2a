// The results of a search on the search page (search.ts): the items whose title matches put
// first, each result as a list item, and the pager, whose links keep every choice in the URL.
import type { PagefindResult, ResultData } from './search-pagefind.ts';

/** Results whose titles are read to put title matches first (two pages' worth). */
const TITLE_TIER_DEPTH = 20;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Pagefind ranks by words; people expect the item whose title is the query first. Among the
 * top results: the exact 文号 match, then titles containing the query as typed, then titles
 * containing all its words; within these, the title the query covers most (the shortest)
 * first; then titles having an official word for each everyday word of the query (the
 * dictionary's `concepts`); then the rest in Pagefind's order. A document no longer in force (`demoted`, SRCH-04)
 * comes after the current ones of its tier, and when its title does not match at all, after
 * every current result.
 */
export async function titlesFirst(
  results: PagefindResult[],
  query: string,
  exactIds: ReadonlySet<string>,
  dataOf: (r: PagefindResult) => Promise<ResultData>,
  demoted: ReadonlySet<string> = new Set(),
  concepts: readonly string[][] = [],
): Promise<PagefindResult[]> {
  const head = results.slice(0, TITLE_TIER_DEPTH);
  const titles = new Map(await Promise.all(head.map(async (r) => [r.id, (await dataOf(r)).meta.title ?? ''] as const)));
  const compact = query.replace(/\s+/g, '');
  const words = [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
  const tier = (r: PagefindResult) => {
    const title = titles.get(r.id)!;
    if (exactIds.has(r.id)) return 0;
    const late = demoted.has(r.id) ? 0.5 : 0;
    if (title.includes(compact)) return 1 + late + title.length / 1000;
    if (words.length > 1 && words.every((w) => title.includes(w))) return 2 + late + title.length / 1000;
    // Everyday words of the query (生孩子 → 新生儿, 出生): a title with an official word for each.
    if (concepts.length && concepts.every((c) => c.some((w) => title.includes(w)))) return 2.25 + late / 2 + title.length / 10000;
    return 3 + late;
  };
  const tiers = new Map(head.map((r) => [r.id, tier(r)]));
  head.sort((a, b) => tiers.get(a.id)! - tiers.get(b.id)!);
  const rest = results.slice(TITLE_TIER_DEPTH);
  const last = (r: PagefindResult) => tiers.get(r.id) === 3.5;
  return [...head.filter((r) => !last(r)), ...rest.filter((r) => !demoted.has(r.id)), ...head.filter(last), ...rest.filter((r) => demoted.has(r.id))];
}

/** The search page's address with some parameters changed (undefined: removed). */
export function searchHref(p: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(p);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return `?${next.toString()}`;
}

/**
 * Pagefind's excerpt as Chinese reads: Pagefind ends a block that has no Latin full stop with
 * `. `, so a heading, a table cell or a paragraph ending in 。 ran on as `标题. 正文` or `。. `.
 * After Chinese punctuation the `. ` goes; after Chinese text it becomes `。`; spaces after Chinese
 * punctuation go. Pagefind's excerpt is escaped text with <mark> elements only, which this keeps.
 */
export function cleanExcerpt(excerpt: string): string {
  const han = String.raw`\p{Script=Han}`;
  const mark = String.raw`(?:<\/mark>)?`;
  return excerpt
    .replace(new RegExp(`([，。；：！？、）》」』”…])(${mark})\\.(?:\\s+|$)`, 'gu'), '$1$2')
    .replace(new RegExp(`(${han}|[0-9%])(${mark})\\.(?:\\s+|$)`, 'gu'), '$1$2。')
    .replace(new RegExp(`([，。；：！？、）》」』”])(${mark})\\s+`, 'gu'), '$1$2');
}

/** A result's reprints (转载, copies by reference) folded under it: their sites, each a link. */
function renderReprints(reprints: readonly ResultData[]): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = 'search-result__reprints';
  line.append('另有转载：');
  reprints.forEach((reprint, i) => {
    const a = document.createElement('a');
    a.href = reprint.url;
    a.textContent = `${reprint.meta.site ?? reprint.meta.title ?? reprint.url}${reprint.meta.date ? `（${reprint.meta.date.slice(0, 10)}）` : ''}`;
    line.append(...(i ? ['、', a] : [a]));
  });
  return line;
}

/** One result: its title (with its status), its site on the portal, column, date and 文号, the excerpt, and its reprints. */
export function renderResult(data: ResultData, position: number, platform: boolean, reprints: readonly ResultData[] = []): HTMLLIElement {
  const { meta } = data;
  const li = document.createElement('li');
  li.className = 'search-result';
  li.value = position;
  const title = document.createElement('h3');
  title.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = meta.title ?? data.url;
  title.append(link);
  if (meta.status) {
    const badge = document.createElement('span');
    badge.className = `badge ${meta.status === '已归档' ? 'badge--archived' : 'badge--status'}`;
    badge.textContent = meta.status;
    title.append(' ', badge);
  }
  const facts = document.createElement('p');
  facts.className = 'search-result__meta';
  const fact = (label: string, value: string | undefined, extra?: (span: HTMLElement) => void) => {
    if (!value) return;
    const span = document.createElement('span');
    span.textContent = label ? `${label}：${value}` : value;
    extra?.(span);
    facts.append(span);
  };
  if (platform) fact('', meta.site, (span) => span.classList.add('search-result__site'));
  fact('栏目', meta.column);
  fact('发布时间', meta.date?.slice(0, 10));
  fact('文号', meta.docnumber);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  // Pagefind escapes the page text and adds only <mark> elements: safe as HTML.
  excerpt.innerHTML = cleanExcerpt(data.excerpt);
  li.append(title, facts, excerpt);
  if (reprints.length) li.append(renderReprints(reprints));
  return li;
}

export function renderPager(pager: HTMLElement, p: URLSearchParams, page: number, pages: number) {
  pager.replaceChildren();
  pager.hidden = pages <= 1;
  if (pages <= 1) return;
  const list = document.createElement('ul');
  const item = (label: string, target: number | undefined, current = false) => {
    const li = document.createElement('li');
    if (target === undefined || current) {
      const span = document.createElement('span');
      span.textContent = label;
      if (current) span.setAttribute('aria-current', 'page');
      li.append(span);
    } else {
      const a = document.createElement('a');
      a.href = searchHref(p, { page: target > 1 ? String(target) : undefined });
      a.textContent = label;
      a.dataset.page = String(target);
      li.append(a);
    }
    list.append(li);
  };
  item('上一页', page > 1 ? page - 1 : undefined);
  for (let n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) item(String(n), n, n === page);
  item('下一页', page < pages ? page + 1 : undefined);
  const total = document.createElement('p');
  total.textContent = `第 ${page} 页，共 ${pages} 页`;
  pager.append(list, total);
}
