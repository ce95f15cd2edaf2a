// Sharing files between output trees instead of copying them. Published files are never written
// in place (a build or a copy replaces a whole folder, then renames it into place), so two trees
// can share them: changing one tree never shows in the other, and a link costs one system call
// where a copy reads and writes every byte.
import { constants, copyFileSync, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from './hash-files.ts';
import { runAside } from './run-aside.ts';

/**
 * A hard link where the file system allows it, else a copy. Never over an existing file: that
 * file may itself be a link into a published tree, which a copy onto it would change in place.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  }
}

/**
 * Links `pairs` (source file, destination file), creating the destination folders. The calls are
 * synchronous on purpose: a few thousand links take tens of milliseconds this way, and seconds
 * through the thread pool.
 */
export function linkFiles(pairs: ReadonlyArray<readonly [string, string]>): void {
  const dirs = new Set(pairs.map(([, to]) => path.dirname(to)));
  for (const dir of [...dirs].sort()) mkdirSync(dir, { recursive: true });
  for (const [from, to] of pairs) linkOrCopy(from, to);
}

/**
 * linkFiles in a worker thread. Making 10,000 folders (a large site's carried item pages) takes
 * 1 s alone and up to 7 s beside an Astro build here, all of it in the kernel: on the main
 * thread it held up the search index this process feeds meanwhile (measured 2026-12-01).
 */
export function linkFilesAside(pairs: ReadonlyArray<readonly [string, string]>): Promise<void> {
  if (pairs.length === 0) return Promise.resolve();
  return runAside<void>(new URL(import.meta.url), 'linkFiles', [pairs]);
}

/** Above this many files, linkPairs links in a worker thread: starting one takes tens of milliseconds. */
const ASIDE_FROM = 1000;

/** linkFiles, in a worker thread (linkFilesAside) when there are many. */
export async function linkPairs(pairs: ReadonlyArray<readonly [string, string]>): Promise<void> {
  if (pairs.length > ASIDE_FROM) await linkFilesAside(pairs);
  else linkFiles(pairs);
}

/** Links every file under `from` (that `keep` accepts) into the same place under `to`. */
export async function linkTree(from: string, to: string, keep: (file: string) => boolean = () => true): Promise<void> {
  const files = (await filesUnder(from)).filter(keep);
  mkdirSync(to, { recursive: true });
  const pairs = files.map((file) => [file, path.join(to, path.relative(from, file))] as const);
  await linkPairs(pairs);
}
