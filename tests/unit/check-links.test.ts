// CONT-13 / HEALTH-05 on built pages: fixture HTML trees in, findings out. Broken links, anchors,
// images and srcset entries; hidden links (暗链) of every kind; the site's own accessible
// patterns left alone; non-government links through the leave-site notice; the external list.
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkLinks, type LinkCheckInput } from '../../src/rules/output/check-links.ts';
import { pageUrl } from '../../src/rules/output/page-refs.ts';
import { hidingClasses, hidingReason, parseColor, parseDeclarations } from '../../src/rules/output/css-values.ts';
import { isGovernmentHost, webHost } from '../../src/config/government-hosts.ts';
import { bodyOffset, findInSource, sourceCandidates } from '../../src/rules/output/source-lines.ts';
import { leavingPages } from '../../src/render/site-data.ts';
import rehypeExternalLinkNotice from '../../plugins/rehype-external-link-notice.ts';
import { LEAVING_NOTE, leavingHash, leavingPath, nonGovernmentLinks } from '../../src/render/leaving-links.ts';

/** The templates' utility classes, as global.css has them (minified like Astro's output). */
const SITE_CSS = `
.visually-hidden{clip:rect(0 0 0 0);white-space:nowrap;border:0;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;position:absolute!important}
.skip-link{z-index:10;background:var(--focus);color:#000;padding:.5rem 1rem;position:absolute;top:-4rem;left:.5rem}
.skip-link:focus{top:.5rem}
@media print{.site-header,.main-nav,.site-footer{display:none}}
.article-tools [hidden]{display:none!important}
`;

const ITEM_FILE = 'content/alpha/news/a.mdx';
const ITEM_SOURCE = `---
title: 测试
pubDate: 2026-11-20 09:30
source: 测试市政府办公室
attachments:
  - { file: ./report.pdf, title: 报告 }
---

第一段，见[第二篇](/news/b/)。

第二段，见[不存在的页面](/news/missing/)。
`;

/** A page like the templates make: skip link, header, nav, main with the body, footer. */
function page(body: string, options: { nav?: string; footer?: string; extraMain?: string } = {}): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="/_astro/site.css"></head><body>
<a class="skip-link" href="#main">跳到主要内容</a>
<header class="site-header"><a class="site-header__identity" href="/"><img src="/assets/logo.svg" alt="" width="56" height="56"><span>测试市人民政府</span></a>
<form role="search" action="/search/"><label class="visually-hidden" for="q">搜索本站</label><input id="q" name="q"></form></header>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">新闻</a></li>${options.nav ?? ''}</ul></nav>
<main id="main" class="page" tabindex="-1"><article class="article"><h1>标题</h1>
<div class="article__body">${body}</div>${options.extraMain ?? ''}</article></main>
<footer class="site-footer"><a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=1">我为政府网站找错</a>
<a href="https://beian.miit.gov.cn/">ICP</a><a href="https://beian.mps.gov.cn/#/query">公安备案</a>
<a class="site-footer__conac" href="https://bszs.conac.cn/sitename?id=1"><img src="/conac-badge.svg" alt="党政机关网站标识"></a>${options.footer ?? ''}</footer>
</body></html>`;
}

function input(pages: Record<string, string>, extraFiles: string[] = []): LinkCheckInput {
  const files = new Set([...Object.keys(pages), '_astro/site.css', 'assets/logo.svg', 'conac-badge.svg', 'search/index.html', 'news/a/report.pdf', 'news/a/river.jpg', 'news/a/river-720.webp', ...extraFiles]);
  return {
    site: {
      siteId: 'alpha',
      hosts: ['www.ceshi.gov.cn'],
      items: [
        { url: '/news/a/', file: ITEM_FILE, title: '第一篇' },
        { url: '/news/b/', file: 'content/alpha/news/b.mdx', title: '第二篇' },
      ],
      leaving: [{ hash: leavingHash('https://www.example.com/a'), url: 'https://www.example.com/a' }],
    },
    pages: new Map(Object.entries(pages)),
    files,
    css: [SITE_CSS],
    readSource: (file) => (file === ITEM_FILE ? ITEM_SOURCE : undefined),
    pageFile: (p) => `dist/alpha/${p}`,
  };
}

const basePages = () => ({
  'index.html': page('<p>首页</p>'),
  'news/index.html': page('<p>列表</p>'),
  'news/b/index.html': page('<h2 id="sec">小标题</h2>'),
});

async function findings(bodyOfA: string, options: Parameters<typeof page>[1] = {}, extraFiles: string[] = []) {
  return (await checkLinks(input({ ...basePages(), 'news/a/index.html': page(bodyOfA, options) }, extraFiles))).diagnostics;
}

describe('pages and addresses', () => {
  it('maps output paths to page URLs', async () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('news/a/index.html')).toBe('/news/a/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });

  it('finds where an editor wrote an address: whole addresses only, the n-th for the n-th link', async () => {
    const source = '---\nurl: /news/\n---\n见[甲](/news/a/)、[乙](/news/)和[丙](/news/)。\n';
    expect(findInSource(source, sourceCandidates('/news/'), 0)).toEqual({ line: 2, column: 6 });
    expect(findInSource(source, sourceCandidates('/news/'), 0, bodyOffset(source))).toEqual({ line: 4, column: 20 });
    expect(findInSource(source, sourceCandidates('/news/'), 1, bodyOffset(source))).toEqual({ line: 4, column: 32 });
    // An attachment rendered as the item's URL plus the file name was written ./report.pdf.
    expect(findInSource(ITEM_SOURCE, sourceCandidates('/news/a/report.pdf', '/news/a/'))).toEqual({ line: 6, column: 13 });
    // A bare address in Chinese text, linked up to the Chinese (issue 25).
    const bare = '---\ntitle: x\n---\n网站使用“www.example.com”域名，详见“https://www.example.com/a”说明。\n';
    expect(findInSource(bare, sourceCandidates('http://www.example.com'), 0, bodyOffset(bare))).toEqual({ line: 4, column: 6 });
    expect(findInSource(bare, sourceCandidates('https://www.example.com/a'), 0, bodyOffset(bare))).toEqual({ line: 4, column: 28 });
  });
});

describe('broken links, anchors and images (错链/断链)', () => {
  it('passes a page whose links, images, srcset entries and anchors all resolve', async () => {
    const body = `<p><a href="/news/b/">第二篇</a> <a href="/news/b/#sec">小标题</a> <a href="/news">无斜杠</a>
      <a href="./report.pdf" download>报告</a> <a href="#main">本页锚点</a> <a href="#top">回到顶部</a>
      <a href="mailto:a@ceshi.gov.cn">邮箱</a> <a href="tel:12345">电话</a> <a href="https://www.ceshi.gov.cn/news/b/">本站绝对地址</a>
      <img src="./river.jpg" srcset="/news/a/river-720.webp 720w, ./river.jpg 1200w" alt="河道"></p>`;
    expect(await findings(body)).toEqual([]);
  });

  it('reports an editor’s link to a missing page as CONT-13 on the MDX file, with line and column', async () => {
    const [d, ...rest] = await findings('<p>第二段，见<a href="/news/missing/">不存在的页面</a>。</p>');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'CONT-13', severity: 'error', file: ITEM_FILE, line: 11, column: 15 });
    expect(d!.message).toContain('/news/missing/');
    expect(d!.message).toContain('不存在');
    expect(d!.message).toContain('所在页面 /news/a/');
    expect(d!.fix).toMatch(/\S/);
  });

  it('reports missing anchors, on the same page and on another page', async () => {
    const ds = await findings('<p><a href="#nowhere">本页</a> <a href="/news/b/#gone">第二篇的小节</a> <a href="/news/b/#sec">有效</a></p>');
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringContaining('锚点“#nowhere”在本页中不存在'),
      expect.stringContaining('锚点“#gone”在页面 /news/b/ 中不存在'),
    ]);
    expect(ds.every((d) => d.ruleId === 'CONT-13' && d.file === ITEM_FILE)).toBe(true);
  });

  it('reports a missing image, a missing srcset entry and a missing attachment', async () => {
    const ds = await findings('<p><img src="./gone.jpg" alt="甲"><img src="./river.jpg" srcset="./river-360.webp 360w, ./river.jpg 1200w" alt="乙"><a href="./gone.pdf" download>附件</a></p>');
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringContaining('图片“./gone.jpg”指向的图片文件不存在'),
      expect.stringContaining('图片“./river-360.webp”'),
      expect.stringContaining('附件“./gone.pdf”'),
    ]);
  });

  it('reports a template’s broken link once as HEALTH-05 on the page under dist/, naming every page', async () => {
    const nav = '<li><a href="/no-such-column/">不存在的栏目</a></li>';
    const pages = Object.fromEntries(Object.entries({ ...basePages(), 'news/a/index.html': page('<p>正文</p>') }).map(([p]) => [p, page('<p>x</p>', { nav })]));
    const ds = (await checkLinks(input(pages))).diagnostics;
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ ruleId: 'HEALTH-05', severity: 'error', file: 'dist/alpha/index.html' });
    expect(ds[0]!.line).toBeGreaterThan(0);
    expect(ds[0]!.message).toContain('/no-such-column/');
    expect(ds[0]!.message).toContain('共 4 个页面');
    expect(ds[0]!.fix).toContain('模板');
  });
});

describe('hidden links (暗链)', () => {
  const hiddenCases: Array<[string, string, RegExp]> = [
    ['the hidden attribute', '<sup hidden><a href="/news/b/">甲</a></sup>', /hidden 属性/],
    ['display:none', '<span style="display: none"><a href="/news/b/">甲</a></span>', /display:none/],
    ['visibility:hidden', '<a href="/news/b/" style="visibility:hidden">甲</a>', /visibility:hidden/],
    ['zero size', '<div style="width:0;height:0;overflow:hidden"><a href="/news/b/">甲</a></div>', /尺寸为零/],
    ['font-size:0 on an ancestor', '<p style="font-size:0">说明<a href="/news/b/">甲</a></p>', /font-size:0/],
    ['off-screen positioning', '<div style="position:absolute;left:-9999px"><a href="/news/b/">甲</a></div>', /页面之外/],
    ['a negative text-indent', '<a href="/news/b/" style="display:block;text-indent:-9999px">甲</a>', /页面之外/],
    ['the page’s white as text colour', '<a href="/news/b/" style="color:#FFF">甲</a>', /颜色与背景颜色相同/],
    ['text colour equal to an inline background', '<div style="background:#1e5b3a"><a href="/news/b/" style="color:rgb(30, 91, 58)">甲</a></div>', /颜色与背景颜色相同/],
    ['transparent text', '<a href="/news/b/"><span style="color:transparent">甲</span></a>', /透明/],
    ['opacity 0', '<a href="/news/b/" style="opacity:0">甲</a>', /opacity/],
    ['clip-path', '<a href="/news/b/" style="position:absolute;clip-path:inset(50%)">甲</a>', /裁剪为零/],
    ['an aria-hidden subtree with a focusable link', '<div aria-hidden="true"><a href="/news/b/">甲</a></div>', /aria-hidden/],
    ['an empty link', '<a href="/news/b/"></a>', /没有文字/],
    ['a whitespace-only link', '<a href="/news/b/"> &nbsp; </a>', /没有文字/],
    ['an image without alt', '<a href="/news/b/"><img src="./river.jpg" alt=""></a>', /没有替代文本/],
    ['a link inside the visually-hidden utility', '<small class="visually-hidden"><a href="/news/b/">甲</a></small>', /\.visually-hidden/],
    ['a visually-hidden link', '<a class="visually-hidden" href="/news/b/">甲</a>', /\.visually-hidden/],
    ['only screen-reader text', '<a href="/news/b/"><span class="visually-hidden">甲</span></a>', /看不见.*visually-hidden/],
    ['a skip-link class on a link leaving the page', '<a class="skip-link" href="/news/b/">甲</a>', /\.skip-link/],
    ['a 1-pixel image', '<a href="/news/b/"><img src="./river.jpg" alt="甲" width="1" height="1"></a>', /1 像素/],
    ['template content', '<template><a href="/news/b/">甲</a></template>', /template/],
  ];

  it.each(hiddenCases)('flags %s as CONT-13 on the item file', async (_name, html, reason) => {
    const ds = await findings(`<p>正文${html}</p>`);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ ruleId: 'CONT-13', severity: 'error', file: ITEM_FILE });
    expect(ds[0]!.message).toMatch(/^暗链：/);
    expect(ds[0]!.message).toMatch(reason);
  });

  it('leaves the site’s accessible patterns and visible links alone', async () => {
    const body = `<p>
      <a href="/news/b/">第二篇<span class="visually-hidden">（将离开本站）</span></a>
      <a href="/news/b/"><img src="./river.jpg" alt="第二篇的配图"></a>
      <a href="/news/b/"><svg aria-label="第二篇"></svg></a>
      <span style="background:#1e5b3a"><a href="/news/b/" style="color:#fff">深色背景上的白字</a></span>
      <span style="font-size:0"><a href="/news/b/" style="font-size:16px">字号恢复</a></span>
      <span aria-hidden="true"><a href="/news/b/" tabindex="-1">不可聚焦的装饰链接</a></span>
      <a href="/news/b/" style="color:#1f2328">正常颜色</a>
      <details><summary>展开</summary><a href="/news/b/">折叠内容中的链接</a></details>
    </p>`;
    // The page around it has the skip link, a visually-hidden label and a logo with alt="" next to the name.
    expect(await findings(body)).toEqual([]);
  });

  it('reports a hidden link made by a template on the page under dist/', async () => {
    const ds = await findings('<p>正文</p>', { footer: '<div style="display:none"><a href="https://spam.example.com/">广告</a></div>' });
    const hidden = ds.filter((d) => d.message.startsWith('暗链'));
    expect(hidden).toEqual([expect.objectContaining({ ruleId: 'CONT-13', severity: 'error', file: 'dist/alpha/news/a/index.html' })]);
  });

  it('reads the site’s stylesheets for classes that hide, outside @media blocks only', async () => {
    const classes = hidingClasses(SITE_CSS);
    expect([...classes.keys()].sort()).toEqual(['skip-link', 'visually-hidden']);
    expect(hidingClasses('@layer base{.gone{display:none}} @media (max-width:40rem){.narrow{display:none}} .a .b{display:none}').has('gone')).toBe(true);
    expect(hidingClasses('@media (max-width:40rem){.narrow{display:none}}').size).toBe(0);
  });

  it('understands the inline styles it looks for', async () => {
    expect(hidingReason(parseDeclarations('color: red; DISPLAY: none !important'))).toContain('display:none');
    expect(hidingReason(parseDeclarations('position:relative; top:-10px'))).toBeUndefined();
    expect(hidingReason(parseDeclarations('width:0'))).toBeUndefined(); // content still overflows
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('rgba(0 0 0 / 0)')).toMatchObject({ a: 0 });
    expect(parseColor('white')).toEqual(parseColor('#ffffff'));
  });
});

describe('leaving for non-government sites (离站提示)', () => {
  it('knows government hosts: *.gov.cn, *.政务 and the allowlist', async () => {
    for (const host of ['www.gov.cn', 'gov.cn', 'zfwzgl.www.gov.cn', 'beian.miit.gov.cn', 'beian.mps.gov.cn', 'bszs.conac.cn', 'www.北京.政务', 'www.xn--1lq90i.xn--zfr164b', 'WWW.SHILI.GOV.CN.']) {
      expect(isGovernmentHost(host), host).toBe(true);
    }
    for (const host of ['www.example.com', 'evilgov.cn', 'gov.cn.example.com', 'www.news.cn', 'conac.cn.example.com']) {
      expect(isGovernmentHost(host), host).toBe(false);
    }
    expect(webHost('//cdn.example.com/a.js')).toBe('cdn.example.com');
    expect(webHost('/news/')).toBeUndefined();
  });

  it('finds the non-government links of an MDX body as the renderer writes them', async () => {
    const body = '见[新华网](https://www.news.cn/a?wd=政府)、[国务院](https://www.gov.cn/)、www.example.org 和[站内](/news/)。\n\n[ref]: https://ref.example.com/x\n\n参见[引用][ref]。';
    expect(nonGovernmentLinks(body).sort()).toEqual(['http://www.example.org', 'https://ref.example.com/x', 'https://www.news.cn/a?wd=%E6%94%BF%E5%BA%9C']);
    expect(nonGovernmentLinks('只有站内[链接](/news/)。')).toEqual([]);
  });

  it('rewrites such links to the notice page, keeping the text, adding rel and screen-reader text', async () => {
    const { code } = await mdxToJs('见[新华网](https://www.news.cn/a)和[国务院](https://www.gov.cn/)。', {
      hastPlugins: [rehypeExternalLinkNotice()],
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
    });
    expect(code).toContain(`href: "${leavingPath('https://www.news.cn/a')}"`);
    expect(code).toContain('rel: "noopener noreferrer"');
    expect(code).toContain(`children: "${LEAVING_NOTE}"`);
    expect(code).toContain('class: "visually-hidden"');
    expect(code).toContain('href: "https://www.gov.cn/"');
    expect(code).toContain('"新华网"');
    expect(leavingPath('https://www.news.cn/a')).toMatch(/^\/leaving\/[0-9a-f]{12}\/$/);
  });

  it('lists one notice page per destination, with the items linking to it', async () => {
    const item = (url: string, title: string, body: string, reprint?: string) =>
      ({ url, body, data: { title, ...(reprint ? { reprint: { site: '新华网', url: reprint } } : {}) } }) as never;
    const pages = leavingPages([
      item('/news/a/', '甲', '[新华网](https://www.news.cn/a)'),
      item('/news/b/', '乙', '[新华网](https://www.news.cn/a) [政府](https://www.gov.cn/)', 'https://www.xinhuanet.com/b'),
    ]);
    expect(pages).toEqual(
      expect.arrayContaining([
        { hash: leavingHash('https://www.news.cn/a'), url: 'https://www.news.cn/a', host: 'www.news.cn', from: [{ url: '/news/a/', title: '甲' }, { url: '/news/b/', title: '乙' }] },
        { hash: leavingHash('https://www.xinhuanet.com/b'), url: 'https://www.xinhuanet.com/b', host: 'www.xinhuanet.com', from: [{ url: '/news/b/', title: '乙' }] },
      ]),
    );
    expect(pages).toHaveLength(2);
  });

  it('lists external links, the notice page’s destination with the pages that link through it', async () => {
    const hash = leavingHash('https://www.example.com/a');
    const result = await checkLinks(
      input({
        ...basePages(),
        'news/a/index.html': page(`<p><a href="/leaving/${hash}/" rel="noopener noreferrer">示例<span class="visually-hidden">（将离开本站）</span></a> <a href="https://www.gov.cn/zhengce/">国务院</a></p>`),
        [`leaving/${hash}/index.html`]: page(`<p><a href="https://www.example.com/a" rel="noopener noreferrer nofollow">继续访问</a> <a href="/news/a/">返回</a></p>`),
      }),
    );
    expect(result.diagnostics).toEqual([]);
    const example = result.externalLinks.links.find((l) => l.host === 'www.example.com');
    expect(example).toEqual({ url: 'https://www.example.com/a', host: 'www.example.com', government: false, viaNotice: true, pages: ['/news/a/'] });
    expect(result.externalLinks.links.find((l) => l.url === 'https://www.gov.cn/zhengce/')).toMatchObject({ government: true, viaNotice: false, pages: ['/news/a/'] });
    expect(result.externalLinks.hosts.map((h) => h.host)).toEqual(['beian.miit.gov.cn', 'beian.mps.gov.cn', 'bszs.conac.cn', 'www.example.com', 'www.gov.cn', 'zfwzgl.www.gov.cn']);
    expect(result.externalLinks.hosts.find((h) => h.host === 'bszs.conac.cn')).toMatchObject({ government: true, pages: 5 });
  });

  it('flags a direct non-government link: an error in the body, a warning in a template', async () => {
    const ds = await findings('<p><a href="https://www.example.com/a">示例</a></p>', { footer: '<a href="https://www.example.net/">友情链接</a>' });
    expect(ds).toEqual([
      expect.objectContaining({ ruleId: 'CONT-13', severity: 'error', file: ITEM_FILE }),
      expect.objectContaining({ ruleId: 'CONT-13', severity: 'warn', file: 'dist/alpha/news/a/index.html' }),
    ]);
    expect(ds[0]!.message).toContain('没有先显示离站提示');
    expect(ds[1]!.message).toContain('www.example.net');
  });

  it('reports a missing notice page as a broken link naming the destination', async () => {
    const hash = leavingHash('https://www.example.com/a');
    const ds = await findings(`<p><a href="/leaving/${hash}/">示例</a></p>`);
    expect(ds).toEqual([expect.objectContaining({ ruleId: 'CONT-13', file: ITEM_FILE })]);
    expect(ds[0]!.message).toContain('https://www.example.com/a');
    expect(ds[0]!.message).toContain('离站提示页');
  });
});
