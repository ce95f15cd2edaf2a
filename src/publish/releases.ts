// PUB-03 on the server: a publish target holds complete releases side by side and a symbolic
// link `current` to the one being served (nginx's root is <target>/current). Publishing copies a
// built site into a new release folder, checks the copy against the build's integrity manifest,
// and only then points `current` at it with one rename(2), which is atomic: a reader gets the old
// release or the new one, never half of each. `previous` keeps the release before, so a rollback
// is one more rename.
//
//   <target>/releases/<digest>/   a release, named by its manifest digest (same build, same name)
//   <target>/current -> releases/<digest>
//   <target>/previous -> releases/<digest>
import { existsSync, lstatSync } from 'node:fs';
import { cp, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { IntegrityManifest } from './integrity-manifest.ts';

export const CURRENT_LINK = 'current';
export const PREVIOUS_LINK = 'previous';
export const RELEASES_DIR = 'releases';

async function linkTarget(target: string, name: string): Promise<string | undefined> {
  const link = path.join(target, name);
  if (!existsSync(link) && !isLink(link)) return undefined;
  if (!isLink(link)) throw new Error(`${link} 不是符号链接：发布目录的布局不对（应由 npm run publish 创建）`);
  return readlink(link);
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Points `<target>/<name>` at `destination` atomically: a new link renamed over the old one. */
async function pointLink(target: string, name: string, destination: string): Promise<void> {
  const temporary = path.join(target, `.${name}.new`);
  await rm(temporary, { force: true });
  await symlink(destination, temporary);
  await rename(temporary, path.join(target, name));
}

export interface ReleaseState {
  current?: string;
  previous?: string;
}

export async function releaseState(target: string): Promise<ReleaseState> {
  return { current: await linkTarget(target, CURRENT_LINK), previous: await linkTarget(target, PREVIOUS_LINK) };
}

/** Releases neither link points at are deleted: the target keeps the live release and one to roll back to. */
async function prune(target: string): Promise<void> {
  const { current, previous } = await releaseState(target);
  const keep = new Set([current, previous].filter(Boolean).map((l) => path.basename(l!)));
  for (const entry of await readdir(path.join(target, RELEASES_DIR))) {
    if (!keep.has(entry)) await rm(path.join(target, RELEASES_DIR, entry), { recursive: true, force: true });
  }
}

export interface InstallResult {
  release: string;
  previous?: string;
  /** The same build was already the current release. */
  unchanged: boolean;
}

/**
 * Copies the built site `siteDir` into a new release of `target` and makes it current.
 * `check(dir)` must accept the copy (an integrity check) before anything is switched.
 */
export async function installRelease(
  siteDir: string,
  manifest: IntegrityManifest,
  target: string,
  check: (dir: string) => Promise<string | undefined>,
): Promise<InstallResult> {
  const digest = manifest.digest.slice(0, 16);
  await mkdir(path.join(target, RELEASES_DIR), { recursive: true });
  const before = await releaseState(target);
  const sameBuild = (link?: string) => link !== undefined && (path.basename(link) === digest || path.basename(link).startsWith(`${digest}-`));
  if (sameBuild(before.current) && !(await check(path.join(target, before.current!)))) {
    return { release: path.basename(before.current!), previous: before.previous, unchanged: true };
  }
  // Publishing again the build kept as `previous` (an undone rollback): switch back to it if intact.
  if (sameBuild(before.previous) && existsSync(path.join(target, before.previous!)) && !(await check(path.join(target, before.previous!)))) {
    await pointLink(target, CURRENT_LINK, before.previous!);
    if (before.current) await pointLink(target, PREVIOUS_LINK, before.current);
    return { release: path.basename(before.previous!), previous: before.current, unchanged: false };
  }
  // A live or kept release is never written over: a damaged live copy of the same build gets a
  // fresh folder beside it.
  let release = digest;
  for (let n = 2; existsSync(path.join(target, RELEASES_DIR, release)); n++) release = `${digest}-${n}`;
  const relative = `${RELEASES_DIR}/${release}`;
  const incoming = path.join(target, RELEASES_DIR, `.incoming-${release}`);
  await rm(incoming, { recursive: true, force: true });
  await cp(siteDir, incoming, { recursive: true });
  const problem = await check(incoming);
  if (problem) {
    await rm(incoming, { recursive: true, force: true });
    throw new Error(`复制到发布目录的文件与构建结果不一致，未发布：\n${problem}`);
  }
  await rename(incoming, path.join(target, relative));
  await pointLink(target, CURRENT_LINK, relative);
  if (before.current && before.current !== relative) await pointLink(target, PREVIOUS_LINK, before.current);
  await prune(target);
  return { release, previous: before.current !== relative ? before.current : before.previous, unchanged: false };
}

/** Serves the previous release again (and keeps the one rolled back from as `previous`). */
export async function rollback(target: string): Promise<ReleaseState> {
  const { current, previous } = await releaseState(target);
  if (!previous || !existsSync(path.join(target, previous))) {
    throw new Error(`${target} 没有上一个版本可以回退（只有发布过两次以上才有）`);
  }
  await pointLink(target, CURRENT_LINK, previous);
  if (current) await pointLink(target, PREVIOUS_LINK, current);
  return { current: previous, previous: current };
}
