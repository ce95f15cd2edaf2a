// `npm run screenshots` (after `npm run build`): every page type of the demo portal
// (templates/lib/a11y-testing.ts) at a phone's 390×844 and a desktop's 1366×900, in the default
// style and in 大字版, written to docs/screenshots/ for people to look at (issue 26): the first
// three screens of each, JPEG, so the folder stays small; the search page with a query and results.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { PAGE_TYPES } from '../templates/lib/a11y-testing.ts';
import { projectRoot } from '../src/util/paths.ts';
import { serveDirectory } from '../tests/helpers/static-server.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: path.join(projectRoot, 'dist', 'shili') }, out: { type: 'string', default: path.join(projectRoot, 'docs', 'screenshots') } } });
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 900 },
];
const SEARCH_QUERY = '社会保障卡';

rmSync(values.out!, { recursive: true, force: true });
mkdirSync(values.out!, { recursive: true });
const server = await serveDirectory(values.dist!);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const viewport of VIEWPORTS) {
    for (const large of [false, true]) {
      const storage = large ? [{ origin: server.url, localStorage: [{ name: 'govsite.a11y', value: JSON.stringify({ large: true }) }] }] : [];
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: viewport.width < 600, hasTouch: viewport.width < 600, storageState: { cookies: [], origins: storage } });
      for (const type of PAGE_TYPES) {
        const page = await context.newPage();
        const url = type.id === 'search' ? `${type.demoPath}?q=${encodeURIComponent(SEARCH_QUERY)}` : type.demoPath;
        await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
        if (type.id === 'search') await page.locator('[data-search-results] li, .search-results li').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        const file = path.join(values.out!, `${type.id}-${viewport.name}${large ? '-large' : ''}.jpg`);
        // The first three screens: what a reader sees first, without megabytes of long pages.
        const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), viewport.height * 3);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height }, type: 'jpeg', quality: 60 });
        await page.close();
      }
      await context.close();
    }
  }
  console.log(`已写入 ${path.relative(projectRoot, values.out!)}/：${PAGE_TYPES.length} 种页面 × 手机与电脑 × 默认与大字版`);
} finally {
  await browser.close();
  await server.close();
}
