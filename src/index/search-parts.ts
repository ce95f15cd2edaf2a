// A large site's search index in parts (issue 8): Pagefind has no incremental index, so one
// edited item used to mean indexing every page of the site again, about 2.3 ms a page (5.6 s
// for 2,687 pages, 23 s for 10,000, measured 2026-12-01). Split into parts of about
// PAGES_PER_PART item pages, an edit indexes only the parts holding a page that changed; the
// others are taken from the published output. The search page merges the parts (mergeIndex),
// as the portal merges the sites, and ranks across them by Pagefind's score; date order across
// parts is merged by templates/scripts/merge-by-date.ts.
//
// A page's part follows from its path alone, so the same content gives the same parts, the
// same bundles, whether built whole or in part.
// No Node module here: the search page (templates/scripts/search-pagefind.ts) uses it in the browser.

/**
 * Item pages per part. More parts make an edit faster and a search slower (each part is one
 * more index to fetch chunks from). 1,000: after an edit the index waits for the page Astro
 * renders again, then indexes the rest of its part; with parts of 2,000 that tail was 5–7.5 s of
 * a 10,000-item site's 22–25 s edit, with 1,000 it is 3.5–3.9 s (measured 2026-12-01). A
 * 10,000-item site has 11 parts; what readers pay for it: docs/performance.md, search figures.
 * `GOVSITE_SEARCH_PART_PAGES` overrides it (the tests split the small demo sites).
 */
export const PAGES_PER_PART = 1000;

export function pagesPerPart(): number {
  const override = Number(process.env.GOVSITE_SEARCH_PART_PAGES);
  return Number.isInteger(override) && override > 0 ? override : PAGES_PER_PART;
}

/** How many parts the index of a site with this many item pages has. */
export function searchPartCount(itemPages: number, perPart = pagesPerPart()): number {
  return Math.max(1, Math.ceil(itemPages / perPart));
}

/** The part (0 … parts − 1) a page belongs to, from its output-relative path: FNV-1a, stable across runs and machines. */
export function partOf(page: string, parts: number): number {
  if (parts <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < page.length; i++) {
    hash ^= page.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % parts;
}

/** Folder of a site's output holding its search bundle: `/pagefind/pagefind.js` on the site. */
export const BUNDLE_DIR = 'pagefind';

/** Folder of the portal's output holding the other sites' bundles (platform-search.ts). */
export const PLATFORM_DIR = 'pagefind-sites';

/** The folders the index step writes into a site's output: its bundle, and on the portal the other sites' bundles. */
export const INDEX_FOLDERS: readonly string[] = [BUNDLE_DIR, PLATFORM_DIR];

/** Folder of a part inside the site's bundle folder: part 0 is the bundle folder itself. */
export function partFolder(part: number): string {
  return part === 0 ? '' : `part-${part}`;
}

/** The part a folder inside a bundle folder holds (`part-3` → 3), or undefined for any other name. */
export function partOfFolder(name: string): number | undefined {
  const match = /^part-(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}
