// The animations a site's items list in `animations` (LAY-07): the files the render publishes
// animated (plugins/astro-govsite/image-service.ts makes every other animated body image a
// still one). Which files these are is part of the name of every GIF and WebP body image of the
// site, so that Astro's image cache cannot hand back a still frame for a file listed since; and
// so it is also part of the key every page of the site shares (src/incremental/site-keys.ts):
// a change renders every page, as a full build would.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseReference } from '../security/content-paths.ts';
import type { ItemSummary } from './site-data.ts';

export interface AnimationListing {
  /** Project-relative paths of the listed files, sorted, without repeats. */
  files: string[];
  /** A short hash of `files`. */
  key: string;
}

export function animationListing(items: readonly Pick<ItemSummary, 'file' | 'data'>[]): AnimationListing {
  const files = new Set<string>();
  for (const item of items) {
    for (const entry of item.data.animations ?? []) {
      const parsed = parseReference(entry.file);
      if (parsed.kind === 'file') files.add(path.posix.join(path.posix.dirname(item.file), parsed.path));
    }
  }
  const sorted = [...files].sort();
  return { files: sorted, key: createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 16) };
}
