// The module the templates import the site data from (plugins/astro-govsite/index.ts): in a build
// it reads the data file when the pages render, so Vite and Rolldown never parse the data; the
// dev server, with no data file, gets the data as a literal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { siteDataModule } from '../../plugins/astro-govsite/index.ts';
import type { SiteData } from '../../src/render/site-data.ts';

// A large site's data: the literal would be this big.
const data = { config: { name: '示例省人民政府' }, items: Array.from({ length: 2000 }, (_, i) => ({ id: `news/item-${i}`, title: `第${i}号通知` })) } as unknown as SiteData;

async function evaluate(source: string, dir: string): Promise<unknown> {
  const file = path.join(dir, `module-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('the site data module', () => {
  it('in a build, reads the data file when evaluated, and holds none of the data itself', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govsite-site-data-'));
    const dataFile = path.join(dir, 'shili.json');
    writeFileSync(dataFile, JSON.stringify(data));
    const source = siteDataModule(data, dataFile);
    expect(source).not.toContain('第1999号通知');
    expect(source.length).toBeLessThan(500);
    expect(await evaluate(source, dir)).toEqual(data);
    rmSync(dir, { recursive: true, force: true });
  });

  it('in the dev server, with no data file, is the data itself', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govsite-site-data-'));
    const source = siteDataModule(data, undefined);
    expect(source).toContain('第1999号通知');
    expect(await evaluate(source, dir)).toEqual(data);
    rmSync(dir, { recursive: true, force: true });
  });
});
