// `--changed <ref>`: which sites a change touches, by the inputs declared in build-inputs.ts.
// Content and configuration map to their site; the program and the platform data files
// (templates, plugins, the build itself, dependencies, data/*.yaml) touch every site.
import { execFileSync } from 'node:child_process';
import { ownerOfPath } from './build-inputs.ts';

export type ChangeScope = { all: true } | { all: false; siteIds: Set<string>; configChanged: Set<string> };

export function scopeOfPaths(paths: readonly string[]): ChangeScope {
  const siteIds = new Set<string>();
  const configChanged = new Set<string>();
  for (const p of paths) {
    const owner = ownerOfPath(p);
    if (!owner) continue;
    if (owner.all) return { all: true };
    siteIds.add(owner.siteId);
    if (owner.config) configChanged.add(owner.siteId);
  }
  return { all: false, siteIds, configChanged };
}

/**
 * A site's configuration shows on its parent portal too (launch, offline, closure notices,
 * SITE-09): the parent of a site whose site.yaml changed is rebuilt with it.
 */
export function withParents(changed: ReadonlySet<string>, configChanged: ReadonlySet<string>, parentOf: ReadonlyMap<string, string | undefined>): Set<string> {
  const result = new Set(changed);
  for (const id of configChanged) {
    const parent = parentOf.get(id);
    if (parent) result.add(parent);
  }
  return result;
}

/**
 * OPEN-04: the provincial portal's 政策文件库 lists the policy documents of every site, with the
 * site's name and domain: a change to any site's content or configuration rebuilds the portal.
 */
export function withPlatformPortal(changed: ReadonlySet<string>, portals: readonly string[]): Set<string> {
  return changed.size > 0 ? new Set([...changed, ...portals]) : new Set(changed);
}

function git(root: string, args: string[]): string[] {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    .split('\n')
    .filter(Boolean);
}

/** Paths (relative to `root`) changed since `ref`, committed or not, plus new untracked files. */
export function changedPaths(root: string, ref: string): string[] {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new Error(`找不到 git 版本“${ref}”：请给出分支名、标签或提交号，例如 --changed HEAD~1 或 --changed origin/main`);
  }
  return [
    ...git(root, ['diff', '--name-only', '--relative', '--no-renames', ref]),
    ...git(root, ['ls-files', '--others', '--exclude-standard']),
  ];
}

/** Sites that republish a changed site's items by reference (PUB-07) must be rebuilt with it. */
export function withSubscribers(changed: ReadonlySet<string>, subscriptionsOf: ReadonlyMap<string, readonly string[]>): Set<string> {
  const result = new Set(changed);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [siteId, sources] of subscriptionsOf) {
      if (!result.has(siteId) && sources.some((source) => result.has(source))) {
        result.add(siteId);
        grew = true;
      }
    }
  }
  return result;
}
