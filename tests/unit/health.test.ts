// HEALTH-01…04, 06, 07: the inspection indicators, computed against a fixed time.
import { describe, expect, it } from 'vitest';
import { checkHealth } from '../../src/rules/health/index.ts';
import { columnKind, freshnessPeriod } from '../../src/rules/health/freshness-periods.ts';
import type { ContentItem } from '../../src/content/items.ts';
import { frontMatterSchema } from '../../src/schema/front-matter-schema.ts';
import { siteSchema, type SiteConfig } from '../../src/schema/site-schema.ts';

const NOW = '2026-11-22 10:00';

function site(columns: Array<[id: string, name: string, type: string, extra?: Record<string, unknown>]>, kind: 'portal' | 'department' = 'portal'): SiteConfig {
  return siteSchema.parse({
    name: '测试市人民政府',
    kind,
    level: 'city',
    ...(kind === 'department' ? { parent: 'alpha' } : {}),
    organizer: '测试市人民政府办公室',
    domain: 'www.ceshi.gov.cn',
    siteCode: '5900990001',
    icp: '示ICP备05009901号-1',
    publicSecurityRecord: '示公网安备59099002000001号',
    conacId: 'bm59099001',
    contact: { phone: '0590-87654321' },
    colors: { primary: '#9b1c1c' },
    channels: [],
    columns: columns.map(([id, name, type, extra]) => ({ id, name, type, description: name, keywords: [], ...extra })),
  });
}

let n = 0;
function item(columnId: string, pubDate: string, extra: Record<string, unknown> = {}): ContentItem {
  n++;
  return {
    id: `${columnId}/item-${n}`,
    siteId: 'alpha',
    columnId,
    slug: `item-${n}`,
    url: `/${columnId}/item-${n}/`,
    file: `content/alpha/${columnId}/item-${n}.mdx`,
    bodyFirstLine: 6,
    body: '正文',
    data: frontMatterSchema.parse({ title: `条目${n}`, pubDate, source: '测试', reviewedBy: '审核', ...extra }),
    locate: () => ({ line: 1, column: 1 }),
  };
}

const locate = (path: readonly (string | number)[]) => ({ line: path[0] === 'columns' && typeof path[1] === 'number' ? 10 + path[1] : 1, column: 5 });
const check = (config: SiteConfig, items: ContentItem[], now = NOW) => checkHealth({ siteId: 'alpha', config, items, file: 'sites/alpha/site.yaml', locate, now });

const HEALTHY: Array<[string, string, string]> = [
  ['news', '工作动态', '工作动态'],
  ['policies', '政策文件', '政策文件'],
  ['services', '办事服务', '办事服务'],
  ['interaction', '互动交流', '咨询投诉'],
];
const fresh = () => [item('news', '2026-11-20 09:00'), item('policies', '2026-10-01 09:00'), item('services', '2025-03-01 09:00'), item('interaction', '2025-01-01 09:00')];

describe('column kinds and periods', () => {
  it('knows the periods of the indicators', () => {
    const column = (name: string, type: string, extra = {}) => site([['c', name, type, extra]]).columns[0]!;
    expect(freshnessPeriod(column('工作动态', '工作动态'))).toBe(14);
    expect(freshnessPeriod(column('通知公告', '工作动态'))).toBe(183);
    expect(columnKind(column('通知公告', '工作动态'))).toBe('notice');
    expect(freshnessPeriod(column('政策文件', '政策文件'))).toBe(183);
    expect(freshnessPeriod(column('人事信息', '概况信息'))).toBe(365);
    expect(freshnessPeriod(column('财政预决算', '信息公开目录'))).toBe(365);
    expect(freshnessPeriod(column('机构职能', '机构职能'))).toBeUndefined();
    expect(freshnessPeriod(column('工作动态', '工作动态', { freshnessDays: 7 }))).toBe(7);
  });

  it('HEALTH-02: a declaration tightens the national period, never loosens it (issue 25)', () => {
    const column = (name: string, type: string, extra = {}) => site([['c', name, type, extra]]).columns[0]!;
    expect(freshnessPeriod(column('市县动态', '工作动态', { freshnessDays: 30 }))).toBe(14);
    expect(freshnessPeriod(column('工作动态', '工作动态', { freshnessDays: 365 }))).toBe(14);
    expect(freshnessPeriod(column('通知公告', '工作动态', { freshnessDays: 400 }))).toBe(183);
    // A column of no national kind keeps what it declares.
    expect(freshnessPeriod(column('数据发布', '数据发布', { freshnessDays: 92 }))).toBe(92);
  });
});

describe('HEALTH indicators', () => {
  it('finds nothing on a healthy site', () => {
    expect(check(site(HEALTHY), fresh())).toEqual([]);
  });

  it('HEALTH-01: vetoes a home page with nothing new for 14 days', () => {
    const items = fresh();
    const found = check(site(HEALTHY), items, '2026-12-04 08:59');
    expect(found.filter((d) => d.ruleId === 'HEALTH-01')).toEqual([]);
    const late = check(site(HEALTHY), items, '2026-12-04 09:00');
    expect(late.find((d) => d.ruleId === 'HEALTH-01')).toMatchObject({ severity: 'veto', file: 'sites/alpha/site.yaml' });
    expect(late.find((d) => d.ruleId === 'HEALTH-01')!.message).toContain('14 天没有更新');
  });

  it('HEALTH-01: counts only what the home page shows (issue 25)', () => {
    // A new service guide: the home page has no section for 办事服务, so it is not updated.
    const items = [item('news', '2026-10-01 09:00'), item('policies', '2026-10-01 09:00'), item('services', '2026-11-21 09:00'), item('interaction', '2026-11-21 09:00')];
    const found = check(site(HEALTHY), items);
    expect(found.find((d) => d.ruleId === 'HEALTH-01')).toMatchObject({ severity: 'veto' });
    expect(found.find((d) => d.ruleId === 'HEALTH-01')!.fix).toContain('工作动态、政策文件');
    // The same item marked important is in 要闻, on the home page; and a sub-column's item is in its parent's section.
    expect(check(site(HEALTHY), [...items, item('services', '2026-11-21 09:00', { important: true })]).map((d) => d.ruleId)).not.toContain('HEALTH-01');
    const withSub = site([...HEALTHY, ['county-news', '县区动态', '工作动态', { parent: 'news' }]]);
    expect(check(withSub, [...items, item('county-news', '2026-11-21 09:00')]).map((d) => d.ruleId)).not.toContain('HEALTH-01');
  });

  it('HEALTH-01: items scheduled after the inspection time do not count as new', () => {
    const found = check(site(HEALTHY), [...fresh().slice(1), item('news', '2026-12-30 09:00')]);
    expect(found.map((d) => d.ruleId)).toContain('HEALTH-01');
  });

  it('HEALTH-02: warns per stale column, vetoes at 5 stale news/notice/policy columns', () => {
    const columns: Array<[string, string, string]> = [...HEALTHY, ['n1', '要闻', '工作动态'], ['n2', '部门动态', '工作动态'], ['n3', '通知公告', '工作动态'], ['n4', '公示公告', '工作动态']];
    const old = [item('n1', '2026-10-01 09:00'), item('n2', '2026-10-01 09:00'), item('n3', '2026-03-01 09:00'), item('n4', '2026-03-01 09:00')];
    const four = check(site(columns), [...fresh(), ...old]);
    expect(four.filter((d) => d.ruleId === 'HEALTH-02').map((d) => d.severity)).toEqual(['warn', 'warn', 'warn', 'warn']);
    expect(four.find((d) => d.ruleId === 'HEALTH-02')).toMatchObject({ line: 14, field: 'columns[4]' });
    const five = check(site(columns), [...fresh().slice(1), item('news', '2026-11-01 09:00'), ...old]);
    expect(five.filter((d) => d.ruleId === 'HEALTH-02' && d.severity === 'veto')).toHaveLength(1);
  });

  it('HEALTH-02: a news column declaring 365 days is still stale after 14, and the declaration is reported (issue 25)', () => {
    const columns: Array<[string, string, string, Record<string, unknown>?]> = [...HEALTHY, ['county-news', '市县动态', '工作动态', { parent: 'news', freshnessDays: 365 }]];
    const found = check(site(columns), [...fresh(), item('county-news', '2026-10-01 09:00')]);
    const stale = found.find((d) => d.ruleId === 'HEALTH-02' && d.field === 'columns[4]');
    expect(stale).toMatchObject({ severity: 'warn', line: 14 });
    expect(stale!.message).toContain('超过动态要闻类栏目的 14 天更新周期');
    const declaration = found.find((d) => d.field === 'columns[4].freshnessDays');
    expect(declaration).toMatchObject({ ruleId: 'HEALTH-02', severity: 'warn', file: 'sites/alpha/site.yaml' });
    expect(declaration!.message).toContain('freshnessDays: 365 比动态要闻类栏目的检查指标 14 天更长');
    expect(declaration!.fix).toContain('不超过 14 的天数');
    // A fresh column with a loosening declaration is still told about it; a tightening one is not.
    expect(check(site(columns), [...fresh(), item('county-news', '2026-11-21 09:00')]).map((d) => d.field)).toEqual(['columns[4].freshnessDays']);
    const tighter: typeof columns = [...HEALTHY, ['county-news', '市县动态', '工作动态', { parent: 'news', freshnessDays: 7 }]];
    expect(check(site(tighter), [...fresh(), item('county-news', '2026-11-21 09:00')])).toEqual([]);
  });

  it('HEALTH-03: a column stale against its own declared frequency warns; 10 such columns veto', () => {
    const declared = Array.from({ length: 10 }, (_, i): [string, string, string, Record<string, unknown>] => [`d${i}`, `专项工作${i}`, '概况信息', { freshnessDays: 30 }]);
    const items = declared.map(([id]) => item(id, '2026-09-01 09:00'));
    const found = check(site([...HEALTHY, ...declared]), [...fresh(), ...items]);
    expect(found.filter((d) => d.ruleId === 'HEALTH-03' && d.severity === 'warn')).toHaveLength(10);
    expect(found.filter((d) => d.ruleId === 'HEALTH-03' && d.severity === 'veto')).toHaveLength(1);
    const nine = check(site([...HEALTHY, ...declared.slice(0, 9)]), [...fresh(), ...items.slice(0, 9)]);
    expect(nine.filter((d) => d.severity === 'veto')).toEqual([]);
  });

  it('HEALTH-04: every empty column warns, 5 of them veto', () => {
    const empties = Array.from({ length: 5 }, (_, i): [string, string, string] => [`e${i}`, `空栏目${i}`, '概况信息']);
    const four = check(site([...HEALTHY, ...empties.slice(0, 4)]), fresh());
    expect(four.map((d) => `${d.ruleId}:${d.severity}`)).toEqual(['HEALTH-04:warn', 'HEALTH-04:warn', 'HEALTH-04:warn', 'HEALTH-04:warn']);
    const five = check(site([...HEALTHY, ...empties]), fresh());
    expect(five.filter((d) => d.ruleId === 'HEALTH-04' && d.severity === 'veto')).toHaveLength(1);
  });

  it('HEALTH-04: a parent column with items in its sub-column is not empty', () => {
    const found = check(site([...HEALTHY, ['dynamics', '动态', '工作动态'], ['county', '市县动态', '工作动态', { parent: 'dynamics' }]]), [...fresh(), item('county', '2026-11-21 09:00')]);
    expect(found).toEqual([]);
  });

  it('HEALTH-06: vetoes a site whose interaction column is missing or empty', () => {
    const withoutInteraction = HEALTHY.filter(([id]) => id !== 'interaction');
    expect(check(site(withoutInteraction), fresh().filter((i) => i.columnId !== 'interaction')).map((d) => d.ruleId)).toEqual(['HEALTH-06']);
    expect(check(site(HEALTHY), fresh().filter((i) => i.columnId !== 'interaction')).map((d) => d.ruleId).sort()).toEqual(['HEALTH-04', 'HEALTH-06']);
  });

  it('HEALTH-07: vetoes a portal without 办事服务, not a department site', () => {
    const noServices = HEALTHY.filter(([id]) => id !== 'services');
    const items = fresh().filter((i) => i.columnId !== 'services');
    expect(check(site(noServices), items).map((d) => `${d.ruleId}:${d.severity}`)).toEqual(['HEALTH-07:veto']);
    expect(check(site(noServices, 'department'), items)).toEqual([]);
  });
});
