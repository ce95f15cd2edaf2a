// The caches under <root>/.cache/govsite/ are JSON files written whole: atomically (a build
// stopped halfway leaves the previous file, never half a file; a build and a check saving one
// cache at once leave one of the two, never a mix), and, for caches named by the version of the
// code that made them, without the files of older versions beside them.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `text` to `file` through a temporary file of its own and a rename: a reader, or another
 * process writing the same file, sees the old file or a whole new one.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Unique per write, not only per process: two saves of one process may overlap too.
  const temporary = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes `value` as JSON to `file` through a temporary file and a rename. */
export async function writeCacheFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomically(file, JSON.stringify(value));
}

/** Removes the other `<prefix>*.json` files in `file`'s folder: caches of other code versions. */
export async function removeOtherVersions(file: string, prefix: string): Promise<void> {
  const dir = path.dirname(file);
  for (const name of await readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.json') && path.join(dir, name) !== file) await rm(path.join(dir, name), { force: true });
  }
}

/** Entries sorted by key, so the same cache content is the same file. */
export function sortedEntries<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
