// CONT-15: a data release's file (CSV or JSON), read against the columns its front matter
// describes (src/schema/data-release.ts). One reading for the check and for the page: the rule
// reports every problem found here, and the page's table and chart are made from the table
// returned, so what is published is what was checked.
import type { DataColumn } from '../schema/data-release.ts';
import { csvRecords } from './csv-records.ts';
import { decodeText } from './text-decoding.ts';

/** A published number: its value, and its digits as the file writes them (5.0 stays 5.0 in the table). */
export interface DataNumber {
  value: number;
  text: string;
}

/** A text cell is a string (possibly empty); a number cell a DataNumber, or null when not published (empty, —). */
export type DataCell = string | DataNumber | null;

export interface DataRow {
  /** Where the row is in the file, for messages: “第 3 行” (CSV) or “第 2 条记录” (JSON). */
  where: string;
  cells: DataCell[];
}

export interface DataTable {
  columns: DataColumn[];
  rows: DataRow[];
}

export interface DataProblem {
  /** “第 5 行”, “第 2 条记录”, or empty for the file as a whole. */
  where: string;
  reason: string;
  fix: string;
}

export type DataFileFormat = 'csv' | 'json';

/** Cells that mean “no value published”: empty, or a dash as statistical tables write it. */
const NO_VALUE = /^(?:|—|——|-|–|…)$/;
/** A plain decimal number: machine-readable, no thousands separators or units. */
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function formatOf(file: string): DataFileFormat | undefined {
  const ext = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'json' ? ext : undefined;
}

function numberProblem(raw: string, column: DataColumn, where: string): DataProblem {
  const hint = /,|，/.test(raw)
    ? '不要用千位分隔符（写 38562.4，不写 38,562.4）'
    : /[%％亿万元个人]/.test(raw)
      ? `单位写在 columns 的 unit 中，单元格只写数字（写 ${raw.replace(/[^\d.+-]/g, '') || '5.3'}）`
      : '只写阿拉伯数字和小数点；不公布的数值留空或写 —';
  return { where, reason: `“${column.name}”列是数值列，但单元格是“${raw}”，不是数字`, fix: hint };
}

/** One row's cells, typed by the columns; problems are pushed. */
function typedCells(raw: unknown[], columns: DataColumn[], where: string, problems: DataProblem[]): DataCell[] {
  return columns.map((column, i) => {
    const value = raw[i];
    if (column.type === 'text') {
      if (value === null || value === undefined) return '';
      if (typeof value === 'string') return value.trim();
      problems.push({ where, reason: `“${column.name}”列是文字列，但值是 ${JSON.stringify(value)}`, fix: '文字列的值写成字符串（加引号）' });
      return String(value);
    }
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return { value, text: String(value) };
    if (typeof value !== 'string') {
      problems.push({ where, reason: `“${column.name}”列是数值列，但值是 ${JSON.stringify(value)}`, fix: '写数字，不公布的数值写 null' });
      return null;
    }
    const text = value.trim();
    if (NO_VALUE.test(text)) return null;
    if (!NUMBER.test(text)) {
      problems.push(numberProblem(text, column, where));
      return null;
    }
    return { value: Number(text), text: text.replace(/^\+/, '') };
  });
}

/** A row whose value has a unit column gives that unit: every published value needs one. */
function unitProblems(row: DataRow, columns: DataColumn[]): DataProblem[] {
  const problems: DataProblem[] = [];
  columns.forEach((column, i) => {
    if (!column.unitColumn || row.cells[i] === null) return;
    const unitIndex = columns.findIndex((c) => c.name === column.unitColumn);
    if (unitIndex >= 0 && row.cells[unitIndex] === '') {
      problems.push({ where: row.where, reason: `“${column.name}”的值是 ${(row.cells[i] as DataNumber).text}，但单位列“${column.unitColumn}”是空的：缺少单位`, fix: `在这一行的“${column.unitColumn}”列写上单位（如 亿元、%；没有量纲的指数写 指数）` });
    }
  });
  return problems;
}

function csvTable(text: string, columns: DataColumn[], problems: DataProblem[]): DataRow[] {
  const parsed = csvRecords(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    problems.push({ where: `第 ${parsed.line} 行`, reason: parsed.reason, fix: '用 WPS 或 Excel 打开后重新“另存为 CSV（逗号分隔）”' });
    return [];
  }
  const [header, ...records] = parsed.records;
  const expected = columns.map((c) => c.name);
  const names = header?.fields.map((f) => f.trim()) ?? [];
  if (names.join('\n') !== expected.join('\n')) {
    problems.push({
      where: `第 ${header?.line ?? 1} 行（表头）`,
      reason: `表头是“${names.join('，')}”，与 columns 中写的列“${expected.join('，')}”不一致`,
      fix: '让 columns 按文件中的顺序逐列写出表头的每个列名（一字不差），或改正文件的表头',
    });
    return [];
  }
  const rows: DataRow[] = [];
  for (const record of records) {
    const where = `第 ${record.line} 行`;
    if (record.fields.length !== expected.length) {
      problems.push({ where, reason: `这一行有 ${record.fields.length} 个单元格，表头有 ${expected.length} 列`, fix: '补齐或删去多余的单元格；单元格里有逗号时，把整个单元格用英文双引号括起来' });
      continue;
    }
    rows.push({ where, cells: typedCells(record.fields, columns, where, problems) });
  }
  return rows;
}

/** Line of a JSON.parse error, from the position V8 reports. */
function jsonErrorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
}

function jsonTable(text: string, columns: DataColumn[], problems: DataProblem[]): DataRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const line = jsonErrorLine(text, error);
    problems.push({ where: line ? `第 ${line} 行` : '', reason: 'JSON 格式错误，无法读取', fix: '检查这一行附近的括号、引号和逗号（最后一项后面不能有逗号），可用 JSON 校验工具定位' });
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push({ where: '', reason: 'JSON 数据文件应是记录的数组（[ {…}, {…} ]）', fix: `每条记录是一个对象，键是列名，例如 [{"${columns[0]?.name ?? '指标'}": "…"}]` });
    return [];
  }
  const expected = columns.map((c) => c.name);
  return value.flatMap((record: unknown, n) => {
    const where = `第 ${n + 1} 条记录`;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problems.push({ where, reason: '记录不是对象', fix: '每条记录写成 {"列名": 值, …}' });
      return [];
    }
    const keys = Object.keys(record);
    const missing = expected.filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !expected.includes(k));
    if (missing.length || extra.length) {
      const parts = [missing.length ? `缺少列“${missing.join('，')}”` : '', extra.length ? `多了 columns 中没有的列“${extra.join('，')}”` : ''].filter(Boolean);
      problems.push({ where, reason: `记录的键与 columns 不一致：${parts.join('，')}`, fix: '每条记录的键与 columns 的列名一一对应（一字不差）；不公布的数值写 null' });
      return [];
    }
    const row = record as Record<string, unknown>;
    return [{ where, cells: typedCells(expected.map((k) => row[k]), columns, where, problems) }];
  });
}

/** The table of a data file's bytes, and every problem found; the table is usable only with no problems. */
export function readDataTable(bytes: Uint8Array, format: DataFileFormat, columns: DataColumn[]): { table: DataTable; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const text = decodeText(bytes);
  const rows = format === 'csv' ? csvTable(text, columns, problems) : jsonTable(text, columns, problems);
  for (const row of rows) problems.push(...unitProblems(row, columns));
  if (problems.length === 0 && rows.length === 0) problems.push({ where: '', reason: '数据文件中没有数据行', fix: '在表头下写出数据，每行一条' });
  return { table: { columns, rows }, problems };
}
