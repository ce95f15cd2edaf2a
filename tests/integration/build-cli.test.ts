// The build command end to end, on throwaway copies of the `mini` fixture platform: real
// Astro builds, real files, the real exit status.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputs } from '../helpers/bad-inputs.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];

describe('npm run build on a platform', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
  });
  afterAll(() => removePlatform(root));

  it('builds every site into dist/<siteId>/ with a progress line per site and a summary', () => {
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(0);
    for (const siteId of ['alpha', 'beta']) {
      expect(existsSync(path.join(root, 'dist', siteId, 'index.html'))).toBe(true);
      expect(result.stdout).toMatch(new RegExp(`✔ ${siteId}：\\d+ 条内容，\\d+ 个页面，用时 \\d+\\.\\ds`));
    }
    expect(result.stdout).toContain('全部 2 个站点构建成功');
    const article = readText(root, 'dist/alpha/news/city-work-meeting/index.html');
    expect(article).toContain('测试市召开全市数字政府建设工作会议');
    expect(article).toContain('<time datetime="2026-11-20T09:30:00+08:00">2026-11-20 09:30</time>');
    // The item's own files sit beside its page, so relative links resolve.
    expect(existsSync(path.join(root, 'dist/alpha/policies/open-data-rules/implementation-rules.csv'))).toBe(true);
    // No staging folders left behind.
    expect(existsSync(path.join(root, 'dist/.building-alpha'))).toBe(false);
  });

  it('gives byte-identical output when the same content is built again', () => {
    // The sites' output; dist/.<siteId>.build.json records mtimes, which a rebuild changes.
    const output = () => ({ alpha: treeHashes(path.join(root, 'dist/alpha')), beta: treeHashes(path.join(root, 'dist/beta')) });
    const first = output();
    // --force: rendered again, not kept by the no-change skip (tests/integration/build-cache.test.ts).
    const result = runCli(['build', '--root', root, '--force', ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(output()).toEqual(first);
  });

  it('builds one site with --site and leaves the others alone', () => {
    const alphaBefore = treeHashes(path.join(root, 'dist/alpha'));
    writeText(root, 'content/beta/news/data-week.mdx', readText(root, 'content/beta/news/data-week.mdx').replace('120 个', '130 个'));
    const result = runCli(['build', '--root', root, '--site', 'beta', ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).not.toContain('alpha');
    expect(readText(root, 'dist/beta/news/data-week/index.html')).toContain('130 个');
    expect(treeHashes(path.join(root, 'dist/alpha'))).toEqual(alphaBefore);
  });

  it('reports progress during a long build: site, pages so far, elapsed time', () => {
    const result = runCli(['build', '--root', root, '--site', 'alpha', '--force', ...NOW], { env: { GOVSITE_PROGRESS_SECONDS: '0.3' } });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/… alpha 构建中：已生成 \d+ 个页面，已用 \d+\.\ds/);
  });

  it('refuses an unknown site id, listing the known ones', () => {
    const result = runCli(['build', '--root', root, '--site', 'gamma', ...NOW]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('没有这个站点：gamma');
    expect(result.stderr).toContain('alpha、beta');
  });
});

describe('a broken site fails alone and keeps its last good output (PUB-03)', () => {
  let root: string;
  let goodAlpha: Record<string, string>;
  beforeAll(() => {
    root = copyPlatform('mini');
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(0);
    goodAlpha = treeHashes(path.join(root, 'dist/alpha'));
  });
  afterAll(() => removePlatform(root));

  it.each(badInputs)('$name: message with file, line and rule; other sites built; old output untouched', (bad) => {
    const copy = copyPlatform('mini');
    try {
      // Start from the same published output as the real platform.
      execFileSync('cp', ['-r', path.join(root, 'dist'), path.join(copy, 'dist')]);
      bad.apply(copy);
      const betaBefore = readFileSync(path.join(copy, 'dist/beta/index.html'));
      const result = runCli(['build', '--root', copy, ...NOW]);
      expect(result.status, result.output).toBe(1);
      // A diagnostic is two lines: location, rule and message; then the fix.
      const lines = result.stdout.split('\n');
      const at = lines.findIndex((line) => line.includes(`[${bad.ruleId}]`) && line.includes(bad.location));
      expect(at, result.output).toBeGreaterThanOrEqual(0);
      expect(`${lines[at]}\n${lines[at + 1]}`).toContain(bad.words);
      expect(lines[at + 1]).toMatch(/^ {4}修改方法：\S/);
      expect(result.stdout).toContain('✘ alpha：构建失败，已发布的 dist/alpha/ 保持不变');
      expect(result.stdout).toMatch(/✔ beta：/);
      expect(treeHashes(path.join(copy, 'dist/alpha'))).toEqual(goodAlpha);
      // beta was rebuilt (same content, so the same bytes) rather than skipped.
      expect(readFileSync(path.join(copy, 'dist/beta/index.html'))).toEqual(betaBefore);
    } finally {
      removePlatform(copy);
    }
  });

  it('keeps the old output when Astro itself fails on an item (a missing image)', () => {
    const copy = copyPlatform('mini');
    try {
      execFileSync('cp', ['-r', path.join(root, 'dist'), path.join(copy, 'dist')]);
      const file = 'content/alpha/policies/open-data-rules/index.mdx';
      writeText(copy, file, readText(copy, file).replace('./hall.png', './hall-missing.png'));
      const result = runCli(['build', '--root', copy, '--site', 'alpha', ...NOW]);
      expect(result.status, result.output).toBe(1);
      expect(result.stdout).toContain('content/alpha/policies/open-data-rules/index.mdx');
      expect(result.stdout).toContain('✘ alpha');
      expect(treeHashes(path.join(copy, 'dist/alpha'))).toEqual(goodAlpha);
    } finally {
      removePlatform(copy);
    }
  });
});

describe('--changed <ref> builds only what a change touched', () => {
  let root: string;
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  beforeAll(() => {
    root = copyPlatform('mini');
    git('init', '-q');
    git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-qm', 'content');
  });
  afterAll(() => removePlatform(root));

  it('builds nothing when nothing changed', () => {
    const result = runCli(['build', '--root', root, '--changed', 'HEAD', ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('没有需要构建的站点');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('builds the site whose content changed, uncommitted or new files included', () => {
    writeText(root, 'content/beta/news/new-item.mdx', readText(root, 'content/beta/news/data-week.mdx').replace('举办数据开放周活动', '发布年度数据开放报告'));
    const result = runCli(['build', '--root', root, '--changed', 'HEAD', ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('有改动的站点：beta');
    expect(existsSync(path.join(root, 'dist/beta/news/new-item/index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/alpha'))).toBe(false);
  });

  it('builds the site whose site.yaml changed', () => {
    writeText(root, 'sites/alpha/site.yaml', readText(root, 'sites/alpha/site.yaml').replace('web@ceshi.gov.cn', 'zwgk@ceshi.gov.cn'));
    const result = runCli(['build', '--root', root, '--changed', 'HEAD', ...NOW]);
    expect(result.stdout).toContain('有改动的站点：alpha、beta');
    expect(readText(root, 'dist/alpha/index.html')).toContain('zwgk@ceshi.gov.cn');
  });

  it('builds every site when only the platform data changed (data/*.yaml: the content rules read it for every site)', () => {
    writeText(root, 'data/sensitive-words.yaml', 'words: [数据开放周]\n');
    const result = runCli(['build', '--root', root, '--changed', 'HEAD', ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('构建全部站点');
    expect(result.stdout).toMatch(/\[CONT-09\].*数据开放周/);
    expect(result.stdout).toMatch(/✔ alpha/);
    expect(result.stdout).toMatch(/✔ beta/);
  });

  it('says so when the ref does not exist', () => {
    const result = runCli(['build', '--root', root, '--changed', 'no-such-branch', ...NOW]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('找不到 git 版本“no-such-branch”');
  });
});
