// CONT-13 / HEALTH-05 across the sites of a platform: the output check of a built page resolves a
// link to another site of the platform against the pages that site's build writes
// (src/rules/output/platform-pages.ts), and the source check reads every address of a body
// (src/content/body-links.ts). The platform is the `mini` fixture, read where it is (nothing is
// written): alpha www.ceshi.gov.cn, beta sjj.ceshi.gov.cn.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyLinks } from '../../src/content/body-links.ts';
import { parseMdxBody } from '../../src/content/parse-mdx-body.ts';
import { checkLinks, type LinkCheckInput } from '../../src/rules/output/check-links.ts';
import { PlatformPages } from '../../src/rules/output/platform-pages.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { fixturesDir } from '../helpers/platform.ts';

const NOW = '2026-11-22 10:00';
let pages: PlatformPages;

beforeAll(async () => {
  const root = path.join(fixturesDir, 'mini');
  pages = new PlatformPages(root, await loadPlatform(root, NOW), NOW);
});

/** A built page of alpha whose footer (a template's) links to `href`. */
function input(href: string, platform = true): LinkCheckInput {
  const html = `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main><p>正文</p></main><footer><a href="${href}">数据局</a></footer></body></html>`;
  return {
    site: { siteId: 'alpha', hosts: ['www.ceshi.gov.cn'], items: [], leaving: [], ...(platform && { platform: { pages, now: NOW } }) },
    pages: new Map([['index.html', html]]),
    files: new Set(['index.html']),
  };
}

describe('the output check across the platform', () => {
  it('reports a link to a missing page of another site of the platform (HEALTH-05 on a template page)', async () => {
    const { diagnostics } = await checkLinks(input('https://sjj.ceshi.gov.cn/news/no-such-page/'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'HEALTH-05', severity: 'error', file: 'index.html' });
    expect(diagnostics[0]!.message).toContain('本平台网站“测试市数据管理局”（sjj.ceshi.gov.cn）的页面 /news/no-such-page/ 不存在');
  });

  it('passes the other site\'s existing item, list page, home page and feed', async () => {
    for (const href of ['https://sjj.ceshi.gov.cn/news/data-week/', 'https://sjj.ceshi.gov.cn/news/', 'https://sjj.ceshi.gov.cn/', 'https://sjj.ceshi.gov.cn/feeds/news.xml', 'https://sjj.ceshi.gov.cn/search/?q=数据']) {
      expect((await checkLinks(input(href))).diagnostics, href).toEqual([]);
    }
  });

  it('leaves a site outside the platform alone, and the link is listed as external', async () => {
    const result = await checkLinks(input('https://www.gov.cn/no-such-page/'));
    expect(result.diagnostics).toEqual([]);
    expect(result.externalLinks.links.map((l) => l.url)).toContain('https://www.gov.cn/no-such-page/');
  });

  it('resolves files of an item folder and the pages of list pages, not what is not there', () => {
    const alpha = pages.sites.get('alpha')!;
    expect(pages.resolve(alpha, '/policies/open-data-rules/implementation-rules.csv', NOW)).toBe('policies/open-data-rules/implementation-rules.csv');
    expect(pages.resolve(alpha, '/policies/open-data-rules/index.mdx', NOW)).toBeUndefined();
    expect(pages.resolve(alpha, '/policies/open-data-rules/../../sites/alpha/site.yaml', NOW)).toBeUndefined();
    expect(pages.resolve(alpha, '/policies/', NOW)).toBe('policies/index.html');
    expect(pages.resolve(alpha, '/news/page/2/', NOW)).toBeUndefined();
  });
});

describe('the addresses of a body', () => {
  it('reads links, images, references and element attributes at their file lines, and skips what never names a page', () => {
    const body = '见[甲](/news/a/)和[乙][b]。\n\n![图](./x.png)\n\n<img src="/assets/y.png" srcset="/assets/y-1.png 1x, /assets/y-2.png 2x" alt="y" />\n\n[邮件](mailto:a@ceshi.gov.cn) [锚点](#top)\n\n[b]: https://sjj.ceshi.gov.cn/news/\n';
    const { tree } = parseMdxBody(body, 'content/alpha/news/t.mdx', 8);
    const links = bodyLinks(tree!, 8);
    expect(links.map(({ url, image, line }) => [url, image, line])).toEqual([
      ['/news/a/', false, 8],
      ['https://sjj.ceshi.gov.cn/news/', false, 8],
      ['./x.png', true, 10],
      ['/assets/y.png', true, 12],
      ['/assets/y-1.png', true, 12],
      ['/assets/y-2.png', true, 12],
    ]);
    expect(links.slice(0, 3).map((l) => l.column)).toEqual([2, 16, 1]);
  });

  it('a footnote is no link: its text is not read as an address', () => {
    const { tree } = parseMdxBody('正文[^1]。\n\n[^1]: 脚注的内容。\n', 'content/alpha/news/t.mdx', 8);
    expect(bodyLinks(tree!, 8)).toEqual([]);
  });
});
