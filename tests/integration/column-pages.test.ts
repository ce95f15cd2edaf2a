// LAY-04: column pages list newest first, long columns paginate, sub-columns are linked and
// their items appear in the parent column.
import path from 'node:path';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

const parse = (html: string) => unified().use(rehypeParse).parse(html) as Root;

describe('a long column', () => {
  let root: string;
  const page = (url: string) => parse(readText(root, path.join('dist/alpha', url, 'index.html')));

  beforeAll(() => {
    root = copyPlatform('mini');
    // 45 more news items, one a day going back from 2026-10-31, written out of order.
    for (let n = 45; n >= 1; n--) {
      const day = new Date(Date.UTC(2026, 9, 31 - (n - 1)));
      const date = day.toISOString().slice(0, 10);
      writeText(
        root,
        `content/alpha/news/generated-${String(n).padStart(2, '0')}.mdx`,
        `---\ntitle: 测试市第${n}期工作简报\npubDate: ${date} 08:00\nsource: 测试市人民政府办公室\nreviewedBy: 刘敏\n---\n\n第${n}期工作简报正文。\n`,
      );
    }
    const result = runCli(['build', '--root', root, '--site', 'alpha', '--now', '2026-11-22 10:00']);
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => removePlatform(root));

  it('splits 47 items into pages of 20, newest first across pages', () => {
    const pages = ['news', 'news/page/2', 'news/page/3'].map(page);
    const counts = pages.map((tree) => selectAll('.item-list__item', tree).length);
    expect(counts).toEqual([20, 20, 7]);
    const times = pages.flatMap((tree) => selectAll('.item-list .pub-time time', tree).map((t) => toText(t)));
    expect(times).toEqual([...times].sort().reverse());
    expect(toText(select('.item-list__title', pages[0]!)!)).toBe('测试市召开全市数字政府建设工作会议');
  });

  it('links the pages, marking the current one', () => {
    const second = page('news/page/2');
    const nav = select('nav.pagination', second)!;
    expect(nav.properties.ariaLabel).toBe('分页');
    expect(toText(select('[aria-current="page"]', nav)!)).toBe('2');
    expect(select('a[rel="prev"]', nav)?.properties.href).toBe('/news/');
    expect(select('a[rel="next"]', nav)?.properties.href).toBe('/news/page/3/');
    expect(toText(select('title', second)!)).toContain('第 2 页');
    expect(select('nav.pagination', page('policies'))).toBeUndefined();
  });
});

describe('sub-columns on the demo portal', () => {
  it('the parent column links its sub-column and lists its items too', () => {
    const root = inject('demoRoot');
    const news = parse(readText(root, 'dist/shili/news/index.html'));
    expect(selectAll('nav.sub-columns a', news).map((a) => a.properties.href)).toContain('/county-news/');
    const sub = parse(readText(root, 'dist/shili/county-news/index.html'));
    const subTitles = selectAll('.item-list__title', sub).map((a) => a.properties.href);
    const newsTitles = selectAll('.item-list__title', news).map((a) => a.properties.href);
    expect(subTitles.length).toBeGreaterThan(0);
    expect(newsTitles).toContain(subTitles[0]);
    expect(toText(select('nav.breadcrumb', sub)!)).toContain('工作动态');
  });
});
