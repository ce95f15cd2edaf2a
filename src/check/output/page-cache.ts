// What the output checks read of each page (its ids and references, with where they are and
// whether links can be seen), kept between builds of a site (issue 8): after a one-item edit
// nearly every page is byte for byte what it was, and parsing 5,000 pages took 17.5 s of the
// rebuild. A page is read again when its bytes or the site's hiding classes differ, and the
// whole cache goes with any change of the program. The findings themselves are computed afresh
// on every build from what the pages hold, so links to pages that came or went are judged anew.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkingCodeVersion } from '../../load/item-cache.ts';
import { sortedEntries, writeCacheFile } from '../../util/cache-file.ts';

/** What readPage keeps of a page, apart from its path: JSON-safe. */
export interface PageReading<Ref> {
  ids: string[];
  refs: Ref[];
}

export class OutputPageCache<Ref> {
  private readonly seen = new Map<string, PageReading<Ref>>();
  private readonly stored: Map<string, PageReading<Ref>>;
  private readonly file: string;
  private readonly program: string;
  private hits = 0;

  private constructor(file: string, program: string, stored: Map<string, PageReading<Ref>>) {
    this.file = file;
    this.program = program;
    this.stored = stored;
  }

  /** The cache of one site under `<root>/.cache/govsite/`; missing, damaged or of other code: empty. */
  static async open<Ref>(root: string, siteId: string): Promise<OutputPageCache<Ref>> {
    const file = path.join(root, '.cache', 'govsite', `output-pages-${siteId}.json`);
    const program = await checkingCodeVersion();
    let stored = new Map<string, PageReading<Ref>>();
    try {
      const saved = JSON.parse(await readFile(file, 'utf8')) as { program: string; pages: Record<string, PageReading<Ref>> };
      if (saved.program === program) stored = new Map(Object.entries(saved.pages));
    } catch {
      // First build of the site, or a damaged file: start empty.
    }
    return new OutputPageCache(file, program, stored);
  }

  /** SHA-256 of a page's bytes. */
  static digest(html: string): string {
    return createHash('sha256').update(html).digest('hex');
  }

  /** The key of a page's reading: its bytes (their digest) and the classes that hide things on the site. */
  static key(digest: string, hidingClasses: string): string {
    return createHash('sha256').update(hidingClasses).update('\0').update(digest).digest('hex');
  }

  get(key: string): PageReading<Ref> | undefined {
    const reading = this.stored.get(key) ?? this.seen.get(key);
    if (reading) {
      this.seen.set(key, reading);
      this.hits++;
    }
    return reading;
  }

  set(key: string, reading: PageReading<Ref>): void {
    this.seen.set(key, reading);
  }

  /** Pages served from the cache in this run (for tests and --verbose). */
  get served(): number {
    return this.hits;
  }

  /** Keeps this build's pages only, written atomically. */
  async save(): Promise<void> {
    await writeCacheFile(this.file, { program: this.program, pages: sortedEntries(this.seen) });
  }
}
