// The MDX body → an mdast tree, or a syntax error at its line in the file. Parsing here (and
// not only inside Astro) lets `validate` and the pre-commit check catch a stray `{` or `<`
// in a second, without starting a build.
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { bodyShapeProblems } from '../security/body-shape.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

interface PositionedError {
  reason?: string;
  message: string;
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line: number; column: number } };
}

function explain(reason: string): { message: string; fix: string } {
  if (/before name|character `<`|Unexpected character .* \(U\+003C\)|closing tag|opening tag|tag/i.test(reason)) {
    return {
      message: `正文里的“<”被当成了组件或 HTML 标签的开头（${reason}）`,
      fix: '正文中表示“小于”或书名号请用全角“＜”或“《》”；如确需组件，检查标签是否成对闭合',
    };
  }
  if (/expression|acorn|`\{`|`\}`|brace/i.test(reason)) {
    return {
      message: `正文里的花括号“{”或“}”被当成了代码表达式（${reason}）`,
      fix: '正文中的花括号请改用全角“｛｝”，或在前面加反斜杠写成 \\{ 和 \\}',
    };
  }
  return { message: `MDX 正文语法错误（${reason}）`, fix: '检查这一行的尖括号 < >、花括号 { } 和组件写法；普通文字中请改用全角符号' };
}

export function parseMdxBody(body: string, file: string, bodyFirstLine: number): { tree?: Root; diagnostics: Diagnostic[] } {
  // Shapes the parser reads in quadratic time are refused before it reads them (SEC-05).
  const shape = bodyShapeProblems(body, file, bodyFirstLine);
  if (shape.length > 0) return { diagnostics: shape };
  try {
    return { tree: parser.parse(body) as Root, diagnostics: [] };
  } catch (error) {
    const e = error as PositionedError;
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    const column = e.column ?? e.place?.column ?? e.place?.start?.column;
    const { message, fix } = explain(e.reason ?? e.message);
    return { diagnostics: [diagnostic({ ruleId: 'FILE-06', file, line: bodyFirstLine + line - 1, column, message, fix })] };
  }
}
