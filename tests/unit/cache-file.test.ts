// The cache files' writing (src/util/cache-file.ts): whole JSON through a rename, sorted entries,
// and only the current version's file of a cache left.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeOtherVersions, sortedEntries, writeCacheFile } from '../../src/util/cache-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'govsite-cache-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cache files', () => {
  it('writes JSON into a new folder, leaving no temporary file', async () => {
    const file = path.join(dir, 'govsite', 'items-abc.json');
    await writeCacheFile(file, { a: 1 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: 1 });
    expect(readdirSync(path.dirname(file))).toEqual(['items-abc.json']);
  });

  it('removes the other versions of the same cache and nothing else', async () => {
    for (const name of ['items-old.json', 'items-new.json', 'front-matter-x.json', 'items-notes.txt']) writeFileSync(path.join(dir, name), '{}');
    await removeOtherVersions(path.join(dir, 'items-new.json'), 'items-');
    expect(readdirSync(dir).sort()).toEqual(['front-matter-x.json', 'items-new.json', 'items-notes.txt']);
    expect(existsSync(path.join(dir, 'items-old.json'))).toBe(false);
  });

  it('sorts entries by key, so the same content gives the same file', () => {
    expect(Object.keys(sortedEntries(new Map([['b', 1], ['a', 2], ['B', 3]])))).toEqual(['B', 'a', 'b']);
  });
});
