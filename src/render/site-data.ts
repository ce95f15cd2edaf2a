// What the templates know about the site being built: the validated configuration and the
// published items' metadata (bodies are rendered by Astro from the content collection).
import { searchPartCount } from '../index/search-parts.ts';
import type { ItemLink, ItemReferenceSource, ItemRelations } from '../content/items.ts';
import type { SiteModel } from '../rules/load-site.ts';
import { activeNotices, type SiteNotices } from '../rules/site/lifecycle-notices.ts';
import type { FrontMatter } from '../schema/front-matter-schema.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { summarize } from '../util/plain-text.ts';
import { leavingHash, nonGovernmentHost, nonGovernmentLinks } from './leaving-links.ts';
import { bodyHash } from '../content/body-hash.ts';
import { indexNumberOf } from '../content/index-number.ts';
import { hasItemPage } from './rendered-items.ts';
import { rendersDirectly } from './renders-directly.ts';
import { publishedAt } from './published-at.ts';
import type { Subject } from '../rules/content/remark-disclosure-fields.ts';
import type { LibraryEntry } from './catalogue-entries.ts';
import { policyLibrary } from './policy-library.ts';

export interface ItemSummary {
  id: string;
  columnId: string;
  slug: string;
  url: string;
  file: string;
  /** Site-relative URL prefix of the item's own files (images, attachments), for folder items. */
  assetBase?: string;
  summary: string;
  data: FrontMatter;
  relations: ItemRelations;
  /** A copy published by reference (PUB-07): its body is the original's. */
  reference?: ItemReferenceSource;
  /** The body is rendered by the item page itself, not compiled as a module (direct-body.ts). */
  directBody: boolean;
  /** SHA-256 of the body the checks read: the compiler is given only that body (checked-body.ts). */
  bodyHash: string;
  /** 索引号 (src/content/index-number.ts); none for a copy published by reference, which is the original site's document. */
  indexNumber?: string;
}

/** A non-government destination and its leave-site notice page /leaving/<hash>/ (CONT-13). */
export interface LeavingPage {
  hash: string;
  /** The destination, exactly as the rendered link had it. */
  url: string;
  host: string;
  /** The items linking to it: the notice page's way back. */
  from: Array<{ url: string; title: string }>;
}

export interface SiteData {
  id: string;
  config: SiteConfig;
  items: ItemSummary[];
  /** One notice page per non-government destination of the item bodies, by hash. */
  leaving: LeavingPage[];
  /** Build time `YYYY-MM-DD HH:MM` (China time); fixed by --now for reproducible builds. */
  now: string;
  /** SITE-09 notices in force at `now`: pinned on the home page, or (`outage`) the site's whole output. */
  notices: SiteNotices;
  /**
   * A partial render (src/incremental/plan-build.ts): the ids of the only items whose pages
   * are rendered; every other page is rendered from the full data as always. Absent: all.
   */
  renderOnly?: string[];
  /**
   * In a partial render, the column list pages rendered again (output-relative files, list-pages.ts):
   * those whose items changed; the others are carried over. Absent: all.
   */
  renderListPages?: string[];
  /** Parts of the site's search index (src/index/search-parts.ts): the search page merges them. */
  searchParts: number;
  /** The platform's 主题分类, in its order: the catalogue's subject pages (OPEN-03, catalogue-pages.ts). */
  subjects: Subject[];
  /** On the provincial portal only: the platform's 政策文件库 (OPEN-04, policy-library.ts), newest first. */
  library?: LibraryEntry[];
}


/**
 * The non-government destinations of the items: links in the bodies (rewritten to the notice page
 * by plugins/rehype-external-link-notice.ts) and a reprint's original (转载) when it is not a
 * government site, so a template can send that link through the notice page too.
 */
export function leavingPages(items: SiteModel['items']): LeavingPage[] {
  const pages = new Map<string, LeavingPage>();
  for (const item of items) {
    const urls = nonGovernmentLinks(item.body);
    if (item.data.reprint && nonGovernmentHost(item.data.reprint.url)) urls.push(item.data.reprint.url);
    for (const url of urls) {
      const hash = leavingHash(url);
      const page = pages.get(hash) ?? { hash, url, host: nonGovernmentHost(url)!, from: [] };
      if (!page.from.some((f) => f.url === item.url)) page.from.push({ url: item.url, title: item.data.title });
      pages.set(hash, page);
    }
  }
  return [...pages.values()].sort((a, b) => a.hash.localeCompare(b.hash));
}

/** The relations of an item without the links to items scheduled after `now`: those pages do not exist yet. */
function publishedRelations(relations: ItemRelations | undefined, now: string): ItemRelations {
  const live = (link: ItemLink | undefined) => (link && (!link.pubDate || publishedAt(link.pubDate, now)) ? link : undefined);
  const { interprets, replacedBy, reprintOf, interpretations } = relations ?? { interpretations: [] };
  return {
    ...(live(interprets) && { interprets }),
    interpretations: interpretations.filter((link) => live(link)),
    ...(live(replacedBy) && { replacedBy }),
    ...(live(reprintOf) && { reprintOf }),
  };
}

/**
 * The data of a site as published at `now`. Items scheduled later (pubDate after `now`) are not
 * in it: not published, listed, fed or indexed until a build at or after their time
 * (nextScheduled says when).
 */
export function toSiteData(model: SiteModel, now: string): SiteData {
  const items = model.items.filter((item) => publishedAt(item.data.pubDate, now));
  return {
    searchParts: searchPartCount(items.filter(hasItemPage).length),
    id: model.id,
    config: model.config,
    now,
    notices: activeNotices(model.notices, now),
    leaving: leavingPages(items),
    subjects: [...(model.subjects ?? [])],
    ...(model.platform && { library: policyLibrary(model, now) }),
    items: items.map((item) => ({
      id: item.id,
      columnId: item.columnId,
      slug: item.slug,
      url: item.url,
      file: item.file,
      assetBase: item.assetDir ? item.url : undefined,
      summary: item.data.description ?? summarize(item.body),
      data: item.data,
      relations: publishedRelations(item.relations, now),
      reference: item.referenceOf,
      directBody: rendersDirectly(item.body),
      bodyHash: bodyHash(item.body),
      ...(!item.referenceOf && { indexNumber: indexNumberOf({ itemId: item.id, ...item.data }, model.config.organizerCode ?? model.config.siteCode) }),
    })),
  };
}

/** The earliest item of the site scheduled after `now`, if any: the build says when to build again. */
export function nextScheduled(model: SiteModel, now: string): { pubDate: string; file: string } | undefined {
  let next: { pubDate: string; file: string } | undefined;
  for (const item of model.items) {
    if (!publishedAt(item.data.pubDate, now) && (!next || item.data.pubDate < next.pubDate)) next = { pubDate: item.data.pubDate, file: item.file };
  }
  return next;
}
