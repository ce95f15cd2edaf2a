// A one-item edit re-renders the pages that edit can change, not the whole site (issue 8).
//
// Item metadata reaches the templates from the govsite loader (virtual:govsite/site), and only
// the item pages render MDX bodies. So when the program, the site's configuration and the rest
// of the site data are unchanged, the Astro worker is told which items to render
// (SiteData.renderOnly): it restricts the content collection, the item route and the copying of
// item files to them, and renders every other page (home, lists, topics, site map, feeds,
// leave-site notices) from the full site data as always. The page folders of the unchanged items
// and the `_astro/` files their pages use are then taken from the published output, and
// sitemap.xml is written again over the result. The search index, the output checks and the
// integrity manifest run over the merged output as after a full render, so the published bytes
// are those of a full build (tests/integration/incremental-render.test.ts compares them).
//
// What an item page is made from, in its key: its entry in the site data (metadata, relations,
// reference), the leave-site page of its reprint's original, its MDX file and the files of its
// folder. Everything else an item page reads (configuration, the date, the program) is in the
// shared key; when that differs, the whole site is rendered.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ItemSummary, SiteData } from '../render/site-data.ts';
import { hasItemPage } from '../render/rendered-items.ts';
import { columnListPages } from '../render/list-pages.ts';
import { mapLimited } from '../util/map-limited.ts';
import { filesUnder, hashFiles, type FileDigests } from '../util/hash-files.ts';
import { linkFiles, linkPairs } from '../util/link-files.ts';
import { programFingerprint, type BuildRecord } from './build-cache.ts';
import { dataTemplatesRead } from './templates-read.ts';

/** The record's part about item pages, kept for the next build's plan. */
export interface ItemPagesRecord {
  /** Key of everything an item page reads besides its own item. */
  shared: string;
  /** Item id → key of its page's own inputs. */
  items: Record<string, string>;
  /** Item id → the `_astro/` files its page refers to (stylesheets, scripts, images). */
  assets: Record<string, string[]>;
  /** Key of each part of the search index (src/index/search-parts.ts), for taking unchanged parts next time. */
  searchParts?: string[];
  /** Column list page (output-relative file) → key of what it shows (src/render/list-pages.ts). */
  listPages?: Record<string, string>;
  /** Key of the whole site data (body-patch.ts): equal, and only plain bodies changed, no Astro build is needed. */
  siteData?: string;
}

export interface RenderPlan {
  /** Items whose pages are rendered again: new or changed. The pages of items gone are simply not carried over. */
  render: string[];
  /** Column list pages rendered again, those whose items changed; undefined: all of them. */
  renderListPages?: string[];
  previous: ItemPagesRecord;
}

/** Past this share of changed items a full render costs about the same, and is simpler. */
const MAX_CHANGED_SHARE = 0.5;

export async function sharedPageKey(root: string, data: SiteData, known?: FileDigests): Promise<string> {
  const hash = createHash('sha256').update(`item pages 1\0${await programFingerprint()}\0`);
  const { items: _items, leaving: _leaving, ...rest } = dataTemplatesRead(data);
  hash.update(JSON.stringify(rest));
  await hashFiles(hash, root, await filesUnder(path.join(root, 'sites', data.id)), known);
  return hash.digest('hex');
}

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

/**
 * What a column list page shows besides the shared data: its column, page number and count and
 * its items (each item's summary is all ItemList reads of it). Equal keys, equal pages.
 */
export function listPageKeys(data: SiteData): Record<string, string> {
  return Object.fromEntries(
    // An item's body hash guards the compile's input and shows on no list page (checked-body.ts).
    columnListPages(data).map(({ file, items, ...shown }) => {
      const listed = items.map(({ bodyHash: _bodyHash, ...item }) => item);
      return [file, createHash('sha256').update(`list page 1\0${JSON.stringify({ ...shown, items: listed })}`).digest('hex')];
    }),
  );
}

/** Which item pages (and list pages) to render again, or undefined when the whole site must be rendered. */
export function planRender(record: BuildRecord | undefined, shared: string, keys: Record<string, string>, listKeys: Record<string, string> = {}): RenderPlan | undefined {
  const previous = record?.itemPages;
  if (!previous || previous.shared !== shared) return undefined;
  const render = Object.keys(keys).filter((id) => previous.items[id] !== keys[id]);
  const removed = Object.keys(previous.items).filter((id) => !(id in keys)).length;
  if (render.length + removed > MAX_CHANGED_SHARE * Math.max(1, Object.keys(keys).length)) return undefined;
  const listed = previous.listPages;
  const renderListPages = listed && Object.keys(listKeys).filter((file) => listed[file] !== listKeys[file]);
  return { render, renderListPages, previous };
}

/** Whether an output-relative file is inside one of `folders` (each `a/b/`), at any depth. */
export function inFolderOf(folders: ReadonlySet<string>, file: string): boolean {
  for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) if (folders.has(file.slice(0, slash + 1))) return true;
  return false;
}

const ASSET_REF = /\/_astro\/[^"'\s),]+/g;

/** The `_astro/` files each rendered item page refers to; the others' come from `carried`. */
export async function itemAssets(outDir: string, items: readonly ItemSummary[], rendered: ReadonlySet<string> | undefined, carried: Record<string, string[]> = {}): Promise<Record<string, string[]>> {
  const found = await mapLimited(items, 64, async (item) => {
    if (rendered && !rendered.has(item.id)) return carried[item.id] ?? [];
    const html = await readFile(path.join(outDir, item.url, 'index.html'), 'utf8').catch(() => '');
    return [...new Set([...html.matchAll(ASSET_REF)].map((m) => m[0].slice(1)))].sort();
  });
  return Object.fromEntries(items.map((item, i) => [item.id, found[i]!]));
}

/**
 * The first half of completing a partial render, run while Astro renders the changed pages into
 * a folder of their own: links into `staging` the folders of the items not rendered again and
 * the list pages not rendered again, from the published output. Returns the `_astro/` files
 * those pages use, for carryAssets once Astro is done, and the files linked (relative to
 * `staging`, POSIX). Many links are made in a worker thread (linkPairs), so the search index
 * this process feeds meanwhile keeps going; a few hundred are made here: a small site's 425
 * took 20 ms on this thread, and a worker thread 70 ms of CPU alone, about 0.3 s beside Astro
 * and Pagefind (profiled 2026-12-03), on the two cores the edit waits for.
 */
export async function carryPages(
  published: string,
  staging: string,
  data: SiteData,
  plan: RenderPlan,
  publishedFiles?: readonly string[],
): Promise<{ assets: Set<string>; files: string[] }> {
  const rendered = new Set(plan.render);
  const copies: Array<[string, string]> = [];
  const carriedFolders = new Set(data.items.filter((item) => hasItemPage(item) && !rendered.has(item.id)).map((item) => item.url.slice(1)));
  if (publishedFiles) {
    // The published output's file list (its integrity manifest): no folder is listed again.
    for (const file of publishedFiles) if (inFolderOf(carriedFolders, file)) copies.push([path.join(published, file), path.join(staging, file)]);
  } else {
    for (const folder of carriedFolders) {
      const from = path.join(published, folder);
      for (const file of await filesUnder(from)) {
        // A nested item (a slug folder inside another item's folder) is never the case: slugs are flat.
        copies.push([file, path.join(staging, folder, path.relative(from, file))]);
      }
    }
  }
  const assets = new Set<string>();
  for (const item of data.items) if (!rendered.has(item.id)) for (const asset of plan.previous.assets[item.id] ?? []) assets.add(asset);
  if (plan.renderListPages) {
    // The list pages showing the same items as then, with the files they refer to (read from the pages: a few hundred).
    const renderedLists = new Set(plan.renderListPages);
    for (const { file } of columnListPages(data)) {
      if (renderedLists.has(file)) continue;
      const from = path.join(published, file);
      copies.push([from, path.join(staging, file)]);
      for (const match of readFileSync(from, 'utf8').matchAll(ASSET_REF)) assets.add(match[0].slice(1));
    }
  }
  await linkPairs(copies);
  return { assets, files: copies.map(([, to]) => outputRelative(staging, to)) };
}

const outputRelative = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

/**
 * The second half, once Astro is done: links the pages Astro rendered (`renderedDir`) into
 * `staging`, and from the published output the `_astro/` files of the carried pages that the
 * render did not make. Returns the files linked (relative to `staging`, POSIX).
 */
export async function carryAssets(published: string, staging: string, renderedDir: string, assets: ReadonlySet<string>): Promise<string[]> {
  const copies: Array<[string, string]> = (await filesUnder(renderedDir)).map((file) => [file, path.join(staging, path.relative(renderedDir, file))]);
  for (const asset of assets) {
    if (!existsSync(path.join(renderedDir, asset))) copies.push([path.join(published, asset), path.join(staging, asset)]);
  }
  linkFiles(copies);
  return copies.map(([, to]) => outputRelative(staging, to));
}
