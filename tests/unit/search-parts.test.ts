// The parts of a large site's search index (src/index/search-parts.ts).
import { describe, expect, it } from 'vitest';
import { partOf, searchPartCount } from '../../src/index/search-parts.ts';
import { partKeys } from '../../src/index/search-part-keys.ts';
import { inRenderOrder, itemPageFile } from '../../src/render/rendered-items.ts';

const pages = Array.from({ length: 6000 }, (_, i) => `news/item-${i}/index.html`);

describe('search index parts', () => {
  it('has one part per 1,000 item pages, and at least one', () => {
    expect([0, 1, 1000, 1001, 10_052].map((n) => searchPartCount(n))).toEqual([1, 1, 1, 2, 11]);
    expect(searchPartCount(45, 20)).toBe(3);
  });

  it('puts a page in a part by its path alone, the same on every run, spread evenly', () => {
    // Fixed values: a part that moved between releases would index every site again for nothing.
    expect(partOf('news/a/index.html', 3)).toBe(2);
    expect(partOf('policies/2026-plan/index.html', 5)).toBe(1);
    expect(partOf('news/a/index.html', 1)).toBe(0);
    const counts = [0, 0, 0];
    for (const page of pages) counts[partOf(page, 3)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(1800);
  });

  it('keys a part by its pages: an edit elsewhere keeps the key, a page added or removed in it changes it', () => {
    const keys = partKeys(pages, 3);
    expect(new Set(keys).size).toBe(3);
    expect(partKeys([...pages], 3)).toEqual(keys);
    const removed = pages[10]!;
    const changed = partKeys(pages.filter((page) => page !== removed), 3);
    for (let part = 0; part < 3; part++) expect(changed[part] === keys[part], `part ${part}`).toBe(part !== partOf(removed, 3));
    // Another number of parts: every key differs.
    expect(partKeys(pages, 4).some((key) => keys.includes(key))).toBe(false);
  });

  it('renders item pages part by part, oldest first in each part, whatever the parts', () => {
    // The site data lists items newest first.
    const items = Array.from({ length: 50 }, (_, i) => ({ url: `/news/item-${49 - i}/` }));
    expect(inRenderOrder(items, 1)).toEqual([...items].reverse());
    const ordered = inRenderOrder(items, 3);
    const partsInOrder = ordered.map((item) => partOf(itemPageFile(item), 3));
    expect(partsInOrder).toEqual([...partsInOrder].sort((a, b) => a - b));
    expect(new Set(partsInOrder).size).toBe(3);
    for (let part = 0; part < 3; part++) {
      const numbers = ordered.filter((_, i) => partsInOrder[i] === part).map((item) => Number(item.url.match(/\d+/)![0]));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });
});
