// The checks a parsed YAML document (front matter or site.yaml) passes before it becomes data:
// SEC-05 limits (aliases, nesting, entries of a list or field group, length of each text) and
// SEC-04 hidden characters in every text, keys included. They walk the document's nodes, never
// its JavaScript value: an alias bomb is refused before anything is expanded, and each finding
// points at the line and column of the node in the file.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { DEFAULT_FIELD_MAX_CHARS, fieldMaxChars, LIST_MAX_ENTRIES, YAML_LIMITS } from './limits.ts';
import { describeHidden, findFieldUnsafeCharacter, HIDDEN_FIX } from './text-hygiene.ts';

export interface YamlPlace {
  file: string;
  /** File line of the document's first line. */
  firstLine: number;
  /** Front matter has per-field limits; site.yaml the general one. */
  kind: 'front-matter' | 'site-config';
}

type PathKey = string | number;

/** At most this many findings per file: one hostile file must not flood the report. */
const MAX_FINDINGS = 20;

function fieldName(path: readonly PathKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '[') || '（顶层）';
}

type Report = (ruleId: 'SEC-04' | 'SEC-05', offset: number, path: readonly PathKey[], message: string, fix: string) => void;

/** SEC-04 hidden characters and SEC-05 length of one text of the document, a key or a value. */
function checkText(report: Report, text: string, place: YamlPlace, node: Node, value: string, path: readonly PathKey[], isKey: boolean) {
  const start = node.range?.[0] ?? 0;
  const hidden = findFieldUnsafeCharacter(value);
  if (hidden) {
    // The character as written, if it was (not as a "\u200b" escape): its own column.
    const char = String.fromCodePoint(value.codePointAt(hidden.index)!);
    const written = text.slice(start, node.range?.[1] ?? start).indexOf(char);
    report(
      'SEC-04',
      written >= 0 ? start + written : start,
      path,
      `${isKey ? '字段名' : `字段“${fieldName(path)}”`}中有${describeHidden(hidden)}：标题、名称等字段中不能有看不见的字符`,
      HIDDEN_FIX,
    );
  }
  const max = place.kind === 'front-matter' ? fieldMaxChars(path) : DEFAULT_FIELD_MAX_CHARS;
  if (value.length > max) {
    report(
      'SEC-05',
      start,
      path,
      `字段“${fieldName(path)}”有 ${value.length} 个字符，超过了上限 ${max} 个字符`,
      path[0] === 'description' ? `摘要只写要点（一般 100～300 字），全文写在正文中` : `缩短到 ${max} 个字符以内；大段文字请写在正文中`,
    );
  }
}

export function checkYamlSafety(document: Document.Parsed, lineCounter: LineCounter, text: string, place: YamlPlace): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: place.firstLine + pos.line - 1, column: pos.col };
  };
  const report: Report = (ruleId, offset, path, message, fix) => {
    if (found.length < MAX_FINDINGS) found.push(diagnostic({ ruleId, file: place.file, ...at(offset), field: path.length ? fieldName(path) : undefined, message, fix }));
  };

  let aliases = 0;
  // Depth-first with an explicit stack: nesting is bounded below, but no recursion is needed.
  const stack: Array<{ node: unknown; path: PathKey[]; depth: number }> = [{ node: document.contents, path: [], depth: 0 }];
  while (stack.length > 0 && found.length < MAX_FINDINGS) {
    const { node, path, depth } = stack.pop()!;
    if (!node) continue;
    if (isAlias(node)) {
      aliases++;
      if (aliases === YAML_LIMITS.aliases + 1) {
        report(
          'SEC-05',
          node.range?.[0] ?? 0,
          path,
          `引用（别名 *${node.source}）太多：一个文件最多 ${YAML_LIMITS.aliases} 个，多层引用可以把几行文字展开成数亿项，拖垮整个平台的构建`,
          '把引用（*名称）换成写出来的值，删除锚点（&名称）；前置信息和站点配置不需要锚点和引用',
        );
      }
      continue;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string') checkText(report, text, place, node, node.value, path, false);
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    const start = node.range?.[0] ?? 0;
    if (depth >= YAML_LIMITS.depth) {
      report('SEC-05', start, path, `字段嵌套超过 ${YAML_LIMITS.depth} 层`, '前置信息和站点配置的字段最多嵌套几层，参照 docs/content-model.md 改写');
      continue;
    }
    const maxEntries = (place.kind === 'front-matter' && path.length === 1 && LIST_MAX_ENTRIES[String(path[0])]) || YAML_LIMITS.collectionEntries;
    if (node.items.length > maxEntries) {
      report('SEC-05', start, path, `“${fieldName(path)}”有 ${node.items.length} 项，超过了上限 ${maxEntries} 项`, `删减到 ${maxEntries} 项以内${path[0] === 'attachments' ? '；附件很多时可以打包成一个压缩文件' : ''}`);
      continue;
    }
    // Pushed in reverse so findings come in the order of the file.
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      if (isPair(item)) {
        const key = item.key;
        const keyName = isScalar(key) ? String(key.value) : isAlias(key) ? `*${key.source}` : '?';
        stack.push({ node: item.value, path: [...path, keyName], depth: depth + 1 });
        if (isScalar(key) && typeof key.value === 'string') checkText(report, text, place, key, key.value, [...path, keyName], true);
        else if (key) stack.push({ node: key, path, depth: depth + 1 });
      } else {
        stack.push({ node: item, path: [...path, i], depth: depth + 1 });
      }
    }
  }
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
