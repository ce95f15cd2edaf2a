// An edit's render from the page templates compiled by the site's last render
// (src/build/compiled-pages.ts, render-compiled-pages.ts), on a throwaway copy of the `mini`
// fixture: every render that compiles keeps its bundle; an edit whose pages need no MDX module
// renders from it, without Vite, and publishes the bytes a full build gives; an edit of a body
// with an image compiles again (and keeps the new bundle); a damaged bundle is dropped and the
// site rendered in full, with nothing lost.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledPagesDir } from '../../src/build/compiled-pages.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const FROM_COMPILED = 'Astro 渲染（沿用上次编译的页面模板';
let root: string;
let compiled: string;

function build(): string {
  const result = runCli(['build', '--root', root, '--site', 'alpha', '--verbose', ...NOW]);
  expect(result.status, result.output).toBe(0);
  return result.output;
}

/** The published output equals a full build of the same content, file for file. */
function expectFullBuildBytes(): void {
  const fresh = path.join(root, 'fresh-dist');
  rmSync(fresh, { recursive: true, force: true });
  const full = runCli(['build', '--root', root, '--site', 'alpha', '--out', fresh, '--force', ...NOW]);
  expect(full.status, full.output).toBe(0);
  expect(treeHashes(path.join(root, 'dist', 'alpha'))).toEqual(treeHashes(path.join(fresh, 'alpha')));
  rmSync(fresh, { recursive: true, force: true });
}

const keptKey = () => readFileSync(path.join(compiled, 'key'), 'utf8');

beforeAll(() => {
  root = copyPlatform('mini');
  compiled = compiledPagesDir(root, path.join(root, 'dist'), 'alpha');
  build();
});
afterAll(() => {
  removePlatform(root);
  // removePlatform takes the root's kept bundles with it.
  expect(existsSync(compiled)).toBe(false);
});

describe('an edit rendered from the page templates the last render compiled (issue 8)', () => {
  it('a full render keeps its bundle: the prerender modules, Astro internals and the files written before the pages', () => {
    expect(keptKey()).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(path.join(compiled, 'prerender')).some((name) => name.startsWith('prerender-entry'))).toBe(true);
    expect(existsSync(path.join(compiled, 'internals.bin'))).toBe(true);
    expect(readdirSync(path.join(compiled, 'files', '_astro')).some((name) => name.endsWith('.css'))).toBe(true);
  });

  it('a title edit renders from it, without Vite, and publishes the bytes of a full build', () => {
    const fragments = path.join(root, 'dist', 'alpha', 'pagefind', 'fragment');
    const inodes = new Map(readdirSync(fragments).map((name) => [name, statSync(path.join(fragments, name)).ino]));
    const file = 'content/alpha/news/autumn-planting.mdx';
    writeText(root, file, readText(root, file).replace(/^title: .*$/m, 'title: 测试市秋冬种工作全面完成'));
    const output = build();
    // The search part was written over the published one's hashed files (reuse-hashed-files.ts):
    // the unchanged pages' fragments are the published files, not written again.
    const kept = readdirSync(fragments).filter((name) => inodes.get(name) === statSync(path.join(fragments, name)).ino);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(inodes.size);
    expect(output).toContain(FROM_COMPILED);
    // Vite's build and the content sync did not run (Astro's info log names both when they do).
    expect(output).not.toMatch(/\[vite\] ✓ built in|\[content\] Syncing content/);
    // The item page is written before the others (item-pages-first.ts): the search index waits for it.
    const written = [...output.matchAll(/├─ (\/\S+)/g)].map((m) => m[1]);
    expect(written[0]).toBe('/news/autumn-planting/index.html');
    expect(written).toContain('/404.html');
    expect(readText(root, 'dist/alpha/news/autumn-planting/index.html')).toContain('测试市秋冬种工作全面完成');
    expect(readText(root, 'dist/alpha/news/index.html')).toContain('测试市秋冬种工作全面完成');
    expectFullBuildBytes();
  });

  it('an edit of a body with an image compiles again, and keeps that bundle for the next edit', () => {
    const file = 'content/alpha/policies/open-data-rules/index.mdx';
    const before = readFileSync(path.join(compiled, 'internals.bin'));
    writeText(root, file, readText(root, file).replace(/^title: .*$/m, 'title: 测试市公共数据开放实施细则（修订）'));
    const output = build();
    expect(output).not.toContain(FROM_COMPILED);
    expect(output).toContain('[vite] ✓ built in');
    expect(readText(root, 'dist/alpha/policies/open-data-rules/index.html')).toContain('测试市公共数据开放实施细则（修订）');
    expectFullBuildBytes();
    // Kept again by that render (a partial one: its bundle compiled the edited body alone).
    expect(readFileSync(path.join(compiled, 'internals.bin')).equals(before)).toBe(false);
    const news = 'content/alpha/news/city-work-meeting.mdx';
    writeText(root, news, readText(root, news).replace(/^title: (.*)$/m, 'title: $1（更新）'));
    expect(build()).toContain(FROM_COMPILED);
    expectFullBuildBytes();
  });

  it('a damaged bundle is dropped and the site rendered in full: the edit is published, and a new bundle kept', () => {
    writeFileSync(path.join(compiled, 'internals.bin'), 'not a serialized value');
    const file = 'content/alpha/news/autumn-planting.mdx';
    writeText(root, file, readText(root, file).replace(/^title: .*$/m, 'title: 测试市秋冬种工作圆满完成'));
    const output = build();
    expect(output).toContain('alpha：沿用上次编译的页面模板未能渲染，改为完整渲染');
    // The second attempt is a full render, which compiles.
    expect(output).toContain('[vite] ✓ built in');
    expect(output).not.toContain('只重新渲染');
    expect(readText(root, 'dist/alpha/news/autumn-planting/index.html')).toContain('测试市秋冬种工作圆满完成');
    expectFullBuildBytes();
    expect(readFileSync(path.join(compiled, 'internals.bin'), 'utf8')).not.toBe('not a serialized value');
    expect(keptKey()).toMatch(/^[0-9a-f]{64}$/);
  });
});
