// META-04: the ColumnType page label takes its value from the fixed list of the web page design
// rules (COLUMN_TYPES). Another value still builds (the label is only less useful to the
// inspection's crawler), so it warns; but the required-column rule (SITE-08) and the health
// checks recognize columns by this type, so the warning suggests the value that was meant.
import { COLUMN_TYPES, type ColumnConfig } from '../../schema/site-schema.ts';
import { editDistance } from '../../util/closest-name.ts';
import type { SiteRule } from './index.ts';
import { report } from './support.ts';

/** Words editors use for a column, mapped to the type they mean; checked in this order. */
const TYPE_HINTS: [RegExp, (typeof COLUMN_TYPES)[number]][] = [
  [/公开指南/, '信息公开指南'],
  [/公开目录|主动公开/, '信息公开目录'],
  [/年报|年度报告/, '信息公开年报'],
  [/依申请/, '依申请公开'],
  [/数据开放|开放数据/, '数据开放'],
  [/数据|统计/, '数据发布'],
  [/解读|图解|问答/, '政策解读'],
  [/回应|关切|热点/, '回应关切'],
  [/政策|文件|法规|规章/, '政策文件'],
  [/领导|负责人|局长|厅长/, '负责人信息'],
  [/机构|职能|职责/, '机构职能'],
  [/概况|简介|走进/, '概况信息'],
  [/访谈/, '在线访谈'],
  [/征集|调查|意见/, '征集调查'],
  [/信箱|留言|咨询|投诉|互动|建言|12345/, '咨询投诉'],
  [/办事|服务|指南/, '办事服务'],
  [/专题|专栏/, '专题专栏'],
  [/首页|主页/, '首页'],
  [/动态|新闻|要闻|公告|通知|资讯|信息/, '工作动态'],
];

export function isColumnType(value: string): boolean {
  return (COLUMN_TYPES as readonly string[]).includes(value);
}

/** The valid type an unknown `type` (or, failing that, the column's name) most likely meant. */
export function closestColumnType(value: string, columnName?: string): string | undefined {
  for (const text of [value, columnName ?? '']) {
    if (!text) continue;
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const type of COLUMN_TYPES) {
      const d = editDistance(text, type);
      if (d < bestDistance) [best, bestDistance] = [type, d];
    }
    // One character off in a four-character type is a typo, not a different column.
    if (best && bestDistance <= Math.max(1, Math.floor(text.length / 3))) return best;
    const hinted = TYPE_HINTS.find(([pattern]) => pattern.test(text));
    if (hinted) return hinted[1];
  }
  return undefined;
}

export const meta04ColumnType: SiteRule = (context) =>
  context.site.config.columns.flatMap((column: ColumnConfig, i) => {
    if (isColumnType(column.type)) return [];
    const guess = closestColumnType(column.type.trim(), column.name);
    const spaced = column.type !== column.type.trim() && isColumnType(column.type.trim());
    return [
      report(context, 'META-04', ['columns', i, 'type'], {
        message: spaced
          ? `栏目“${column.name}”的类型“${column.type}”前后有空格`
          : `栏目“${column.name}”的类型“${column.type}”不在栏目类型（ColumnType）的规定取值中`,
        fix: `${guess ? `改为 type: ${guess}；` : ''}规定取值有：${COLUMN_TYPES.join('、')}`,
      }),
    ];
  });
