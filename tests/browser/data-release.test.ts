// CONT-15 in Chromium: a data release's page as built. On the demo portal (a CSV with a unit per
// row, a bar chart) and on a copy of `mini` (a JSON file, a line chart, data past validUntil):
// the table has its caption, column and row headers and units; the chart is an image named
// and described with its values; the download link serves the file itself; 已过期 is shown
// when the data have expired; axe-core finds nothing in the default, large-print and
// high-contrast modes, at 390 px and 1280 px; the page does not scroll sideways at 390 px.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyPlatform, removePlatform, runCli, writeText } from '../helpers/platform.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { axeViolations, newContext, open, openTools, type Prefs } from './a11y-helpers.ts';

const DEMO_PAGE = '/data/2026-q3-economy/';
const MINI_PAGE = '/data/2026-cpi/';
const MINI_ITEM = `---
title: 2026年7—10月测试市居民消费价格同比涨幅
pubDate: 2026-11-10 10:00
source: 测试市统计局
reviewedBy: 刘敏
data:
  file: monthly-cpi.json
  columns:
    - { name: 月份, type: text }
    - { name: 居民消费价格同比涨幅, type: number, unit: "%" }
  chart: { kind: line, category: 月份, values: [居民消费价格同比涨幅] }
  validUntil: 2026-11-15
---

7—10月，全市居民消费价格总体平稳。
`;

let browser: Browser;
let demo: StaticServer;
let mini: StaticServer;
let miniRoot: string;

beforeAll(async () => {
  miniRoot = copyPlatform('mini');
  writeText(miniRoot, 'content/alpha/data/2026-cpi/index.mdx', MINI_ITEM);
  writeText(miniRoot, 'content/alpha/data/2026-cpi/monthly-cpi.json', readFileSync(path.join(projectRoot, 'tests/fixtures/data-release/monthly-cpi.json')));
  const built = runCli(['build', '--root', miniRoot, '--site', 'alpha', '--now', '2026-11-22 10:00']);
  if (built.status !== 0) throw new Error(`mini build failed:\n${built.output}`);
  expect(built.output).toContain('CONT-15');
  browser = await launchBrowser();
  demo = await serveDirectory(path.join(inject('demoRoot'), 'dist', 'shili'));
  mini = await serveDirectory(path.join(miniRoot, 'dist', 'alpha'));
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await mini?.close();
  if (miniRoot) removePlatform(miniRoot);
});

/** The download link's target, fetched: its status and bytes. */
async function download(page: Page, server: StaticServer): Promise<{ status: number; bytes: Buffer; label: string }> {
  const link = page.locator('.data-release__download a');
  const href = (await link.getAttribute('href'))!;
  expect(await link.getAttribute('download')).not.toBeNull();
  const response = await fetch(new URL(href, server.url));
  const label = (await page.locator('.data-release__download').textContent())!.replace(/\s+/g, '');
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), label };
}

describe('a data release page (CONT-15)', () => {
  it('demo: the table from the CSV, with caption, headers, units and right-aligned numbers', async () => {
    const context = await newContext(browser, demo.url, { width: 390 });
    const page = await open(context, `${demo.url}${DEMO_PAGE}`);
    const table = page.getByRole('table', { name: '2026年前三季度全省经济运行主要指标' });
    await expect(table.count()).resolves.toBe(1);
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['指标', '单位', '绝对值', '同比增长（%）']);
    const csv = readFileSync(path.join(projectRoot, 'content/shili/data/2026-q3-economy/q3-indicators.csv'), 'utf8').trim().split('\n');
    expect(await table.locator('tbody tr').count()).toBe(csv.length - 1);
    expect(await table.locator('tbody th[scope="row"]').first().textContent()).toBe('地区生产总值');
    const growth = table.locator('tbody tr').first().locator('td').last();
    expect(await growth.textContent()).toBe('5.3');
    expect(await growth.evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
    // A value not published reads as 未公布, not as a dash.
    expect(await table.locator('tbody tr').nth(4).locator('td').nth(1).textContent()).toBe('—未公布');
    // The hand-written table and the JPG chart are gone: one table, no image in the body.
    await expect(page.locator('.article__body table, .article__body img').count()).resolves.toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('demo: the chart is an image named by its title and described with every value', async () => {
    const context = await newContext(browser, demo.url);
    const page = await open(context, `${demo.url}${DEMO_PAGE}`);
    const chart = page.getByRole('img', { name: '2026年前三季度主要指标同比增速（单位：%）' });
    await expect(chart.count()).resolves.toBe(1);
    const description = await chart.evaluate((svg) => document.getElementById(svg.getAttribute('aria-labelledby')!.split(' ')[1]!)!.textContent);
    for (const value of ['地区生产总值 5.3%', '货物进出口总额 7.2%', '第一产业增加值 3.8%', '居民消费价格指数（上年同期为100） 0.4%']) expect(description).toContain(value);
    await expect(page.locator('figure.data-release__chart figcaption').textContent()).resolves.toContain('各项数值见上表');
    const file = await download(page, demo);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(readFileSync(path.join(projectRoot, 'content/shili/data/2026-q3-economy/q3-indicators.csv')))).toBe(true);
    expect(file.label).toBe(`下载数据：2026年前三季度全省经济运行主要指标（CSV，${file.bytes.length}字节）`);
    await context.close();
  });

  it('mini: JSON data with a line chart, marked 已过期 after validUntil, the JSON downloadable', async () => {
    const context = await newContext(browser, mini.url);
    const page = await open(context, `${mini.url}${MINI_PAGE}`);
    await expect(page.locator('.notice--expired').textContent()).resolves.toContain('已过期');
    await expect(page.getByRole('table').locator('caption').textContent()).resolves.toBe('2026年7—10月测试市居民消费价格同比涨幅（已过期）');
    const chart = page.getByRole('img', { name: '居民消费价格同比涨幅（按月份）（单位：%）' });
    await expect(chart.locator('polyline').count()).resolves.toBe(1);
    const file = await download(page, mini);
    expect(file.status).toBe(200);
    expect(JSON.parse(file.bytes.toString('utf8'))).toHaveLength(4);
    expect(file.label).toContain('（JSON，');
    await context.close();
  });

  const MODES: Array<[string, Prefs | undefined]> = [['default', undefined], ['large', { large: true }], ['contrast', { contrast: true }]];
  it.each(MODES)('axe-core: no violations in %s mode at 390 px and 1280 px', async (_mode, prefs) => {
    for (const [server, url] of [[demo, DEMO_PAGE], [mini, MINI_PAGE]] as const) {
      for (const width of [390, 1280]) {
        const context = await newContext(browser, server.url, { prefs, width });
        const page = await open(context, `${server.url}${url}`);
        await openTools(page);
        expect(await axeViolations(page), `${url} ${width}px`).toEqual([]);
        await context.close();
      }
    }
  });
});
