// src/index/reuse-hashed-files.ts and pagefind-meta.ts, with the real Pagefind: a part indexed
// again over the published part's hashed files is byte for byte the part a fresh write gives,
// and the files that did not change are the published ones (links), not written again.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { metaStrings } from '../../src/index/pagefind-meta.ts';
import { linkHashedFiles, removeUnnamedFiles } from '../../src/index/reuse-hashed-files.ts';
import { treeHashes } from '../helpers/platform.ts';

const work = mkdtempSync(path.join(tmpdir(), 'govsite-reuse-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(work, { recursive: true, force: true });
});

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><article data-pagefind-body><h1>${title}</h1><p>${text}</p><span data-pagefind-filter="栏目">政策文件</span></article></body></html>`;

async function writeBundle(pages: Record<string, string>, out: string): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
  for (const [url, html] of Object.entries(pages)) await index!.addHTMLFile({ url, content: html });
  const { errors } = await index!.writeFiles({ outputPath: out });
  expect(errors).toEqual([]);
  await index!.deleteIndex();
}

const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));

describe('a search part written over the published part (issue 8)', async () => {
  const before = {
    '/news/a/': page('关于优化营商环境的若干意见', '进一步优化营商环境，提升政务服务水平。'),
    '/news/b/': page('秋冬种工作全面完成', '全市秋冬种工作已经全面完成。'),
    '/news/c/': page('公共数据开放实施细则', '推进公共数据有序开放。'),
  };
  const after = { ...before, '/news/b/': page('秋冬种工作圆满完成', '全市秋冬种工作已经圆满完成。') };
  const published = path.join(work, 'published');
  const fresh = path.join(work, 'fresh');
  const reused = path.join(work, 'reused');
  await writeBundle(before, published);
  await writeBundle(after, fresh);
  const linked = await linkHashedFiles(published, reused);
  await writeBundle(after, reused);
  const removed = removeUnnamedFiles(reused, linked);

  it('links the published hashed files only: fragments, index chunks, filters and the meta file', () => {
    expect(linked.some((f) => f.startsWith('fragment/'))).toBe(true);
    expect(linked.some((f) => f.startsWith('index/'))).toBe(true);
    expect(linked.some((f) => f.startsWith('filter/'))).toBe(true);
    expect(linked.filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
    expect(linked.some((f) => /pagefind\.js$|entry\.json$|\.pagefind$/.test(f))).toBe(false);
  });

  it('gives the bundle a fresh write gives, byte for byte, without the files of the old title', () => {
    expect(removed).toBeGreaterThan(0);
    expect(treeHashes(reused)).toEqual(treeHashes(fresh));
  });

  it('keeps the unchanged fragments as the published files themselves, not written again', () => {
    const unchanged = files(reused).filter((f) => f.startsWith('fragment/') && files(published).includes(f));
    expect(unchanged).toHaveLength(2);
    for (const f of unchanged) expect(statSync(path.join(reused, f)).ino).toBe(statSync(path.join(published, f)).ino);
  });

  it('reads every hash a meta file names', () => {
    const meta = readdirSync(fresh).find((f) => f.endsWith('.pf_meta'))!;
    const named = metaStrings(readFileSync(path.join(fresh, meta)));
    for (const f of files(fresh).filter((f) => /^(fragment|index|filter)\//.test(f))) expect(named.has(path.basename(f).replace(/\.[^.]+$/, ''))).toBe(true);
    expect(() => metaStrings(Buffer.from('not gzip'))).toThrow();
  });
});
