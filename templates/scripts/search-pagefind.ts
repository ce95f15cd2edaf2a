// The search page's Pagefind (search.ts): the bundle loaded in the browser with its parts and,
// on the provincial portal, the other sites' bundles merged in; and date-sorted searches across
// the merged indexes.
import { partFolder } from '../../src/index/search-parts.ts';
import { mergeByKey } from './merge-by-date.ts';
import { RANKING } from './search-query.ts';

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<ResultData>;
}
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export type Filters = Record<string, unknown>;
export interface Pagefind {
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

/**
 * The site's bundle with its parts and, on the portal (`platform`), every site's; throws when it
 * cannot load. `bundles`: the folder of every index merged, the page's own first (the search
 * page reads its words files, search-understand.ts).
 */
export async function loadPagefind(
  form: HTMLFormElement,
  platform: boolean,
): Promise<{ pagefind: Pagefind; allFilters: Record<string, Record<string, number>>; bundles: string[] }> {
  const bundle = form.dataset.bundle ?? '/pagefind/';
  const bundles = [bundle];
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  // Every index merged here (the site's parts, the other sites' on the portal) carries a `part`
  // filter of its own, so that a date-sorted search can be asked of each apart (byDate below).
  await pagefind.options({ excerptLength: 36, excerptEllipsis: '…', ranking: RANKING, mergeFilter: { part: 'self:0' } });
  for (let part = 1; part < (Number(form.dataset.bundleParts) || 1); part++) {
    await pagefind.mergeIndex(partPath(bundle, part), { ranking: RANKING, mergeFilter: { part: `self:${part}` } });
    bundles.push(partPath(bundle, part));
  }
  if (platform) {
    const response = await fetch(form.dataset.platformSites ?? '/pagefind-sites/sites.json');
    const sites = response.ok ? ((await response.json()) as PlatformSite[]) : [];
    for (const site of sites) {
      for (let part = 0; part < (site.parts ?? 1); part++) {
        await pagefind.mergeIndex(partPath(site.bundlePath, part), { baseUrl: site.baseUrl, ranking: RANKING, mergeFilter: { part: `${site.id}:${part}` } });
        bundles.push(partPath(site.bundlePath, part));
      }
    }
  }
  return { pagefind, allFilters: await pagefind.filters(), bundles };
}

/**
 * A date-sorted search, in date order across the merged indexes too (merge-by-date.ts), as far
 * as `count` results; `dataOf` reads a result's data once for all the search's steps.
 */
export async function byDate(pagefind: Pagefind, term: string | null, filters: Filters, dataOf: (r: PagefindResult) => Promise<ResultData>, count: number): Promise<PagefindSearch> {
  const found = await pagefind.search(term, { filters, sort: { date: 'desc' } });
  const parts = Object.entries(found.filters.part ?? {}).filter(([, n]) => n > 0).map(([part]) => part);
  if (parts.length < 2) return found;
  const perPart = await Promise.all(parts.map((part) => pagefind.search(term, { filters: { ...filters, part }, sort: { date: 'desc' } })));
  const dateOf = async (r: PagefindResult) => (await dataOf(r)).meta.date ?? '';
  return { ...found, results: await mergeByKey(perPart.map((s) => s.results), dateOf, count) };
}

/**
 * The searches of a query's variants (search-understand.ts), most precise first, their results
 * merged in that order, each once; the filters' counts and `used` are those of the first variant
 * that found something (a date-sorted search asks that one).
 */
export async function searchVariants(pagefind: Pagefind, variants: readonly string[], filters: Filters): Promise<PagefindSearch & { used: string }> {
  const found = await Promise.all(variants.map((variant) => pagefind.search(variant, { filters })));
  const first = Math.max(0, found.findIndex((f) => f.results.length > 0));
  const seen = new Set<string>();
  const results = found.flatMap((f) => f.results).filter((r) => !seen.has(r.id) && seen.add(r.id));
  return { ...found[first]!, results, used: variants[first]! };
}
