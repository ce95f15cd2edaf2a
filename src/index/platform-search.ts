// SRCH-03 全省政府网站信息统一搜索: the provincial portal searches every site of the platform at
// once, in the browser, by merging the other sites' Pagefind bundles into its own (mergeIndex).
//
// The portal's output carries a copy of each other site's bundle under
// `/pagefind-sites/<siteId>/`, listed with the site's name and domain in
// `/pagefind-sites/sites.json`: the search then needs no other origin (no CORS, a plain CSP), and
// works the same from a folder served on loopback as from the portal's domain. Result links
// point at each site's own domain.
//
// The copies are kept current from both sides:
// - the portal, when it is built, copies the bundles the other sites have published;
// - after any site is published, the portal's published copy of that site's bundle is replaced.
// So whatever order sites are built in (in parallel, or `--site` / `--changed` alone), the
// portal ends up with the bundle each site last published.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { discoverSiteIds } from '../config/discover-sites.ts';
import { loadSiteConfig } from '../config/load-site-config.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { BUNDLE_DIR, partFolder, partOfFolder, PLATFORM_DIR } from './search-parts.ts';
import { isPlatformPortal } from './portal.ts';
import { refreshIntegrityManifest } from '../publish/integrity-manifest.ts';
import { linkTree } from '../util/link-files.ts';
import { siteLock, withLocks } from '../util/run-lock.ts';

export const PLATFORM_MANIFEST = 'sites.json';

export interface PlatformSite {
  id: string;
  name: string;
  /** Where result links go: `https://<domain>/`. */
  baseUrl: string;
  /** Site-relative URL of the copied bundle on the portal. */
  bundlePath: string;
  /** Parts of the site's index: part N (N ≥ 1) is at `<bundlePath>part-N/`. */
  parts: number;
}


interface PlatformConfigs {
  portal?: string;
  sites: Array<{ id: string; config: SiteConfig }>;
  /**
   * Sites whose site.yaml cannot be read now. Their last good bundle stays listed as it was: one
   * site's broken configuration must not change another site's output (SECURITY.md, isolation).
   */
  unreadable: string[];
}

async function platformConfigs(root: string): Promise<PlatformConfigs> {
  const sites: PlatformConfigs['sites'] = [];
  const unreadable: string[] = [];
  for (const id of await discoverSiteIds(root)) {
    const { config } = await loadSiteConfig(root, id).catch(() => ({ config: undefined }));
    if (config) sites.push({ id, config });
    else unreadable.push(id);
  }
  const portals = sites.filter((s) => isPlatformPortal(s.config));
  // With more than one provincial portal the platform is misconfigured (SITE rules report it);
  // the one without a parent is the platform's own.
  const portal = portals.find((s) => !s.config.parent) ?? portals[0];
  return { portal: portal?.id, sites, unreadable };
}

async function previousListing(platformDir: string): Promise<Map<string, PlatformSite>> {
  try {
    const listed = JSON.parse(await readFile(path.join(platformDir, PLATFORM_MANIFEST), 'utf8')) as PlatformSite[];
    return new Map(listed.map((site) => [site.id, site]));
  } catch {
    return new Map();
  }
}

const bundleEntry = (dir: string) => path.join(dir, 'pagefind-entry.json');

/** The folders of a bundle's parts after part 0 (src/index/search-parts.ts), in order. */
async function partFolders(bundle: string): Promise<string[]> {
  const parts = (await readdir(bundle)).map(partOfFolder).filter((part) => part !== undefined);
  return parts.sort((a, b) => a - b).map(partFolder);
}

async function sameBundle(a: string, b: string): Promise<boolean> {
  if (!existsSync(bundleEntry(a)) || !existsSync(bundleEntry(b))) return false;
  // The entry file names the hashes of every index file: equal entries, equal bundles.
  const entries = async (dir: string) =>
    Promise.all(['', ...(await partFolders(dir))].map((part) => readFile(bundleEntry(path.join(dir, part)), 'utf8').catch(() => '')));
  return JSON.stringify(await entries(a)) === JSON.stringify(await entries(b));
}

/** Replaces `target` by a copy of `source` in one rename, so a reader never sees half a bundle. */
async function replaceWithCopy(source: string, target: string): Promise<void> {
  const temporary = `${target}.copying`;
  const previous = `${target}.previous`;
  await rm(temporary, { recursive: true, force: true });
  await rm(previous, { recursive: true, force: true });
  // Merged indexes run on the portal's own Pagefind script and WebAssembly: only the index files
  // (entry, meta, index, fragment and filter chunks) are needed.
  await linkTree(source, temporary, (file) => !/(?:\.js|\.pagefind)$/.test(file));
  if (existsSync(target)) await rename(target, previous);
  await rename(temporary, target);
  await rm(previous, { recursive: true, force: true });
}

/**
 * Brings `<portalDir>/pagefind-sites/` in line with the bundles the other sites have published
 * under `outRoot`: copies new or changed ones, removes those of sites no longer on the platform,
 * and writes the manifest the search page reads.
 */
async function syncInto(portalDir: string, outRoot: string, configs: PlatformConfigs): Promise<{ listed: PlatformSite[]; changed: string[] }> {
  const platformDir = path.join(portalDir, PLATFORM_DIR);
  await mkdir(platformDir, { recursive: true });
  const listed: PlatformSite[] = [];
  // The copies replaced or removed: only their files need hashing again (integrity manifest).
  const changed: string[] = [];
  for (const { id, config } of configs.sites) {
    if (id === configs.portal) continue;
    const published = path.join(outRoot, id, BUNDLE_DIR);
    const copy = path.join(platformDir, id);
    if (!existsSync(bundleEntry(published))) {
      // Not built yet (or never successfully): a copy from an earlier build is still the best there is.
      if (!existsSync(bundleEntry(copy))) continue;
    } else if (!(await sameBundle(published, copy))) {
      await replaceWithCopy(published, copy);
      changed.push(id);
    }
    // Copies made by an earlier version held the scripts too: they are never loaded.
    for (const file of await readdir(copy)) {
      if (/(?:\.js|\.pagefind)$/.test(file)) {
        await rm(path.join(copy, file), { force: true });
        if (!changed.includes(id)) changed.push(id);
      }
    }
    const parts = 1 + (await partFolders(copy)).length;
    listed.push({ id, name: config.name, baseUrl: `https://${config.domain}/`, bundlePath: `/${PLATFORM_DIR}/${id}/`, parts });
  }
  // A site whose configuration is broken now keeps the copy and the entry it had.
  const previous = await previousListing(platformDir);
  for (const id of configs.unreadable) {
    const entry = previous.get(id);
    if (entry && id !== configs.portal && existsSync(bundleEntry(path.join(platformDir, id)))) listed.push(entry);
  }
  listed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keep = new Set([...listed.map((s) => s.id), PLATFORM_MANIFEST]);
  for (const entry of await readdir(platformDir)) {
    if (!keep.has(entry)) {
      await rm(path.join(platformDir, entry), { recursive: true, force: true });
      changed.push(entry);
    }
  }
  // Written beside and renamed over: the file may be a link to the published portal's copy (linkTree).
  const manifest = path.join(platformDir, PLATFORM_MANIFEST);
  await writeFile(`${manifest}.new`, `${JSON.stringify(listed, null, 2)}\n`);
  await rename(`${manifest}.new`, manifest);
  return { listed, changed };
}

/** One sync at a time: parallel site builds in this process share the portal's folder. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Before the portal is published: puts the other sites' bundles into its staging folder.
 * Does nothing for other sites. Throws when the copies cannot be made (the portal then fails).
 */
export function addPlatformBundles(siteId: string, stagingDir: string, root: string, outRoot: string): Promise<PlatformSite[]> {
  return serialized(async () => {
    const configs = await platformConfigs(root);
    if (configs.portal !== siteId) return [];
    // Start from the copies the published portal already has, then bring them up to date.
    const published = path.join(outRoot, siteId, PLATFORM_DIR);
    if (existsSync(published)) await linkTree(published, path.join(stagingDir, PLATFORM_DIR));
    return (await syncInto(stagingDir, outRoot, configs)).listed;
  });
}

/**
 * After any site is published: refreshes the published portal's copies. Never throws (the site
 * itself is published by then): a failure is a warning in the build log, and the next build of
 * any site tries again.
 */
export function refreshPlatformSearch(root: string, outRoot: string): Promise<void> {
  return serialized(async () => {
    try {
      const configs = await platformConfigs(root);
      const portal = configs.portal;
      if (!portal || !existsSync(path.join(outRoot, portal, 'index.html'))) return;
      // The portal's published folder is written here: under the portal's lock (run-lock.ts),
      // which this run already holds when it builds the portal, else waits for a run that does.
      await withLocks([siteLock(outRoot, portal)], async () => {
        if (!existsSync(path.join(outRoot, portal, 'index.html'))) return;
        const { changed } = await syncInto(path.join(outRoot, portal), outRoot, configs);
        // PUB-02: the portal's integrity manifest must list the copies as they now are.
        await refreshIntegrityManifest(path.join(outRoot, portal), portal, PLATFORM_DIR, changed);
      });
    } catch (error) {
      process.stderr.write(`警告：全省统一搜索的索引副本没有更新（${(error as Error).message}），下次构建任一网站时会重试\n`);
    }
  });
}
