// How often a column must be updated (检查指标 and 浙 第二十二条), by what the column is:
// news 14 days, notices and first-level policy columns 6 months, personnel, plans and budgets
// 1 year. A column may declare a shorter period (freshnessDays), never a longer one: the
// indicators are the national floor, and a declaration of 365 days on a news column would hide
// a column the inspectors count as stale (HEALTH-02, issue 25).
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

/** The period the national indicators set for the column's kind, if any. */
export function nationalPeriod(column: ColumnConfig): number | undefined {
  const kind = columnKind(column);
  return kind === 'other' ? undefined : DEFAULT_PERIOD_DAYS[kind];
}

/**
 * The period that applies: the column's own declaration where it is tighter than (or as tight
 * as) its kind's national period, else the national period.
 */
export function freshnessPeriod(column: ColumnConfig): number | undefined {
  const national = nationalPeriod(column);
  const declared = column.freshnessDays;
  if (declared === undefined) return national;
  return national === undefined ? declared : Math.min(declared, national);
}

/** Whether the period in force is the column's own declaration (HEALTH-03) rather than the national one (HEALTH-02). */
export function ownPeriodApplies(column: ColumnConfig): boolean {
  return column.freshnessDays !== undefined && column.freshnessDays === freshnessPeriod(column);
}

/** A declaration that tries to loosen the national period: ignored, and reported (HEALTH-02). */
export function loosenedPeriod(column: ColumnConfig): { declared: number; national: number } | undefined {
  const national = nationalPeriod(column);
  const declared = column.freshnessDays;
  return declared !== undefined && national !== undefined && declared > national ? { declared, national } : undefined;
}
