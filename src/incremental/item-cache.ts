// A cache of loaded items for the build and the full check (issue 8): an item's validated front
// matter and the findings of its content rules, reused while nothing they depend on changed.
// Parsing the MDX and running the content rules over every file is most of what a rebuild that
// changed nothing costs (about 12 s at 10,000 items); with this cache it re-reads the files and
// re-checks only those that changed.
//
// What an item's findings depend on, all in its key:
// - the file's bytes (never its mtime: a git checkout or a copy moves mtimes, not content);
// - the site's configuration (review required, contact fields…);
// - the files the rules look at beside the item (attachments, map images): the names, kinds and
//   sizes of every file under the item's folder (for a single-file item, its column folder; of
//   item files there only their emptiness);
//   A data file (.csv, .json) is read whole by CONT-15 (a bad number is an error): its bytes'
//   digest is in the key too, since an edit of one digit keeps its size;
// - the code and data of loading and checking (checkingFingerprint, build-inputs.ts): the
//   checking program, Node, and the platform data files, the platform folder's own included;
// - the date (China time): the ID-number rule does not flag a birth date in the future.
// Findings across items (relations, duplicates, subscriptions) and the inspection indicators
// are computed afresh on every run from the items, never cached.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BodyLink } from '../content/body-links.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FrontMatter } from '../schema/front-matter-schema.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { currentChinaDateTime } from '../util/china-time.ts';
import { removeOtherVersions, sortedEntries, writeCacheFile } from '../util/cache-file.ts';
import { sha256, type FileDigests } from '../util/hash-files.ts';
import { checkingFingerprint } from './build-inputs.ts';

/**
 * Data files beyond this are not read by CONT-15 (DATA_FILE_MAX_BYTES); their size says enough.
 * Attachments whose text CONT-06/07 read are digested up to the same size: hashing every large
 * PDF on every build would cost more than a same-size edit of one is likely.
 */
const DATA_DIGEST_MAX_BYTES = 2 * 1024 * 1024;

/** `:<sha256>` of a file whose bytes the rules read (CONT-15's data files, CONT-06/07's attachments), else nothing. */
function contentDigest(file: { name: string; absolute: string }): string {
  if (!/\.(?:csv|json|txt|docx|xlsx|pdf)$/i.test(file.name) || statSync(file.absolute).size > DATA_DIGEST_MAX_BYTES) return '';
  return `:${sha256(readFileSync(file.absolute))}`;
}

export interface CachedItem {
  /** Valid front matter, or null when the file yields no item (its errors are in diagnostics). */
  data: FrontMatter | null;
  bodyFirstLine: number;
  /** Everything loading and the content rules found in the file alone. */
  diagnostics: Diagnostic[];
  /** The addresses the body links to (src/content/body-links.ts): resolved afresh on every run. */
  links?: BodyLink[];
}

interface Entry extends CachedItem {
  key: string;
}

export class ItemCache {
  private readonly seen = new Map<string, Entry>();
  private readonly folders = new Map<string, Promise<string>>();
  private readonly configs = new WeakMap<SiteConfig, string>();
  private readonly fileDigests = new Map<string, string>();
  private readonly stored: Map<string, Entry>;
  private readonly file: string;
  private readonly day: string;
  private changed = false;

  private constructor(file: string, stored: Map<string, Entry>, day: string) {
    this.file = file;
    this.stored = stored;
    this.day = day;
  }

  /** The cache of a platform root (`<root>/.cache/govsite/items-<program>.json`); missing or damaged: empty. */
  static async open(root: string): Promise<ItemCache> {
    // Any change of the checking program or the platform data starts a new cache file.
    const file = path.join(root, '.cache', 'govsite', `items-${(await checkingFingerprint(root)).slice(0, 16)}.json`);
    let stored = new Map<string, Entry>();
    try {
      stored = new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, Entry>));
    } catch {
      // First run, other code, or a damaged file: start empty.
    }
    return new ItemCache(file, stored, currentChinaDateTime().slice(0, 10));
  }

  /** Names, kinds and sizes of the files under a folder: what the attachment and map rules look at. */
  private folderState(dir: string): Promise<string> {
    let state = this.folders.get(dir);
    if (!state) {
      state = (async () => {
        let entries;
        try {
          // Synchronous calls: see src/util/hash-files.ts (one folder per item).
          entries = readdirSync(dir, { withFileTypes: true, recursive: true });
        } catch {
          return 'missing';
        }
        const files = entries
          .map((e) => ({ name: path.relative(dir, path.join(e.parentPath, e.name)), kind: e.isDirectory() ? 'd' : e.isFile() ? 'f' : 'o', absolute: path.join(e.parentPath, e.name) }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        // The rules look at the attachments' and images' content (an empty file, a text file
        // named .pdf: CONT-12): their sizes are in the key. Of an item file only its emptiness,
        // so that editing one item does not change the key of the other items of its column.
        const sizes = files.map((f) => (f.kind !== 'f' ? '' : f.name.endsWith('.mdx') ? (statSync(f.absolute).size === 0 ? '0' : '') : `:${statSync(f.absolute).size}${contentDigest(f)}`));
        const hash = createHash('sha256');
        files.forEach((f, i) => hash.update(`${f.name}\0${f.kind}${sizes[i]}\n`));
        return hash.digest('hex');
      })();
      this.folders.set(dir, state);
    }
    return state;
  }

  private configHash(config: SiteConfig): string {
    let hash = this.configs.get(config);
    if (!hash) {
      hash = createHash('sha256').update(JSON.stringify(config)).digest('hex');
      this.configs.set(config, hash);
    }
    return hash;
  }

  /** The key of an item file with these bytes, in this site, as its folder now is. */
  async keyOf(absolute: string, bytes: Uint8Array, config: SiteConfig): Promise<string> {
    const digest = sha256(bytes);
    this.fileDigests.set(path.resolve(absolute), digest);
    return createHash('sha256')
      .update(this.day)
      .update(this.configHash(config))
      .update(await this.folderState(path.dirname(absolute)))
      .update(digest)
      .digest('hex');
  }

  /** The digests of the item files' bytes as this run read them (for the build's keys: hash-files.ts). */
  get digests(): FileDigests {
    return this.fileDigests;
  }

  get(file: string, key: string): CachedItem | undefined {
    const entry = this.stored.get(file);
    if (!entry || entry.key !== key) return undefined;
    this.seen.set(file, entry);
    return entry;
  }

  set(file: string, key: string, value: CachedItem): void {
    this.seen.set(file, { key, ...value });
    this.changed = true;
  }

  /** Item files cached by the last run that this run did not read: deleted or moved. */
  goneFiles(): string[] {
    return [...this.stored.keys()].filter((file) => !this.seen.has(file)).sort();
  }

  /** Item files new, changed or gone since the last run (after the platform is loaded through the cache). */
  changedFiles(): string[] {
    const files = new Set<string>();
    for (const [file, entry] of this.seen) if (this.stored.get(file)?.key !== entry.key) files.add(file);
    for (const file of this.goneFiles()) files.add(file);
    return [...files].sort();
  }

  /** Writes this run's entries (files that no longer exist drop out), atomically; other program versions' caches go. */
  async save(): Promise<void> {
    if (!this.changed && this.seen.size === this.stored.size) return;
    await writeCacheFile(this.file, sortedEntries(this.seen));
    await removeOtherVersions(this.file, 'items-');
  }
}
