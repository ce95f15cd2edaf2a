// The output checks' page cache (src/rules/output/page-cache.ts): pages with the same bytes and
// the same hiding classes are not parsed again, and the findings are those of a check without it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLinks, type LinkCheckInput } from '../../src/rules/output/check-links.ts';
import { OutputPageCache } from '../../src/rules/output/page-cache.ts';

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>t</title><link rel="stylesheet" href="/_astro/site.css"></head><body>
<main id="main"><article class="article"><h1>标题</h1><div class="article__body">${body}</div></article></main>
<nav><a href="/">首页</a> <a href="/news/">新闻</a></nav></body></html>`;

const PAGES = {
  'index.html': page('<p>首页 <a href="/news/a/#part">第一篇的第二部分</a></p>'),
  'news/index.html': page('<p>列表 <a href="/news/a/">第一篇</a></p>'),
  'news/a/index.html': page('<h2 id="part">第二部分</h2><p><a href="/news/">回到列表</a></p>'),
};

function input(pages: Record<string, string>, css: string, pageCache?: OutputPageCache<unknown>, reads?: Map<string, number>): LinkCheckInput {
  return {
    site: { siteId: 'alpha', hosts: ['www.ceshi.gov.cn'], items: [{ url: '/news/a/', file: 'content/alpha/news/a.mdx', title: '第一篇' }], leaving: [] },
    // Counting the reads when asked to: each page is then a function, as in the build.
    pages: new Map(
      Object.entries(pages).map(([file, html]) => [file, reads ? async () => (reads.set(file, (reads.get(file) ?? 0) + 1), html) : html] as const),
    ),
    files: new Set([...Object.keys(pages), '_astro/site.css']),
    css: [css],
    pageFile: (p) => `dist/alpha/${p}`,
    pageCache,
  };
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'govsite-page-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** One check through the cache as the build runs it: open, check, save. `digests`: the pages' digests known without reading them. */
async function cachedCheck(pages: Record<string, string>, css = '', digests?: Map<string, string>) {
  const cache = await OutputPageCache.open<unknown>(root, 'alpha', 'program-1');
  const reads = new Map<string, number>();
  const result = await checkLinks({ ...input(pages, css, cache, reads), digests });
  await cache.save();
  return { result, served: cache.served, reads };
}

const cacheDir = () => path.join(root, '.cache', 'govsite');
const baseFile = () => path.join(cacheDir(), 'output-pages-alpha.json');
const deltaFile = () => path.join(cacheDir(), 'output-pages-alpha.delta.json');

describe('output page cache (HEALTH-05 / CONT-13 checks)', () => {
  it('parses each page once, and gives what a check without cache gives', async () => {
    const plain = await checkLinks(input(PAGES, ''));
    const first = await cachedCheck(PAGES);
    const second = await cachedCheck(PAGES);
    expect(first.served).toBe(0);
    expect(second.served).toBe(3);
    expect(first.result).toEqual(plain);
    expect(second.result).toEqual(plain);
  });

  it('parses a changed page again and reports what it now has; the others come from the cache', async () => {
    await cachedCheck(PAGES);
    const changed = { ...PAGES, 'news/index.html': page('<p>列表 <a href="/news/missing/">不存在</a></p>') };
    const { result, served } = await cachedCheck(changed);
    expect(served).toBe(2);
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('HEALTH-05');
    expect(result).toEqual(await checkLinks(input(changed, '')));
  });

  it('judges links again when the site’s stylesheets hide other classes (暗链)', async () => {
    const withClass = { ...PAGES, 'news/index.html': page('<p>列表 <a class="far-away" href="/news/a/">第一篇</a></p>') };
    await cachedCheck(withClass);
    const css = '.far-away{position:absolute;left:-9999px}';
    const { result, served } = await cachedCheck(withClass, css);
    expect(served).toBe(0);
    expect(result).toEqual(await checkLinks(input(withClass, css)));
    expect(result.diagnostics.some((d) => d.ruleId === 'CONT-13')).toBe(true);
  });

  it('follows anchors into cached pages: a removed id is a broken anchor', async () => {
    await cachedCheck(PAGES);
    const noId = { ...PAGES, 'news/a/index.html': page('<h2>第二部分</h2><p><a href="/news/">回到列表</a></p>') };
    const { result } = await cachedCheck(noId);
    expect(result.diagnostics.some((d) => d.file === 'dist/alpha/index.html' && d.message.includes('#part'))).toBe(true);
  });

  it('starts empty from a damaged cache file', async () => {
    await cachedCheck(PAGES);
    const dir = path.join(root, '.cache', 'govsite');
    for (const name of readdirSync(dir)) writeFileSync(path.join(dir, name), '{ not json');
    const { result, served } = await cachedCheck(PAGES);
    expect(served).toBe(0);
    expect(result).toEqual(await checkLinks(input(PAGES, '')));
  });

  it('does not read at all a page whose digest is known (a page carried over: the published manifest has it)', async () => {
    await cachedCheck(PAGES);
    const digests = new Map(Object.entries(PAGES).map(([file, html]) => [file, OutputPageCache.digest(Buffer.from(html))] as const));
    const { result, served, reads } = await cachedCheck(PAGES, '', digests);
    expect(served).toBe(3);
    expect(reads.size).toBe(0);
    expect(result).toEqual(await checkLinks(input(PAGES, '')));
    // A known digest the cache has never seen: the page is read.
    const changed = { ...PAGES, 'news/index.html': page('<p>列表已改</p>') };
    const stale = new Map([...digests, ['news/index.html', OutputPageCache.digest(changed['news/index.html'])]]);
    const again = await cachedCheck(changed, '', stale);
    expect([...again.reads.keys()]).toEqual(['news/index.html']);
    expect(again.result).toEqual(await checkLinks(input(changed, '')));
  });

  it('saves a few changed pages as a delta beside the base, and writes the base again once they are a fifth of it', async () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`news/p${i}/index.html`, page(`<p>第 ${i} 篇 <a href="/news/a/">第一篇</a></p>`)]));
    const all = { ...PAGES, ...many };
    await cachedCheck(all);
    const base = readFileSync(baseFile(), 'utf8');
    expect(existsSync(deltaFile())).toBe(false);
    // 1 page changed of 23: a new entry and an unused one, under a fifth.
    const one = { ...all, 'news/p0/index.html': page('<p>改过的第 0 篇</p>') };
    expect((await cachedCheck(one)).served).toBe(22);
    expect(readFileSync(baseFile(), 'utf8')).toBe(base);
    expect(existsSync(deltaFile())).toBe(true);
    // The base and the delta together serve every page.
    const next = await cachedCheck(one);
    expect(next.served).toBe(23);
    // Each page read once for its digest (none is known here), none parsed.
    expect(next.reads.size).toBe(23);
    expect([...next.reads.values()].every((n) => n === 1)).toBe(true);
    expect(next.result).toEqual(await checkLinks(input(one, '')));
    // 3 more pages changed (the first one is in the delta): 4 entries not in the base and 4 of it
    // unused, over a fifth of 23: the base is written again.
    const four = { ...one, ...Object.fromEntries([1, 2, 3].map((i) => [`news/p${i}/index.html`, page(`<p>改过的第 ${i} 篇</p>`)])) };
    expect((await cachedCheck(four)).served).toBe(20);
    expect(readFileSync(baseFile(), 'utf8')).not.toBe(base);
    expect(existsSync(deltaFile())).toBe(false);
    expect((await cachedCheck(four)).served).toBe(23);
  });
});
