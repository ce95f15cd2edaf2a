// Splits an MDX file into its front matter (YAML between `---` lines) and body.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

export interface SplitSource {
  yaml: string;
  /** File line of the first YAML line. */
  yamlFirstLine: number;
  body: string;
  /** File line of the first body line. */
  bodyFirstLine: number;
}

export function splitFrontMatter(text: string, file: string): { split?: SplitSource; diagnostics: Diagnostic[] } {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') {
    return {
      diagnostics: [
        diagnostic({
          ruleId: 'FILE-02',
          file,
          line: 1,
          column: 1,
          message: '文件没有以“---”开头的前置信息（标题、发布时间、信息来源等）',
          fix: '在文件第一行写“---”，接着逐行写 title、pubDate、source 等字段，再写一行“---”，然后是正文',
        }),
      ],
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close === -1) {
    return {
      diagnostics: [
        diagnostic({
          ruleId: 'FILE-02',
          file,
          line: 1,
          column: 1,
          message: '前置信息没有结束：找不到第二个“---”',
          fix: '在最后一个字段之后、正文之前单独写一行“---”',
        }),
      ],
    };
  }
  return {
    split: {
      yaml: lines.slice(1, close).join('\n'),
      yamlFirstLine: 2,
      body: lines.slice(close + 1).join('\n'),
      bodyFirstLine: close + 2,
    },
    diagnostics: [],
  };
}
