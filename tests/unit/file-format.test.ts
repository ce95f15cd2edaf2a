// What a file is by its first bytes (src/rules/content/support/file-format.ts, CONT-12).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentKind, formatMismatch } from '../../src/rules/content/support/file-format.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'govsite-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer | string) => {
  const absolute = path.join(dir, name);
  writeFileSync(absolute, bytes);
  return absolute;
};

describe('contentKind', () => {
  it.each([
    ['%PDF-1.4\n', 'pdf'],
    ['\r\n%PDF-2.0\n', 'pdf'],
    [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'zip'],
    [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'ole'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'png'],
    ['<!DOCTYPE html><html>', 'html'],
    ['编号,名称\n1,甲\n', 'text'],
    [Buffer.from([1, 2, 0, 4]), 'binary'],
  ])('%j is %s', (bytes, kind) => {
    expect(contentKind(Buffer.from(bytes))).toBe(kind);
  });
});

describe('formatMismatch', () => {
  it('passes each format with its own content', () => {
    expect(formatMismatch(file('a.pdf', '%PDF-1.7\n'), 'pdf')).toBeUndefined();
    expect(formatMismatch(file('a.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'docx')).toBeUndefined();
    expect(formatMismatch(file('a.wps', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'wps')).toBeUndefined();
    expect(formatMismatch(file('a.csv', '编号,名称\n'), 'csv')).toBeUndefined();
  });

  it('names what a renamed file really is', () => {
    expect(formatMismatch(file('b.pdf', '一段文字'), 'pdf')).toBe('扩展名是 .pdf，但文件内容是纯文本');
    expect(formatMismatch(file('b.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'xlsx')).toContain('旧版 Office');
    expect(formatMismatch(file('b.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])), 'csv')).toContain('ZIP');
  });

  it('has nothing to say of formats without a signature', () => {
    expect(formatMismatch(file('c.txt', Buffer.from([0, 1, 2])), 'txt')).toBeUndefined();
  });
});
