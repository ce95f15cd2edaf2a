// Sites with their configuration and content items, and every problem found on the way.
// Items refer to each other across sites, so the platform is loaded as a whole.
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { resolveRelations, type RelationSite } from '../check/relations/index.ts';
import { resolveSubscriptions } from '../check/relations/subscriptions.ts';
import { checkSiteRules, type PlatformSite } from '../check/site-rules/index.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import type { FieldLocator } from './validate-yaml.ts';
import { discoverSiteIds } from './discover-sites.ts';
import { loadItems, type ContentItem } from './load-items.ts';
import { loadSiteConfig, type LoadedSiteConfig } from './load-site-config.ts';

export { discoverSiteIds } from './discover-sites.ts';

export interface SiteModel {
  id: string;
  config: SiteConfig;
  /** Published items (drafts removed), newest first. */
  items: ContentItem[];
}

export interface LoadedSite {
  id: string;
  /** Present only when the site has no errors: it can be built. */
  model?: SiteModel;
  /** Present whenever site.yaml is valid, errors or not: what inspections read. */
  source?: {
    config: SiteConfig;
    /** Project-relative path of site.yaml and where its fields are. */
    file: string;
    locate: FieldLocator;
    /** Published items (drafts removed), newest first, copies by reference included. */
    items: ContentItem[];
  };
  diagnostics: Diagnostic[];
}

export function byNewestFirst(a: ContentItem, b: ContentItem): number {
  return a.data.pubDate < b.data.pubDate ? 1 : a.data.pubDate > b.data.pubDate ? -1 : a.id.localeCompare(b.id);
}

/** Every site of the platform under `root`, keyed by site id. */
export async function loadPlatform(root: string): Promise<Map<string, LoadedSite>> {
  const ids = await discoverSiteIds(root);
  const configs = new Map<string, LoadedSiteConfig>();
  for (const id of ids) configs.set(id, await loadSiteConfig(root, id));

  const platform = new Map<string, PlatformSite>();
  for (const [id, loaded] of configs) {
    if (loaded.config) platform.set(id, { id, config: loaded.config, file: loaded.file, locate: loaded.locate });
  }

  const diagnostics = new Map<string, Diagnostic[]>(ids.map((id) => [id, [...configs.get(id)!.diagnostics]]));
  const relationSites = new Map<string, RelationSite>();
  await Promise.all(
    [...platform.values()].map(async (site) => {
      diagnostics.get(site.id)!.push(...checkSiteRules({ site, platform, knownSiteIds: new Set(ids) }));
      const loaded = await loadItems(root, site.id, site.config);
      diagnostics.get(site.id)!.push(...loaded.diagnostics);
      relationSites.set(site.id, { id: site.id, config: site.config, file: site.file, locate: site.locate, items: loaded.items });
    }),
  );
  for (const [id, found] of resolveRelations(relationSites)) diagnostics.get(id)!.push(...found);
  // After relations: copies by reference carry no relations of their own.
  for (const [id, found] of resolveSubscriptions(relationSites)) diagnostics.get(id)!.push(...found);

  const sites = new Map<string, LoadedSite>();
  for (const id of ids) {
    const all = diagnostics.get(id)!.sort(compareDiagnostics);
    const relationSite = relationSites.get(id);
    const source = relationSite && {
      config: relationSite.config,
      file: relationSite.file,
      locate: relationSite.locate,
      items: relationSite.items.filter((item) => !item.data.draft).sort(byNewestFirst),
    };
    const model = source && !hasErrors(all) ? { id, config: source.config, items: source.items } : undefined;
    sites.set(id, { id, model, source, diagnostics: all });
  }
  return sites;
}

/** One site, checked in the context of its platform. */
export async function loadSite(root: string, siteId: string): Promise<LoadedSite> {
  return (await loadPlatform(root)).get(siteId) ?? { id: siteId, diagnostics: [] };
}
