// The config of the image service (image-service.ts) for one site: the animations its items list
// (src/render/animation-listing.ts) by the SHA-256 of their bytes, since the service is handed
// an image's bytes, not its path. Read by the integration in Astro's process.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { animationListing } from '../../src/render/animation-listing.ts';
import type { ItemSummary } from '../../src/render/site-data.ts';
import type { GovsiteImageConfig } from './image-service.ts';

/** The service's entrypoint as Astro's configuration names it: a name, not a path, since Astro hashes it into image file names. */
export const IMAGE_SERVICE_ID = 'virtual:govsite/image-service';
export const IMAGE_SERVICE_FILE = path.join(import.meta.dirname, 'image-service.ts');

export async function imageServiceConfig(contentRoot: string, items: readonly Pick<ItemSummary, 'file' | 'data'>[]): Promise<GovsiteImageConfig> {
  const listing = animationListing(items);
  const hashes = new Set<string>();
  for (const file of listing.files) {
    try {
      hashes.add(createHash('sha256').update(await readFile(path.join(contentRoot, file))).digest('hex'));
    } catch {
      // The load reported a listed file that is missing (LAY-07).
    }
  }
  return { keptAnimations: [...hashes].sort(), listing: listing.key };
}
