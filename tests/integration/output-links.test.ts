// CONT-13 / HEALTH-05 end to end on copies of the `mini` fixture: real builds, the link check
// over the built output before it is published, the leave-site notice pages, and Chromium
// following a link to one (never onward: the machine has no network, and needs none).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toSiteData } from '../../src/render/site-data.ts';
import { leavingPath } from '../../src/render/leaving-links.ts';
import { checkOutputLinks } from '../../src/rules/output/check-links.ts';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { DEMO_NOW } from '../global-setup.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const NEWS = 'content/alpha/news/city-work-meeting.mdx';
const NEWS_PAGE = 'dist/alpha/news/city-work-meeting/index.html';
const XINHUA = 'https://www.news.cn/politics/2026-11/20/c_1130000000.htm';
const GOV = 'https://www.gov.cn/zhengce/';
/** A bare address in Chinese text, as the guidelines write it (issue 25). */
const BARE = '政府门户网站使用“www.gov.cn”域名，其他政府门户网站使用“www.□□□.gov.cn”结构的域名。';

/** Appends paragraphs to the news item's body; returns the line number of the first one. */
function appendToNews(root: string, ...paragraphs: string[]): number {
  const before = readText(root, NEWS).replace(/\n*$/, '\n');
  writeText(root, NEWS, `${before}\n${paragraphs.join('\n\n')}\n`);
  return before.split('\n').length + 1;
}

describe('links over the built output (CONT-13, HEALTH-05)', () => {
  let root: string;
  let build: ReturnType<typeof runCli>;
  let goodAlpha: Record<string, string>;

  beforeAll(() => {
    root = copyPlatform('mini');
    appendToNews(root, `会议精神的报道见[新华网的报道](${XINHUA})，相关政策见[中国政府网政策栏目](${GOV})。`, BARE);
    build = runCli(['build', '--root', root, '--site', 'alpha', ...NOW]);
    expect(build.status, build.output).toBe(0);
    goodAlpha = treeHashes(path.join(root, 'dist/alpha'));
  });
  afterAll(() => removePlatform(root));

  /** A copy of the platform with the good output already published, changed by `change`. */
  function brokenCopy(change: (copy: string) => number) {
    const copy = copyPlatform('mini');
    execFileSync('cp', ['-r', path.join(root, 'dist'), path.join(copy, 'dist')]);
    writeText(copy, NEWS, readText(root, NEWS));
    const line = change(copy);
    return { copy, line, result: runCli(['build', '--root', copy, '--site', 'alpha', ...NOW]) };
  }

  it('sends a non-government link through a static notice page that shows the destination and links onward', () => {
    const article = readText(root, NEWS_PAGE);
    const notice = leavingPath(XINHUA);
    expect(article).toContain(`<a href="${notice}" rel="noopener noreferrer">新华网的报道<span class="visually-hidden">（将离开本站）</span></a>`);
    expect(article).not.toContain(`href="${XINHUA}"`);

    const page = readText(root, path.join('dist/alpha', notice, 'index.html'));
    expect(page).toContain('您即将离开本网站');
    const url = XINHUA.replace(/[.?]/g, '\\$&');
    // The destination in full, and the way on.
    expect(page).toMatch(new RegExp(`<code[^>]*>${url}</code>`));
    expect(page).toMatch(new RegExp(`<a class="leaving__continue" href="${url}" rel="noopener noreferrer nofollow"[^>]*>继续访问 www\\.news\\.cn</a>`));
    expect(page).toMatch(/<a href="\/news\/city-work-meeting\/"[^>]*>返回《测试市召开全市数字政府建设工作会议》<\/a>/);
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('ends a bare address where the Chinese text starts: no leave-site page for the rest of the sentence (issue 25)', () => {
    const article = readText(root, NEWS_PAGE);
    expect(article).toContain('<a href="http://www.gov.cn">www.gov.cn</a>”域名，其他政府门户网站使用“www.□□□.gov.cn”结构的域名。');
    // Only the news agency's page: the sentence's government address is linked directly.
    expect(readdirSync(path.join(root, 'dist/alpha/leaving'))).toEqual([leavingPath(XINHUA).split('/')[2]]);
    // Every address the page links to is a plain ASCII URL (the Nu HTML Checker rejected the host of the runaway link).
    for (const [, href] of article.matchAll(/<a [^>]*href="([^"]*)"/g)) expect(href).toMatch(/^[\x21-\x7e]+$/);
  });

  it('keeps a .gov.cn link direct', () => {
    expect(readText(root, NEWS_PAGE)).toContain(`<a href="${GOV}">中国政府网政策栏目</a>`);
  });

  it('lists the external links in reports/<siteId>/external-links.json and counts them in the summary', () => {
    const report = JSON.parse(readText(root, 'reports/alpha/external-links.json'));
    expect(report.links).toContainEqual({ url: XINHUA, host: 'www.news.cn', government: false, viaNotice: true, pages: ['/news/city-work-meeting/'] });
    expect(report.links).toContainEqual(expect.objectContaining({ url: GOV, government: true, viaNotice: false }));
    expect(report.hosts.find((h: { host: string }) => h.host === 'bszs.conac.cn')).toMatchObject({ government: true });
    expect(build.stdout).toMatch(/✔ alpha：.*外部链接 \d+ 个网站（非政府网站 1 个）/);
  });

  // The platform's source check (src/rules/output/source-links.ts) finds it before Astro starts;
  // the output check's own finding of it is tests/unit/check-links.test.ts's.
  it('fails the site on a link to a missing page, with file:line and CONT-13, and keeps the old output', () => {
    const { copy, line, result } = brokenCopy((c) => appendToNews(c, '详见[上次会议的报道](/news/no-such-meeting/)。'));
    try {
      expect(result.status, result.output).toBe(1);
      const lines = result.stdout.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`${NEWS}:${line}:`) && l.includes('[CONT-13]'));
      expect(at, result.output).toBeGreaterThanOrEqual(0);
      expect(lines[at]).toContain('/news/no-such-meeting/');
      expect(lines[at]).toContain('本站页面 /news/no-such-meeting/ 不存在');
      expect(lines[at + 1]).toMatch(/^ {4}修改方法：\S/);
      expect(result.stdout).toContain('✘ alpha：构建失败，已发布的 dist/alpha/ 保持不变');
      expect(treeHashes(path.join(copy, 'dist/alpha'))).toEqual(goodAlpha);
      expect(existsSync(path.join(copy, 'dist/.building-alpha'))).toBe(false);
    } finally {
      removePlatform(copy);
    }
  });

  it('fails the site on a hidden link (暗链) and keeps the old output', () => {
    const { copy, line, result } = brokenCopy((c) => appendToNews(c, '会议材料见[](/policies/)。'));
    try {
      expect(result.status, result.output).toBe(1);
      const hidden = result.stdout.split('\n').find((l) => l.includes('[CONT-13]') && l.includes('暗链'));
      expect(hidden, result.output).toBeDefined();
      expect(hidden).toContain(`${NEWS}:${line}:`);
      expect(treeHashes(path.join(copy, 'dist/alpha'))).toEqual(goodAlpha);
    } finally {
      removePlatform(copy);
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let server: StaticServer;
    beforeAll(async () => {
      browser = await launchBrowser();
      server = await serveDirectory(path.join(root, 'dist/alpha'));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('following the external link shows the notice page first, without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // Nothing may leave the machine: the test never follows the link onward.
        const outside: string[] = [];
        await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
          outside.push(route.request().url());
          return route.abort();
        });
        await page.goto(`${server.url}/news/city-work-meeting/`);
        // Screen readers hear where the link goes: the visually-hidden note is part of its name.
        const link = page.getByRole('link', { name: /^新华网的报道\s*（将离开本站）$/ });
        await expect(link.isVisible()).resolves.toBe(true);
        await Promise.all([page.waitForURL(`${server.url}${leavingPath(XINHUA)}`), link.click()]);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('您即将离开本网站');
        await expect(page.locator('.leaving__destination').textContent()).resolves.toContain(XINHUA);
        const onward = page.getByRole('link', { name: '继续访问 www.news.cn' });
        await expect(onward.getAttribute('href')).resolves.toBe(XINHUA);
        await expect(page.getByRole('link', { name: /^返回《/ }).getAttribute('href')).resolves.toBe('/news/city-work-meeting/');
        expect(outside).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});

describe('the demo platform', () => {
  it('has zero CONT-13 and HEALTH-05 findings in its built output', async () => {
    // tests/global-setup.ts built it (an error there fails the whole run); warnings do not fail
    // a build, so the check runs again here over the published output and must find nothing.
    const demo = inject('demoRoot');
    const platform = await loadPlatform(demo, DEMO_NOW);
    expect(platform.size).toBeGreaterThan(0);
    for (const [siteId, loaded] of platform) {
      const result = await checkOutputLinks({
        outDir: path.join(demo, 'dist', siteId),
        publishedDir: path.join(demo, 'dist', siteId),
        root: demo,
        data: toSiteData(loaded.model!, DEMO_NOW),
      });
      expect(result.diagnostics.map(formatDiagnostic), siteId).toEqual([]);
      expect(existsSync(path.join(demo, 'reports', siteId, 'external-links.json')), siteId).toBe(true);
      // The footer's national services are government sites: nothing in the demo needs a notice.
      expect(result.externalLinks.hosts.filter((h) => !h.government), siteId).toEqual([]);
    }
  });
});
