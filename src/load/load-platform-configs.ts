// Every site's validated configuration, for rules that look across the platform.
import type { PlatformSite } from '../check/site-rules/index.ts';
import { discoverSiteIds } from './discover-sites.ts';
import { loadSiteConfig } from './load-site-config.ts';

export async function loadPlatformConfigs(root: string): Promise<Map<string, PlatformSite>> {
  const sites = new Map<string, PlatformSite>();
  for (const id of await discoverSiteIds(root)) {
    const loaded = await loadSiteConfig(root, id);
    if (loaded.config) sites.set(id, { id, config: loaded.config, file: loaded.file, locate: loaded.locate });
  }
  return sites;
}
