// A part of the search index indexed again over the published part's files. Pagefind does not
// write a content-hashed file (fragments, index chunks, filters, the meta file) that is already
// in the folder it writes to (pagefind/src/output/mod.rs, "immutable" files): an edit changes a
// few of them, and Pagefind compressed all the others again at its best gzip level, 0.5 s of the
// 1.1 s an edit of a 303-page part waited for after its page was rendered (measured 2026-12-03).
// So the published part's hashed files are linked in first; the files Pagefind writes every time
// (pagefind.js, the entry file, the WebAssembly) are not, since it truncates them in place, which
// would change the published file a link shares. Afterwards the linked files the new meta file
// does not name are removed: the bundle is then byte for byte the one a whole build writes.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { linkPairs } from '../util/link-files.ts';
import { metaStrings } from './pagefind-meta.ts';

/** The folders of a bundle holding content-hashed files, named `<hash>.<extension>`. */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'];
const META_FILE = /^pagefind\.(.+)\.pf_meta$/;

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** Links the hashed files of the published part folder `from` into `to`; returns the files linked (relative to `to`). */
export async function linkHashedFiles(from: string, to: string): Promise<string[]> {
  const files = [
    ...filesIn(from).filter((name) => META_FILE.test(name)),
    ...HASHED_FOLDERS.flatMap((folder) => filesIn(path.join(from, folder)).map((name) => `${folder}/${name}`)),
  ];
  const pairs = files.map((file) => [path.join(from, file), path.join(to, file)] as const);
  // A large part has thousands of fragments: linkPairs links them aside.
  await linkPairs(pairs);
  return files;
}

/** Removes those of `linked` (relative to the part folder `dir`) that the part's meta file does not name. */
export function removeUnnamedFiles(dir: string, linked: readonly string[]): number {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const metas = new Set(Object.values(entry.languages).map((language) => `pagefind.${language.hash}.pf_meta`));
  const named = new Set<string>();
  for (const meta of metas) for (const value of metaStrings(readFileSync(path.join(dir, meta)))) named.add(value);
  let removed = 0;
  for (const file of linked) {
    const name = path.posix.basename(file);
    const keep = file.includes('/') ? named.has(name.slice(0, name.lastIndexOf('.'))) : metas.has(name);
    if (!keep) {
      rmSync(path.join(dir, file));
      removed++;
    }
  }
  return removed;
}
