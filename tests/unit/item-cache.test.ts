// The item cache of the build and the full check (src/incremental/item-cache.ts), on the mini fixture:
// a file unchanged since the last load keeps its findings, and anything its findings depend on
// (its bytes, the site's configuration, the files beside it) makes it load and check again.
// Its run through the CLI (npm run check): tests/integration/check-cli.test.ts.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ItemCache, type CachedItem } from '../../src/incremental/item-cache.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { makeCjkPdf } from '../helpers/pdf.ts';
import { copyPlatform, readText, removePlatform, writeText } from '../helpers/platform.ts';

const NOW = '2026-11-22 10:00';
const NEWS = 'content/alpha/news/autumn-planting.mdx';
const POLICY = 'content/alpha/policies/open-data-rules/index.mdx';

let root: string;
beforeEach(() => {
  root = copyPlatform('mini');
});
afterEach(() => removePlatform(root));

/** Loads the platform through the cache, as the build does, and saves the cache. */
async function loadCached() {
  const cache = await ItemCache.open(root);
  const platform = await loadPlatform(root, NOW, { itemCache: cache });
  await cache.save();
  return platform;
}

/** What a load found: every site's diagnostics and items, bodies included. */
const summary = (platform: Awaited<ReturnType<typeof loadPlatform>>) =>
  [...platform.values()].map((site) => ({
    id: site.id,
    diagnostics: site.diagnostics,
    items: site.source?.items.map((item) => ({ id: item.id, data: item.data, body: item.body, bodyFirstLine: item.bodyFirstLine, relations: item.relations })),
  }));

const findings = (platform: Awaited<ReturnType<typeof loadPlatform>>, file: string) =>
  [...platform.values()].flatMap((site) => site.diagnostics).filter((d) => d.file === file).map((d) => d.ruleId);

/** Forges the cached result of `file`: only a cache hit can produce the forged title. */
async function forge(file: string) {
  const cache = await ItemCache.open(root);
  await loadPlatform(root, NOW, { itemCache: cache });
  const { key, ...real } = (cache as unknown as { seen: Map<string, CachedItem & { key: string }> }).seen.get(file)!;
  cache.set(file, key, { ...real, data: { ...real.data!, title: '缓存里的标题' } });
  await cache.save();
}
const titleOf = (platform: Awaited<ReturnType<typeof loadPlatform>>, file: string) =>
  [...platform.values()].flatMap((site) => site.source?.items ?? []).find((item) => item.file === file)?.data.title;

describe('item cache (build and full check)', () => {
  it('names the item files new, changed or gone since the last run (the build builds their sites first)', async () => {
    const run = async () => {
      const cache = await ItemCache.open(root);
      await loadPlatform(root, NOW, { itemCache: cache });
      const changed = cache.changedFiles();
      await cache.save();
      return changed;
    };
    expect((await run()).length).toBeGreaterThan(3);
    expect(await run()).toEqual([]);
    writeText(root, NEWS, `${readText(root, NEWS)}\n补充一句。\n`);
    expect(await run()).toEqual([NEWS]);
    // A new file: it, and the files beside it (their keys cover their folder's file names).
    const added = 'content/alpha/news/winter-sowing.mdx';
    writeText(root, added, readText(root, NEWS).replace(/^title: .*$/m, 'title: 冬季播种'));
    const withAdded = await run();
    expect(withAdded).toEqual(expect.arrayContaining([added]));
    expect(withAdded.every((file) => file.startsWith('content/alpha/news/'))).toBe(true);
    rmSync(path.join(root, added));
    expect(await run()).toEqual(expect.arrayContaining([added]));
  });

  it('tells which items are gone since the last load', async () => {
    const run = async () => {
      const cache = await ItemCache.open(root);
      await loadPlatform(root, NOW, { itemCache: cache });
      const gone = cache.goneFiles();
      await cache.save();
      return gone;
    };
    expect(await run()).toEqual([]);
    const added = 'content/alpha/news/winter-sowing.mdx';
    writeText(root, added, readText(root, NEWS).replace(/^title: .*$/m, 'title: 冬季播种'));
    expect(await run()).toEqual([]);
    rmSync(path.join(root, added));
    expect(await run()).toEqual([added]);
  });

  it('gives exactly what a load without cache gives, the first time and the next', async () => {
    const fresh = summary(await loadPlatform(root, NOW));
    expect(summary(await loadCached())).toEqual(fresh);
    expect(summary(await loadCached())).toEqual(fresh);
    // Field positions of cached items are found on demand, as the relations checks need them.
    const cached = [...(await loadCached()).values()].flatMap((s) => s.source?.items ?? []).find((i) => i.file === POLICY)!;
    const direct = [...(await loadPlatform(root, NOW)).values()].flatMap((s) => s.source?.items ?? []).find((i) => i.file === POLICY)!;
    for (const field of [['title'], ['docNumber'], ['attachments', 0, 'file']]) expect(cached.locate(field)).toEqual(direct.locate(field));
  });

  it('serves an unchanged file from the cache', async () => {
    await forge(NEWS);
    expect(titleOf(await loadCached(), NEWS)).toBe('缓存里的标题');
    // Without the cache (as with --force), the file is read.
    expect(titleOf(await loadPlatform(root, NOW), NEWS)).not.toBe('缓存里的标题');
  });

  it('loads and checks a changed file again, with its new findings', async () => {
    await loadCached();
    const text = readText(root, NEWS);
    writeText(root, NEWS, text.replace(/\n\n/, '\n\n联系人身份证号 11010519491231002X。\n\n'));
    expect(findings(await loadCached(), NEWS)).toContain('CONT-07');
    writeText(root, NEWS, text);
    expect(findings(await loadCached(), NEWS)).not.toContain('CONT-07');
  });

  it('checks an item again when a file beside it goes missing or becomes empty (CONT-12)', async () => {
    await forge(POLICY);
    const csv = path.join(root, 'content/alpha/policies/open-data-rules/implementation-rules.csv');
    writeFileSync(csv, '');
    expect(titleOf(await loadCached(), POLICY)).not.toBe('缓存里的标题');
    expect(findings(await loadCached(), POLICY)).toContain('CONT-12');
    rmSync(csv);
    expect(findings(await loadCached(), POLICY)).toContain('CONT-12');
  });

  it('checks a data release again when one digit of its data file changes, size unchanged (CONT-15)', async () => {
    const item = 'content/alpha/data/2026-cpi/index.mdx';
    writeText(root, item, '---\ntitle: 测试市居民消费价格\npubDate: 2026-10-24 10:00\nsource: 测试市统计局\nreviewedBy: 刘敏\ndata:\n  file: cpi.csv\n  columns: [{ name: 月份 }, { name: 涨幅, type: number, unit: "%" }]\n---\n\n正文。\n');
    writeText(root, 'content/alpha/data/2026-cpi/cpi.csv', '月份,涨幅\n7月,0.2\n');
    expect(findings(await loadCached(), item)).not.toContain('CONT-15');
    writeText(root, 'content/alpha/data/2026-cpi/cpi.csv', '月份,涨幅\n7月,0.x\n');
    expect(findings(await loadCached(), item)).toContain('CONT-15');
  });

  it('checks an item again when its PDF attachment changes, size unchanged (CONT-06 reads its text)', async () => {
    const pdf = path.join(root, 'content/alpha/policies/open-data-rules/catalogue.pdf');
    writeText(root, POLICY, readText(root, POLICY).replace('{ file: implementation-rules.csv,', '{ file: catalogue.pdf,'));
    writeFileSync(pdf, makeCjkPdf([['公开★10年']], { compress: false }));
    expect(findings(await loadCached(), POLICY)).not.toContain('CONT-06');
    const marked = makeCjkPdf([['机密★10年']], { compress: false });
    expect(marked.length).toBe(readFileSync(pdf).length);
    writeFileSync(pdf, marked);
    expect(findings(await loadCached(), POLICY)).toContain('CONT-06');
  });

  it('keeps the other items of a column cached when one of them is edited', async () => {
    await forge(NEWS);
    const other = 'content/alpha/news/city-work-meeting.mdx';
    writeText(root, other, `${readText(root, other)}\n又一段正文，长短不同。\n`);
    expect(titleOf(await loadCached(), NEWS)).toBe('缓存里的标题');
  });

  it('checks a site’s items again when its configuration changes (CONT-14 先审后发)', async () => {
    await forge(NEWS);
    const siteYaml = 'sites/alpha/site.yaml';
    writeText(root, siteYaml, `${readText(root, siteYaml)}\n# 注释也是一次修改\n`);
    // Comments do not change the configuration: still cached.
    expect(titleOf(await loadCached(), NEWS)).toBe('缓存里的标题');
    writeText(root, siteYaml, `${readText(root, siteYaml)}review: { required: false }\n`);
    expect(titleOf(await loadCached(), NEWS)).not.toBe('缓存里的标题');
  });

  it('starts empty from a damaged cache file, and keeps one cache file', async () => {
    await loadCached();
    const dir = path.join(root, '.cache', 'govsite');
    const [file] = readdirSync(dir).filter((n) => n.startsWith('items-'));
    writeFileSync(path.join(dir, file!), '{ not json');
    expect(summary(await loadCached())).toEqual(summary(await loadPlatform(root, NOW)));
    expect(readdirSync(dir).filter((n) => n.startsWith('items-'))).toHaveLength(1);
  });
});
