// One site: its configuration and its content items, with every problem found on the way.
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { checkSiteRules } from '../check/site-rules/index.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { loadItems, type ContentItem } from './load-items.ts';
import { loadPlatformConfigs } from './load-platform-configs.ts';
import { loadSiteConfig } from './load-site-config.ts';

export { discoverSiteIds } from './discover-sites.ts';

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

export function byNewestFirst(a: ContentItem, b: ContentItem): number {
  return a.data.pubDate < b.data.pubDate ? 1 : a.data.pubDate > b.data.pubDate ? -1 : a.id.localeCompare(b.id);
}

export async function loadSite(root: string, siteId: string): Promise<LoadedSite> {
  const { config, file, locate, diagnostics } = await loadSiteConfig(root, siteId);
  if (!config) return { id: siteId, diagnostics };
  const platform = await loadPlatformConfigs(root);
  const siteDiagnostics = checkSiteRules({ site: { id: siteId, config, file, locate }, platform });
  const loaded = await loadItems(root, siteId, config);
  const all = [...diagnostics, ...siteDiagnostics, ...loaded.diagnostics].sort(compareDiagnostics);
  if (hasErrors(all)) return { id: siteId, diagnostics: all };
  const items = loaded.items.filter((item) => !item.data.draft).sort(byNewestFirst);
  return { id: siteId, model: { id: siteId, config, items }, diagnostics: all };
}
