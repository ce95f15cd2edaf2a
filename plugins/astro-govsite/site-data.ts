// What the templates know about the site being built: the validated configuration and the
// published items' metadata (bodies are rendered by Astro from the content collection).
import type { ItemReferenceSource, ItemRelations } from '../../src/load/load-items.ts';
import type { SiteModel } from '../../src/load/load-site.ts';
import type { FrontMatter } from '../../src/schema/front-matter-schema.ts';
import type { SiteConfig } from '../../src/schema/site-schema.ts';
import { summarize } from '../../src/util/plain-text.ts';

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
}

export interface SiteData {
  id: string;
  config: SiteConfig;
  items: ItemSummary[];
  /** Build time `YYYY-MM-DD HH:MM` (China time); fixed by --now for reproducible builds. */
  now: string;
}

export function toSiteData(model: SiteModel, now: string): SiteData {
  return {
    id: model.id,
    config: model.config,
    now,
    items: model.items.map((item) => ({
      id: item.id,
      columnId: item.columnId,
      slug: item.slug,
      url: item.url,
      file: item.file,
      assetBase: item.assetDir ? item.url : undefined,
      summary: item.data.description ?? summarize(item.body),
      data: item.data,
      relations: item.relations ?? { interpretations: [] },
      reference: item.referenceOf,
    })),
  };
}
