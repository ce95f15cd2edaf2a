// Reads a file an editor wrote and turns what editors' tools commonly do to files into clear
// errors: a UTF-8 BOM, GBK encoding (the default of many Chinese Windows tools), emptiness.
// CRLF line endings are accepted and normalised.
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

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

export function decodeSource(bytes: Uint8Array, file: string): SourceText {
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
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

export async function readSourceFile(absolutePath: string, file: string): Promise<SourceText> {
  return decodeSource(await readFile(absolutePath), file);
}
