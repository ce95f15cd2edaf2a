// Every input of a site's build, declared once. The build record's keys (site-keys.ts), the item
// cache of the checks (item-cache.ts), the front-matter cache of `check` (front-matter-cache.ts),
// the output page cache (src/rules/output/page-cache.ts) and `--changed` (changed-sites.ts) all
// take what they depend on from here, so that adding an input here adds it everywhere.
//
// A site's output is made from:
// - the program: govsite's own code, templates, Astro configuration, lockfile and Node;
// - the platform data: the word lists and host lists of the content rules, data/*.yaml of the
//   repository, which a platform folder given with --root may replace by its own data/<name>.yaml
//   (src/rules/content/support/data-files.ts);
// - the site's own folders: sites/<siteId>/ (site.yaml, assets) and content/<siteId>/;
// - the items it republishes from other sites (PUB-07): their files, outside its folders;
// - on the provincial portal, the other sites' policy documents its 政策文件库 lists (OPEN-04):
//   their MDX files;
// - the site data handed to the templates (configuration, item metadata, relations, notices in
//   force at --now), which the keys hash as the templates read it (templates-read.ts).
import path from 'node:path';
import { codeFingerprint, filesUnder, hashFiles, sha256 } from '../util/hash-files.ts';
import { createHash } from 'node:crypto';
import type { SiteData } from '../render/site-data.ts';

/** The program parts that load and check content: the checks' findings depend on them (project-relative). */
export const CHECKING_PROGRAM = ['src', 'plugins', 'package.json', 'package-lock.json', 'tsconfig.json'] as const;

/** The program parts that only shape pages (project-relative). */
export const RENDERING_PROGRAM = ['templates', 'astro.config.mjs'] as const;

/** The folder of platform data files, in the repository and in a platform folder (--root). */
export const PLATFORM_DATA = 'data';

/** Every program part: a change to any of them may change every page of every site. */
export const PROGRAM = [...CHECKING_PROGRAM, ...RENDERING_PROGRAM, PLATFORM_DATA] as const;

/** A site's own folders, relative to the platform root. */
export function siteFolders(siteId: string): string[] {
  return [`sites/${siteId}`, `content/${siteId}`];
}

/** The platform folder's own data files (absent: the repository's apply, which the program covers). */
async function platformDataFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256').update('platform data\0');
  const dir = path.join(root, PLATFORM_DATA);
  await hashFiles(hash, dir, await filesUnder(dir));
  return hash.digest('hex');
}

const combined = new Map<string, Promise<string>>();
function fingerprintOf(parts: readonly string[], root: string): Promise<string> {
  const id = `${parts.join('\0')}\0${path.resolve(root)}`;
  let fingerprint = combined.get(id);
  if (!fingerprint) {
    // The project's data/ is in `parts`; the platform's own data/ comes with the root.
    fingerprint = Promise.all([codeFingerprint([...parts, PLATFORM_DATA]), platformDataFingerprint(root)]).then(([program, data]) => sha256(`${program}\0${data}`));
    combined.set(id, fingerprint);
  }
  return fingerprint;
}

/**
 * What checking an item depends on besides the item and its site (item-cache.ts, page-cache.ts,
 * front-matter-cache.ts): the checking program, Node and the platform data of `root`.
 */
export function checkingFingerprint(root: string): Promise<string> {
  return fingerprintOf(CHECKING_PROGRAM, root);
}

/** What every page of a site on the platform at `root` depends on besides the site: the whole program and the platform data. */
export function programFingerprint(root: string): Promise<string> {
  return fingerprintOf([...CHECKING_PROGRAM, ...RENDERING_PROGRAM], root);
}

/** The files outside the site's folders that its output is made from: the items it republishes (PUB-07), the documents its library lists (OPEN-04). */
export async function republishedFiles(root: string, data: SiteData): Promise<string[]> {
  const ownContent = path.join(root, 'content', data.id) + path.sep;
  const foreign = new Set<string>();
  for (const item of data.items) {
    const file = path.join(root, item.file);
    if (file.startsWith(ownContent)) continue;
    // A folder item's images and attachments are published with it.
    if (item.assetBase) for (const f of await filesUnder(path.dirname(file))) foreign.add(f);
    else foreign.add(file);
  }
  // The library shows a document's front matter only: its file, not its folder's attachments.
  for (const entry of data.library ?? []) {
    const file = path.join(root, entry.file);
    if (!file.startsWith(ownContent)) foreign.add(file);
  }
  return [...foreign].sort();
}

/** Which sites a changed path (relative to the platform root, POSIX) is an input of. */
export type PathOwner = { all: true } | { all: false; siteId: string; config: boolean } | undefined;

export function ownerOfPath(relative: string): PathOwner {
  const first = relative.split('/')[0]!;
  if ((PROGRAM as readonly string[]).includes(first) || (PROGRAM as readonly string[]).includes(relative)) return { all: true };
  const m = /^(content|sites)\/([^/]+)\//.exec(relative);
  return m ? { all: false, siteId: m[2]!, config: m[1] === 'sites' } : undefined;
}
