// LAY-09 in real builds: every page is weighed against its type's budget after the render
// (src/rules/output/page-budgets.ts). On a copy of `mini` with its own data/page-budgets.yaml, an
// item whose image takes its page over the budget builds with a LAY-09 warning, and one over the
// hard limit stops the build with LAY-09 naming the page and the sizes, the published output
// staying as it was. The demo platform is within the repository's budgets.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.ts';
import { toSiteData } from '../../src/render/site-data.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { checkOutputLinks } from '../../src/rules/output/check-links.ts';
import { DEMO_NOW } from '../global-setup.ts';
import { item } from '../helpers/findings.ts';
import { noisePng } from '../helpers/images.ts';
import { copyPlatform, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const HEAVY = 'content/alpha/news/heavy-photo/index.mdx';
const HUGE = 'content/alpha/news/huge-photo/index.mdx';
// The mini platform's item pages weigh about 40 KiB without images; as WebP (the largest srcset
// candidate), a noise image of 700×500 weighs about 210 KiB, one of 1440×1000 about 860 KiB
// (measured 2026-12-08).
const BUDGETS = [
  'pageTypes:',
  '  home: { budgetKiB: 2000, limitKiB: 4000 }',
  '  list: { budgetKiB: 2000, limitKiB: 4000 }',
  '  item: { budgetKiB: 150, limitKiB: 600 }',
  '  search: { budgetKiB: 2000, limitKiB: 4000 }',
  '  other: { budgetKiB: 2000, limitKiB: 4000 }',
  '',
].join('\n');

describe('LAY-09: page budgets in npm run build', () => {
  let root: string;
  beforeAll(async () => {
    root = copyPlatform('mini');
    writeText(root, 'data/page-budgets.yaml', BUDGETS);
    writeText(root, HEAVY, item({ title: '秋收现场照片', body: '![秋收现场，农机在田间收割水稻](./photo.png)' }));
    writeText(root, `${path.posix.dirname(HEAVY)}/photo.png`, await noisePng(700, 500));
  });
  afterAll(() => removePlatform(root));

  it('warns with LAY-09 when a page is over its budget and under the limit, and publishes it', () => {
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(new RegExp(`${HEAVY}\\s+警告 \\[LAY-09\\] 页面 /news/heavy-photo/ 首次打开要下载 \\d+ KB（HTML \\d+ KB、CSS \\d+ KB、JS \\d+ KB、图片 \\d+ KB，最大的是 /.*\\.webp（\\d+ KB）），超过内容页的预算 150 KB`));
    // Only that page: the others are within the budgets.
    expect(result.output.match(/\[LAY-09\]/g)).toHaveLength(1);
  });

  it('stops the build with LAY-09 naming the page and its sizes when a page is over the hard limit; the published site stays', async () => {
    const before = treeHashes(path.join(root, 'dist/alpha'));
    writeText(root, HUGE, item({ title: '全景照片', body: '![城市全景](./panorama.png)' }));
    writeText(root, `${path.posix.dirname(HUGE)}/panorama.png`, await noisePng(1440, 1000));
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`${HUGE}\\s+错误 \\[LAY-09\\] 页面 /news/huge-photo/ 首次打开要下载 \\d+ KB（.*图片 \\d+ KB，最大的是 /_astro/panorama[^（]*\\.webp（\\d+ KB）），超过内容页的上限 600 KB，普通网络下 3 秒内打不开，不能发布`));
    expect(treeHashes(path.join(root, 'dist/alpha'))).toEqual(before);
  });
});

describe('LAY-09: the demo platform', () => {
  it('has every page of every site within the repository budgets (data/page-budgets.yaml)', async () => {
    const demo = inject('demoRoot');
    const platform = await loadPlatform(demo, DEMO_NOW);
    expect(platform.size).toBeGreaterThan(1);
    for (const [siteId, loaded] of platform) {
      const outDir = path.join(demo, 'dist', siteId);
      const result = await checkOutputLinks({ outDir, publishedDir: outDir, root: demo, data: toSiteData(loaded.model!, DEMO_NOW) });
      expect(result.diagnostics.filter((d) => d.ruleId === 'LAY-09').map(formatDiagnostic), siteId).toEqual([]);
    }
  });
});
