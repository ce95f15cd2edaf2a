// Completing a partial render (src/incremental/plan-build.ts): the pages the plan does not render
// again are taken from the published output.
//
// Item metadata reaches the templates from the govsite loader (virtual:govsite/site), and only
// the item pages render MDX bodies. So when the program, the site's configuration and the rest
// of the site data are unchanged, the Astro worker is told which items to render
// (SiteData.renderOnly): it restricts the content collection, the item route and the copying of
// item files to them, and renders every other page (home, lists, topics, site map, feeds,
// leave-site notices) from the full site data as always. The page folders of the unchanged items
// and the `_astro/` files their pages use are then linked from the published output, and
// sitemap.xml is written again over the result. The search index, the output checks and the
// integrity manifest run over the merged output as after a full render, so the published bytes
// are those of a full build (tests/integration/incremental-render.test.ts compares them).
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ItemSummary, SiteData } from './site-data.ts';
import { hasItemPage } from './rendered-items.ts';
import { listPageFiles } from './list-page-files.ts';
import { mapLimited } from '../util/map-limited.ts';
import { filesUnder } from '../util/hash-files.ts';
import { linkFiles, linkPairs } from '../util/link-files.ts';

/** The part of a render plan (src/incremental/plan-build.ts) that carrying reads. */
export interface CarryPlan {
  /** Items rendered again. */
  render: readonly string[];
  /** List pages rendered again; undefined: all. */
  renderListPages?: readonly string[];
  /** Item id → the `_astro/` files its published page refers to. */
  previous: { assets: Record<string, string[]> };
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
  plan: CarryPlan,
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
    // The list pages (columns, catalogue, library) showing the same items as then, with the files they refer to (read from the pages: a few hundred).
    const renderedLists = new Set(plan.renderListPages);
    for (const file of listPageFiles(data)) {
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
