// A11Y-01, A11Y-05 on the built demo platform in Debian's Chromium: axe-core finds nothing on any
// page type in the default, large-print and high-contrast modes (toolbar open, so its controls are
// checked too); in large print, text meets 4.5:1 even where WCAG would accept 3:1 for large text;
// the page semantics hold; everything reads with JavaScript off.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSite } from '../../src/rules/load-site.ts';
import { MODES, PAGE_TYPES } from '../../templates/lib/a11y-testing.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { axeViolations, fakeSpeech, htmlAttributes, newContext, open, openTools, PAGES, scriptErrors, spoken, type Prefs } from './a11y-helpers.ts';

const MODE_PREFS: Record<(typeof MODES)[number]['id'], Prefs | undefined> = {
  default: undefined,
  large: { large: true },
  contrast: { contrast: true },
};

let root: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  root = inject('demoRoot');
  browser = await launchBrowser();
  server = await serveDirectory(path.join(root, 'dist', 'shili'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('axe-core on every page type, in every mode (A11Y-01)', () => {
  for (const mode of MODES) {
    it(`${mode.name} (${mode.id}): no violations on ${PAGE_TYPES.length} page types`, async () => {
      const context = await newContext(browser, server.url, { prefs: MODE_PREFS[mode.id] });
      const found: Record<string, string[]> = {};
      for (const type of PAGE_TYPES) {
        const page = await open(context, `${server.url}${PAGES[type.id]}`);
        const attributes = await htmlAttributes(page);
        // The mode really is on (a broken preferences script would make this a default-mode run).
        if (mode.id === 'large') expect(attributes, type.id).toHaveProperty('data-a11y-large');
        if (mode.id === 'contrast') expect(attributes, type.id).toHaveProperty('data-a11y-contrast');
        await openTools(page);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[type.id] = violations;
        expect(scriptErrors(page), type.id).toEqual([]);
        await page.close();
      }
      expect(found).toEqual({});
      await context.close();
    });
  }

  it('on a phone (390×844, touch), every mode: the header’s search and menu open, the read-aloud player docked, a message shown', async () => {
    const found: Record<string, string[]> = {};
    for (const mode of MODES) {
      const context = await newContext(browser, server.url, { prefs: MODE_PREFS[mode.id], width: 390, height: 844, touch: true });
      await context.addInitScript(fakeSpeech, {});
      for (const type of ['article', 'search', 'data']) {
        const page = await open(context, `${server.url}${PAGES[type]}`);
        for (const name of ['搜索', '菜单']) await page.locator('.site-header__toggles').getByRole('button', { name, exact: true }).tap();
        await openTools(page);
        await page.getByRole('button', { name: '连读' }).tap();
        await expect.poll(async () => (await spoken(page)).length, { message: `${mode.id} ${type}` }).toBeGreaterThan(0);
        expect(await page.locator('[data-a11y-player]').getAttribute('data-docked'), `${mode.id} ${type}`).toBe('');
        await expect.poll(() => page.locator('.a11y-toolbar [role="status"]').textContent()).not.toBe('');
        const violations = await axeViolations(page);
        if (violations.length > 0) found[`${mode.id} ${type}`] = violations;
        expect(scriptErrors(page), `${mode.id} ${type}`).toEqual([]);
        await page.close();
      }
      await context.close();
    }
    expect(found).toEqual({});
  });

  it('large print: every text meets 4.5:1 (axe color-contrast-enhanced, whose large-text threshold is 4.5:1)', async () => {
    const context = await newContext(browser, server.url, { prefs: { large: true } });
    const found: Record<string, string[]> = {};
    for (const type of PAGE_TYPES) {
      const page = await open(context, `${server.url}${PAGES[type.id]}`);
      await openTools(page);
      const violations = await axeViolations(page, { enhanced: true });
      if (violations.length > 0) found[type.id] = violations;
      await page.close();
    }
    expect(found).toEqual({});
    await context.close();
  });

  it('the other sites of the platform, with their own colours: home and an article in every mode', async () => {
    for (const siteId of ['shili-jyt', 'anping']) {
      const { model } = await loadSite(root, siteId);
      const siteServer = await serveDirectory(path.join(root, 'dist', siteId));
      for (const mode of MODES) {
        const context = await newContext(browser, siteServer.url, { prefs: MODE_PREFS[mode.id] });
        for (const url of ['/', model!.items[0]!.url]) {
          const page = await open(context, `${siteServer.url}${url}`);
          await openTools(page);
          expect(await axeViolations(page), `${siteId} ${mode.id} ${url}`).toEqual([]);
          await page.close();
        }
        await context.close();
      }
      await siteServer.close();
    }
  });
});

describe('page semantics (A11Y-05)', () => {
  it('every page type: lang zh-CN, one h1, landmarks, labelled tables and forms, the skip link first', async () => {
    const context = await newContext(browser, server.url);
    for (const type of PAGE_TYPES) {
      const page = await open(context, `${server.url}${PAGES[type.id]}`);
      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length,
        main: document.querySelectorAll('main').length,
        banner: document.querySelectorAll('header[role="banner"], body > header').length,
        contentinfo: document.querySelectorAll('footer').length,
        navigation: document.querySelectorAll('nav').length,
        tablesWithoutHeaders: [...document.querySelectorAll('table')].filter((t) => !t.querySelector('th')).length,
        unlabelledFields: [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter((f) => (f as HTMLInputElement).labels?.length === 0 && !f.getAttribute('aria-label')).length,
        toolbarRegion: document.querySelector('section[aria-label="无障碍工具条"]') !== null,
      }));
      expect(facts, type.id).toEqual({ lang: 'zh-CN', h1: 1, main: 1, banner: 1, contentinfo: 1, navigation: facts.navigation, tablesWithoutHeaders: 0, unlabelledFields: 0, toolbarRegion: true });
      expect(facts.navigation, type.id).toBeGreaterThanOrEqual(1);

      // The first Tab reaches the skip link, shown with a visible focus ring; Enter moves focus to <main>.
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const box = element.getBoundingClientRect();
        return { text: element.textContent, outline: getComputedStyle(element).outlineStyle, visible: box.top >= 0 && box.height > 0 };
      });
      expect(skip, type.id).toEqual({ text: '跳到主要内容', outline: 'solid', visible: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName), type.id).toBe('MAIN');
      await page.close();
    }
    await context.close();
  });

  it('with JavaScript off, every page type reads in full and shows no toolbar (no dead controls)', async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false, prefs: { large: true } });
    for (const type of PAGE_TYPES) {
      const page = await open(context, `${server.url}${PAGES[type.id]}`);
      expect(await page.locator('.a11y-toolbar').isVisible(), type.id).toBe(false);
      expect(await page.locator('.a11y-toolbar button').count(), type.id).toBeGreaterThan(10);
      const shownControls = await page.locator('.a11y-toolbar :is(button, select)').evaluateAll((elements) => elements.filter((e) => (e as HTMLElement).offsetParent !== null).length);
      expect(shownControls, type.id).toBe(0);
      expect(await page.locator('main').isVisible(), type.id).toBe(true);
      expect((await page.locator('main').innerText()).length, type.id).toBeGreaterThan(4);
      // The saved mode needs the script: without it the page is the default one, not half-styled.
      expect(await htmlAttributes(page), type.id).toEqual({});
      expect(await page.getByRole('contentinfo').getByRole('link', { name: '无障碍声明' }).isVisible(), type.id).toBe(true);
      await page.close();
    }
    await context.close();
  });
});
