// One site: its configuration and its content items, with every problem found on the way.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { loadItems, type ContentItem } from './load-items.ts';
import { loadSiteConfig } from './load-site-config.ts';

export interface SiteModel {
  id: string;
  config: SiteConfig;
  /** Published items (drafts removed), newest first. */
  items: ContentItem[];
}

export interface LoadedSite {
  id: string;
  model?: SiteModel;
  diagnostics: Diagnostic[];
}

/** Every site the platform has: a folder under sites/ or under content/ (which then lacks its site.yaml). */
export async function discoverSiteIds(root: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const folder of ['sites', 'content']) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_')) ids.add(entry.name);
    }
  }
  return [...ids].sort();
}

export function byNewestFirst(a: ContentItem, b: ContentItem): number {
  return a.data.pubDate < b.data.pubDate ? 1 : a.data.pubDate > b.data.pubDate ? -1 : a.id.localeCompare(b.id);
}

export async function loadSite(root: string, siteId: string): Promise<LoadedSite> {
  const { config, diagnostics } = await loadSiteConfig(root, siteId);
  if (!config) return { id: siteId, diagnostics };
  const loaded = await loadItems(root, siteId, config);
  const all = [...diagnostics, ...loaded.diagnostics].sort(compareDiagnostics);
  if (hasErrors(all)) return { id: siteId, diagnostics: all };
  const items = loaded.items.filter((item) => !item.data.draft).sort(byNewestFirst);
  return { id: siteId, model: { id: siteId, config, items }, diagnostics: all };
}
