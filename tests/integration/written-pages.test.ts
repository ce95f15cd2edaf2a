// SRCH-01 with the build's overlap (issue 8): the search index takes each item page as soon as
// Astro's log says it is written, in the order of the site's items, and the bundle is the same
// bytes as when the finished folder is indexed in that order.
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WrittenPages, writtenPage } from '../../src/render/written-pages.ts';
import { indexSite } from '../../src/index/index-site.ts';
import { partOf } from '../../src/index/search-parts.ts';

const line = (page: string, tail = '\x1b[2m(+12ms)\x1b[22m ') => `13:01:52   \x1b[34m├─\x1b[39m \x1b[2m/${page}\x1b[22m ${tail}\n`;

describe('pages Astro reports written', () => {
  it('reads the path from a complete log line only', () => {
    expect(writtenPage(line('news/a/index.html'))).toBe('news/a/index.html');
    expect(writtenPage(line('news/a/index.html', '\x1b[32m(cached)\x1b[39m'))).toBe('news/a/index.html');
    // The path alone is printed when the page starts: not written yet.
    expect(writtenPage('13:01:52   ├─ /news/a/index.html')).toBeUndefined();
    expect(writtenPage('13:01:52 [build] 152 page(s) built in 5.25s')).toBeUndefined();
  });

  it('counts the HTML pages written, for the progress lines: not the feeds, not a page twice', () => {
    const written = new WrittenPages();
    written.feed(line('news/a/index.html') + line('feeds/news.xml') + line('news/a/index.html') + line('index.html') + '13:01:52   ├─ /news/b/index.html');
    expect(written.count).toBe(2);
  });

  it('makes a page ready when its line arrives, even cut across chunks', async () => {
    const written = new WrittenPages();
    const order: string[] = [];
    const a = written.ready('news/a/index.html').then(() => order.push('a'));
    const b = written.ready('news/b/index.html').then(() => order.push('b'));
    const text = line('news/b/index.html') + line('news/a/index.html');
    written.feed(text.slice(0, 20));
    // A round trip through the event loop: whatever the chunk made ready has run its callbacks.
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    written.feed(text.slice(20));
    await Promise.all([a, b]);
    expect(order).toEqual(['b', 'a']);
  });

  it('makes every page ready once the output is complete, and none if the build failed', async () => {
    const complete = new WrittenPages();
    const waiting = complete.ready('merged/from-published/index.html');
    const whole = complete.complete();
    complete.finish();
    await expect(Promise.all([waiting, whole])).resolves.toBeDefined();
    await expect(complete.ready('any/index.html')).resolves.toBeUndefined();

    const failed = new WrittenPages();
    const stuck = failed.ready('news/a/index.html');
    const never = failed.complete();
    failed.fail();
    await expect(stuck).rejects.toThrow('构建已中止');
    await expect(never).rejects.toThrow('构建已中止');
  });
});

describe('indexing pages while they are written', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const page = (title: string, text: string) =>
    `<!DOCTYPE html><html lang="zh-CN"><head><title>${title}</title></head><body><main><article class="article" data-pagefind-body data-search-title="${title}" data-pagefind-meta="title[data-search-title]"><div class="article__body"><p>${text}</p></div></article></main></body></html>`;
  const items = {
    'news/b/index.html': page('关于防汛工作的通知', '各地要做好防汛准备。'),
    'news/a/index.html': page('老年助餐服务点名单', '全县老年助餐服务点共十二处。'),
    'policies/c/index.html': page('优化营商环境若干措施', '进一步优化营商环境。'),
  };
  // A page outside the items (read after them, holding nothing to index) and an item without a page (skipped).
  const list = (title: string) => `<!DOCTYPE html><html lang="zh-CN"><head><title>${title}</title></head><body><main><h1>${title}</h1></main></body></html>`;
  const other = { 'topics/x/index.html': list('专题页面') };
  const order = [...Object.keys(items), 'news/missing/index.html'];
  const write = (dir: string, files: Record<string, string>) => {
    for (const [file, html] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), html);
    }
  };
  const tree = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort()
        .map((f) => [path.relative(dir, f), readFileSync(f).toString('base64')]),
    );

  it('waits for each page in order, adds the rest once complete, and gives the bytes of a finished folder', async () => {
    const streamed = mkdtempSync(path.join(tmpdir(), 'govsite-stream-'));
    const finished = mkdtempSync(path.join(tmpdir(), 'govsite-stream-'));
    dirs.push(streamed, finished);

    const written = new WrittenPages();
    const asked: string[] = [];
    const read: string[] = [];
    const indexing = indexSite(streamed, {
      inProgress: { order, ready: async (p) => (asked.push(p), await written.ready(p), read.push(p), streamed), complete: written.complete },
    });
    let settled = false;
    void indexing.then(() => (settled = true));
    // Astro writes the pages in the items' order and reports each one, each once the index has
    // taken the pages before it and asks for it.
    for (const [n, [file, html]] of Object.entries(items).entries()) {
      await expect.poll(() => read.length === n && asked.includes(file)).toBe(true);
      expect(settled).toBe(false);
      write(streamed, { [file]: html });
      written.feed(line(file));
    }
    write(streamed, other);
    // Every item page taken, it waits for the item without a page until the output is complete.
    await expect.poll(() => read.length === Object.keys(items).length && asked.includes('news/missing/index.html')).toBe(true);
    expect(settled).toBe(false);
    expect(read).toEqual(Object.keys(items));
    written.finish();
    const result = await indexing;
    expect(result).toEqual({ pages: 3, errors: [] });

    write(finished, { ...items, ...other });
    const all = new WrittenPages();
    all.finish();
    await indexSite(finished, { inProgress: { order, ready: async () => finished, complete: all.complete } });
    expect(tree(path.join(streamed, 'pagefind'))).toEqual(tree(path.join(finished, 'pagefind')));
  });

  it('reads a carried-over page where it is said to be, and lets go of Pagefind when the build fails', async () => {
    const staging = mkdtempSync(path.join(tmpdir(), 'govsite-stream-'));
    const published = mkdtempSync(path.join(tmpdir(), 'govsite-stream-'));
    dirs.push(staging, published);
    write(published, items);
    const failing = new WrittenPages();
    const run = indexSite(staging, { inProgress: { order, ready: async () => published, complete: failing.complete } });
    failing.fail();
    await expect(run).rejects.toThrow('构建已中止');

    // The next site's index still runs on the shared Pagefind service, from the published pages.
    const carried = new WrittenPages();
    carried.finish();
    const result = await indexSite(staging, { inProgress: { order, ready: async () => published, complete: carried.complete } });
    expect(result).toEqual({ pages: 3, errors: [] });
    expect(readdirSync(path.join(staging, 'pagefind', 'fragment'))).toHaveLength(3);
  });

  it('gives each of two sites indexed at once the bytes it gets alone', async () => {
    const [a, b, aloneA, aloneB] = [0, 1, 2, 3].map(() => mkdtempSync(path.join(tmpdir(), 'govsite-stream-')));
    dirs.push(a!, b!, aloneA!, aloneB!);
    for (const dir of [a!, aloneA!]) write(dir, items);
    for (const dir of [b!, aloneB!]) write(dir, { 'topics/x/index.html': page('专题页面', '专题内容。') });
    await Promise.all([indexSite(a!), indexSite(b!)]);
    await indexSite(aloneA!);
    await indexSite(aloneB!);
    expect(tree(path.join(a!, 'pagefind'))).toEqual(tree(path.join(aloneA!, 'pagefind')));
    expect(tree(path.join(b!, 'pagefind'))).toEqual(tree(path.join(aloneB!, 'pagefind')));
  });

  it('writes each part as soon as its last page is in, so Pagefind holds one part at a time', async () => {
    const staging = mkdtempSync(path.join(tmpdir(), 'govsite-stream-'));
    dirs.push(staging);
    const pages = Array.from({ length: 12 }, (_, i) => `news/item-${i}/index.html`);
    // The order the build gives: part by part (src/render/rendered-items.ts).
    const byPart = [...pages].sort((a, b) => partOf(a, 2) - partOf(b, 2));
    const lastOfPart0 = byPart.findLastIndex((file) => partOf(file, 2) === 0);
    expect(lastOfPart0).toBeGreaterThan(0);
    expect(lastOfPart0).toBeLessThan(byPart.length - 1);
    const written = new WrittenPages();
    const indexing = indexSite(staging, { parts: 2, inProgress: { order: byPart, ready: async (p) => (await written.ready(p), staging), complete: written.complete } });
    // Written beside the output until every part is there (Astro empties its output folder when it starts).
    const entry = (part: string, bundle = `${staging}.pagefind`) => existsSync(path.join(bundle, part, 'pagefind-entry.json'));
    for (const [i, file] of byPart.entries()) {
      write(staging, { [file]: page(`第${i}号通知`, `通知正文${i}。`) });
      written.feed(line(file));
      if (i === lastOfPart0) {
        // Part 0 is on disk while part 1 still waits for its pages.
        await expect.poll(() => entry(''), { timeout: 10_000 }).toBe(true);
        expect(entry('part-1')).toBe(false);
      }
    }
    written.finish();
    expect(await indexing).toEqual({ pages: 12, errors: [] });
    expect(entry('', path.join(staging, 'pagefind')) && entry('part-1', path.join(staging, 'pagefind'))).toBe(true);
    expect(existsSync(`${staging}.pagefind`)).toBe(false);
  });

  it('refuses a page outside the items that carries data-pagefind-body: its part is already written', async () => {
    const staging = mkdtempSync(path.join(tmpdir(), 'govsite-stream-'));
    dirs.push(staging);
    write(staging, { ...items, 'topics/x/index.html': page('专题页面', '专题内容。') });
    const done = new WrittenPages();
    done.finish();
    const result = await indexSite(staging, { inProgress: { order: Object.keys(items), ready: async () => staging, complete: done.complete } });
    expect(result.errors).toEqual([expect.stringMatching(/^topics\/x\/index\.html：不是内容页，却带有搜索正文标记/)]);
  });
});
