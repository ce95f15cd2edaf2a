// OPEN-03 政府信息公开目录 and OPEN-04 政策文件库, built for real: the demo's catalogue pages list
// the right documents with the seven fields in an accessible table, a department's policy is in
// the provincial portal's library with its issuer and site, the status filters list the right
// documents; and a department re-filing a document under another subject re-renders its facet
// pages and the portal's library pages, giving byte for byte what a full build gives.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_NOW } from '../global-setup.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const page = (root: string, siteId: string, url: string) => readFileSync(path.join(root, 'dist', siteId, url, 'index.html'), 'utf8');

/** The rows of a catalogue or library table: cell texts, the title cell's link first. */
function rows(html: string): Array<{ href: string; cells: string[] }> {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map(([, row]) => ({
    href: /<a href="([^"]+)"/.exec(row!)![1]!,
    cells: [...row!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim()),
  }));
}

describe('the demo build’s catalogue and library', () => {
  let root: string;
  beforeAll(() => {
    root = inject('demoRoot');
  });

  it('the catalogue: an accessible table with the seven fields, a page per facet value (OPEN-03)', () => {
    const html = page(root, 'shili-jyt', 'xxgk');
    expect(html).toMatch(/<caption>全部主动公开文件，第 1 页，共 1 页<\/caption>/);
    const headers = [...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(['标题', '索引号', '主题分类', '发文机关', '成文日期', '发布日期', '发文字号', '有效性']);
    const listed = rows(html);
    expect(listed).toHaveLength(4);
    const aid = listed.find((r) => r.href === '/policies/2026-student-financial-aid-opinions/')!;
    expect(aid.cells.slice(1)).toEqual([expect.stringMatching(/^5900000002\/2026-\d{7}$/), '科技、教育', '示例省教育厅　示例省财政厅', '无', '2026-09-10', '示教财〔2026〕15号', '现行有效']);
    // The item's own information table shows the same 索引号.
    expect(page(root, 'shili-jyt', 'policies/2026-student-financial-aid-opinions')).toContain(`<td>${aid.cells[1]}</td>`);
    // Facet links are plain links to static pages, each listing its documents.
    const facetLinks = [...html.matchAll(/<a href="(\/xxgk\/(?:subject|issuer|genre|year)\/[^"]+)"/g)].map((m) => m[1]!);
    expect(facetLinks).toContain('/xxgk/subject/11/');
    expect(facetLinks).toContain('/xxgk/year/2025/');
    for (const url of facetLinks) expect(existsSync(path.join(root, 'dist', 'shili-jyt', url, 'index.html')), url).toBe(true);
    expect(rows(page(root, 'shili-jyt', 'xxgk/year/2025')).map((r) => r.href)).toEqual(['/policies/2025-vocational-education-integration/']);
    expect(rows(page(root, 'shili-jyt', 'xxgk/subject/11'))).toHaveLength(4);
  });

  it('the portal’s library lists a department’s policy with its issuer and site, linking to that site (OPEN-04)', () => {
    const html = page(root, 'shili', 'zcwjk');
    expect([...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1])).toContain('发布网站');
    const aid = rows(html).find((r) => r.href === 'https://jyt.shili.gov.cn/policies/2026-student-financial-aid-opinions/')!;
    expect(aid.cells).toContain('示例省教育厅　示例省财政厅');
    expect(aid.cells).toContain('示例省教育厅');
    // A department has no library of its own.
    expect(existsSync(path.join(root, 'dist', 'shili-jyt', 'zcwjk'))).toBe(false);
  });

  it('the library’s status filters each list the documents in that state, and every filter page exists (OPEN-04)', () => {
    const all = rows(page(root, 'shili', 'zcwjk'));
    const labels = { valid: '现行有效', amended: '已修改', repealed: '已废止', expired: '已失效' };
    for (const [state, label] of Object.entries(labels)) {
      const listed = rows(page(root, 'shili', `zcwjk/status/${state}`));
      expect(listed.map((r) => r.href), state).toEqual(all.filter((r) => r.cells.at(-1) === label).map((r) => r.href));
      expect(listed.length, state).toBeGreaterThan(0);
    }
    expect(rows(page(root, 'shili', 'zcwjk/status/repealed')).map((r) => r.href)).toContain('/policies/2025-enterprise-registration-measures/');
  });
});

describe('an edit re-renders the catalogue and library pages it changes (OPEN-03, OPEN-04, PUB-04)', () => {
  const SITES = ['shili', 'shili-jyt'];
  const build = (...args: string[]) => runCli(['build', '--root', root, '--now', DEMO_NOW, '--site', 'shili', '--site', 'shili-jyt', ...args]);
  let root: string;
  beforeAll(() => {
    root = copyPlatform('demo');
    const first = build();
    expect(first.status, first.output).toBe(0);
  });
  afterAll(() => removePlatform(root));

  it('a department re-files a document under another subject: its facet pages and the portal’s library follow, as a full build', () => {
    const file = 'content/shili-jyt/policies/2026-compulsory-education-enrollment.mdx';
    const url = '/policies/2026-compulsory-education-enrollment/';
    writeText(root, file, readText(root, file).replace('subject: 科技、教育', 'subject: 劳动、人事、监察'));
    const incremental = build();
    expect(incremental.status, incremental.output).toBe(0);
    // Neither site is rendered whole: the department renders the item and its list pages, the portal its library pages only.
    expect(incremental.output).toMatch(/✔ shili-jyt：\d+ 条内容，\d+ 个页面（只重新渲染了有改动的 1 个内容页和 [1-9]\d* 个列表页）/);
    expect(incremental.output).toMatch(/✔ shili：\d+ 条内容，\d+ 个页面（只重新渲染了有改动的 0 个内容页和 [1-9]\d* 个列表页）/);
    expect(rows(page(root, 'shili-jyt', 'xxgk/subject/15')).map((r) => r.href)).toEqual([url]);
    expect(rows(page(root, 'shili-jyt', 'xxgk/subject/11')).map((r) => r.href)).not.toContain(url);
    const inLibrary = rows(page(root, 'shili', 'zcwjk')).find((r) => r.href === `https://jyt.shili.gov.cn${url}`)!;
    expect(inLibrary.cells).toContain('劳动、人事、监察');

    const fresh = path.join(root, 'fresh-dist');
    const full = build('--out', fresh, '--force');
    expect(full.status, full.output).toBe(0);
    for (const siteId of SITES) expect(treeHashes(path.join(root, 'dist', siteId)), siteId).toEqual(treeHashes(path.join(fresh, siteId)));
    rmSync(fresh, { recursive: true, force: true });
  });
});
