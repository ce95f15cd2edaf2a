// The items whose pages a build renders: all of them, or in a partial render only those named in
// SiteData.renderOnly (src/incremental/plan-build.ts). Its own module, with type imports only
// besides the part arithmetic, so the item route can use it without bundling the loader's code.
import { partOf } from '../index/search-parts.ts';
import type { ItemSummary, SiteData } from './site-data.ts';

export function renderedItems(data: Pick<SiteData, 'items' | 'renderOnly'>): ItemSummary[] {
  if (!data.renderOnly) return data.items;
  const only = new Set(data.renderOnly);
  return data.items.filter((item) => only.has(item.id));
}

/** An item with a page of its own on the site (a directory URL), which the search index holds. */
export function hasItemPage(item: { url: string }): boolean {
  return /^\/.*\/$/.test(item.url);
}

/** Output-relative path of an item's page: `/news/a/` → `news/a/index.html`. */
export function itemPageFile(item: { url: string }): string {
  return `${item.url.slice(1)}index.html`;
}

/**
 * The order item pages are rendered in, and added to the search index in (src/render/written-pages.ts):
 * part by part of the search index (src/index/search-parts.ts), and in each part oldest first.
 * - Part by part: a part is complete, written and dropped from Pagefind's memory as soon as its
 *   last page is in, so Pagefind holds one part at a time, not the whole site (at 25,000 items
 *   it held 1.3 GB by the end).
 * - Oldest first: the site data lists items newest first, and an edit mostly touches recent items
 *   or adds one; with the oldest first, the pages an edit carries over unchanged come before the
 *   ones it renders again, so they are indexed while Astro is still starting up.
 * The order must not depend on what changed: the bundle's bytes follow it. The parts' count
 * follows from the number of item pages alone (SiteData.searchParts).
 */
export function inRenderOrder<T extends { url: string }>(items: readonly T[], parts: number): T[] {
  const oldestFirst = [...items].reverse();
  if (parts <= 1) return oldestFirst;
  const partOfItem = new Map(oldestFirst.map((item) => [item, partOf(itemPageFile(item), parts)]));
  // Array.prototype.sort is stable: oldest first within each part.
  return oldestFirst.sort((a, b) => partOfItem.get(a)! - partOfItem.get(b)!);
}
