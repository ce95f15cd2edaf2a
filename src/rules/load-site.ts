// Sites with their configuration and content items, and every problem found on the way.
// Items refer to each other across sites, so the platform is loaded as a whole. Loading runs the
// site, content and relation rules, so it stands in src/rules; src/content only reads.
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { resolveRelations, type RelationSite } from './relations/index.ts';
import { resolveSubscriptions } from './relations/subscriptions.ts';
import { checkSiteRules, type PlatformSite } from './site/index.ts';
import { lifecycleNotices, NO_NOTICES, type NoticeCandidates } from './site/lifecycle-notices.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { currentChinaDateTime } from '../util/china-time.ts';
import type { FieldLocator } from '../config/validate-yaml.ts';
import { discoverSiteIds } from '../config/discover-sites.ts';
import { ItemLoadPool } from './item-load-pool.ts';
import { loadItems, type LoadItemsOptions } from './load-items.ts';
import { expiredDataReleases } from './content/data-release-expiry.ts';
import type { ContentItem } from '../content/items.ts';
import { loadSiteConfig, type LoadedSiteConfig } from '../config/load-site-config.ts';
import { isPlatformPortal } from '../config/platform-portal.ts';
import { subjectsSchema, type Subject } from './content/remark-disclosure-fields.ts';
import { loadPlatformDataFile } from './content/support/data-files.ts';

export { discoverSiteIds } from '../config/discover-sites.ts';

export interface SiteModel {
  id: string;
  config: SiteConfig;
  /** Published items (drafts removed), newest first. */
  items: ContentItem[];
  /** SITE-09 notices with the windows they are shown in, its children's included (see toSiteData). */
  notices: NoticeCandidates;
  /** The platform's 主题分类 (data/subject-classification.yaml): the catalogue's subject pages (OPEN-03). */
  subjects?: readonly Subject[];
  /**
   * On the provincial portal only: every buildable site of the platform, itself included, whose
   * policy documents its 政策文件库 lists (OPEN-04, src/render/policy-library.ts).
   */
  platform?: ReadonlyArray<Pick<SiteModel, 'id' | 'config' | 'items'>>;
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

/**
 * Every site of the platform under `root`, keyed by site id. `now` (`YYYY-MM-DD HH:MM`, China
 * time) is the time the lifecycle rule checks against (SITE-09); the current time when absent.
 */
export type LoadPlatformOptions = LoadItemsOptions;

export async function loadPlatform(root: string, now?: string, options: LoadPlatformOptions = {}): Promise<Map<string, LoadedSite>> {
  const at = now ?? currentChinaDateTime();
  const ids = await discoverSiteIds(root);
  const configs = new Map<string, LoadedSiteConfig>();
  for (const id of ids) configs.set(id, await loadSiteConfig(root, id));

  const platform = new Map<string, PlatformSite>();
  for (const [id, loaded] of configs) {
    if (loaded.config) platform.set(id, { id, config: loaded.config, file: loaded.file, locate: loaded.locate });
  }

  const diagnostics = new Map<string, Diagnostic[]>(ids.map((id) => [id, [...configs.get(id)!.diagnostics]]));
  const relationSites = new Map<string, RelationSite>();
  // Items loaded whole from their source go to worker threads once there are many (item-load-pool.ts).
  const ownPool = options.pool ? undefined : new ItemLoadPool();
  try {
    await Promise.all(
      [...platform.values()].map(async (site) => {
        diagnostics.get(site.id)!.push(...checkSiteRules({ site, platform, knownSiteIds: new Set(ids), now: at }));
        const loaded = await loadItems(root, site.id, site.config, { ...options, pool: options.pool ?? ownPool });
        diagnostics.get(site.id)!.push(...loaded.diagnostics, ...expiredDataReleases(loaded.items, at));
        relationSites.set(site.id, { id: site.id, config: site.config, file: site.file, locate: site.locate, items: loaded.items });
      }),
    );
  } finally {
    await ownPool?.close();
  }
  for (const [id, found] of resolveRelations(relationSites)) diagnostics.get(id)!.push(...found);
  // After relations: copies by reference carry no relations of their own.
  for (const [id, found] of resolveSubscriptions(relationSites)) diagnostics.get(id)!.push(...found);
  // SITE-09: a parent portal announces its children's launch, offline and closure; a site whose
  // lifecycle has an error announces nothing.
  const notices = lifecycleNotices(platform, (id) => !diagnostics.get(id)!.some((d) => d.ruleId === 'SITE-09' && d.severity === 'error'));

  const { subjects } = loadPlatformDataFile(root, 'subject-classification.yaml', subjectsSchema);
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
    const model = source && !hasErrors(all) ? { id, config: source.config, items: source.items, notices: notices.get(id) ?? NO_NOTICES, subjects } : undefined;
    sites.set(id, { id, model, source, diagnostics: all });
  }
  // OPEN-04: the portal's library lists the documents of the sites that build (a site with
  // errors publishes nothing new, so its documents would link to pages that may not exist).
  const models = [...sites.values()].flatMap((site) => (site.model ? [site.model] : []));
  const platformSites = models.map(({ id, config, items }) => ({ id, config, items }));
  for (const model of models) if (isPlatformPortal(model.config)) model.platform = platformSites;
  return sites;
}

/** One site, checked in the context of its platform (at `now`, as loadPlatform). */
export async function loadSite(root: string, siteId: string, now?: string): Promise<LoadedSite> {
  return (await loadPlatform(root, now)).get(siteId) ?? { id: siteId, diagnostics: [] };
}
