// A cache of validated front matter, so an editor's check of one file does not re-parse the
// YAML of every other file of the platform (relations need their front matter, nothing else).
// Only files whose body is not checked are served from it; the build never uses it.
import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FrontMatter } from '../schema/front-matter-schema.ts';
import { removeOtherVersions, sortedEntries, writeCacheFile } from '../util/cache-file.ts';
import { checkingFingerprint } from './build-inputs.ts';

export interface CachedFrontMatter {
  /** Valid front matter, or null when the file had front-matter errors (it yields no item). */
  data: FrontMatter | null;
  bodyFirstLine: number;
}

interface Entry extends CachedFrontMatter {
  stamp: string;
}

/**
 * Like git's index: a file is unchanged when its size, modification and change times and inode
 * are. Editors' tools and git checkouts always move mtime/ctime; ctime cannot be set back.
 */
export function fileStamp(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

function sameEntry(stored: Entry | undefined, entry: Entry): boolean {
  return stored !== undefined && stored.stamp === entry.stamp && stored.bodyFirstLine === entry.bodyFirstLine && JSON.stringify(stored.data) === JSON.stringify(entry.data);
}

export class FrontMatterCache {
  private readonly seen = new Map<string, Entry>();
  private changed = false;

  private readonly file: string;
  private readonly stored: Map<string, Entry>;

  private constructor(file: string, stored: Map<string, Entry>) {
    this.file = file;
    this.stored = stored;
  }

  /** Opens the cache of a platform root (`<root>/.cache/govsite/`); a missing or unreadable cache is empty. */
  static async open(root: string): Promise<FrontMatterCache> {
    // What a file's validated front matter depends on besides its bytes: the checking program (the
    // schema, the loader, the YAML parser and zod in the lockfile): any change, a new cache file.
    const file = path.join(root, '.cache', 'govsite', `front-matter-${(await checkingFingerprint(root)).slice(0, 16)}.json`);
    let stored = new Map<string, Entry>();
    try {
      stored = new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, Entry>));
    } catch {
      // First run, another code version, or a damaged file: start empty.
    }
    return new FrontMatterCache(file, stored);
  }

  get(file: string, stamp: string): CachedFrontMatter | undefined {
    const entry = this.stored.get(file);
    if (!entry || entry.stamp !== stamp) return undefined;
    this.seen.set(file, entry);
    return { data: entry.data, bodyFirstLine: entry.bodyFirstLine };
  }

  set(file: string, stamp: string, value: CachedFrontMatter): void {
    const entry = { stamp, ...value };
    this.seen.set(file, entry);
    // An entry as it was stored leaves the file as it is: writing the whole cache took 0.25 s of
    // a one-file check at 10,000 items, and the checked file is often unchanged since the last
    // check (measured 2026-12-02).
    if (!this.changed && !sameEntry(this.stored.get(file), entry)) this.changed = true;
  }

  /** Writes the entries of this run (files that no longer exist drop out), atomically. */
  async save(): Promise<void> {
    if (!this.changed && this.seen.size === this.stored.size) return;
    await writeCacheFile(this.file, sortedEntries(this.seen));
    // Caches of older code versions are dead weight.
    await removeOtherVersions(this.file, 'front-matter-');
  }
}
