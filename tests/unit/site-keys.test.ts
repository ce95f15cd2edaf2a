// What a build's keys (src/incremental/site-keys.ts, from the inputs of build-inputs.ts) cover beyond a site's own files,
// which the integration test (tests/integration/build-cache.test.ts) changes one by one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRAM } from '../../src/incremental/build-inputs.ts';
import { itemPageKeys, siteKeys } from '../../src/incremental/site-keys.ts';
import { projectFiles } from '../../src/util/hash-files.ts';
import { ItemCache } from '../../src/incremental/item-cache.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { toSiteData } from '../../src/render/site-data.ts';
import { projectRoot } from '../../src/util/paths.ts';

describe('the build key', () => {
  it('hashes the program: templates, plugins, build code, data files, Astro config, lockfile', async () => {
    const files = await projectFiles(PROGRAM);
    for (const file of [
      'templates/pages/index.astro',
      'templates/layouts/BaseLayout.astro',
      'plugins/astro-govsite/index.ts',
      'src/pipeline/build-site.ts',
      'src/rules/output/check-links.ts',
      'src/index/index-site.ts',
      'data/government-hosts.yaml',
      'astro.config.mjs',
      'package-lock.json',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.some((f) => f.startsWith('tests/') || f.startsWith('docs/'))).toBe(false);
  });

  it('may reduce --now to its date because templates read nothing finer', () => {
    // The key keeps only `now.slice(0, 10)`: a template using the time of day would make
    // same-day builds differ, and the cache would wrongly keep the earlier one.
    const templates = path.join(projectRoot, 'templates');
    const uses: string[] = [];
    for (const entry of readdirSync(templates, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(astro|ts|js)$/.test(entry.name)) continue;
      const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      for (const match of text.matchAll(/\bsite\.now\b(.{0,14})|\bdata\.now\b(.{0,14})|\bnow\b(?=\s*[,}])/g)) {
        uses.push(`${entry.name}: ${match[0]}`);
      }
    }
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use, use).toMatch(/now\.slice\(0, 10\)/);
  });

  it('takes the digests of the item files the platform check read, instead of reading them again', async () => {
    // The cache is not saved: the repository's .cache is left as it was.
    const itemCache = await ItemCache.open(projectRoot);
    const siteInputKey = async (...args: Parameters<typeof siteKeys>) => (await siteKeys(...args)).input;
    const platform = await loadPlatform(projectRoot, '2026-11-22 10:00', { itemCache });
    const model = platform.get('anping')!.model!;
    const data = toSiteData(model, '2026-11-22 10:00');
    const digests = itemCache.digests;
    const itemFiles = data.items.map((item) => path.join(projectRoot, item.file));
    expect(itemFiles.length).toBeGreaterThan(10);
    for (const file of itemFiles) expect(digests.get(file)).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    // The same keys with the digests as with the bytes read again…
    expect(await siteInputKey(projectRoot, data, digests)).toBe(await siteInputKey(projectRoot, data));
    expect(await itemPageKeys(projectRoot, data, digests)).toEqual(await itemPageKeys(projectRoot, data));
    // …and it is the digests that are used: one digest that is not the file's changes the keys.
    const wrong = new Map(digests);
    const item = data.items.find((i) => !i.assetBase)!;
    wrong.set(path.join(projectRoot, item.file), '0'.repeat(64));
    expect(await siteInputKey(projectRoot, data, wrong)).not.toBe(await siteInputKey(projectRoot, data));
    const keys = await itemPageKeys(projectRoot, data, wrong);
    expect(keys[item.id]).not.toBe((await itemPageKeys(projectRoot, data))[item.id]);
  }, 120_000);
});
