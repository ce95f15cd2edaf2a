import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every site the platform has: a folder under sites/ or under content/ (which then lacks its site.yaml). */
export async function discoverSiteIds(root: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const folder of ['sites', 'content']) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_')) ids.add(entry.name);
    }
  }
  return [...ids].sort();
}
