// LAY-09 on parsed pages (src/rules/output/page-budgets.ts): a page weighs its HTML and the files
// a first visit loads (stylesheets, scripts, preloads, icons; per image the largest srcset
// candidate), not feeds, links or the other candidates; over the budget is a warning, over the
// limit an error on the item's file; each file's size is read once however many pages load it.
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { checkPageBudgets, type PageBudgets } from '../../src/rules/output/page-budgets.ts';
import { readPage, type Page } from '../../src/rules/output/page-refs.ts';

const KIB = 1024;
const budgets: PageBudgets = {
  home: { budgetKiB: 100, limitKiB: 200 },
  list: { budgetKiB: 100, limitKiB: 200 },
  item: { budgetKiB: 100, limitKiB: 200 },
  search: { budgetKiB: 100, limitKiB: 200 },
  other: { budgetKiB: 100, limitKiB: 200 },
};

const HEAD = '<link rel="stylesheet" href="/_astro/site.css"><link rel="alternate" type="application/rss+xml" href="/news/feed.xml"><link rel="icon" href="/favicon.svg"><script type="module" src="/_astro/toolbar.js"></script>';

function page(pagePath: string, body: string, item?: string): Page {
  const read = readPage(pagePath, unified().use(rehypeParse).parse(`<!doctype html><html><head>${HEAD}</head><body>${body}</body></html>`), new Map());
  return item ? { ...read, item: { url: read.url, file: item, title: 't' } } : read;
}

function run(pages: Page[], sizes: Record<string, number>) {
  const asked: string[] = [];
  const diagnostics = checkPageBudgets({
    pages,
    budgets,
    columns: new Set(['news']),
    pageFile: (p) => `dist/alpha/${p}`,
    sizeOf: (file) => {
      asked.push(file);
      return sizes[file];
    },
  });
  return { diagnostics, asked };
}

const SIZES = { '_astro/site.css': 20 * KIB, '_astro/toolbar.js': 10 * KIB, 'favicon.svg': 1 * KIB, 'news/feed.xml': 500 * KIB, 'index.html': 10 * KIB, 'news/index.html': 10 * KIB };

describe('LAY-09 page weights', () => {
  it('counts the largest srcset candidate of an image, not the others, nor feeds', () => {
    const img = '<img src="/_astro/p_720.webp" srcset="/_astro/p_360.webp 360w, /_astro/p_1440.webp 1440w, /_astro/p_720.webp 720w" alt="">';
    const sizes = { ...SIZES, 'news/a/index.html': 10 * KIB, '_astro/p_360.webp': 300 * KIB, '_astro/p_720.webp': 300 * KIB, '_astro/p_1440.webp': 80 * KIB };
    // 10 + 20 + 10 + 1 + 80 = 121 KiB: over the budget, under the limit, whichever candidate is largest in bytes.
    const { diagnostics } = run([page('news/a/index.html', `<div class="article__body">${img}</div>`, 'content/alpha/news/a/index.mdx')], sizes);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'LAY-09', severity: 'warn', file: 'content/alpha/news/a/index.mdx' });
    expect(diagnostics[0]!.message).toBe('页面 /news/a/ 首次打开要下载 121 KB（HTML 10 KB、CSS 20 KB、JS 10 KB、图片 81 KB，最大的是 /_astro/p_1440.webp（80 KB）），超过内容页的预算 100 KB');
  });

  it('is an error above the limit, on the page file for a page that is not an item; within the budget is nothing', () => {
    const sizes = { ...SIZES, 'big.png': 250 * KIB };
    const { diagnostics } = run([page('index.html', '<img src="/big.png" alt="">'), page('news/index.html', '<p>列表</p>')], sizes);
    expect(diagnostics.map((d) => [d.file, d.severity])).toEqual([['dist/alpha/index.html', 'error']]);
    expect(diagnostics[0]!.message).toMatch(/^页面 \/ 首次打开要下载 291 KB.*超过首页的上限 200 KB/);
  });

  it('reads the size of each file once for many pages, and resolves relative addresses against the page', () => {
    const pages = Array.from({ length: 50 }, (_, i) => page(`news/p${i}/index.html`, '<img src="./photo.jpg" alt="">', `content/alpha/news/p${i}/index.mdx`));
    const sizes: Record<string, number> = { ...SIZES };
    for (let i = 0; i < 50; i++) Object.assign(sizes, { [`news/p${i}/index.html`]: KIB, [`news/p${i}/photo.jpg`]: KIB });
    const { diagnostics, asked } = run(pages, sizes);
    expect(diagnostics).toEqual([]);
    expect(asked.filter((f) => f === '_astro/site.css')).toHaveLength(1);
    expect(asked).toContain('news/p7/photo.jpg');
    expect(asked).not.toContain('news/feed.xml');
  });
});
