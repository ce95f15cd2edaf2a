// src/build/item-pages-first.ts: an edit's render from the compiled templates writes the item pages first.
import { describe, expect, it } from 'vitest';
import { itemPagesFirst, itemPagesFirstPrerenderer } from '../../src/build/item-pages-first.ts';

const page = (pathname: string, component: string) => ({ pathname, route: { component } });
const paths = [
  page('/404.html', 'templates/pages/404.astro'),
  page('/feeds/news.xml', 'templates/pages/feeds/[column].xml.ts'),
  page('/news/a/', 'templates/pages/[column]/[slug].astro'),
  page('/news/', 'templates/pages/[column]/index.astro'),
  page('/news/b/', 'templates/pages/[column]/[slug].astro'),
  page('/', 'templates/pages/index.astro'),
];

describe('item pages first', () => {
  it('puts the item pages before the others, each group in its own order', () => {
    expect(itemPagesFirst(paths).map((p) => p.pathname)).toEqual(['/news/a/', '/news/b/', '/404.html', '/feeds/news.xml', '/news/', '/']);
  });

  it('leaves paths without item pages as they are', () => {
    const others = paths.filter((p) => !p.pathname.startsWith('/news/'));
    expect(itemPagesFirst(others)).toEqual(others);
  });

  it('reorders the paths of the prerenderer it wraps and keeps the rest of it', async () => {
    const prerenderer = { name: 'astro:default', app: 'state', getStaticPaths: async function (this: { app: string }) { return this.app === 'state' ? paths : []; } };
    const wrapped = itemPagesFirstPrerenderer(prerenderer);
    expect(wrapped.name).toBe('astro:default');
    expect((await wrapped.getStaticPaths()).map((p) => p.pathname).slice(0, 2)).toEqual(['/news/a/', '/news/b/']);
  });
});
