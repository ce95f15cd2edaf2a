// The keys of a site's build: hashes of the inputs (build-inputs.ts) that each part of the output
// is made from. The build record keeps them; the planner (plan-build.ts) compares them with the
// previous build's to decide what to make again.
//
// - input: everything (the program, the platform data, the site's files, the items it
//   republishes, the site data as the templates read it). Equal: the published output is kept.
// - shared: what every item page reads besides its own item (the program, the platform data, the
//   configuration and assets, the site data without the items). Differs: every page is rendered.
// - items: per item, its entry in the site data, the leave-site page of its reprint's original,
//   its MDX file and the files of its folder. Differs: that item's page is rendered again.
// - listPages: per column list page, its column, number, count and items' summaries; per page
//   of the 政府信息公开目录 and the portal's 政策文件库 (catalogue-pages.ts), its entries and facets.
// - siteData: the whole site data as the templates read it. Equal, with only plain bodies
//   changed: the pages are patched without Astro (src/render/body-patch.ts).
//
// --now counts by its date only: the templates read nothing finer (a unit test holds them to it),
// so builds on one day share keys and the next day's build renders afresh.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SiteData } from '../render/site-data.ts';
import { animationListing } from '../render/animation-listing.ts';
import { columnListPages } from '../render/list-pages.ts';
import { cataloguePages } from '../render/catalogue-pages.ts';
import { mapLimited } from '../util/map-limited.ts';
import { filesUnder, hashFiles, type FileDigests } from '../util/hash-files.ts';
import { programFingerprint, republishedFiles, siteFolders } from './build-inputs.ts';
import { dataTemplatesRead, templatesReadJson } from './templates-read.ts';

/** Bumped when what a key covers changes: older records then plan a full render. */
const KEYS_VERSION = 4;

export interface SiteKeys {
  input: string;
  shared: string;
  items: Record<string, string>;
  listPages: Record<string, string>;
  siteData: string;
}

/** Key of everything the output is made from: equal to the published build's, the output is kept (computed before the page keys, which a kept output never needs). */
export async function inputKey(root: string, data: SiteData, known?: FileDigests): Promise<string> {
  const hash = createHash('sha256').update(`govsite build ${KEYS_VERSION}\0${await programFingerprint(root)}\0`);
  hash.update(templatesReadJson(data));
  hash.update('\0');
  for (const folder of siteFolders(data.id)) await hashFiles(hash, root, await filesUnder(path.join(root, folder)), known);
  await hashFiles(hash, root, await republishedFiles(root, data), known);
  return hash.digest('hex');
}

async function sharedKey(root: string, data: SiteData, known?: FileDigests): Promise<string> {
  const hash = createHash('sha256').update(`item pages ${KEYS_VERSION}\0${await programFingerprint(root)}\0`);
  // The library (OPEN-04) shows on its own pages only, keyed as list pages: a department's edit
  // renders the portal's library pages again, not every page of the portal.
  const { items: _items, leaving: _leaving, library: _library, ...rest } = dataTemplatesRead(data);
  hash.update(JSON.stringify(rest));
  // The listed animations name every GIF and WebP body image of the site (LAY-07, animation-listing.ts).
  hash.update(`\0${animationListing(data.items).key}\0`);
  await hashFiles(hash, root, await filesUnder(path.join(root, 'sites', data.id)), known);
  return hash.digest('hex');
}

/** Item id → key of its page's own inputs. */
export async function itemPageKeys(root: string, data: SiteData, known?: FileDigests): Promise<Record<string, string>> {
  const leavingByUrl = new Map(data.leaving.map((page) => [page.url, page]));
  const keys = await mapLimited(data.items, 16, async (item) => {
    const hash = createHash('sha256').update(JSON.stringify(item));
    const reprintNotice = item.data.reprint && leavingByUrl.get(item.data.reprint.url);
    hash.update(`\0${reprintNotice ? reprintNotice.hash : ''}\0`);
    const file = path.join(root, item.file);
    await hashFiles(hash, root, item.assetBase ? await filesUnder(path.dirname(file)) : [file], known);
    return hash.digest('hex');
  });
  return Object.fromEntries(data.items.map((item, i) => [item.id, keys[i]!]));
}

/** List page (output-relative file: a column's, the catalogue's, the library's) → key of what it shows: equal keys, equal pages. */
export function listPageKeys(data: SiteData): Record<string, string> {
  const key = (shown: unknown) => createHash('sha256').update(`list page ${KEYS_VERSION}\0${JSON.stringify(shown)}`).digest('hex');
  return Object.fromEntries([
    // An item's body hash guards the compile's input and shows on no list page (checked-body.ts).
    ...columnListPages(data).map(({ file, items, ...shown }) => [file, key({ ...shown, items: items.map(({ bodyHash: _bodyHash, ...item }) => item) })]),
    ...cataloguePages(data).map(({ file, ...shown }) => [file, key(shown)]),
  ]);
}

/** Key of everything in the site data, as the templates read it: equal keys, equal pages but for the bodies. */
export function siteDataKey(data: SiteData): string {
  return createHash('sha256').update(`site data ${KEYS_VERSION}\0${templatesReadJson(data)}`).digest('hex');
}

/** All keys of a site's build, `input` already computed (inputKey). `known`: digests of files this run has read already (hash-files.ts). */
export async function siteKeys(root: string, data: SiteData, known?: FileDigests, input?: string): Promise<SiteKeys> {
  const [inputOrKnown, shared, items] = await Promise.all([input ?? inputKey(root, data, known), sharedKey(root, data, known), itemPageKeys(root, data, known)]);
  return { input: inputOrKnown, shared, items, listPages: listPageKeys(data), siteData: siteDataKey(data) };
}
