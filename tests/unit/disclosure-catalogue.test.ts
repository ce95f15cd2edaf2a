// OPEN-03 政府信息公开目录 and OPEN-04 政策文件库, from the demo platform's real load (no build):
// which items are entries, the facet pages and what they list, the portal's library across the
// platform with each document's issuer, its status filters, and the build inputs and keys that
// make an edit in a department re-render the portal's library pages.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { toSiteData, type SiteData } from '../../src/render/site-data.ts';
import { catalogueEntries, isCatalogued, type LibraryEntry } from '../../src/render/catalogue-entries.ts';
import { cataloguePages, nameKey, pageParam, type CataloguePage } from '../../src/render/catalogue-pages.ts';
import { republishedFiles } from '../../src/incremental/build-inputs.ts';
import { listPageKeys } from '../../src/incremental/site-keys.ts';
import { withPlatformPortal } from '../../src/incremental/changed-sites.ts';
import { projectRoot } from '../../src/util/paths.ts';
import type { FrontMatter } from '../../src/schema/front-matter-schema.ts';

const NOW = '2026-11-22 10:00';
const SEVEN = ['indexNumber', 'subject', 'issuer', 'writtenDate', 'pubDate', 'docNumber', 'state'];
let sites: Record<string, SiteData>;

beforeAll(async () => {
  const platform = await loadPlatform(projectRoot, NOW);
  sites = Object.fromEntries([...platform].map(([id, site]) => [id, toSiteData(site.model!, NOW)]));
}, 120_000);

const page = (data: SiteData, file: string): CataloguePage => {
  const found = cataloguePages(data).find((p) => p.file === file);
  if (!found) throw new Error(`no page ${file}: ${cataloguePages(data).map((p) => p.file).join(', ')}`);
  return found;
};
const titles = (p: CataloguePage) => p.entries.map((e) => e.title);

describe('which items the catalogue lists (OPEN-03)', () => {
  const base = { title: 't', pubDate: '2026-01-01 10:00', source: '某厅' } as FrontMatter;
  it('a 主动公开 document or a 公文 with no 公开方式; not 依申请公开, 不予公开, a copy by reference or a reprint', () => {
    expect(isCatalogued({ ...base, disclosure: '主动公开' }, false)).toBe(true);
    expect(isCatalogued({ ...base, issuer: '某厅' }, false)).toBe(true);
    expect(isCatalogued({ ...base, docNumber: '某〔2026〕1号' }, false)).toBe(true);
    expect(isCatalogued(base, false)).toBe(false);
    expect(isCatalogued({ ...base, issuer: '某厅', disclosure: '依申请公开' }, false)).toBe(false);
    expect(isCatalogued({ ...base, issuer: '某厅', disclosure: '不予公开', disclosureReason: 'x' }, false)).toBe(false);
    expect(isCatalogued({ ...base, disclosure: '主动公开' }, true)).toBe(false);
    expect(isCatalogued({ ...base, issuer: '某省人民政府', reprint: { site: '某省人民政府', url: 'https://www.mou.gov.cn/a/' } } as FrontMatter, false)).toBe(false);
  });

  it('every entry of the demo sites has its 索引号, issuer, dates and status, and links to its own page', () => {
    for (const [id, data] of Object.entries(sites)) {
      const entries = catalogueEntries(data.items);
      expect(entries.length, id).toBeGreaterThan(0);
      const urls = new Set(data.items.map((item) => item.url));
      for (const entry of entries) {
        expect(urls.has(entry.url), entry.url).toBe(true);
        expect(entry.indexNumber).toMatch(/^\S+\/\d{4}-\d{7}$/);
        expect(entry.pubDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(entry.issuer.length).toBeGreaterThan(1);
      }
    }
  });
});

describe('the catalogue pages of a site (OPEN-03)', () => {
  it('the index lists every entry and the facets with their counts; each facet value has its page', () => {
    const jyt = sites['shili-jyt']!;
    const index = page(jyt, 'xxgk/index.html');
    expect(index.entries).toHaveLength(4);
    expect(index.entries.every((e) => SEVEN.filter((k) => k in e).length >= 5)).toBe(true);
    expect(index.facets!.subject).toEqual([expect.objectContaining({ key: '11', label: '科技、教育', count: 4, url: '/xxgk/subject/11/' })]);
    expect(index.facets!.genre!.map((f) => [f.label, f.count])).toEqual([['意见', 2], ['通知', 2]]);
    expect(index.facets!.year!.map((f) => f.label)).toEqual(['2026年', '2025年']);
    // A joint document is under each of its issuers; the most prolific issuer first.
    const issuers = index.facets!.issuer!;
    expect(issuers[0]).toMatchObject({ label: '示例省教育厅', count: 4 });
    expect(issuers.find((f) => f.label === '示例省财政厅')).toMatchObject({ count: 2, key: nameKey('示例省财政厅') });
    const finance = page(jyt, `xxgk/issuer/${nameKey('示例省财政厅')}/index.html`);
    expect(finance.facet).toMatchObject({ kind: 'issuer', label: '示例省财政厅' });
    expect(titles(finance)).toContain('示例省教育厅　示例省财政厅关于进一步完善学生资助政策体系的实施意见');
    // Facet pages do not repeat the facet list (a new entry changes the index page only).
    expect(finance.facets).toBeUndefined();
    for (const kind of ['subject', 'issuer', 'genre', 'year'] as const) {
      for (const facet of index.facets![kind]!) {
        const listed = page(jyt, `${facet.url.slice(1)}index.html`);
        expect(listed.entries.length, facet.url).toBe(Math.min(20, facet.count));
      }
    }
  });

  it('the portal: the subject page lists exactly the entries of that subject, with the seven fields', () => {
    const shili = sites.shili!;
    const all = catalogueEntries(shili.items);
    const general = page(shili, 'xxgk/subject/02/index.html');
    expect(titles(general).sort()).toEqual(all.filter((e) => e.subject === '综合政务').map((e) => e.title).sort());
    expect(general.entries.length).toBe(2);
    const repealed = all.find((e) => e.state === 'repealed')!;
    expect(repealed).toMatchObject({ docNumber: expect.stringMatching(/号$/), issuer: expect.any(String), indexNumber: expect.any(String) });
    expect(pageParam('xxgk/index.html')).toBeUndefined();
    expect(pageParam('xxgk/subject/02/page/2/index.html')).toBe('subject/02/page/2');
  });

  it('paginates a long list 20 to a page', () => {
    const data = sites.shili!;
    const many = Array.from({ length: 45 }, (_, i) => ({ ...data.items[0]!, id: `policies/p${i}`, url: `/policies/p${i}/`, indexNumber: `X/2026-${String(i).padStart(7, '0')}`, data: { ...data.items[0]!.data, issuer: '示例省人民政府', disclosure: '主动公开' as const, subject: '综合政务' } }));
    const pages = cataloguePages({ ...data, items: many, library: undefined });
    expect(pages.filter((p) => p.base === '/xxgk/subject/02/').map((p) => [p.file, p.entries.length])).toEqual([
      ['xxgk/subject/02/index.html', 20],
      ['xxgk/subject/02/page/2/index.html', 20],
      ['xxgk/subject/02/page/3/index.html', 5],
    ]);
  });
});

describe('the portal’s policy library (OPEN-04)', () => {
  it('is on the provincial portal only, and lists the policy documents of every site with issuer and site', () => {
    expect(sites['shili-jyt']!.library).toBeUndefined();
    expect(sites.anping!.library).toBeUndefined();
    const library = sites.shili!.library!;
    const aid = library.find((e) => e.title.includes('学生资助政策体系'))!;
    expect(aid).toMatchObject({ site: '示例省教育厅', siteId: 'shili-jyt', issuer: '示例省教育厅　示例省财政厅', docNumber: '示教财〔2026〕15号', url: 'https://jyt.shili.gov.cn/policies/2026-student-financial-aid-opinions/' });
    // The department's 索引号 is its own organizer's, as on its own site.
    const own = catalogueEntries(sites['shili-jyt']!.items).find((e) => e.title === aid.title)!;
    expect(aid.indexNumber).toBe(own.indexNumber);
    expect(new Set(library.map((e) => e.siteId))).toEqual(new Set(['shili', 'shili-jyt', 'anping']));
    // A county's reprint (转载) of the province's document is the province's, listed once.
    expect(library.filter((e) => e.docNumber === '示政发〔2026〕12号').map((e) => e.siteId)).toEqual(['shili']);
    // The portal's own documents link within the site.
    expect(library.filter((e) => e.siteId === 'shili').every((e) => e.url.startsWith('/policies/'))).toBe(true);
    const dates = library.map((e) => e.pubDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('has a page per status, each listing exactly the documents in that state', () => {
    const data = sites.shili!;
    const library = data.library!;
    const index = page(data, 'zcwjk/index.html');
    expect(index.facets!.status!.map((f) => f.label)).toEqual(['现行有效', '已修改', '已废止', '已失效']);
    for (const state of ['valid', 'amended', 'repealed', 'expired'] as const) {
      const listed = page(data, `zcwjk/status/${state}/index.html`).entries as LibraryEntry[];
      expect(listed.map((e) => e.url), state).toEqual(library.filter((e) => e.state === state).slice(0, 20).map((e) => e.url));
      expect(listed.length, state).toBeGreaterThan(0);
    }
  });

  it('declares the other sites’ documents as the portal’s inputs, and a department’s edit changes only library pages', async () => {
    const data = sites.shili!;
    const files = await republishedFiles(projectRoot, data);
    expect(files).toContain(path.join(projectRoot, 'content/shili-jyt/policies/2026-student-financial-aid-opinions.mdx'));
    expect(files.some((f) => f.startsWith(path.join(projectRoot, 'content/shili/')))).toBe(false);
    // The department re-files a document under another subject: on the portal, only the library pages showing it change.
    const library = data.library!.map((e) => (e.title.includes('学生资助政策体系') ? { ...e, subject: '财政、金融、审计' } : e));
    const before = listPageKeys(data);
    const after = listPageKeys({ ...data, library });
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]).sort();
    expect(changed).toEqual(['zcwjk/index.html', 'zcwjk/status/valid/index.html']);
  });

  it('--changed: any site’s change rebuilds the portal too', () => {
    expect([...withPlatformPortal(new Set(['shili-jyt']), ['shili'])].sort()).toEqual(['shili', 'shili-jyt']);
    expect([...withPlatformPortal(new Set(), ['shili'])]).toEqual([]);
  });
});
