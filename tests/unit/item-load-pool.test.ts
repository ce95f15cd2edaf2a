// Items loaded on worker threads (src/rules/item-load-pool.ts) are the items loaded here: the
// same front matter, bodies and findings, for good content and for each bad input of issue 2.
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlatform, type LoadedSite } from '../../src/rules/load-site.ts';
import { ItemLoadPool } from '../../src/rules/item-load-pool.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { badInputs } from '../helpers/bad-inputs.ts';
import { copyPlatform, removePlatform } from '../helpers/platform.ts';

const NOW = '2026-11-22 10:00';
// Every item goes to a worker: none is loaded on this thread first.
const pool = new ItemLoadPool({ threads: 2, loadHereFirst: 0 });
afterAll(() => pool.close());

/** The loaded platform without the field locators (functions), which are compared by calling them. */
function comparable(platform: Map<string, LoadedSite>) {
  return [...platform].map(([id, site]) => ({
    id,
    diagnostics: site.diagnostics,
    items: site.source?.items.map(({ locate: _locate, ...item }) => item),
    model: site.model !== undefined,
  }));
}

describe('the item load pool', () => {
  it('loads the demo platform as the main thread does, locators included', async () => {
    const here = await loadPlatform(projectRoot, NOW);
    const before = pool.loadedOnWorkers;
    const pooled = await loadPlatform(projectRoot, NOW, { pool });
    expect(comparable(pooled)).toEqual(comparable(here));
    expect(pool.loadedOnWorkers - before).toBeGreaterThan(90);
    const items = [...here.values()].flatMap((site) => site.source?.items ?? []);
    expect(items.length).toBeGreaterThan(90);
    const pooledItems = new Map([...pooled.values()].flatMap((site) => site.source?.items ?? []).map((item) => [item.file, item]));
    for (const item of items.slice(0, 20)) {
      for (const field of [['title'], ['pubDate'], ['keywords', 0]]) expect(pooledItems.get(item.file)!.locate(field), `${item.file} ${field}`).toEqual(item.locate(field));
    }
  });

  it('reports a failure on a worker to the caller, as a failure here would be', async () => {
    const broken = { absolute: '/nonexistent/news/a.mdx', file: 'content/x/news/a.mdx', columnId: 'news', slug: 'a' };
    const config = [...(await loadPlatform(projectRoot, NOW)).values()][0]!.source!.config;
    await expect(pool.load(broken, 'x', config, () => Promise.reject(new Error('loaded here')))).rejects.toThrow(/ENOENT/);
  });

  it('gives the same findings for every bad input', async () => {
    for (const bad of badInputs) {
      const root = copyPlatform('mini');
      try {
        bad.apply(root);
        const here = await loadPlatform(root, NOW);
        const pooled = await loadPlatform(root, NOW, { pool });
        expect(comparable(pooled), bad.name).toEqual(comparable(here));
        expect(here.get('alpha')?.diagnostics.some((d) => d.ruleId === bad.ruleId) ?? true, bad.name).toBe(true);
      } finally {
        removePlatform(root);
      }
    }
  });
});
