// The front-matter cache behind an editor's fast check (check --files), on the mini fixture.
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStamp, FrontMatterCache } from '../../src/incremental/front-matter-cache.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { copyPlatform, removePlatform, writeText } from '../helpers/platform.ts';

const NEWS = 'content/alpha/news/autumn-planting.mdx';
const POLICY = 'content/alpha/policies/open-data-rules/index.mdx';

let root: string;
beforeEach(() => {
  root = copyPlatform('mini');
});
afterEach(() => removePlatform(root));

const cacheDir = () => path.join(root, '.cache', 'govsite');
const stampOf = (file: string) => fileStamp(statSync(path.join(root, file)));

/** Loads the platform as an editor's check of `focus` does, and saves the cache. */
async function loadChecking(focus: string[]) {
  const cache = await FrontMatterCache.open(root);
  const platform = await loadPlatform(root, '2026-11-22 10:00', { checkBody: (file) => focus.includes(file), frontMatterCache: cache });
  await cache.save();
  return platform;
}

const itemOf = (platform: Awaited<ReturnType<typeof loadPlatform>>, file: string) =>
  [...platform.values()].flatMap((site) => site.source?.items ?? []).find((item) => item.file === file);

describe('front-matter cache (check --files)', () => {
  it('serves the front matter of the files not being checked, and reads the checked ones whole', async () => {
    await loadChecking([]);
    // Forge the cached title of an unchanged file: only a cache hit can produce it.
    const cache = await FrontMatterCache.open(root);
    const real = cache.get(NEWS, stampOf(NEWS))!;
    expect(real.data?.title).toBeTruthy();
    cache.set(NEWS, stampOf(NEWS), { ...real, data: { ...real.data!, title: '缓存里的标题' } });
    await cache.save();

    expect(itemOf(await loadChecking([POLICY]), NEWS)?.data.title).toBe('缓存里的标题');
    expect(itemOf(await loadChecking([NEWS]), NEWS)?.data.title).not.toBe('缓存里的标题');
  });

  it('gives the same items as a load without cache, field positions included', async () => {
    const fresh = await loadPlatform(root, '2026-11-22 10:00');
    await loadChecking([]);
    const cached = await loadChecking([]);
    const freshItem = itemOf(fresh, POLICY)!;
    const cachedItem = itemOf(cached, POLICY)!;
    expect(cachedItem.data).toEqual(freshItem.data);
    expect(cachedItem.bodyFirstLine).toBe(freshItem.bodyFirstLine);
    for (const field of [['title'], ['pubDate'], ['docNumber'], ['nothing']]) expect(cachedItem.locate(field), field[0]).toEqual(freshItem.locate(field));
    expect(cachedItem.body).toBe(''); // not read: an editor's check does not need it
  });

  it('is not written again when a check finds every entry as stored, and is when one changed', async () => {
    await loadChecking([NEWS]);
    const [name] = readdirSync(cacheDir());
    const file = path.join(cacheDir(), name!);
    // Back-dated, so a rewrite within the same millisecond would still show.
    const past = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, past, past);
    await loadChecking([NEWS]);
    await loadChecking([]);
    expect(statSync(file).mtimeMs).toBe(past.getTime());
    writeText(root, NEWS, '---\ntitle: 改过的标题\npubDate: 2026-10-08 09:00\nsource: 测试市农业农村局\nreviewedBy: 王芳\n---\n\n正文。\n');
    await loadChecking([NEWS]);
    expect(statSync(file).mtimeMs).not.toBe(past.getTime());
  });

  it('reads a changed file again', async () => {
    await loadChecking([]);
    writeText(root, NEWS, '---\ntitle: 改过的标题\npubDate: 2026-10-08 09:00\nsource: 测试市农业农村局\nreviewedBy: 王芳\n---\n\n正文。\n');
    expect(itemOf(await loadChecking([POLICY]), NEWS)?.data.title).toBe('改过的标题');
  });

  it('remembers that a file with front-matter errors gives no item, and forgets deleted files', async () => {
    writeText(root, NEWS, '---\ntitle: 坏日期\npubDate: 2026/10/08\n---\n\n正文。\n');
    await loadChecking([]);
    const cache = await FrontMatterCache.open(root);
    expect(cache.get(NEWS, stampOf(NEWS))).toEqual({ data: null, bodyFirstLine: 1 });
    expect(itemOf(await loadChecking([POLICY]), NEWS)).toBeUndefined();

    const stamp = stampOf(POLICY);
    rmSync(path.join(root, path.dirname(POLICY)), { recursive: true }); // a folder item goes with its folder
    await loadChecking([]);
    expect((await FrontMatterCache.open(root)).get(POLICY, stamp)).toBeUndefined();
  });

  it('starts empty when its file is damaged, and removes caches of other code versions', async () => {
    await loadChecking([]);
    const [current] = readdirSync(cacheDir());
    writeFileSync(path.join(cacheDir(), current), '{ 不是 JSON');
    writeFileSync(path.join(cacheDir(), 'front-matter-0000000000000000.json'), '{}');
    const platform = await loadChecking([]);
    expect(itemOf(platform, NEWS)?.data.title).toBeTruthy();
    expect(readdirSync(cacheDir())).toEqual([current]);
    expect(existsSync(path.join(cacheDir(), current))).toBe(true);
  });
});

