// CONT-13 / HEALTH-05 on the built output, before it is published (src/pipeline/build-site.ts),
// and the weight of every page against its type's budget (LAY-09, page-budgets.ts):
//   - every internal link, image (src and srcset), attachment, stylesheet, script and form
//     target resolves to a file of the output (directory URLs to their index.html), and every
//     #anchor, on the same page or another, names an element id there (错链/断链);
//   - no hidden links (暗链, see hidden-links.ts);
//   - links to non-government sites go through the leave-site notice page;
//   - the external links of the site, listed for the inspection report.
// Links an editor wrote are CONT-13 findings on the item's MDX file, with the line where the
// address is written; the rest come from templates and are HEALTH-05 (hidden: CONT-13) findings
// on the page under dist/, one per address however many pages repeat it.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { governmentHostPatterns, isGovernmentHost, normalizeHost } from '../../config/government-hosts.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SiteData } from '../../render/site-data.ts';
import { listOutputFiles } from '../../util/output-files.ts';
import { relativePath } from '../../util/paths.ts';
import { hidingClasses as classesThatHide } from './css-values.ts';
import { pageFindings, toDiagnostics, type LinkContext } from './link-findings.ts';
import { classify, type Target } from './link-targets.ts';
import { checkPageBudgets, loadPageBudgets, type BudgetInput } from './page-budgets.ts';
import { OutputPageCache } from './page-cache.ts';
import type { PlatformPages } from './platform-pages.ts';
import { inlineStyles, pageUrl, readPage, type LinkCheckItem, type Page, type Ref } from './page-refs.ts';

export interface LinkCheckSite {
  siteId: string;
  /** The site's own host names: absolute links to them are internal. */
  hosts: string[];
  items: LinkCheckItem[];
  /** Notice pages: hash → destination. */
  leaving: Array<{ hash: string; url: string }>;
  /** The other sites of the platform, as their builds will be at `now`: links to them are resolved too. */
  platform?: { pages: PlatformPages; now: string };
}

export interface LinkCheckInput {
  site: LinkCheckSite;
  /**
   * The output's HTML pages: path relative to the output folder (forward slashes) → HTML, or a
   * function reading it (called twice per page; pages are parsed one at a time).
   */
  pages: ReadonlyMap<string, string | (() => Promise<string>)>;
  /**
   * Every file of the output, paths relative to the output folder (forward slashes). A promise
   * when another step is still adding files (the search index): it is awaited only after every
   * page has been parsed, so the two overlap.
   */
  files: ReadonlySet<string> | Promise<ReadonlySet<string>>;
  /** The site's stylesheets, for classes that hide content (inline <style> elements are read from the pages). */
  css?: readonly string[];
  /** Text of an item's source file (project-relative path), for the line of a link. */
  readSource?: (file: string) => string | undefined;
  /** How a page's path appears in findings: its published place, e.g. dist/alpha/news/a/index.html. */
  pageFile?: (pagePath: string) => string;
  /** What earlier builds read of pages with the same bytes (page-cache.ts): those are not parsed again. */
  pageCache?: OutputPageCache<unknown>;
  /**
   * The SHA-256 of some pages' bytes, known without reading them (a page carried over from the
   * published output has it in the published integrity manifest): with the cache, such a page is
   * not read at all.
   */
  digests?: ReadonlyMap<string, string>;
  /** Weigh every page against the budget of its type (LAY-09, page-budgets.ts). */
  budgets?: Pick<BudgetInput, 'budgets' | 'sizeOf' | 'columns'>;
}

export interface ExternalLink {
  url: string;
  host: string;
  government: boolean;
  /** Reached through the leave-site notice page (non-government links in item bodies). */
  viaNotice: boolean;
  /** URLs of the pages linking to it. */
  pages: string[];
}

export interface ExternalHost {
  host: string;
  government: boolean;
  /** Distinct addresses on that host. */
  urls: number;
  /** Pages linking to the host. */
  pages: number;
}

export interface ExternalLinks {
  siteId: string;
  hosts: ExternalHost[];
  links: ExternalLink[];
}

export interface LinkCheckResult {
  diagnostics: Diagnostic[];
  externalLinks: ExternalLinks;
}

const pageText = async (input: LinkCheckInput, pagePath: string) => {
  const value = input.pages.get(pagePath)!;
  return typeof value === 'string' ? value : value();
};

/**
 * Classes that hide come from every stylesheet of the site, inline ones included: read them
 * first. With the cache, each page's digest is kept from this first reading: a page whose reading
 * is cached is then not read a second time, and one whose digest is known is not read at all.
 * (A digest of the text is that of the bytes for UTF-8 pages; for others it only misses.)
 */
async function readStyles(input: LinkCheckInput, cache: OutputPageCache<Ref> | undefined): Promise<{ css: string[]; digests: Map<string, string> }> {
  const css = [...(input.css ?? [])];
  const digests = new Map<string, string>();
  for (const pagePath of input.pages.keys()) {
    const known = cache && input.digests?.get(pagePath);
    const knownStyles = known ? cache.styles(known) : undefined;
    if (known && knownStyles) {
      css.push(...knownStyles);
      digests.set(pagePath, known);
      continue;
    }
    const text = await pageText(input, pagePath);
    const styles = inlineStyles(text);
    css.push(...styles);
    if (cache) {
      const digest = OutputPageCache.digest(text);
      digests.set(pagePath, digest);
      cache.setStyles(digest, styles);
    }
  }
  return { css, digests };
}

/** Then one page at a time is parsed (or its reading taken from the cache), keeping only what it refers to. */
async function readPages(input: LinkCheckInput, classes: ReadonlyMap<string, string>, cache: OutputPageCache<Ref> | undefined, digests: ReadonlyMap<string, string>): Promise<Map<string, Page>> {
  const parser = unified().use(rehypeParse);
  const itemsByUrl = new Map(input.site.items.map((item) => [item.url, item]));
  const pages = new Map<string, Page>();
  cache?.useClasses(JSON.stringify([...classes]));
  for (const pagePath of input.pages.keys()) {
    const digest = digests.get(pagePath)!;
    const reading = cache?.get(digest);
    let page: Page;
    if (reading) page = { path: pagePath, url: pageUrl(pagePath), ids: new Set(reading.ids), refs: reading.refs, loads: reading.loads ?? [], bytes: reading.bytes };
    else {
      const text = await pageText(input, pagePath);
      page = readPage(pagePath, parser.parse(text), classes);
      page.bytes = Buffer.byteLength(text);
      if (cache) cache.set(digest, cache.styles(digest) ?? inlineStyles(text), { ids: [...page.ids], refs: page.refs, loads: page.loads, bytes: page.bytes });
    }
    page.item = itemsByUrl.get(page.url);
    pages.set(pagePath, page);
  }
  return pages;
}

/** The addresses of other websites the pages link to, each with the pages that do. */
function externalLinkCollector(isGovernment: (host: string) => boolean) {
  const external = new Map<string, ExternalLink>();
  const externalPages = new Map<ExternalLink, Set<string>>();
  const add = (url: string, host: string, viaNotice: boolean, page: Page) => {
    const key = `${viaNotice ? 'notice' : 'direct'} ${url}`;
    const entry = external.get(key) ?? { url, host, government: isGovernment(host), viaNotice, pages: [] };
    // A set beside the list: a link in every page's footer has thousands of pages (includes() made that quadratic).
    const seen = externalPages.get(entry) ?? new Set<string>();
    if (!seen.has(page.url)) {
      seen.add(page.url);
      entry.pages.push(page.url);
    }
    externalPages.set(entry, seen);
    external.set(key, entry);
  };
  return { add, links: () => [...external.values()] };
}

export async function checkLinks(input: LinkCheckInput): Promise<LinkCheckResult> {
  const { site } = input;
  const cache = input.pageCache as OutputPageCache<Ref> | undefined;
  const { css, digests } = await readStyles(input, cache);
  const classes = classesThatHide([...new Set(css)].join('\n'));
  const pages = await readPages(input, classes, cache, digests);

  const governmentPatterns = governmentHostPatterns();
  const isGovernment = (host: string) => isGovernmentHost(host, governmentPatterns);
  const ownHosts = new Set(site.hosts.map(normalizeHost));
  // An absolute or root-relative address means the same on every page: parsed once (the header and
  // footer repeat dozens on each of 10,000 pages; parsing them took most of this loop).
  const classified = new Map<string, Target>();
  const classifyRef = (value: string, from: string): Target => {
    if (!/^\s*(?:[a-z][a-z0-9+.-]*:|\/)/i.test(value)) return classify(value, from, ownHosts);
    let target = classified.get(value);
    if (!target) classified.set(value, (target = classify(value, from, ownHosts)));
    return target;
  };
  const external = externalLinkCollector(isGovernment);
  const context: LinkContext = {
    pages,
    files: await input.files,
    leavingByHash: new Map(site.leaving.map((l) => [l.hash, l.url])),
    classifyRef,
    isGovernment,
    addExternal: external.add,
    missingOnPlatform: site.platform && ((url, host) => site.platform!.pages.missingPage(url, host, site.platform!.now)),
  };
  const findings = [...pages.values()].flatMap((page) => pageFindings(page, context));
  const weights = input.budgets ? checkPageBudgets({ ...input.budgets, pages: pages.values(), pageFile: input.pageFile ?? ((p) => p) }) : [];
  return { diagnostics: [...toDiagnostics(findings, input), ...weights], externalLinks: externalReport(site.siteId, external.links()) };
}

function externalReport(siteId: string, links: ExternalLink[]): ExternalLinks {
  links.sort((a, b) => a.host.localeCompare(b.host) || a.url.localeCompare(b.url) || Number(a.viaNotice) - Number(b.viaNotice));
  for (const link of links) link.pages.sort();
  const hosts = new Map<string, { host: string; government: boolean; urls: Set<string>; pages: Set<string> }>();
  for (const link of links) {
    const entry = hosts.get(link.host) ?? { host: link.host, government: link.government, urls: new Set(), pages: new Set() };
    entry.urls.add(link.url);
    for (const p of link.pages) entry.pages.add(p);
    hosts.set(link.host, entry);
  }
  return {
    siteId,
    hosts: [...hosts.values()].map((h) => ({ host: h.host, government: h.government, urls: h.urls.size, pages: h.pages.size })),
    links,
  };
}

export interface OutputCheckOptions {
  /** The built output to check (the staging folder). */
  outDir: string;
  /** Where the output will be published: findings on template pages name it (dist/<siteId>/…). */
  publishedDir: string;
  /** Folder holding sites/ and content/: source files are read from it. */
  root: string;
  data: Pick<SiteData, 'id' | 'config' | 'items' | 'leaving'>;
  /**
   * Settles when a step running at the same time has finished writing into `outDir` (the search
   * index, which adds no page and no stylesheet): pages are parsed meanwhile, and links are
   * resolved against the files as they are once it is done.
   */
  outputComplete?: Promise<unknown>;
  /** See LinkCheckInput.pageCache. */
  pageCache?: OutputPageCache<unknown>;
  /** See LinkCheckInput.digests. */
  digests?: ReadonlyMap<string, string>;
  /** See LinkCheckSite.platform. */
  platform?: LinkCheckSite['platform'];
  /**
   * The output's files when the caller knows them (src/util/output-files.ts), instead of walking
   * `outDir`: `initial` as the pages are there, `complete` once outputComplete's step is done.
   */
  listing?: { initial: readonly string[]; complete: Promise<readonly string[]> };
}

const outputFiles = (outDir: string) => new Set(listOutputFiles(outDir));

const pageOrStylesheet = (file: string) => file.endsWith('.html') || file.endsWith('.css');

/** Reads the built site and checks it (see checkLinks). */
export async function checkOutputLinks(options: OutputCheckOptions): Promise<LinkCheckResult> {
  const { listing } = options;
  const initial = listing ? new Set(listing.initial) : outputFiles(options.outDir);
  const sorted = [...initial].sort();
  let final: Set<string> | undefined;
  const files = listing
    ? listing.complete.then((complete) => (final = new Set(complete)))
    : options.outputComplete
      ? options.outputComplete.then(() => (final = outputFiles(options.outDir)))
      : Promise.resolve((final = initial));
  // Awaited inside checkLinks; this only keeps a failure there from being reported twice.
  files.catch(() => undefined);
  // Synchronous reads (see src/util/hash-files.ts: thousands of pages, each read twice), each
  // after a turn of the event loop: the checks parse pages back to back, and without it the
  // search index running beside them (Pagefind's replies, its page reads) would wait for all.
  const read = (relative: string) => async () => {
    await yieldToEventLoop();
    return readFileSync(path.join(options.outDir, relative), 'utf8');
  };
  const pages = new Map(sorted.filter((f) => f.endsWith('.html')).map((f) => [f, read(f)]));
  const css = await Promise.all(sorted.filter((f) => f.endsWith('.css')).map((f) => read(f)()));
  const result = await checkCollected(options, pages, css, files);
  // Overlapping is only right if the other step added no page or stylesheet: else check again.
  const same = (a: Set<string>, b: Set<string>) => [...a].filter(pageOrStylesheet).sort().join('\n') === [...b].filter(pageOrStylesheet).sort().join('\n');
  if (final && !same(initial, final)) return checkOutputLinks({ ...options, outputComplete: undefined, listing: undefined });
  return result;
}

function checkCollected(
  options: OutputCheckOptions,
  pages: LinkCheckInput['pages'],
  css: string[],
  files: Promise<ReadonlySet<string>>,
): Promise<LinkCheckResult> {
  const { data } = options;
  return checkLinks({
    site: {
      siteId: data.id,
      hosts: [data.config.domain, data.config.chineseDomain].filter((h): h is string => Boolean(h)),
      items: data.items.map((item) => ({ url: item.url, file: item.file, title: item.data.title })),
      leaving: data.leaving,
      platform: options.platform,
    },
    pages,
    files,
    css,
    readSource: (file) => {
      try {
        return readFileSync(path.join(options.root, file), 'utf8');
      } catch {
        return undefined;
      }
    },
    pageFile: (pagePath) => relativePath(options.root, path.join(options.publishedDir, pagePath)),
    pageCache: options.pageCache,
    digests: options.digests,
    budgets: {
      budgets: loadPageBudgets(options.root),
      columns: new Set(data.config.columns.map((column) => column.id)),
      sizeOf: (file) => {
        try {
          return statSync(path.join(options.outDir, file)).size;
        } catch {
          return undefined;
        }
      },
    },
  });
}
