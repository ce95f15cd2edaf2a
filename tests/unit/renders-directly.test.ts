// Which bodies the item page renders itself (src/render/renders-directly.ts) and which
// Astro compiles as MDX modules (issue 8), and that the module collections leave the direct ones out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canRenderDirectly, rendersDirectly } from '../../src/render/renders-directly.ts';
import { ownItemPatterns, referencedFiles } from '../../plugins/astro-govsite/referenced-files.ts';
import type { ItemSummary, SiteData } from '../../src/render/site-data.ts';

describe('canRenderDirectly', () => {
  it('takes text, lists, tables, links, footnotes and the allowed HTML', () => {
    expect(canRenderDirectly('正文。\n\n## 小标题\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[链接](https://www.gov.cn/) 注[^1]\n\n[^1]: 注释。\n')).toBe(true);
    expect(canRenderDirectly('H<sub>2</sub>O，<details><summary>说明</summary>内容</details>，行内 `代码`。')).toBe(true);
  });

  it('leaves images, MapImage and fenced code to the MDX modules', () => {
    expect(canRenderDirectly('图：\n\n![全省粮食产量柱状图](./chart.png)\n')).toBe(false);
    expect(canRenderDirectly('引用式图片 ![示意图][fig]\n\n[fig]: ./fig.png\n')).toBe(false);
    expect(canRenderDirectly('<img src="./a.png" alt="示意图" />')).toBe(false);
    expect(canRenderDirectly('<MapImage src="./map.png" alt="行政区划图" reviewNumber="示S（2026）001号" />')).toBe(false);
    expect(canRenderDirectly('代码：\n\n```js\nconsole.log(1)\n```\n')).toBe(false);
    expect(canRenderDirectly('代码：\n\n  ~~~\n文字\n  ~~~\n')).toBe(false);
  });

  it('is switched off for every body by GOVSITE_DIRECT_BODIES=off', () => {
    process.env.GOVSITE_DIRECT_BODIES = 'off';
    try {
      expect(rendersDirectly('正文。')).toBe(false);
    } finally {
      delete process.env.GOVSITE_DIRECT_BODIES;
    }
    expect(rendersDirectly('正文。')).toBe(true);
  });
});

describe('the MDX collections hold only the bodies that are not rendered directly', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  function dataFile(items: Array<Partial<ItemSummary>>, renderOnly?: string[]): string {
    dir = mkdtempSync(path.join(tmpdir(), 'govsite-direct-'));
    const file = path.join(dir, 'site.json');
    writeFileSync(file, JSON.stringify({ id: 'shili', items, renderOnly } satisfies Partial<Omit<SiteData, 'items'>> & { items: Array<Partial<ItemSummary>> }));
    return file;
  }

  const items: Array<Partial<ItemSummary>> = [
    { id: 'news/a', file: 'content/shili/news/a.mdx', directBody: true },
    { id: 'news/b', file: 'content/shili/news/b/index.mdx', directBody: false },
    { id: 'news/c', file: 'content/shili/news/c.mdx', directBody: false },
    { id: 'superior/x', file: 'content/province/policies/x.mdx', directBody: true, reference: { key: 'province:policies/x' } as ItemSummary['reference'] },
    { id: 'superior/y', file: 'content/province/policies/y/index.mdx', directBody: false, reference: { key: 'province:policies/y' } as ItemSummary['reference'] },
  ];

  it('own items: the module ones only, in a full and in a partial render', async () => {
    expect(await ownItemPatterns('shili', dataFile(items))).toEqual(['news/b/index.mdx', 'news/c.mdx']);
    expect(await ownItemPatterns('shili', dataFile(items, ['news/a', 'news/c']))).toEqual(['news/c.mdx']);
  });

  it('references: the module ones only', async () => {
    expect(await referencedFiles('/nowhere', 'shili', dataFile(items))).toEqual(['province/policies/y/index.mdx']);
  });
});
