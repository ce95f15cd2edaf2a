// Dates as editors write them (2024/1/5, 2024年1月5日 9时30分, 2024.1.5 9:30) turned into the
// forms the rules require, so an error can say exactly what to write instead.

const LOOSE_DATE = /^\s*(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?\s*(?:(\d{1,2})\s*[:：时点]\s*(\d{1,2})\s*分?)?\s*$/;

function pad(n: string | number): string {
  return String(n).padStart(2, '0');
}

interface LooseParts {
  date: string;
  time?: string;
}

function parseLoose(raw: string): LooseParts | undefined {
  const m = LOOSE_DATE.exec(raw);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  const date = `${y}-${pad(mo!)}-${pad(d!)}`;
  if (h === undefined) return { date };
  if (Number(h) > 23 || Number(mi) > 59) return { date };
  return { date, time: `${pad(h)}:${pad(mi!)}` };
}

/** `2024/1/5` → `2024-01-05 HH:MM（填实际发布时间，如 09:30）`; `2024年1月5日 9时30分` → `2024-01-05 09:30`. */
export function suggestChinaDateTime(raw: string): string | undefined {
  const parts = parseLoose(raw);
  if (!parts) return undefined;
  return parts.time ? `${parts.date} ${parts.time}` : `${parts.date} HH:MM（把 HH:MM 换成实际时间，如 ${parts.date} 09:30）`;
}

export function suggestCalendarDate(raw: string): string | undefined {
  return parseLoose(raw)?.date;
}

/** China has one time zone and no daylight saving time: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD HH:MM` (China time) → epoch milliseconds. */
export function chinaDateTimeToEpoch(value: string): number {
  const [date, time = '00:00'] = value.split(' ');
  const [y, mo, d] = date!.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!) - CHINA_OFFSET_MS;
}

/** Epoch milliseconds → `YYYY-MM-DD HH:MM` in China time. */
export function epochToChinaDateTime(epoch: number): string {
  const d = new Date(epoch + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** ISO 8601 with the +08:00 offset, for feeds, sitemaps and `<time datetime>`. */
export function chinaDateTimeToIso(value: string): string {
  const [date, time = '00:00'] = value.split(' ');
  return `${date}T${time}:00+08:00`;
}

/** Now, to the minute, in China time. */
export function currentChinaDateTime(): string {
  return epochToChinaDateTime(Date.now());
}
