// The short key that names a folder's state kept in the project's .cache (an Astro root per site,
// the kept page templates): the same folder, by whatever relative path, gives the same key, which
// is also how the bench and the tests find what a platform left there.
import { createHash } from 'node:crypto';
import path from 'node:path';

export function folderKey(dir: string): string {
  return createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 10);
}
