// SITE-09 as readers see it: copies of the mini platform (alpha: a city portal; beta: a city
// department site under it) built in each lifecycle state with a fixed --now. Each notice is
// checked inside its window (text, dates, links) and outside it (gone), and the outputs of an
// offline or closed site and of an old domain are checked as a web server would serve them.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';
import { serveDirectory } from '../helpers/static-server.ts';

const parse = (html: string) => unified().use(rehypeParse).parse(html) as Root;
const BETA = 'sites/beta/site.yaml';

function setLifecycle(root: string, yaml: string): void {
  const text = readText(root, BETA).replace(/\nlifecycle:\n[\s\S]*$/, '\n');
  writeText(root, BETA, `${text.trimEnd()}\nlifecycle:\n${yaml}`);
}

function build(root: string, now: string, sites: string[] = []): void {
  const result = runCli(['build', '--root', root, '--now', now, ...sites.flatMap((s) => ['--site', s])]);
  expect(result.status, result.output).toBe(0);
}

function page(root: string, file: string): Root {
  return parse(readText(root, path.join('dist', file)));
}

/** The home page's notice region: a labelled region with its heading, or undefined. */
function noticeRegion(tree: Root): Element | undefined {
  const region = select('section.site-notices[role="region"]', tree);
  if (!region) return undefined;
  const heading = select(`#${region.properties.ariaLabelledBy}`, region);
  expect(heading && toText(heading)).toBe('网站公告');
  return region;
}

function links(tree: Root | Element): Array<[string, string]> {
  return selectAll('a[href]', tree).map((a) => [String(a.properties.href), toText(a)]);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('a launch notice', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    setLifecycle(root, '  launchedAt: 2026-10-01\n  launchNotice: 本网站主要发布测试市数据管理工作信息。\n');
  });
  afterAll(() => removePlatform(root));

  it('is on the parent portal’s home page from the launch for 30 days', () => {
    build(root, '2026-10-30 10:00', ['alpha']); // launch + 29 days
    const region = noticeRegion(page(root, 'alpha/index.html'))!;
    expect(region).toBeDefined();
    const notice = select('article.lifecycle-notice--launch', region)!;
    expect(toText(select('h3', notice)!)).toBe('关于测试市数据管理局网站开通的公告');
    expect(toText(notice)).toContain('测试市数据管理局网站于2026年10月1日正式开通');
    expect(toText(notice)).toContain('本网站主要发布测试市数据管理工作信息。');
    expect(select('time[datetime="2026-10-01"]', notice)).toBeDefined();
    expect(links(notice)).toEqual([['https://sjj.ceshi.gov.cn/', 'https://sjj.ceshi.gov.cn/']]);

    build(root, '2026-11-01 10:00', ['alpha']); // launch + 31 days
    const home = readText(root, 'dist/alpha/index.html');
    expect(noticeRegion(parse(home))).toBeUndefined();
    expect(home).not.toContain('开通的公告');
  });
});

describe('a temporarily offline site', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    setLifecycle(
      root,
      `  status: temporarily-offline
  offline:
    - from: 2026-11-20
      to: 2026-11-30
      reason: 系统升级改造
      approval: 示政办函〔2026〕12号
`,
    );
    build(root, '2026-11-22 10:00');
  });
  afterAll(() => removePlatform(root));

  it('publishes only its notice, at / and as the 404 page of every other URL', async () => {
    expect(htmlFiles(path.join(root, 'dist/beta'))).toEqual(['404.html', 'index.html']);
    expect(existsSync(path.join(root, 'dist/beta/news/data-week'))).toBe(false);
    const home = page(root, 'beta/index.html');
    expect(toText(select('main h1', home)!)).toBe('关于测试市数据管理局网站临时下线的公告');
    const text = toText(select('main', home)!);
    expect(text).toContain('因系统升级改造，经批准（示政办函〔2026〕12号），测试市数据管理局网站于2026年11月20日至2026年11月30日临时下线，暂停访问。');
    expect(text).toContain('下线期间，请访问测试市人民政府获取相关信息和服务。');
    expect(selectAll('main time', home).map((t) => t.properties.dateTime)).toEqual(['2026-11-20', '2026-11-30', '2026-11-20']);
    expect(links(select('main', home)!)).toEqual([['https://www.ceshi.gov.cn/', '测试市人民政府']]);
    // No navigation, search or site map to pages the site does not publish now.
    expect(links(home).filter(([href]) => href.startsWith('/') && href !== '/')).toEqual([]);
    expect(select('nav', home)).toBeUndefined();

    const server = await serveDirectory(path.join(root, 'dist/beta'));
    try {
      const response = await fetch(`${server.url}/news/data-week/`);
      expect(response.status).toBe(404);
      const oldLink = parse(await response.text());
      expect(toText(select('main', oldLink)!)).toContain('您访问的页面在网站临时下线期间无法访问。');
      expect(toText(select('main h1', oldLink)!)).toBe('关于测试市数据管理局网站临时下线的公告');
      // The styles and the 党政机关网站标识 the notice page uses are still there.
      for (const [, src] of [...readText(root, 'dist/beta/index.html').matchAll(/(?:src|href)="(\/[^"]+\.(?:css|svg))"/g)]) {
        expect((await fetch(`${server.url}${src}`)).status, src).toBe(200);
      }
    } finally {
      await server.close();
    }
  });

  it('pins the notice on the parent portal’s home page while the period lasts', () => {
    const region = noticeRegion(page(root, 'alpha/index.html'))!;
    expect(toText(select('h3', region)!)).toBe('关于测试市数据管理局网站临时下线的公告');
    expect(toText(region)).toContain('2026年11月20日至2026年11月30日临时下线');
  });

  it('is gone once the site is back online, the period kept as a record', () => {
    writeText(root, BETA, readText(root, BETA).replace('status: temporarily-offline', 'status: online'));
    build(root, '2026-12-01 09:00');
    expect(noticeRegion(page(root, 'alpha/index.html'))).toBeUndefined();
    expect(existsSync(path.join(root, 'dist/beta/news/data-week/index.html'))).toBe(true);
    expect(readText(root, 'dist/beta/index.html')).not.toContain('临时下线');
  });
});

describe('a migrating site', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    setLifecycle(
      root,
      `  status: migrating
  launchedAt: 2019-05-01
  migration:
    start: 2026-11-01
    destination:
      name: 测试市人民政府数据发布栏目
      url: https://www.ceshi.gov.cn/data/
    notice: 原网站的政策文件已同步迁移至测试市人民政府政策文件栏目。
`,
    );
    build(root, '2026-11-22 10:00', ['beta']);
  });
  afterAll(() => removePlatform(root));

  it('shows the migration notice on its own home page, naming the destination with a link', () => {
    const home = page(root, 'beta/index.html');
    const region = noticeRegion(home)!;
    const notice = select('article.lifecycle-notice--migration', region)!;
    expect(toText(select('h3', notice)!)).toBe('关于测试市数据管理局网站整合迁移的公告');
    expect(toText(notice)).toContain('测试市数据管理局网站自2026年11月1日起整合迁移至测试市人民政府数据发布栏目');
    expect(toText(notice)).toContain('原网站的政策文件已同步迁移至测试市人民政府政策文件栏目。');
    expect(links(notice)).toEqual([
      ['https://www.ceshi.gov.cn/data/', '测试市人民政府数据发布栏目'],
      ['https://www.ceshi.gov.cn/data/', 'https://www.ceshi.gov.cn/data/'],
    ]);
    // The site itself is published as usual while it migrates.
    expect(existsSync(path.join(root, 'dist/beta/news/data-week/index.html'))).toBe(true);
    // The notice comes first in the main content.
    expect(select('main > :not(h1)', home)).toBe(region);
  });

  it('shows the notice above the fold of a 320 px wide phone screen, in Chromium', async () => {
    const server = await serveDirectory(path.join(root, 'dist/beta'));
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage({ viewport: { width: 320, height: 568 } });
      await tab.goto(`${server.url}/`);
      const region = tab.getByRole('region', { name: '网站公告' });
      await expect(region.getByRole('heading', { name: '关于测试市数据管理局网站整合迁移的公告' }).isVisible()).resolves.toBe(true);
      const heading = await region.getByRole('heading', { level: 3 }).boundingBox();
      const link = await region.getByRole('link', { name: '测试市人民政府数据发布栏目' }).boundingBox();
      expect(heading!.y + heading!.height).toBeLessThanOrEqual(568);
      expect(link!.y + link!.height).toBeLessThanOrEqual(568);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('shows no notice before the migration notice date', () => {
    build(root, '2026-10-25 10:00', ['beta']);
    const home = readText(root, 'dist/beta/index.html');
    expect(noticeRegion(parse(home))).toBeUndefined();
    expect(home).not.toContain('整合迁移');
  });
});

describe('a closed site', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    setLifecycle(
      root,
      `  status: closed
  launchedAt: 2019-05-01
  migration:
    start: 2026-09-01
    destination:
      name: 测试市人民政府
      url: https://www.ceshi.gov.cn/
  closedAt: 2026-10-15
`,
    );
    build(root, '2026-11-01 10:00');
  });
  afterAll(() => removePlatform(root));

  it('tells readers on the parent portal’s home page where the content went', () => {
    const region = noticeRegion(page(root, 'alpha/index.html'))!;
    const notice = select('article.lifecycle-notice--closure', region)!;
    expect(toText(select('h3', notice)!)).toBe('关于测试市数据管理局网站关停的公告');
    expect(toText(notice)).toContain('测试市数据管理局网站已于2026年10月15日关停，原有内容已整合迁移至测试市人民政府。');
    expect(links(notice)).toContainEqual(['https://www.ceshi.gov.cn/', '测试市人民政府']);
  });

  it('publishes a single notice page pointing to the destination', () => {
    expect(htmlFiles(path.join(root, 'dist/beta'))).toEqual(['404.html', 'index.html']);
    for (const file of ['beta/index.html', 'beta/404.html']) {
      const tree = page(root, file);
      expect(toText(select('main h1', tree)!)).toBe('关于测试市数据管理局网站关停的公告');
      expect(links(select('main', tree)!)).toContainEqual(['https://www.ceshi.gov.cn/', '测试市人民政府']);
    }
    expect(toText(select('main', page(root, 'beta/404.html'))!)).toContain('您访问的页面所在网站已经关停。');
  });

  it('keeps the notice on the parent portal for 30 days only', () => {
    build(root, '2026-11-14 00:00', ['alpha']); // closedAt + 30 days
    expect(noticeRegion(page(root, 'alpha/index.html'))).toBeUndefined();
  });
});

describe('a domain change', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    setLifecycle(root, '  previousDomains:\n    - domain: data.ceshi.gov.cn\n      until: 2026-11-10\n');
    build(root, '2026-11-22 10:00', ['beta']);
  });
  afterAll(() => removePlatform(root));

  it('writes a notice site for the old domain, pointing to the new one', async () => {
    const dir = path.join(root, 'dist/beta--previous-domain');
    expect(readdirSync(dir).sort()).toEqual(['404.html', 'govsite-integrity.json', 'index.html', 'notice.css']);
    const server = await serveDirectory(dir);
    try {
      for (const [url, status] of [['/', 200], ['/news/data-week/', 404]] as const) {
        const response = await fetch(`${server.url}${url}`);
        expect(response.status).toBe(status);
        const tree = parse(await response.text());
        expect(toText(select('h1', tree)!)).toBe('关于测试市数据管理局网站域名变更的公告');
        expect(toText(select('main', tree)!)).toContain('原域名 data.ceshi.gov.cn 自2026年11月10日起停止使用');
        expect(links(tree)).toContainEqual(['https://sjj.ceshi.gov.cn/', 'https://sjj.ceshi.gov.cn/']);
        expect(select('meta[name="SiteIDCode"]', tree)!.properties.content).toBe('5900990002');
      }
      expect((await fetch(`${server.url}/notice.css`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('shows a notice on the site’s home page for 30 days after the change', () => {
    const region = noticeRegion(page(root, 'beta/index.html'))!;
    expect(toText(region)).toContain('测试市数据管理局网站域名已于2026年11月10日由 data.ceshi.gov.cn 变更为 sjj.ceshi.gov.cn');

    build(root, '2026-12-10 00:00', ['beta']); // change + 30 days
    expect(noticeRegion(page(root, 'beta/index.html'))).toBeUndefined();
    expect(existsSync(path.join(root, 'dist/beta--previous-domain/index.html'))).toBe(true);
  });

  it('removes the old domain’s notice site when no old domain is listed', () => {
    setLifecycle(root, '  status: online\n');
    build(root, '2026-12-10 00:00', ['beta']);
    expect(existsSync(path.join(root, 'dist/beta--previous-domain'))).toBe(false);
  });
});
