// How often a column must be updated (检查指标 and 浙 第二十二条), by what the column is:
// news 14 days, notices and first-level policy columns 6 months, personnel, plans and budgets
// 1 year. A column may declare a shorter period (freshnessDays); a longer one needs a reason.
import type { ColumnConfig } from '../../schema/site-schema.ts';

export type ColumnKind = 'news' | 'notice' | 'policy' | 'annual' | 'other';

export const DEFAULT_PERIOD_DAYS: Record<Exclude<ColumnKind, 'other'>, number> = {
  news: 14,
  notice: 183,
  policy: 183,
  annual: 365,
};

export const KIND_LABEL: Record<ColumnKind, string> = {
  news: '动态要闻类',
  notice: '通知公告类',
  policy: '政策文件类',
  annual: '人事、规划计划、财务预决算类',
  other: '其他',
};

export function columnKind(column: ColumnConfig): ColumnKind {
  const { name, type } = column;
  if (/人事|规划|计划|预决算|预算|决算|财务/.test(name)) return 'annual';
  if (/通知|公告|公示/.test(name)) return 'notice';
  if (type === '政策文件' && !column.parent) return 'policy';
  if (type === '工作动态' || /动态|要闻|新闻/.test(name)) return 'news';
  return 'other';
}

/** The period that applies: the column's own declaration, else its kind's default. */
export function freshnessPeriod(column: ColumnConfig): number | undefined {
  if (column.freshnessDays !== undefined) return column.freshnessDays;
  const kind = columnKind(column);
  return kind === 'other' ? undefined : DEFAULT_PERIOD_DAYS[kind];
}
