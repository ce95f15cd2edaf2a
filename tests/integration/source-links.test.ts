// CONT-13 / HEALTH-05 from the sources, across the platform (src/rules/output/source-links.ts),
// on a copy of the two-site `mini` fixture (alpha www.ceshi.gov.cn, beta sjj.ceshi.gov.cn):
// `npm run check`, `check --strict`, the 监测报告 (REP-01), the pre-commit check and the build;
// and the pages the check resolves against (src/render/site-pages.ts) against a real build.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSiteData } from '../../src/render/site-data.ts';
import { GENERATED_FOLDERS, publicFiles, sitePages } from '../../src/render/site-pages.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { listOutputFiles } from '../../src/util/output-files.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { BODY, item } from '../helpers/findings.ts';
import { cliEnv, copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const VALID = 'content/alpha/news/valid-links.mdx';
const TO_ALPHA = 'content/beta/news/city-policy.mdx';
const CROSS = 'content/alpha/news/cross-broken.mdx';
const SAME = 'content/alpha/news/same-broken.mdx';

/** Links to pages that exist but are no items, to another site's item, to attachments: none is broken. */
const VALID_BODY = [
  '[工作动态](/news/)、[政策文件](/policies/)、[首页](/)、[站内搜索](/search/?q=数据)、[网站地图](/sitemap/)、[专题](/topics/)、[无障碍声明](/accessibility/)、[订阅](/feeds/news.xml)、[网站地图文件](/sitemap.xml)、[信息公开目录](/disclosure-catalog/)',
  '[数字政府会议](/news/city-work-meeting/)、[秋冬种](../autumn-planting/)、[公共数据开放管理办法](https://www.ceshi.gov.cn/policies/open-data-rules/)',
  '[公共数据开放目录](/policies/open-data-rules/implementation-rules.csv)、[政务服务中心大厅照片](/policies/open-data-rules/hall.png)、[党政机关网站标识](/conac-badge.svg)',
  '[数据开放周](https://sjj.ceshi.gov.cn/news/data-week/)、[测试市数据管理局](https://sjj.ceshi.gov.cn/)、[数据局工作动态](https://sjj.ceshi.gov.cn/news/)',
].join('\n\n');

/** Output-relative files a link can name besides the generated folders, the public files and the items' own files. */
function builtPages(dir: string): string[] {
  return listOutputFiles(dir)
    .filter((f) => !GENERATED_FOLDERS.some((folder) => f.startsWith(`${folder}/`)) && !publicFiles().has(f))
    .filter((f) => /\.(?:html|xml|txt)$/.test(f) || f.startsWith('feeds/') || f === 'govsite-integrity.json')
    .sort();
}

describe('links across the platform, from the sources (CONT-13, HEALTH-05)', () => {
  let root: string;
  const git = (...args: string[]) => spawnSync('git', ['-C', root, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { encoding: 'utf8', env: cliEnv() });
  const findings = (file: string) => JSON.parse(readText(root, file)).findings as Array<{ ruleId: string; file: string; line?: number; message: string; severity: string }>;

  beforeAll(() => {
    root = copyPlatform('mini');
    writeText(root, VALID, item({ title: '测试市政务公开工作动态汇总', body: VALID_BODY }));
    writeText(root, TO_ALPHA, item({ title: '测试市公共数据开放政策', body: '见[测试市公共数据开放管理办法](https://www.ceshi.gov.cn/policies/open-data-rules/)。' }));
    execFileSync('git', ['-C', root, 'init', '-q']);
    execFileSync('git', ['-C', root, 'config', 'core.hooksPath', path.join(projectRoot, '.githooks')]);
    git('add', '-A');
    git('commit', '-qm', 'platform', '--no-verify');
  });
  afterAll(() => removePlatform(root));

  it('finds no broken link among valid ones: check passes, and the build (which checks its output) agrees', () => {
    const check = runCli(['check', '--root', root, ...NOW]);
    expect(check.status, check.output).toBe(0);
    expect(check.stdout).not.toContain('CONT-13');
    const build = runCli(['build', '--root', root, ...NOW]);
    expect(build.status, build.output).toBe(0);
  });

  it('knows the pages a build writes: the list the check resolves against is the built output', async () => {
    const platform = await loadPlatform(root, NOW[1]);
    for (const siteId of ['alpha', 'beta']) {
      const listed = [...sitePages(toSiteData(platform.get(siteId)!.model!, NOW[1]))].sort();
      expect(listed, siteId).toEqual(builtPages(path.join(root, 'dist', siteId)));
    }
  });

  it('fails npm run check on a link to a missing page of another site of the platform, at file:line', () => {
    writeText(root, CROSS, item({ title: '测试市数据开放工作情况', body: '详见[数据局的报道](https://sjj.ceshi.gov.cn/news/no-such-page/)。' }));
    writeText(root, SAME, item({ title: '测试市会议精神传达', body: '会议情况见\n[会议报道](/news/city-work-meting/)。' }));
    const result = runCli(['check', '--root', root, ...NOW]);
    expect(result.status, result.output).not.toBe(0);
    const lines = result.stdout.split('\n');
    const cross = lines.findIndex((l) => l.startsWith(`${CROSS}:${BODY}:3  错误 [CONT-13]`));
    expect(cross, result.output).toBeGreaterThanOrEqual(0);
    expect(lines[cross]).toContain('本平台网站“测试市数据管理局”（sjj.ceshi.gov.cn）的页面 /news/no-such-page/');
    expect(lines[cross + 1]).toContain('content/beta/news/no-such-page.mdx');
    // The same site: the second line of the body, with the address meant.
    const same = lines.findIndex((l) => l.startsWith(`${SAME}:${BODY + 1}:1  错误 [CONT-13]`));
    expect(same, result.output).toBeGreaterThanOrEqual(0);
    expect(lines[same]).toContain('本站页面 /news/city-work-meting/');
    expect(lines[same + 1]).toContain('是不是要链接 /news/city-work-meeting/');
    // Valid links stay quiet, on both sites.
    expect(result.stdout).not.toMatch(new RegExp(`^(?:${VALID}|${TO_ALPHA}):.*CONT-13`, 'm'));
  });

  it('reports the same from the item cache (a second check parses no body)', () => {
    const again = runCli(['check', '--root', root, ...NOW]);
    expect(again.status).not.toBe(0);
    expect(again.stdout).toContain(`${CROSS}:${BODY}:3  错误 [CONT-13]`);
  });

  it('check --strict says 不合格 with a non-zero status, and the 监测报告 has the findings (REP-01)', () => {
    writeText(root, 'sites/alpha/site.yaml', readText(root, 'sites/alpha/site.yaml').replace('  - { title: 互动交流, column: interaction }\n', '  - { title: 互动交流, column: interaction }\n  - { title: 旧版网站, path: /old-site/ }\n'));
    const result = runCli(['check', '--root', root, ...NOW, '--strict']);
    expect(result.status, result.output).not.toBe(0);
    expect(result.stdout).toMatch(/alpha\s+不合格/);
    expect(JSON.parse(readText(root, 'reports/alpha/inspection.json')).counts.error).toBe(3);
    const report = findings('reports/alpha/inspection.json');
    expect(report).toContainEqual(expect.objectContaining({ ruleId: 'CONT-13', severity: 'error', file: CROSS, line: BODY }));
    expect(report).toContainEqual(expect.objectContaining({ ruleId: 'CONT-13', file: SAME, line: BODY + 1 }));
    const channel = report.find((f) => f.ruleId === 'HEALTH-05');
    expect(channel).toMatchObject({ file: 'sites/alpha/site.yaml', severity: 'error' });
    expect(channel!.message).toContain('/old-site/');
    expect(JSON.parse(readText(root, 'reports/alpha/inspection.json')).verdict).toBe('不合格');
    const html = readText(root, 'reports/alpha/inspection.html');
    expect(html).toContain('检查结论：不合格');
    expect(html).toContain(`<code>${CROSS}:${BODY}</code>`);
    expect(html).toContain('HEALTH-05');
    expect(findings('reports/beta/inspection.json').filter((f) => f.ruleId === 'CONT-13')).toEqual([]);
    git('checkout', '--', 'sites/alpha/site.yaml');
  });

  it('the pre-commit check (check --files, .githooks/pre-commit) reports it too', () => {
    const files = runCli(['check', '--root', root, '--files', CROSS], { cwd: root });
    expect(files.status).toBe(1);
    expect(files.stdout).toContain(`${CROSS}:${BODY}:3  错误 [CONT-13]`);
    expect(runCli(['check', '--root', root, '--files', VALID], { cwd: root }).status).toBe(0);
    git('add', CROSS);
    const refused = git('commit', '-qm', 'broken link');
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toContain(`${CROSS}:${BODY}:3  错误 [CONT-13]`);
    expect(refused.stderr).toContain('提交已取消');
    git('reset', '-q');
  });

  it('a build refuses the site before Astro starts, and a page removed on one site breaks the other\'s link', () => {
    const build = runCli(['build', '--root', root, '--site', 'alpha', ...NOW]);
    expect(build.status).toBe(1);
    expect(build.stdout).toContain(`${CROSS}:${BODY}:3  错误 [CONT-13]`);
    expect(build.stdout).toContain('✘ alpha：构建失败');
    removePlatform(path.join(root, CROSS));
    removePlatform(path.join(root, SAME));
    // Beta's item is gone: alpha's link to it, unchanged, is now broken (and checked from the item cache).
    removePlatform(path.join(root, 'content/beta/news/data-week.mdx'));
    const check = runCli(['check', '--root', root, ...NOW]);
    expect(check.status).not.toBe(0);
    expect(check.stdout).toMatch(new RegExp(`^${VALID}:${BODY + 6}:\\d+  错误 \\[CONT-13\\].*sjj\\.ceshi\\.gov\\.cn.*/news/data-week/`, 'm'));
  });
});
