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
// - 文号 in a query are matched exactly (docnumber filter), and a 文号 prefix lists its family,
//   before the ranked results; everyday words go through the platform's dictionary, words found
//   nowhere are corrected by common typos (错别字) and by their sound, latin queries match the
//   pinyin keys src/index/ adds to the index or are read as the Chinese word they spell
//   (search-understand.ts); documents no longer in force come last, reprints are folded under
//   their original (search-rank.ts); a search that finds nothing offers what to try next.
import { normalizeDocNumber } from './search-query.ts';
import { byDate, loadPagefind, searchVariants, type Filters, type Pagefind, type PagefindResult, type PagefindSearch, type ResultData } from './search-pagefind.ts';
import { renderPager, renderResult, titlesFirst } from './search-results.ts';
import { alternatives, SearchTerms, understandQuery, type Understood } from './search-understand.ts';
import { DEMOTED_STATUSES, demote, docNumberFamily, foldReprints, typedDocNumber } from './search-rank.ts';
import { announce, announceOutcome, showEmpty, showSuggestion } from './search-outcome.ts';

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
  empty: HTMLElement;
  heading: HTMLElement;
  list: HTMLOListElement;
  pager: HTMLElement;
  filterCount: HTMLElement;
  siteName: string;
  /** The site's own address: its results' links are relative (reprint folding compares addresses). */
  baseUrl: string;
  platform: boolean;
  selects: Record<string, HTMLSelectElement | null>;
  scopeInputs: HTMLInputElement[];
  pagefind: Pagefind;
  terms: SearchTerms;
  allFilters: Record<string, Record<string, number>>;
  docNumbers: string[];
  /** Counts the searches: one that a later search overtook shows nothing. */
  generation: number;
  /** The reader typed in the box since it was last filled: the next search leaves it alone. */
  typed: boolean;
}

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
if (form) void start(form);

const params = () => new URL(window.location.href).searchParams;
const chosenFilters = (selects: SearchPage['selects'], p: URLSearchParams) => [...FILTER_KEYS, 'status', 'sort'].filter((key) => selects[key] && p.get(key)).length;

async function start(form: HTMLFormElement) {
  const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
  const elements = {
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    status: $<HTMLElement>('[data-search-status]'),
    suggestion: $<HTMLElement>('[data-search-suggestion]'),
    empty: $<HTMLElement>('[data-search-empty]'),
    heading: $<HTMLElement>('[data-search-heading]'),
    list: $<HTMLOListElement>('[data-search-list]'),
    pager: $<HTMLElement>('[data-search-pager]'),
    filterCount: form.querySelector<HTMLElement>('[data-search-filter-count]')!,
    siteName: form.dataset.siteName ?? '',
    baseUrl: form.dataset.baseUrl ?? window.location.origin,
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
  const page: SearchPage = { ...elements, ...loaded, terms: new SearchTerms(loaded.bundles), docNumbers: Object.keys(loaded.allFilters.docnumber ?? {}), generation: 0, typed: state.typed };
  state.page = page;
  // The dictionary is needed by the first query: fetched while the page settles.
  void page.terms.dictionary();
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
  page.empty.hidden = true;
  if (p.has('q')) announce(page.status, '请输入要搜索的词语。');
}

/** 文号: the exact document first, or the family a 文号 prefix names (SRCH-02), whatever the ranking says about the rest of the query. */
async function findResults(page: SearchPage, p: URLSearchParams, understood: Understood, dataOf: (r: PagefindResult) => Promise<ResultData>) {
  const { pagefind } = page;
  const typed = (p.get('q') ?? '').trim();
  const filters = filtersFor(page, p);
  const sort = p.get('sort') === 'date';
  const docNumber = typedDocNumber(typed);
  const wanted = docNumber ? normalizeDocNumber(docNumber) : undefined;
  const exactValues = wanted ? page.docNumbers.filter((v) => wanted.endsWith(normalizeDocNumber(v))) : docNumberFamily(typed, page.docNumbers);
  const count = Math.max(1, Number(p.get('page')) || 1) * PAGE_SIZE;
  const exactFilters = { ...filters, docnumber: { any: exactValues } };
  const exact = exactValues.length ? (sort ? byDate(pagefind, null, exactFilters, dataOf, count) : pagefind.search(null, { filters: exactFilters, sort: { date: 'desc' } })) : undefined;
  const [query] = understood.searches;
  // A browse by filters alone lists the newest first; a sorted query asks the first variant that finds something.
  let ranked: PagefindSearch;
  if (!query) ranked = await byDate(pagefind, null, filters, dataOf, count);
  else {
    const variants = await searchVariants(pagefind, understood.searches, filters);
    ranked = sort ? await byDate(pagefind, variants.used, filters, dataOf, count) : variants;
  }
  return { exact: await exact, ranked };
}

/** Of the first results, those no longer in force (SRCH-04), read from their status. */
async function demotedOf(results: readonly PagefindResult[], dataOf: (r: PagefindResult) => Promise<ResultData>): Promise<Set<string>> {
  const head = results.slice(0, 20);
  const statuses = await Promise.all(head.map(async (r) => (await dataOf(r)).meta.status ?? ''));
  return new Set(head.filter((_, i) => DEMOTED_STATUSES.includes(statuses[i]!)).map((r) => r.id));
}

/** The results in the page's order: 文号 matches, title matches, current before repealed, reprints folded. */
async function ordered(page: SearchPage, p: URLSearchParams, understood: Understood, dataOf: (r: PagefindResult) => Promise<ResultData>) {
  const { exact, ranked } = await findResults(page, p, understood, dataOf);
  const seen = new Set<string>();
  const exactIds = new Set((exact?.results ?? []).map((r) => r.id));
  let results = [...(exact?.results ?? []), ...ranked.results].filter((r) => !seen.has(r.id) && seen.add(r.id));
  if (p.get('sort') === 'date' || !understood.searches[0]) return { ranked, results, reprints: new Map<string, ResultData[]>() };
  // Documents no longer in force after the current ones, unless the reader chose a status (SRCH-04).
  const demoted = p.get('status') ? new Set<string>() : await demotedOf(results, dataOf);
  results = understood.pinyin ? demote(results, demoted, exactIds) : await titlesFirst(results, understood.official, exactIds, dataOf, demoted, understood.concepts);
  return { ranked, ...(await foldReprints(results, dataOf, page.baseUrl)) };
}

async function search(page: SearchPage, p: URLSearchParams, { focusResults = false } = {}) {
  const run = ++page.generation;
  const rawQuery = showChoices(page, p);
  page.suggestion.hidden = true;
  page.suggestion.replaceChildren();
  if (!rawQuery && !FILTER_KEYS.some((k) => p.get(k)) && !p.get('status')) return showNothing(page, p);
  announce(page.status, '正在搜索…');
  const understood = await understandQuery(page.pagefind, page.terms, rawQuery, p.get('exact') === '1');
  const cache = new Map<string, Promise<ResultData>>();
  const dataOf = (r: PagefindResult) => {
    if (!cache.has(r.id)) cache.set(r.id, r.data());
    return cache.get(r.id)!;
  };
  const { ranked, results, reprints } = await ordered(page, p, understood, dataOf);
  if (run !== page.generation) return;

  for (const key of FILTER_KEYS) fillOptions(page, key, ranked.totalFilters[key] ?? page.allFilters[key], p.get(key) ?? '');

  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const current = Math.min(pages, Math.max(1, Number(p.get('page')) || 1));
  const slice = results.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const shown = await Promise.all(slice.map(dataOf));
  const tries = results.length || !rawQuery ? [] : await alternatives(page.pagefind, page.terms, rawQuery);
  if (run !== page.generation) return;
  page.list.replaceChildren(...shown.map((data, i) => renderResult(data, (current - 1) * PAGE_SIZE + i + 1, page.platform, reprints.get(slice[i]!.id))));
  renderPager(page.pager, p, current, pages);
  page.heading.hidden = results.length === 0;
  showSuggestion(page.suggestion, p, rawQuery, understood);
  showEmpty(page.empty, p, results.length > 0, tries, chosenFilters(page.selects, p) > 0 || p.get('scope') === 'site');
  const scopeText = page.platform && p.get('scope') !== 'site' ? '全省政府网站' : '本站';
  announceOutcome(page.status, { rawQuery, corrected: understood.corrected, count: results.length, current, pages, scopeText });
  if (focusResults) page.heading.focus();
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
  // The query as typed (仍然搜索), and what to try after a search that found nothing, search in place.
  for (const [box, selector] of [
    [page.suggestion, 'a'],
    [page.empty, 'a[data-search-try]'],
  ] as const) {
    box.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>(selector);
      if (!link) return;
      event.preventDefault();
      go(page, new URLSearchParams(link.search));
    });
  }
  window.addEventListener('popstate', () => void run(page, params()));
}
