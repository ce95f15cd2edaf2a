// The guess main.ts makes before loading the build (src/build/front-matter-stamps.ts): a render
// is likely when an item's front matter, an item file or a site.yaml changed since the last
// guess; an edit of a body alone, or nothing changed, starts no Astro process early.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderedPartOf, renderLikely } from '../../src/build/front-matter-stamps.ts';
import { copyPlatform, readText, removePlatform, writeText } from '../helpers/platform.ts';

const ITEM = 'content/alpha/news/autumn-planting.mdx';
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removePlatform(root);
});

async function guess(root: string): Promise<boolean> {
  const { likely, saved } = renderLikely(root);
  await saved;
  return likely;
}

async function platform(): Promise<string> {
  const root = copyPlatform('mini');
  roots.push(root);
  // The first guess has no record: a render, as the first build is one.
  expect(await guess(root)).toBe(true);
  expect(await guess(root)).toBe(false);
  return root;
}

describe('whether a build will render, guessed before it loads', () => {
  it('not for a body edited alone, nor for the same file written again', async () => {
    const root = await platform();
    writeText(root, ITEM, `${readText(root, ITEM)}\n补充一段正文。\n`);
    expect(await guess(root)).toBe(false);
    writeText(root, ITEM, readText(root, ITEM));
    expect(await guess(root)).toBe(false);
  });

  it('for a title edited, then not again until the next change', async () => {
    const root = await platform();
    writeText(root, ITEM, readText(root, ITEM).replace('title: 测试市秋冬种工作有序推进', 'title: 测试市秋冬种工作全面推进'));
    expect(await guess(root)).toBe(true);
    expect(await guess(root)).toBe(false);
  });

  it('for an item added or removed, and for a site.yaml edited', async () => {
    const root = await platform();
    writeText(root, 'content/alpha/news/new-item.mdx', readText(root, ITEM));
    expect(await guess(root)).toBe(true);
    rmSync(path.join(root, 'content/alpha/news/new-item.mdx'));
    expect(await guess(root)).toBe(true);
    writeText(root, 'sites/beta/site.yaml', `${readText(root, 'sites/beta/site.yaml')}\n# 注释也算改动\n`);
    expect(await guess(root)).toBe(true);
    expect(await guess(root)).toBe(false);
  });

  it('not for a folder with no content at all', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'govsite-empty-'));
    roots.push(root);
    expect(await guess(root)).toBe(false);
  });

  it('looks at the front matter of an item only, and at all of a site.yaml', () => {
    const item = '---\ntitle: 标题\n---\n\n正文\n';
    expect(renderedPartOf('content/a/news/x.mdx', item)).toBe('title: 标题');
    expect(renderedPartOf('content/a/news/x.mdx', item.replace('正文', '另一段正文'))).toBe('title: 标题');
    expect(renderedPartOf('content/a/news/x.mdx', '没有前置信息')).toBe('');
    expect(renderedPartOf('sites/a/site.yaml', 'name: 测试\n')).toBe('name: 测试\n');
  });
});
