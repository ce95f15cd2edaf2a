// YAML text → a document with positions, or errors in Chinese that point at the line. Hostile
// YAML ends here as a finding, never as an exception: front matter larger than any real one is
// not parsed (SEC-05), nesting the parser refuses is a SEC-05 finding, and a parsed document
// passes src/security/yaml-safety.ts (alias count, sizes, hidden characters) before anyone
// turns it into data.
import { LineCounter, parseDocument, type Document } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { YAML_LIMITS } from '../security/limits.ts';
import { checkYamlSafety } from '../security/yaml-safety.ts';

export interface YamlSource {
  /** The YAML text itself. */
  text: string;
  /** The project-relative file name for messages. */
  file: string;
  /** Line number in the file of the first line of `text` (front matter starts on line 2). */
  firstLine: number;
}

export interface ParsedYaml {
  document: Document.Parsed;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
}

// A key followed by a full-width colon reads as plain text to YAML, which then reports
// something unhelpful a few lines later, so it is found first by shape.
const FULL_WIDTH_COLON_KEY = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*：/;

export function findFullWidthColonKeys(source: YamlSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  source.text.split('\n').forEach((lineText, index) => {
    const m = FULL_WIDTH_COLON_KEY.exec(lineText);
    if (!m) return;
    const key = m[2]!;
    found.push(
      diagnostic({
        ruleId: 'FILE-03',
        file: source.file,
        line: source.firstLine + index,
        column: lineText.indexOf('：') + 1,
        field: key,
        message: `字段名“${key}”后面用了全角冒号“：”，YAML 只认半角冒号`,
        fix: `改成半角冒号加一个空格：“${key}: ”（切换到英文输入法输入冒号）`,
      }),
    );
  });
  return found;
}

const yamlErrorHints: Record<string, string> = {
  DUPLICATE_KEY: '同一个字段写了两次：删掉其中一行',
  TAB_AS_INDENT: '缩进只能用空格，不能用 Tab 键',
  BAD_INDENT: '检查缩进：同一层级的字段要对齐，下一级多缩进两个空格',
  MISSING_CHAR: '检查是否少了引号、括号或冒号后的空格',
  MULTILINE_IMPLICIT_KEY: '字段名和冒号要写在同一行；值里有冒号时请用引号括起来',
  BLOCK_AS_IMPLICIT_KEY: '检查上一行：冒号后要有空格，值里有冒号或 # 时请用引号括起来',
  UNEXPECTED_TOKEN: '检查这一行的符号：值以 [ { > | * & ! % @ ` 开头时请用引号括起来',
  BAD_SCALAR_START: '值以特殊符号开头时请用引号括起来',
};

const yamlErrorText: Record<string, string> = {
  DUPLICATE_KEY: '字段重复',
  TAB_AS_INDENT: '用了 Tab 缩进',
  BAD_INDENT: '缩进不对',
  MISSING_CHAR: '缺少字符（引号、括号或冒号）',
  MULTILINE_IMPLICIT_KEY: '字段名跨了行',
  BLOCK_AS_IMPLICIT_KEY: '字段写法不对',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  BAD_SCALAR_START: '值的开头不合规',
};

/** Front matter is in .mdx files; anything else parsed here is a site.yaml. */
function kindOf(source: YamlSource): 'front-matter' | 'site-config' {
  return /\.mdx$/i.test(source.file) ? 'front-matter' : 'site-config';
}

function unparsed(found: Diagnostic): ParsedYaml {
  const lineCounter = new LineCounter();
  return { document: parseDocument('', { lineCounter }), lineCounter, diagnostics: [found] };
}

export function parseYaml(source: YamlSource): ParsedYaml {
  const kind = kindOf(source);
  if (kind === 'front-matter' && source.text.length > YAML_LIMITS.frontMatterChars) {
    return unparsed(
      diagnostic({
        ruleId: 'SEC-05',
        file: source.file,
        line: source.firstLine,
        message: `前置信息有 ${source.text.length} 个字符，超过了上限 ${YAML_LIMITS.frontMatterChars} 个字符，没有读取`,
        fix: '前置信息只写标题、时间、来源等字段；大段文字写在正文中（第二个“---”之后）',
      }),
    );
  }
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch {
    // The parser guards itself (RESOURCE_EXHAUSTION below); this is for what it does not foresee.
    return unparsed(
      diagnostic({ ruleId: 'FILE-03', file: source.file, line: source.firstLine, message: 'YAML 无法解析', fix: '检查这一段的冒号、缩进、引号和括号；参照 docs/content-model.md 的示例改写' }),
    );
  }
  const fullWidth = findFullWidthColonKeys(source);
  const diagnostics = [...fullWidth];
  // With a full-width colon the YAML errors are consequences of it: report only the cause.
  // Only the first YAML error: the later ones are nearly always its consequences.
  if (fullWidth.length === 0) {
    for (const error of document.errors.slice(0, 1)) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      if (error.code === 'RESOURCE_EXHAUSTION') {
        diagnostics.push(
          diagnostic({
            ruleId: 'SEC-05',
            file: source.file,
            line: source.firstLine + line - 1,
            column: col,
            message: '列表或字段组嵌套的层数太多，超出了解析的限度',
            fix: '前置信息和站点配置的字段最多嵌套几层，参照 docs/content-model.md 改写',
          }),
        );
        continue;
      }
      const firstMessageLine = error.message.split('\n')[0]!;
      const unclosed = /end with an? [\]}]/.test(firstMessageLine);
      diagnostics.push(
        diagnostic({
          ruleId: 'FILE-03',
          file: source.file,
          line: source.firstLine + line - 1,
          column: col,
          message: `YAML 语法错误：${unclosed ? '方括号 [ ] 或花括号 { } 没有闭合' : (yamlErrorText[error.code] ?? '无法解析')}（${firstMessageLine}）`,
          fix: unclosed
            ? '在列表或字段组的末尾补上 ] 或 }，例如 keywords: [教育, 改革]'
            : (yamlErrorHints[error.code] ?? '检查这一行及上一行的冒号、缩进和引号；冒号后要有空格，值里有冒号或 # 时请用引号括起来'),
        }),
      );
    }
  }
  if (diagnostics.length === 0) diagnostics.push(...checkYamlSafety(document, lineCounter, source.text, { file: source.file, firstLine: source.firstLine, kind }));
  return { document, lineCounter, diagnostics };
}

/**
 * A YAML data file an administrator writes beside site.yaml (sites/<siteId>/annual-figures.yaml)
 * as a plain value, with the same limits and hygiene as site.yaml: never an exception (an alias
 * bomb there stopped `check` for every site), always a finding at its line.
 */
export function parseYamlValue(source: YamlSource): { value?: unknown; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(source);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  try {
    return { value: parsed.document.toJS({ maxAliasCount: YAML_LIMITS.aliasExpansion }), diagnostics: [] };
  } catch {
    return {
      diagnostics: [
        diagnostic({
          ruleId: 'SEC-05',
          file: source.file,
          line: source.firstLine,
          message: '引用（别名 *名称）展开后的内容太多，可能是有意拖垮构建的“别名炸弹”',
          fix: '把引用（*名称）换成写出来的值，删除锚点（&名称）',
        }),
      ],
    };
  }
}
