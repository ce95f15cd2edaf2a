// `npm run check`, the inspection reports and the pre-commit hook, on real platforms.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { checkPlatform } from '../../src/pipeline/check-platform.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { cliEnv, copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

const json = (root: string, file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe('npm run check on the demo platform', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('demo');
  });
  afterAll(() => removePlatform(root));

  it('passes in strict mode with zero errors and zero vetoes, and writes the reports', () => {
    const result = runCli(['check', '--root', root, '--now', '2026-11-22 10:00', '--strict']);
    expect(result.status, result.output).toBe(0);
    for (const siteId of ['shili', 'shili-jyt', 'anping']) {
      const report = json(root, `reports/${siteId}/inspection.json`);
      expect(report.verdict, siteId).toBe('合格');
      expect(report.counts, siteId).toEqual({ error: 0, veto: 0, warn: 0 });
      expect(readText(root, `reports/${siteId}/inspection.html`)).toContain('检查结论：合格');
    }
    expect(result.stdout).toMatch(/shili\s+合格\s+0\s+0\s+0/);
  });

  it('fails strict mode when the home page is stale, with the veto in the report', () => {
    const result = runCli(['check', '--root', root, '--now', '2027-06-01 10:00', '--strict']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('否决 [HEALTH-01]');
    const report = json(root, 'reports/shili/inspection.json');
    expect(report.verdict).toBe('不合格');
    expect(report.inspectedAt).toBe('2027-06-01 10:00');
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'HEALTH-01')).toMatchObject({ severity: 'veto', file: 'sites/shili/site.yaml', ruleTitle: '首页长期未更新' });
    expect(readText(root, 'reports/shili/inspection.html')).toContain('检查结论：不合格');
    // Without --strict a veto is reported but does not fail the command.
    expect(runCli(['check', '--root', root, '--now', '2027-06-01 10:00']).status).toBe(0);
  });

  it('the build runs the same checks: strict mode does not publish a vetoed site', () => {
    const result = runCli(['build', '--root', root, '--site', 'anping', '--now', '2027-06-01 10:00', '--strict']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('否决 [HEALTH-01]');
    expect(result.stdout).toContain('✘ anping：有单项否决项（严格模式），构建失败');
  });

  it('computes annual report figures for a window (REP-02, REP-03)', async () => {
    const result = runCli(['check', '--root', root, '--from', '2026-01-01', '--to', '2026-06-30', '--site', 'shili']);
    expect(result.status, result.output).toBe(0);
    const figures = json(root, 'reports/shili/annual-figures.json');
    const items = (await loadPlatform(root)).get('shili')!.model!.items;
    const inWindow = items.filter((i) => i.data.pubDate >= '2026-01-01 00:00' && i.data.pubDate <= '2026-06-30 23:59');
    expect(figures.统计区间).toEqual({ from: '2026-01-01 00:00', to: '2026-06-30 23:59' });
    expect(figures.信息发布.总数).toBe(inWindow.length);
    expect(figures.政策解读.总数).toBe(inWindow.filter((i) => i.columnId === 'interpretations').length);
    expect(figures.各栏目发布量['工作动态']).toBe(inWindow.filter((i) => i.columnId === 'news').length);
    expect(figures.网站名称).toBe('示例省人民政府');
    expect(json(root, 'reports/shili/inspection.json').window).toEqual({ from: '2026-01-01 00:00', to: '2026-06-30 23:59' });
    expect(readText(root, 'reports/shili/annual-figures.html')).toContain('政府网站工作年度报表');
  });

  it('takes figures content cannot know from the site data file', () => {
    writeText(root, 'sites/shili/annual-figures.yaml', '独立用户访问总量: 1234567\n网站总访问量: 9876543\n');
    runCli(['check', '--root', root, '--site', 'shili', '--now', '2026-11-22 10:00']);
    const figures = json(root, 'reports/shili/annual-figures.json');
    expect(figures.其他数据).toEqual({ 独立用户访问总量: 1234567, 网站总访问量: 9876543 });
    expect(readText(root, 'reports/shili/annual-figures.html')).toContain('9876543');
  });

  it('prints machine-readable reports with --format json', () => {
    const result = runCli(['check', '--root', root, '--now', '2026-11-22 10:00', '--format', 'json', '--site', 'anping']);
    const reports = JSON.parse(result.stdout);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ site: { id: 'anping', name: '安平县人民政府' }, verdict: '合格' });
  });
});

describe('an editor\'s check before committing', () => {
  let root: string;
  const git = (...args: string[]) => spawnSync('git', ['-C', root, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { encoding: 'utf8', env: cliEnv() });
  beforeAll(() => {
    root = copyPlatform('mini');
    execFileSync('git', ['-C', root, 'init', '-q']);
    execFileSync('git', ['-C', root, 'config', 'core.hooksPath', path.join(projectRoot, '.githooks')]);
    git('add', '-A');
    git('commit', '-qm', 'platform', '--no-verify');
  });
  afterAll(() => removePlatform(root));

  it('check --files reports only the given files', () => {
    writeText(root, 'content/alpha/news/heating.mdx', '---\ntitle: 供暖通知\npubDate: 2026/11/20\nsource: 测试市住建局\nreviewedBy: 刘敏\n---\n\n正文。\n');
    const bad = runCli(['check', '--root', root, '--files', path.join(root, 'content/alpha/news/heating.mdx')], { cwd: root });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('content/alpha/news/heating.mdx:3:10  错误 [CONT-01]');
    expect(bad.stdout).not.toContain('HEALTH-');
    const good = runCli(['check', '--root', root, '--files', 'content/alpha/news/autumn-planting.mdx'], { cwd: root });
    expect(good.status, good.output).toBe(0);
    expect(good.stdout).toContain('✔ 所检查的 1 个文件没有发现错误');
  });

  it('the pre-commit hook refuses a commit with an error and accepts it once fixed', () => {
    git('add', 'content/alpha/news/heating.mdx');
    const refused = git('commit', '-qm', 'heating notice');
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('[CONT-01]');
    expect(refused.stderr).toContain('提交已取消');
    writeText(root, 'content/alpha/news/heating.mdx', readText(root, 'content/alpha/news/heating.mdx').replace('2026/11/20', '2026-11-20 09:00'));
    git('add', 'content/alpha/news/heating.mdx');
    const accepted = git('commit', '-qm', 'heating notice');
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
    expect(git('log', '--oneline').stdout).toContain('heating notice');
  });

  it('checks a file with a Chinese name (git would print it quoted and escaped)', () => {
    const svg = 'content/alpha/policies/open-data-rules/示意图.svg';
    writeText(root, svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    git('add', svg);
    const refused = git('commit', '-qm', 'diagram');
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toContain(`${svg}:1`);
    expect(refused.stdout + refused.stderr).toContain('[SEC-03]');
    git('rm', '-q', '--cached', svg);
  });
});

// The item cache (src/incremental/item-cache.ts) through the CLI; its in-process behaviour is
// tests/unit/item-cache.test.ts.
describe('the item cache in npm run check, on the mini fixture', () => {
  const NOW = '2026-11-22 10:00';
  let root: string;
  beforeEach(() => {
    root = copyPlatform('mini');
  });
  afterEach(() => removePlatform(root));

  it('is used by npm run build and npm run check, which then report the same findings', async () => {
    const check = () => runCli(['check', '--root', root, '--now', NOW, '--format', 'json']);
    const first = check();
    expect(readdirSync(path.join(root, '.cache', 'govsite')).some((n) => n.startsWith('items-'))).toBe(true);
    expect(check().output).toBe(first.output);
    const direct = [...(await checkPlatform(root, NOW)).values()].flatMap((s) => s.diagnostics);
    expect((JSON.parse(first.output) as Array<{ findings: unknown[] }>).flatMap((s) => s.findings)).toHaveLength(direct.length);
  });
});
