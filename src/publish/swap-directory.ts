// PUB-03: a site's output is replaced only by a complete build. The new tree is built beside
// the old one and renamed into place; on any failure the old tree is left as it was.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

export function stagingDir(outRoot: string, siteId: string): string {
  return path.join(outRoot, `.building-${siteId}`);
}

/** Moves `staging` to `target`, replacing what was there. Both must be on one file system. */
export async function swapIntoPlace(staging: string, target: string): Promise<void> {
  const previous = path.join(path.dirname(target), `.previous-${path.basename(target)}`);
  await rm(previous, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    // Put the old output back so a failed swap loses nothing.
    if (existsSync(previous) && !existsSync(target)) await rename(previous, target);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}
