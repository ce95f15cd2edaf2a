// Patching an edited plain body into its published page (src/render/body-patch.ts): where the body
// is cut, what is never cut, and which edits may be patched at all. That a patched site equals a
// full build is tests/integration/incremental-render.test.ts; that the body's HTML is the page's,
// tests/integration/direct-body.test.ts.
import { describe, expect, it } from 'vitest';
import { BODY_CLOSE, BODY_OPEN, bodyOnlyEdit, bodyRange, replaceBody, siteDataKey } from '../../src/render/body-patch.ts';
import type { RenderPlan } from '../../src/incremental/incremental-render.ts';
import type { ItemSummary, SiteData } from '../../src/render/site-data.ts';

const page = (body: string, after = '<ul class="attachments"><li>附件</li></ul>') =>
  `<html><body><div class="page"><article><h1>标题</h1>${BODY_OPEN}${body}${BODY_CLOSE}${after}</article></div></body></html>`;

describe('bodyRange: where the body is in an item page', () => {
  it('is between the wrapper and its template spaces, nested divs and quoted ">" included', () => {
    const body = '<p>第一段。</p>\n<div class="note"><div>嵌套</div></div>\n<p><a href="/a/" title="a > b">链接</a></p>';
    const html = page(body);
    const range = bodyRange(html)!;
    expect(html.slice(...range)).toBe(body);
  });

  it('an empty body', () => {
    const html = page('');
    expect(html.slice(...bodyRange(html)!)).toBe('');
  });

  it('is not found in a page without the wrapper, with two of them, or with the wrapper never closed', () => {
    expect(bodyRange('<html><body><p>无正文</p></body></html>')).toBeUndefined();
    expect(bodyRange(page(`<p>甲</p>${BODY_CLOSE}${BODY_OPEN}<p>乙</p>`))).toBeUndefined();
    expect(bodyRange(`<div class="article__body"> <p>未闭合</p>`)).toBeUndefined();
  });

  it('is not cut where the markup is not plain elements: a comment, a script, a style, a stray "<"', () => {
    for (const body of ['<!-- <div> -->', '<script>if (a < b) {}</script>', '<style>p{}</style>', '<p>a < b</p>', '<textarea></div></textarea>']) {
      expect(bodyRange(page(body)), body).toBeUndefined();
    }
  });

  it('is not cut when the wrapper does not end with the template space', () => {
    expect(bodyRange(`${BODY_OPEN}<p>正文</p></div>`)).toBeUndefined();
  });
});

describe('replaceBody', () => {
  it('puts the new body in the old one’s place and keeps every other byte', () => {
    const old = page('<p>旧的正文。</p>');
    const patched = replaceBody(old, '<p>新的正文。</p>\n<p>第二段。</p>')!;
    expect(patched).toBe(page('<p>新的正文。</p>\n<p>第二段。</p>'));
    // A patched page can be patched again.
    expect(replaceBody(patched, '<p>再改。</p>')).toBe(page('<p>再改。</p>'));
  });

  it('refuses a new body that could not be found again (an unclosed div, a comment)', () => {
    expect(replaceBody(page('<p>旧</p>'), '<div><p>新</p>')).toBeUndefined();
    expect(replaceBody(page('<p>旧</p>'), '<p>新</p><!-- x -->')).toBeUndefined();
  });
});

const item = (id: string, more: Partial<ItemSummary> = {}): ItemSummary =>
  ({ id, columnId: 'news', slug: id, url: `/news/${id}/`, file: `content/s/news/${id}.mdx`, summary: '', data: {}, relations: {}, directBody: true, ...more }) as ItemSummary;

const data = (items: ItemSummary[], now = '2026-11-22 10:00'): SiteData => ({ id: 's', config: {} as SiteData['config'], items, leaving: [], now, notices: {} as SiteData['notices'], searchParts: 1 });

const planOf = (render: string[], previous: string[], renderListPages: string[] = []): RenderPlan => ({
  render,
  renderListPages,
  previous: { shared: 'k', items: Object.fromEntries(previous.map((id) => [id, 'old'])), assets: {} },
});

describe('bodyOnlyEdit: which edits are patched', () => {
  const items = [item('a'), item('b'), item('c', { directBody: false }), item('d', { assetBase: '/news/d/' }), item('e', { url: '/files/e.pdf' })];
  const site = data(items);
  const key = siteDataKey(site);
  const all = items.map((i) => i.id);

  it('plain bodies of items published before, with the site data as published', () => {
    expect(bodyOnlyEdit(planOf(['a', 'b'], all), site, key, key)?.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('not when the site data changed, a list page is rendered, or nothing is rendered', () => {
    expect(bodyOnlyEdit(planOf(['a'], all), site, 'other', key)).toBeUndefined();
    expect(bodyOnlyEdit(planOf(['a'], all), site, undefined, key)).toBeUndefined();
    expect(bodyOnlyEdit(planOf(['a'], all, ['news/index.html']), site, key, key)).toBeUndefined();
    // Without a list of list pages to render, all of them are.
    expect(bodyOnlyEdit({ ...planOf(['a'], all), renderListPages: undefined }, site, key, key)).toBeUndefined();
    expect(bodyOnlyEdit(planOf([], all), site, key, key)).toBeUndefined();
    expect(bodyOnlyEdit(undefined, site, key, key)).toBeUndefined();
  });

  it('not for a body Astro compiles, an item with files, an item without a page, or a new item', () => {
    for (const id of ['c', 'd', 'e']) expect(bodyOnlyEdit(planOf(['a', id], all), site, key, key), id).toBeUndefined();
    expect(bodyOnlyEdit(planOf(['a'], ['b', 'c']), site, key, key)).toBeUndefined();
  });

  it('the key: the same for the same data whatever the render restriction or the time of day, else different', () => {
    expect(siteDataKey({ ...site, renderOnly: ['a'], renderListPages: [] })).toBe(key);
    expect(siteDataKey(data(items, '2026-11-22 18:30'))).toBe(key);
    expect(siteDataKey(data(items, '2026-11-23 10:00'))).not.toBe(key);
    expect(siteDataKey(data([item('a', { summary: '新摘要' }), ...items.slice(1)]))).not.toBe(key);
  });
});
