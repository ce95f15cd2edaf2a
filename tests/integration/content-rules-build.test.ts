// The content rules in a real build of the `mini` platform: a map placed with <MapImage> (no
// import) renders as a figure with its 审图号 caption, and an item with a resident ID number
// stops its site's build with file:line and CONT-07 while the other site still builds.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const MAP_ITEM = 'content/alpha/news/city-map/index.mdx';
const ID_ITEM = 'content/alpha/news/relief-list.mdx';

describe('content rules in npm run build', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    writeText(root, 'content/alpha/news/city-map/map.png', readFileSync(path.join(root, 'content/alpha/policies/open-data-rules/hall.png')));
    writeText(
      root,
      MAP_ITEM,
      [
        '---',
        'title: 测试市行政区划图',
        'pubDate: 2026-11-21 09:00',
        'source: 测试市自然资源和规划局',
        'reviewedBy: 刘敏',
        '---',
        '',
        '测试市现辖 3 个区、2 个县，行政区划如下图。',
        '',
        '<MapImage src="./map.png" alt="测试市行政区划图，标出 3 个区和 2 个县的位置和界线" reviewNumber="GS(2024)1234号" caption="测试市行政区划图" />',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => removePlatform(root));

  it('renders <MapImage> without an import: the image, its alt text and the 审图号 caption', () => {
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(0);
    const html = readText(root, 'dist/alpha/news/city-map/index.html');
    const figure = /<figure class="map-image">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(figure, html).toContain('<img src="./map.png" alt="测试市行政区划图，标出 3 个区和 2 个县的位置和界线"');
    expect(figure).toMatch(/<figcaption>.*测试市行政区划图.*审图号：GS\(2024\)1234号.*<\/figcaption>/);
    expect(existsSync(path.join(root, 'dist/alpha/news/city-map/map.png'))).toBe(true);
  });

  it('fails the site whose item has a resident ID number, with file:line and CONT-07; the other site builds', () => {
    const alphaBefore = treeHashes(path.join(root, 'dist/alpha'));
    writeText(
      root,
      ID_ITEM,
      [
        '---',
        'title: 测试市临时救助对象公示',
        'pubDate: 2026-11-21 10:00',
        'source: 测试市民政局',
        'reviewedBy: 刘敏',
        '---',
        '',
        '经审核，拟对以下人员给予临时救助：',
        '',
        '王某，身份证号 310101199001011234，救助金额 2000 元。',
        '',
      ].join('\n'),
    );
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(1);
    const lines = result.stdout.split('\n');
    const at = lines.findIndex((line) => line.startsWith(`${ID_ITEM}:10:9`) && line.includes('错误 [CONT-07]'));
    expect(at, result.output).toBeGreaterThanOrEqual(0);
    expect(lines[at]).toContain('身份证号码“3101**********1234”');
    expect(lines[at + 1]).toMatch(/^ {4}修改方法：.*privacyReviewed/);
    expect(result.output).not.toContain('310101199001011234');
    expect(result.stdout).toContain('✘ alpha：构建失败，已发布的 dist/alpha/ 保持不变');
    expect(result.stdout).toMatch(/✔ beta：/);
    expect(treeHashes(path.join(root, 'dist/alpha'))).toEqual(alphaBefore);
  });
});
