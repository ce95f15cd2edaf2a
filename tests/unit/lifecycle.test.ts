// SITE-09, the site lifecycle, on throwaway copies of the mini platform (alpha: a city portal;
// beta: a city department site under it), checked against a fixed `now`: the rule's errors with
// file, line, message and fix, and the notices the platform loader computes for the templates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toSiteData } from '../../src/render/site-data.ts';
import { siteRules } from '../../src/rules/site/index.ts';
import { activeNotices, type LifecycleNotice } from '../../src/rules/site/lifecycle-notices.ts';
import { site09Lifecycle } from '../../src/rules/site/site-09-lifecycle.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { currentChinaDateTime } from '../../src/util/china-time.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { copyPlatform, readText, removePlatform, writeText } from '../helpers/platform.ts';

const NOW = '2026-11-22 10:00';
const ALPHA = 'sites/alpha/site.yaml';
const BETA = 'sites/beta/site.yaml';

let root: string;
beforeEach(() => {
  root = copyPlatform('mini');
});
afterEach(() => removePlatform(root));

/** Appends a lifecycle block to a site's site.yaml (the mini fixture has none). */
function setLifecycle(file: string, yaml: string): void {
  writeText(root, file, `${readText(root, file).trimEnd()}\nlifecycle:\n${yaml.replace(/^\n/, '')}`);
}

/** The 1-based line of site.yaml holding `text` (once). */
function lineOf(file: string, text: string): number {
  const lines = readText(root, file).split('\n');
  const found = lines.flatMap((line, i) => (line.includes(text) ? [i + 1] : []));
  expect(found, `${text} in ${file}`).toHaveLength(1);
  return found[0]!;
}

async function findings(siteId: string, now: string | undefined = NOW): Promise<Diagnostic[]> {
  const site = (await loadPlatform(root, now)).get(siteId)!;
  return site.diagnostics.filter((d) => d.ruleId === 'SITE-09');
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics, diagnostics.map(formatDiagnostic).join('\n')).toHaveLength(1);
  return diagnostics[0]!;
}

async function none(siteId: string, now?: string): Promise<void> {
  const found = await findings(siteId, now);
  expect(found, found.map(formatDiagnostic).join('\n')).toEqual([]);
}

const CLOSED_AFTER_MIGRATION = `
  status: closed
  launchedAt: 2019-05-01
  migration:
    start: 2026-09-01
    destination:
      name: 测试市人民政府
      url: https://www.ceshi.gov.cn/
  closedAt: 2026-10-15
`;

describe('SITE-09 is a site rule', () => {
  it('is registered with the other site rules', () => {
    expect(siteRules).toContain(site09Lifecycle);
  });

  it('finds nothing wrong with the mini fixture or the demo platform', async () => {
    await none('alpha');
    await none('beta');
    for (const site of (await loadPlatform(projectRoot, NOW)).values()) {
      const found = site.diagnostics.filter((d) => d.ruleId === 'SITE-09');
      expect(found, found.map(formatDiagnostic).join('\n')).toEqual([]);
    }
  });
});

describe('SITE-09 errors', () => {
  it('never lets a portal be closed', async () => {
    setLifecycle(ALPHA, CLOSED_AFTER_MIGRATION);
    const d = only(await findings('alpha'));
    expect(d).toMatchObject({ ruleId: 'SITE-09', severity: 'error', file: ALPHA, line: lineOf(ALPHA, 'status: closed'), column: 11, field: 'lifecycle.status' });
    expect(d.message).toContain('政府门户网站不得关停');
    expect(d.message).toContain('本站是市级政府门户网站，运行状态 status 却写了“closed”');
    expect(d.fix).toContain('把 status 改为 online');
    expect(d.fix).toContain('status: migrating');
    // The same lifecycle is fine for a department site.
    setLifecycle(BETA, CLOSED_AFTER_MIGRATION);
    await none('beta');
  });

  it('allows one temporary offline period a year', async () => {
    setLifecycle(
      BETA,
      `
  status: online
  offline:
    - { from: 2025-12-01, to: 2025-12-10, reason: 系统升级改造 }
    - { from: 2026-06-01, to: 2026-06-05, reason: 安全整改 }
`,
    );
    const d = only(await findings('beta'));
    expect(d).toMatchObject({ ruleId: 'SITE-09', severity: 'error', file: BETA, line: lineOf(BETA, 'from: 2026-06-01'), field: 'lifecycle.offline[1].from' });
    expect(d.message).toBe('临时下线每年不得超过 1 次（晋 第八条（二）；陕 第八条（一））：2025-12-01 和 2026-06-01 两次下线开始时间只相隔 182 天');
    expect(d.fix).toContain('第二次临时下线最早在 2026-12-01 开始');
    expect(d.fix).toContain('emergency: true');

    // An emergency reported in writing does not count (陕 第八条（一）).
    edit(BETA, 'reason: 安全整改 }', 'reason: 暴雨导致机房断电, emergency: true }');
    await none('beta');
  });

  it('allows at most 30 days offline at a time', async () => {
    setLifecycle(
      BETA,
      `
  status: online
  offline:
    - from: 2026-03-01
      to: 2026-04-09
      reason: 系统升级改造
`,
    );
    const d = only(await findings('beta'));
    expect(d).toMatchObject({ ruleId: 'SITE-09', severity: 'error', file: BETA, line: lineOf(BETA, 'to: 2026-04-09'), column: 11, field: 'lifecycle.offline[0].to' });
    expect(d.message).toBe('临时下线不得超过 30 天（晋 第八条（二）；陕 第八条（一））：2026-03-01 至 2026-04-09 共 40 天');
    expect(d.fix).toContain('把 to 改为 2026-03-30 或更早');

    edit(BETA, 'to: 2026-04-09', 'to: 2026-03-30');
    await none('beta');
    edit(BETA, 'to: 2026-03-30', 'to: "2026-03-31 08:00"');
    expect(only(await findings('beta')).fix).toContain('把 to 改为 2026-03-31 00:00 或更早');
  });

  it('closes a site only after its migration notice has been up 30 days', async () => {
    setLifecycle(BETA, CLOSED_AFTER_MIGRATION.replace('closedAt: 2026-10-15', 'closedAt: 2026-09-20'));
    const d = only(await findings('beta'));
    expect(d).toMatchObject({ ruleId: 'SITE-09', severity: 'error', file: BETA, line: lineOf(BETA, 'closedAt: 2026-09-20'), column: 13, field: 'lifecycle.closedAt' });
    expect(d.message).toBe('迁移公告须在首页悬挂至少 30 天才能关停（陕 第八条（三））：迁移公告 2026-09-01 起，2026-09-20 关停只悬挂了 19 天');
    expect(d.fix).toBe('把 closedAt 改为 2026-10-01 或以后；在此之前保持 status: migrating');

    edit(BETA, 'closedAt: 2026-09-20', 'closedAt: 2026-10-01');
    await none('beta');
  });

  it('requires a destination of a migrating site and of a closed one', async () => {
    setLifecycle(BETA, '  status: migrating\n  migration:\n    start: 2026-11-01\n');
    const migrating = only(await findings('beta'));
    expect(migrating).toMatchObject({ ruleId: 'SITE-09', severity: 'error', file: BETA, line: lineOf(BETA, 'status: migrating'), column: 11, field: 'lifecycle.migration.destination' });
    expect(migrating.message).toBe('运行状态是 migrating（整合迁移中），但没有写迁移去向 migration.destination：首页迁移公告须写明原有内容迁往哪里');
    expect(migrating.fix).toContain('在 migration 中添加去向网站（或栏目）的名称和网址');
    expect(migrating.fix).toContain('  destination:\n    name: 测试市人民政府\n    url: https://www.ceshi.gov.cn/');

    removePlatform(root);
    root = copyPlatform('mini');
    setLifecycle(BETA, CLOSED_AFTER_MIGRATION.replace(/ {4}destination:\n.*\n.*\n/, ''));
    const closed = only(await findings('beta'));
    expect(closed).toMatchObject({ ruleId: 'SITE-09', severity: 'error', file: BETA, line: lineOf(BETA, 'status: closed'), field: 'lifecycle.migration.destination' });
    expect(closed.message).toContain('运行状态是 closed（已关停），但没有写原有内容的去向 migration.destination');
    expect(closed.fix).toContain('destination:');
  });

  it('requires the migration record of a migrating or closed site', async () => {
    setLifecycle(BETA, '  status: closed\n  closedAt: 2026-10-15\n');
    const d = only(await findings('beta'));
    expect(d).toMatchObject({ file: BETA, line: lineOf(BETA, 'status: closed'), field: 'lifecycle.migration' });
    expect(d.message).toContain('没有写整合迁移信息 migration');
    expect(d.message).toContain('悬挂迁移公告至少 30 天');
    expect(d.fix).toContain('migration:\n  start: 2026-09-01\n  destination:');

    edit(BETA, 'status: closed', 'status: migrating');
    edit(BETA, '  closedAt: 2026-10-15\n', '  migration:\n    destination: { name: 测试市人民政府, url: "https://www.ceshi.gov.cn/" }\n');
    const noStart = only(await findings('beta'));
    expect(noStart).toMatchObject({ field: 'lifecycle.migration.start', line: lineOf(BETA, 'status: migrating') });
    expect(noStart.fix).toContain('start: 2026-11-22');
  });

  it('requires a closing date that has come', async () => {
    setLifecycle(BETA, CLOSED_AFTER_MIGRATION.replace('  closedAt: 2026-10-15\n', ''));
    const missing = only(await findings('beta'));
    expect(missing).toMatchObject({ field: 'lifecycle.closedAt', line: lineOf(BETA, 'status: closed') });
    expect(missing.fix).toBe('在 lifecycle 中添加一行 closedAt: YYYY-MM-DD（网站关停的日期，例如 closedAt: 2026-11-22）');

    edit(BETA, 'status: closed', 'status: closed\n  closedAt: 2026-12-01');
    const early = only(await findings('beta'));
    expect(early.message).toBe('关停日期 closedAt“2026-12-01”还没到（现在是 2026-11-22 10:00）');
    expect(early.fix).toContain('关停之前保持 status: migrating');
  });

  it('requires a temporarily offline site to list the period covering now', async () => {
    setLifecycle(BETA, '  status: temporarily-offline\n');
    const d = only(await findings('beta'));
    expect(d).toMatchObject({ file: BETA, line: lineOf(BETA, 'status: temporarily-offline'), field: 'lifecycle.status' });
    expect(d.message).toContain('没有写下线时段 offline');
    expect(d.fix).toContain('offline:\n  - from: 2026-11-22\n    to: 2026-12-05\n    reason: 系统升级改造');

    edit(BETA, 'status: temporarily-offline', 'status: temporarily-offline\n  offline:\n    - { from: 2026-11-20, to: 2026-11-30, reason: 系统升级改造 }');
    await none('beta');
    const over = only(await findings('beta', '2026-12-01 00:00'));
    expect(over.message).toContain('没有包含当前时间 2026-12-01 00:00 的下线时段（最近一次是 2026-11-20 至 2026-11-30）');
    expect(over.fix).toContain('把 status 改为 online');
  });

  it('warns about an offline period covering now while the site says it is online', async () => {
    setLifecycle(BETA, '  status: online\n  offline:\n    - { from: 2026-11-20, to: 2026-11-30, reason: 系统升级改造 }\n');
    const d = only(await findings('beta'));
    expect(d).toMatchObject({ severity: 'warn', field: 'lifecycle.offline[0].from' });
    expect(d.fix).toContain('把 status 改为 temporarily-offline');
    await none('beta', '2026-12-01 00:00');
  });

  it('checks the dates are in order', async () => {
    setLifecycle(
      BETA,
      `
  status: online
  launchedAt: 2026-01-10
  offline:
    - { from: 2026-01-05, to: 2026-01-06, reason: 系统升级改造 }
    - { from: "2027-03-02 08:00", to: "2027-03-01 20:00", reason: 系统升级改造 }
`,
    );
    const found = await findings('beta', '2027-06-01 10:00');
    expect(found.map((d) => d.field)).toEqual(['lifecycle.offline[0].from', 'lifecycle.offline[1].to']);
    expect(found[0]!.message).toBe('临时下线开始“2026-01-05”早于网站开通日期 launchedAt“2026-01-10”');
    expect(found[1]!.message).toBe('临时下线的结束“2027-03-01 20:00”不晚于开始“2027-03-02 08:00”');
  });

  it('reports malformed dates and addresses under SITE-09', async () => {
    setLifecycle(BETA, '  status: migrating\n  migration:\n    start: 2026/11/1\n    destination: { name: 测试市人民政府, url: www.ceshi.gov.cn }\n');
    const found = await findings('beta');
    expect(found.map((d) => [d.field, d.line])).toEqual([
      ['lifecycle.migration.start', lineOf(BETA, 'start: 2026/11/1')],
      ['lifecycle.migration.destination.url', lineOf(BETA, 'url: www.ceshi.gov.cn')],
    ]);
    expect(found[0]!.fix).toBe('改为 2026-11-01');
    expect(found[1]!.fix).toBe('改为 https://www.ceshi.gov.cn');
  });

  it('checks previous domains', async () => {
    setLifecycle(BETA, '  previousDomains:\n    - { domain: "http://data.ceshi.gov.cn/", until: 2026-11-10 }\n    - { domain: www.ceshi.gov.cn, until: 2026-11-10 }\n');
    const found = await findings('beta');
    expect(found.map((d) => d.fix)).toEqual(['改为 domain: data.ceshi.gov.cn', '核对原域名；域名已交给“alpha”使用的，删除这一项']);
    expect(found[1]!.message).toContain('原域名“www.ceshi.gov.cn”现在是“alpha”（测试市人民政府）的域名');
  });

  it('checks against the current time when no time is given', async () => {
    const today = currentChinaDateTime().slice(0, 10);
    setLifecycle(BETA, `  status: temporarily-offline\n  offline:\n    - { from: ${today}, to: ${today}, reason: 系统升级改造 }\n`);
    const atCurrentTime = (await loadPlatform(root)).get('beta')!.diagnostics.filter((d) => d.ruleId === 'SITE-09');
    expect(atCurrentTime, atCurrentTime.map(formatDiagnostic).join('\n')).toEqual([]);
    expect(only(await findings('beta', '2099-01-01 00:00')).field).toBe('lifecycle.status');
  });
});

function edit(relative: string, from: string, to: string): void {
  const before = readText(root, relative);
  expect(before.includes(from), `${from} not in ${relative}`).toBe(true);
  writeText(root, relative, before.replace(from, to));
}

/** The notices alpha or beta show at `now`, as the templates receive them. */
async function noticesAt(siteId: string, now: string) {
  const site = (await loadPlatform(root, NOW)).get(siteId)!;
  expect(site.model, site.diagnostics.map(formatDiagnostic).join('\n')).toBeDefined();
  return toSiteData(site.model!, now).notices;
}

const titles = (notices: LifecycleNotice[]) => notices.map((n) => n.title);
const text = (notice: LifecycleNotice) => notice.paragraphs.flat().map((t) => (typeof t === 'string' ? t : t.text)).join('');

describe('SITE-09 notices', () => {
  it('puts a launch notice on the parent portal for 30 days from the launch', async () => {
    setLifecycle(BETA, '  launchedAt: 2026-10-01\n  launchNotice: 本网站主要发布测试市数据管理工作信息。\n');
    expect((await noticesAt('alpha', '2026-09-30 23:59')).home).toEqual([]);
    const [launch] = (await noticesAt('alpha', '2026-10-30 10:00')).home;
    expect(launch).toMatchObject({ kind: 'launch', siteId: 'beta', title: '关于测试市数据管理局网站开通的公告', signedBy: '测试市数据管理局', date: '2026-10-01', dateText: '2026年10月1日' });
    expect(text(launch!)).toBe('测试市数据管理局网站于2026年10月1日正式开通，网址为 https://sjj.ceshi.gov.cn/。欢迎访问。本网站主要发布测试市数据管理工作信息。');
    expect((await noticesAt('alpha', '2026-10-30 23:59')).home).toHaveLength(1);
    expect((await noticesAt('alpha', '2026-10-31 00:00')).home).toEqual([]);
    // Not on the site itself.
    expect((await noticesAt('beta', '2026-10-30 10:00')).home).toEqual([]);
  });

  it('makes the offline notice the site’s whole output and pins it on the parent while the period lasts', async () => {
    setLifecycle(BETA, '  status: temporarily-offline\n  offline:\n    - { from: 2026-11-20, to: 2026-11-30, reason: 系统升级改造, approval: 示政办函〔2026〕12号 }\n');
    const beta = await noticesAt('beta', NOW);
    expect(beta.outage).toMatchObject({ kind: 'offline', title: '关于测试市数据管理局网站临时下线的公告', shownFrom: '2026-11-20 00:00', shownUntil: '2026-12-01 00:00' });
    expect(text(beta.outage!)).toContain('因系统升级改造，经批准（示政办函〔2026〕12号），测试市数据管理局网站于2026年11月20日至2026年11月30日临时下线，暂停访问。');
    expect(text(beta.outage!)).toContain('下线期间，请访问测试市人民政府获取相关信息和服务。');
    expect(beta.outage!.paragraphs[1]).toContainEqual({ href: 'https://www.ceshi.gov.cn/', text: '测试市人民政府' });
    expect(titles((await noticesAt('alpha', NOW)).home)).toEqual(['关于测试市数据管理局网站临时下线的公告']);
    expect((await noticesAt('alpha', '2026-12-01 00:00')).home).toEqual([]);
    expect((await noticesAt('alpha', '2026-11-19 23:59')).home).toEqual([]);
  });

  it('shows the migration notice on the site’s own home page while it migrates', async () => {
    setLifecycle(BETA, '  status: migrating\n  migration:\n    start: 2026-11-01\n    destination: { name: 测试市人民政府 数据开放专栏, url: "https://www.ceshi.gov.cn/data/" }\n    notice: 原网站的办事入口已同步迁移。\n');
    expect((await noticesAt('beta', '2026-10-31 23:59')).home).toEqual([]);
    const beta = await noticesAt('beta', '2027-03-01 10:00');
    expect(beta.outage).toBeUndefined();
    expect(titles(beta.home)).toEqual(['关于测试市数据管理局网站整合迁移的公告']);
    expect(beta.home[0]!.paragraphs[0]).toContainEqual({ href: 'https://www.ceshi.gov.cn/data/', text: '测试市人民政府 数据开放专栏' });
    expect(text(beta.home[0]!)).toContain('原网站的办事入口已同步迁移。');
    expect((await noticesAt('alpha', NOW)).home).toEqual([]);
  });

  it('tells the parent portal where a closed site’s content went, for 30 days', async () => {
    setLifecycle(BETA, CLOSED_AFTER_MIGRATION);
    const beta = await noticesAt('beta', '2027-06-01 10:00');
    expect(beta.outage).toMatchObject({ kind: 'closure', title: '关于测试市数据管理局网站关停的公告' });
    expect(text(beta.outage!)).toContain('测试市数据管理局网站已于2026年10月15日关停，原有内容已整合迁移至测试市人民政府。');
    expect(titles((await noticesAt('alpha', '2026-11-13 23:59')).home)).toEqual(['关于测试市数据管理局网站关停的公告']);
    expect((await noticesAt('alpha', '2026-11-14 00:00')).home).toEqual([]);
  });

  it('announces a domain change on the site’s home page for 30 days', async () => {
    setLifecycle(BETA, '  previousDomains:\n    - { domain: data.ceshi.gov.cn, until: 2026-11-10 }\n');
    const [change] = (await noticesAt('beta', NOW)).home;
    expect(text(change!)).toBe('测试市数据管理局网站域名已于2026年11月10日由 data.ceshi.gov.cn 变更为 sjj.ceshi.gov.cn，原域名停止使用。请使用新网址 https://sjj.ceshi.gov.cn/ 访问，并更新您收藏的网址。');
    expect((await noticesAt('beta', '2026-12-10 00:00')).home).toEqual([]);
  });

  it('pins the site’s own migration above its other notices and those of the sites below it', async () => {
    setLifecycle(ALPHA, '  status: migrating\n  migration:\n    start: 2026-11-01\n    destination: { name: 示范省人民政府, url: "https://www.shifan.gov.cn/" }\n  previousDomains:\n    - { domain: www.ceshishi.gov.cn, until: 2026-11-15 }\n');
    setLifecycle(BETA, '  launchedAt: 2026-11-20\n');
    expect((await noticesAt('alpha', NOW)).home.map((n) => [n.kind, n.siteId])).toEqual([
      ['migration', 'alpha'],
      ['domain-change', 'alpha'],
      ['launch', 'beta'],
    ]);
  });

  it('announces nothing for a site whose lifecycle is wrong', async () => {
    setLifecycle(BETA, '  launchedAt: 2026-11-01\n  closedAt: 2026-11-10\n');
    const platform = await loadPlatform(root, NOW);
    expect(platform.get('beta')!.model).toBeUndefined();
    expect(toSiteData(platform.get('alpha')!.model!, NOW).notices.home).toEqual([]);
  });

  it('picks the notices in force at a time', () => {
    const notice = (from: string, until?: string): LifecycleNotice => ({
      kind: 'offline', siteId: 'beta', title: from, paragraphs: [], signedBy: '', date: from.slice(0, 10), dateText: '', shownFrom: from, ...(until ? { shownUntil: until } : {}),
    });
    const candidates = { home: [notice('2026-01-01 00:00', '2026-01-31 00:00')], outage: [notice('2025-01-01 00:00', '2025-01-10 00:00'), notice('2026-01-01 00:00', '2026-01-31 00:00')] };
    expect(activeNotices(candidates, '2026-01-15 00:00').outage?.title).toBe('2026-01-01 00:00');
    expect(activeNotices(candidates, '2026-01-31 00:00').home).toEqual([]);
    // A preview at a time outside every period still shows the latest notice, never the pages.
    expect(activeNotices(candidates, '2027-01-01 00:00').outage?.title).toBe('2026-01-01 00:00');
    expect(activeNotices({ home: [], outage: [] }, '2027-01-01 00:00')).toEqual({ home: [] });
  });
});
