// PUB-07 引用订阅（同源发布）on the mini fixture: beta (a department site under alpha) republishes
// alpha's policies by reference.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

/** Appends the subscription, keeping `columns:` last in the fixture so the new column lands in it. */
function addSubscription(root: string, subscription: string): void {
  const file = 'sites/beta/site.yaml';
  const text = readText(root, file);
  const withColumn = text.replace(/(columns:\n(?: {2}- .*\n)+)/, `$1  - { id: city-policies, name: 市政府文件, type: 政策文件, description: 引用测试市人民政府政策文件, keywords: [市政府文件] }\n`);
  writeText(root, file, `${withColumn.trimEnd()}\nsubscriptions:\n${subscription}`);
}

describe('checking subscriptions', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
  });
  afterAll(() => removePlatform(root));

  it.each([
    ['a site that is not superior', '  - { site: beta, column: news, into: city-policies }\n', 'subscriptions[0].site', '不是本站的上级网站'],
    ['an unknown site', '  - { site: gamma, column: news, into: city-policies }\n', 'subscriptions[0].site', '不在本平台上'],
    ['an unknown column of the source', '  - { site: alpha, column: polices, into: city-policies }\n', 'subscriptions[0].column', '没有栏目“polices”'],
    ['an unknown item', '  - { site: alpha, items: [policies/no-such], into: city-policies }\n', 'subscriptions[0].items', '没有条目“policies/no-such”'],
    ['an undeclared target column', '  - { site: alpha, column: policies, into: province-policies }\n', 'subscriptions[0].into', '本站没有栏目“province-policies”'],
  ])('reports %s with PUB-07 at its line in site.yaml', async (_name, subscription, field, words) => {
    const copy = copyPlatform('mini');
    try {
      addSubscription(copy, subscription);
      const beta = (await loadPlatform(copy)).get('beta')!;
      const found = beta.diagnostics.filter((d) => d.ruleId === 'PUB-07');
      expect(found, beta.diagnostics.map(formatDiagnostic).join('\n')).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: 'sites/beta/site.yaml', field });
      expect(found[0]!.line).toBeGreaterThan(20);
      expect(found[0]!.message).toContain(words);
      expect(beta.model).toBeUndefined();
    } finally {
      removePlatform(copy);
    }
  });

  it('makes a copy of each source item in the target column, pointing at the original', async () => {
    addSubscription(root, '  - { site: alpha, column: policies, into: city-policies }\n');
    const platform = await loadPlatform(root);
    const beta = platform.get('beta')!;
    expect(beta.diagnostics.map(formatDiagnostic)).toEqual([]);
    const copy = beta.model!.items.find((i) => i.id === 'city-policies/open-data-rules')!;
    expect(copy.data.title).toBe('测试市公共数据开放管理办法');
    expect(copy.referenceOf).toEqual({ key: 'alpha:policies/open-data-rules', siteId: 'alpha', siteName: '测试市人民政府', url: 'https://www.ceshi.gov.cn/policies/open-data-rules/' });
  });
});

describe('building a site with subscriptions', () => {
  let root: string;
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { encoding: 'utf8' });
  const NOW = ['--now', '2026-11-22 10:00'];

  beforeAll(() => {
    root = copyPlatform('mini');
    addSubscription(root, '  - { site: alpha, column: policies, into: city-policies }\n');
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'platform');
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => removePlatform(root));

  it('publishes the copy with the source named, the original as canonical, its body and files', () => {
    const html = readText(root, 'dist/beta/city-policies/open-data-rules/index.html');
    expect(html).toContain('<link rel="canonical" href="https://www.ceshi.gov.cn/policies/open-data-rules/">');
    expect(html).toContain('本文引用自测试市人民政府');
    expect(html).toContain('为规范公共数据开放，制定本办法。');
    expect(html).toContain('href="/city-policies/open-data-rules/implementation-rules.csv"');
    expect(existsSync(path.join(root, 'dist/beta/city-policies/open-data-rules/implementation-rules.csv'))).toBe(true);
    expect(readText(root, 'dist/beta/city-policies/index.html')).toContain('测试市公共数据开放管理办法');
  });

  it('follows a change of the original: --changed rebuilds the subscriber too', () => {
    const file = 'content/alpha/policies/open-data-rules/index.mdx';
    writeText(root, file, readText(root, file).replace('为规范公共数据开放，制定本办法。', '为规范和促进公共数据开放利用，制定本办法。'));
    const result = runCli(['build', '--root', root, '--changed', 'HEAD', ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('有改动的站点：alpha、beta');
    expect(readText(root, 'dist/beta/city-policies/open-data-rules/index.html')).toContain('为规范和促进公共数据开放利用，制定本办法。');
  });
});
