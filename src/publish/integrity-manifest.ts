// PUB-02 防篡改: every build leaves in the site's output a manifest of every file with its SHA-256,
// and the manifest's own digest, so a deployed copy can be compared file by file with what the
// build produced (verify.ts), and a damaged manifest is noticed too.
//
// The manifest is published with the site (/govsite-integrity.json): it names only public files,
// and lets a monitoring service check the live site without access to the build.
// Paths are POSIX, relative to the site root, in code-unit order; there is no time in it, so the
// same output gives the same manifest (PUB-04).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { byCodeUnit, listOutputFiles } from '../util/output-files.ts';
import { sha256 } from '../util/hash-files.ts';

export const MANIFEST_FILE = 'govsite-integrity.json';
export const MANIFEST_FORMAT = 'govsite-integrity/1';

export interface IntegrityManifest {
  format: typeof MANIFEST_FORMAT;
  site: string;
  algorithm: 'sha256';
  /** SHA-256 of the `sha256sum`-style listing of `files` (see listing()): the manifest's own hash. */
  digest: string;
  fileCount: number;
  /** Relative path → SHA-256 (hex). */
  files: Record<string, string>;
}

export { sha256 };

// Synchronous reads: a site's output is thousands of small files, for which a stream (or a
// promise) per file costs more than the reading (see src/util/hash-files.ts).
function sha256File(file: string): string {
  return sha256(readFileSync(file));
}

/**
 * Hashes known from another tree: a file of `dir` that is the same file (a hard link, same
 * inode) as the one at its path in `dir` is not read again, its hash is taken from `files`.
 */
export interface KnownHashes {
  dir: string;
  files: Record<string, string>;
  /**
   * Files this build linked from `dir` itself (a partial render's carried pages and parts): known
   * to be the same file without comparing the two (two stats each, 0.6 s at 10,000 items).
   */
  linked?: ReadonlySet<string>;
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * Every file under `dir` (relative POSIX path → SHA-256), symlinks followed, in code-unit order.
 * `listing`: the files of `dir` when the caller knows them (src/util/output-files.ts), not walked again.
 */
export async function hashTree(
  dir: string,
  options: { skip?: (relative: string) => boolean; known?: KnownHashes; listing?: readonly string[] } = {},
): Promise<Record<string, string>> {
  const found = (options.listing ?? listOutputFiles(dir)).filter((relative) => !options.skip?.(relative)).sort(byCodeUnit);
  const files: Record<string, string> = {};
  const known = options.known;
  for (const f of found) {
    const file = path.join(dir, f);
    const hash = known?.files[f];
    files[f] = hash && (known.linked?.has(f) || sameFile(file, path.join(known.dir, f))) ? hash : sha256File(file);
  }
  return files;
}

/** `<hash>  <path>` lines, as `sha256sum` prints them: the text the digest is taken over. */
export function listing(files: Record<string, string>): string {
  return Object.keys(files)
    .sort(byCodeUnit)
    .map((f) => `${files[f]}  ${f}\n`)
    .join('');
}

export function makeManifest(site: string, files: Record<string, string>): IntegrityManifest {
  const sorted = Object.fromEntries(Object.keys(files).sort(byCodeUnit).map((f) => [f, files[f]!]));
  return { format: MANIFEST_FORMAT, site, algorithm: 'sha256', digest: sha256(listing(sorted)), fileCount: Object.keys(sorted).length, files: sorted };
}

async function writeManifest(dir: string, manifest: IntegrityManifest): Promise<void> {
  const target = path.join(dir, MANIFEST_FILE);
  const temporary = `${target}.writing`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 1)}\n`);
  await rename(temporary, target);
}

const isManifest = (relative: string) => relative === MANIFEST_FILE || relative === `${MANIFEST_FILE}.writing`;

/**
 * Writes `<dir>/govsite-integrity.json` over every other file of `dir`. The last write of a build.
 * After a partial render most files are links to the published output's (src/render/carry-pages.ts):
 * with `known` (the published folder and its manifest) those are not read again. The build
 * trusts the published files as far as its record's fingerprint of them (paths, sizes, mtimes);
 * a published file changed in place would keep its old hash here, so verify still reports it.
 */
export async function writeIntegrityManifest(dir: string, site: string, known?: KnownHashes, listing?: readonly string[]): Promise<IntegrityManifest> {
  const manifest = makeManifest(site, await hashTree(dir, { skip: isManifest, known, listing }));
  await writeManifest(dir, manifest);
  return manifest;
}

/**
 * After files under `<dir>/<folder>/` changed in place (the portal's copies of the other sites'
 * search bundles, src/index/platform-search.ts): rehashes that folder only, or of it only the
 * files directly inside and the subfolders named in `changed` (the copies that were replaced).
 */
export async function refreshIntegrityManifest(dir: string, site: string, folder: string, changed?: readonly string[]): Promise<IntegrityManifest> {
  const existing = await readManifest(dir).catch(() => undefined);
  if (!existing) return writeIntegrityManifest(dir, site);
  const prefix = `${folder}/`;
  const sub = path.join(dir, folder);
  const entries = existsSync(sub) ? await readdir(sub, { withFileTypes: true }) : [];
  // Not told what changed: every subfolder is hashed again, and no entry of the folder is kept.
  const subfolders = changed ?? entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const stale = (file: string) => {
    if (!file.startsWith(prefix)) return false;
    const inside = file.slice(prefix.length);
    return !changed || !inside.includes('/') || changed.some((name) => inside.startsWith(`${name}/`));
  };
  const files = Object.fromEntries(Object.entries(existing.files).filter(([f]) => !stale(f)));
  for (const entry of entries) {
    if (entry.isFile() || entry.isSymbolicLink()) files[`${prefix}${entry.name}`] = await sha256File(path.join(sub, entry.name));
  }
  for (const name of subfolders) {
    const part = path.join(sub, name);
    if (existsSync(part)) for (const [f, h] of Object.entries(await hashTree(part))) files[`${prefix}${name}/${f}`] = h;
  }
  const manifest = makeManifest(site, files);
  // Unchanged copies leave the file alone (its mtime too: the build cache fingerprints the output).
  if (manifest.digest !== existing.digest) await writeManifest(dir, manifest);
  return manifest;
}

export class ManifestError extends Error {}

/** Reads and checks a manifest: its digest must match its file list. */
export async function readManifest(dir: string): Promise<IntegrityManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let manifest: IntegrityManifest;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8')) as IntegrityManifest;
  } catch (error) {
    throw new ManifestError(`读不到完整性清单 ${file}（${(error as Error).message}）：请先构建该网站`);
  }
  if (manifest.format !== MANIFEST_FORMAT || typeof manifest.files !== 'object') throw new ManifestError(`${file} 不是 govsite 完整性清单`);
  if (sha256(listing(manifest.files)) !== manifest.digest) {
    throw new ManifestError(`完整性清单 ${file} 本身被改动过（摘要不符）：请重新构建，不要据此校验`);
  }
  return manifest;
}
