// Bare web addresses in Chinese text (issue 25): Sätteri's GFM autolink literal runs on to the
// next space, and Chinese text has none. Real MDX compiles (Sätteri, with the plugins every body
// is compiled with) of sentences as official documents write them: the link ends where Chinese
// text or full-width punctuation starts, the text reads as written, and the leave-site list
// (src/render/leaving-links.ts) names exactly the links the page has.
import path from 'node:path';
import type { Element, Root, Text } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToHast } from 'satteri';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { bodyMdastPlugins } from '../../plugins/astro-govsite/body-processor.ts';
import { splitAutolinkLiteral } from '../../src/content/autolink-literal.ts';
import { nonGovernmentLinks } from '../../src/render/leaving-links.ts';
import remarkNoAdvertising from '../../src/rules/content/remark-no-advertising.ts';
import { projectRoot } from '../../src/util/paths.ts';

type Node = Root | Element | Text | { type: string; children?: Node[] };

function render(body: string): Root {
  return mdxToHast(body, { features: { gfm: true, smartPunctuation: true }, mdastPlugins: bodyMdastPlugins() }) as Root;
}

function links(node: Node): Array<{ href: string; text: string }> {
  if (node.type === 'element' && (node as Element).tagName === 'a') {
    return [{ href: String((node as Element).properties.href), text: textOf(node) }];
  }
  return ((node as { children?: Node[] }).children ?? []).flatMap(links);
}

function textOf(node: Node): string {
  if (node.type === 'text') return (node as Text).value;
  return ((node as { children?: Node[] }).children ?? []).map(textOf).join('');
}

const GOV_SENTENCE = '政府门户网站使用“www.gov.cn”域名，其他政府门户网站使用“www.□□□.gov.cn”结构的域名，部门网站使用本级政府门户网站的下级域名。';

describe('bare addresses in Chinese text end where the Chinese starts (issue 25)', () => {
  it('the sentence of the guidelines links www.gov.cn and nothing after it', () => {
    const tree = render(GOV_SENTENCE);
    expect(links(tree)).toEqual([{ href: 'http://www.gov.cn', text: 'www.gov.cn' }]);
    expect(textOf(tree).trim()).toBe(GOV_SENTENCE);
  });

  it.each([
    ['详见 www.beijing.gov.cn，或拨打12345。', [{ href: 'http://www.beijing.gov.cn', text: 'www.beijing.gov.cn' }]],
    ['网址为 www.ceshi.gov.cn、www.shili.gov.cn。', [{ href: 'http://www.ceshi.gov.cn', text: 'www.ceshi.gov.cn' }, { href: 'http://www.shili.gov.cn', text: 'www.shili.gov.cn' }]],
    ['办事指南见 https://www.example.com/guide?id=12。', [{ href: 'https://www.example.com/guide?id=12', text: 'https://www.example.com/guide?id=12' }]],
    ['原文链接：https://www.news.cn/politics/2026-11/20/c_1.htm（新华网）', [{ href: 'https://www.news.cn/politics/2026-11/20/c_1.htm', text: 'https://www.news.cn/politics/2026-11/20/c_1.htm' }]],
    ['请访问 https://www.example.org/docs/查看全文', [{ href: 'https://www.example.org/docs/', text: 'https://www.example.org/docs/' }]],
    ['门户网站 www.gov.cn\n下一行是说明文字。', [{ href: 'http://www.gov.cn', text: 'www.gov.cn' }]],
    ['See www.example.com/a_b. An English sentence stays as GFM links it.', [{ href: 'http://www.example.com/a_b', text: 'www.example.com/a_b' }]],
  ])('%s', (body, expected) => {
    const tree = render(body);
    expect(links(tree)).toEqual(expected);
    expect(textOf(tree).trim()).toBe(body);
  });

  it('leaves written links alone, even with Chinese in them', () => {
    expect(links(render('见[中国政府网](https://www.gov.cn/zhengce/)。'))).toEqual([{ href: 'https://www.gov.cn/zhengce/', text: '中国政府网' }]);
    expect(links(render('见[https://www.gov.cn/](https://www.gov.cn/)”一文。'))).toEqual([{ href: 'https://www.gov.cn/', text: 'https://www.gov.cn/' }]);
  });

  it('lists for leave-site pages exactly the links the page has', () => {
    expect(nonGovernmentLinks(GOV_SENTENCE)).toEqual([]);
    const body = '参见“www.example.com”网站的说明，以及“https://www.news.cn/”的报道。';
    expect(nonGovernmentLinks(body)).toEqual(['http://www.example.com', 'https://www.news.cn/']);
    expect(links(render(body)).map((l) => l.href)).toEqual(['http://www.example.com', 'https://www.news.cn/']);
  });
});

describe('splitAutolinkLiteral', () => {
  it('keeps an all-ASCII literal as the parser made it', () => {
    expect(splitAutolinkLiteral('www.gov.cn/zhengce/', 'http://www.gov.cn/zhengce/')).toBeUndefined();
  });

  it('cuts at the first character that is not printable ASCII, drops trailing punctuation, and unlinks what is no address', () => {
    expect(splitAutolinkLiteral('www.gov.cn”域名', 'http://www.gov.cn%E2%80%9D%E5%9F%9F%E5%90%8D')).toEqual([{ text: 'www.gov.cn', url: 'http://www.gov.cn' }, { text: '”域名' }]);
    expect(splitAutolinkLiteral('https://www.gov.cn/a).。', 'https://www.gov.cn/a).%E3%80%82')).toEqual([{ text: 'https://www.gov.cn/a', url: 'https://www.gov.cn/a' }, { text: ').。' }]);
    expect(splitAutolinkLiteral('www.□□□.gov.cn”结构', 'http://www.%E2%96%A1')).toEqual([{ text: 'www.□□□.gov.cn”结构' }]);
    expect(splitAutolinkLiteral('zwgk@ceshi.gov.cn。', 'mailto:zwgk@ceshi.gov.cn%E3%80%82')).toEqual([{ text: 'zwgk@ceshi.gov.cn', url: 'mailto:zwgk@ceshi.gov.cn' }, { text: '。' }]);
    expect(splitAutolinkLiteral('www.a.gov.cn”和“www.b.gov.cn”', 'http://x')).toEqual([
      { text: 'www.a.gov.cn', url: 'http://www.a.gov.cn' },
      { text: '”和“' },
      { text: 'www.b.gov.cn', url: 'http://www.b.gov.cn' },
      { text: '”' },
    ]);
  });
});

describe('the content checks read a bare address as the link the page has', () => {
  async function cont08(body: string): Promise<string[]> {
    const item = 'content/demo/news/sample.mdx';
    const file = new VFile({ value: body, path: item, data: { govsite: { file: item, absoluteFile: path.join(projectRoot, item), frontMatter: { title: '示例', attachments: [], keywords: [] } as never, site: {} as never } } });
    const parser = unified().use(remarkParse).use(remarkMdx);
    await unified().use(remarkNoAdvertising).run(parser.parse(body) as MdastRoot, file);
    return file.messages.map((m) => `${m.ruleId} ${m.reason}`);
  }

  it('CONT-08: a shop written as a bare address is a link to the shop; ending at the Chinese text, as rendered', async () => {
    const body = '特色农产品可在“www.taobao.com”搜索购买渠道。';
    expect(links(render(body)).map((l) => l.href)).toEqual(['http://www.taobao.com']);
    const found = await cont08(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('CONT-08');
    expect(found[0]).toContain('“www.taobao.com”在网页上是链接');
    // The shop's name without an address is no link, and is not reported.
    expect(await cont08('特色农产品在淘宝等平台销售。')).toEqual([]);
  });
});
