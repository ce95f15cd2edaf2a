// Field types shared by site.yaml and front matter. Formats that editors commonly get wrong
// (dates above all) carry their own Chinese message and fix, so the loader can pass them on.
import { z } from 'zod';
import { ALLOWED_SCHEMES, checkUrl, URL_FIX } from '../security/url-policy.ts';
import { ID_PATTERN } from '../security/names.ts';
import { suggestCalendarDate, suggestChinaDateTime } from '../util/china-time.ts';

// A type, not an interface: zod's meta() takes an object with an index signature.
export type FieldMeta = {
  /** Chinese label used in messages and in the JSON Schema title. */
  title: string;
  description?: string;
  /** Rule ID reported when this field is wrong; FILE-04 when absent. */
  'x-rule'?: string;
  /**
   * For a group of fields whose set of keys is itself a rule (colors: at most three colours):
   * why no other key can be added. An unknown key is then reported under `x-rule`, not FILE-04.
   */
  'x-closed'?: string;
  examples?: unknown[];
};

/** Attach the Chinese label (and optionally a rule) to a schema; the JSON Schema carries it too. */
export function labelled<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta(meta) as T;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isChinaDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi] = m.map(Number);
  return isRealDate(y!, mo!, d!) && h! <= 23 && mi! <= 59;
}

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Dates written in a known shape whose day or time does not exist: 2026-02-30, 2026-13-01, 24:00. */
const LOOSE_DATE = /^\s*(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?\s*(?:(\d{1,2})\s*[:：时点]\s*(\d{1,2})\s*分?)?\s*$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Why a date in a recognisable shape is not a real one, and a real one to write instead, or
 * undefined. Without this the fix for `2026-02-30` was "改为 2026-02-30 …", the same date.
 */
export function nonexistentDate(raw: string, withTime: boolean): { why: string; example: string } | undefined {
  const m = LOOSE_DATE.exec(raw);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = m[4] !== undefined ? { h: Number(m[4]), mi: Number(m[5]) } : undefined;
  const timeText = time && time.h <= 23 && time.mi <= 59 ? `${pad(time.h)}:${pad(time.mi)}` : '09:30';
  const example = (date: string) => (withTime ? `${date} ${timeText}` : date);
  if (month < 1 || month > 12) {
    return { why: `没有 ${month} 月，月份只能是 01～12`, example: example(`${year}-${pad(Math.min(Math.max(month, 1), 12))}-${pad(Math.min(Math.max(day, 1), 28))}`) };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return {
      why: `${year} 年 ${month} 月只有 ${daysInMonth} 天，没有 ${day} 日`,
      example: example(`${year}-${pad(month)}-${pad(day < 1 ? 1 : daysInMonth)}`),
    };
  }
  if (time && (time.h > 23 || time.mi > 59)) {
    return { why: `一天的时间从 00:00 到 23:59，没有 ${m[4]}:${m[5]}`, example: `${year}-${pad(month)}-${pad(day)} ${time.h > 23 ? '23' : pad(time.h)}:${time.mi > 59 ? '59' : pad(time.mi)}` };
  }
  return undefined;
}

function dateIssue(value: string, expected: string, withTime: boolean, fallback: string | undefined, generalFix: string) {
  const impossible = nonexistentDate(value, withTime);
  if (impossible) {
    return {
      code: 'custom' as const,
      input: value,
      message: `${impossible.why.startsWith('一天') ? '时间' : '日期'}“${value}”不存在：${impossible.why}；应按${expected.replace(/（.*）$/, '')}写实际存在的日期`,
      params: { fix: `改为实际存在的日期，例如 ${impossible.example}（按实际日期填写）` },
    };
  }
  return {
    code: 'custom' as const,
    input: value,
    message: `${expected === '“YYYY-MM-DD HH:MM”（中国时间，24 小时制）' ? '时间' : '日期'}格式不对：写的是“${value}”，应为${expected}`,
    params: { fix: fallback ? `改为 ${fallback}` : generalFix },
  };
}

/** `YYYY-MM-DD HH:MM`, China time (UTC+8), as the web page design rules write publish times. */
export const chinaDateTime = z.string().check((ctx) => {
  if (isChinaDateTime(ctx.value)) return;
  ctx.issues.push(
    dateIssue(ctx.value, '“YYYY-MM-DD HH:MM”（中国时间，24 小时制）', true, suggestChinaDateTime(ctx.value), '按“年-月-日 时:分”写，月、日、时、分都用两位数字，例如 2024-01-05 09:30'),
  );
});

/** `YYYY-MM-DD`. */
export const calendarDate = z.string().check((ctx) => {
  if (isCalendarDate(ctx.value)) return;
  ctx.issues.push(dateIssue(ctx.value, '“YYYY-MM-DD”', false, suggestCalendarDate(ctx.value), '按“年-月-日”写，月、日用两位数字，例如 2024-01-05'));
});

/** Either a date or a date-time, for fields where the time of day rarely matters. */
export const dateOrDateTime = z.string().check((ctx) => {
  if (isCalendarDate(ctx.value) || isChinaDateTime(ctx.value)) return;
  const suggestion = suggestChinaDateTime(ctx.value) ?? suggestCalendarDate(ctx.value);
  ctx.issues.push(dateIssue(ctx.value, '“YYYY-MM-DD”或“YYYY-MM-DD HH:MM”', / \d|[时点]/.test(ctx.value), suggestion, '例如 2024-01-05 或 2024-01-05 09:30'));
});

/**
 * SEC-02: a URL that a page links to passes the allowlist of src/security/url-policy.ts (http,
 * https, mailto, tel, relative), judged as a browser reads it. For every URL field of front
 * matter: `.check(allowedUrl)`.
 */
export function allowedUrl(ctx: z.core.ParsePayload<string>): void {
  const verdict = checkUrl(ctx.value);
  if (verdict.ok) return;
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `地址不安全：${verdict.reason}，网页中只允许 ${ALLOWED_SCHEMES.join('、')} 地址和站内地址`,
    params: { fix: URL_FIX, ruleId: 'SEC-02' },
  });
}

/** ASCII identifiers used in paths and URLs: site ids, column ids, slugs, topic ids. */
export const asciiId = z.string().check((ctx) => {
  if (ID_PATTERN.test(ctx.value)) return;
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `标识“${ctx.value}”不合规：只能用小写英文字母、数字和连字符 -`,
    params: { fix: '改用小写字母、数字和 -，例如 news、policy-2024（网址由它生成，发布后不要再改）' },
  });
});

/** Phone numbers and postcodes are often written unquoted, which YAML reads as numbers. */
export const digitsText = z.union([z.string(), z.number().transform(String)]);
