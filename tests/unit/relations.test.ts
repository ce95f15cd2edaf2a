// Relations between items across the platform (CONT-02, CONT-03, CONT-04), on the mini fixture:
// alpha is a city portal, beta a department site under it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { copyPlatform, readText, removePlatform, writeText } from '../helpers/platform.ts';

let root: string;
beforeEach(() => {
  root = copyPlatform('mini');
});
afterEach(() => removePlatform(root));

const POLICY = 'content/alpha/policies/open-data-rules/index.mdx';

function item(file: string, fields: string, body = '正文。'): void {
  writeText(root, file, `---\n${fields.trim()}\n---\n\n${body}\n`);
}

const interpretation = (interprets: string, extra = '') => `
title: 《测试市公共数据开放管理办法》解读
pubDate: 2026-09-02 10:00
source: 测试市数据管理局
reviewedBy: 陈静
interprets: ${interprets}
${extra}`;

async function load() {
  const platform = await loadPlatform(root);
  const all = [...platform.values()].flatMap((s) => s.diagnostics);
  return { platform, all, text: all.map(formatDiagnostic).join('\n') };
}

describe('CONT-04 policy ↔ interpretation', () => {
  it('links both pages from one declaration', async () => {
    item('content/alpha/interpretations/open-data-explained.mdx', interpretation('policies/open-data-rules'));
    const { platform, all, text } = await load();
    expect(all, text).toEqual([]);
    const items = platform.get('alpha')!.model!.items;
    const policy = items.find((i) => i.id === 'policies/open-data-rules')!;
    const explained = items.find((i) => i.id === 'interpretations/open-data-explained')!;
    expect(policy.relations!.interpretations).toEqual([{ title: '《测试市公共数据开放管理办法》解读', url: '/interpretations/open-data-explained/', siteName: undefined, pubDate: '2026-09-02 10:00' }]);
    expect(explained.relations!.interprets).toEqual({ title: '测试市公共数据开放管理办法', url: '/policies/open-data-rules/', siteName: undefined, pubDate: expect.any(String) });
  });

  it('links across sites with absolute URLs naming the other site', async () => {
    item('content/beta/interpretations/open-data-explained.mdx', interpretation('alpha:policies/open-data-rules'));
    const { platform, all, text } = await load();
    expect(all, text).toEqual([]);
    const explained = platform.get('beta')!.model!.items.find((i) => i.id === 'interpretations/open-data-explained')!;
    expect(explained.relations!.interprets).toEqual({ title: '测试市公共数据开放管理办法', url: 'https://www.ceshi.gov.cn/policies/open-data-rules/', siteName: '测试市人民政府', pubDate: expect.any(String) });
    const policy = platform.get('alpha')!.model!.items.find((i) => i.id === 'policies/open-data-rules')!;
    expect(policy.relations!.interpretations[0]).toMatchObject({ url: 'https://sjj.ceshi.gov.cn/interpretations/open-data-explained/', siteName: '测试市数据管理局' });
  });

  it('reports a reference to a missing item at the field, naming the file it expected', async () => {
    item('content/alpha/interpretations/open-data-explained.mdx', interpretation('policies/open-data-rule'));
    const { platform, all } = await load();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ruleId: 'CONT-04', severity: 'error', file: 'content/alpha/interpretations/open-data-explained.mdx', line: 6, field: 'interprets' });
    expect(all[0]!.message).toContain('content/alpha/policies/open-data-rule.mdx 或 content/alpha/policies/open-data-rule/index.mdx');
    expect(platform.get('alpha')!.model).toBeUndefined();
    expect(platform.get('beta')!.model).toBeDefined();
  });

  it('treats a draft target as missing', async () => {
    writeText(root, POLICY, readText(root, POLICY).replace('reviewedBy: 陈静', 'reviewedBy: 陈静\ndraft: true'));
    item('content/alpha/interpretations/open-data-explained.mdx', interpretation('policies/open-data-rules'));
    const { all } = await load();
    expect(all.map((d) => d.ruleId)).toEqual(['CONT-04']);
  });

  it('warns about an important policy without interpretation, without stopping the build', async () => {
    writeText(root, POLICY, readText(root, POLICY).replace('reviewedBy: 陈静', 'reviewedBy: 陈静\nimportant: true'));
    const { platform, all } = await load();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ruleId: 'CONT-04', severity: 'warn', file: POLICY, line: 6, field: 'important' });
    expect(all[0]!.message).toContain('重要政策文件还没有解读');
    expect(platform.get('alpha')!.model).toBeDefined();
  });
});

describe('CONT-03 replaced documents', () => {
  it('resolves replacedBy and reports a missing replacement', async () => {
    writeText(root, POLICY, readText(root, POLICY).replace('reviewedBy: 陈静', 'reviewedBy: 陈静\nstatus:\n  state: repealed\n  date: 2026-10-01\n  replacedBy: policies/open-data-rules-2027'));
    const { all } = await load();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ruleId: 'CONT-03', file: POLICY, line: 9, field: 'status.replacedBy' });
    item('content/alpha/policies/open-data-rules-2027.mdx', 'title: 测试市公共数据开放管理办法（2027年修订）\npubDate: 2026-10-01 09:00\nsource: 测试市人民政府\nreviewedBy: 陈静');
    const loaded = await load();
    expect(loaded.all, loaded.text).toEqual([]);
    const old = loaded.platform.get('alpha')!.model!.items.find((i) => i.id === 'policies/open-data-rules')!;
    expect(old.relations!.replacedBy?.url).toBe('/policies/open-data-rules-2027/');
  });

  it('requires the date, and for a repealed or amended document what replaces it or a note (issue 25)', async () => {
    writeText(root, POLICY, readText(root, POLICY).replace('reviewedBy: 陈静', 'reviewedBy: 陈静\nstatus:\n  state: repealed'));
    const { all, platform } = await load();
    expect(all.map((d) => [d.ruleId, d.field, d.line])).toEqual([
      ['CONT-03', 'status.date', 7],
      ['CONT-03', 'status.replacedBy', 7],
    ]);
    expect(all[0]!.message).toContain('没有写废止日期');
    expect(all[1]!.message).toContain('读者不知道现在按什么执行');
    expect(platform.get('alpha')!.model?.items.some((i) => i.id === 'policies/open-data-rules')).not.toBe(true);
    // A note naming the decision is enough for a repealed one; an expired one needs only its date.
    writeText(root, POLICY, readText(root, POLICY).replace('  state: repealed', '  state: repealed\n  date: 2026-10-01\n  note: 根据测政发〔2026〕3号决定废止'));
    expect((await load()).all).toEqual([]);
    writeText(root, POLICY, readText(root, POLICY).replace(/ {2}state: repealed\n {2}date: 2026-10-01\n {2}note: .*\n/, '  state: expired\n  date: 2026-10-01\n'));
    expect((await load()).all).toEqual([]);
  });
});

describe('CONT-02 reprints of a superior site', () => {
  const reprint = (pubDate: string) => `
title: 转载：测试市公共数据开放管理办法
pubDate: ${pubDate}
source: 测试市人民政府
reviewedBy: 赵磊
reprint:
  site: 测试市人民政府
  url: https://www.ceshi.gov.cn/policies/open-data-rules/`;

  beforeEach(() => {
    writeText(root, POLICY, readText(root, POLICY).replace('reviewedBy: 陈静', 'reviewedBy: 陈静\nimportant: true'));
    item('content/alpha/interpretations/open-data-explained.mdx', interpretation('policies/open-data-rules'));
  });

  it('links the reprint to its original and accepts it within 12 hours', async () => {
    item('content/beta/policies/open-data-rules-reprint.mdx', reprint('2026-09-01 21:59'));
    const { platform, all, text } = await load();
    expect(all, text).toEqual([]);
    const copy = platform.get('beta')!.model!.items.find((i) => i.id === 'policies/open-data-rules-reprint')!;
    expect(copy.relations!.reprintOf?.url).toBe('https://www.ceshi.gov.cn/policies/open-data-rules/');
  });

  it('warns when an important policy of the superior site is reprinted more than 12 hours late', async () => {
    item('content/beta/policies/open-data-rules-reprint.mdx', reprint('2026-09-02 10:00'));
    const { all } = await load();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ruleId: 'CONT-02', severity: 'warn', file: 'content/beta/policies/open-data-rules-reprint.mdx', line: 3, field: 'pubDate' });
    expect(all[0]!.message).toContain('晚了 24 小时');
  });

  it('warns on a policy reprinted from www.gov.cn more than 12 hours after the original’s time (issue 25)', async () => {
    const national = (pubDate: string, originalPubDate: string) => `
title: 转载：国务院关于进一步优化营商环境的意见
pubDate: ${pubDate}
source: 中国政府网
reviewedBy: 赵磊
reprint:
  site: 中国政府网
  url: https://www.gov.cn/zhengce/content/2026-09/01/content_1.htm
  originalPubDate: ${originalPubDate}`;
    item('content/beta/policies/national-reprint.mdx', national('2026-09-10 10:00', '2026-09-01 10:00'));
    const { all } = await load();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ruleId: 'CONT-02', severity: 'warn', file: 'content/beta/policies/national-reprint.mdx', field: 'pubDate' });
    expect(all[0]!.message).toContain('转载中国政府网重要政策晚了 216 小时');
    // Within 12 hours, or without the original's time, nothing is said.
    item('content/beta/policies/national-reprint.mdx', national('2026-09-01 21:00', '2026-09-01 10:00'));
    expect((await load()).all).toEqual([]);
  });
});

describe('topics', () => {
  it('reports an item in an undeclared topic', async () => {
    writeText(root, POLICY, readText(root, POLICY).replace('reviewedBy: 陈静', 'reviewedBy: 陈静\ntopic: shuzi-zhengfu'));
    const { all } = await load();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ruleId: 'FILE-04', file: POLICY, line: 6, field: 'topic' });
  });
});

describe('OPEN-02 index numbers', () => {
  it('reports two items of a site with one 索引号, at the second one’s indexNumber', async () => {
    writeText(root, POLICY, readText(root, POLICY).replace('reviewedBy: 陈静', 'reviewedBy: 陈静\nindexNumber: 000014349/2026-00123'));
    item('content/alpha/policies/open-data-rules-2027.mdx', 'title: 测试市公共数据开放管理办法（2027年修订）\npubDate: 2026-10-01 09:00\nsource: 测试市人民政府\nreviewedBy: 陈静\nindexNumber: 000014349/2026-00123');
    const { all } = await load();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ruleId: 'OPEN-02', file: 'content/alpha/policies/open-data-rules-2027.mdx', field: 'indexNumber' });
    expect(all[0]!.message).toContain('与 content/alpha/policies/open-data-rules/index.mdx 相同');
  });
});
