// PUB-01 in Debian's Chromium: the demo portal published with `npm run publish`, served by nginx
// with the generated server block (over HTTPS, self-signed certificate), and browsed with the
// CSP the server sends. Every page type, a search with a query (Pagefind: WebAssembly in a
// worker, the other sites' bundles), the accessibility toolbar's read-aloud (a script loaded on
// demand) and the article tools must run without a single CSP violation. The 党政机关 badge script,
// the one allowlisted third-party script, is blocked here (no network): pages work without it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load-site-config.ts';
import { nginxServerBlock } from '../../src/publish/nginx-config.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { freePort, makeCertificate, NGINX, startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { runCli } from '../helpers/platform.ts';
import { htmlAttributes, PAGES } from './a11y-helpers.ts';
import { searchSettled } from '../helpers/search-page.ts';

let work: string;
let server: RunningNginx;
let browser: Browser;
let context: BrowserContext;
/** Third-party requests the pages made (all blocked). */
const thirdParty: string[] = [];

interface Watched {
  page: Page;
  violations: string[];
  errors: string[];
}

beforeAll(async () => {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install -y nginx-light');
  const demo = inject('demoRoot');
  work = mkdtempSync(path.join(tmpdir(), 'govsite-csp-'));
  const tls = makeCertificate(work);
  const target = path.join(work, 'srv', 'shili');
  const published = runCli(['publish', '--root', demo, '--site', 'shili', '--to', target, '--skip-build']);
  expect(published.status, published.output).toBe(0);
  const port = await freePort();
  const { config } = await loadSiteConfig(demo, 'shili');
  writeFileSync(path.join(work, 'shili.conf'), nginxServerBlock({ siteId: 'shili', config: config!, target, root: demo, listen: [`127.0.0.1:${port} ssl http2`], redirectHttp: false, ...tls }));
  server = await startNginx(path.join(work, 'shili.conf'), port, tls.certificate);
  browser = await launchBrowser();
  context = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    thirdParty.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  // Reports every violation the page sees, before any of its scripts run.
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(pathname: string): Promise<Watched> {
  const page = await context.newPage();
  const watched: Watched = { page, violations: [], errors: [] };
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) watched.violations.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  const response = await page.goto(`${server.url}${pathname}`);
  expect(response?.status(), pathname).toBe(pathname.includes('no-such-page') ? 404 : 200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return watched;
}

async function violations(watched: Watched): Promise<string[]> {
  const events = await watched.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  return [...watched.violations, ...events];
}

/** A request the CSP refuses (connect-src 'self'), made only to be reported. */
const SENTINEL_HOST = 'csp-sentinel.invalid';

/**
 * The violations of everything the page did up to now, once they have all been reported. “None”
 * is only worth checking after the page had the time to report one, so instead of waiting a fixed
 * time the page makes one more violation on purpose, after its next two rendered frames (where a
 * style change would load a font or an image), and the test waits until that one has arrived both
 * as an event and on the console: the browser reports violations in the order they happen, so
 * every earlier one has arrived by then. Returned without it.
 */
async function settledViolations(watched: Watched): Promise<string[]> {
  await watched.page.evaluate(
    (url) => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      fetch(url).catch(() => {});
      resolve();
    }))),
    `https://${SENTINEL_HOST}/`,
  );
  const arrived = async () => {
    const events = await watched.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    return [events, watched.violations].every((list) => list.some((v) => v.includes(SENTINEL_HOST)));
  };
  await expect.poll(arrived, { timeout: 10_000 }).toBe(true);
  return (await violations(watched)).filter((v) => !v.includes(SENTINEL_HOST));
}

describe('pages under the served CSP', () => {
  it('every page type loads with no CSP violation and no script error', async () => {
    for (const [type, pathname] of Object.entries(PAGES)) {
      const watched = await open(pathname);
      await watched.page.waitForLoadState('networkidle');
      expect(await settledViolations(watched), type).toEqual([]);
      expect(watched.errors, type).toEqual([]);
      // The stylesheets applied (style-src 'self'): the header has the site's colour.
      const background = await watched.page.$eval('.site-header', (e) => getComputedStyle(e).backgroundColor);
      expect(background, type).toBe('rgb(164, 22, 26)');
      await watched.page.close();
    }
  });

  it('a search with a query runs Pagefind (WebAssembly, worker, platform bundles) and shows results', async () => {
    const watched = await open('/search/?q=营商环境');
    await searchSettled(watched.page);
    expect(await watched.page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await settledViolations(watched)).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.page.close();
  });

  it('the toolbar loads read-aloud on demand and the article tools work, with no CSP violation', async () => {
    const watched = await open(PAGES.article!);
    const { page } = watched;
    const loaded = page.waitForResponse((r) => r.url().includes('/_astro/a11y-read-aloud'));
    await page.getByRole('button', { name: '无障碍工具' }).click();
    await page.getByRole('button', { name: '连读' }).click();
    expect((await loaded).status()).toBe(200);
    // Article tools: font size (a class on the article), copy link (clipboard-write=(self)).
    await page.locator('[data-font-size="large"]').click();
    expect(await page.locator('[data-font-size="large"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-tool="copy"]').click();
    await expect.poll(() => page.locator('.article-tools__status').textContent()).not.toBe('');
    await page.getByRole('button', { name: /大字版/ }).first().click();
    await page.getByRole('button', { name: /高对比度/ }).first().click();
    expect(await htmlAttributes(page)).toMatchObject({ 'data-a11y-large': '', 'data-a11y-contrast': '' });
    expect(await settledViolations(watched)).toEqual([]);
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('keeps the 党政机关 badge link when the badge script is blocked', async () => {
    const watched = await open('/');
    await watched.page.waitForLoadState('networkidle');
    expect(thirdParty.some((url) => url.startsWith('https://dcs.conac.cn/js/'))).toBe(true);
    const badge = watched.page.locator('#_ideConac a');
    await expect(badge.isVisible()).resolves.toBe(true);
    expect(await badge.getAttribute('href')).toContain('bszs.conac.cn');
    expect(watched.errors).toEqual([]);
    await watched.page.close();
  });

  it('would report an inline script or style (the check is not blind)', async () => {
    const watched = await open('/');
    await watched.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
    });
    // Both refusals arrive, as events or on the console.
    await expect.poll(async () => (await violations(watched)).some((v) => v.includes('script-src'))).toBe(true);
    await expect.poll(async () => (await violations(watched)).some((v) => v.includes('style-src'))).toBe(true);
    expect(await watched.page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    await watched.page.close();
  });
});
