// OPEN-03 / OPEN-04 in Chromium, on the demo build: the catalogue's and the library's pages on a
// 390 px phone (no page overflow: the table scrolls in its labelled, focusable region; axe finds
// nothing), browsing by plain links with JavaScript off, and the catalogue's fields found through
// the site search: the item pages tell Pagefind their 主题分类, 发文机关, 体裁 and 索引号 as filters.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { toSiteData } from '../../src/render/site-data.ts';
import { catalogueEntries, type CatalogueEntry } from '../../src/render/catalogue-entries.ts';
import { DEMO_NOW } from '../global-setup.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { axeViolations, newContext, open } from './a11y-helpers.ts';

let browser: Browser;
let shili: StaticServer;
let jyt: StaticServer;
let jytEntries: CatalogueEntry[];

beforeAll(async () => {
  const root = inject('demoRoot');
  browser = await launchBrowser();
  shili = await serveDirectory(path.join(root, 'dist', 'shili'));
  jyt = await serveDirectory(path.join(root, 'dist', 'shili-jyt'));
  const platform = await loadPlatform(root, DEMO_NOW);
  jytEntries = catalogueEntries(toSiteData(platform.get('shili-jyt')!.model!, DEMO_NOW).items);
});
afterAll(async () => {
  await browser?.close();
  await shili?.close();
  await jyt?.close();
});

describe('the catalogue and the library on a phone (OPEN-03, OPEN-04)', () => {
  for (const where of ['/xxgk/', '/xxgk/subject/02/', '/zcwjk/', '/zcwjk/status/valid/']) {
    it(`${where} at 390 px: no page overflow, the table scrolls in a labelled focusable region, axe finds nothing`, async () => {
      const context = await newContext(browser, shili.url, { width: 390, height: 844 });
      const page = await open(context, `${shili.url}${where}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      const region = page.locator('.catalogue-table');
      expect(await region.getAttribute('role')).toBe('region');
      expect(await region.getAttribute('aria-label')).toBe(await page.locator('.catalogue-table caption').textContent());
      expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth && e.tabIndex === 0)).toBe(true);
      expect(await page.locator('.catalogue-table thead th[scope="col"]').count()).toBeGreaterThanOrEqual(8);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('is browsed by plain links with JavaScript off: index → a subject → back', async () => {
    const context = await newContext(browser, jyt.url, { javaScriptEnabled: false });
    const page = await open(context, `${jyt.url}/xxgk/`);
    await page.getByRole('navigation', { name: '目录分类' }).getByRole('link', { name: '科技、教育' }).click();
    expect(new URL(page.url()).pathname).toBe('/xxgk/subject/11/');
    expect(await page.locator('h1').textContent()).toBe('主题分类：科技、教育');
    const rows = await page.locator('.catalogue-table tbody tr').count();
    expect(rows).toBe(jytEntries.filter((e) => e.subject === '科技、教育').length);
    await page.getByRole('link', { name: /返回政府信息公开目录/ }).click();
    expect(new URL(page.url()).pathname).toBe('/xxgk/');
    await context.close();
  });
});

/**
 * Pagefind of the site's own bundle, searched in the page with filters only. The script is given
 * as text: the test runner would rewrite a dynamic import() in a function it serializes.
 */
async function searchByFilters(page: Page, filters: Record<string, string>): Promise<string[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    const found = await pagefind.search(null, { filters: ${JSON.stringify(filters)} });
    const data = await Promise.all(found.results.map((r) => r.data()));
    return data.map((d) => new URL(d.url, location.origin).pathname).sort();
  })()`);
}

describe('the catalogue’s fields in the site search (OPEN-03, SRCH-02)', () => {
  it('filters by 主题分类, 发文机关, 体裁 and finds a document by its 索引号', async () => {
    const page = await (await newContext(browser, jyt.url)).newPage();
    await page.goto(`${jyt.url}/search/`);
    const urls = (pick: (e: CatalogueEntry) => boolean) => jytEntries.filter(pick).map((e) => e.url).sort();
    expect(await searchByFilters(page, { subject: '科技、教育' })).toEqual(urls((e) => e.subject === '科技、教育'));
    expect(await searchByFilters(page, { genre: '意见' })).toEqual(urls((e) => e.genre === '意见'));
    expect(await searchByFilters(page, { issuer: '示例省教育厅' })).toEqual(urls((e) => e.issuer === '示例省教育厅'));
    expect((await searchByFilters(page, { genre: '意见' })).length).toBe(2);
    const one = jytEntries[0]!;
    expect(await searchByFilters(page, { indexnumber: one.indexNumber })).toEqual([one.url]);
    await page.context().close();
  });
});
