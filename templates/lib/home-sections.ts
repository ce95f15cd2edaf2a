// What the home page shows, decided once (templates/pages/index.astro; issue 26 item 5): the
// 头条, the photo news, the 要闻, the column sections, the service and interaction entries. An item
// appears in one place only: the sections skip what the 头条, photo news and 要闻 already show
// (a policy listed twice reads as a mistake). Which columns have sections, and so what HEALTH-01
// counts, stays src/schema/home-page.ts.
import type { ItemSummary } from '../../src/render/site-data.ts';
import type { ColumnConfig } from '../../src/schema/site-schema.ts';
import { homeColumns } from '../../src/schema/home-page.ts';

export interface HomeSiteView {
  config: { columns: ColumnConfig[] };
  items: ItemSummary[];
  itemsOf: (columnId: string) => ItemSummary[];
}

export interface PhotoItem {
  item: ItemSummary;
  src: string;
  alt: string;
}

export interface HomeSections {
  headline?: ItemSummary;
  photos: PhotoItem[];
  important: ItemSummary[];
  sections: Array<{ column: ColumnConfig; items: ItemSummary[] }>;
  services: ItemSummary[];
  interaction: ColumnConfig[];
}

const INTERACTION_TYPES = ['咨询投诉', '征集调查', '在线访谈'];
const current = (item: ItemSummary) => !item.data.archived && (!item.data.status || item.data.status.state === 'valid');

/** The item's title image as published (its folder's file), with its alternative text; none without both. */
export function photoOf(item: ItemSummary): PhotoItem | undefined {
  const { image, imageAlt } = item.data;
  // A GIF may move (LAY-07: the home page has nothing that moves); it stays on its item page.
  if (!image || !imageAlt?.trim() || !image.startsWith('./') || /\.gif$/i.test(image)) return undefined;
  return { item, src: `${item.assetBase ?? item.url}${image.slice(2)}`, alt: imageAlt };
}

export function homeSections(site: HomeSiteView, limits = { photos: 3, important: 5, perSection: 6, services: 8 }): HomeSections {
  const shown = new Set<string>();
  const take = (items: ItemSummary[], count: number) => {
    const taken = items.filter((item) => !shown.has(item.id)).slice(0, count);
    for (const item of taken) shown.add(item.id);
    return taken;
  };
  const live = site.items.filter(current);
  const columns = homeColumns(site.config);
  // The 头条: the newest important item; without one, the newest of the first section's column.
  const headline = take(live.filter((item) => item.data.important), 1)[0] ?? (columns[0] ? take(site.itemsOf(columns[0].id).filter(current), 1)[0] : undefined);
  const photos = live
    .map(photoOf)
    .filter((photo): photo is PhotoItem => photo !== undefined && !shown.has(photo.item.id))
    .slice(0, limits.photos);
  for (const photo of photos) shown.add(photo.item.id);
  const important = take(live.filter((item) => item.data.important), limits.important);
  const sections = columns
    .map((column) => ({ column, items: take(site.itemsOf(column.id).filter((item) => !item.data.archived), limits.perSection) }))
    .filter((section) => section.items.length > 0);
  const serviceColumns = site.config.columns.filter((column) => column.type === '办事服务' && !column.parent);
  const services = serviceColumns.flatMap((column) => site.itemsOf(column.id).filter(current)).slice(0, limits.services);
  const interaction = site.config.columns.filter((column) => INTERACTION_TYPES.includes(column.type) && !column.parent);
  return { headline, photos, important, sections, services, interaction };
}
