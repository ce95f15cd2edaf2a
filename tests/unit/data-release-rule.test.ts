// CONT-15 as `validate` reports it: an item of a 数据发布 column in a copy of the `mini` platform,
// with its data file beside it. Every way the data can be wrong is an error at the line of the
// front matter that names what to fix (the file, the column, the chart); expired data warn.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { copyPlatform, removePlatform, writeText } from '../helpers/platform.ts';

const ITEM = 'content/alpha/data/2026-q3/index.mdx';
const CSV_HEADER = '指标,单位,绝对值,同比增长（%）\n';
/** Front matter lines: 6 data:, 7 file, 8 columns:, 9–12 the columns, 13 chart, 14 validUntil. */
const COLUMNS = [
  '    - { name: 指标 }',
  '    - { name: 单位 }',
  '    - { name: 绝对值, type: number, unitColumn: 单位 }',
  '    - { name: 同比增长（%）, type: number, unit: "%" }',
];

let root: string;
beforeEach(() => {
  root = copyPlatform('mini');
});
afterEach(() => removePlatform(root));

function writeItem(options: { file?: string; columns?: string[]; chart?: string; validUntil?: string; data?: false; item?: string } = {}): void {
  const data = options.data === false
    ? ''
    : [
        'data:',
        `  file: ${options.file ?? 'indicators.csv'}`,
        '  columns:',
        ...(options.columns ?? COLUMNS),
        `  chart: ${options.chart ?? '{ kind: bar, category: 指标, values: [同比增长（%）] }'}`,
        `  validUntil: ${options.validUntil ?? '2027-01-31'}`,
        '',
      ].join('\n');
  writeText(root, options.item ?? ITEM, `---\ntitle: 2026年前三季度测试市经济运行主要指标\npubDate: 2026-10-24 10:00\nsource: 测试市统计局\nreviewedBy: 刘敏\n${data}---\n\n前三季度全市经济运行稳中有进。\n`);
}

const writeData = (name: string, text: string) => writeText(root, path.posix.join(path.posix.dirname(ITEM), name), text);

async function found(ruleId = 'CONT-15'): Promise<Diagnostic[]> {
  const sites = await loadPlatform(root, '2026-11-22 10:00');
  return sites.get('alpha')!.diagnostics.filter((d) => d.ruleId === ruleId);
}

/** The one CONT-15 finding, an error at `line` of the item. */
async function errorAt(line: number): Promise<Diagnostic> {
  const all = await found();
  expect(all, all.map(formatDiagnostic).join('\n')).toHaveLength(1);
  const d = all[0]!;
  expect(d).toMatchObject({ ruleId: 'CONT-15', severity: 'error', file: ITEM, line });
  expect(formatDiagnostic(d)).toContain(`${ITEM}:${line}`);
  expect(d.fix.length).toBeGreaterThan(5);
  return d;
}

describe('CONT-15 data releases', () => {
  it('a complete data release (CSV and JSON) has no finding', async () => {
    writeData('indicators.csv', readFileSync(path.join(projectRoot, 'tests/fixtures/data-release/indicators.csv'), 'utf8'));
    writeItem();
    expect((await found()).map(formatDiagnostic)).toEqual([]);
    writeText(root, 'content/alpha/data/cpi/monthly-cpi.json', '[{"月份":"7月","涨幅":0.2}]');
    writeText(root, 'content/alpha/data/cpi/index.mdx', '---\ntitle: 测试市居民消费价格\npubDate: 2026-10-24 10:00\nsource: 测试市统计局\nreviewedBy: 刘敏\ndata:\n  file: monthly-cpi.json\n  columns: [{ name: 月份 }, { name: 涨幅, type: number, unit: "%" }]\n  chart: { kind: line, category: 月份, values: [涨幅] }\n---\n\n正文。\n');
    expect((await found()).map(formatDiagnostic)).toEqual([]);
  });

  it('an item of a 数据发布 column without data is an error; an item of another column is not asked for any', async () => {
    writeItem({ data: false });
    writeItem({ data: false, item: 'content/alpha/news/2026-q3-summary.mdx' });
    const d = await errorAt(2);
    expect(d.message).toContain('“数据发布”是数据发布栏目，但这篇内容没有提供机器可读的数据文件（data）');
    expect(d.fix).toContain('data: { file: q3-indicators.csv');
  });

  it('a data file that is not there is an error at data.file', async () => {
    writeItem();
    expect((await errorAt(7)).message).toBe('数据文件“indicators.csv”不存在');
  });

  it('a ragged CSV row is an error at data.file naming the line of the CSV', async () => {
    writeData('indicators.csv', `${CSV_HEADER}地区生产总值,亿元,38562.4,5.3\n第一产业增加值,亿元,3184.6\n`);
    writeItem();
    const d = await errorAt(7);
    expect(d.message).toBe('数据文件“indicators.csv”第 3 行：这一行有 3 个单元格，表头有 4 列');
    expect(d.fix).toContain('双引号');
  });

  it('a bad number in a number column is an error', async () => {
    writeData('indicators.csv', `${CSV_HEADER}地区生产总值,亿元,"38,562.4",5.3\n`);
    writeItem();
    expect((await errorAt(7)).message).toContain('第 2 行：“绝对值”列是数值列，但单元格是“38,562.4”，不是数字');
  });

  it('a header that differs from the columns described is an error', async () => {
    writeData('indicators.csv', `指标,单位,数值,增速\n地区生产总值,亿元,38562.4,5.3\n`);
    writeItem();
    expect((await errorAt(7)).message).toContain('第 1 行（表头）');
  });

  it('JSON that does not match the columns is an error', async () => {
    writeData('indicators.json', '[{"指标":"地区生产总值","单位":"亿元","绝对值":38562.4}]');
    writeItem({ file: 'indicators.json' });
    expect((await errorAt(7)).message).toContain('第 1 条记录：记录的键与 columns 不一致：缺少列“同比增长（%）”');
  });

  it('a number column without a unit is an error at that column', async () => {
    writeData('indicators.csv', `${CSV_HEADER}地区生产总值,亿元,38562.4,5.3\n`);
    writeItem({ columns: [...COLUMNS.slice(0, 3), '    - { name: 同比增长（%）, type: number }'] });
    const all = await found();
    const d = all.find((x) => x.line === 12)!;
    expect(d, all.map(formatDiagnostic).join('\n')).toMatchObject({ ruleId: 'CONT-15', severity: 'error', file: ITEM });
    expect(d.message).toContain('数值列“同比增长（%）”没有写单位');
  });

  it('a value whose unit column is empty is missing its unit', async () => {
    writeData('indicators.csv', `${CSV_HEADER}居民消费价格指数,,100.4,0.4\n`);
    writeItem();
    expect((await errorAt(7)).message).toContain('第 2 行：“绝对值”的值是 100.4，但单位列“单位”是空的：缺少单位');
  });

  it('a chart of a column that is not described is an error at the chart', async () => {
    writeData('indicators.csv', `${CSV_HEADER}地区生产总值,亿元,38562.4,5.3\n`);
    writeItem({ chart: '{ kind: bar, category: 指标, values: [增速] }' });
    expect((await errorAt(13)).message).toContain('图表数值列“增速”不在 columns 中');
  });

  it('the data file is published, so its text is checked as an attachment\'s is (CONT-07 at data.file)', async () => {
    writeData('indicators.csv', `${CSV_HEADER}联系人王某 310101199001011234,亿元,1,1\n`);
    writeItem();
    const [d, ...rest] = await found('CONT-07');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: ITEM, line: 7 });
    expect(d!.message).toContain('数据文件“indicators.csv”第 2 行');
  });

  it('data past validUntil at the build date warn at validUntil; before it, nothing', async () => {
    writeData('indicators.csv', `${CSV_HEADER}地区生产总值,亿元,38562.4,5.3\n`);
    writeItem({ validUntil: '2026-11-21' });
    const [d, ...rest] = await found();
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'CONT-15', severity: 'warn', file: ITEM, line: 14 });
    expect(d!.message).toContain('现已过期');
    writeItem({ validUntil: '2026-11-22' });
    expect(await found()).toEqual([]);
  });
});
