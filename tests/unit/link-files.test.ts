// Output trees share files by hard links (partial renders, the portal's copies of the other
// sites' search bundles): the shared bytes are one file, and replacing a file in one tree, as
// the build does, leaves the other tree as it was.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkFiles, linkFilesAside, linkTree } from '../../src/util/link-files.ts';

describe('linking output files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'govsite-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const from = path.join(dir, 'published');
  mkdirSync(path.join(from, 'fragment'), { recursive: true });
  writeFileSync(path.join(from, 'pagefind-entry.json'), '{"version":"1.6.0"}');
  writeFileSync(path.join(from, 'fragment', 'zh_1.pf_fragment'), 'fragment');
  writeFileSync(path.join(from, 'pagefind.js'), 'script');

  it('links every file a filter keeps, in the same folders', async () => {
    const to = path.join(dir, 'copy');
    await linkTree(from, to, (file) => !file.endsWith('.js'));
    expect(statSync(path.join(to, 'fragment', 'zh_1.pf_fragment')).ino).toBe(statSync(path.join(from, 'fragment', 'zh_1.pf_fragment')).ino);
    expect(readFileSync(path.join(to, 'pagefind-entry.json'), 'utf8')).toBe('{"version":"1.6.0"}');
    expect(() => statSync(path.join(to, 'pagefind.js'))).toThrow();
  });

  it('creates the destination folders of single links, and a replaced file leaves the other tree alone', () => {
    const target = path.join(dir, 'staging', 'news', 'a', 'index.html');
    linkFiles([[path.join(from, 'pagefind-entry.json'), target]]);
    writeFileSync(`${target}.new`, 'changed');
    renameSync(`${target}.new`, target);
    expect(readFileSync(path.join(from, 'pagefind-entry.json'), 'utf8')).toBe('{"version":"1.6.0"}');
  });

  it('links in a worker thread as on the main one, and rejects with the error of a link that cannot be made', async () => {
    const to = path.join(dir, 'aside');
    const pairs = Array.from({ length: 50 }, (_, i) => [path.join(from, 'pagefind-entry.json'), path.join(to, `item-${i}`, 'index.html')] as const);
    await linkFilesAside(pairs);
    for (const [source, target] of pairs) expect(statSync(target).ino).toBe(statSync(source).ino);
    // Never over an existing file (it may be a link into a published tree).
    await expect(linkFilesAside([pairs[0]!])).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(linkFilesAside([[path.join(from, 'missing'), path.join(to, 'missing')]])).rejects.toThrow();
  });
});
