// The generated pages of the 政府信息公开目录 (OPEN-03, every site, under /xxgk/) and of the
// portal's 政策文件库 (OPEN-04, under /zcwjk/): which pages there are and what each shows, from
// the site data alone, as the column list pages (list-pages.ts). A page per facet value is a
// plain static page, so the catalogue is browsed and filtered without JavaScript:
//
//   /xxgk/                         every entry, newest first, and the facets with their counts
//   /xxgk/subject/<code>/          one 主题分类 (its two-digit code, data/subject-classification.yaml)
//   /xxgk/issuer/<hash>/           one 发文机关 (a joint document is under each of its issuers)
//   /xxgk/genre/<hash>/            one 体裁
//   /xxgk/year/<YYYY>/             one year (of the 成文日期, else of the 发布日期)
//   /zcwjk/                        the platform's policy documents (the portal only)
//   /zcwjk/status/<state>/         现行有效 (valid) / 已修改 / 已废止 / 已失效
//
// each paginated as `<page>/page/<n>/`. A partial render keys each page by what it shows
// (keyed-pages.ts) and renders again only those that changed; the facet list with its counts
// is on the first page of each area only, so a new entry does not change every facet page.
import { createHash } from 'node:crypto';
import { catalogueEntries, DOCUMENT_STATES, issuersOf, STATE_LABELS, type CatalogueEntry, type DocumentState, type LibraryEntry } from './catalogue-entries.ts';
import { GENRES } from '../schema/genres.ts';
import { PAGE_SIZE } from './list-pages.ts';
import type { SiteData } from './site-data.ts';
import type { Subject } from '../rules/content/remark-disclosure-fields.ts';

/** What the catalogue is made from: the site data's (SiteData), or the loaded items' with their 索引号 (the source link check). */
export interface CatalogueSource {
  items: ReadonlyArray<{ url: string; data: CatalogueEntryData; indexNumber?: string; reference?: unknown }>;
  subjects: readonly Subject[];
  library?: LibraryEntry[];
}
type CatalogueEntryData = Parameters<typeof catalogueEntries>[0][number]['data'];

export const CATALOGUE_DIR = 'xxgk';
export const LIBRARY_DIR = 'zcwjk';

export type FacetKind = 'subject' | 'issuer' | 'genre' | 'year' | 'status';

export const FACET_NAMES: Record<FacetKind, string> = { subject: '主题分类', issuer: '发文机关', genre: '体裁', year: '年份', status: '有效性' };

export interface Facet {
  kind: FacetKind;
  /** The URL segment of its page. */
  key: string;
  label: string;
  count: number;
  /** Site-relative URL of its first page. */
  url: string;
}

export interface CataloguePage {
  /** Output-relative path: `xxgk/subject/04/index.html`, `zcwjk/page/2/index.html`. */
  file: string;
  area: 'catalogue' | 'library';
  /** Site-relative URL of the first page of this list. */
  base: string;
  /** The facet value this page lists; none: every entry of the area. */
  facet?: Omit<Facet, 'count'>;
  entries: CatalogueEntry[] | LibraryEntry[];
  pageNumber: number;
  pageCount: number;
  /** On the first page of an area: its facets, by kind, with their counts. */
  facets?: Partial<Record<FacetKind, Facet[]>>;
}

/** Site-relative URL of a facet value's first catalogue page. */
export function catalogueFacetUrl(kind: Exclude<FacetKind, 'status'>, key: string): string {
  return `/${CATALOGUE_DIR}/${kind}/${key}/`;
}

/** A short, permanent URL segment for a name: its URL never changes while the name does not. */
export function nameKey(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 8);
}

function paginate(page: Omit<CataloguePage, 'file' | 'entries' | 'pageNumber' | 'pageCount'>, entries: CatalogueEntry[] | LibraryEntry[]): CataloguePage[] {
  const { facets, ...rest } = page;
  const pageCount = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const dir = page.base.slice(1);
  return Array.from({ length: pageCount }, (_, index) => ({
    file: index === 0 ? `${dir}index.html` : `${dir}page/${index + 1}/index.html`,
    ...rest,
    ...(index === 0 && facets && { facets }),
    entries: entries.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE),
    pageNumber: index + 1,
    pageCount,
  }));
}

type Group = { label: string; entries: CatalogueEntry[] };
type Grouped = Map<string, Group>;
type GroupOrder = (a: [string, Group], b: [string, Group]) => number;

function group(entries: readonly CatalogueEntry[], keysOf: (entry: CatalogueEntry) => Array<[key: string, label: string]>): Grouped {
  const groups: Grouped = new Map();
  for (const entry of entries) {
    for (const [key, label] of keysOf(entry)) {
      const found = groups.get(key) ?? { label, entries: [] };
      found.entries.push(entry);
      groups.set(key, found);
    }
  }
  return groups;
}

/** The catalogue's facets: the values that have entries, each kind in its own order. */
function catalogueGroups(data: Pick<CatalogueSource, 'subjects'>, entries: readonly CatalogueEntry[]): Array<[Exclude<FacetKind, 'status'>, Grouped, GroupOrder]> {
  const codes = new Map(data.subjects.map((s) => [s.name, s.code]));
  const subjectOrder = new Map(data.subjects.map((s, i) => [s.code, i]));
  const genreOrder = new Map(GENRES.map((g, i) => [nameKey(g), i]));
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [
    ['subject', group(entries, (e) => (e.subject && codes.has(e.subject) ? [[codes.get(e.subject)!, e.subject]] : [])), ([a], [b]) => subjectOrder.get(a)! - subjectOrder.get(b)!],
    // The most prolific issuers first: a county's catalogue lists its own government before its offices.
    ['issuer', group(entries, (e) => issuersOf(e.issuer).map((name) => [nameKey(name), name])), (a, b) => b[1].entries.length - a[1].entries.length || byName(a[1].label, b[1].label)],
    ['genre', group(entries, (e) => (e.genre ? [[nameKey(e.genre), e.genre]] : [])), ([a], [b]) => genreOrder.get(a)! - genreOrder.get(b)!],
    ['year', group(entries, (e) => [[e.year, `${e.year}年`]]), ([a], [b]) => byName(b, a)],
  ];
}

function catalogue(data: Pick<CatalogueSource, 'items' | 'subjects'>): CataloguePage[] {
  const entries = catalogueEntries(data.items);
  const base = `/${CATALOGUE_DIR}/`;
  const facets: Partial<Record<FacetKind, Facet[]>> = {};
  const facetPages: CataloguePage[] = [];
  for (const [kind, groups, order] of catalogueGroups(data, entries)) {
    const sorted = [...groups].sort(order);
    facets[kind] = sorted.map(([key, { label, entries: listed }]) => ({ kind, key, label, count: listed.length, url: catalogueFacetUrl(kind, key) }));
    for (const [key, { label, entries: listed }] of sorted) {
      const url = catalogueFacetUrl(kind, key);
      facetPages.push(...paginate({ area: 'catalogue', base: url, facet: { kind, key, label, url } }, listed));
    }
  }
  return [...paginate({ area: 'catalogue', base, facets }, entries), ...facetPages];
}

function library(entries: LibraryEntry[]): CataloguePage[] {
  const base = `/${LIBRARY_DIR}/`;
  const byState = (state: DocumentState) => entries.filter((e) => e.state === state);
  // Every status has its page, an empty one too: a filter's address does not come and go.
  const status = DOCUMENT_STATES.map((state) => ({ kind: 'status' as const, key: state, label: STATE_LABELS[state], count: byState(state).length, url: `${base}status/${state}/` }));
  return [
    ...paginate({ area: 'library', base, facets: { status } }, entries),
    ...status.flatMap(({ count: _count, ...facet }) => paginate({ area: 'library', base: facet.url, facet }, byState(facet.key as DocumentState))),
  ];
}

/** Every page of the catalogue, and of the library on the portal. */
export function cataloguePages(data: CatalogueSource): CataloguePage[] {
  return [...catalogue(data), ...(data.library ? library(data.library) : [])];
}

/** The pages a build renders: all, or in a partial render those named in SiteData.renderListPages. */
export function renderedCataloguePages(data: CatalogueSource & Pick<SiteData, 'renderListPages'>): CataloguePage[] {
  const pages = cataloguePages(data);
  if (!data.renderListPages) return pages;
  const only = new Set(data.renderListPages);
  return pages.filter((page) => only.has(page.file));
}

/** The route parameter of a page under its area's folder: `subject/04/page/2`; undefined for the area's first page. */
export function pageParam(file: string): string | undefined {
  return file.slice(file.indexOf('/') + 1, -'index.html'.length).replace(/\/$/, '') || undefined;
}
