// What a file is, by its first bytes rather than its name (CONT-12: “附件……应便于常用软件打开”): a
// text file renamed `.pdf` opens in no PDF reader. Each common attachment format has a signature:
// PDF `%PDF-`, OFD / DOCX / XLSX / ZIP the ZIP local header, WPS / ET / DOC / XLS the OLE
// compound header, CSV text without NUL bytes.
import { closeSync, openSync, readSync } from 'node:fs';

const HEAD_BYTES = 4096;

type Kind = 'pdf' | 'zip' | 'ole' | 'html' | 'png' | 'jpeg' | 'gif' | 'text' | 'binary';

const KIND_NAMES: Record<Kind, string> = {
  pdf: 'PDF 文件',
  zip: 'ZIP 压缩包（或 DOCX、XLSX、OFD）',
  ole: '旧版 Office / WPS 文件（DOC、XLS、WPS、ET）',
  html: '网页（HTML）',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  text: '纯文本',
  binary: '无法识别的二进制文件',
};

/** The kinds each extension's content may be. */
const EXPECTED: Record<string, readonly Kind[]> = {
  pdf: ['pdf'],
  ofd: ['zip'],
  docx: ['zip'],
  xlsx: ['zip'],
  zip: ['zip'],
  wps: ['ole', 'zip'],
  et: ['ole', 'zip'],
  doc: ['ole'],
  xls: ['ole'],
  csv: ['text'],
};

const startsWith = (head: Buffer, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);

/** The kind of content in a file's first bytes. */
export function contentKind(head: Buffer): Kind {
  // A PDF may have a few bytes before its header (the specification allows up to 1,024).
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (head.includes(0)) return 'binary';
  const text = head.toString('latin1').trimStart().slice(0, 200).toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^(?:\ufeff)?<(?:head|body|meta|title)\b/.test(text)) return 'html';
  return 'text';
}

function readHead(absolute: string): Buffer {
  const fd = openSync(absolute, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Why the content of `absolute` is not what its extension says, or undefined when it is (or when
 * the extension has no signature to compare).
 */
export function formatMismatch(absolute: string, extension: string): string | undefined {
  const expected = EXPECTED[extension];
  if (!expected) return undefined;
  let kind: Kind;
  try {
    kind = contentKind(readHead(absolute));
  } catch {
    return undefined;
  }
  return expected.includes(kind) ? undefined : `扩展名是 .${extension}，但文件内容是${KIND_NAMES[kind]}`;
}
