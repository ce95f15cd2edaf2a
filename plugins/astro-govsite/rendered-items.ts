// The items whose pages a build renders: all of them, or in a partial render only those named in
// SiteData.renderOnly (src/build/incremental-render.ts). Its own module, with type imports only,
// so the item route can use it without bundling the loader's code.
import type { ItemSummary, SiteData } from './site-data.ts';

export function renderedItems(data: Pick<SiteData, 'items' | 'renderOnly'>): ItemSummary[] {
  if (!data.renderOnly) return data.items;
  const only = new Set(data.renderOnly);
  return data.items.filter((item) => only.has(item.id));
}

/**
 * The order item pages are rendered in, and added to the search index in (src/build/written-pages.ts):
 * oldest first. The site data lists items newest first, and an edit mostly touches recent items
 * or adds one; with the oldest first, the pages an edit carries over unchanged come before the
 * ones it renders again, so they are indexed while Astro is still starting up. The order must
 * not depend on what changed: the bundle's bytes follow it.
 */
/** An item with a page of its own on the site (a directory URL), which the search index holds. */
export function hasItemPage(item: { url: string }): boolean {
  return /^\/.*\/$/.test(item.url);
}

export function inRenderOrder<T>(items: readonly T[]): T[] {
  return [...items].reverse();
}
