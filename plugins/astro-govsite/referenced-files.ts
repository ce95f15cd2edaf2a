// The original MDX files that a site republishes by reference (PUB-07): Astro must render their
// bodies too. The build hands them over in the site data file; the dev server loads the platform.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderedItems } from '../../src/render/rendered-items.ts';
import type { SiteData } from '../../src/render/site-data.ts';

const dataFiles = new Map<string, Promise<SiteData>>();
/** The site data file the build hands the worker, read once for both collections (it holds every item). */
function readSiteData(dataFile: string): Promise<SiteData> {
  let data = dataFiles.get(dataFile);
  if (!data) {
    data = readFile(dataFile, 'utf8').then((text) => JSON.parse(text) as SiteData);
    dataFiles.set(dataFile, data);
  }
  return data;
}

/** Paths relative to `<contentRoot>/content/`, e.g. `shili/policies/a.mdx`. */
export async function referencedFiles(contentRoot: string, siteId: string, dataFile: string | undefined): Promise<string[]> {
  let files: string[];
  if (dataFile) {
    const data = await readSiteData(dataFile);
    files = renderedItems(data).filter((item) => item.reference && !item.directBody).map((item) => item.file);
  } else {
    // Only the dev server loads the site here: imported when needed, since Astro runs the content
    // configuration through Vite, which would otherwise transform the whole loading pipeline on
    // every build (most of a partial render's 3–6 s content sync, measured 2026-12-01).
    const { loadSite } = await import('../../src/rules/load-site.ts');
    const loaded = await loadSite(contentRoot, siteId);
    // The dev server takes every reference, as it takes every own item (ownItemPatterns).
    files = (loaded.model?.items ?? []).filter((item) => item.referenceOf).map((item) => item.file);
  }
  return [...new Set(files)].map((file) => path.posix.relative('content', file)).sort();
}

/** `shili/policies/a/index.mdx` → `shili:policies/a`, the key of ItemReferenceSource. */
export function referenceKey(entry: string): string {
  const [siteId, ...rest] = entry.replace(/\/index\.mdx$/, '').replace(/\.mdx$/, '').split('/');
  return `${siteId}:${rest.join('/')}`;
}

/**
 * The glob patterns of the site's own item files Astro compiles as MDX modules, relative to
 * `<contentRoot>/content/<siteId>/`: the items whose bodies the item page does not render
 * directly (direct-body.ts), and in a partial render (SiteData.renderOnly) of those only the
 * changed ones. The dev server, which has no data file, takes every item.
 */
export async function ownItemPatterns(siteId: string, dataFile: string | undefined): Promise<string[]> {
  if (!dataFile) return ['*/*.mdx', '*/*/index.mdx'];
  const data = await readSiteData(dataFile);
  const own = `content/${siteId}/`;
  return renderedItems(data)
    .filter((item) => !item.reference && !item.directBody && item.file.startsWith(own))
    .map((item) => item.file.slice(own.length))
    .sort();
}
