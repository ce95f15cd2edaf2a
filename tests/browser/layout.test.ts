// LAY-06: every page type of the demo portal at phone, tablet and desktop widths, in Chromium:
// no horizontal scrolling, no text drawn over other text. Screenshots are written to
// test-results/screenshots/ for people to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

const PAGES: Record<string, string> = {
  home: '/',
  column: '/news/',
  'sub-column': '/county-news/',
  article: '/news/2026-11-21-executive-meeting/',
  policy: '/policies/2025-enterprise-registration-measures/',
  'data-release': '/data/2026-q3-economy/',
  topics: '/topics/',
  topic: '/topics/yhyshj/',
  sitemap: '/sitemap/',
  search: '/search/',
  'not-found': '/no-such-page/',
};
const WIDTHS = [320, 768, 1280];
const shots = path.join(projectRoot, 'test-results', 'screenshots');

/** Pairs of text line boxes from different text nodes that overlap by more than a sliver. */
function overlappingText(page: Page) {
  return page.evaluate(() => {
    const boxes: Array<{ node: number; text: string; r: DOMRect }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let index = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode(), index++) {
      const text = node.textContent?.trim();
      if (!text) continue;
      const parent = node.parentElement!;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || parent.closest('.visually-hidden, [hidden]')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) boxes.push({ node: index, text: text.slice(0, 20), r });
    }
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.node === b.node) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 2 && h > 2) overlaps.push(`“${a.text}” × “${b.text}”`);
      }
    }
    return overlaps;
  });
}

describe('page layout in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    server = await serveDirectory(path.join(inject('demoRoot'), 'dist', 'shili'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of WIDTHS) {
    it(`every page type fits ${width} px with no overlapping text`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const [name, url] of Object.entries(PAGES)) {
        const response = await page.goto(`${server.url}${url}`);
        expect(response?.status(), url).toBe(name === 'not-found' ? 404 : 200);
        await page.evaluate(() => document.fonts.ready);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} ${url} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        expect(await overlappingText(page), `${name} ${url} at ${width}px`).toEqual([]);
        await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
      }
      await page.close();
    });
  }

  it('on a phone, in both text sizes, lays the channels out as an even grid and keeps short labels on one line', async () => {
    for (const large of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      if (large) await context.addInitScript(() => localStorage.setItem('govsite.a11y', JSON.stringify({ large: true })));
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.evaluate(() => document.fonts.ready);
      const mode = large ? '大字版' : 'default';
      // Folded behind 菜单 on a phone (SiteHeader.astro): opened, as a reader does.
      await page.getByRole('button', { name: '菜单', exact: true }).click();
      expect(await page.locator('.main-nav a').first().isVisible(), mode).toBe(true);
      // Channel cells share rows of equal width: no ragged last-row-of-one layout several rows high.
      const cells = await page.locator('.main-nav a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), width: Math.round(r.width) })));
      const rows = new Set(cells.map((c) => c.top)).size;
      const perRow = Math.max(...[...new Set(cells.map((c) => c.top))].map((top) => cells.filter((c) => c.top === top).length));
      expect(rows, mode).toBe(Math.ceil(cells.length / perRow));
      expect(new Set(cells.map((c) => c.width)).size, mode).toBe(1);
      // Two-character button labels (搜索) never break into a vertical stack.
      const wrapped = await page.locator('.site-header button, .main-nav a').evaluateAll((elements) =>
        elements.filter((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((el) => el.textContent?.trim()),
      );
      expect(wrapped, mode).toEqual([]);
      await context.close();
    }
  });

  it('the overlap check finds text drawn over text (so a pass means something)', async () => {
    const page = await browser.newPage();
    await page.setContent('<p style="margin:0">示例省人民政府</p><p style="margin:-1.2em 0 0 1em">工作动态</p><p>正常段落</p>');
    expect(await overlappingText(page)).toEqual(['“示例省人民政府” × “工作动态”']);
    await page.close();
  });

  it('prints without navigation, with the article intact', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}${PAGES.policy}`);
    await expect(page.locator('nav.main-nav').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header__search').isVisible()).resolves.toBe(false);
    await expect(page.locator('article h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('.doc-info').isVisible()).resolves.toBe(true);
    await page.close();
  });
});
