// The files of a site's output folder, as output-relative POSIX paths in code-unit order.
//
// A build needs this list at several steps (the sitemap, the page count, the link checks, the
// search index's other pages, the integrity manifest, the build record). At 10,000 items the
// output is 10,000 folders, and each walk of it took 0.3–0.5 s here, most of it in the kernel
// (measured 2026-12-01): the build walks it once, or not at all after a partial render, whose
// staging folder holds exactly the files it linked (src/render/carry-pages.ts), and then walks again
// only the folders a later step writes into (the search index's).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Code-unit order, the same in every locale (PUB-04: the same output gives the same bytes). */
export const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Files (and symlinks) under `dir`, relative to it, POSIX, sorted by code unit; none when it does not exist. */
export function listOutputFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  // Synchronous: see src/util/hash-files.ts (thousands of files).
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    files.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return files.sort(byCodeUnit);
}

/** `files` (relative paths) without duplicates, sorted by code unit. */
export function sortedFiles(files: Iterable<string>): string[] {
  return [...new Set(files)].sort(byCodeUnit);
}

/**
 * `files`, a listing of `dir`, after a step replaced whatever was under `folders` (top-level
 * folder names): their entries are dropped and those folders walked again.
 */
export function relistFolders(files: readonly string[], dir: string, folders: readonly string[]): string[] {
  const prefixes = folders.map((folder) => `${folder}/`);
  const kept = files.filter((file) => !prefixes.some((prefix) => file.startsWith(prefix)));
  const fresh = folders.flatMap((folder) => listOutputFiles(path.join(dir, folder)).map((file) => `${folder}/${file}`));
  return sortedFiles([...kept, ...fresh]);
}

export const isPage = (file: string) => file.endsWith('.html');
