// The record of a site's published build: the keys of the inputs it was made from (site-keys.ts),
// what the next plan needs to carry pages over (plan-build.ts), the output checks' findings to
// repeat when it is kept, and a fingerprint of the published files (paths, sizes, mtimes), so
// that output changed or removed by hand is never kept or carried over.
//
// It sits next to the output, dist/.<siteId>.build.json. The portal's copies of the other sites'
// search bundles are not in it: they are refreshed after every build of any site
// (src/index/platform-search.ts), kept or not.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExternalLinks } from '../rules/output/check-links.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { MANIFEST_FILE, readManifest, type IntegrityManifest } from '../publish/integrity-manifest.ts';
import { sortedFiles } from '../util/output-files.ts';
import { outputFingerprint } from './output-fingerprint.ts';

const RECORD_VERSION = 3;

/** The record's part about item pages, kept for the next build's plan. */
export interface ItemPagesRecord {
  /** Key of everything an item page reads besides its own item. */
  shared: string;
  /** Item id → key of its page's own inputs. */
  items: Record<string, string>;
  /** Item id → the `_astro/` files its page refers to (stylesheets, scripts, images). */
  assets: Record<string, string[]>;
  /** Key of each part of the search index (src/index/search-parts.ts), for taking unchanged parts next time. */
  searchParts?: string[];
  /** Column list page (output-relative file) → key of what it shows (src/render/list-pages.ts). */
  listPages?: Record<string, string>;
  /** Key of the whole site data (site-keys.ts): equal, and only plain bodies changed, no Astro build is needed. */
  siteData?: string;
}

export interface BuildRecord {
  version: number;
  key: string;
  /** Fingerprint of the published files, see outputFingerprint. */
  output: string;
  pages: number;
  /** Findings of the output checks (warnings: errors never publish), repeated on a skipped build. */
  diagnostics: Diagnostic[];
  externalLinks?: ExternalLinks;
  /** What the item pages were made from, for a partial render next time (plan-build.ts). */
  itemPages?: ItemPagesRecord;
}

/** Where a site's build record lives: beside its output, hidden, never published. */
export function buildRecordFile(outRoot: string, siteId: string): string {
  return path.join(outRoot, `.${siteId}.build.json`);
}

/**
 * The record of the published output, not yet compared with the output (outputUnchanged): a
 * partial render makes that comparison while Astro renders, since it takes 0.7 s at 10,000 items.
 */
export async function readBuildRecord(outRoot: string, siteId: string): Promise<BuildRecord | undefined> {
  let record: BuildRecord;
  try {
    record = JSON.parse(await readFile(buildRecordFile(outRoot, siteId), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
  if (record.version !== RECORD_VERSION) return undefined;
  return existsSync(path.join(outRoot, siteId, 'index.html')) ? record : undefined;
}

/**
 * The published output is what `record` was written for: nobody changed or removed a file since.
 * `listing`: its files as the build knows them (output-files.ts), not walked again.
 */
export async function outputUnchanged(outRoot: string, siteId: string, record: BuildRecord, listing?: readonly string[]): Promise<boolean> {
  return (await outputFingerprint(path.join(outRoot, siteId), listing)) === record.output;
}

/** The published build as the planner sees it (plan-build.ts). */
export interface PublishedBuild {
  /** Its record, only when the output is unchanged since the record was written. */
  record?: BuildRecord;
  /** Its integrity manifest: the published files and their hashes, which a partial build carries over. */
  manifest?: IntegrityManifest;
}

/**
 * The published output of a site and whether it is what its record says. The comparison runs
 * over the files its manifest lists, which are those a partial build carries over (a walk of a
 * 10,000-page output costs seconds); a listed file changed, gone or added to the listing: changed.
 */
export async function readPublishedBuild(outRoot: string, siteId: string): Promise<PublishedBuild> {
  const [record, manifest] = await Promise.all([readBuildRecord(outRoot, siteId), readManifest(path.join(outRoot, siteId)).catch(() => undefined)]);
  if (!record) return { manifest };
  const listing = manifest && sortedFiles([...Object.keys(manifest.files), MANIFEST_FILE]);
  const intact = await outputUnchanged(outRoot, siteId, record, listing).catch(() => false);
  return { record: intact ? record : undefined, manifest };
}

/** Before the output is replaced: a record must never describe output it was not made for. */
export async function forgetBuild(outRoot: string, siteId: string): Promise<void> {
  await rm(buildRecordFile(outRoot, siteId), { force: true });
}

/** `listing`: the published files, when the build knows them (src/util/output-files.ts). */
export async function recordBuild(outRoot: string, siteId: string, record: Omit<BuildRecord, 'version' | 'output'>, listing?: readonly string[]): Promise<void> {
  const output = await outputFingerprint(path.join(outRoot, siteId), listing);
  await writeFile(buildRecordFile(outRoot, siteId), `${JSON.stringify({ version: RECORD_VERSION, output, ...record })}\n`);
}
