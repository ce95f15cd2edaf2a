// The column list pages (templates/pages/[column]/[...page].astro): which there are and what each
// shows, from the site data alone. The route renders them from this, and a partial render
// (src/incremental/incremental-render.ts) keys each by what it shows, so that an edit renders again
// only the list pages it changes (SiteData.renderListPages): at 10,000 items there are about
// 550 of them, and rendering them all took 2.7 s of a one-item edit (2026-12-01).
import type { ColumnConfig } from '../schema/site-schema.ts';
import type { ItemSummary, SiteData } from './site-data.ts';

/** Items per list page. */
export const PAGE_SIZE = 20;

export interface ColumnListPage<Item extends { columnId: string } = ItemSummary> {
  /** Output-relative path: `news/index.html`, `news/page/2/index.html`. */
  file: string;
  column: ColumnConfig;
  /** The items this page lists, newest first. */
  items: Item[];
  pageNumber: number;
  pageCount: number;
}

/** Items of a column, including those of its sub-columns, newest first (as the site data lists them). */
export function itemsOfColumn<Item extends { columnId: string } = ItemSummary>(data: { config: SiteData['config']; items: readonly Item[] }, columnId: string): Item[] {
  const ids = new Set([columnId, ...data.config.columns.filter((c) => c.parent === columnId).map((c) => c.id)]);
  return data.items.filter((item) => ids.has(item.columnId));
}

// Generic over the item: the platform's link check (src/rules/output/source-links.ts) lists the
// pages from the loaded items, without making the site data.
export function columnListPages<Item extends { columnId: string } = ItemSummary>(data: { config: SiteData['config']; items: readonly Item[] }): ColumnListPage<Item>[] {
  return data.config.columns.flatMap((column) => {
    const items = itemsOfColumn(data, column.id);
    const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
    return Array.from({ length: pageCount }, (_, index) => ({
      file: index === 0 ? `${column.id}/index.html` : `${column.id}/page/${index + 1}/index.html`,
      column,
      items: items.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE),
      pageNumber: index + 1,
      pageCount,
    }));
  });
}

/** The list pages a build renders: all, or in a partial render those named in SiteData.renderListPages. */
export function renderedListPages(data: Pick<SiteData, 'config' | 'items' | 'renderListPages'>): ColumnListPage[] {
  const pages = columnListPages(data);
  if (!data.renderListPages) return pages;
  const only = new Set(data.renderListPages);
  return pages.filter((page) => only.has(page.file));
}
