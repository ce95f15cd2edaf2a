// Keys of the parts of a search index (search-parts.ts), recorded by a build so that the next one
// can take the parts whose pages are the same from the published output.
import { createHash } from 'node:crypto';
import { partOf } from './search-parts.ts';

/**
 * For each part, a key of the pages it holds, in order: a part whose key and pages are those of
 * the published build can be taken from it.
 */
export function partKeys(pages: readonly string[], parts: number): string[] {
  const hashes = Array.from({ length: parts }, () => createHash('sha256').update(`search part 1\0${parts}\0`));
  for (const page of pages) hashes[partOf(page, parts)]!.update(`${page}\0`);
  return hashes.map((hash) => hash.digest('hex'));
}
