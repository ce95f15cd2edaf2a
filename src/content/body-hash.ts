// The SHA-256 of an item's checked body. The site data records it, and the compile refuses a
// body that no longer hashes the same (plugins/astro-govsite/checked-body.ts).
import { createHash } from 'node:crypto';

export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
