// The PDF text reader behind CONT-06 / CONT-07 on PDF attachments (issue 25): Chinese text through
// ToUnicode CMaps (generated Type0/Identity-H PDFs and a real Chromium PDF with Type3 fonts), and
// hostile or damaged files stopped at a limit with a reason, never a crash or a hang.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfLimit } from '../../src/rules/content/support/pdf-objects.ts';
import { pdfLines } from '../../src/rules/content/support/pdf-text.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { makeCjkPdf } from '../helpers/pdf.ts';

const limitOf = (bytes: Buffer): string => {
  try {
    pdfLines(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(PdfLimit);
    return (error as PdfLimit).reason;
  }
  throw new Error('the PDF was read');
};

describe('PDF text (CONT-06 / CONT-07 on PDF attachments)', () => {
  it('reads Chinese text of a Type0 font through its ToUnicode CMap, line by line and page by page', () => {
    const pages = [['测试市公共数据开放目录', '机密★10年'], ['联系人：王某 310101199001011234']];
    const expected = [
      { page: 1, text: '测试市公共数据开放目录' },
      { page: 1, text: '机密★10年' },
      { page: 2, text: '联系人：王某 310101199001011234' },
    ];
    expect(pdfLines(makeCjkPdf(pages))).toEqual(expected);
    expect(pdfLines(makeCjkPdf(pages, { compress: false }))).toEqual(expected);
  });

  it('reads a PDF printed by Chromium (Type3 CJK fonts with ToUnicode; the radical ⼈ read as 人)', () => {
    const bytes = readFileSync(path.join(projectRoot, 'tests/fixtures/pdf/chromium-cjk.pdf'));
    expect(pdfLines(bytes).map((l) => l.text)).toEqual(['测试市公共数据开放说明', '机密★10年', '联系人：王某']);
  });

  it('stops at a cut or damaged file with a reason', () => {
    const whole = readFileSync(path.join(projectRoot, 'tests/fixtures/pdf/chromium-cjk.pdf'));
    for (const length of [500, 8_000, 20_000, 30_000]) expect(limitOf(whole.subarray(0, length))).toMatch(/不完整|损坏|对照表/);
    const generated = makeCjkPdf([['测试市公共数据开放目录']]);
    // Cut in the middle of the content stream: the page object after it is missing.
    expect(limitOf(generated.subarray(0, generated.indexOf('6 0 obj') + 60))).toContain('找不到页面');
  });

  it('does not read an encrypted PDF: its streams are ciphertext', () => {
    const plain = makeCjkPdf([['机密★10年']]).toString('latin1');
    expect(limitOf(Buffer.from(plain.replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 99 0 R'), 'latin1'))).toBe('文件已加密');
  });

  it('does not read Identity-encoded text without a ToUnicode map: it is glyph numbers, not text', () => {
    expect(limitOf(makeCjkPdf([['机密★10年']], { toUnicode: false }))).toContain('ToUnicode');
  });

  it('stops a PDF bomb at the inflated-byte budget, and deep nesting at its limit', () => {
    const bomb = makeCjkPdf([['测试']], { extraContent: ' '.repeat(80 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(limitOf(bomb)).toContain('解压后的内容过大');
    expect(limitOf(makeCjkPdf([['测试']], { extraContent: `${'['.repeat(100)} TJ` }))).toContain('嵌套过深');
    const ranges = Array.from({ length: 50 }, () => '<0000> <FFFF> <4E00>').join('\n');
    expect(limitOf(makeCjkPdf([['测试']], { extraCMap: `50 beginbfrange\n${ranges}\nendbfrange` }))).toContain('对照表过大');
  });

  it('stops at too many pages', () => {
    expect(limitOf(makeCjkPdf(Array.from({ length: 1001 }, () => ['测试'])))).toContain('页数超过');
  });

  it('passes a text file named .pdf (CONT-12 reports it) and a PDF without pages: no text to read', () => {
    expect(pdfLines(Buffer.from('这不是 PDF 文件\n'))).toEqual([]);
    expect(pdfLines(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'))).toEqual([]);
  });
});
