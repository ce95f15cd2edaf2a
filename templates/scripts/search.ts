// The search page (templates/pages/search.astro): Pagefind in the browser (SRCH-01…05).
//
// - The query and every choice live in the page URL (?q=&column=&type=&year=&status=&sort=&site=
//   &scope=&page=), so a search can be bookmarked, shared and reloaded; the form is a plain GET
//   form and the script takes over its submission.
// - Results update in place; a polite status region (role="status") announces the outcome, and
//   paging moves focus to the results heading. An empty search says so there (请输入要搜索的词语).
// - What the reader types is never overwritten by the page: the script arrives and loads the index
//   while the reader may already be typing (0.6 s on a fast phone, 3 s on slow 3G), so the box
//   is filled from the URL only if the reader has not typed in it, and a search submitted before
//   the index is ready runs as soon as it is.
// - On the provincial portal the other sites' bundles are merged in (全省政府网站统一搜索), each
//   result links to its own site's domain and names the site.
// - 文号 in a query are matched exactly (docnumber filter) before the ranked results; words
//   found nowhere are checked against common typos (错别字); latin queries match the pinyin keys
//   src/index/ adds to the index.
import { isPinyinQuery, findDocNumber, normalizeDocNumber, normalizePinyin } from './search-query.ts';
import { byDate, correctTypos, loadPagefind, type Filters, type Pagefind, type PagefindResult, type PagefindSearch, type ResultData } from './search-pagefind.ts';
import { renderPager, renderResult, searchHref, titlesFirst } from './search-results.ts';

const PAGE_SIZE = 10;
/** Filter keys the form offers, in the form's order. */
const FILTER_KEYS = ['site', 'column', 'type', 'year'] as const;
const NOT_CURRENT = ['已归档', '已废止', '已失效'];

/** The page's elements, before Pagefind is loaded. */
type SearchElements = Pick<SearchPage, 'form' | 'input' | 'status' | 'selects' | 'scopeInputs'>;

/** The page's elements and its loaded Pagefind: what every step of a search reads. */
interface SearchPage {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  suggestion: HTMLElement;
  heading: HTMLElement;
  list: HTMLOListElement;
  pager: HTMLElement;
  filterCount: HTMLElement;
  siteName: string;
  platform: boolean;
  selects: Record<string, HTMLSelectElement | null>;
  scopeInputs: HTMLInputElement[];
  pagefind: Pagefind;
  allFilters: Record<string, Record<string, number>>;
  docNumbers: string[];
  /** Counts the searches: one that a later search overtook shows nothing. */
  generation: number;
  /** The reader typed in the box since it was last filled: the next search leaves it alone. */
  typed: boolean;
}

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
if (form) void start(form);

function announce(status: HTMLElement, text: string) {
  // Emptied first so that the same message (a repeated search) is announced again.
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = text;
  }, 50);
}

const params = () => new URL(window.location.href).searchParams;
const chosenFilters = (selects: SearchPage['selects'], p: URLSearchParams) => [...FILTER_KEYS, 'status', 'sort'].filter((key) => selects[key] && p.get(key)).length;

async function start(form: HTMLFormElement) {
  const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
  const elements = {
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    status: $<HTMLElement>('[data-search-status]'),
    suggestion: $<HTMLElement>('[data-search-suggestion]'),
    heading: $<HTMLElement>('[data-search-heading]'),
    list: $<HTMLOListElement>('[data-search-list]'),
    pager: $<HTMLElement>('[data-search-pager]'),
    filterCount: form.querySelector<HTMLElement>('[data-search-filter-count]')!,
    siteName: form.dataset.siteName ?? '',
    platform: form.dataset.platform !== undefined,
    selects: Object.fromEntries(
      [...FILTER_KEYS, 'status', 'sort'].map((key) => [key, form.querySelector<HTMLSelectElement>(`select[name="${key}"]`)]),
    ) as Record<string, HTMLSelectElement | null>,
    scopeInputs: [...form.querySelectorAll<HTMLInputElement>('input[name="scope"]')],
  };
  const filterBox = form.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  // Until the index is loaded (`page`), a search is put in the URL, and run once it is (below).
  // `typed`: the reader typed before this script ran (the box is empty in the HTML) or since.
  const state: { page?: SearchPage; typed: boolean; failed: boolean } = { typed: elements.input.value !== '', failed: false };
  // The URL's query is shown at once, not only once the index has loaded. (Not with params():
  // this runs while the module is still being evaluated, before the constants below it exist.)
  if (!state.typed) elements.input.value = (new URLSearchParams(window.location.search).get('q') ?? '').trim();
  elements.input.addEventListener('input', () => {
    if (state.page) state.page.typed = true;
    else state.typed = true;
  });
  const unavailable = () => announce(elements.status, '搜索功能暂时无法使用，请稍后再试，或通过网站地图查找信息。');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = readForm(elements);
    if (!wanted(next)) {
      announce(elements.status, '请输入要搜索的词语。');
      elements.input.focus();
    } else if (state.page) go(state.page, next);
    else if (state.failed) unavailable();
    else {
      state.typed = false;
      window.history.pushState(null, '', searchUrl(next));
      announce(elements.status, '正在搜索…');
    }
  });
  let loaded: Awaited<ReturnType<typeof loadPagefind>>;
  try {
    loaded = await loadPagefind(form, elements.platform);
  } catch {
    state.failed = true;
    unavailable();
    return;
  }
  const page: SearchPage = { ...elements, ...loaded, docNumbers: Object.keys(loaded.allFilters.docnumber ?? {}), generation: 0, typed: state.typed };
  state.page = page;
  // Six filters would push a phone's results a screen down: folded there unless one is in use.
  filterBox.open = window.matchMedia('(min-width: 48rem)').matches || chosenFilters(page.selects, params()) > 0;
  filterBox.hidden = false;
  listen(page);
  await run(page, params());
}

/** A query, or a filter to browse by: something to search for. */
const wanted = (p: URLSearchParams) => Boolean(p.get('q')) || [...FILTER_KEYS, 'status'].some((key) => p.get(key));
const searchUrl = (next: URLSearchParams) => `${window.location.pathname}${next.size ? `?${next}` : ''}`;

/** Fills a filter's options with the values of the whole index, keeping the chosen one. */
function fillOptions(page: SearchPage, key: string, counts: Record<string, number> | undefined, chosen: string) {
  const select = page.selects[key];
  if (!select) return;
  const first = select.options[0]!;
  const values = Object.entries(counts ?? {}).filter(([, n]) => n > 0);
  if (key === 'year') values.sort(([a], [b]) => b.localeCompare(a));
  else values.sort(([a, na], [b, nb]) => nb - na || a.localeCompare(b, 'zh-CN'));
  if (chosen && !values.some(([v]) => v === chosen)) values.unshift([chosen, 0]);
  select.replaceChildren(first, ...values.map(([value, n]) => new Option(`${value}（${n}）`, value)));
  select.value = chosen;
}

function readForm(page: SearchElements): URLSearchParams {
  const next = new URLSearchParams();
  const q = page.input.value.trim();
  if (q) next.set('q', q);
  for (const input of page.scopeInputs) if (input.checked && input.value !== 'all') next.set('scope', input.value);
  for (const [key, select] of Object.entries(page.selects)) if (select?.value) next.set(key, select.value);
  return next;
}

function filtersFor(page: SearchPage, p: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = p.get(key);
    if (value) filters[key] = value;
  }
  if (page.platform && p.get('scope') === 'site') filters.site = page.siteName;
  // Pagefind's `none`: results having none of these filter values.
  const none: Filters[] = [];
  const state = p.get('status');
  if (state === 'current') none.push(...NOT_CURRENT.map((status) => ({ status })));
  else if (state) filters.status = state;
  // Across the platform a document republished by reference (PUB-07) is shown once: the original.
  if (page.platform && p.get('scope') !== 'site') none.push({ copy: '引用' });
  if (none.length) filters.none = none;
  return filters;
}

async function run(page: SearchPage, p: URLSearchParams, options: { focusResults?: boolean } = {}) {
  const started = performance.now();
  await search(page, p, options);
  // For measurements (bench/search.ts) and tests: a search has finished and is on screen.
  page.form.dispatchEvent(new CustomEvent('govsite:searched', { detail: { ms: performance.now() - started } }));
}

/** The form shows the search's choices, but not over what the reader typed; returns the query searched. */
function showChoices(page: SearchPage, p: URLSearchParams): string {
  const { selects } = page;
  const rawQuery = (p.get('q') ?? '').trim();
  if (!page.typed) page.input.value = rawQuery;
  page.typed = false;
  for (const scope of page.scopeInputs) scope.checked = scope.value === (p.get('scope') ?? 'all');
  if (selects.status) selects.status.value = p.get('status') ?? '';
  if (selects.sort) selects.sort.value = p.get('sort') === 'date' ? 'date' : '';
  const chosen = chosenFilters(selects, p);
  page.filterCount.textContent = chosen ? `（已选 ${chosen} 项）` : '';
  return rawQuery;
}

/** No query and no filter: no results, and the whole index's filter values. */
function showNothing(page: SearchPage, p: URLSearchParams) {
  for (const key of FILTER_KEYS) fillOptions(page, key, page.allFilters[key], '');
  page.list.replaceChildren();
  page.pager.hidden = true;
  page.heading.hidden = true;
  if (p.has('q')) announce(page.status, '请输入要搜索的词语。');
}

/** The query searched: pinyin normalized, a word found nowhere corrected (unless `exact=1`). */
async function queryOf(page: SearchPage, p: URLSearchParams, rawQuery: string): Promise<{ query: string; corrected?: string }> {
  const query = isPinyinQuery(rawQuery) ? normalizePinyin(rawQuery) : rawQuery;
  if (!query || isPinyinQuery(query) || p.get('exact') === '1') return { query };
  const corrected = await correctTypos(page.pagefind, query);
  return corrected ? { query: corrected, corrected } : { query };
}

/** 文号: the exact document first, whatever the ranking says about the rest of the query. */
async function findResults(page: SearchPage, p: URLSearchParams, query: string, dataOf: (r: PagefindResult) => Promise<ResultData>) {
  const { pagefind } = page;
  const filters = filtersFor(page, p);
  const sort = p.get('sort') === 'date';
  const docNumber = findDocNumber(query);
  const wanted = docNumber ? normalizeDocNumber(docNumber) : undefined;
  const exactValues = wanted ? page.docNumbers.filter((v) => wanted.endsWith(normalizeDocNumber(v))) : [];
  const count = Math.max(1, Number(p.get('page')) || 1) * PAGE_SIZE;
  const exactFilters = { ...filters, docnumber: exactValues };
  const [exact, ranked]: [PagefindSearch | undefined, PagefindSearch] = await Promise.all([
    exactValues.length ? (sort ? byDate(pagefind, null, exactFilters, dataOf, count) : pagefind.search(null, { filters: exactFilters })) : undefined,
    // A browse by filters alone lists the newest first.
    query && !sort ? pagefind.search(query, { filters }) : byDate(pagefind, query || null, filters, dataOf, count),
  ]);
  return { exact, ranked };
}

async function search(page: SearchPage, p: URLSearchParams, { focusResults = false } = {}) {
  const run = ++page.generation;
  const rawQuery = showChoices(page, p);
  page.suggestion.hidden = true;
  page.suggestion.replaceChildren();
  if (!rawQuery && !FILTER_KEYS.some((k) => p.get(k)) && !p.get('status')) return showNothing(page, p);
  announce(page.status, '正在搜索…');
  const { query, corrected } = await queryOf(page, p, rawQuery);
  const cache = new Map<string, Promise<ResultData>>();
  const dataOf = (r: PagefindResult) => {
    if (!cache.has(r.id)) cache.set(r.id, r.data());
    return cache.get(r.id)!;
  };
  const { exact, ranked } = await findResults(page, p, query, dataOf);
  if (run !== page.generation) return;
  const seen = new Set<string>();
  const exactIds = new Set((exact?.results ?? []).map((r) => r.id));
  let results = [...(exact?.results ?? []), ...ranked.results].filter((r) => !seen.has(r.id) && seen.add(r.id));
  if (p.get('sort') !== 'date' && query && !isPinyinQuery(query)) results = await titlesFirst(results, query, exactIds, dataOf);

  for (const key of FILTER_KEYS) fillOptions(page, key, ranked.totalFilters[key] ?? page.allFilters[key], p.get(key) ?? '');

  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const current = Math.min(pages, Math.max(1, Number(p.get('page')) || 1));
  const shown = await Promise.all(results.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map(dataOf));
  if (run !== page.generation) return;
  page.list.replaceChildren(...shown.map((data, i) => renderResult(data, (current - 1) * PAGE_SIZE + i + 1, page.platform)));
  renderPager(page.pager, p, current, pages);
  page.heading.hidden = false;
  announceOutcome(page, p, { rawQuery, corrected, count: results.length, current, pages });
  if (focusResults) page.heading.focus();
}

/** The correction offered, and the outcome said in the status region. */
function announceOutcome(page: SearchPage, p: URLSearchParams, outcome: { rawQuery: string; corrected?: string; count: number; current: number; pages: number }) {
  const { rawQuery, corrected, count, current, pages } = outcome;
  if (corrected) {
    page.suggestion.hidden = false;
    const original = document.createElement('a');
    original.href = searchHref(p, { q: rawQuery, exact: '1', page: undefined });
    original.textContent = rawQuery;
    page.suggestion.append(`您是不是要找：“${corrected}”？以下是“${corrected}”的搜索结果。仍然搜索：`, original);
  }
  const scopeText = page.platform && p.get('scope') !== 'site' ? '全省政府网站' : '本站';
  const what = rawQuery ? `与“${corrected ?? rawQuery}”相关的` : '符合条件的';
  announce(
    page.status,
    count
      ? `在${scopeText}找到${what}结果 ${count} 条${pages > 1 ? `，当前第 ${current} 页，共 ${pages} 页` : ''}。`
      : `在${scopeText}没有找到${what}结果。请换一个词语，或减少筛选条件。`,
  );
}

function go(page: SearchPage, next: URLSearchParams, options: { push?: boolean; focusResults?: boolean } = {}) {
  const url = searchUrl(next);
  if (options.push === false) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  void run(page, next, options);
}

function listen(page: SearchPage) {
  const { form } = page;
  // Choosing a filter, the order or the scope updates the results below in place (no navigation).
  form.addEventListener('change', (event) => {
    if ((event.target as Element).matches('select, input[name="scope"]')) go(page, readForm(page), { push: false });
  });
  page.pager.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link) return;
    event.preventDefault();
    go(page, new URLSearchParams(link.search), { focusResults: true });
  });
  page.suggestion.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a');
    if (!link) return;
    event.preventDefault();
    go(page, new URLSearchParams(link.search));
  });
  window.addEventListener('popstate', () => void run(page, params()));
}
