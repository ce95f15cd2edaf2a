// The demo platform (sites/ and content/ of this repository) built for real, then read by
// file and in headless Chromium: it must show every feature the foundation promises.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { discoverSiteIds, loadSite, type SiteModel } from '../../src/rules/load-site.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

let root: string;
let models: SiteModel[];
const html = (siteId: string, url: string) => readFileSync(path.join(root, 'dist', siteId, url, 'index.html'), 'utf8');

beforeAll(async () => {
  root = inject('demoRoot');
  const ids = await discoverSiteIds(projectRoot);
  models = [];
  for (const id of ids) {
    const loaded = await loadSite(projectRoot, id);
    expect(loaded.diagnostics, `demo site ${id} must be clean`).toEqual([]);
    models.push(loaded.model!);
  }
});

describe('the demo platform', () => {
  it('has a provincial portal, a department site under it and a county portal', () => {
    const byId = Object.fromEntries(models.map((m) => [m.id, m.config]));
    expect(byId.shili).toMatchObject({ kind: 'portal', level: 'province' });
    expect(byId['shili-jyt']).toMatchObject({ kind: 'department', parent: 'shili' });
    expect(byId.anping).toMatchObject({ kind: 'portal', level: 'county', parent: 'shili' });
  });

  it('shows the seven fields of the 信息公开目录 on a policy page, the 索引号 generated (issue 25)', () => {
    const page = html('shili', 'policies/2025-enterprise-registration-measures');
    const table = page.slice(page.indexOf('<table class="doc-info"'), page.indexOf('</table>', page.indexOf('<table class="doc-info"')));
    const rows = [...table.matchAll(/<th scope="row">([^<]+)<\/th><td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(rows.slice(0, 7)).toEqual(['索引号', '主题分类', '发文机关', '成文日期', '发布日期', '发文字号', '有效性']);
    expect(table).toMatch(/<th scope="row">索引号<\/th><td>\d{10}\/20\d{2}-\d{7}<\/td>/);
    expect(table).toContain('<td>已废止</td>');
    // A 文号 and the dates are one token each: never broken across lines (issue 26 item 9, styles/document.css).
    expect(table).toMatch(/<th scope="row">发文字号<\/th><td><span class="doc-info__token">[^<]+〔20\d{2}〕\d+号<\/span><\/td>/);
    expect(table).toMatch(/<th scope="row">发布日期<\/th><td><span class="doc-info__token">20\d{2}-\d{2}-\d{2}<\/span><\/td>/);
    // OPEN-03: the subject of a document in the catalogue links to the catalogue's page of it.
  });

  it('builds dist/<siteId>/index.html for every site in sites/', () => {
    for (const id of readdirSync(path.join(projectRoot, 'sites'))) {
      expect(existsSync(path.join(root, 'dist', id, 'index.html')), id).toBe(true);
    }
  });

  it('has at least 80 items across the required column types, each with its page', () => {
    const all = models.flatMap((m) => m.items.map((item) => ({ item, site: m })));
    expect(all.length).toBeGreaterThanOrEqual(80);
    const types = new Set(all.map(({ item, site }) => site.config.columns.find((c) => c.id === item.columnId)!.type));
    for (const type of ['机构职能', '负责人信息', '政策文件', '政策解读', '工作动态', '信息公开指南', '信息公开目录', '信息公开年报', '数据发布', '办事服务', '咨询投诉']) {
      expect(types, type).toContain(type);
    }
    expect(all.some(({ item }) => item.columnId === 'notices')).toBe(true);
    for (const { item, site } of all) {
      expect(html(site.id, item.url), item.file).toContain(item.data.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    }
  });

  it('includes a policy with its interpretation, an archived item, a repealed document and a topic', () => {
    const items = models.flatMap((m) => m.items.map((item) => ({ item, siteId: m.id })));
    const interpretation = items.find(({ item }) => item.data.interprets)!;
    expect(items.some(({ item, siteId }) => siteId === interpretation.siteId && item.id === interpretation.item.data.interprets)).toBe(true);

    const archived = items.find(({ item }) => item.data.archived)!;
    expect(html(archived.siteId, archived.item.url)).toContain('已归档');
    // Issue 26 item 8: what archiving means for the reader, in one sentence, with the date.
    expect(html(archived.siteId, archived.item.url)).toMatch(new RegExp(`本文已于<time datetime="${archived.item.data.archived!.at.slice(0, 10)}">[^<]+</time>归档：内容保留供查阅，不再更新`));
    // …and in its column list, with the archive time.
    expect(html(archived.siteId, archived.item.columnId)).toMatch(new RegExp(`已归档 <time datetime="[^"]+">${archived.item.data.archived!.at}</time>`));

    const repealed = items.find(({ item }) => item.data.status?.state === 'repealed' && !item.referenceOf)!;
    const page = html(repealed.siteId, repealed.item.url);
    expect(page).toContain('本文件已废止');
    expect(page).toContain(`href="/${repealed.item.data.status!.replacedBy}/"`);

    const topicItem = items.find(({ item }) => item.data.topic)!;
    expect(html(topicItem.siteId, `topics/${topicItem.item.data.topic}`)).toContain(topicItem.item.data.title);
  });

  it('CONT-03: amended, repealed and expired documents say so on the page and in lists', () => {
    const shili = models.find((m) => m.id === 'shili')!;
    const labels = { amended: '已修改', repealed: '已废止', expired: '已失效' } as const;
    for (const state of ['amended', 'repealed', 'expired'] as const) {
      const item = shili.items.find((i) => i.data.status?.state === state && !i.referenceOf)!;
      expect(item, state).toBeDefined();
      const page = html('shili', item.url);
      expect(page).toContain(`本文件${labels[state]}`);
      // Issue 26 item 8: the date in the sentence that says what the status means; the note on a line of its own.
      if (item.data.status!.date) expect(page).toMatch(new RegExp(`本文件已于<time datetime="${item.data.status!.date}">[^<]+</time>${labels[state].slice(1)}，`));
      if (state !== 'amended') expect(page).toContain('不再执行，仅供查阅。');
      if (item.data.status!.note) expect(page).toContain(`<p>说明：${item.data.status!.note}</p>`);
      expect(html('shili', item.columnId)).toMatch(new RegExp(`<a class="item-list__title" href="${item.url}">[^<]*</a>\\s*<span class="badge badge--status">${labels[state]}</span>`));
    }
  });

  it('the 404 page offers the ways on: a search form, home, site map, the 12345 hotline and 找错 (issue 26 item 10)', () => {
    const page = readFileSync(path.join(root, 'dist', 'shili', '404.html'), 'utf8');
    expect(page).toMatch(/<form class="not-found__search" role="search" aria-label="[^"]+" action="\/search\/" method="get">/);
    expect(page).toMatch(/<input id="not-found-query" name="q" type="search"/);
    expect(page).toContain('<label for="not-found-query">');
    expect(page).toContain('href="tel:12345"');
    expect(page).toMatch(/href="https:\/\/zfwzgl\.www\.gov\.cn\/exposure\/jiucuo\.html\?site_code=[^"]+"[^>]*>我为政府网站找错</);
    expect(page).toContain('href="/sitemap/"');
  });

  it('a home page like a finished portal: 头条, photo news, each item once, service and interaction tiles (issue 26 item 5)', () => {
    for (const siteId of ['shili', 'anping']) {
      const home = html(siteId, '');
      expect(home.match(/<section class="home-headline"/g), siteId).toHaveLength(1);
      const photos = [...home.matchAll(/<figure> <img src="([^"]+)" alt="([^"]+)"/g)];
      expect(photos.length, siteId).toBeGreaterThanOrEqual(1);
      for (const [, src] of photos) expect(existsSync(path.join(root, 'dist', siteId, src!)), src).toBe(true);
      // Each item appears once among the 头条, photos, 要闻 and sections.
      const main = home.slice(home.indexOf('<main'), home.indexOf('<section class="entry-tiles"'));
      const itemLinks = [...main.matchAll(/href="(\/[\w-]+\/[\w.-]+\/)"/g)].map((m) => m[1]!);
      expect(itemLinks.length, siteId).toBeGreaterThan(10);
      expect(new Set(itemLinks).size, `${siteId}: ${itemLinks.filter((l, i) => itemLinks.indexOf(l) !== i).join(' ')}`).toBe(itemLinks.length);
      const services = home.slice(home.indexOf('id="service-heading"'), home.indexOf('id="interaction-heading"'));
      expect([...services.matchAll(/class="entry-tiles__tile" href="\/services\/[\w-]+\/"/g)].length, siteId).toBeGreaterThanOrEqual(2);
      expect(home).toContain('href="tel:12345"');
    }
  });

  it('LAY-05: an ended topic leaves the home page, is marked archived and stays in the topics area', () => {
    const anping = models.find((m) => m.id === 'anping')!;
    const ended = anping.config.topics.find((t) => t.end && t.end < '2026-11-22')!;
    const running = anping.config.topics.find((t) => !t.end || t.end >= '2026-11-22')!;
    const home = html('anping', '');
    expect(home).not.toContain(`/topics/${ended.id}/`);
    expect(home).toContain(`/topics/${running.id}/`);
    expect(html('anping', 'topics')).toMatch(new RegExp(`<a href="/topics/${ended.id}/">${ended.name}</a>\\s*<span class="badge badge--archived">已归档</span>`));
    expect(html('anping', `topics/${ended.id}`)).toContain(`本专题已于 ${ended.end} 结束`);
  });

  it('images go through sharp: WebP, srcset at several widths, explicit size, lazy loading', () => {
    const shili = models.find((m) => m.id === 'shili')!;
    const item = shili.items.find((i) => i.body.includes('!['))!;
    const img = html('shili', item.url).match(/<img [^>]*src="\/_astro\/[^"]+"[^>]*>/)![0];
    expect(img).toMatch(/src="\/_astro\/[^"]+\.webp"/);
    expect(img).toMatch(/srcset="[^"]+ 360w, [^"]+ 720w, [^"]+ 1080w/);
    expect(img).toMatch(/ width="\d+"/);
    expect(img).toMatch(/ height="\d+"/);
    expect(img).toContain('loading="lazy"');
    expect(img).toMatch(/sizes="[^"]+"/);
    for (const src of img.match(/\/_astro\/[^" ,]+\.webp/g)!) {
      expect(existsSync(path.join(root, 'dist', 'shili', src)), src).toBe(true);
    }
  });

  it('CONT-04: every policy/interpretation pair links both ways on the pages', () => {
    const pairs = models.flatMap((m) => m.items.filter((i) => i.data.interprets && !i.referenceOf).map((item) => ({ siteId: m.id, item })));
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    for (const { siteId, item } of pairs) {
      const policy = item.relations!.interprets!;
      expect(html(siteId, item.url), item.file).toMatch(new RegExp(`<h2 id="related-heading">解读对象</h2>\\s*<ul>\\s*<li><a href="${policy.url}">`));
      const policyItem = models.find((m) => m.id === siteId)!.items.find((i) => i.url === policy.url)!;
      expect(html(siteId, policyItem.url), policyItem.file).toContain(`<a href="${item.url}">${item.data.title}</a>`);
      expect(html(siteId, policyItem.url)).toContain('相关解读');
    }
  });

  it('publishes a PDF attachment, the data releases\' files (CONT-15) and images with alternative text', () => {
    const items = models.flatMap((m) => m.items.map((item) => ({ item, siteId: m.id })));
    const attachmentFiles = items.flatMap(({ item, siteId }) => item.data.attachments.map((a) => ({ siteId, item, file: a.file })));
    const pdf = attachmentFiles.find((a) => a.file.endsWith('.pdf'))!;
    const pdfPath = path.join(root, 'dist', pdf.siteId, pdf.item.url, pdf.file);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(html(pdf.siteId, pdf.item.url)).toContain(`href="${pdf.item.url}${pdf.file}"`);
    // CONT-15: every data release's file is published beside its page and linked from it.
    const dataFiles = items.flatMap(({ item, siteId }) => (item.data.data ? [{ siteId, item, file: item.data.data.file }] : []));
    expect(dataFiles.length).toBeGreaterThanOrEqual(5);
    for (const { siteId, item, file } of dataFiles) {
      expect(existsSync(path.join(root, 'dist', siteId, item.url, file)), item.file).toBe(true);
      expect(html(siteId, item.url), item.file).toContain(`href="${item.url}${file}" download`);
    }

    const withImage = items.filter(({ item }) => item.body.includes('!['));
    expect(withImage.length).toBeGreaterThanOrEqual(3);
    for (const { item, siteId } of withImage) {
      const images = [...html(siteId, item.url).matchAll(/<img [^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes('/_astro/'));
      expect(images.length, item.file).toBeGreaterThan(0);
      for (const tag of images) expect(tag, item.file).toMatch(/alt="[^"]{4,}"/);
    }
  });
});

describe('the demo platform in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveDirectory(path.join(root, 'dist', 'shili'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([320, 768, 1280])('home, column and article pages fit a %i px wide screen', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const url of ['/', '/policies/', '/policies/2026-business-environment-opinions/']) {
      const response = await page.goto(`${server.url}${url}`);
      expect(response?.status(), url).toBe(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
      await expect(page.locator('h1').count()).resolves.toBe(1);
    }
    await page.close();
  });

  it('navigates from the home page to a column and an article by keyboard and link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政策文件' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('政策文件');
    const first = page.locator('.item-list__title').first();
    const title = await first.textContent();
    await first.click();
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await expect(page.locator('meta[name="ArticleTitle"]').getAttribute('content')).resolves.toBe(title);
    await page.close();
  });
});
