// PUB-03: a site's output is replaced only by a complete build. The new tree is built beside
// the old one and renamed into place; on any failure the old tree is left as it was.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from '../util/run-lock.ts';

export function stagingDir(outRoot: string, siteId: string): string {
  return path.join(outRoot, `.building-${siteId}`);
}

const DISCARDED = '.discarded-';

/**
 * Staging a run left behind when it was killed (the folder, a partial render's `.rendered`, the
 * site data `.json`, the old domains' notice): removed by the next run holding the site's lock
 * (src/util/run-lock.ts), since a build that keeps the published output never removes them.
 */
export async function removeAbandonedStaging(outRoot: string, siteIds: readonly string[]): Promise<void> {
  const names = existsSync(outRoot) ? readdirSync(outRoot) : [];
  for (const siteId of siteIds) {
    const prefix = path.basename(stagingDir(outRoot, siteId));
    for (const name of names) {
      if (name.startsWith(prefix) && ['', '.rendered', '.json', '--previous-domain'].includes(name.slice(prefix.length))) {
        await rm(path.join(outRoot, name), { recursive: true, force: true });
      }
    }
  }
}

/**
 * Where a replaced output tree goes until it is deleted. Deleting is the slowest thing done to a
 * tree here: removing a 10,000-item site's folders took 2.3–4.0 s on this machine, against 0.6 s
 * to link them all (measured 2026-12-01), and the new output is published the moment it is
 * renamed into place. So the old tree is renamed aside (one system call) and removed after the
 * swap by a detached `rm -rf` that may outlive the build (removeDiscarded); a tree a killed
 * removal left behind is removed with the next one.
 */
function discardedName(target: string): string {
  return path.join(path.dirname(target), `${DISCARDED}${path.basename(target)}-${process.pid}-${Date.now()}`);
}

/**
 * Whether a discarded tree may be removed now: this process's, or one whose run is gone. Another
 * run's (building another site of the same folder) is its own to remove: between its two renames
 * it is the tree a failed swap puts back.
 */
function removable(name: string): boolean {
  const pid = Number(/-(\d+)-\d+$/.exec(name)?.[1]);
  return !Number.isInteger(pid) || pid === process.pid || !processAlive(pid);
}

/**
 * Removes the discarded trees under `outRoot` (see removable), in the background. `GOVSITE_DISCARD=inline`
 * removes them before returning (the tests, whose temporary folders are deleted right after).
 */
export function removeDiscarded(outRoot: string): void {
  const trees = existsSync(outRoot) ? readdirSync(outRoot).filter((name) => name.startsWith(DISCARDED) && removable(name)).map((name) => path.join(outRoot, name)) : [];
  if (trees.length === 0) return;
  const inline = () => {
    for (const tree of trees) rmSync(tree, { recursive: true, force: true });
  };
  if (process.env.GOVSITE_DISCARD === 'inline') return inline();
  const removal = spawn('rm', ['-rf', '--', ...trees], { detached: true, stdio: 'ignore' });
  removal.on('error', inline);
  removal.unref();
}

/** Moves `staging` to `target`, replacing what was there. Both must be on one file system. */
export async function swapIntoPlace(staging: string, target: string): Promise<void> {
  const aside = discardedName(target);
  if (existsSync(target)) await rename(target, aside);
  try {
    await rename(staging, target);
  } catch (error) {
    // Put the old output back so a failed swap loses nothing.
    if (existsSync(aside) && !existsSync(target)) await rename(aside, target);
    throw error;
  }
  removeDiscarded(path.dirname(target));
}
