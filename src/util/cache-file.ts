// The caches under <root>/.cache/govsite/ are JSON files written whole: atomically (a build
// stopped halfway leaves the previous file, never half a file), and, for caches named by the
// version of the code that made them, without the files of older versions beside them.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `value` as JSON to `file` through a temporary file and a rename. */
export async function writeCacheFile(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(value));
  await rename(temporary, file);
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
