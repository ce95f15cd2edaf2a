// Whether a build will render pages with Astro, guessed before the program is loaded (main.ts).
// Loading Astro takes half a second of a one-item edit (astro-process.ts). buildPlatform starts
// its process once the check finds a changed front matter, but the check only gets there after
// the build's own modules are loaded (about 0.2 s) and some of the items are read: in a 1,000-item
// title edit that was 0.42 s after the start, while one core stood idle (measured 2026-12-03).
//
// The guess compares each item file's stamp (size, times, inode: front-matter-cache.ts) and the
// hash of its front matter with what the last build saw, kept in
// `<root>/.cache/govsite/front-matter-stamps.json`. A file whose stamp moved is read and its front
// matter hashed. A new or removed item, other front matter or another site.yaml: a render is
// likely. Nothing here decides what is built; a wrong guess only starts the process too early
// (it is stopped at the end) or leaves it to buildPlatform to start.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileStamp } from '../load/front-matter-cache.ts';
import { splitFrontMatter } from '../load/front-matter.ts';
import { writeCacheFile } from '../util/cache-file.ts';

/** Stamp and front-matter hash, by platform-relative POSIX path. */
type Stamps = Record<string, [stamp: string, hash: string]>;

export function stampsFile(root: string): string {
  return path.join(root, '.cache', 'govsite', 'front-matter-stamps.json');
}

/** What a render depends on in a file: an item's front matter (its body alone may be patched: body-patch.ts), a site.yaml whole. */
export function renderedPartOf(file: string, text: string): string {
  return file.endsWith('.mdx') ? (splitFrontMatter(text, file).split?.yaml ?? '') : text;
}

/** The files the guess looks at: `sites/<id>/site.yaml` and every `.mdx` under `content/<id>/`. */
function watchedFiles(root: string): string[] {
  const files: string[] = [];
  const list = (dir: string) => {
    try {
      return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true });
    } catch {
      return [];
    }
  };
  for (const entry of list('sites')) if (entry.isFile() && entry.name === 'site.yaml') files.push(path.join(entry.parentPath, entry.name));
  for (const entry of list('content')) if (entry.isFile() && entry.name.endsWith('.mdx')) files.push(path.join(entry.parentPath, entry.name));
  return files.map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
}

function readStamps(file: string): Stamps | undefined {
  try {
    const stamps = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return stamps && typeof stamps === 'object' ? (stamps as Stamps) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `likely` when the files a render depends on differ from those the last call saw (no record:
 * likely, unless there is no content at all). The new stamps are written meanwhile; `saved`
 * settles when they are on disk.
 */
export function renderLikely(root: string): { likely: boolean; saved: Promise<void> } {
  const file = stampsFile(root);
  const before = readStamps(file);
  const now: Stamps = {};
  const files = watchedFiles(root);
  // No record: the first build here, or one after the cache was cleared, which renders (a root with no sites: nothing to render).
  let likely = before === undefined && files.length > 0;
  let changed = likely;
  for (const relative of files) {
    let stamp: string;
    try {
      stamp = fileStamp(statSync(path.join(root, relative)));
    } catch {
      continue;
    }
    const previous = before?.[relative];
    if (previous?.[0] === stamp) {
      now[relative] = previous;
      continue;
    }
    changed = true;
    let text: string;
    try {
      text = readFileSync(path.join(root, relative), 'utf8');
    } catch {
      continue;
    }
    const hash = createHash('sha256').update(renderedPartOf(relative, text)).digest('hex').slice(0, 32);
    now[relative] = [stamp, hash];
    if (previous?.[1] !== hash) likely = true;
  }
  if (before && Object.keys(before).some((relative) => !(relative in now))) likely = changed = true;
  const saved = changed ? writeCacheFile(file, now).catch(() => undefined) : Promise.resolve();
  return { likely, saved };
}
