// The index step of the build (SRCH-01, SRCH-03) on throwaway copies of the `mini` platform,
// its city portal and department made provincial ones: every site gets its Pagefind bundle, the portal a
// current copy of the others' bundles whatever order sites are built in, and a site whose index
// fails is not published.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];

describe('search indexes in the build', () => {
  let root: string;
  const entry = (relative: string) => readFileSync(path.join(root, 'dist', relative, 'pagefind-entry.json'), 'utf8');
  beforeAll(() => {
    root = copyPlatform('mini');
    for (const site of ['alpha', 'beta']) {
      writeText(root, `sites/${site}/site.yaml`, readText(root, `sites/${site}/site.yaml`).replace('level: city', 'level: province'));
    }
  });
  afterAll(() => removePlatform(root));

  it('builds a Pagefind bundle per site with its item pages only, in Chinese', () => {
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(0);
    for (const site of ['alpha', 'beta']) {
      const bundle = JSON.parse(entry(`${site}/pagefind`)) as { languages: Record<string, { page_count: number }> };
      expect(Object.keys(bundle.languages)).toEqual(['zh']);
      expect(existsSync(path.join(root, 'dist', site, 'pagefind/pagefind.js'))).toBe(true);
      // Pagefind's own interfaces are not shipped: the search page has its own.
      expect(existsSync(path.join(root, 'dist', site, 'pagefind/pagefind-ui.js'))).toBe(false);
    }
    expect(JSON.parse(entry('alpha/pagefind')).languages.zh.page_count).toBe(4);
    expect(JSON.parse(entry('beta/pagefind')).languages.zh.page_count).toBe(1);
  });

  it('gives the provincial portal a copy of every other site’s bundle, listed with its domain', () => {
    expect(entry('alpha/pagefind-sites/beta')).toBe(entry('beta/pagefind'));
    const sites = JSON.parse(readText(root, 'dist/alpha/pagefind-sites/sites.json'));
    expect(sites).toEqual([{ id: 'beta', name: '测试市数据管理局', baseUrl: 'https://sjj.ceshi.gov.cn/', bundlePath: '/pagefind-sites/beta/', parts: 1 }]);
    expect(existsSync(path.join(root, 'dist/beta/pagefind-sites'))).toBe(false);
  });

  it('refreshes the portal’s copy when another site is built alone', () => {
    writeText(root, 'content/beta/news/data-week.mdx', readText(root, 'content/beta/news/data-week.mdx').replace('120 个', '130 个数据集和接口'));
    const before = entry('beta/pagefind');
    const result = runCli(['build', '--root', root, '--site', 'beta', ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(entry('beta/pagefind')).not.toBe(before);
    expect(entry('alpha/pagefind-sites/beta')).toBe(entry('beta/pagefind'));
    // The index files, without Pagefind's script and WebAssembly (the portal's own run the search).
    const indexFiles = (hashes: Record<string, string>) => Object.fromEntries(Object.entries(hashes).filter(([file]) => !/\.(js|pagefind)$/.test(file)));
    const copy = treeHashes(path.join(root, 'dist/alpha/pagefind-sites/beta'));
    expect(copy).toEqual(indexFiles(treeHashes(path.join(root, 'dist/beta/pagefind'))));
    expect(Object.keys(copy).some((file) => file.endsWith('.pf_fragment'))).toBe(true);
  });

  it('keeps the published site when its index cannot be built', () => {
    const before = treeHashes(path.join(root, 'dist/beta'));
    writeText(root, 'content/beta/news/data-week.mdx', readText(root, 'content/beta/news/data-week.mdx').replace('130 个', '140 个'));
    const result = runCli(['build', '--root', root, '--site', 'beta', ...NOW], { env: { PAGEFIND_EXTENDED_BINARY_PATH: path.join(root, 'no-such-pagefind') } });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('搜索索引构建失败');
    expect(treeHashes(path.join(root, 'dist/beta'))).toEqual(before);
    expect(existsSync(path.join(root, 'dist/.building-beta'))).toBe(false);
  });
});
