// SITE-09's dates: a lifecycle date (YYYY-MM-DD, the whole day) or date-time (YYYY-MM-DD HH:MM),
// China time, as the rule compares them and the notices print them (site-09-lifecycle.ts,
// lifecycle-notices.ts).
import { isCalendarDate } from '../../schema/fields.ts';
import { chinaDateTimeToEpoch, epochToChinaDateTime } from '../../util/china-time.ts';

export const DAY = 24 * 60 * 60 * 1000;
/** Notices kept at least 30 days (开通公告、关停公告、域名变更); offline periods at most 30 days. */
export const NOTICE_DAYS = 30;

/** When a date or date-time begins. */
export function startOf(value: string): number {
  return chinaDateTimeToEpoch(value);
}

/** When a period ending at `value` ends: after the whole day for a date, at the minute for a date-time. */
export function endOf(value: string): number {
  return chinaDateTimeToEpoch(value) + (isCalendarDate(value) ? DAY : 0);
}

export function dateOf(epoch: number): string {
  return epochToChinaDateTime(epoch).slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(startOf(date) + days * DAY);
}

export function moment(epoch: number): string {
  return epochToChinaDateTime(epoch);
}

/** Whole days from `from` to `to`, rounded up: a period of 30 days and one hour is 31 days. */
export function daysBetween(from: number, to: number): number {
  return Math.ceil((to - from) / DAY);
}

/** 2026-03-01 → 2026年3月1日; 2026-03-01 22:00 → 2026年3月1日 22:00 */
export function chineseDate(value: string): string {
  const [date, time] = value.split(' ');
  const [y, m, d] = date!.split('-').map(Number);
  return `${y}年${m}月${d}日${time ? ` ${time}` : ''}`;
}
