// The pages and files every site of the platform will have once built, known from the loaded
// platform without rendering (src/render/site-pages.ts lists the pages the same way the routes
// make them), and where an address of a site resolves. The platform's link check of item bodies
// (source-links.ts) resolves against it, and so does the output check for links to the other
// sites of the platform (check-links.ts): a page of another site is never in this site's output.
import path from 'node:path';
import { normalizeHost } from '../../config/government-hosts.ts';
import type { ContentItem } from '../../content/items.ts';
import { lstatInside } from '../../security/content-paths.ts';
import { hasItemPage, itemPageFile } from '../../render/rendered-items.ts';
import { publishedAt } from '../../render/published-at.ts';
import { GENERATED_FOLDERS, publicFiles, sitePages } from '../../render/site-pages.ts';
import { publishesNoticeOnly } from '../site/site-09-lifecycle.ts';
import type { LoadedSite } from '../load-site.ts';
import { subjectsSchema, type Subject } from '../content/remark-disclosure-fields.ts';
import { loadPlatformDataFile } from '../content/support/data-files.ts';
import { indexNumberOf } from '../../content/index-number.ts';
import type { CatalogueSource } from '../../render/catalogue-pages.ts';
import { policyLibrary } from '../../render/policy-library.ts';
import { resolveFile } from './link-targets.ts';

export interface PlatformSite {
  siteId: string;
  name: string;
  domain: string;
  /** Its domain and Chinese domain, normalized: absolute links to them are links into the site. */
  hosts: string[];
  /** Temporarily offline or closed (SITE-09): every address shows its notice, none is broken. */
  noticeOnly: boolean;
  /** The files its build writes at the check's time (output-relative). */
  pages: Set<string>;
  /** Its items with a page, scheduled ones included, by their page file. */
  items: Map<string, ContentItem>;
  /** Absolute folder holding sites/<siteId>/ (assets/ is published at /assets/). */
  siteDir: string;
  /** Absolute folder holding content/ (an item's own files are published beside its page). */
  root: string;
}

/** What the site's 信息公开目录 (and the portal's 政策文件库) will list at `now`, as toSiteData makes it. */
function catalogueSource(site: LoadedSite, subjects: readonly Subject[], now: string): CatalogueSource | undefined {
  if (!site.source) return undefined;
  const { config } = site.source;
  const code = config.organizerCode ?? config.siteCode;
  const items = site.source.items
    .filter((item) => publishedAt(item.data.pubDate, now))
    .map((item) => ({ url: item.url, data: item.data, reference: item.referenceOf, ...(!item.referenceOf && { indexNumber: indexNumberOf({ itemId: item.id, ...item.data }, code) }) }));
  // The library is the portal's, made from the platform it carries once it can be built.
  return { items, subjects, library: site.model ? policyLibrary(site.model, now) : undefined };
}

/** A path inside a published folder: no empty, dot or hidden segment (hidden files are not copied). */
const plainPath = (relative: string) => relative.split('/').every((part) => part !== '' && !part.startsWith('.'));

export class PlatformPages {
  readonly sites = new Map<string, PlatformSite>();
  private readonly byHost = new Map<string, PlatformSite>();

  /** The platform as loaded (every site whose site.yaml is valid), as it will be built at `now`. */
  constructor(root: string, loaded: ReadonlyMap<string, LoadedSite>, now: string) {
    const { subjects } = loadPlatformDataFile(root, 'subject-classification.yaml', subjectsSchema);
    for (const [siteId, site] of loaded) {
      if (!site.source) continue;
      const { config, items } = site.source;
      const withPage = items.filter((item) => hasItemPage(item) && !item.data.draft);
      const entry: PlatformSite = {
        siteId,
        name: config.name,
        domain: config.domain,
        hosts: [config.domain, config.chineseDomain].filter((h): h is string => Boolean(h)).map(normalizeHost),
        noticeOnly: publishesNoticeOnly(config),
        pages: sitePages({ config, items: items.filter((item) => publishedAt(item.data.pubDate, now)), catalogue: catalogueSource(site, subjects, now) }),
        items: new Map(withPage.map((item) => [itemPageFile(item), item])),
        siteDir: path.join(root, 'sites', siteId),
        root,
      };
      this.sites.set(siteId, entry);
      for (const host of entry.hosts) this.byHost.set(host, entry);
    }
  }

  /** The platform site a host (normalized) belongs to. */
  siteOfHost(host: string): PlatformSite | undefined {
    return this.byHost.get(host);
  }

  /**
   * The output file `pathname` (decoded, site-absolute) is served from on `site`, for a link in
   * content published at `at`: an item scheduled by then has its page by then.
   */
  resolve(site: PlatformSite, pathname: string, at: string): string | undefined {
    return resolveFile(pathname, { has: (file) => this.has(site, file, at) });
  }

  /**
   * For an absolute address on another site of the platform that its build will not have at
   * `at`: what it names, in words ("本平台网站“…”（domain）的页面 /x/"); else undefined. A site
   * publishing only its notice shows it at every address (SITE-09): nothing there is missing.
   */
  missingPage(url: string, host: string, at: string): string | undefined {
    const other = this.byHost.get(host);
    if (!other || other.noticeOnly) return undefined;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(url.trim(), 'https://site.invalid/').pathname);
    } catch {
      return undefined;
    }
    return this.resolve(other, pathname, at) ? undefined : `本平台网站“${other.name}”（${other.domain}）的页面 ${pathname}`;
  }

  /** The item a page file of the site belongs to, published or scheduled. */
  itemOfPage(site: PlatformSite, file: string): ContentItem | undefined {
    return site.items.get(file);
  }

  private has(site: PlatformSite, file: string, at: string): boolean {
    if (site.pages.has(file) || publicFiles().has(file)) return true;
    if (GENERATED_FOLDERS.some((folder) => file.startsWith(`${folder}/`))) return true;
    const item = site.items.get(file);
    if (item) return publishedAt(item.data.pubDate, at);
    if (file.startsWith('assets/')) {
      const relative = file.slice('assets/'.length);
      return plainPath(relative) && lstatInside(path.join(site.siteDir, 'assets'), relative).state === 'file';
    }
    return this.itemFile(site, file, at);
  }

  /** A file of a folder item's own folder, published beside its page (plugins/astro-govsite/site-files.ts). */
  private itemFile(site: PlatformSite, file: string, at: string): boolean {
    const [columnId, slug, ...rest] = file.split('/');
    const relative = rest.join('/');
    const item = site.items.get(`${columnId}/${slug}/index.html`);
    if (!item?.assetDir || rest.length === 0 || !plainPath(relative) || relative.endsWith('.mdx')) return false;
    if (!publishedAt(item.data.pubDate, at)) return false;
    return lstatInside(path.join(site.root, item.assetDir), relative).state === 'file';
  }
}
