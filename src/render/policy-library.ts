// OPEN-04 政策文件库: the provincial portal lists the policy documents of every site of the
// platform, each with its issuer and the site that published it, so a department's document is
// found in the province's library. The loader hands the portal's model the platform's buildable
// sites (SiteModel.platform, src/rules/load-site.ts); this turns them into the entries the
// portal's site data carries (SiteData.library), so the portal's build stays one unit whose
// inputs include the other sites' documents it shows (build-inputs.ts, republishedFiles).
//
// A document is in the library when it is in its site's 政府信息公开目录 (catalogue-entries.ts)
// and its column is of the type 政策文件; scheduled documents join when they are published.
import type { SiteModel } from '../rules/load-site.ts';
import { indexNumberOf } from '../content/index-number.ts';
import { catalogueEntry, isCatalogued, type LibraryEntry } from './catalogue-entries.ts';

/** The column type whose documents the library lists. */
export const LIBRARY_COLUMN_TYPE = '政策文件';

function byNewestFirst(a: LibraryEntry, b: LibraryEntry): number {
  if (a.pubDate !== b.pubDate) return a.pubDate < b.pubDate ? 1 : -1;
  if (a.siteId !== b.siteId) return a.siteId < b.siteId ? -1 : 1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/** The library of the portal whose model carries the platform (undefined for every other site). */
export function policyLibrary(model: SiteModel, now: string): LibraryEntry[] | undefined {
  if (!model.platform) return undefined;
  const entries: LibraryEntry[] = [];
  for (const site of model.platform) {
    const columns = new Set(site.config.columns.filter((c) => c.type === LIBRARY_COLUMN_TYPE).map((c) => c.id));
    const code = site.config.organizerCode ?? site.config.siteCode;
    for (const item of site.items) {
      if (item.data.pubDate > now || !columns.has(item.columnId) || !isCatalogued(item.data, Boolean(item.referenceOf))) continue;
      // Another site's document links to that site's own domain (as the platform search does).
      const url = site.id === model.id ? item.url : `https://${site.config.domain}${item.url}`;
      const indexNumber = indexNumberOf({ itemId: item.id, ...item.data }, code);
      entries.push({ ...catalogueEntry({ url, data: item.data, indexNumber }), site: site.config.name, siteId: site.id, file: item.file });
    }
  }
  return entries.sort(byNewestFirst);
}
