// The fingerprint a build record keeps of the published output (build-record.ts).
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { PLATFORM_DIR } from '../index/search-parts.ts';
import { MANIFEST_FILE } from '../publish/integrity-manifest.ts';
import { listOutputFiles } from '../util/output-files.ts';

/**
 * Paths, sizes and mtimes of the published files. The portal's copies of the other sites'
 * bundles change whenever those sites publish, and its integrity manifest with them
 * (refreshPlatformSearch rewrites both, after a skipped build too), so they are left out.
 */
export async function outputFingerprint(dir: string, listing?: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const portal = existsSync(path.join(dir, PLATFORM_DIR));
  for (const relative of listing ?? listOutputFiles(dir)) {
    if (relative.startsWith(`${PLATFORM_DIR}/`) || (portal && relative === MANIFEST_FILE)) continue;
    // Synchronous: see src/util/hash-files.ts (thousands of files).
    const { size, mtimeMs } = statSync(path.join(dir, relative));
    hash.update(`${relative}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}
