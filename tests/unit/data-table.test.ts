// CONT-15: the reading of a data release's file against its described columns
// (src/content/data-table.ts, src/content/csv-records.ts): what parses, and each way a file
// fails, with the line an editor finds it on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/content/csv-records.ts';
import { readDataTable, type DataCell } from '../../src/content/data-table.ts';
import { dataReleaseSchema, type DataColumn } from '../../src/schema/data-release.ts';
import { projectRoot } from '../../src/util/paths.ts';

const fixture = (name: string) => readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'data-release', name));
const bytes = (text: string) => new TextEncoder().encode(text);

const INDICATORS: DataColumn[] = [
  { name: '指标', type: 'text' },
  { name: '单位', type: 'text' },
  { name: '绝对值', type: 'number', unitColumn: '单位' },
  { name: '同比增长（%）', type: 'number', unit: '%' },
];
const CPI: DataColumn[] = [
  { name: '月份', type: 'text' },
  { name: '居民消费价格同比涨幅', type: 'number', unit: '%' },
];
const shown = (cell: DataCell) => (cell === null ? null : typeof cell === 'string' ? cell : cell.text);

describe('CSV records (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, each record at the line it starts on', () => {
    const result = csvRecords('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['two\nlines', 'z'] },
      ],
    });
  });

  it('an unclosed quote is reported at the line it opened on', () => {
    expect(csvRecords('a,b\n1,2\n"3,4\n5,6\n')).toMatchObject({ ok: false, line: 3 });
  });
});

describe('readDataTable', () => {
  it('reads the CSV fixture: texts, numbers as written, unpublished values as null', () => {
    const { table, problems } = readDataTable(fixture('indicators.csv'), 'csv', INDICATORS);
    expect(problems).toEqual([]);
    expect(table.rows.map((r) => r.cells.map(shown))).toEqual([
      ['地区生产总值', '亿元', '38562.4', '5.3'],
      ['规模以上工业增加值', '亿元', null, '6.4'],
      ['货物进出口总额（含"一般贸易"）', '亿元', '6215.3', '7.2'],
      ['城镇居民人均可支配收入', '元', '39852', '-0.5'],
    ]);
    expect(table.rows[3]!.cells[3]).toEqual({ value: -0.5, text: '-0.5' });
    expect(table.rows[1]!.where).toBe('第 3 行');
  });

  it('keeps 5.0 as 5.0 (statistics print their precision) and reads a GB18030 file as Excel saves it', () => {
    const gb = Buffer.from([0xd6, 0xb8, 0xb1, 0xea, 0x2c, 0xd4, 0xf6, 0xcb, 0xd9, 0x0a, 0xb9, 0xa4, 0xd2, 0xb5, 0x2c, 0x35, 0x2e, 0x30, 0x0a]); // 指标,增速 / 工业,5.0
    const { table, problems } = readDataTable(gb, 'csv', [{ name: '指标', type: 'text' }, { name: '增速', type: 'number', unit: '%' }]);
    expect(problems).toEqual([]);
    expect(table.rows[0]!.cells).toEqual(['工业', { value: 5, text: '5.0' }]);
  });

  it('a ragged row is an error at its line, and the other rows are still read', () => {
    const { problems } = readDataTable(bytes('指标,单位,绝对值,同比增长（%）\n地区生产总值,亿元,1,2\n第一产业,亿元,3\n'), 'csv', INDICATORS);
    expect(problems).toEqual([expect.objectContaining({ where: '第 3 行', reason: '这一行有 3 个单元格，表头有 4 列' })]);
  });

  it('a cell that is not a number in a number column says why: thousands separator, unit in the cell', () => {
    const { problems } = readDataTable(bytes('指标,单位,绝对值,同比增长（%）\n甲,亿元,"38,562.4",5.3\n乙,亿元,1,5.3%\n丙,亿元,约10,1\n'), 'csv', INDICATORS);
    expect(problems.map((p) => p.where)).toEqual(['第 2 行', '第 3 行', '第 4 行']);
    expect(problems[0]!.reason).toContain('“绝对值”列是数值列，但单元格是“38,562.4”');
    expect(problems[0]!.fix).toContain('千位分隔符');
    expect(problems[1]!.fix).toContain('unit');
    expect(problems[2]!.reason).toContain('“约10”');
  });

  it('a header that is not the described columns is an error at line 1', () => {
    const { problems } = readDataTable(bytes('指标,单位,数值,同比增长（%）\n甲,亿元,1,2\n'), 'csv', INDICATORS);
    expect(problems).toEqual([expect.objectContaining({ where: '第 1 行（表头）' })]);
    expect(problems[0]!.reason).toContain('指标，单位，数值，同比增长（%）');
  });

  it('a value whose unit column is empty is missing its unit', () => {
    const { problems } = readDataTable(bytes('指标,单位,绝对值,同比增长（%）\n居民消费价格指数,,100.4,0.4\n规模以上工业增加值,,,6.4\n'), 'csv', INDICATORS);
    expect(problems).toEqual([expect.objectContaining({ where: '第 2 行' })]);
    expect(problems[0]!.reason).toContain('缺少单位');
  });

  it('reads the JSON fixture: an array of records keyed by column name, null unpublished', () => {
    const { table, problems } = readDataTable(fixture('monthly-cpi.json'), 'json', CPI);
    expect(problems).toEqual([]);
    expect(table.rows.map((r) => r.cells.map(shown))).toEqual([['7月', '0.2'], ['8月', '-0.1'], ['9月', null], ['10月', '0.4']]);
  });

  it('JSON whose records do not match the columns, or that is not JSON, says where', () => {
    const wrongKeys = readDataTable(bytes('[{"月份":"7月","涨幅":0.2},{"月份":"8月","居民消费价格同比涨幅":"高"}]'), 'json', CPI).problems;
    expect(wrongKeys.map((p) => p.where)).toEqual(['第 1 条记录', '第 2 条记录']);
    expect(wrongKeys[0]!.reason).toContain('缺少列“居民消费价格同比涨幅”');
    expect(wrongKeys[0]!.reason).toContain('多了 columns 中没有的列“涨幅”');
    expect(wrongKeys[1]!.reason).toContain('不是数字');
    const broken = readDataTable(bytes('[\n  {"月份": "7月"},\n  {"月份": "8月",}\n]'), 'json', CPI).problems;
    expect(broken).toEqual([expect.objectContaining({ where: '第 3 行', reason: 'JSON 格式错误，无法读取' })]);
    expect(readDataTable(bytes('{"月份": "7月"}'), 'json', CPI).problems[0]!.reason).toContain('记录的数组');
  });

  it('a file with a header and no rows has no data', () => {
    expect(readDataTable(bytes('月份,居民消费价格同比涨幅\n'), 'csv', CPI).problems[0]!.reason).toBe('数据文件中没有数据行');
  });
});

describe('the data field (dataReleaseSchema)', () => {
  const issues = (value: unknown) => {
    const result = dataReleaseSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, rule: (i as { params?: { ruleId?: string } }).params?.ruleId }));
  };

  it('accepts the demo shape', () => {
    expect(issues({ file: 'a.csv', columns: INDICATORS, chart: { kind: 'bar', category: '指标', values: ['同比增长（%）'] }, validUntil: '2027-01-31' })).toEqual([]);
  });

  it('a number column without a unit, a chart of unknown or mixed-unit columns, a URL for a file are refused', () => {
    expect(issues({ file: 'a.csv', columns: [{ name: '指标' }, { name: '数值', type: 'number' }] })).toEqual([
      expect.objectContaining({ path: 'columns.1', rule: 'CONT-15', message: expect.stringContaining('没有写单位') }),
    ]);
    expect(issues({ file: 'a.csv', columns: INDICATORS, chart: { category: '项目', values: ['绝对值'] } }).map((i) => i.path)).toEqual(['chart.category', 'chart.values.0']);
    expect(issues({ file: 'a.csv', columns: [{ name: 'a' }, { name: 'b', type: 'number', unit: '亿元' }, { name: 'c', type: 'number', unit: '%' }], chart: { category: 'a', values: ['b', 'c'] } })[0]!.message).toContain('单位不同');
    expect(issues({ file: 'https://data.example.cn/a.csv', columns: INDICATORS })[0]!.message).toContain('不能是网址');
    expect(issues({ file: 'a.xlsx', columns: INDICATORS })[0]!.message).toContain('.csv 或 .json');
  });
});
