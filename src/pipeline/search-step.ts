// The search index of a site's build (SRCH-01…03, docs/search.md), planned with the output: the
// index is made in parts (src/index/search-parts.ts), read page by page while Astro writes them,
// and a part none of whose pages is rendered again is taken whole from the published bundle.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SiteData } from '../render/site-data.ts';
import { hasItemPage, inRenderOrder, itemPageFile } from '../render/rendered-items.ts';
import type { WrittenPages } from '../render/written-pages.ts';
import type { RenderPlan } from '../incremental/plan-build.ts';
import { BUNDLE_DIR, partFolder, partOf, partOfFolder } from '../index/search-parts.ts';
import { partKeys } from '../index/search-part-keys.ts';
import { isPage } from '../util/output-files.ts';
import { once } from '../util/once.ts';
import type { OutputJob } from './make-output.ts';

// The index and output-check steps (Pagefind's client, pinyin-pro, parse5: 0.2 s of loading) are
// loaded once Astro is started, and load while it starts: a site kept as published never needs them.
export const outputSteps = once(() => Promise.all([import('../index/search-index.ts'), import('../rules/output/check-links.ts')]));

export interface SearchPlan {
  parts: number;
  /** The item pages in the order Astro renders them ([slug].astro). */
  itemPages: string[];
  /** In a partial render, the item pages written again; the others are carried over. */
  renderedPages?: Set<string>;
  /** The key of each part, for the build record. */
  searchParts: string[];
  /** Parts taken whole from the published bundle. */
  reuse?: { bundle: string; parts: Set<number> };
  /** How many item pages are carried over (for the progress lines). */
  carriedPages: number;
}

/** Output-relative paths of the item pages, in the order Astro renders them ([slug].astro). */
function itemPageFiles(items: SiteData['items'], parts: number): string[] {
  return inRenderOrder(items, parts).filter(hasItemPage).map(itemPageFile);
}

/** The parts of the search index to take from the published bundle: same pages as then, none rendered again. */
function reusableParts(previous: readonly string[] | undefined, keys: readonly string[], renderedPages: ReadonlySet<string>, publishedBundle: string) {
  if (!previous || previous.length !== keys.length) return undefined;
  const touched = new Set([...renderedPages].map((page) => partOf(page, keys.length)));
  const reusable = keys
    .map((_, part) => part)
    .filter((part) => previous[part] === keys[part] && !touched.has(part) && existsSync(path.join(publishedBundle, partFolder(part), 'pagefind-entry.json')));
  return reusable.length ? { bundle: publishedBundle, parts: new Set(reusable) } : undefined;
}

export function searchPlan(data: SiteData, render: RenderPlan | undefined, noticeOnly: boolean, publishedBundle: string): SearchPlan {
  const parts = noticeOnly ? 1 : data.searchParts;
  const itemPages = itemPageFiles(data.items, parts);
  const again = render && new Set(render.render);
  const renderedPages = again && new Set(itemPageFiles(data.items.filter((item) => again.has(item.id)), parts));
  const searchParts = partKeys(itemPages, parts);
  const reuse = render && renderedPages && reusableParts(render.previous.searchParts, searchParts, renderedPages, publishedBundle);
  return { parts, itemPages, renderedPages, searchParts, reuse, carriedPages: renderedPages ? itemPages.length - renderedPages.size : 0 };
}

/** The index fed each item page as soon as it is there: carried over at once, rendered once Astro has written it. */
export function streamSearchIndex(job: OutputJob, search: SearchPlan, written: WrittenPages, renderedDir: string, listing: Promise<string[]>): Promise<string | undefined> {
  const carried = (page: string) => search.renderedPages !== undefined && !search.renderedPages.has(page);
  const pages = listing.then((files) => files.filter(isPage));
  pages.catch(() => undefined);
  return outputSteps().then(([{ buildSearchIndex }]) =>
    buildSearchIndex(job.data.id, job.staging, job.options, {
      inProgress: {
        order: search.itemPages,
        ready: async (page) => (carried(page) ? job.target : (await written.ready(page), renderedDir)),
        complete: written.complete,
        pages,
      },
      parts: search.parts,
      reuse: search.reuse,
    }),
  );
}

/**
 * The files a partial render linked from the published output (src/publish/integrity-manifest.ts
 * takes their published hashes without comparing them): the carried pages' folders, and the
 * search index's parts taken whole from the published bundle.
 */
export function linkedFromPublished(carried: readonly string[], files: readonly string[], reusedParts: ReadonlySet<number> | undefined): Set<string> {
  const linked = new Set(carried);
  const prefix = `${BUNDLE_DIR}/`;
  if (reusedParts?.size) {
    for (const file of files) {
      if (!file.startsWith(prefix)) continue;
      // pagefind/part-N/… is part N; every other file of the bundle is part 0's.
      const part = partOfFolder(file.slice(prefix.length).split('/')[0]!) ?? 0;
      if (reusedParts.has(part)) linked.add(file);
    }
  }
  return linked;
}
