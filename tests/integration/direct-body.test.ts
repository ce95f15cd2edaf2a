// Plain item bodies rendered by the item page itself (plugins/astro-govsite/direct-body.ts, issue 8)
// give exactly the pages Astro's MDX modules give. The demo platform, plus an item that uses every
// kind of Markdown and allowed HTML an editor may write, is built twice: once as govsite builds
// (plain bodies direct) and once with every body an MDX module (GOVSITE_DIRECT_BODIES=off). Every
// file of every site must be equal, and the direct build must really have skipped the modules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW } from '../global-setup.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';
import { directBodyHtml } from '../../plugins/astro-govsite/body-html.ts';
import { hasItemPage, itemPageFile } from '../../src/render/rendered-items.ts';
import { toSiteData } from '../../src/render/site-data.ts';
import { bodyRange } from '../../src/render/body-patch.ts';
import { loadSite } from '../../src/rules/load-site.ts';

const SITES = ['shili', 'shili-jyt', 'anping'];
const SAMPLER = 'content/shili/news/2026-11-20-markdown-sampler.mdx';
const SAMPLER_BODY = `
本文用于检查正文排版：**加粗**、*强调*、~~删除线~~、\`行内代码\`、H<sub>2</sub>O 和 10<sup>3</sup>，
“引号”与 'single' 以及 "double" 引号、省略号...、破折号 -- 和 ---，以及 &amp; &lt; &copy; 这样的字符实体。
行末两个空格的硬换行：  
第二行。反斜杠转义：\\{ \\} \\* \\_。

## 工作要点

1. 第一项，含[政府网站链接](https://www.gov.cn/zhengce/)
2. 第二项，含外部网站链接 [示例网站](https://www.example.com/news?id=1&lang=zh)
   - 嵌套的无序列表
   - [ ] 未完成的任务
   - [x] 已完成的任务

## 工作要点

> 引用的一段话，
> 跨越两行。

自动识别的网址 https://www.gov.cn/ 和邮箱 service@shili.gov.cn 。

| 指标 | 数值 | 说明 |
|:---|---:|:---:|
| 地区生产总值 | 38562.4 | 亿元 |
| 同比增长 | 5.3% | \`可比价\` |

<details>
<summary>展开查看说明</summary>

说明的正文，含脚注[^1]。

</details>

{/* 编辑备注：不会发布 */}

术语<abbr title="政务服务">政务</abbr>，<mark>重点</mark>，<small>小字</small>。<br />换行之后。

***

[^1]: 脚注的内容。
`;

let directRoot: string;
let moduleRoot: string;

beforeAll(() => {
  directRoot = copyPlatform('demo');
  moduleRoot = copyPlatform('demo');
  for (const root of [directRoot, moduleRoot]) {
    const front = readText(root, 'content/shili/news/2026-11-21-executive-meeting.mdx').match(/^---\n[\s\S]*?\n---\n/)![0];
    writeText(root, SAMPLER, `${front.replace(/^title: .*$/m, 'title: 正文排版样例').replace(/^important: true\n/m, '')}${SAMPLER_BODY}`);
  }
  const direct = runCli(['build', '--root', directRoot, '--now', DEMO_NOW]);
  expect(direct.status, direct.output).toBe(0);
  const modules = runCli(['build', '--root', moduleRoot, '--now', DEMO_NOW], { env: { GOVSITE_DIRECT_BODIES: 'off' } });
  expect(modules.status, modules.output).toBe(0);
});
afterAll(() => {
  removePlatform(directRoot);
  removePlatform(moduleRoot);
});

/** The item ids Astro's content layer holds for a site's `items` collection after its build. */
function collectedItems(root: string, siteId: string): string[] {
  const store = readFileSync(path.join(root, '.cache', 'astro', siteId, 'data-store.json'), 'utf8');
  // The store is devalue-serialized; each entry's id follows its collection's map. Item ids are
  // <column>/<slug>: count the distinct ones that name an item file of this site.
  return [...new Set(store.match(/"[a-z0-9-]+\/[a-z0-9-]+"/g) ?? [])].map((id) => id.slice(1, -1));
}

describe('plain bodies rendered directly (issue 8)', () => {
  it('every file of every site is byte for byte what the MDX modules give', () => {
    for (const siteId of SITES) {
      const direct = treeHashes(path.join(directRoot, 'dist', siteId));
      expect(Object.keys(direct).length, siteId).toBeGreaterThan(40);
      expect(direct, siteId).toEqual(treeHashes(path.join(moduleRoot, 'dist', siteId)));
    }
  });

  it('the sampler page carries what the Markdown says (the comparison above covers real content)', () => {
    const html = readText(directRoot, 'dist/shili/news/2026-11-20-markdown-sampler/index.html');
    for (const part of ['<del>删除线</del>', '<sub>2</sub>', '<table>', '<details>', 'type="checkbox"', '<blockquote>', '<abbr title="政务服务">', 'id="工作要点-1"', '脚注的内容', '/leaving/']) {
      expect(html).toContain(part);
    }
    expect(html).not.toContain('编辑备注');
  });

  it('outside Astro (body-html.ts), every plain body gives the HTML its page holds: what a body-only edit patches in (body-patch.ts)', async () => {
    let compared = 0;
    for (const siteId of SITES) {
      const { model } = await loadSite(directRoot, siteId);
      for (const item of toSiteData(model!, DEMO_NOW).items) {
        if (!item.directBody || !hasItemPage(item)) continue;
        const page = readText(directRoot, path.join('dist', siteId, itemPageFile(item)));
        const range = bodyRange(page);
        expect(range, item.file).toBeDefined();
        expect(await directBodyHtml(path.join(directRoot, item.file), item.bodyHash), item.file).toBe(page.slice(...range!));
        compared++;
      }
    }
    // The sampler and the demo's plain bodies (about 90), each site's copies by reference included.
    expect(compared).toBeGreaterThan(80);
  });

  it('the direct build compiled no module for plain bodies, only for those with images', () => {
    const direct = collectedItems(directRoot, 'shili');
    const modules = collectedItems(moduleRoot, 'shili');
    expect(modules).toContain('news/2026-11-20-markdown-sampler');
    expect(modules).toContain('news/2026-11-21-executive-meeting');
    expect(direct).not.toContain('news/2026-11-20-markdown-sampler');
    expect(direct).not.toContain('news/2026-11-21-executive-meeting');
    // An item with an image is still a module: Astro's image pipeline needs the import.
    expect(direct).toContain('news/2026-11-14-service-hall-one-thing');
    expect(direct.length).toBeLessThan(modules.length / 4);
  });
});
