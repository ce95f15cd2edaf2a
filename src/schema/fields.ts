// Field types shared by site.yaml and front matter. Formats that editors commonly get wrong
// (dates above all) carry their own Chinese message and fix, so the loader can pass them on.
import { z } from 'zod';
import { suggestCalendarDate, suggestChinaDateTime } from '../util/china-time.ts';

export interface FieldMeta {
  /** Chinese label used in messages and in the JSON Schema title. */
  title: string;
  description?: string;
  /** Rule ID reported when this field is wrong; FILE-04 when absent. */
  'x-rule'?: string;
  examples?: unknown[];
}

/** Attach the Chinese label (and optionally a rule) to a schema; the JSON Schema carries it too. */
export function labelled<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta(meta as Record<string, unknown>) as T;
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

/** `YYYY-MM-DD HH:MM`, China time (UTC+8), as the web page design rules write publish times. */
export const chinaDateTime = z.string().check((ctx) => {
  if (isChinaDateTime(ctx.value)) return;
  const suggestion = suggestChinaDateTime(ctx.value);
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `时间格式不对：写的是“${ctx.value}”，应为“YYYY-MM-DD HH:MM”（中国时间，24 小时制）`,
    params: {
      fix: suggestion
        ? `改为 ${suggestion}`
        : '按“年-月-日 时:分”写，月、日、时、分都用两位数字，例如 2024-01-05 09:30',
    },
  });
});

/** `YYYY-MM-DD`. */
export const calendarDate = z.string().check((ctx) => {
  if (isCalendarDate(ctx.value)) return;
  const suggestion = suggestCalendarDate(ctx.value);
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `日期格式不对：写的是“${ctx.value}”，应为“YYYY-MM-DD”`,
    params: {
      fix: suggestion ? `改为 ${suggestion}` : '按“年-月-日”写，月、日用两位数字，例如 2024-01-05',
    },
  });
});

/** Either a date or a date-time, for fields where the time of day rarely matters. */
export const dateOrDateTime = z.string().check((ctx) => {
  if (isCalendarDate(ctx.value) || isChinaDateTime(ctx.value)) return;
  const suggestion = suggestChinaDateTime(ctx.value) ?? suggestCalendarDate(ctx.value);
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `日期格式不对：写的是“${ctx.value}”，应为“YYYY-MM-DD”或“YYYY-MM-DD HH:MM”`,
    params: { fix: suggestion ? `改为 ${suggestion}` : '例如 2024-01-05 或 2024-01-05 09:30' },
  });
});

/** ASCII identifiers used in paths and URLs: site ids, column ids, slugs, topic ids. */
export const asciiId = z.string().check((ctx) => {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ctx.value)) return;
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `标识“${ctx.value}”不合规：只能用小写英文字母、数字和连字符 -`,
    params: { fix: '改用小写字母、数字和 -，例如 news、policy-2024（网址由它生成，发布后不要再改）' },
  });
});

/** Phone numbers and postcodes are often written unquoted, which YAML reads as numbers. */
export const digitsText = z.union([z.string(), z.number().transform(String)]);
