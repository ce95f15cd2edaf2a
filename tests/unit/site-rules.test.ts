// SITE-01 … SITE-08, SITE-10 and META-04 on throwaway copies of the two-site mini platform (alpha: a
// city portal; beta: a city department site under it), plus a third site where a rule needs
// one. Every rule is shown passing and failing, with the file, line, field, message and fix an
// editor would read.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteRules } from '../../src/rules/site/index.ts';
import { closestColumnType } from '../../src/rules/site/meta-04-column-type.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform, loadSite } from '../../src/rules/load-site.ts';
import { contrastRatio, parseHex, rgbToHsl } from '../../src/util/contrast.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { copyPlatform, readText, removePlatform, writeText } from '../helpers/platform.ts';

let root: string;
beforeEach(() => {
  root = copyPlatform('mini');
});
afterEach(() => removePlatform(root));

const ALPHA = 'sites/alpha/site.yaml';
const BETA = 'sites/beta/site.yaml';
const GAMMA = 'sites/gamma/site.yaml';

/** The site's diagnostics of one rule (all of them, whatever the severity). */
async function findings(siteId: string, ruleId: string): Promise<Diagnostic[]> {
  const loaded = await loadSite(root, siteId);
  return loaded.diagnostics.filter((d) => d.ruleId === ruleId);
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics, diagnostics.map(formatDiagnostic).join('\n')).toHaveLength(1);
  return diagnostics[0]!;
}

async function none(siteId: string, ruleId: string): Promise<void> {
  const found = await findings(siteId, ruleId);
  expect(found, found.map(formatDiagnostic).join('\n')).toEqual([]);
}

function edit(relative: string, from: string | RegExp, to: string): void {
  const before = readText(root, relative);
  const after = before.replace(from, to);
  expect(after, `fixture text to replace not found in ${relative}`).not.toBe(before);
  writeText(root, relative, after);
}

/** A third site, sites/<id>/site.yaml, made from alpha's or beta's with some lines changed. */
function addSite(id: string, base: 'alpha' | 'beta', edits: [string, string][]): void {
  let text = readText(root, `sites/${base}/site.yaml`);
  for (const [from, to] of edits) {
    expect(text.includes(from), `${from} not in ${base}`).toBe(true);
    text = text.replace(from, to);
  }
  mkdirSync(path.join(root, 'sites', id), { recursive: true });
  writeText(root, `sites/${id}/site.yaml`, text);
}

/** gamma: a portal (province level unless told), with its own organizer, domain and code. */
function addPortal(level = 'province', domain = 'www.shifan.gov.cn'): void {
  addSite('gamma', 'alpha', [
    ['name: 测试市人民政府', `name: ${level === 'province' ? '示范省人民政府' : '示范市人民政府'}`],
    ['level: city', `level: ${level}`],
    ['organizer: 测试市人民政府办公室', `organizer: ${level === 'province' ? '示范省人民政府办公厅' : '示范市人民政府办公室'}`],
    ['domain: www.ceshi.gov.cn', `domain: ${domain}`],
    ['siteCode: "5900990001"', 'siteCode: "5900990009"'],
  ]);
}

describe('the site rules', () => {
  it('are all registered, in catalogue order', () => {
    expect(siteRules).toHaveLength(11);
  });

  it('find nothing wrong with the mini fixture', async () => {
    for (const id of ['alpha', 'beta']) {
      const loaded = await loadSite(root, id);
      expect(loaded.diagnostics, loaded.diagnostics.map(formatDiagnostic).join('\n')).toEqual([]);
    }
  });

  it('find nothing wrong with the demo platform', async () => {
    const platform = await loadPlatform(projectRoot);
    expect([...platform.keys()].sort()).toEqual(['anping', 'shili', 'shili-jyt']);
    for (const site of platform.values()) {
      const found = site.diagnostics.filter((d) => /^(?:SITE-0[1-8]|META-04)$/.test(d.ruleId));
      expect(found, found.map(formatDiagnostic).join('\n')).toEqual([]);
    }
  });
});

describe('SITE-01 kind, level and parent', () => {
  it('accepts a department under the portal of its level', async () => {
    await none('beta', 'SITE-01');
    await none('alpha', 'SITE-01');
  });

  it('requires a department to name its parent portal', async () => {
    edit(BETA, 'parent: alpha\n', '');
    const d = only(await findings('beta', 'SITE-01'));
    expect(d).toMatchObject({ ruleId: 'SITE-01', severity: 'error', file: BETA, line: 2, field: 'parent' });
    expect(d.message).toContain('部门网站须写明上级网站 parent');
    expect(d.fix).toContain('添加一行 parent: alpha（测试市人民政府）');
  });

  it('rejects a misspelt parent, suggesting the site meant', async () => {
    edit(BETA, 'parent: alpha', 'parent: alhpa');
    const d = only(await findings('beta', 'SITE-01'));
    expect(d).toMatchObject({ severity: 'error', file: BETA, line: 3, column: 9, field: 'parent' });
    expect(d.message).toContain('上级网站“alhpa”不在本平台上');
    expect(d.fix).toBe('改为 parent: alpha（测试市人民政府）');
  });

  it('only warns about a parent whose site.yaml is broken, so a broken portal fails alone', async () => {
    edit(ALPHA, 'kind: portal', 'kind: portl');
    const loaded = await loadSite(root, 'beta');
    const d = only(loaded.diagnostics.filter((x) => x.ruleId === 'SITE-01'));
    expect(d).toMatchObject({ severity: 'warn', file: BETA, line: 3, field: 'parent' });
    expect(d.message).toContain('上级网站“alpha”的 sites/alpha/site.yaml 有错误');
    expect(d.message).toContain('无法核对');
    expect(d.fix).toContain('先改正 sites/alpha/site.yaml');
    expect(loaded.model).toBeDefined();
  });

  it('reports a parent the platform does not have at all', async () => {
    edit(BETA, 'parent: alpha', 'parent: zeta');
    const unknown = only(await findings('beta', 'SITE-01'));
    expect(unknown).toMatchObject({ severity: 'error', field: 'parent' });
    expect(unknown.message).toContain('上级网站“zeta”不在本平台上：没有 sites/zeta/site.yaml');
    expect(unknown.fix).toContain('alpha');
  });

  it('reports a department whose parent is another department site', async () => {
    addSite('gamma', 'beta', [
      ['parent: alpha', 'parent: beta'],
      ['name: 测试市数据管理局', 'name: 测试市统计局'],
      ['organizer: 测试市数据管理局', 'organizer: 测试市统计局'],
      ['domain: sjj.ceshi.gov.cn', 'domain: tjj.ceshi.gov.cn'],
      ['siteCode: "5900990002"', 'siteCode: "5900990003"'],
    ]);
    const d = only(await findings('gamma', 'SITE-01'));
    expect(d).toMatchObject({ file: GAMMA, line: 3, field: 'parent' });
    expect(d.message).toContain('部门网站的上级网站须是本级政府门户网站');
    expect(d.message).toContain('“beta”（测试市数据管理局，市级部门网站）是部门网站');
    expect(d.fix).toBe('改为 parent: alpha（测试市人民政府）');
  });

  it('reports a department whose parent portal is of another level', async () => {
    edit(BETA, 'level: city', 'level: province');
    const d = only(await findings('beta', 'SITE-01'));
    expect(d).toMatchObject({ file: BETA, line: 3, field: 'parent' });
    expect(d.message).toContain('本站是省级部门网站');
    expect(d.message).toContain('不是省级');
    expect(d.fix).toContain('把 level 改为 city');
  });

  it('opens a county department site only with an approval record', async () => {
    edit(ALPHA, 'level: city', 'level: county');
    edit(BETA, 'level: city', 'level: county');
    const d = only(await findings('beta', 'SITE-01'));
    expect(d).toMatchObject({ file: BETA, line: 4, field: 'approval' });
    expect(d.message).toContain('县级政府部门原则上不开设政府网站');
    expect(d.message).toContain('没有开设审批记录（approval）');
    expect(d.fix).toContain('approval:\n  document: ');
    expect(d.fix).toContain('  date: ');

    edit(BETA, 'level: county', 'level: county\napproval: { document: 测政函〔2026〕3号, date: 2026-03-01 }');
    await none('beta', 'SITE-01');
  });

  it('opens a township portal only with an approval record', async () => {
    edit(ALPHA, 'level: city', 'level: township');
    const d = only(await findings('alpha', 'SITE-01'));
    expect(d).toMatchObject({ file: ALPHA, line: 3, field: 'approval' });
    expect(d.message).toContain('乡镇政府、街道办事处原则上不开设政府网站');

    edit(ALPHA, 'level: township', 'level: township\napproval: { document: 测政函〔2026〕3号, date: 2026-03-01 }');
    await none('alpha', 'SITE-01');
  });

  it('knows no department sites at township level', async () => {
    edit(ALPHA, 'level: city', 'level: township\napproval: { document: 测政函〔2026〕3号, date: 2026-03-01 }');
    edit(BETA, 'level: city', 'level: township\napproval: { document: 测政函〔2026〕4号, date: 2026-03-01 }');
    const d = only(await findings('beta', 'SITE-01'));
    expect(d).toMatchObject({ file: BETA, line: 4, field: 'level' });
    expect(d.message).toContain('乡镇、街道没有部门网站');
    expect(d.fix).toContain('kind: portal');
  });

  it('rejects a site that is its own parent', async () => {
    edit(BETA, 'parent: alpha', 'parent: beta');
    const d = only(await findings('beta', 'SITE-01'));
    expect(d).toMatchObject({ file: BETA, line: 3, field: 'parent' });
    expect(d.message).toContain('本网站自己“beta”');
    expect(d.fix).toContain('本级政府门户网站的站点标识');
  });

  it('rejects parents that go round in a circle, on every site of the circle', async () => {
    edit(ALPHA, 'level: city', 'level: city\nparent: beta');
    const a = only(await findings('alpha', 'SITE-01'));
    expect(a).toMatchObject({ file: ALPHA, line: 4, field: 'parent' });
    expect(a.message).toContain('上级网站形成循环：alpha → beta → alpha');
    const b = only(await findings('beta', 'SITE-01'));
    expect(b).toMatchObject({ file: BETA, line: 3, field: 'parent' });
    expect(b.message).toContain('beta → alpha → beta');
  });

  it('requires a city portal to name the provincial portal above it, and accepts it', async () => {
    addPortal('province');
    const d = only(await findings('alpha', 'SITE-01'));
    expect(d).toMatchObject({ file: ALPHA, line: 2, field: 'parent' });
    expect(d.message).toContain('市级政府门户网站须用 parent 写明上级政府门户网站');
    expect(d.fix).toBe('添加一行 parent: gamma（示范省人民政府）');

    edit(ALPHA, 'level: city', 'level: city\nparent: gamma');
    await none('alpha', 'SITE-01');
    await none('gamma', 'SITE-01');
  });

  it('rejects a portal whose parent is not of a higher level', async () => {
    addPortal('city', 'www.shifan.gov.cn');
    edit(ALPHA, 'level: city', 'level: city\nparent: gamma');
    const d = only(await findings('alpha', 'SITE-01'));
    expect(d).toMatchObject({ file: ALPHA, line: 4, field: 'parent' });
    expect(d.message).toContain('市级政府门户网站的上级网站须是更高一级的政府门户网站');
    expect(d.fix).toContain('删除 parent 这一行');
  });

  it('rejects a parent on the provincial portal', async () => {
    addPortal('province');
    edit(ALPHA, 'level: city', 'level: province\nparent: gamma');
    const d = only(await findings('alpha', 'SITE-01'));
    expect(d).toMatchObject({ file: ALPHA, line: 4, field: 'parent' });
    expect(d.message).toContain('省级政府门户网站没有上级网站，parent 却写了“gamma”');
    expect(d.fix).toBe('删除 parent 这一行');
  });
});

describe('SITE-02 one organizer, one site', () => {
  it('accepts sites with different organizers', async () => {
    await none('alpha', 'SITE-02');
    await none('beta', 'SITE-02');
  });

  it('reports the shared organizer on each site, naming the other file', async () => {
    edit(BETA, 'organizer: 测试市数据管理局', 'organizer: 测试市人民政府办公室');
    const b = only(await findings('beta', 'SITE-02'));
    expect(b).toMatchObject({ ruleId: 'SITE-02', severity: 'error', file: BETA, line: 5, column: 12, field: 'organizer' });
    expect(b.message).toContain('主办单位“测试市人民政府办公室”已经开设了网站 sites/alpha/site.yaml');
    expect(b.message).toContain('一个单位最多开设一个网站');
    expect(b.fix).toContain('并入已有网站');
    const a = only(await findings('alpha', 'SITE-02'));
    expect(a).toMatchObject({ file: ALPHA, line: 4, field: 'organizer' });
    expect(a.message).toContain('sites/beta/site.yaml');
  });

  it('treats a government and its office as one organizer', async () => {
    edit(BETA, 'organizer: 测试市数据管理局', 'organizer: 测试市人民政府');
    const a = only(await findings('alpha', 'SITE-02'));
    expect(a.message).toContain('sites/beta/site.yaml（测试市数据管理局，主办单位“测试市人民政府”）');
  });
});

describe('SITE-03 site name', () => {
  it('accepts full official names', async () => {
    await none('alpha', 'SITE-03');
    await none('beta', 'SITE-03');
  });

  it('accepts an autonomous region and a street office', async () => {
    edit(ALPHA, 'name: 测试市人民政府', 'name: 测试壮族自治区人民政府');
    edit(ALPHA, 'level: city', 'level: province');
    edit(ALPHA, 'organizer: 测试市人民政府办公室', 'organizer: 测试壮族自治区人民政府办公厅');
    await none('alpha', 'SITE-03');

    edit(ALPHA, 'name: 测试壮族自治区人民政府', 'name: 东城街道办事处');
    edit(ALPHA, 'level: province', 'level: township\napproval: { document: 测政函〔2026〕3号, date: 2026-03-01 }');
    edit(ALPHA, 'organizer: 测试壮族自治区人民政府办公厅', 'organizer: 东城街道办事处');
    await none('alpha', 'SITE-03');
  });

  it.each([
    ['测试市人民政府门户网站', '带有“门户网站”'],
    ['测试市政务网', '带有“政务网”'],
    ['测试市人民政府网', '带有“网”'],
  ])('rejects a website suffix: %s', async (name, words) => {
    edit(ALPHA, 'name: 测试市人民政府', `name: ${name}`);
    const d = only(await findings('alpha', 'SITE-03'));
    expect(d).toMatchObject({ ruleId: 'SITE-03', severity: 'error', file: ALPHA, line: 1, column: 7, field: 'name' });
    expect(d.message).toContain(`网站名称“${name}”${words}`);
    expect(d.fix).toBe('改为 name: 测试市人民政府');
  });

  it('rejects a portal name that is not “<地区>人民政府”', async () => {
    edit(ALPHA, 'name: 测试市人民政府', 'name: 测试市政府');
    const d = only(await findings('alpha', 'SITE-03'));
    expect(d).toMatchObject({ file: ALPHA, line: 1, field: 'name' });
    expect(d.message).toContain('门户网站名称“测试市政府”不是本级政府的全称');
    expect(d.message).toContain('<地区全称>人民政府');
    expect(d.fix).toBe('改为 name: 测试市人民政府');
  });

  it('rejects an abbreviated region', async () => {
    edit(ALPHA, 'name: 测试市人民政府', 'name: 测试人民政府');
    const d = only(await findings('alpha', 'SITE-03'));
    expect(d.message).toContain('地区“测试”不是市级地区的全称');
    expect(d.fix).toContain('name: 测试市人民政府');
  });

  it('suggests the level when the region belongs to another one', async () => {
    edit(ALPHA, 'name: 测试市人民政府', 'name: 测试县人民政府');
    edit(ALPHA, 'organizer: 测试市人民政府办公室', 'organizer: 测试县人民政府办公室');
    const d = only(await findings('alpha', 'SITE-03'));
    expect(d.message).toContain('地区“测试县”不是市级地区的全称');
    expect(d.fix).toContain('level: county');
  });

  it('rejects English in the name', async () => {
    edit(ALPHA, 'name: 测试市人民政府', 'name: Ceshi Municipal Government');
    const d = only(await findings('alpha', 'SITE-03'));
    expect(d).toMatchObject({ file: ALPHA, line: 1, field: 'name' });
    expect(d.message).toContain('网站名称“Ceshi Municipal Government”含有英文');
    expect(d.fix).toContain('中文机构全称');
  });

  it('rejects a portal named after another government than its organizer', async () => {
    edit(ALPHA, 'organizer: 测试市人民政府办公室', 'organizer: 示例县人民政府办公室');
    const d = only(await findings('alpha', 'SITE-03'));
    expect(d).toMatchObject({ file: ALPHA, line: 1, field: 'name' });
    expect(d.message).toContain('与主办单位“示例县人民政府办公室”不是同一个政府');
    expect(d.fix).toContain('organizer: 测试市人民政府办公厅');
  });

  it('rejects a department name without its organizer’s name', async () => {
    edit(BETA, 'name: 测试市数据管理局', 'name: 测试市大数据网');
    let d = only(await findings('beta', 'SITE-03'));
    expect(d.message).toContain('带有“网”');
    edit(BETA, 'name: 测试市大数据网', 'name: 测试市大数据');
    d = only(await findings('beta', 'SITE-03'));
    expect(d).toMatchObject({ file: BETA, line: 1, column: 7, field: 'name' });
    expect(d.message).toContain('部门网站名称“测试市大数据”没有使用主办单位“测试市数据管理局”的机构名称');
    expect(d.fix).toContain('改为 name: 测试市数据管理局');
  });

  it('accepts a department whose organizer is its office', async () => {
    edit(BETA, 'organizer: 测试市数据管理局', 'organizer: 测试市数据管理局办公室');
    await none('beta', 'SITE-03');
  });

  it('rejects a department name without its region', async () => {
    edit(BETA, 'name: 测试市数据管理局', 'name: 市数据管理局');
    edit(BETA, 'organizer: 测试市数据管理局', 'organizer: 市数据管理局');
    const d = only(await findings('beta', 'SITE-03'));
    expect(d).toMatchObject({ file: BETA, line: 1, field: 'name' });
    expect(d.message).toContain('部门网站名称“市数据管理局”是简称');
    expect(d.message).toContain('“测试市”');
    expect(d.fix).toContain('name: 测试市数据管理局');
  });
});

describe('SITE-04 domains', () => {
  it('accepts www.<x>.gov.cn for a portal and <y>.<x>.gov.cn under it for a department', async () => {
    await none('alpha', 'SITE-04');
    await none('beta', 'SITE-04');
  });

  it('accepts Chinese domains ending in .政务, and .公益 for a department', async () => {
    edit(ALPHA, 'domain: www.ceshi.gov.cn', 'domain: www.ceshi.gov.cn\nchineseDomain: 测试市人民政府.政务');
    edit(BETA, 'domain: sjj.ceshi.gov.cn', 'domain: sjj.ceshi.gov.cn\nchineseDomain: 测试市数据管理局.公益');
    await none('alpha', 'SITE-04');
    await none('beta', 'SITE-04');
  });

  it('rejects a scheme and a path, saying what to write', async () => {
    edit(ALPHA, 'domain: www.ceshi.gov.cn', 'domain: https://www.ceshi.gov.cn/index.html');
    const d = only(await findings('alpha', 'SITE-04'));
    expect(d).toMatchObject({ ruleId: 'SITE-04', severity: 'error', file: ALPHA, line: 5, column: 9, field: 'domain' });
    expect(d.message).toContain('英文域名“https://www.ceshi.gov.cn/index.html”不是单纯的域名');
    expect(d.fix).toBe('改为 domain: www.ceshi.gov.cn');
  });

  it('rejects another suffix than .gov.cn', async () => {
    edit(ALPHA, 'domain: www.ceshi.gov.cn', 'domain: www.ceshi.com.cn');
    const d = only(await findings('alpha', 'SITE-04'));
    expect(d).toMatchObject({ file: ALPHA, line: 5, field: 'domain' });
    expect(d.message).toContain('“www.ceshi.com.cn”不是以 .gov.cn 结尾');
    expect(d.fix).toBe('改为 domain: www.ceshi.gov.cn');
  });

  it('rejects upper case', async () => {
    edit(ALPHA, 'domain: www.ceshi.gov.cn', 'domain: WWW.Ceshi.GOV.CN');
    const d = only(await findings('alpha', 'SITE-04'));
    expect(d.message).toContain('含有大写字母');
    expect(d.fix).toContain('domain: www.ceshi.gov.cn');
  });

  it('rejects a portal domain without www', async () => {
    edit(ALPHA, 'domain: www.ceshi.gov.cn', 'domain: ceshi.gov.cn');
    const d = only(await findings('alpha', 'SITE-04'));
    expect(d.message).toContain('门户网站的英文域名“ceshi.gov.cn”不是“www.□□□.gov.cn”结构');
    expect(d.fix).toBe('改为 domain: www.ceshi.gov.cn');
  });

  it('rejects more than one English domain', async () => {
    edit(ALPHA, 'domain: www.ceshi.gov.cn', 'domain: www.ceshi.gov.cn、ceshi.gov.cn');
    const d = only(await findings('alpha', 'SITE-04'));
    expect(d.message).toContain('英文域名只能填一个，写了 2 个');
    expect(d.fix).toContain('domain: www.ceshi.gov.cn');
  });

  it('rejects a department domain outside its parent portal’s', async () => {
    edit(BETA, 'domain: sjj.ceshi.gov.cn', 'domain: sjj.other.gov.cn');
    const d = only(await findings('beta', 'SITE-04'));
    expect(d).toMatchObject({ file: BETA, line: 6, column: 9, field: 'domain' });
    expect(d.message).toContain('“sjj.other.gov.cn”不在上级门户网站 alpha（www.ceshi.gov.cn）的域名之下');
    expect(d.fix).toBe('改为 domain: sjj.ceshi.gov.cn');
  });

  it('rejects a department using the portal’s www domain', async () => {
    edit(BETA, 'domain: sjj.ceshi.gov.cn', 'domain: www.ceshi.gov.cn');
    const d = only(await findings('beta', 'SITE-04'));
    expect(d.message).toContain('不是“○○○.□□□.gov.cn”结构');
    expect(d.fix).toContain('.ceshi.gov.cn');
  });

  it('rejects two sites at the same domain', async () => {
    addPortal('province', 'www.ceshi.gov.cn');
    const d = only(await findings('alpha', 'SITE-04'));
    expect(d).toMatchObject({ file: ALPHA, line: 5, field: 'domain' });
    expect(d.message).toContain('英文域名“www.ceshi.gov.cn”已被 sites/gamma/site.yaml 使用');
  });

  it.each([
    ['测试市人民政府.公益', '用了“.公益”', 'chineseDomain: 测试市人民政府.政务'],
    ['测试市人民政府', '不是“□□□.政务”', 'chineseDomain: 测试市人民政府.政务'],
    ['测试市人民政府。政务', '点用半角', 'chineseDomain: 测试市人民政府.政务'],
    ['ceshi.政务', '应为机构的中文全称', 'chineseDomain: 测试市人民政府.政务'],
  ])('rejects the Chinese domain %s', async (value, words, fix) => {
    edit(ALPHA, 'domain: www.ceshi.gov.cn', `domain: www.ceshi.gov.cn\nchineseDomain: ${value}`);
    const d = only(await findings('alpha', 'SITE-04'));
    expect(d).toMatchObject({ file: ALPHA, line: 6, column: 16, field: 'chineseDomain' });
    expect(d.message).toContain(`中文域名“${value}”`);
    expect(d.message).toContain(words);
    expect(d.fix).toBe(`改为 ${fix}`);
  });
});

describe('SITE-05 identity labels', () => {
  it('accepts well-formed labels, a bm site code and several phone numbers', async () => {
    edit(ALPHA, 'siteCode: "5900990001"', 'siteCode: "bm59009901"');
    edit(ALPHA, 'icp: 示ICP备05009901号-1', 'icp: 示ICP备05009901号');
    edit(ALPHA, 'phone: 0590-87654321', 'phone: 0590-87654321-8001、12345、13800138000');
    await none('alpha', 'SITE-05');
  });

  it('rejects a site code that is not 10 characters', async () => {
    edit(ALPHA, 'siteCode: "5900990001"', 'siteCode: "59009900"');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d).toMatchObject({ ruleId: 'SITE-05', severity: 'error', file: ALPHA, line: 6, column: 11, field: 'siteCode' });
    expect(d.message).toContain('网站标识码“59009900”格式不对');
    expect(d.message).toContain('10 位数字，或 bm 加 8 位数字');
    expect(d.fix).toContain('siteCode: "5900000001"');
  });

  it('lower-cases an upper-case BM site code', async () => {
    edit(ALPHA, 'siteCode: "5900990001"', 'siteCode: "BM59009901"');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d.fix).toBe('改为 siteCode: "bm59009901"');
  });

  it('rejects a site code used by another site', async () => {
    edit(BETA, 'siteCode: "5900990002"', 'siteCode: "5900990001"');
    const d = only(await findings('beta', 'SITE-05'));
    expect(d).toMatchObject({ file: BETA, line: 7, field: 'siteCode' });
    expect(d.message).toContain('已被 sites/alpha/site.yaml（测试市人民政府） 使用');
  });

  it('rejects an ICP number without the province abbreviation', async () => {
    edit(ALPHA, 'icp: 示ICP备05009901号-1', 'icp: ICP备05009901号-1');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d).toMatchObject({ file: ALPHA, line: 7, column: 6, field: 'icp' });
    expect(d.message).toContain('ICP 备案编号“ICP备05009901号-1”格式不对');
    expect(d.message).toContain('开头缺少省份简称');
    expect(d.fix).toContain('icp: 示ICP备05009901号-1');
  });

  it('turns full-width characters of an ICP number into the right form', async () => {
    edit(ALPHA, 'icp: 示ICP备05009901号-1', 'icp: 示ＩＣＰ备05009901号－1');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d.fix).toBe('改为 icp: 示ICP备05009901号-1');
  });

  it('rejects a public-security record number without 14 digits', async () => {
    edit(ALPHA, '示公网安备59099002000001号', '示公网安备5909900200001号');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d).toMatchObject({ file: ALPHA, line: 8, field: 'publicSecurityRecord' });
    expect(d.message).toContain('“示公网安备5909900200001号”格式不对');
    expect(d.message).toContain('这里的编号是 13 位');
    expect(d.fix).toContain('publicSecurityRecord: 示公网安备');
  });

  it('rejects an empty 党政机关网站标识 number', async () => {
    edit(ALPHA, 'conacId: "bm59099001"', 'conacId: " "');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d).toMatchObject({ file: ALPHA, line: 9, field: 'conacId' });
    expect(d.message).toContain('conacId 是空的');
    expect(d.fix).toContain('conacId: "bm');
  });

  it('rejects a phone number without area code', async () => {
    edit(ALPHA, 'phone: 0590-87654321', 'phone: 87654321');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d).toMatchObject({ file: ALPHA, line: 11, field: 'contact.phone' });
    expect(d.message).toContain('联系电话“87654321”格式不对');
    expect(d.message).toContain('区号-号码');
    expect(d.fix).toContain('phone: 0590-12345678');
  });

  it('rewrites a phone number with the area code in brackets', async () => {
    edit(ALPHA, 'phone: 0590-87654321', 'phone: （0590）87654321');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d.fix).toBe('改为 phone: 0590-87654321');
  });

  it('explains a postcode that lost its leading 0', async () => {
    edit(ALPHA, '  email: web@ceshi.gov.cn', '  email: web@ceshi.gov.cn\n  postcode: 059000');
    const d = only(await findings('alpha', 'SITE-05'));
    expect(d).toMatchObject({ file: ALPHA, line: 13, field: 'contact.postcode' });
    expect(d.message).toContain('邮政编码“59000”不是 6 位数字');
    expect(d.fix).toBe('加引号写：postcode: "059000"');
  });

  it('rejects an organizer that is not a Chinese name', async () => {
    edit(BETA, 'organizer: 测试市数据管理局', 'organizer: Ceshi Data Bureau');
    const d = only(await findings('beta', 'SITE-05'));
    expect(d).toMatchObject({ file: BETA, line: 5, field: 'organizer' });
    expect(d.message).toContain('主办单位“Ceshi Data Bureau”应为机构的中文全称');
  });
});

describe('SITE-06 colours', () => {
  const suggested = (fix: string) => /"(#[0-9a-f]{6})"/.exec(fix)![1]!;

  it('accepts distinct colours with enough contrast, whatever the accent', async () => {
    edit(ALPHA, '  secondary: "#1d3557"', '  secondary: "#1d3557"\n  accent: "#c9a227"');
    await none('alpha', 'SITE-06');
  });

  it('rejects a secondary colour equal to the primary one', async () => {
    edit(ALPHA, 'secondary: "#1d3557"', 'secondary: "#9B1C1C"');
    const d = only(await findings('alpha', 'SITE-06'));
    expect(d).toMatchObject({ ruleId: 'SITE-06', severity: 'error', file: ALPHA, line: 15, column: 14, field: 'colors.secondary' });
    expect(d.message).toContain('辅助色“#9B1C1C”与主色相同');
    expect(d.fix).toContain('删除 secondary 这一行');
  });

  it('rejects a primary colour white header text cannot be read on, with a darker colour that passes', async () => {
    edit(ALPHA, 'primary: "#9b1c1c"', 'primary: "#e0a526"');
    const d = only(await findings('alpha', 'SITE-06'));
    expect(d).toMatchObject({ file: ALPHA, line: 14, column: 12, field: 'colors.primary' });
    expect(d.message).toContain('主色“#e0a526”对比度不足');
    expect(d.message).toContain('页头白色文字的底色');
    expect(d.message).toContain('2.19:1（与白色）');
    expect(d.message).toContain('至少要 4.5:1');
    expect(d.fix).toContain('改用同一色相的深一些的颜色，例如 primary: "#');
    const darker = suggested(d.fix);
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(Math.abs(rgbToHsl(parseHex(darker)!).h - rgbToHsl(parseHex('#e0a526')!).h)).toBeLessThan(3);
  });

  it('rejects a secondary colour too light for the navigation and for links', async () => {
    edit(ALPHA, 'secondary: "#1d3557"', 'secondary: "#3a7bd5"');
    const d = only(await findings('alpha', 'SITE-06'));
    expect(d).toMatchObject({ file: ALPHA, line: 15, field: 'colors.secondary' });
    expect(d.message).toContain('导航栏白色文字的底色');
    expect(d.message).toContain('链接文字的颜色');
    expect(d.message).toContain('4.22:1（与白色）、3.96:1（与浅灰底 #f6f8fa）');
    const darker = suggested(d.fix);
    expect(contrastRatio(darker, '#f6f8fa')).toBeGreaterThanOrEqual(4.5);
  });

  it('reports a fourth colour as SITE-06, not as an unknown field (issue 25)', async () => {
    edit(ALPHA, '  secondary: "#1d3557"', '  secondary: "#1d3557"\n  accent: "#c9a227"\n  highlight: "#2a9d8f"');
    const loaded = await loadSite(root, 'alpha');
    expect(loaded.diagnostics.filter((d) => d.ruleId === 'FILE-04')).toEqual([]);
    const d = only(await findings('alpha', 'SITE-06'));
    expect(d).toMatchObject({ ruleId: 'SITE-06', severity: 'error', file: ALPHA, line: 17, column: 3, field: 'colors.highlight' });
    expect(d.message).toContain('未知字段“highlight”');
    expect(d.message).toContain('总数不超过三种');
    expect(d.fix).toContain('删除“highlight”这一行');
    expect(loaded.model).toBeUndefined();
  });

  it('checks the primary colour as a link colour when there is no secondary one', async () => {
    edit(ALPHA, '  secondary: "#1d3557"\n', '');
    edit(ALPHA, 'primary: "#9b1c1c"', 'primary: "#3a7bd5"');
    const d = only(await findings('alpha', 'SITE-06'));
    expect(d.field).toBe('colors.primary');
    expect(d.message).toContain('没有辅助色时');
    expect(d.message).toContain('链接文字的颜色');
  });
});

describe('SITE-07 channels', () => {
  it('accepts 5 to 8 channels linking to declared columns or site paths', async () => {
    await none('alpha', 'SITE-07');
    edit(ALPHA, '  - { title: 互动交流, column: interaction }\n', '  - { title: 互动交流, column: interaction }\n  - { title: 办事服务, column: services }\n  - { title: 数据发布, column: data }\n  - { title: 网站地图, path: /sitemap/ }\n');
    await none('alpha', 'SITE-07');
  });

  it('warns about fewer than 5 channels, suggesting columns to add', async () => {
    edit(ALPHA, '  - { title: 互动交流, column: interaction }\n', '');
    const d = only(await findings('alpha', 'SITE-07'));
    expect(d).toMatchObject({ ruleId: 'SITE-07', severity: 'warn', file: ALPHA, line: 17, field: 'channels' });
    expect(d.message).toBe('主导航只有 4 个频道，应为 5–8 个');
    expect(d.fix).toContain('  - { title: 互动交流, column: interaction }');
  });

  it('warns about more than 8 channels', async () => {
    const extra = ['services', 'data', 'organization', 'leaders'].map((c) => `  - { title: ${c}, column: ${c} }\n`).join('');
    edit(ALPHA, '  - { title: 互动交流, column: interaction }\n', `  - { title: 互动交流, column: interaction }\n${extra}`);
    const d = only(await findings('alpha', 'SITE-07'));
    expect(d).toMatchObject({ severity: 'warn', file: ALPHA, line: 17, field: 'channels' });
    expect(d.message).toContain('主导航有 9 个频道，超过 8 个');
    expect(d.fix).toContain('合并');
  });

  it('rejects a channel linking to an undeclared column, as an error', async () => {
    edit(ALPHA, '{ title: 工作动态, column: news }', '{ title: 工作动态, column: nwes }');
    const d = only(await findings('alpha', 'SITE-07'));
    expect(d).toMatchObject({ ruleId: 'SITE-07', severity: 'error', file: ALPHA, line: 18, column: 28, field: 'channels[1].column' });
    expect(d.message).toContain('频道“工作动态”链接的栏目“nwes”没有在 columns 中声明');
    expect(d.fix).toBe('改为 column: news');
  });

  it('rejects a channel with both column and path', async () => {
    edit(ALPHA, '{ title: 工作动态, column: news }', '{ title: 工作动态, column: news, path: /news/ }');
    const d = only(await findings('alpha', 'SITE-07'));
    expect(d).toMatchObject({ severity: 'error', file: ALPHA, line: 18, field: 'channels[1]' });
    expect(d.message).toContain('同时写了 column（news）和 path（/news/）');
    expect(d.fix).toContain('只保留一个');
  });

  it('rejects a channel with neither column nor path, guessing the column from its title', async () => {
    edit(ALPHA, '{ title: 工作动态, column: news }', '{ title: 工作动态 }');
    const d = only(await findings('alpha', 'SITE-07'));
    expect(d).toMatchObject({ severity: 'error', file: ALPHA, line: 18, field: 'channels[1]' });
    expect(d.message).toContain('没有写链接到哪里');
    expect(d.fix).toBe('改为 { title: 工作动态, column: news }');
  });

  it('rejects a path leaving the site', async () => {
    edit(ALPHA, '{ title: 首页, path: / }', '{ title: 首页, path: //www.example.com/ }');
    const d = only(await findings('alpha', 'SITE-07'));
    expect(d).toMatchObject({ severity: 'error', file: ALPHA, line: 17, field: 'channels[0].path' });
    expect(d.message).toContain('不是站内路径');
  });
});

describe('SITE-08 required columns', () => {
  it('accepts the fixture’s portal and department columns, and 回应关切 or 在线访谈 as alternatives', async () => {
    await none('alpha', 'SITE-08');
    await none('beta', 'SITE-08');
    edit(ALPHA, 'type: 政策解读', 'type: 回应关切');
    edit(ALPHA, 'type: 咨询投诉', 'type: 在线访谈');
    await none('alpha', 'SITE-08');
  });

  it('lists what a department site lacks, with the YAML to add', async () => {
    edit(BETA, /^ {2}- \{ id: leaders, .*\n/m, '');
    edit(BETA, /^ {2}- \{ id: interaction, .*\n/m, '');
    const d = only(await findings('beta', 'SITE-08'));
    expect(d).toMatchObject({ ruleId: 'SITE-08', severity: 'error', file: BETA, line: 24, field: 'columns' });
    expect(d.message).toBe('部门网站缺少必备栏目：负责人信息、互动交流（咨询投诉、征集调查或在线访谈）（按栏目类型 type 识别）');
    expect(d.fix).toContain('在 columns: 列表末尾添加');
    expect(d.fix).toContain('  - { id: leaders, name: 领导信息, type: 负责人信息, description: 测试市数据管理局负责人的职务、分工和简历, keywords: [领导信息] }');
    expect(d.fix).toContain('  - { id: interaction, name: 互动交流, type: 咨询投诉,');
  });

  it('requires the portal-only columns and 办事服务 of a portal', async () => {
    edit(ALPHA, /^ {2}- \{ id: services, .*\n/m, '');
    edit(ALPHA, /^ {2}- \{ id: data, .*\n/m, '');
    const d = only(await findings('alpha', 'SITE-08'));
    expect(d).toMatchObject({ file: ALPHA, line: 23, field: 'columns' });
    expect(d.message).toContain('政府门户网站缺少必备栏目：办事服务、数据发布');
    expect(d.fix).toContain('type: 办事服务');
    expect(d.fix).toContain('type: 数据发布');
  });

  it('requires 办事服务 of a department that provides services', async () => {
    edit(BETA, 'level: city', 'level: city\nprovidesServices: true');
    const d = only(await findings('beta', 'SITE-08'));
    expect(d.message).toContain('提供政务服务的部门网站缺少必备栏目：办事服务');
    expect(d.fix).toContain('  - { id: services, name: 办事服务, type: 办事服务');
  });

  it('says to correct a misspelt type rather than add a column', async () => {
    edit(BETA, 'type: 负责人信息', 'type: 负责人');
    const d = only(await findings('beta', 'SITE-08'));
    expect(d.message).toContain('缺少必备栏目：负责人信息');
    expect(d.fix).toBe('把栏目“领导信息”（leaders）的 type 改为 负责人信息');
  });

  it('rejects a duplicate column id', async () => {
    edit(ALPHA, 'id: leaders,', 'id: news,');
    const d = only(await findings('alpha', 'SITE-08'));
    expect(d).toMatchObject({ file: ALPHA, line: 28, field: 'columns[5].id' });
    expect(d.message).toContain('栏目标识“news”重复：第 1 个栏目（工作动态）已经用了它');
    expect(d.fix).toContain('id: news-2');
  });

  it('accepts a sub-column under a declared column', async () => {
    edit(ALPHA, 'id: leaders, name: 领导信息,', 'id: leaders, parent: organization, name: 领导信息,');
    await none('alpha', 'SITE-08');
  });

  it('rejects a parent column that is not declared', async () => {
    edit(ALPHA, 'id: leaders, name: 领导信息,', 'id: leaders, parent: organisation, name: 领导信息,');
    const d = only(await findings('alpha', 'SITE-08'));
    expect(d).toMatchObject({ file: ALPHA, line: 28, field: 'columns[5].parent' });
    expect(d.message).toContain('栏目“领导信息”的上级栏目“organisation”没有在 columns 中声明');
    expect(d.fix).toBe('改为 parent: organization');
  });

  it('rejects a column that is its own parent', async () => {
    edit(ALPHA, 'id: leaders, name: 领导信息,', 'id: leaders, parent: leaders, name: 领导信息,');
    const d = only(await findings('alpha', 'SITE-08'));
    expect(d).toMatchObject({ field: 'columns[5].parent' });
    expect(d.message).toContain('上级栏目是它自己');
  });

  it('rejects columns whose parents go round in a circle', async () => {
    edit(ALPHA, 'id: organization, name: 机构职能,', 'id: organization, parent: leaders, name: 机构职能,');
    edit(ALPHA, 'id: leaders, name: 领导信息,', 'id: leaders, parent: organization, name: 领导信息,');
    const found = await findings('alpha', 'SITE-08');
    expect(found.map((d) => [d.line, d.field])).toEqual([
      [27, 'columns[4].parent'],
      [28, 'columns[5].parent'],
    ]);
    expect(found[0]!.message).toContain('栏目的上级关系形成循环：organization → leaders → organization');
    expect(found[0]!.fix).toContain('删除它的 parent 这一行');
  });
});

describe('SITE-10 domestic production server', () => {
  it('accepts a production target declared domestic', async () => {
    await none('alpha', 'SITE-10');
    await none('beta', 'SITE-10');
  });

  it('rejects a production target not declared domestic, at its line, with the fix', async () => {
    edit(ALPHA, 'production: { target: /srv/www/alpha, domestic: true }', 'production: { target: /srv/www/alpha }');
    const d = only(await findings('alpha', 'SITE-10'));
    expect(d).toMatchObject({ ruleId: 'SITE-10', severity: 'error', file: ALPHA, line: 35, field: 'deploy.production.domestic' });
    expect(d.message).toBe('生产发布目标“/srv/www/alpha”没有声明是境内服务器');
    expect(d.fix).toContain('domestic: true');
    expect(formatDiagnostic(d)).toContain(`${ALPHA}:35`);
  });

  it('rejects a production target declared abroad', async () => {
    edit(ALPHA, 'domestic: true', 'domestic: false');
    const d = only(await findings('alpha', 'SITE-10'));
    expect(d.message).toContain('声明为境外服务器（domestic: false）');
  });

  it('rejects a global hosting service as production even when called domestic, pointing it to previews', async () => {
    edit(ALPHA, 'target: /srv/www/alpha', 'target: netlify');
    const d = only(await findings('alpha', 'SITE-10'));
    expect(d).toMatchObject({ severity: 'error', line: 35, field: 'deploy.production.target' });
    expect(d.message).toContain('是 Netlify');
    expect(d.fix).toContain('deploy.preview');
  });

  it('stops the site from loading, so it cannot be built or published', async () => {
    edit(ALPHA, 'domestic: true', 'domestic: false');
    expect((await loadSite(root, 'alpha')).model).toBeUndefined();
  });

  it('accepts an overseas preview beside a domestic production target', async () => {
    edit(ALPHA, 'production: { target: /srv/www/alpha, domestic: true }', 'production: { target: /srv/www/alpha, domestic: true, host: 测试市政务云 }\n  preview: { target: netlify }');
    await none('alpha', 'SITE-10');
  });

  it('rejects a site that declares no production target at all, so it cannot be built (issue 25)', async () => {
    edit(ALPHA, /deploy:\n.*\n/, '');
    const d = only(await findings('alpha', 'SITE-10'));
    expect(d).toMatchObject({ ruleId: 'SITE-10', severity: 'error', file: ALPHA, line: 1 });
    expect(d.message).toContain('没有声明生产发布目标');
    expect(d.fix).toContain('domestic: true');
    expect((await loadSite(root, 'alpha')).model).toBeUndefined();
  });
});

describe('META-04 column type', () => {
  it('accepts the types of the ColumnType list', async () => {
    await none('alpha', 'META-04');
  });

  it('warns about a type outside the list, suggesting the one meant', async () => {
    edit(ALPHA, 'type: 工作动态', 'type: 新闻中心');
    const d = only(await findings('alpha', 'META-04'));
    expect(d).toMatchObject({ ruleId: 'META-04', severity: 'warn', file: ALPHA, line: 23, field: 'columns[0].type' });
    expect(d.message).toBe('栏目“工作动态”的类型“新闻中心”不在栏目类型（ColumnType）的规定取值中');
    expect(d.fix).toContain('改为 type: 工作动态；规定取值有：首页、概况信息');
  });

  it('suggests the type a typo was meant to be', async () => {
    edit(ALPHA, 'type: 机构职能', 'type: 机构职责');
    const d = only(await findings('alpha', 'META-04'));
    expect(d).toMatchObject({ line: 27, field: 'columns[4].type' });
    expect(d.fix).toContain('改为 type: 机构职能');
  });

  it('lists the valid types when nothing fits', async () => {
    edit(ALPHA, '{ id: news, name: 工作动态, type: 工作动态', '{ id: news, name: 其他, type: 其他');
    const d = only(await findings('alpha', 'META-04'));
    expect(d.fix).not.toContain('改为');
    expect(d.fix).toContain('规定取值有：');
  });

  it.each([
    ['工作动太', undefined, '工作动态'],
    ['新闻', undefined, '工作动态'],
    ['领导之窗', undefined, '负责人信息'],
    ['县长信箱', undefined, '咨询投诉'],
    ['政策法规', undefined, '政策文件'],
    ['图解政策', undefined, '政策解读'],
    ['年度报告', undefined, '信息公开年报'],
    ['xyz', '统计数据', '数据发布'],
    ['xyz', 'abc', undefined],
  ])('closestColumnType(%s, %s) is %s', (value, name, expected) => {
    expect(closestColumnType(value, name)).toBe(expected);
  });
});
