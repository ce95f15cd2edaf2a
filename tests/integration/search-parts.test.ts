// A site's search index in parts (src/index/search-parts.ts), on the demo platform split into
// parts of 20 item pages (GOVSITE_SEARCH_PART_PAGES): the bundle layout, an edit that indexes only
// its own part and still publishes what a full build gives, and in Chromium searches that rank
// and sort across the parts as across one index.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW } from '../global-setup.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';
import { searchInPlace } from '../helpers/search-page.ts';
import { reportRelevance, REQUIRED_HIT_AT_3, runRelevance } from '../helpers/search-relevance.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { partOf } from '../../src/index/search-parts.ts';

const env = { GOVSITE_SEARCH_PART_PAGES: '20' };
const SITES = ['shili', 'shili-jyt', 'anping'];
let root: string;

function build(extra: string[] = []) {
  const result = runCli(['build', '--root', root, '--now', DEMO_NOW, ...extra], { env });
  expect(result.status, result.output).toBe(0);
  return result.output;
}

const inode = (file: string) => statSync(file).ino;

beforeAll(() => {
  root = copyPlatform('demo');
  build();
});
afterAll(() => removePlatform(root));

describe('a search index in parts (issue 8)', () => {
  it('writes part 0 as the bundle and the other parts inside it, without scripts, and tells the search page and the portal how many', () => {
    const bundle = path.join(root, 'dist/shili/pagefind');
    const items = readdirSync(path.join(root, 'content/shili'), { recursive: true }).filter((f) => String(f).endsWith('.mdx')).length;
    const parts = Math.ceil(items / 20);
    expect(parts).toBeGreaterThan(1);
    expect(readdirSync(bundle).filter((name) => name.startsWith('part-')).sort()).toEqual(Array.from({ length: parts - 1 }, (_, i) => `part-${i + 1}`).sort());
    expect(readdirSync(bundle)).toContain('pagefind.js');
    expect(readdirSync(path.join(bundle, 'part-1')).filter((name) => /\.(?:js|css|pagefind)$/.test(name))).toEqual([]);
    expect(readText(root, 'dist/shili/search/index.html')).toContain(`data-bundle-parts="${parts}"`);
    const sites = JSON.parse(readText(root, 'dist/shili/pagefind-sites/sites.json')) as Array<{ id: string; parts: number }>;
    for (const site of sites) expect(readdirSync(path.join(root, 'dist/shili/pagefind-sites', site.id)).filter((n) => n.startsWith('part-')).length + 1).toBe(site.parts);
    expect(sites.every((site) => site.parts > 1)).toBe(true);
  });

  it('after an edit indexes only the edited page’s part, takes the others from the published output, and publishes what a full build gives', () => {
    const file = 'content/shili-jyt/notices/2025-02-10-spring-opening-safety.mdx';
    const page = 'notices/2025-02-10-spring-opening-safety/index.html';
    const bundle = path.join(root, 'dist/shili-jyt/pagefind');
    const entry = (part: number) => path.join(bundle, part ? `part-${part}` : '', 'pagefind-entry.json');
    const parts = readdirSync(bundle).filter((name) => name.startsWith('part-')).length + 1;
    const edited = partOf(page, parts);
    const before = Array.from({ length: parts }, (_, part) => inode(entry(part)));
    writeText(root, file, readText(root, file).replace(/^title: (.*)$/m, 'title: $1（修订）'));
    expect(build()).toMatch(/shili-jyt：\d+ 条内容，\d+ 个页面（只重新渲染了有改动的 1 个内容页和 \d+ 个列表页）/);
    for (let part = 0; part < parts; part++) {
      // A part taken over is the published files, linked; the edited page's part is written anew.
      if (part === edited) expect(inode(entry(part)), `part ${part}`).not.toBe(before[part]);
      else expect(inode(entry(part)), `part ${part}`).toBe(before[part]);
    }
    // An item removed changes its part's pages: that part is indexed again too.
    rmSync(path.join(root, 'content/shili-jyt/notices/2025-12-25-new-year-spring-festival.mdx'), { force: true });
    build();
    const fresh = path.join(root, 'fresh-dist');
    const full = runCli(['build', '--root', root, '--out', fresh, '--now', DEMO_NOW, '--force'], { env });
    expect(full.status, full.output).toBe(0);
    for (const siteId of SITES) expect(treeHashes(path.join(root, 'dist', siteId)), siteId).toEqual(treeHashes(path.join(fresh, siteId)));
    rmSync(fresh, { recursive: true, force: true });
  });
});

describe('searching an index in parts, in Chromium', () => {
  let browser: Browser;
  const servers: Record<string, StaticServer> = {};
  beforeAll(async () => {
    browser = await launchBrowser();
    for (const id of SITES) servers[id] = await serveDirectory(path.join(root, 'dist', id));
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of Object.values(servers)) await server.close();
  });

  async function search(page: Page, site: string, params: Record<string, string>) {
    await searchInPlace(page, servers[site]!.url, params);
    return page.$$eval('.search-result', (items) =>
      items.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, meta: li.querySelector('.search-result__meta')!.textContent! })),
    );
  }

  it('ranks the relevance set’s items in the top 3 as one index does', async () => {
    const page = await browser.newPage();
    const outcome = await runRelevance(async (on, q) => (await search(page, on, { q })).slice(0, 3).map((r) => r.href));
    reportRelevance(outcome, 'search-relevance-parts');
    expect(outcome.hits / outcome.total, outcome.misses.join('\n')).toBeGreaterThanOrEqual(REQUIRED_HIT_AT_3);
    await page.close();
  });

  it('sorts one site’s results by date across its parts, page after page', async () => {
    const page = await browser.newPage();
    const parts = readdirSync(path.join(root, 'dist/shili/pagefind')).filter((name) => name.startsWith('part-')).length + 1;
    const browse = { year: '2026', scope: 'site' };
    const shown = [...(await search(page, 'shili', browse)), ...(await search(page, 'shili', { ...browse, page: '2' }))];
    expect(new Set(shown.map((r) => r.href)).size).toBe(20);
    const dates = shown.map((r) => r.meta.match(/发布时间：(\S{10})/)![1]!);
    expect(dates).toEqual([...dates].sort().reverse());
    // The results come from more than one part.
    expect(new Set(shown.map((r) => partOf(`${r.href.slice(1)}index.html`, parts))).size).toBeGreaterThan(1);
    await page.close();
  });
});
