// The search page (templates/pages/search.astro): Pagefind in the browser (SRCH-01…05).
//
// - The query and every choice live in the page URL (?q=&column=&type=&year=&status=&sort=&site=
//   &scope=&page=), so a search can be bookmarked, shared and reloaded; the form is a plain GET
//   form and the script takes over its submission.
// - Results update in place; a polite status region (role="status") announces the outcome, and
//   paging moves focus to the results heading.
// - On the provincial portal the other sites' bundles are merged in (全省政府网站统一搜索), each
//   result links to its own site's domain and names the site.
// - 文号 in a query are matched exactly (docnumber filter) before the ranked results; words
//   found nowhere are checked against common typos (错别字); latin queries match the pinyin keys
//   src/index/ adds to the index.
import { partFolder } from '../../src/index/search-parts.ts';
import { mergeByKey } from './merge-by-date.ts';
import { chineseWords, correctionCandidates, findDocNumber, isPinyinQuery, normalizeDocNumber, normalizePinyin, RANKING } from './search-query.ts';

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<ResultData>;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
type Filters = Record<string, unknown>;
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (bundlePath: string, options?: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
interface PlatformSite {
  id: string;
  name: string;
  baseUrl: string;
  bundlePath: string;
  /** Parts of the site's index (src/index/search-parts.ts): part N ≥ 1 at `<bundlePath>part-N/`. */
  parts?: number;
}

/** Where part N of a bundle is. */
const partPath = (bundlePath: string, part: number) => (part === 0 ? bundlePath : `${bundlePath}${partFolder(part)}/`);

const PAGE_SIZE = 10;
/** Results whose titles are read to put title matches first (two pages' worth). */
const TITLE_TIER_DEPTH = 20;
/** Filter keys the form offers, in the form's order. */
const FILTER_KEYS = ['site', 'column', 'type', 'year'] as const;
const NOT_CURRENT = ['已归档', '已废止', '已失效'];
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
if (form) void start(form);

async function start(form: HTMLFormElement) {
  const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = $<HTMLElement>('[data-search-status]');
  const suggestion = $<HTMLElement>('[data-search-suggestion]');
  const heading = $<HTMLElement>('[data-search-heading]');
  const list = $<HTMLOListElement>('[data-search-list]');
  const pager = $<HTMLElement>('[data-search-pager]');
  const filterBox = form.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const filterCount = form.querySelector<HTMLElement>('[data-search-filter-count]')!;
  const siteName = form.dataset.siteName ?? '';
  const platform = form.dataset.platform !== undefined;
  const selects = Object.fromEntries(
    [...FILTER_KEYS, 'status', 'sort'].map((key) => [key, form.querySelector<HTMLSelectElement>(`select[name="${key}"]`)]),
  ) as Record<string, HTMLSelectElement | null>;
  const scopeInputs = [...form.querySelectorAll<HTMLInputElement>('input[name="scope"]')];

  const announce = (text: string) => {
    // Emptied first so that the same message (a repeated search) is announced again.
    status.textContent = '';
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  };

  let pagefind: Pagefind;
  let sites: PlatformSite[] = [];
  let allFilters: Record<string, Record<string, number>>;
  try {
    const bundle = form.dataset.bundle ?? '/pagefind/';
    pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // Every index merged here (the site's parts, the other sites' on the portal) carries a `part`
    // filter of its own, so that a date-sorted search can be asked of each apart (byDate below).
    await pagefind.options({ excerptLength: 36, excerptEllipsis: '…', ranking: RANKING, mergeFilter: { part: 'self:0' } });
    for (let part = 1; part < (Number(form.dataset.bundleParts) || 1); part++) {
      await pagefind.mergeIndex(partPath(bundle, part), { ranking: RANKING, mergeFilter: { part: `self:${part}` } });
    }
    if (platform) {
      const response = await fetch(form.dataset.platformSites ?? '/pagefind-sites/sites.json');
      sites = response.ok ? ((await response.json()) as PlatformSite[]) : [];
      for (const site of sites) {
        for (let part = 0; part < (site.parts ?? 1); part++) {
          await pagefind.mergeIndex(partPath(site.bundlePath, part), { baseUrl: site.baseUrl, ranking: RANKING, mergeFilter: { part: `${site.id}:${part}` } });
        }
      }
    }
    allFilters = await pagefind.filters();
  } catch {
    announce('搜索功能暂时无法使用，请稍后再试，或通过网站地图查找信息。');
    return;
  }
  const docNumbers = Object.keys(allFilters.docnumber ?? {});
  const params = () => new URL(window.location.href).searchParams;
  const chosenFilters = (p: URLSearchParams) => [...FILTER_KEYS, 'status', 'sort'].filter((key) => selects[key] && p.get(key)).length;
  // Six filters would push a phone's results a screen down: folded there unless one is in use.
  filterBox.open = window.matchMedia('(min-width: 48rem)').matches || chosenFilters(params()) > 0;
  filterBox.hidden = false;

  /** Fills a filter's options with the values of the whole index, keeping the chosen one. */
  function fillOptions(key: string, counts: Record<string, number> | undefined, chosen: string) {
    const select = selects[key];
    if (!select) return;
    const first = select.options[0]!;
    const values = Object.entries(counts ?? {}).filter(([, n]) => n > 0);
    if (key === 'year') values.sort(([a], [b]) => b.localeCompare(a));
    else values.sort(([a, na], [b, nb]) => nb - na || a.localeCompare(b, 'zh-CN'));
    if (chosen && !values.some(([v]) => v === chosen)) values.unshift([chosen, 0]);
    select.replaceChildren(first, ...values.map(([value, n]) => new Option(`${value}（${n}）`, value)));
    select.value = chosen;
  }

  function readForm(): URLSearchParams {
    const next = new URLSearchParams();
    const q = input.value.trim();
    if (q) next.set('q', q);
    for (const input of scopeInputs) if (input.checked && input.value !== 'all') next.set('scope', input.value);
    for (const [key, select] of Object.entries(selects)) if (select?.value) next.set(key, select.value);
    return next;
  }

  function filtersFor(p: URLSearchParams): Filters {
    const filters: Filters = {};
    for (const key of FILTER_KEYS) {
      const value = p.get(key);
      if (value) filters[key] = value;
    }
    if (platform && p.get('scope') === 'site') filters.site = siteName;
    // Pagefind's `none`: results having none of these filter values.
    const none: Filters[] = [];
    const state = p.get('status');
    if (state === 'current') none.push(...NOT_CURRENT.map((status) => ({ status })));
    else if (state) filters.status = state;
    // Across the platform a document republished by reference (PUB-07) is shown once: the original.
    if (platform && p.get('scope') !== 'site') none.push({ copy: '引用' });
    if (none.length) filters.none = none;
    return filters;
  }

  /** A query word found nowhere that is found with one common typo fixed: the corrected query. */
  async function correctTypos(query: string): Promise<string | undefined> {
    let corrected = query;
    for (const word of chineseWords(query)) {
      if ((await pagefind.search(`"${word}"`)).results.length > 0) continue;
      let best: { word: string; count: number } | undefined;
      for (const candidate of correctionCandidates(word)) {
        const count = (await pagefind.search(`"${candidate}"`)).results.length;
        if (count > 0 && (!best || count > best.count)) best = { word: candidate, count };
      }
      if (best) corrected = corrected.replace(word, best.word);
    }
    return corrected === query ? undefined : corrected;
  }

  function searchHref(p: URLSearchParams, changes: Record<string, string | undefined>): string {
    const next = new URLSearchParams(p);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return `?${next.toString()}`;
  }

  function renderResult(data: ResultData, position: number): HTMLLIElement {
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
    excerpt.innerHTML = data.excerpt;
    li.append(title, facts, excerpt);
    return li;
  }

  function renderPager(p: URLSearchParams, page: number, pages: number) {
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

  let generation = 0;
  async function run(p: URLSearchParams, options: { focusResults?: boolean } = {}) {
    const started = performance.now();
    await search(p, options);
    // For measurements (bench/search.ts) and tests: a search has finished and is on screen.
    form.dispatchEvent(new CustomEvent('govsite:searched', { detail: { ms: performance.now() - started } }));
  }

  async function search(p: URLSearchParams, { focusResults = false } = {}) {
    const run = ++generation;
    const rawQuery = (p.get('q') ?? '').trim();
    input.value = rawQuery;
    for (const scope of scopeInputs) scope.checked = scope.value === (p.get('scope') ?? 'all');
    if (selects.status) selects.status.value = p.get('status') ?? '';
    if (selects.sort) selects.sort.value = p.get('sort') === 'date' ? 'date' : '';
    const chosen = chosenFilters(p);
    filterCount.textContent = chosen ? `（已选 ${chosen} 项）` : '';
    const filters = filtersFor(p);
    const sort = p.get('sort') === 'date' ? { date: 'desc' as const } : undefined;
    suggestion.hidden = true;
    suggestion.replaceChildren();

    if (!rawQuery && !FILTER_KEYS.some((k) => p.get(k)) && !p.get('status')) {
      for (const key of FILTER_KEYS) fillOptions(key, allFilters[key], '');
      list.replaceChildren();
      pager.hidden = true;
      heading.hidden = true;
      if (p.has('q')) announce('请输入要搜索的词语。');
      return;
    }
    announce('正在搜索…');
    let query = isPinyinQuery(rawQuery) ? normalizePinyin(rawQuery) : rawQuery;
    let corrected: string | undefined;
    if (query && !isPinyinQuery(query) && p.get('exact') !== '1') {
      corrected = await correctTypos(query);
      if (corrected) query = corrected;
    }
    // 文号: the exact document first, whatever the ranking says about the rest of the query.
    const docNumber = findDocNumber(query);
    const wanted = docNumber ? normalizeDocNumber(docNumber) : undefined;
    const exactValues = wanted ? docNumbers.filter((v) => wanted.endsWith(normalizeDocNumber(v))) : [];
    const cache = new Map<string, Promise<ResultData>>();
    const dataOf = (r: PagefindResult) => {
      if (!cache.has(r.id)) cache.set(r.id, r.data());
      return cache.get(r.id)!;
    };
    const wantedPage = Math.max(1, Number(p.get('page')) || 1);
    /** A date-sorted search, in date order across the merged indexes too (merge-by-date.ts). */
    const byDate = async (term: string | null, searchFilters: Filters): Promise<PagefindSearch> => {
      const found = await pagefind.search(term, { filters: searchFilters, sort: { date: 'desc' } });
      const parts = Object.entries(found.filters.part ?? {}).filter(([, n]) => n > 0).map(([part]) => part);
      if (parts.length < 2) return found;
      const perPart = await Promise.all(parts.map((part) => pagefind.search(term, { filters: { ...searchFilters, part }, sort: { date: 'desc' } })));
      const dateOf = async (r: PagefindResult) => (await dataOf(r)).meta.date ?? '';
      return { ...found, results: await mergeByKey(perPart.map((s) => s.results), dateOf, wantedPage * PAGE_SIZE) };
    };
    const exactFilters = { ...filters, docnumber: exactValues };
    const [exact, ranked] = await Promise.all([
      exactValues.length ? (sort ? byDate(null, exactFilters) : pagefind.search(null, { filters: exactFilters })) : undefined,
      // A browse by filters alone lists the newest first.
      query && !sort ? pagefind.search(query, { filters }) : byDate(query || null, filters),
    ]);
    if (run !== generation) return;
    const seen = new Set<string>();
    const exactIds = new Set((exact?.results ?? []).map((r) => r.id));
    let results = [...(exact?.results ?? []), ...ranked.results].filter((r) => !seen.has(r.id) && seen.add(r.id));
    // Pagefind ranks by words; people expect the item whose title is the query first. Among the
    // top results: the exact 文号 match, then titles containing the query as typed, then titles
    // containing all its words; within these, the title the query covers most (the shortest)
    // first; then the rest in Pagefind's order.
    if (!sort && query && !isPinyinQuery(query)) {
      const head = results.slice(0, TITLE_TIER_DEPTH);
      const titles = new Map(await Promise.all(head.map(async (r) => [r.id, (await dataOf(r)).meta.title ?? ''] as const)));
      const compact = query.replace(/\s+/g, '');
      const words = [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
      const tier = (r: PagefindResult) => {
        const title = titles.get(r.id)!;
        if (exactIds.has(r.id)) return 0;
        if (title.includes(compact)) return 1 + title.length / 1000;
        if (words.length > 1 && words.every((w) => title.includes(w))) return 2 + title.length / 1000;
        return 3;
      };
      const tiers = new Map(head.map((r) => [r.id, tier(r)]));
      head.sort((a, b) => tiers.get(a.id)! - tiers.get(b.id)!);
      results = [...head, ...results.slice(TITLE_TIER_DEPTH)];
    }

    for (const key of FILTER_KEYS) fillOptions(key, ranked.totalFilters[key] ?? allFilters[key], p.get(key) ?? '');

    const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(p.get('page')) || 1));
    const shown = await Promise.all(results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(dataOf));
    if (run !== generation) return;
    list.replaceChildren(...shown.map((data, i) => renderResult(data, (page - 1) * PAGE_SIZE + i + 1)));
    renderPager(p, page, pages);
    heading.hidden = false;

    if (corrected) {
      suggestion.hidden = false;
      const original = document.createElement('a');
      original.href = searchHref(p, { q: rawQuery, exact: '1', page: undefined });
      original.textContent = rawQuery;
      suggestion.append(`您是不是要找：“${corrected}”？以下是“${corrected}”的搜索结果。仍然搜索：`, original);
    }
    const scopeText = platform && p.get('scope') !== 'site' ? '全省政府网站' : '本站';
    const what = rawQuery ? `与“${corrected ?? rawQuery}”相关的` : '符合条件的';
    announce(
      results.length
        ? `在${scopeText}找到${what}结果 ${results.length} 条${pages > 1 ? `，当前第 ${page} 页，共 ${pages} 页` : ''}。`
        : `在${scopeText}没有找到${what}结果。请换一个词语，或减少筛选条件。`,
    );
    if (focusResults) heading.focus();
  }

  function go(next: URLSearchParams, options: { push?: boolean; focusResults?: boolean } = {}) {
    const url = `${window.location.pathname}${next.size ? `?${next}` : ''}`;
    if (options.push === false) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    void run(next, options);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(readForm());
  });
  // Choosing a filter, the order or the scope updates the results below in place (no navigation).
  form.addEventListener('change', (event) => {
    if ((event.target as Element).matches('select, input[name="scope"]')) go(readForm(), { push: false });
  });
  pager.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link) return;
    event.preventDefault();
    go(new URLSearchParams(link.search), { focusResults: true });
  });
  suggestion.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a');
    if (!link) return;
    event.preventDefault();
    go(new URLSearchParams(link.search));
  });
  window.addEventListener('popstate', () => void run(params()));
  await run(params());
}
