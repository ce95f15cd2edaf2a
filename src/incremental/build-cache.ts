// A no-change rebuild (issue 8): when everything a site's output is made from hashes the same as
// for the output already published, Astro, Pagefind and the output checks would only reproduce
// the same bytes, so the build keeps the published dist/<siteId>/ instead.
//
// The key covers what the output depends on, not the raw inputs alone:
// - the site data handed to the Astro worker (validated configuration, item metadata, references
//   to superior sites' items, leave-site pages, the SITE-09 notices in force at --now), with
//   --now reduced to its date: the templates read only `site.now.slice(0, 10)` (a unit test holds
//   them to it), so builds on one day share a key and the next day's build renders afresh;
// - the bytes of every file of the site: sites/<siteId>/ and content/<siteId>/ (MDX and media);
// - the bytes of the superior sites' items republished by reference, with their folders;
// - the program: templates, plugins, the build code, data files, Astro config, lockfile, Node.
// The portal's copies of the other sites' search bundles are not in the key: they are refreshed
// after every build of any site (src/index/platform-search.ts), skipped or not.
//
// The record sits next to the output, dist/.<siteId>.build.json, and also holds a fingerprint of
// the published files (paths, sizes, mtimes): output changed or removed by hand is rebuilt.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExternalLinks } from '../rules/output/check-links.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteData } from '../render/site-data.ts';
import { codeFingerprint, filesUnder, hashFiles, projectFiles, type FileDigests } from '../util/hash-files.ts';
import { outputFingerprint } from './output-fingerprint.ts';
import { templatesReadJson } from './templates-read.ts';
import type { ItemPagesRecord } from './incremental-render.ts';

const RECORD_VERSION = 2;

export interface BuildRecord {
  version: number;
  key: string;
  /** Fingerprint of the published files, see outputFingerprint. */
  output: string;
  pages: number;
  /** Findings of the output checks (warnings: errors never publish), repeated on a skipped build. */
  diagnostics: Diagnostic[];
  externalLinks?: ExternalLinks;
  /** What the item pages were made from, for a partial render next time (incremental-render.ts). */
  itemPages?: ItemPagesRecord;
}

/** Where a site's build record lives: beside its output, hidden, never published. */
export function buildRecordFile(outRoot: string, siteId: string): string {
  return path.join(outRoot, `.${siteId}.build.json`);
}

/** Everything of the project that shapes a page: what is outside these (tests, docs, bench) does not. */
const PROGRAM_PARTS = ['templates', 'plugins', 'src', 'data', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The program files the key hashes, relative to the project root (exported for its test). */
export function programFiles(): Promise<string[]> {
  return projectFiles(PROGRAM_PARTS);
}

/** The program does not change during one CLI run: hashed once for all its sites. */
export function programFingerprint(): Promise<string> {
  return codeFingerprint(PROGRAM_PARTS);
}

/** The key of everything `siteData`'s output is made from (see the top of this file). */
export async function siteInputKey(root: string, siteData: SiteData, known?: FileDigests): Promise<string> {
  const hash = createHash('sha256').update(`govsite build ${RECORD_VERSION}\0${await programFingerprint()}\0`);
  hash.update(templatesReadJson(siteData));
  hash.update('\0');
  const siteDirs = [path.join(root, 'sites', siteData.id), path.join(root, 'content', siteData.id)];
  for (const dir of siteDirs) await hashFiles(hash, root, await filesUnder(dir), known);
  // Republished items (PUB-07) render the original's body and files, outside the site's folders.
  const ownContent = path.join(root, 'content', siteData.id) + path.sep;
  const foreign = new Set<string>();
  for (const item of siteData.items) {
    const file = path.join(root, item.file);
    if (file.startsWith(ownContent)) continue;
    if (item.assetBase) for (const f of await filesUnder(path.dirname(file))) foreign.add(f);
    else foreign.add(file);
  }
  await hashFiles(hash, root, [...foreign].sort(), known);
  return hash.digest('hex');
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

/** The record of the published output, when the output is unchanged since it was recorded. */
export async function publishedBuild(outRoot: string, siteId: string): Promise<BuildRecord | undefined> {
  const record = await readBuildRecord(outRoot, siteId);
  return record && (await outputUnchanged(outRoot, siteId, record)) ? record : undefined;
}

/** The record of the published output when it was built from inputs with `key` and is unchanged since. */
export function reusableBuild(record: BuildRecord | undefined, key: string): BuildRecord | undefined {
  return record?.key === key ? record : undefined;
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
