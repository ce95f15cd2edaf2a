// Reads a file an editor wrote and turns what editors' tools commonly do to files into clear
// errors: a UTF-8 BOM, GBK encoding (the default of many Chinese Windows tools), emptiness.
// CRLF line endings are accepted and normalised. Two refusals protect what comes after: a file
// larger than any real one is refused before it is decoded or parsed (SEC-05), and a control
// character (NUL, ESC, form feed…) anywhere in the file is refused with its line and column
// (SEC-04), so none reaches a page, a feed or a log.
import { lstatSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { FILE_LIMITS, formatBytes } from '../security/limits.ts';
import { describeHidden, findControlCharacters } from '../security/text-hygiene.ts';

export type SourceText = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) length = 3;
    else if (b >= 0xf0 && b <= 0xf4) length = 4;
    else return i;
    if (i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Exact validity (overlongs, surrogates) is left to TextDecoder; this only locates the byte.
    i += length;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function looksLikeGb18030(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The size limit of a file by its kind: site.yaml, or a content file. */
function maxBytesOf(file: string): number {
  return /\.ya?ml$/i.test(file) ? FILE_LIMITS.siteConfigBytes : FILE_LIMITS.contentFileBytes;
}

function tooLarge(file: string, bytes: number): SourceText {
  const max = maxBytesOf(file);
  const siteConfig = max === FILE_LIMITS.siteConfigBytes;
  return {
    ok: false,
    diagnostics: [
      diagnostic({
        ruleId: 'SEC-05',
        file,
        line: 1,
        message: `文件有 ${formatBytes(bytes)}，超过了${siteConfig ? '站点配置文件' : '内容文件'}的上限 ${formatBytes(max)}，没有读取`,
        fix: siteConfig
          ? '站点配置只写字段，不放大段文字；检查是否误粘贴了大量内容或重复的段落'
          : '把很长的文件拆成几篇内容（如按章节），或把原文作为附件（PDF 等）提供、正文只写摘要；检查是否误粘贴了大量内容',
      }),
    ],
  };
}

/** SEC-05 before a file is read: its size on disk over the limit of its kind (a file over 2 GiB cannot even be read). */
export function oversizeProblem(file: string, bytes: number): Diagnostic | undefined {
  if (bytes <= maxBytesOf(file)) return undefined;
  const result = tooLarge(file, bytes);
  return result.ok ? undefined : result.diagnostics[0];
}

/** SEC-04: control characters, at their line and column (at most one finding per line). */
function controlCharacters(text: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  let lastLine = 0;
  for (const hidden of findControlCharacters(text, 50)) {
    const before = text.slice(0, hidden.index);
    const line = before.split('\n').length;
    if (line === lastLine) continue;
    lastLine = line;
    found.push(
      diagnostic({
        ruleId: 'SEC-04',
        file,
        line,
        column: hidden.index - before.lastIndexOf('\n'),
        message: `这一行有${describeHidden(hidden)}：文件中不能有控制字符，它看不见，却会进入网页`,
        fix: '删除这个字符（多半是从 PDF、Word 或其他系统复制时带进来的）：在 VS Code 中它显示为红色的小方框；也可以把这一行删掉后重新输入',
      }),
    );
    if (found.length >= 10) break;
  }
  return found;
}

export function decodeSource(bytes: Uint8Array, file: string): SourceText {
  if (bytes.length > maxBytesOf(file)) return tooLarge(file, bytes.length);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      ok: false,
      diagnostics: [
        diagnostic({
          ruleId: 'FILE-01',
          file,
          line: 1,
          column: 1,
          message: '文件开头有 UTF-8 BOM（字节顺序标记），会使前置信息无法识别',
          fix: '用编辑器另存为“UTF-8（无 BOM）”：VS Code 右下角点“UTF-8 with BOM”→“通过编码保存”→“UTF-8”；记事本另存为时编码选“UTF-8”',
        }),
      ],
    };
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8Offset(bytes));
    const line = lineAt(bytes, offset);
    const gbText = looksLikeGb18030(bytes);
    const preview = gbText?.split(/\r?\n/)[line - 1]?.trim().slice(0, 40);
    return {
      ok: false,
      diagnostics: [
        diagnostic({
          ruleId: 'FILE-01',
          file,
          line,
          message: gbText
            ? `文件是 GBK/GB18030 编码，不是 UTF-8${preview ? `（第 ${line} 行按 GBK 读出来是“${preview}”）` : ''}`
            : `文件不是 UTF-8 编码：第 ${line} 行有无法识别的字节`,
          fix: '用编辑器把文件另存为 UTF-8 编码：VS Code 右下角点编码→“通过编码重新打开”选 GBK→再“通过编码保存”选 UTF-8；记事本另存为时编码选“UTF-8”',
        }),
      ],
    };
  }
  if (text.trim() === '') {
    return {
      ok: false,
      diagnostics: [
        diagnostic({
          ruleId: 'FILE-02',
          file,
          line: 1,
          message: '文件是空的',
          fix: '写入内容，或者删除这个文件（用 git rm 删除，不要留空文件）',
        }),
      ],
    };
  }
  const normalised = text.replace(/\r\n?/g, '\n');
  const controls = controlCharacters(normalised, file);
  if (controls.length > 0) return { ok: false, diagnostics: controls };
  return { ok: true, text: normalised };
}

/**
 * The same, synchronously, for an optional file read on its own (annual-figures.yaml): undefined
 * when there is none; a symbolic link or anything but a plain file is refused unread (SEC-07), as
 * the walk of sites/ refuses it.
 */
export function readSourceFileSync(absolutePath: string, file: string): SourceText | undefined {
  let stats;
  try {
    stats = lstatSync(absolutePath);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) {
    return {
      ok: false,
      diagnostics: [diagnostic({ ruleId: 'SEC-07', file, line: 1, message: `“${file}”不是普通文件（是符号链接或其他特殊文件），没有读取`, fix: '换成真实的文件' })],
    };
  }
  if (stats.size > maxBytesOf(file)) return tooLarge(file, stats.size);
  return decodeSource(readFileSync(absolutePath), file);
}

export async function readSourceFile(absolutePath: string, file: string): Promise<SourceText> {
  // Refused before it is read: a file of gigabytes must not be loaded into memory to be refused.
  const { size } = await stat(absolutePath);
  if (size > maxBytesOf(file)) return tooLarge(file, size);
  return decodeSource(await readFile(absolutePath), file);
}
