// What the output checks read of each page (its inline styles, ids and references, with where
// they are and whether links can be seen), kept between builds of a site (issue 8): after a
// one-item edit nearly every page is byte for byte what it was, and parsing 5,000 pages took
// 17.5 s of the rebuild. Entries are keyed by the SHA-256 of a page's bytes, which is also what
// the integrity manifest records: a page carried over from the published output is then looked
// up without being read at all (build-site.ts). Its inline styles can always be used; its ids and
// references only while the site's hiding classes are those they were read with. The whole cache
// goes with any change of the program. The findings themselves are computed afresh on every
// build from what the pages hold, so links to pages that came or went are judged anew.
//
// Saving 10,000 entries took 0.5–1.0 s of an edit's rebuild: a build that changed few entries
// writes them to a small delta file beside the base, and the base is written again only once
// the delta and the entries no page uses any more are a fifth of it.
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { sortedEntries, writeCacheFile } from '../../util/cache-file.ts';
import { sha256 } from '../../util/hash-files.ts';

/** What readPage keeps of a page, apart from its path: JSON-safe. */
export interface PageReading<Ref> {
  ids: string[];
  refs: Ref[];
  /** The files a first visit loads (page-budgets.ts, LAY-09). */
  loads?: string[];
  /** The page's own size in bytes (LAY-09): kept with the reading, so a cached page is not even looked at. */
  bytes?: number;
}

interface Entry<Ref> extends Partial<PageReading<Ref>> {
  /** The contents of the page's `<style>` elements. */
  styles: string[];
}

interface BaseFile<Ref> {
  program: string;
  id: string;
  /** The hiding classes every entry's reading was made with. */
  classes: string;
  pages: Record<string, Entry<Ref>>;
}

interface DeltaFile<Ref> {
  program: string;
  /** The `id` of the base this delta adds to. */
  base: string;
  classes: string;
  pages: Record<string, Entry<Ref>>;
}

/** The base is written again once the delta and the unused entries together are this share of it. */
const REWRITE_SHARE = 0.2;

export class OutputPageCache<Ref> {
  /** This build's entries. */
  private readonly seen = new Map<string, Entry<Ref>>();
  private readonly stored: Map<string, Entry<Ref>>;
  private readonly base: { id: string; size: number; has: (digest: string) => boolean } | undefined;
  private readonly storedClasses: string | undefined;
  private readonly file: string;
  private readonly program: string;
  /** The hiding classes of this build's readings (useClasses). */
  private classes = '';
  private hits = 0;

  private constructor(file: string, program: string, stored: Map<string, Entry<Ref>>, storedClasses: string | undefined, base: OutputPageCache<Ref>['base']) {
    this.file = file;
    this.program = program;
    this.stored = stored;
    this.storedClasses = storedClasses;
    this.base = base;
  }

  private static deltaFile(file: string): string {
    return file.replace(/\.json$/, '.delta.json');
  }

  /**
   * The cache of one site under `<root>/.cache/govsite/`; missing, damaged or of another
   * `program` (the fingerprint of the checking code and data: src/incremental/build-inputs.ts): empty.
   */
  static async open<Ref>(root: string, siteId: string, program: string): Promise<OutputPageCache<Ref>> {
    const file = path.join(root, '.cache', 'govsite', `output-pages-${siteId}.json`);
    let stored = new Map<string, Entry<Ref>>();
    let classes: string | undefined;
    let base: OutputPageCache<Ref>['base'];
    try {
      const saved = JSON.parse(await readFile(file, 'utf8')) as BaseFile<Ref>;
      if (saved.program === program && typeof saved.id === 'string') {
        const inBase = new Set(Object.keys(saved.pages));
        stored = new Map(Object.entries(saved.pages));
        classes = saved.classes;
        base = { id: saved.id, size: inBase.size, has: (digest) => inBase.has(digest) };
      }
    } catch {
      // First build of the site, or a damaged file: start empty.
    }
    if (base) {
      try {
        const delta = JSON.parse(await readFile(OutputPageCache.deltaFile(file), 'utf8')) as DeltaFile<Ref>;
        if (delta.program === program && delta.base === base.id && delta.classes === classes) for (const [digest, entry] of Object.entries(delta.pages)) stored.set(digest, entry);
      } catch {
        // No delta since the base was written, or a damaged one: the base alone.
      }
    }
    return new OutputPageCache(file, program, stored, classes, base);
  }

  /** SHA-256 of a page's bytes (hex): the integrity manifest's hash of the same file. */
  static digest(bytes: Buffer | string): string {
    return sha256(bytes);
  }

  private entry(digest: string): Entry<Ref> | undefined {
    return this.seen.get(digest) ?? this.stored.get(digest);
  }

  /** The inline styles of the page with these bytes, when an earlier build or this one read it. */
  styles(digest: string): string[] | undefined {
    return this.entry(digest)?.styles;
  }

  /** Notes what a page read in this build has inline. */
  setStyles(digest: string, styles: string[]): void {
    if (!this.seen.has(digest)) this.seen.set(digest, { styles });
  }

  /** The classes that hide things on the site, as the checks key them: readings made with others are not used. */
  useClasses(classes: string): void {
    this.classes = classes;
  }

  /** What was read of the page with these bytes, when it was read with the same hiding classes. */
  get(digest: string): PageReading<Ref> | undefined {
    const own = this.seen.get(digest);
    const found = own?.ids ? own : this.classes === this.storedClasses ? this.stored.get(digest) : undefined;
    if (!found?.ids || !found.refs || !found.loads || found.bytes === undefined) return undefined;
    this.seen.set(digest, found);
    this.hits++;
    return { ids: found.ids, refs: found.refs, loads: found.loads, bytes: found.bytes };
  }

  set(digest: string, styles: string[], reading: PageReading<Ref>): void {
    this.seen.set(digest, { styles, ...reading });
  }

  /** Pages served from the cache in this run (for tests and --verbose). */
  get served(): number {
    return this.hits;
  }

  /** Keeps this build's pages only, written atomically. */
  async save(): Promise<void> {
    const classes = this.classes;
    const delta = OutputPageCache.deltaFile(this.file);
    const base = this.base;
    if (base && classes === this.storedClasses) {
      const added = [...this.seen].filter(([digest]) => !base.has(digest));
      const unused = base.size - (this.seen.size - added.length);
      if (added.length + unused <= REWRITE_SHARE * base.size) {
        await writeCacheFile(delta, { program: this.program, base: base.id, classes, pages: sortedEntries(new Map(added)) } satisfies DeltaFile<Ref>);
        return;
      }
    }
    await writeCacheFile(this.file, { program: this.program, id: randomUUID(), classes, pages: sortedEntries(this.seen) } satisfies BaseFile<Ref>);
    await rm(delta, { force: true });
  }
}
