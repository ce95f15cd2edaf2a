// src/build/compiled-pages.ts: when an edit's render may start from the kept page templates.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteData } from '../../plugins/astro-govsite/site-data.ts';
import { compiledPagesDir, compiledPagesKey, rendersFromCompiledPages } from '../../src/build/compiled-pages.ts';
import type { RenderPlan } from '../../src/build/incremental-render.ts';

const data = { items: [{ id: 'news/a', directBody: true }, { id: 'news/b', directBody: false }] } as unknown as SiteData;
const plan = (render: string[]): RenderPlan => ({ render, previous: { shared: '', items: {}, assets: {} } });

describe('compiled pages', () => {
  it('are keyed by the shared key of the item pages and the path of the data file the pages read', () => {
    const key = compiledPagesKey('shared', '/out/.building-a.json');
    expect(compiledPagesKey('shared', '/out/.building-a.json')).toBe(key);
    expect(compiledPagesKey('shared2', '/out/.building-a.json')).not.toBe(key);
    expect(compiledPagesKey('shared', '/other/.building-a.json')).not.toBe(key);
  });

  it('serve a render whose pages need no MDX module: direct bodies, lists alone, items gone', () => {
    expect(rendersFromCompiledPages(plan(['news/a']), data)).toBe(true);
    expect(rendersFromCompiledPages(plan([]), data)).toBe(true);
    expect(rendersFromCompiledPages(plan(['news/b']), data)).toBe(false);
    expect(rendersFromCompiledPages(plan(['news/a', 'news/b']), data)).toBe(false);
    expect(rendersFromCompiledPages(plan(['news/unknown']), data)).toBe(false);
  });

  it('live in the project per site, content root and output root, named with the root key the bench and tests clear by', () => {
    const dir = compiledPagesDir('/platform', '/platform/dist', 'alpha');
    const rootKey = createHash('sha256').update(path.resolve('/platform')).digest('hex').slice(0, 10);
    expect(path.basename(dir)).toMatch(new RegExp(`^alpha-${rootKey}-[0-9a-f]{10}$`));
    expect(compiledPagesDir('/platform', '/elsewhere', 'alpha')).not.toBe(dir);
    expect(compiledPagesDir('/platform', '/platform/dist', 'beta')).not.toBe(dir);
  });
});
