// 定时发布 (issue 25): an item whose pubDate is after the build time is not published, listed, fed,
// indexed or linked to until a build at or after its time, and the build says when that is.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

const SCHEDULED = 'content/beta/news/year-end-report.mdx';

/** Every file of a site's output that mentions `text`. */
function filesMentioning(dir: string, text: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|xml|json)$/.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((file) => readFileSync(path.join(dir, file), 'utf8').includes(text));
}

describe('scheduled publishing', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    const item = readText(root, 'content/beta/news/data-week.mdx')
      .replace('测试市数据管理局举办数据开放周活动', '测试市数据管理局发布年终数据报告')
      .replace('pubDate: 2026-11-18 14:00', 'pubDate: 2026-11-25 09:00');
    writeText(root, SCHEDULED, item);
  });
  afterAll(() => removePlatform(root));

  it('leaves an item out until its time, everywhere, and says when to build again', () => {
    const result = runCli(['build', '--root', root, '--site', 'beta', '--now', '2026-11-22 10:00']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain(`定时发布：下一篇 ${SCHEDULED} 将于 2026-11-25 09:00 到期`);
    const site = path.join(root, 'dist/beta');
    expect(existsSync(path.join(site, 'news/year-end-report/index.html'))).toBe(false);
    // Not on the home page, the list, the feeds, the sitemap or in the search index's pages.
    expect(filesMentioning(site, '年终数据报告')).toEqual([]);
    expect(filesMentioning(site, 'year-end-report')).toEqual([]);
  });

  it('does not link a published policy to its interpretation scheduled later', () => {
    writeText(root, 'content/alpha/interpretations/open-data-explained.mdx', '---\ntitle: 《测试市公共数据开放管理办法》解读\npubDate: 2026-11-30 10:00\nsource: 测试市数据管理局\nreviewedBy: 陈静\ninterprets: policies/open-data-rules\n---\n\n解读正文。\n');
    const result = runCli(['build', '--root', root, '--site', 'alpha', '--now', '2026-11-22 10:00']);
    expect(result.status, result.output).toBe(0);
    expect(filesMentioning(path.join(root, 'dist/alpha'), 'open-data-explained')).toEqual([]);
  });

  it('publishes it with a build at or after its time', () => {
    const result = runCli(['build', '--root', root, '--site', 'beta', '--now', '2026-11-25 09:00']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).not.toContain('定时发布');
    const site = path.join(root, 'dist/beta');
    expect(readFileSync(path.join(site, 'news/year-end-report/index.html'), 'utf8')).toContain('年终数据报告');
    expect(filesMentioning(site, 'year-end-report')).toEqual(expect.arrayContaining(['index.html', 'news/index.html', 'sitemap.xml']));
  });
});
