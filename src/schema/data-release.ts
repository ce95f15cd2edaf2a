// CONT-15: the `data` field of a 数据发布/数据开放 item. The data come as a machine-readable file
// beside the item (CSV or JSON, 指引 四(一)7-8: “以机器可读的数据格式”); this field says what the
// file's columns are (name, kind, unit), which column names the rows and which are charted, and
// until when the data are current. The page's table and chart are generated from the file
// (templates/components/DataRelease.astro); the file itself is read and checked against this
// description by src/content/data-table.ts. Every issue here is CONT-15's (x-rule of the field).
import { z } from 'zod';
import { allowedUrl, calendarDate, labelled } from './fields.ts';

/** Every field of `data` is CONT-15's: the JSON Schema and docs/content-model.md say so row by row. */
const RULE = 'CONT-15';

export const CHART_KINDS = ['bar', 'line'] as const;
/** More series than this in one chart cannot be told apart by colour and pattern. */
export const MAX_CHART_SERIES = 4;

const column = z.strictObject({
  name: labelled(z.string({ error: '缺少列名' }).trim().min(1, { error: '列名不能为空' }), {
    'x-rule': RULE,
    title: '列名',
    description: '与数据文件的表头（CSV 第一行，JSON 记录的键）完全一致',
  }),
  type: labelled(z.enum(['text', 'number'], { error: '列的类型只能是 text（文字）或 number（数值）' }).default('text'), {
    'x-rule': RULE,
    title: '列类型',
    description: 'text（文字，如指标名称）或 number（数值）；数值列须写单位',
  }),
  unit: labelled(z.string().trim().min(1, { error: '单位不能为空' }).optional(), {
    'x-rule': RULE,
    title: '单位',
    description: '数值列的单位，如 亿元、%、万人；没有量纲的指数写 “指数”',
    examples: ['亿元', '%'],
  }),
  unitColumn: labelled(z.string().trim().min(1).optional(), {
    'x-rule': RULE,
    title: '单位列',
    description: '各行单位不同时，写出每行单位所在的文字列的列名（如 单位）',
  }),
});

export type DataColumn = z.output<typeof column>;

const chart = z.strictObject({
  kind: labelled(z.enum(CHART_KINDS, { error: '图表类型只能是 bar（条形图）或 line（折线图）' }).default('bar'), { 'x-rule': RULE, title: '图表类型' }),
  category: labelled(z.string({ error: '缺少分类列' }).trim().min(1), { 'x-rule': RULE, title: '分类列', description: '图表中各项的名称所在的列（如 指标、月份）' }),
  values: labelled(z.array(z.string().trim().min(1)).min(1, { error: '至少要画一个数值列' }).max(MAX_CHART_SERIES, { error: `一张图最多画 ${MAX_CHART_SERIES} 个数值列` }), {
    'x-rule': RULE,
    title: '图表数值列',
    description: `要画出的数值列的列名，1～${MAX_CHART_SERIES} 个，单位须相同`,
  }),
  title: labelled(z.string().trim().min(1).optional(), { 'x-rule': RULE, title: '图表标题', description: '不写时用“数值列名（按分类列名）”' }),
});

type Issue = { path: (string | number)[]; message: string; fix: string };

/** Cross-field checks: what one column or the chart names must exist and fit. */
function describedConsistently(data: { file: string; columns: DataColumn[]; chart?: z.output<typeof chart> }): Issue[] {
  const issues: Issue[] = [];
  const byName = new Map<string, DataColumn>();
  data.columns.forEach((c, i) => {
    if (byName.has(c.name)) issues.push({ path: ['columns', i, 'name'], message: `列名“${c.name}”重复了`, fix: '每列的名称须不同，与数据文件的表头一致' });
    byName.set(c.name, c);
  });
  data.columns.forEach((c, i) => {
    if (c.type === 'number' && !c.unit && !c.unitColumn) {
      issues.push({ path: ['columns', i], message: `数值列“${c.name}”没有写单位：读者看不出数值的量纲`, fix: `在这一列下加 unit: 亿元（按实际单位写，如 %、万人、元；没有量纲的指数写 unit: 指数），各行单位不同时写 unitColumn: 单位（单位所在的列）` });
    }
    if (c.type === 'text' && (c.unit || c.unitColumn)) {
      issues.push({ path: ['columns', i], message: `文字列“${c.name}”写了单位：单位只用于数值列`, fix: `把这一列改为 type: number，或删除它的 unit/unitColumn` });
    }
    if (c.unitColumn && byName.get(c.unitColumn)?.type !== 'text') {
      issues.push({ path: ['columns', i, 'unitColumn'], message: `单位列“${c.unitColumn}”不是本表的文字列`, fix: `写 columns 中一个 type: text 的列名，例如 ${data.columns.find((x) => x.type === 'text')?.name ?? '单位'}` });
    }
  });
  if (data.chart) issues.push(...chartIssues(data.chart, byName));
  return issues;
}

function chartIssues(c: z.output<typeof chart>, byName: Map<string, DataColumn>): Issue[] {
  const issues: Issue[] = [];
  const names = [...byName.keys()].join('、');
  if (!byName.has(c.category)) issues.push({ path: ['chart', 'category'], message: `图表的分类列“${c.category}”不在 columns 中`, fix: `写 columns 中的一个列名：${names}` });
  const units = new Set<string>();
  c.values.forEach((name, i) => {
    const col = byName.get(name);
    if (!col) issues.push({ path: ['chart', 'values', i], message: `图表数值列“${name}”不在 columns 中`, fix: `写 columns 中的数值列名：${names}` });
    else if (col.type !== 'number') issues.push({ path: ['chart', 'values', i], message: `图表数值列“${name}”不是数值列（type: number）`, fix: '只画数值列；文字列放在 category' });
    else if (!col.unit) issues.push({ path: ['chart', 'values', i], message: `图表数值列“${name}”各行单位不同（unitColumn），不能画在同一张图里`, fix: '改画单位统一的列（如增速 %），或把这一列拆成单位相同的几张表' });
    else units.add(col.unit);
  });
  if (units.size > 1) issues.push({ path: ['chart', 'values'], message: `图表中的数值列单位不同（${[...units].join('、')}），画在同一坐标上会误导读者`, fix: '一张图只画单位相同的列' });
  return issues;
}

export const dataReleaseSchema = z
  .strictObject({
    file: labelled(
      z
        .string({ error: '缺少数据文件' })
        .min(1)
        .check(allowedUrl)
        .refine((v) => !/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(v), { error: '数据文件须是条目文件夹中的文件（写文件名，如 q3-indicators.csv），不能是网址或绝对路径' })
        .regex(/\.(?:csv|json)$/i, { error: '数据文件须是 .csv 或 .json 文件（机器可读格式）' }),
      { 'x-rule': RULE, title: '数据文件', description: '条目文件夹中的 CSV（UTF-8，第一行是表头）或 JSON（记录的数组）文件', examples: ['q3-indicators.csv'] },
    ),
    title: labelled(z.string().trim().min(1).optional(), { 'x-rule': RULE, title: '表格标题', description: '表格的标题（caption）；不写时用条目标题' }),
    columns: labelled(z.array(column).min(1, { error: '至少要有一列' }), { 'x-rule': RULE, title: '数据列', description: '按数据文件中的顺序列出每一列' }),
    chart: labelled(chart.optional(), { 'x-rule': RULE, title: '图表', description: '由数据文件生成的图表（SVG）' }),
    validUntil: labelled(calendarDate.optional(), {
      'x-rule': RULE,
      title: '有效期至',
      description: '数据的有效期；过了这一天，页面标注“已过期”，检查给出警告',
      examples: ['2027-01-31'],
    }),
  })
  .superRefine((data, ctx) => {
    for (const issue of describedConsistently(data)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: { ruleId: 'CONT-15', fix: issue.fix } });
    }
  });

export type DataRelease = z.output<typeof dataReleaseSchema>;

/** Whether data valid until `validUntil` (that day included) have expired at `now` (`YYYY-MM-DD HH:MM`, China time). */
export function dataExpired(release: Pick<DataRelease, 'validUntil'> | undefined, now: string): boolean {
  return release?.validUntil !== undefined && now.slice(0, 10) > release.validUntil;
}
