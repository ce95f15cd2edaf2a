// A11Y-01…05: the accessibility statement (无障碍声明, templates/pages/accessibility.astro) of each
// site of the demo platform — its contacts from site.yaml, and what it says was tested being what
// the browser tests test (templates/lib/a11y-testing.ts) — and the footer link to it everywhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSite } from '../../src/rules/load-site.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { AXE_VERSION, LIGHTHOUSE, MODES, PAGE_TYPES } from '../../templates/lib/a11y-testing.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { newContext, open } from './a11y-helpers.ts';

let root: string;
let browser: Browser;

beforeAll(async () => {
  root = inject('demoRoot');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('无障碍声明', () => {
  it('names what was tested exactly as the tests run it: the page types, the modes, the axe-core version', () => {
    const installed = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8')).version;
    expect(AXE_VERSION).toBe(installed);
    // Each page type's demo page is a real page of the built portal (the 404 page stands in for a missing one).
    for (const type of PAGE_TYPES) {
      const file = type.id === 'not-found' ? '404.html' : path.join(type.demoPath, 'index.html');
      expect(existsSync(path.join(root, 'dist', 'shili', file)), type.id).toBe(true);
    }
    expect(existsSync(path.join(root, 'dist', 'shili', PAGE_TYPES.find((t) => t.id === 'not-found')!.demoPath))).toBe(false);
    expect(MODES.map((m) => m.id)).toEqual(['default', 'large', 'contrast']);
    if (LIGHTHOUSE) expect(Object.keys(LIGHTHOUSE.scores).sort()).toEqual(PAGE_TYPES.map((t) => t.id).sort());
  });

  it('covers every page template (or says why one is left out)', () => {
    const covered: Record<string, string[]> = {
      'index.astro': ['home'],
      '[column]/[...page].astro': ['column'],
      '[column]/[slug].astro': ['article', 'policy', 'data'],
      'topics/index.astro': ['topics'],
      'topics/[topic].astro': ['topic'],
      'sitemap.astro': ['sitemap'],
      'search.astro': ['search'],
      '404.astro': ['not-found'],
      'accessibility.astro': ['accessibility'],
      'xxgk/[...path].astro': ['catalogue', 'catalogue-facet'],
      'zcwjk/[...path].astro': ['library', 'library-status'],
      // The leave-site notice (CONT-13) exists only for links to non-government sites, and no page
      // of the demo platform has one, so there is no such page to test.
      'leaving/[hash].astro': [],
    };
    const templates = readdirSync(path.join(projectRoot, 'templates', 'pages'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.astro'))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    expect(templates).toEqual(Object.keys(covered).sort());
    expect(Object.values(covered).flat().sort()).toEqual(PAGE_TYPES.map((t) => t.id).sort());
  });

  for (const siteId of ['shili', 'shili-jyt', 'anping']) {
    it(`${siteId}: its own statement, with the site’s name, contacts and report link, the tests and the limits`, async () => {
      const { model } = await loadSite(root, siteId);
      const config = model!.config;
      const server: StaticServer = await serveDirectory(path.join(root, 'dist', siteId));
      const context = await newContext(browser, server.url, { javaScriptEnabled: false });
      const page = await open(context, `${server.url}/accessibility/`);
      expect(await page.title()).toBe(`无障碍声明 - ${config.name}`);
      expect(await page.locator('h1').allTextContents()).toEqual(['无障碍声明']);
      expect(await page.locator('main h2').allTextContents()).toEqual(['适用标准', '无障碍功能', '测试情况', '已知局限', '问题反馈']);
      const text = await page.locator('main').innerText();
      for (const expected of [config.name, config.domain, 'GB/T 37668', 'WCAG', '《互联网网站适老化通用设计规范》', String(config.contact.phone), config.organizer]) {
        expect(text, expected).toContain(expected);
      }
      // Written for readers (issue 26 item 10): the testing tools' names and scores are the maintainers' (docs/accessibility.md).
      for (const jargon of ['axe-core', 'Lighthouse', 'Chromium', 'JavaScript 后检查']) expect(text, jargon).not.toContain(jargon);
      if (config.contact.email) expect(await page.locator(`main a[href="mailto:${config.contact.email}"]`).count()).toBe(1);
      if (config.contact.address) expect(text).toContain(config.contact.address);
      for (const type of PAGE_TYPES) expect(await page.locator('.a11y-statement__types li', { hasText: type.name }).count(), type.id).toBe(1);
      for (const mode of MODES) expect(text, mode.id).toContain(`“${mode.name}”`);
      const report = await page.getByRole('link', { name: '我为政府网站找错' }).first().getAttribute('href');
      expect(report).toContain(`site_code=${config.siteCode}`);
      expect(report).toContain(encodeURIComponent(`https://${config.domain}/accessibility/`));
      // Linked from the footer of its pages.
      await page.goto(`${server.url}/`);
      await page.getByRole('contentinfo').getByRole('link', { name: '无障碍声明' }).click();
      await page.waitForURL(`${server.url}/accessibility/`);
      await context.close();
      await server.close();
    });
  }
});
