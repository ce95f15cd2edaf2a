// Lookups the templates share over the site data.
import data from 'virtual:govsite/site';
import type { ItemSummary } from '../../src/render/site-data.ts';
import { itemsOfColumn } from '../../src/render/list-pages.ts';
import type { ColumnConfig } from '../../src/schema/site-schema.ts';

export const site = data;
export const config = data.config;

export function columnUrl(columnId: string, page = 1): string {
  return page === 1 ? `/${columnId}/` : `/${columnId}/page/${page}/`;
}

export function findColumn(columnId: string): ColumnConfig | undefined {
  return config.columns.find((c) => c.id === columnId);
}

export function subColumns(columnId: string): ColumnConfig[] {
  return config.columns.filter((c) => c.parent === columnId);
}

/** Items of a column, including those of its sub-columns, newest first. */
export function itemsOf(columnId: string): ItemSummary[] {
  return itemsOfColumn(data, columnId);
}

export function firstItemOfType(type: string): ColumnConfig | undefined {
  return config.columns.find((c) => c.type === type);
}

export function channelHref(channel: { column?: string; path?: string }): string {
  return channel.column ? columnUrl(channel.column) : (channel.path ?? '/');
}
