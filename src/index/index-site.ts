// SRCH-01: the search index of one site, built with Pagefind from the site's own HTML output
// in the staging folder, after Astro and before the swap: a site whose index fails is not
// published. Only item pages are indexed, and of them only the article (`data-pagefind-body`,
// set by templates/lib/search-attributes.ts) without its tool bar, notices and related links.
import { readdirSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { linkTree } from '../util/link-files.ts';
import { pageForIndex, pageTerms, pageUrl } from './page-for-index.ts';
import { loadSearchDictionary, type SearchDictionary } from '../config/search-dictionary.ts';
import { pageWords, PartVocabulary } from './search-terms.ts';
import { BUNDLE_DIR, partFolder, partOf, partOfFolder } from './search-parts.ts';
import { isPage, listOutputFiles, sortedFiles } from '../util/output-files.ts';

const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

// Inside the article, what is not the item's own content. The title is searched as metadata (with Pagefind's title boost) and the publish line as the
// date and source metadata, so excerpts come from the text that follows them.
const EXCLUDE_SELECTORS = ['.article__title', '.article__meta', '.article-tools', '.notice', '.related', 'script', 'style', 'svg'];

export interface SiteIndexResult {
  /** Pages in the index. */
  pages: number;
  /** Problems that must stop the site from being published. */
  errors: string[];
}

/** The HTML pages of `dir` (of `listing`, its files, when known), relative, sorted. */
function htmlFiles(dir: string, listing?: readonly string[]): string[] {
  // Search bundles (this site's, and other sites' copied into the portal) hold no pages.
  const pages = (listing ?? listOutputFiles(dir)).filter((file) => isPage(file) && !/^pagefind[^/]*\//.test(file));
  // Pages are added one by one in a fixed order: the same site gives the same bundle (PUB-04).
  return sortedFiles(pages).map((file) => file.split('/').join(path.sep));
}

/** Pages sent to Pagefind before its answer for the first of them is read (see buildIndex). */
const SENT_AHEAD = 8;

/** Pages read and prepared ahead of the one Pagefind is indexing (1,024 were tried for an edit's wait: no faster, more CPU taken from Astro). */
const READ_AHEAD = 16;

/** Pages that are still being written while the index is built (src/render/written-pages.ts). */
export interface PagesInProgress {
  /** Output-relative paths (forward slashes) of the pages to index first, in this order: the item pages, in the order Astro renders them. */
  order: readonly string[];
  /**
   * Resolves once that page is on disk whole, with the folder to read it from: the output
   * folder, or for a page a partial render carries over unchanged, the published output it is
   * taken from, so it is indexed while Astro still renders the rest.
   */
  ready: (page: string) => Promise<string>;
  /** Resolves once every page is on disk; the pages not in `order` are indexed after it, sorted. */
  complete: () => Promise<void>;
  /**
   * Every HTML page of the output (POSIX paths relative to it), once complete, when the build
   * knows them (src/util/output-files.ts): the output is then not walked for the other pages.
   */
  pages?: Promise<readonly string[]>;
}

export interface IndexSiteOptions {
  /** Add the `words` and `pinyin` metadata (default). Off only to measure plain Pagefind (bench/search.ts). */
  searchKeys?: boolean;
  /** Index pages as they are written (the build does), instead of a finished output folder. */
  inProgress?: PagesInProgress;
  /** Parts of the index (search-parts.ts; default 1): part 0 in `pagefind/`, part N in `pagefind/part-N/`. */
  parts?: number;
  /** Parts taken whole from a published bundle folder (`<site>/pagefind/`) instead of indexed again: their pages are not read. */
  reuse?: { bundle: string; parts: ReadonlySet<number> };
  /** The platform's search dictionary (SRCH-05, data/search-synonyms.yaml); default: the repository's. */
  dictionary?: SearchDictionary;
}

// The sites built in parallel share this process's Pagefind service, each with an index of its
// own: they are not queued, because each index follows its site's render (written-pages.ts) and
// a queued one would only start after the other site's render. Two indexes built at once give
// the same bytes as one after the other (measured on the synthetic platform, 2026-12-01).
/** Builds `<siteDir>/pagefind/` from the HTML pages in `siteDir`. */
export function indexSite(siteDir: string, options: IndexSiteOptions = {}): Promise<SiteIndexResult> {
  return buildIndex(siteDir, options);
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
const posix = (file: string) => file.split(path.sep).join('/');
/** A part's scripts and WebAssembly: the search page runs part 0's for every part it merges. */
const PART_SCRIPTS = /(?:\.js|\.css|\.pagefind)$/;

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/**
 * The bundle's parts on their way to disk. Parts are written in ascending order (part 0 is the
 * bundle folder, the others are folders inside it), each as soon as every page of it is in. They
 * are written beside the output and moved into it once all are there: Astro empties its output
 * folder when it starts, after a part taken from the published output may already be in.
 */
class BundleParts {
  readonly bundle: string;
  readonly reusedDir: string;
  readonly parts: number;
  readonly reuse: IndexSiteOptions['reuse'];
  readonly indexes = new Map<number, PagefindIndex>();
  readonly errors: string[] = [];
  /** Each part's words, for the search page's corrections (search-terms.ts). */
  readonly vocabulary = new PartVocabulary();
  readonly dictionary: SearchDictionary;
  /**
   * Pages still to add, per part, of the pages given in order (inProgress): the item pages, part
   * by part (src/render/rendered-items.ts), so Pagefind holds one part at a time.
   */
  readonly pending: number[];
  /** `written` parts are on disk. */
  written = 0;

  constructor(siteDir: string, parts: number, reuse: IndexSiteOptions['reuse'], dictionary: SearchDictionary) {
    this.dictionary = dictionary;
    this.bundle = `${siteDir}.${BUNDLE_DIR}`;
    this.reusedDir = `${this.bundle}-reused`;
    this.parts = parts;
    this.reuse = reuse;
    this.pending = new Array<number>(parts).fill(0);
  }

  partOfFile(file: string) {
    return partOf(posix(file), this.parts);
  }

  /** A page of a part taken from the published output: not read at all. */
  isReused(file: string) {
    return this.reuse?.parts.has(this.partOfFile(file)) ?? false;
  }

  /** One Pagefind index per part to build; the result to return when Pagefind cannot start. */
  async createIndexes(): Promise<SiteIndexResult | undefined> {
    for (let part = 0; part < this.parts; part++) {
      if (this.reuse?.parts.has(part)) continue;
      const created = await pagefind.createIndex({
        // One language for every site of the platform: the portal merges their indexes, and
        // Pagefind segments Chinese words for `zh` (its extended build, which the npm package runs).
        forceLanguage: 'zh',
        excludeSelectors: EXCLUDE_SELECTORS,
      });
      if (!created.index) return { pages: 0, errors: created.errors.length ? created.errors : ['无法启动 Pagefind 索引程序'] };
      this.indexes.set(part, created.index);
    }
    return undefined;
  }

  /**
   * A part taken from the published output is linked at once, so an edit's index ends with the
   * part it changed (linking 9 parts of 1,000 pages took 0.4 s). Part 0 goes straight into the
   * bundle folder, which Pagefind then never writes; the others wait in a folder of their own
   * until their turn, because Pagefind writes a new part 0 into the bundle folder.
   */
  private reusedFolder(part: number) {
    return part === 0 ? this.bundle : path.join(this.reusedDir, partFolder(part));
  }

  async linkReused() {
    for (const part of [...(this.reuse?.parts ?? [])].sort((a, b) => a - b)) {
      const from = path.join(this.reuse!.bundle, partFolder(part));
      const folder = this.reusedFolder(part);
      await linkTree(from, folder, (file) => part !== 0 || partOfFolder(path.relative(from, file).split(path.sep)[0]!) === undefined);
      await dropUnusedFiles(folder, part);
    }
  }

  private async writePart(part: number) {
    const folder = path.join(this.bundle, partFolder(part));
    const index = this.indexes.get(part);
    if (index) {
      const result = await index.writeFiles({ outputPath: folder });
      this.errors.push(...result.errors);
      await this.vocabulary.write(folder, part, this.dictionary);
      // Dropped at once: Pagefind's service keeps an index in memory until it is deleted.
      this.indexes.delete(part);
      await index.deleteIndex();
      await dropUnusedFiles(folder, part);
    } else if (part > 0) {
      await rename(this.reusedFolder(part), folder);
    }
  }

  async writeCompleteParts() {
    while (this.written < this.parts && this.pending[this.written] === 0) await this.writePart(this.written++);
  }

  async writeRest() {
    while (this.written < this.parts) await this.writePart(this.written++);
  }
}

/**
 * Pages sent to Pagefind whose answer has not been read yet. Its service handles requests one
 * at a time in the order they arrive (pagefind/src/service/mod.rs), and addHTMLFile writes
 * its request at once, so pages sent ahead are still added in order: Pagefind need not wait
 * for this process, which shares 2 cores with Astro, to send the next one.
 */
class PageFeed {
  pages = 0;
  private readonly sent: Array<{ file: string; adding: ReturnType<PagefindIndex['addHTMLFile']> }> = [];
  private readonly bundle: BundleParts;

  constructor(bundle: BundleParts) {
    this.bundle = bundle;
  }

  private async answered() {
    const { file, adding } = this.sent.shift()!;
    const added = await adding;
    if (added.errors.length) this.bundle.errors.push(...added.errors.map((e) => `${file}：${e}`));
    else this.pages++;
  }

  private async allAnswered() {
    while (this.sent.length) await this.answered();
  }

  private async send(file: string, part: number, content: string) {
    const index = this.bundle.indexes.get(part);
    if (!index) {
      // Only the item pages carry data-pagefind-body, and they all come in order first.
      this.bundle.errors.push(`${file}：不是内容页，却带有搜索正文标记（data-pagefind-body），它所在的索引分块已经写出`);
      return;
    }
    const adding = index.addHTMLFile({ url: pageUrl(file), content });
    // Read in turn below; a failure meanwhile is not an unhandled rejection.
    adding.catch(() => undefined);
    this.sent.push({ file, adding });
    if (this.sent.length > SENT_AHEAD) await this.answered();
  }

  /**
   * Pagefind indexes in its own process, one page at a time: the next pages are read and
   * prepared here meanwhile (a few ahead, so memory stays flat), and still added in order,
   * which fixes the bundle's bytes (PUB-04). `counted` pages are those of `pending`.
   */
  async addInOrder(all: readonly string[], prepare: (file: string) => Promise<string | undefined>, counted: boolean) {
    const { bundle } = this;
    const files = all.filter((file) => !bundle.isReused(file));
    const start = (file: string) => {
      const reading = prepare(file);
      // A failure is thrown where the page's turn comes; the pages read ahead of it are dropped.
      reading.catch(() => undefined);
      return reading;
    };
    const ahead: Array<Promise<string | undefined>> = files.slice(0, READ_AHEAD).map(start);
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      const content = await ahead[i]!;
      ahead[i] = Promise.resolve(undefined);
      if (i + READ_AHEAD < files.length) ahead.push(start(files[i + READ_AHEAD]!));
      const part = bundle.partOfFile(file);
      if (content !== undefined) await this.send(file, part, content);
      if (counted) {
        bundle.pending[part]!--;
        // A part is written once Pagefind has answered for all of its pages.
        if (bundle.written < bundle.parts && bundle.pending[bundle.written] === 0) await this.allAnswered();
        await bundle.writeCompleteParts();
      }
    }
    await this.allAnswered();
  }
}

async function buildIndex(siteDir: string, options: IndexSiteOptions): Promise<SiteIndexResult> {
  const { searchKeys = true, inProgress, parts = 1, reuse } = options;
  const bundle = new BundleParts(siteDir, parts, reuse, options.dictionary ?? loadSearchDictionary());
  await rm(bundle.bundle, { recursive: true, force: true });
  await rm(bundle.reusedDir, { recursive: true, force: true });
  try {
    const failed = await bundle.createIndexes();
    if (failed) return failed;
    await bundle.linkReused();
    const feed = new PageFeed(bundle);
    const prepared = (html: string) => (searchKeys ? pageForIndex(html) : /\bdata-pagefind-body\b/.test(html) ? html : undefined);
    // Synchronous reads: many pages are read ahead, and a promise read holds a file descriptor each.
    const readPrepared = async (dir: string, file: string) => {
      const html = readFileSync(path.join(dir, file), 'utf8');
      const terms = pageTerms(html);
      if (terms) bundle.vocabulary.add(bundle.partOfFile(file), pageWords(terms.title, terms.keywords));
      return prepared(html);
    };
    const fromSite = (file: string) => readPrepared(siteDir, file);
    if (inProgress) {
      for (const file of inProgress.order) if (!bundle.isReused(file)) bundle.pending[bundle.partOfFile(file)]!++;
      await bundle.writeCompleteParts();
      // An item whose page is not in the output has nothing to index.
      await feed.addInOrder(
        inProgress.order,
        async (file) => readPrepared(await inProgress.ready(file), file).catch((error: unknown) => (missing(error) ? undefined : Promise.reject(error))),
        true,
      );
      await inProgress.complete();
      const first = new Set(inProgress.order.map((file) => file.split('/').join(path.sep)));
      const others = htmlFiles(siteDir, inProgress.pages && (await inProgress.pages)).filter((file) => !first.has(file));
      await feed.addInOrder(others, fromSite, false);
    } else {
      await feed.addInOrder(htmlFiles(siteDir), fromSite, false);
    }
    await bundle.writeRest();
    const inOutput = path.join(siteDir, BUNDLE_DIR);
    await rm(inOutput, { recursive: true, force: true });
    await rename(bundle.bundle, inOutput);
    return { pages: feed.pages, errors: bundle.errors };
  } finally {
    for (const index of bundle.indexes.values()) await index.deleteIndex();
    await rm(bundle.bundle, { recursive: true, force: true });
    await rm(bundle.reusedDir, { recursive: true, force: true });
  }
}

/**
 * The search page has its own interface (templates/scripts/search.ts): Pagefind's ready-made
 * ones would only be dead weight in every site's output; and a part other than 0 needs none of
 * the scripts, which the search page runs from part 0 for every part it merges.
 */
async function dropUnusedFiles(folder: string, part: number): Promise<void> {
  for (const file of UNUSED_BUNDLE_FILES) await rm(path.join(folder, file), { force: true });
  if (part > 0) for (const file of readdirSync(folder)) if (PART_SCRIPTS.test(file)) await rm(path.join(folder, file), { force: true });
}
