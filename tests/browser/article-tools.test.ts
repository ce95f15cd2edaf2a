// LAY-03 article tools (templates/components/ArticleTools.astro) on the built demo platform, in
// Debian's Chromium: the QR code is decoded from pixels, the clipboard is the browser's own, and
// printing is checked through the print media type. A11Y-05: keyboard and JavaScript-off.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import jsQR from 'jsqr';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSite } from '../../src/rules/load-site.ts';
import { CHROMIUM_PATH, launchBrowser, layoutReported } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

interface Article {
  url: string;
  canonical: string;
  hasAttachments: boolean;
}

let root: string;
let browser: Browser;
let server: StaticServer;
let articles: Article[];
let withAttachments: Article;

beforeAll(async () => {
  root = inject('demoRoot');
  const { model } = await loadSite(root, 'shili');
  articles = model!.items.map((item) => ({
    url: item.url,
    canonical: `https://${model!.config.domain}${item.url}`,
    hasAttachments: item.data.attachments.length > 0,
  }));
  withAttachments = articles.find((a) => a.hasAttachments)!;
  browser = await launchBrowser();
  server = await serveDirectory(path.join(root, 'dist', 'shili'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openArticle(article: Article, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${article.url}`);
  expect(response?.status()).toBe(200);
  return { context, page };
}

/** Decodes the QR code on the page from a screenshot of it: what a phone camera would read. */
async function decodeQr(page: Page): Promise<string | undefined> {
  const png = await page.locator('.article-tools .qr-code').screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  // jsqr is CommonJS: Node's default import is module.exports, whose `default` (as its types say) is the function too.
  return jsQR.default(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

const fontSizeOfBody = (page: Page) => page.locator('.article__body p').first().evaluate((p) => getComputedStyle(p).fontSize);
const pressedSize = (page: Page) => page.locator('.article-tools [aria-pressed="true"]').allTextContents();
const statusText = (page: Page, text: string) =>
  page.waitForFunction((expected) => document.querySelector('.article-tools [role="status"]')?.textContent === expected, text, { timeout: 5000 });

describe('article tools (LAY-03)', () => {
  it('ship their behaviour as an external script: no inline script in the article page', () => {
    const html = readFileSync(path.join(root, 'dist', 'shili', withAttachments.url, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.some(([, attributes]) => /src="\/_astro\/article-tools\.[^"]+\.js"/.test(attributes))).toBe(true);
    for (const [tag, attributes, code] of scripts) {
      expect(code.trim(), tag).toBe('');
      expect(attributes, tag).toMatch(/\bsrc="/);
    }
  });

  it('show a QR code that decodes to the canonical URL of each page, as a small SVG with a text alternative', async () => {
    // Three pages of two sites: the code follows the page and the site's domain.
    const jyt = await loadSite(root, 'shili-jyt');
    const jytServer = await serveDirectory(path.join(root, 'dist', 'shili-jyt'));
    const jytItem = jyt.model!.items[0];
    const cases: Array<{ base: string; article: Article }> = [
      { base: server.url, article: articles[0] },
      { base: server.url, article: withAttachments },
      { base: jytServer.url, article: { url: jytItem.url, canonical: `https://${jyt.model!.config.domain}${jytItem.url}`, hasAttachments: false } },
    ];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      for (const { base, article } of cases) {
        await page.goto(`${base}${article.url}`);
        await page.getByText('手机扫码阅读').click();
        expect(await decodeQr(page), article.url).toBe(article.canonical);

        const image = page.getByRole('img', { name: `本页网址的二维码：${article.canonical}` });
        expect(await image.isVisible()).toBe(true);
        const svg = await image.evaluate((element) => element.innerHTML);
        expect(svg).not.toContain('<rect');
        expect((svg.match(/<path/g) ?? []).length).toBeLessThanOrEqual(2);
        expect(svg.length).toBeLessThan(8000);
        expect(await page.getByRole('textbox', { name: '本页网址' }).inputValue()).toBe(article.canonical);
      }
    } finally {
      await page.close();
      await jytServer.close();
    }
  });

  it('copy the canonical URL to the clipboard and announce it in a polite live region', async () => {
    const { context, page } = await openArticle(withAttachments);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.evaluate(() => navigator.clipboard.writeText('剪贴板原有内容'));
    const status = page.locator('.article-tools [role="status"]');
    expect(await status.textContent()).toBe('');

    await page.getByRole('button', { name: '复制链接' }).click();
    await statusText(page, '链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(withAttachments.canonical);
    // role="status" is a polite live region; it must not interrupt like an alert.
    expect(await status.getAttribute('aria-live')).not.toBe('assertive');
    await context.close();
  });

  it('copy by selecting the URL field where the Clipboard API is missing (a plain http site)', async () => {
    // The Clipboard API exists only in secure contexts: reach the same server under a host name
    // that is neither https nor localhost, as a reader of an http-only site would.
    const insecure = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP govsite-http.test 127.0.0.1'],
    });
    try {
      const context = await insecure.newContext();
      const page = await context.newPage();
      const port = new URL(server.url).port;
      await page.goto(`http://govsite-http.test:${port}${withAttachments.url}`);
      expect(await page.evaluate(() => window.isSecureContext || 'clipboard' in navigator)).toBe(false);

      await page.getByRole('button', { name: '复制链接' }).click();
      await statusText(page, '链接已复制');
      expect(await page.locator('.article-tools__qr').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      const selected = await page.evaluate(() => {
        const field = document.activeElement as HTMLInputElement;
        return field.value.slice(field.selectionStart!, field.selectionEnd!);
      });
      expect(selected).toBe(withAttachments.canonical);

      // The copy really reached the browser's clipboard: read it from a secure page.
      await context.grantPermissions(['clipboard-read'], { origin: server.url });
      const reader = await context.newPage();
      await reader.goto(`${server.url}/`);
      expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(withAttachments.canonical);
      await context.close();
    } finally {
      await insecure.close();
    }
  });

  it('change the font size of the body text, show the choice with aria-pressed and keep it on other articles from the first paint', async () => {
    const [first, second] = articles.filter((a) => a !== withAttachments);
    const { context, page } = await openArticle(first);
    // Records the body's size the moment the parser inserts it: a size applied later by a
    // deferred script would show here as the default size (a flash of the wrong size).
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const body = document.querySelector('.article__body');
        if (!body) return;
        (window as unknown as { firstBodySize: string }).firstBodySize = getComputedStyle(body).fontSize;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    expect(await fontSizeOfBody(page)).toBe('18px');
    expect(await pressedSize(page)).toEqual(['中']);
    const group = page.getByRole('group', { name: '字号' });

    await group.getByRole('button', { name: '大' }).click();
    expect(await fontSizeOfBody(page)).toBe('22px');
    expect(await pressedSize(page)).toEqual(['大']);
    expect(await group.getByRole('button', { name: '中' }).getAttribute('aria-pressed')).toBe('false');

    await page.goto(`${server.url}${second.url}`);
    expect(await page.evaluate(() => (window as unknown as { firstBodySize: string }).firstBodySize)).toBe('22px');
    expect(await fontSizeOfBody(page)).toBe('22px');
    expect(await pressedSize(page)).toEqual(['大']);

    await group.getByRole('button', { name: '小' }).click();
    expect(await fontSizeOfBody(page)).toBe('16px');
    await page.reload();
    expect(await fontSizeOfBody(page)).toBe('16px');
    expect(await pressedSize(page)).toEqual(['小']);

    await group.getByRole('button', { name: '中' }).click();
    expect(await fontSizeOfBody(page)).toBe('18px');
    await context.close();
  });

  it('move nothing when their script arrives late (no layout shift), and stay invisible and unfocusable when it never runs', async () => {
    for (const mode of ['late', 'blocked'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // The first paint can come before a slow parser-blocking script runs (a busy server, a slow
      // line): late, the script is held until the page has painted.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await context.route(/article-tools\.[^/]*\.js$/, async (route) => {
        if (mode === 'blocked') return route.abort();
        await released;
        return route.continue();
      });
      await context.addInitScript(() => {
        const w = window as unknown as { shift: number };
        w.shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) w.shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${server.url}${withAttachments.url}`, { waitUntil: 'commit' });
      if (mode === 'late') {
        await page.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0);
        release();
      }
      await page.waitForLoadState('load');
      await layoutReported(page);
      expect(await page.evaluate(() => (window as unknown as { shift: number }).shift), mode).toBe(0);
      const shown = await page.locator('.article-tools__bar button').evaluateAll((buttons) =>
        buttons.filter((b) => getComputedStyle(b).visibility === 'visible' && (b as HTMLElement).offsetParent !== null).map((b) => b.textContent),
      );
      expect(shown, mode).toEqual(mode === 'late' ? ['大', '中', '小', '打印', '复制链接'] : []);
      if (mode === 'blocked') {
        // Tab goes from the page's links straight past the tools to the QR summary: no dead stop.
        await page.getByText('手机扫码阅读').focus();
        await page.keyboard.press('Shift+Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('.article-tools__bar') === null)).toBe(true);
      }
      await context.close();
    }
  });

  it('print: the button calls window.print, and the print layout keeps the article and its URL but not navigation or tools', async () => {
    const { context, page } = await openArticle(withAttachments);
    // Headless Chromium opens no print dialog: record the call instead.
    await page.evaluate(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => { w.printCalls++; };
    });
    await page.getByRole('button', { name: '打印' }).click();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

    const printUrl = page.locator('.article-tools__print-url');
    expect(await printUrl.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.main-nav', '.breadcrumb', '.site-footer', '.article-tools__bar']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    for (const selector of ['h1', '.article__meta', '.article__body', '.attachments']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
    }
    expect(await printUrl.isVisible()).toBe(true);
    expect(await printUrl.textContent()).toBe(`本文网址：${withAttachments.canonical}`);
    await context.close();
  });

  it('with JavaScript off, show no dead controls and keep the article and the QR code reachable', async () => {
    const { context, page } = await openArticle(withAttachments, { javaScriptEnabled: false });
    expect(await page.locator('.article__body').isVisible()).toBe(true);
    expect(await page.locator('.article-tools').isVisible()).toBe(true);
    const visibleButtons = await page.locator('.article-tools button, .article-tools [role="group"][aria-labelledby]').evaluateAll(
      (elements) => elements.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent),
    );
    expect(visibleButtons).toEqual([]);

    const summary = page.getByText('手机扫码阅读');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('img', { name: /本页网址的二维码/ }).isVisible()).toBe(true);
    expect(await decodeQr(page)).toBe(withAttachments.canonical);
    expect(await page.getByRole('textbox', { name: '本页网址' }).inputValue()).toBe(withAttachments.canonical);
    await context.close();
  });

  it('are reachable and operable by keyboard, with visible focus and 44×44 px targets', async () => {
    const { context, page } = await openArticle(withAttachments);
    await page.evaluate(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => { w.printCalls++; };
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });

    // Tab from the top of the page and note every tool control that receives focus.
    const reached: string[] = [];
    for (let i = 0; i < 80 && !reached.includes('手机扫码阅读'); i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        if (!element.closest('.article-tools')) return undefined;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return { label: element.textContent!.trim(), outline: style.outlineStyle, width: box.width, height: box.height };
      });
      if (!focused) continue;
      reached.push(focused.label);
      expect(focused.outline, focused.label).not.toBe('none');
      expect(focused.width, focused.label).toBeGreaterThanOrEqual(44);
      expect(focused.height, focused.label).toBeGreaterThanOrEqual(44);
    }
    expect(reached).toEqual(['大', '中', '小', '打印', '复制链接', '手机扫码阅读']);

    // Operate each with the keys a keyboard user would use.
    await page.keyboard.press('Enter');
    expect(await page.getByRole('img', { name: /本页网址的二维码/ }).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-tools-url');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await page.locator('.article-tools__qr').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await statusText(page, '链接已复制');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await pressedSize(page)).toEqual(['大']);
    expect(await fontSizeOfBody(page)).toBe('22px');
    await context.close();
  });

  it('fit a 320 px wide screen with every tool shown, the QR panel open and the large size chosen', async () => {
    const { context, page } = await openArticle(withAttachments, { viewport: { width: 320, height: 640 } });
    await page.getByRole('button', { name: '大', exact: true }).click();
    await page.getByText('手机扫码阅读').click();
    for (const name of ['大', '中', '小', '打印', '复制链接']) {
      expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await page.locator('.article-tools .qr-code').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const widest = await page.locator('.article-tools *').evaluateAll((elements) => Math.max(...elements.map((e) => e.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(320);
    await context.close();
  });

  it('have no axe-core violations, open or closed', async () => {
    const { context, page } = await openArticle(withAttachments);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core') });
    const violations = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
        const result = await axe.run({ include: [['.article-tools']] });
        return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
    expect(await violations()).toEqual([]);
    await page.getByText('手机扫码阅读').click();
    await page.getByRole('button', { name: '复制链接' }).click();
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
