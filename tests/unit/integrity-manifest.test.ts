// PUB-02 (src/publish/integrity-manifest.ts): after the portal's copies of other sites' search
// bundles change in place, the manifest is brought up to date by hashing again only the copies
// that changed, and it is then exactly the manifest of the whole tree hashed from scratch.
import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashTree, makeManifest, readManifest, refreshIntegrityManifest, writeIntegrityManifest } from '../../src/publish/integrity-manifest.ts';

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'govsite-manifest-'));
  for (const site of ['a', 'b']) {
    mkdirSync(path.join(dir, 'pagefind-sites', site, 'fragment'), { recursive: true });
    writeFileSync(path.join(dir, 'pagefind-sites', site, 'pagefind-entry.json'), `{"site":"${site}"}`);
    writeFileSync(path.join(dir, 'pagefind-sites', site, 'fragment', '1.pf_fragment'), `${site}-1`);
  }
  writeFileSync(path.join(dir, 'pagefind-sites', 'sites.json'), '[]');
  writeFileSync(path.join(dir, 'index.html'), '<h1>portal</h1>');
  await writeIntegrityManifest(dir, 'portal');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fromScratch = async () => makeManifest('portal', await hashTree(dir, { skip: (f) => f === 'govsite-integrity.json' }));

describe('refreshIntegrityManifest', () => {
  it('rehashes the changed copies and the files beside them, and equals a manifest made from scratch', async () => {
    writeFileSync(path.join(dir, 'pagefind-sites', 'a', 'fragment', '1.pf_fragment'), 'a-1 edited');
    writeFileSync(path.join(dir, 'pagefind-sites', 'a', 'fragment', '2.pf_fragment'), 'a-2 new');
    writeFileSync(path.join(dir, 'pagefind-sites', 'sites.json'), '[{"id":"a"}]');
    rmSync(path.join(dir, 'pagefind-sites', 'b'), { recursive: true });
    const refreshed = await refreshIntegrityManifest(dir, 'portal', 'pagefind-sites', ['a', 'b']);
    expect(refreshed).toEqual(await fromScratch());
    expect(await readManifest(dir)).toEqual(refreshed);
  });

  it('does not look at copies it is not told changed (that is where the time goes on a large platform)', async () => {
    writeFileSync(path.join(dir, 'pagefind-sites', 'b', 'fragment', '1.pf_fragment'), 'b-1 edited behind its back');
    const refreshed = await refreshIntegrityManifest(dir, 'portal', 'pagefind-sites', ['a']);
    expect(refreshed).not.toEqual(await fromScratch());
    // Told nothing, it rehashes the whole folder.
    expect(await refreshIntegrityManifest(dir, 'portal', 'pagefind-sites')).toEqual(await fromScratch());
  });
});

describe('hashTree with the hashes of a published tree', () => {
  it('takes the hash of a file linked from the published tree, and hashes a file written anew', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'govsite-known-'));
    const published = path.join(base, 'published');
    const staging = path.join(base, 'staging');
    mkdirSync(path.join(published, 'news/a'), { recursive: true });
    mkdirSync(path.join(staging, 'news/a'), { recursive: true });
    writeFileSync(path.join(published, 'news/a/index.html'), '旧');
    writeFileSync(path.join(published, 'index.html'), '首页');
    linkSync(path.join(published, 'news/a/index.html'), path.join(staging, 'news/a/index.html'));
    // Same path and bytes as published, but its own file: hashed.
    writeFileSync(path.join(staging, 'index.html'), '首页');
    // A hash nobody could compute from the bytes shows which files were not read.
    const known = { dir: published, files: { 'news/a/index.html': 'from-published', 'index.html': 'from-published' } };
    const files = await hashTree(staging, { known });
    expect(files['news/a/index.html']).toBe('from-published');
    expect(files['index.html']).toBe((await hashTree(published))['index.html']);
    rmSync(base, { recursive: true, force: true });
  });

  it('takes the published hash of a file the build says it linked without comparing the files, and reads only the files listed', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'govsite-known-'));
    const published = path.join(base, 'published');
    const staging = path.join(base, 'staging');
    mkdirSync(path.join(staging, 'news/a'), { recursive: true });
    mkdirSync(published, { recursive: true });
    // Not a link: only `linked` can make it take the published hash.
    writeFileSync(path.join(staging, 'news/a/index.html'), '新');
    writeFileSync(path.join(staging, 'index.html'), '首页');
    writeFileSync(path.join(staging, 'not-listed.html'), '?');
    const known = { dir: published, files: { 'news/a/index.html': 'from-published', 'index.html': 'from-published' }, linked: new Set(['news/a/index.html']) };
    const files = await hashTree(staging, { known, listing: ['index.html', 'news/a/index.html'] });
    expect(files).toEqual({ 'index.html': (await hashTree(staging))['index.html'], 'news/a/index.html': 'from-published' });
    rmSync(base, { recursive: true, force: true });
  });
});
