// LAY-01, A11Y-01…05, issue 26: the site header on a phone (templates/components/SiteHeader.astro,
// styles/site-header.css, scripts/site-header.js) in Debian's Chromium, at 390×844 with touch
// emulation and at 1366×900, in the default mode and in 大字版: the article's title on the first
// screen, the search form and the channels folded behind real disclosure buttons that work by
// keyboard and without JavaScript, nothing moving at load, and the toolbar's tools that cannot
// work on a touch screen not offered there.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { layoutReported } from '../helpers/browser.ts';
import { demoSite, newContext, open, openTools, PAGES, type ContextOptions } from './a11y-helpers.ts';

const demo = demoSite();

const PHONE: ContextOptions = { width: 390, height: 844, touch: true };
const DESKTOP: ContextOptions = { width: 1366, height: 900 };
const MODES = [
  { name: 'default', prefs: undefined },
  { name: '大字版', prefs: { large: true } },
] as const;

/** Where the first line of an element's text ends, from the top of the screen. */
const firstLineBottom = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
    const range = document.createRange();
    range.selectNodeContents(walker.nextNode()!);
    return range.getClientRects()[0]!.bottom;
  });

/** Parts of the page fixed or sticky on the screen at load, with their heights. */
const pinned = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => ['fixed', 'sticky'].includes(getComputedStyle(e).position) && e.getBoundingClientRect().height > 0)
      .map((e) => ({ element: `${e.tagName.toLowerCase()}.${e.className}`, height: e.getBoundingClientRect().height })),
  );

describe('the first screen (issue 26)', () => {
  for (const [device, options] of [['phone 390×844', PHONE], ['desktop 1366×900', DESKTOP]] as const) {
    for (const mode of MODES) {
      it(`${device}, ${mode.name}: the article's title is on the first screen${mode.prefs ? '' : ', and its first body line'}`, async () => {
        const context = await newContext(demo.browser, demo.server.url, { ...options, prefs: mode.prefs });
        const page = await open(context, `${demo.server.url}${PAGES.article}`);
        await page.evaluate(() => document.fonts.ready);
        const screen = options.height!;
        // The whole first line of the title, not just its top edge.
        expect(await firstLineBottom(page, 'h1.article__title')).toBeLessThanOrEqual(screen);
        if (!mode.prefs) expect(await firstLineBottom(page, '.article__body')).toBeLessThanOrEqual(screen);
        // What comes before the content is at most a third of the screen (it was three quarters).
        const mainTop = await page.locator('main').evaluate((m) => m.getBoundingClientRect().top);
        expect(mainTop, 'top of <main>').toBeLessThanOrEqual(screen / 3);
        // Nothing of the header stays on the screen when scrolling: no sticky bar to pay for.
        for (const part of await pinned(page)) expect(part.height, part.element).toBeLessThanOrEqual(0.15 * screen);
        await context.close();
      });
    }
  }
});

describe('搜索 and 菜单 on a phone', () => {
  for (const mode of MODES) {
    it(`${mode.name}: real disclosure buttons, each showing its part, large enough, operable by keyboard, Esc closes`, async () => {
      const context = await newContext(demo.browser, demo.server.url, { ...PHONE, prefs: mode.prefs });
      const page = await open(context, `${demo.server.url}${PAGES.article}`);
      const target = mode.prefs ? 66 : 44;
      const menu = page.getByRole('button', { name: '菜单', exact: true });
      // (Once the form is open, its submit button is a second “搜索”.)
      const search = page.locator('.site-header__toggles').getByRole('button', { name: '搜索', exact: true });
      expect(await menu.getAttribute('aria-controls')).toBe('main-nav');
      expect(await search.getAttribute('aria-controls')).toBe('site-search');
      expect(await page.locator('#site-search').evaluate((f) => f.matches('form[role="search"]'))).toBe(true);
      for (const button of [menu, search]) {
        expect(await button.evaluate((b) => b.tagName)).toBe('BUTTON');
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        const box = (await button.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(target);
        expect(box.height).toBeGreaterThanOrEqual(target);
      }
      expect(await page.locator('#main-nav').isVisible()).toBe(false);
      expect(await page.locator('#header-search').isVisible()).toBe(false);

      // A tap on 菜单 shows every channel, as large targets.
      await menu.tap();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      const links = page.locator('#main-nav a');
      expect(await links.count()).toBeGreaterThan(3);
      for (const box of await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.height).toBeGreaterThanOrEqual(target);
      }
      // The focus order is the visual order: from the button into the channels it opened.
      await menu.focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('#main-nav') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('菜单');
      expect(await links.first().isVisible()).toBe(false);
      // Enter and Space work as on any button.
      await page.keyboard.press('Enter');
      expect(await links.first().isVisible()).toBe(true);
      await page.keyboard.press('Space');
      expect(await links.first().isVisible()).toBe(false);

      // 搜索 opens the search form with the focus in its box; a search goes to the search page.
      await search.tap();
      expect(await search.getAttribute('aria-expanded')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');
      await page.keyboard.type('政策');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=%E6%94%BF%E7%AD%96$/);
      await context.close();
    });
  }

  it('folded from the first paint: nothing moves when the header script arrives late', async () => {
    const context = await newContext(demo.browser, demo.server.url, PHONE);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/site-header.*.js', async (route) => {
      await released;
      await route.continue();
    });
    await context.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) (window as unknown as { shift: number }).shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}${PAGES.article}`, { waitUntil: 'commit' });
    await page.waitForSelector('main h1', { state: 'attached' });
    // Before the script: folded, and the buttons are not shown (so no dead control can be pressed).
    expect(await page.locator('#main-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '菜单', exact: true }).isVisible()).toBe(false);
    const before = await page.locator('main').evaluate((m) => m.getBoundingClientRect().top);
    release();
    await page.waitForSelector('.site-header[data-ready]');
    expect(await page.getByRole('button', { name: '菜单', exact: true }).isVisible()).toBe(true);
    expect(await page.locator('main').evaluate((m) => m.getBoundingClientRect().top)).toBe(before);
    await layoutReported(page);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
    await context.close();
  });

  it('without JavaScript, and on a wide screen: no buttons, the search form and every channel shown', async () => {
    for (const options of [{ ...PHONE, javaScriptEnabled: false }, DESKTOP]) {
      const context = await newContext(demo.browser, demo.server.url, options);
      const page = await open(context, `${demo.server.url}${PAGES.article}`);
      const what = JSON.stringify(options);
      expect(await page.locator('.site-header__toggle').evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).length), what).toBe(0);
      expect(await page.locator('#header-search').isVisible(), what).toBe(true);
      for (const visible of await page.locator('#main-nav a').evaluateAll((as) => as.map((a) => (a as HTMLElement).offsetParent !== null))) expect(visible, what).toBe(true);
      await context.close();
    }
  });
});

describe('the toolbar on a phone (issue 26, finding 10)', () => {
  it('offers no 大鼠标, 页面缩放 or 手机扫码阅读 on a touch screen, where they cannot work; a mouse screen keeps them', async () => {
    for (const [options, touchScreen] of [[PHONE, true], [{ width: 390, height: 844 }, false], [DESKTOP, false]] as const) {
      const context = await newContext(demo.browser, demo.server.url, options);
      const page = await open(context, `${demo.server.url}${PAGES.article}`);
      const what = JSON.stringify(options);
      // The emulation really is a touch screen (else this test would prove nothing).
      expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches), what).toBe(touchScreen);
      await openTools(page);
      for (const name of ['大鼠标', '放大', '缩小']) expect(await page.getByRole('button', { name, exact: true }).isVisible(), `${name} ${what}`).toBe(!touchScreen);
      expect(await page.getByText('手机扫码阅读').isVisible(), what).toBe(!touchScreen);
      // What does work on a phone is all there.
      for (const name of ['连读', '指读', '高对比度', '阅读线', '简洁模式', '重置']) expect(await page.getByRole('button', { name, exact: true }).isVisible(), `${name} ${what}`).toBe(true);
      await context.close();
    }
  });

  it('has no empty band under it: the status line takes no room until it has something to say, then lies over the page', async () => {
    const context = await newContext(demo.browser, demo.server.url, PHONE);
    const page = await open(context, `${demo.server.url}${PAGES.article}`);
    const band = () =>
      page.evaluate(() => {
        const toolbar = document.querySelector('.a11y-toolbar')!.getBoundingClientRect();
        const bar = document.querySelector('.a11y-toolbar__bar')!.getBoundingClientRect();
        return toolbar.bottom - bar.bottom;
      });
    expect(await band()).toBeLessThanOrEqual(8);
    const mainTop = () => page.locator('main').evaluate((m) => m.getBoundingClientRect().top);
    const before = await mainTop();
    await page.getByRole('button', { name: '大字版' }).tap();
    const status = page.locator('.a11y-toolbar [role="status"]');
    await expect.poll(() => status.textContent()).toBe('大字版已开启');
    expect(await status.isVisible()).toBe(true);
    // It hides nothing for good: taps go through it, and it leaves after a few seconds.
    expect(await status.evaluate((s) => getComputedStyle(s).pointerEvents)).toBe('none');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('');
    expect(await band()).toBeLessThanOrEqual(12);
    expect(await mainTop()).toBeGreaterThan(before); // 大字版 is on: larger, but no band added
    await context.close();
  });
});
