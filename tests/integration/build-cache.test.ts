// The no-change rebuild (src/incremental/plan-build.ts keeps the published output) on throwaway copies of the `mini` fixture: a
// site whose inputs are unchanged is skipped without touching its output, every class of input
// invalidates it, and output built on top of caches equals a clean build byte for byte.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecordFile } from '../../src/incremental/build-record.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];

/** mtime of every output file: a skipped build must not rewrite any. */
function mtimes(dir: string): Record<string, number> {
  const times: Record<string, number> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) times[path.relative(dir, path.join(entry.parentPath, entry.name))] = statSync(path.join(entry.parentPath, entry.name)).mtimeMs;
  }
  return times;
}

function build(root: string, ...args: string[]) {
  const result = runCli(['build', '--root', root, '--site', 'beta', ...NOW, ...args]);
  expect(result.status, result.output).toBe(0);
  return result;
}

const SKIPPED = '✔ beta：未变化，跳过构建';

describe('rebuilding a site whose inputs did not change', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    // beta republishes alpha's policies (PUB-07): superior items are inputs too.
    const file = 'sites/beta/site.yaml';
    const text = readText(root, file).replace(/(columns:\n(?: {2}- .*\n)+)/, `$1  - { id: city-policies, name: 市政府文件, type: 政策文件, description: 引用测试市人民政府政策文件, keywords: [市政府文件] }\n`);
    writeText(root, file, `${text.trimEnd()}\nsubscriptions:\n  - { site: alpha, column: policies, into: city-policies }\n`);
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => removePlatform(root));

  it('skips the build, says so, and leaves every output file as it was', () => {
    const before = mtimes(path.join(root, 'dist/beta'));
    const hashes = treeHashes(path.join(root, 'dist/beta'));
    // Another time on the same day: the templates only read the date.
    const result = runCli(['build', '--root', root, '--site', 'beta', '--now', '2026-11-22 18:45']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain(SKIPPED);
    expect(result.stdout).toMatch(/beta\s+未变化/);
    expect(mtimes(path.join(root, 'dist/beta'))).toEqual(before);
    expect(treeHashes(path.join(root, 'dist/beta'))).toEqual(hashes);
  });

  it('still runs the governance checks on the sources and reports their findings', () => {
    const result = build(root);
    expect(result.stdout).toContain(SKIPPED);
    // beta's empty columns are reported on every build, skipped or not (HEALTH-04).
    expect(result.stdout).toContain('[HEALTH-04]');
  });

  it('still fails a broken file with file:line and rule ID, keeping the output', () => {
    const hashes = treeHashes(path.join(root, 'dist/beta'));
    const file = 'content/beta/news/data-week.mdx';
    const original = readText(root, file);
    writeText(root, file, original.replace(/^pubDate: .*$/m, 'pubDate: 2026-13-45 09:00'));
    const result = runCli(['build', '--root', root, '--site', 'beta', ...NOW]);
    writeText(root, file, original);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/content\/beta\/news\/data-week\.mdx:\d+:\d+ +错误 \[[A-Z]+-\d+\]/);
    expect(treeHashes(path.join(root, 'dist/beta'))).toEqual(hashes);
    expect(build(root).stdout).toContain(SKIPPED);
  });

  it.each([
    ['an item file', 'content/beta/news/data-week.mdx', (t: string) => t.replace('120 个', '121 个')],
    ['site.yaml', 'sites/beta/site.yaml', (t: string) => t.replace('0590-87654321', '0590-87654322')],
    ['a subscribed superior item', 'content/alpha/policies/open-data-rules/index.mdx', (t: string) => `${t.trimEnd()}\n\n补充说明。\n`],
  ])('rebuilds when %s changes', (_name, file, change) => {
    writeText(root, file, change(readText(root, file)));
    const result = build(root);
    expect(result.stdout).not.toContain(SKIPPED);
    expect(result.stdout).toMatch(/✔ beta：\d+ 条内容/);
    expect(build(root).stdout).toContain(SKIPPED);
  });

  it('rebuilds when a media file of a subscribed item changes (bytes, same name)', () => {
    writeFileSync(path.join(root, 'content/alpha/policies/open-data-rules/implementation-rules.csv'), '字段,说明\n编号,新\n');
    expect(build(root).stdout).not.toContain(SKIPPED);
    expect(readText(root, 'dist/beta/city-policies/open-data-rules/implementation-rules.csv')).toContain('编号,新');
  });

  it('rebuilds on another day: notices and topics depend on the date', () => {
    expect(build(root, '--now', '2026-11-23 08:00').stdout).not.toContain(SKIPPED);
    expect(build(root, '--now', '2026-11-23 09:00').stdout).toContain(SKIPPED);
    expect(build(root).stdout).not.toContain(SKIPPED);
  });

  it('rebuilds when the published output was changed or removed by hand', () => {
    const page = path.join(root, 'dist/beta/news/data-week/index.html');
    writeFileSync(page, 'tampered');
    expect(build(root).stdout).not.toContain(SKIPPED);
    expect(readText(root, 'dist/beta/news/data-week/index.html')).toContain('<html');
    rmSync(buildRecordFile(path.join(root, 'dist'), 'beta'));
    expect(build(root).stdout).not.toContain(SKIPPED);
    expect(build(root).stdout).toContain(SKIPPED);
  });

  it('builds anyway with --force', () => {
    expect(build(root, '--force').stdout).not.toContain(SKIPPED);
  });

  it('gives, after edits and cached rebuilds, byte for byte the output of a clean build', () => {
    const incremental = treeHashes(path.join(root, 'dist/beta'));
    // A clean build: no Astro cache, no previous output, no record.
    rmSync(path.join(root, '.cache'), { recursive: true, force: true });
    const result = runCli(['build', '--root', root, '--site', 'beta', ...NOW, '--out', path.join(root, 'clean')]);
    expect(result.status, result.output).toBe(0);
    expect(treeHashes(path.join(root, 'clean/beta'))).toEqual(incremental);
  });
});

describe('rebuilding the demo platform, provincial portal included', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('demo');
  });
  afterAll(() => removePlatform(root));

  it('skips every site, although publishing the others refreshed the portal’s search copies', () => {
    const first = runCli(['build', '--root', root, ...NOW]);
    expect(first.status, first.output).toBe(0);
    const portal = treeHashes(path.join(root, 'dist/shili'));
    const again = runCli(['build', '--root', root, ...NOW]);
    expect(again.status, again.output).toBe(0);
    for (const siteId of ['shili', 'shili-jyt', 'anping']) expect(again.stdout).toContain(`✔ ${siteId}：未变化，跳过构建`);
    expect(treeHashes(path.join(root, 'dist/shili'))).toEqual(portal);
  });
});

describe('the platform data files are inputs of the checks and the build', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    build(root);
  });
  afterAll(() => removePlatform(root));

  it('re-checks unchanged items and rebuilds when the platform folder’s own data/*.yaml changes', () => {
    // Before: an unchanged item kept its findings from the item cache, and the site was
    // skipped as unchanged, though the word list the content rules read had changed.
    expect(build(root).stdout).toContain(SKIPPED);
    writeText(root, 'data/sensitive-words.yaml', 'words: [数据开放周]\n');
    const result = build(root);
    expect(result.stdout).toMatch(/\[CONT-09\].*数据开放周/);
    expect(result.stdout).not.toContain(SKIPPED);
    // And back: the finding goes with the word.
    writeText(root, 'data/sensitive-words.yaml', 'words: []\n');
    const after = build(root);
    expect(after.stdout).not.toContain('[CONT-09]');
  });
});
