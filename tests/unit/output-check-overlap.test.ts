// The output checks overlap the search index (src/pipeline/build-site.ts): pages are parsed while
// Pagefind writes, and links are resolved against the files once it is done.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputLinks } from '../../src/rules/output/check-links.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'govsite-overlap-'));
  writeFileSync(path.join(dir, 'index.html'), '<html><body><a href="/pagefind/pagefind.js">索引</a> <a href="/later/">稍后</a></body></html>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const data = { id: 'alpha', config: { domain: 'www.ceshi.gov.cn', columns: [] }, items: [], leaving: [] } as unknown as Parameters<typeof checkOutputLinks>[0]['data'];
const check = (outputComplete?: Promise<unknown>) => checkOutputLinks({ outDir: dir, publishedDir: path.join(dir, 'published'), root: dir, data, outputComplete });
const broken = (result: Awaited<ReturnType<typeof check>>) => result.diagnostics.filter((d) => d.message.includes('/pagefind/pagefind.js'));

describe('output checks running beside the search index', () => {
  it('resolve links against the files written before the other step settled', async () => {
    expect(broken(await check())).toHaveLength(1);
    const indexing = new Promise<void>((resolve) =>
      setTimeout(() => {
        mkdirSync(path.join(dir, 'pagefind'));
        writeFileSync(path.join(dir, 'pagefind', 'pagefind.js'), '');
        resolve();
      }, 50),
    );
    expect(broken(await check(indexing))).toHaveLength(0);
  });

  it('check again, as if run after it, when the other step added a page', async () => {
    const indexing = new Promise<void>((resolve) =>
      setTimeout(() => {
        mkdirSync(path.join(dir, 'later'));
        writeFileSync(path.join(dir, 'later', 'index.html'), '<html><body><a href="/missing/">缺</a></body></html>');
        resolve();
      }, 50),
    );
    const overlapped = await check(indexing);
    expect(overlapped).toEqual(await check());
    expect(overlapped.diagnostics.some((d) => d.message.includes('/missing/'))).toBe(true);
  });

  it('leave the event loop free between pages, so the index beside them keeps going', async () => {
    for (let i = 0; i < 40; i++) {
      mkdirSync(path.join(dir, 'news', String(i)), { recursive: true });
      writeFileSync(path.join(dir, 'news', String(i), 'index.html'), `<html><body><main><p>第${i}篇</p><a href="/">首页</a></main></body></html>`);
    }
    // What the search index does meanwhile: work that waits for the event loop (I/O, Pagefind's replies).
    let turns = 0;
    let checking = true;
    const other = (async () => {
      while (checking) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    await check();
    checking = false;
    await other;
    // Twice per page (its styles, then its links): without the yields the loop waits for all 41 pages.
    expect(turns).toBeGreaterThanOrEqual(41);
  });
});
