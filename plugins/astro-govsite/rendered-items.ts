// The items whose pages a build renders: all of them, or in a partial render only those named in
// SiteData.renderOnly (src/build/incremental-render.ts). Its own module, with type imports only,
// so the item route can use it without bundling the loader's code.
import type { ItemSummary, SiteData } from './site-data.ts';

export function renderedItems(data: Pick<SiteData, 'items' | 'renderOnly'>): ItemSummary[] {
  if (!data.renderOnly) return data.items;
  const only = new Set(data.renderOnly);
  return data.items.filter((item) => only.has(item.id));
}
