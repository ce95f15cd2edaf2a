// Splits an MDX file into its front matter (YAML between `---` lines) and body. This is the only
// split of a content file: the checks read the body it returns, and the MDX compiler is given the
// same body (plugins/astro-govsite/checked-body.ts), never the file. It is strict on purpose: a
// fence is a line that is exactly `---` (trailing spaces allowed); a line inside the front matter
// that only looks like one (` ---`, `---x`, `----`, `...`) is an error, because another parser
// could end the front matter there and read the rest as body (SECURITY.md).
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

export interface SplitSource {
  yaml: string;
  /** File line of the first YAML line. */
  yamlFirstLine: number;
  body: string;
  /** File line of the first body line. */
  bodyFirstLine: number;
}

const FENCE = /^---[ \t]*$/;
/** Lines a YAML, TOML or Markdown parser could take for the end of a front matter block. */
const FENCE_LOOKALIKE = /^\s*(?:-{3}|\+{3})|^\s*\.{3}\s*$/;

function fileError(file: string, line: number, message: string, fix: string): { diagnostics: Diagnostic[] } {
  return { diagnostics: [diagnostic({ ruleId: 'FILE-02', file, line, column: 1, message, fix })] };
}

export function splitFrontMatter(text: string, file: string): { split?: SplitSource; diagnostics: Diagnostic[] } {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return fileError(
      file,
      1,
      lines[0]?.trim() === '---' ? '第一行的“---”前面不能有空格' : '文件没有以“---”开头的前置信息（标题、发布时间、信息来源等）',
      '在文件第一行顶格写“---”，接着逐行写 title、pubDate、source 等字段，再顶格写一行“---”，然后是正文',
    );
  }
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (FENCE.test(line)) {
      return {
        split: {
          yaml: lines.slice(1, index).join('\n'),
          yamlFirstLine: 2,
          body: lines.slice(index + 1).join('\n'),
          bodyFirstLine: index + 2,
        },
        diagnostics: [],
      };
    }
    if (FENCE_LOOKALIKE.test(line)) {
      return fileError(
        file,
        index + 1,
        `前置信息中的“${line.trim().slice(0, 10)}”像结束行，但不是单独顶格的“---”：不同的程序会在不同位置结束前置信息`,
        '前置信息的结束行须顶格单独写三个减号“---”，前后不加空格或其他字符；字段的值以 - 或 . 开头时请用引号括起来',
      );
    }
  }
  return fileError(file, 1, '前置信息没有结束：找不到第二个“---”', '在最后一个字段之后、正文之前顶格单独写一行“---”');
}
