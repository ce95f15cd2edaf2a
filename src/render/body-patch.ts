// An edit that changed nothing but plain bodies is published without an Astro build (the plan's
// `patch`, src/incremental/plan-build.ts).
//
// A partial render (carry-pages.ts) still starts Astro: loading it, syncing the content,
// bundling the pages with Vite and rendering every page that is not an item page took 3–4 s of a
// 5 s edit at 1,000 items (measured 2026-12-02), for pages that come out as they were. When the
// site data is what the published output was built from (same metadata, summaries, relations,
// leave-site pages: siteData in src/incremental/site-keys.ts), and the shared key is too (configuration, date, program),
// then every page but the edited items' is what is published, byte for byte; and an edited
// item's page differs from its published page only inside `<div class="article__body">`, which
// holds the body alone. So when each edited item's body is a plain one (direct-body.ts: no image,
// no component) and the item has no folder of its own files, its page is the published page
// with the new body's HTML (body-html.ts) put in place of the old, and the rest of the output is
// linked from the published one. The search index, the output checks, the integrity manifest
// and the swap then run as after a partial render.
//
// The published pages must be what the last build wrote: the build compares them with its
// record while this runs, as it does while Astro renders, and on a difference renders the whole
// site. tests/integration/incremental-render.test.ts compares the result with a full build.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ItemSummary, SiteData } from './site-data.ts';
import { hasItemPage, itemPageFile } from './rendered-items.ts';
import { listPageFiles } from './list-page-files.ts';
import { MANIFEST_FILE } from '../publish/integrity-manifest.ts';
import { INDEX_FOLDERS } from '../index/search-parts.ts';
import { linkFiles } from '../util/link-files.ts';
import { once } from '../util/once.ts';
import { inFolderOf } from './carry-pages.ts';

/** The item page's body wrapper as the compressed template writes it ([slug].astro): tag, then one space. */
export const BODY_OPEN = '<div class="article__body"> ';
/** And its end: one space, then the tag. */
export const BODY_CLOSE = ' </div>';

/** Elements whose content is not markup: a body holding one is not patched. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'template', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/** A start or end tag, attribute values quoted or not. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/y;

/**
 * Where the body's HTML is in an item page: [start, end) inside the wrapper and its template
 * spaces. Undefined when the page does not have exactly one wrapper, or its content is not plain
 * elements and text (a comment, a raw-text element, a `<` outside a tag): what Astro escapes and
 * writes for a plain body is always the latter, so anything else is not ours to cut.
 */
export function bodyRange(page: string): [number, number] | undefined {
  const open = page.indexOf(BODY_OPEN);
  if (open < 0 || page.includes(BODY_OPEN, open + 1)) return undefined;
  const start = open + BODY_OPEN.length;
  let depth = 1;
  for (let at = page.indexOf('<', start); at >= 0; at = page.indexOf('<', TAG.lastIndex)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(page);
    if (!tag) return undefined;
    const name = tag[2]!.toLowerCase();
    if (RAW_TEXT.has(name)) return undefined;
    if (name !== 'div') continue;
    depth += tag[1] ? -1 : 1;
    if (depth > 0) continue;
    const end = at - (BODY_CLOSE.length - '</div>'.length);
    return page.startsWith(BODY_CLOSE, end) && end >= start ? [start, end] : undefined;
  }
  return undefined;
}

/** The published page with another body in place of its own, or undefined when it cannot be cut exactly. */
export function replaceBody(page: string, bodyHtml: string): string | undefined {
  const range = bodyRange(page);
  if (!range) return undefined;
  const patched = page.slice(0, range[0]) + bodyHtml + page.slice(range[1]);
  // The new body must be found where it was put: then the next edit can cut it out again.
  const again = bodyRange(patched);
  return again && again[0] === range[0] && again[1] === range[0] + bodyHtml.length ? patched : undefined;
}

const bodyHtmlModule = once(() => import('../../plugins/astro-govsite/body-html.ts'));

/** Output-relative files the patch leaves to others: the carried pages (carryPages), the index, the manifest, sitemap.xml. */
function leftToOthers(data: SiteData): (file: string) => boolean {
  const itemFolders = new Set(data.items.filter(hasItemPage).map((item) => item.url.slice(1)));
  const listPages = new Set(listPageFiles(data));
  const indexFolders = INDEX_FOLDERS.map((folder) => `${folder}/`);
  return (file) => {
    if (file === MANIFEST_FILE || file === 'sitemap.xml' || listPages.has(file)) return true;
    return indexFolders.some((folder) => file.startsWith(folder)) || inFolderOf(itemFolders, file);
  };
}

/**
 * Writes into `renderedDir` what Astro's partial render would: the edited items' pages (the
 * published page, its body replaced) and every other page and file that is not an item's or a
 * list page's, linked from the published output (`publishedFiles`: its manifest's list).
 * Returns the pages written, or undefined when one of them cannot be patched (nothing is
 * written then: the build renders with Astro).
 */
export async function patchBodies(
  root: string,
  data: SiteData,
  items: readonly ItemSummary[],
  published: string,
  publishedFiles: readonly string[],
  renderedDir: string,
): Promise<string[] | undefined> {
  const { directBodyHtml } = await bodyHtmlModule();
  const pages: Array<[string, string]> = [];
  for (const item of items) {
    const file = itemPageFile(item);
    const page = await readFile(path.join(published, file), 'utf8').catch(() => undefined);
    const patched = page && replaceBody(page, await directBodyHtml(path.resolve(root, item.file), item.bodyHash));
    if (!patched) return undefined;
    pages.push([file, patched]);
  }
  const skip = leftToOthers(data);
  // A few hundred files (home, topics, feeds, notices, styles): linked here, faster than in a thread.
  linkFiles(publishedFiles.filter((file) => !skip(file)).map((file) => [path.join(published, file), path.join(renderedDir, file)]));
  for (const [file, page] of pages) {
    await mkdir(path.dirname(path.join(renderedDir, file)), { recursive: true });
    await writeFile(path.join(renderedDir, file), page);
  }
  return pages.map(([file]) => file);
}
