// What a content item is once loaded (src/rules/load-items.ts loads and checks them), and the
// file it comes from. Its own module: the rules, the site data and the reports read these types
// without the loader.
import { readFileSync } from 'node:fs';
import { parseYaml } from '../config/parse-yaml.ts';
import { decodeSource } from '../config/read-source-file.ts';
import { createLocator, type FieldLocator } from '../config/validate-yaml.ts';
import type { FrontMatter } from '../schema/front-matter-schema.ts';
import { splitFrontMatter } from './front-matter.ts';
import type { BodyLink } from './body-links.ts';

/** A link from one item to another, possibly on another site of the platform. */
export interface ItemLink {
  title: string;
  /** Site-relative on the same site, absolute across sites. */
  url: string;
  /** The other site's name, when the link leaves the site. */
  siteName?: string;
  /** The target's publish time: a link to an item scheduled later is left out until then (src/render/site-data.ts). */
  pubDate?: string;
}

/** Relations resolved across the platform after every site is loaded (src/rules/relations). */
export interface ItemRelations {
  interprets?: ItemLink;
  interpretations: ItemLink[];
  replacedBy?: ItemLink;
  reprintOf?: ItemLink;
}

export interface ContentItem {
  /** `<columnId>/<slug>`: unique within the site, and the Astro content entry id. */
  id: string;
  siteId: string;
  columnId: string;
  slug: string;
  /** Site-relative URL, stable: derived from column and slug, never from the title. */
  url: string;
  /** Project-relative path of the MDX file. */
  file: string;
  /** Project-relative folder holding the item's own images and attachments, for folder items. */
  assetDir?: string;
  bodyFirstLine: number;
  /** The MDX body, for summaries; empty for items served from the front-matter cache (check --files). */
  body: string;
  /**
   * The addresses the body links to (body-links.ts), for the platform's link check (CONT-13);
   * absent when the body was not parsed (the front-matter cache of check --files).
   */
  links?: BodyLink[];
  data: FrontMatter;
  /** Line and column of a front-matter field in the file. */
  locate: FieldLocator;
  relations?: ItemRelations;
  /** Set on a copy published by reference (PUB-07): the original it follows. */
  referenceOf?: ItemReferenceSource;
}

/** Where a referenced copy comes from: the original item on a superior site. */
export interface ItemReferenceSource {
  /** `<siteId>:<columnId>/<slug>`: the Astro entry id of the original's body. */
  key: string;
  siteId: string;
  siteName: string;
  /** Absolute URL of the original: the copy's canonical URL. */
  url: string;
}

/** An item file found in the site's content folder (item-files.ts), not yet read. */
export interface Candidate {
  absolute: string;
  file: string;
  columnId: string;
  slug: string;
  assetDir?: string;
}

export function newItem(candidate: Candidate, siteId: string, data: FrontMatter, bodyFirstLine: number, body: string, locate: FieldLocator): ContentItem {
  return {
    id: `${candidate.columnId}/${candidate.slug}`,
    siteId,
    columnId: candidate.columnId,
    slug: candidate.slug,
    url: `/${candidate.columnId}/${candidate.slug}/`,
    file: candidate.file,
    assetDir: candidate.assetDir,
    bodyFirstLine,
    body,
    data,
    locate,
  };
}

/** A cached item's field positions are needed only if a finding names one: parse then, once. */
export function lazyLocator(candidate: Candidate): FieldLocator {
  let locate: FieldLocator | undefined;
  return (fieldPath) => {
    if (!locate) {
      const source = decodeSource(readFileSync(candidate.absolute), candidate.file);
      const split = source.ok ? splitFrontMatter(source.text, candidate.file).split : undefined;
      const yamlSource = split && { text: split.yaml, file: candidate.file, firstLine: split.yamlFirstLine };
      locate = yamlSource ? createLocator({ source: yamlSource, ...parseYaml(yamlSource) }) : () => ({ line: 1, column: 1 });
    }
    return locate(fieldPath);
  };
}

