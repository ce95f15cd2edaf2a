// PUB-03: the new output replaces the old in one rename, and the old tree is deleted afterwards,
// in the background by default (src/publish/swap-directory.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { swapIntoPlace } from '../../src/publish/swap-directory.ts';

const tree = (dir: string, pages: number, text: string) => {
  for (let i = 0; i < pages; i++) {
    mkdirSync(path.join(dir, `news/item-${i}`), { recursive: true });
    writeFileSync(path.join(dir, `news/item-${i}/index.html`), text);
  }
};

describe('PUB-03 swapping a site output into place', () => {
  const roots: string[] = [];
  const setting = process.env.GOVSITE_DISCARD;
  afterEach(() => {
    process.env.GOVSITE_DISCARD = setting;
  });
  const outRoot = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govsite-swap-'));
    roots.push(dir);
    return dir;
  };

  it('publishes the new tree at once and deletes the replaced one in the background', async () => {
    delete process.env.GOVSITE_DISCARD;
    const root = outRoot();
    tree(path.join(root, 'site'), 300, '旧');
    tree(path.join(root, '.building-site'), 300, '新');
    await swapIntoPlace(path.join(root, '.building-site'), path.join(root, 'site'));
    expect(readFileSync(path.join(root, 'site/news/item-7/index.html'), 'utf8')).toBe('新');
    expect(existsSync(path.join(root, '.building-site'))).toBe(false);
    await expect.poll(() => readdirSync(root), { timeout: 20_000 }).toEqual(['site']);
    rmSync(root, { recursive: true, force: true });
  });

  it('deletes it before returning with GOVSITE_DISCARD=inline, and a first output replaces nothing', async () => {
    process.env.GOVSITE_DISCARD = 'inline';
    const root = outRoot();
    tree(path.join(root, '.building-site'), 3, '第一次');
    await swapIntoPlace(path.join(root, '.building-site'), path.join(root, 'site'));
    tree(path.join(root, '.building-site'), 3, '第二次');
    await swapIntoPlace(path.join(root, '.building-site'), path.join(root, 'site'));
    expect(readdirSync(root)).toEqual(['site']);
    expect(readFileSync(path.join(root, 'site/news/item-2/index.html'), 'utf8')).toBe('第二次');
    rmSync(root, { recursive: true, force: true });
  });

  it('leaves the old output in place when the new one cannot be moved there', async () => {
    const root = outRoot();
    tree(path.join(root, 'site'), 2, '旧');
    await expect(swapIntoPlace(path.join(root, '.building-missing'), path.join(root, 'site'))).rejects.toThrow();
    expect(readdirSync(root)).toEqual(['site']);
    expect(readFileSync(path.join(root, 'site/news/item-1/index.html'), 'utf8')).toBe('旧');
    rmSync(root, { recursive: true, force: true });
  });
});
