import { describe, expect, it } from 'vitest';
import { isCalendarDate, isChinaDateTime } from '../../src/schema/fields.ts';
import {
  chinaDateTimeToEpoch,
  chinaDateTimeToIso,
  epochToChinaDateTime,
  suggestCalendarDate,
  suggestChinaDateTime,
} from '../../src/util/china-time.ts';

describe('publish time formats', () => {
  it('accepts only real YYYY-MM-DD HH:MM times', () => {
    expect(isChinaDateTime('2024-01-05 09:30')).toBe(true);
    expect(isChinaDateTime('2024-02-29 23:59')).toBe(true);
    expect(isChinaDateTime('2023-02-29 10:00')).toBe(false);
    expect(isChinaDateTime('2024-01-05 24:00')).toBe(false);
    expect(isChinaDateTime('2024-01-05T09:30')).toBe(false);
    expect(isChinaDateTime('2024-1-5 09:30')).toBe(false);
    expect(isCalendarDate('2024-12-31')).toBe(true);
    expect(isCalendarDate('2024-13-01')).toBe(false);
  });

  it('suggests the required form for the ways editors write dates', () => {
    expect(suggestChinaDateTime('2024/1/5')).toMatch(/^2024-01-05 HH:MM/);
    expect(suggestChinaDateTime('2024年1月5日')).toMatch(/^2024-01-05 HH:MM/);
    expect(suggestChinaDateTime('2024年1月5日 9时30分')).toBe('2024-01-05 09:30');
    expect(suggestChinaDateTime('2024.01.05 9:05')).toBe('2024-01-05 09:05');
    expect(suggestChinaDateTime('上周五')).toBeUndefined();
    expect(suggestCalendarDate('2024年12月1日')).toBe('2024-12-01');
  });

  it('converts China time (UTC+8) to instants and back', () => {
    expect(chinaDateTimeToEpoch('2024-01-05 08:00')).toBe(Date.UTC(2024, 0, 5, 0, 0));
    expect(epochToChinaDateTime(Date.UTC(2024, 0, 4, 16, 30))).toBe('2024-01-05 00:30');
    expect(chinaDateTimeToIso('2024-01-05 09:30')).toBe('2024-01-05T09:30:00+08:00');
  });
});
