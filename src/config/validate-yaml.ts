// Validates a parsed YAML document against a zod schema and turns every zod issue into a
// diagnostic at the line of the offending field, with the field's Chinese label, the rule and a fix.
import { isMap, isScalar, visit, type Document, type LineCounter, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FieldMeta } from '../schema/fields.ts';
import { YAML_LIMITS } from '../security/limits.ts';
import { closestName } from '../util/closest-name.ts';
import type { YamlSource } from './parse-yaml.ts';

type PathKey = string | number;

// Names editors reach for from other tools, mapped to ours.
const FIELD_ALIASES: Record<string, string> = {
  date: 'pubDate',
  publishdate: 'pubDate',
  published: 'pubDate',
  time: 'pubDate',
  tags: 'keywords',
  summary: 'description',
  reviewer: 'reviewedBy',
  auditor: 'reviewedBy',
  from: 'source',
  attachment: 'attachments',
  files: 'attachments',
};

interface SchemaStep {
  schema: z.ZodType | undefined;
  meta: FieldMeta | undefined;
}

function defOf(schema: z.ZodType): { type: string; [key: string]: unknown } {
  return (schema as unknown as { _zod: { def: { type: string } } })._zod.def;
}

/** Peel wrappers (optional, default, pipe…) collecting the first label found on the way. */
function unwrap(schema: z.ZodType): SchemaStep {
  let current: z.ZodType = schema;
  let meta: FieldMeta | undefined;
  for (;;) {
    meta ??= z.globalRegistry.get(current) as FieldMeta | undefined;
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') {
      current = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') {
      current = def.in as z.ZodType;
    } else {
      return { schema: current, meta };
    }
  }
}

function childSchema(schema: z.ZodType, key: PathKey): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return (def.shape as Record<string, z.ZodType>)[String(key)];
  if (def.type === 'array') return def.element as z.ZodType;
  return undefined;
}

/** The schema at `path` (unwrapped) and its label. */
function schemaAt(root: z.ZodType, path: readonly PathKey[]): SchemaStep {
  let step = unwrap(root);
  for (const key of path) {
    const child = step.schema ? childSchema(step.schema, key) : undefined;
    if (!child) return { schema: undefined, meta: typeof key === 'number' ? step.meta : undefined };
    const next = unwrap(child);
    // Array elements have no label of their own: keep the list's.
    step = { schema: next.schema, meta: next.meta ?? (typeof key === 'number' ? step.meta : undefined) };
  }
  return step;
}

function knownKeys(schema: z.ZodType | undefined): string[] {
  if (!schema || defOf(schema).type !== 'object') return [];
  return Object.keys(defOf(schema).shape as Record<string, unknown>);
}

function fieldName(path: readonly PathKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '[');
}

function describeField(root: z.ZodType, path: readonly PathKey[]): string {
  const name = fieldName(path);
  const label = schemaAt(root, path).meta?.title;
  return label ? `“${label}”（${name}）` : `“${name}”`;
}

function ruleFor(root: z.ZodType, path: readonly PathKey[]): string {
  for (let n = path.length; n >= 0; n--) {
    const rule = schemaAt(root, path.slice(0, n)).meta?.['x-rule'];
    if (rule && !rule.startsWith('META') && !rule.startsWith('HEALTH')) return rule;
  }
  return 'FILE-04';
}

const typeWords: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否（true / false）',
  array: '列表',
  object: '一组字段',
  date: '日期',
};

function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'string') return `文字“${value.length > 30 ? `${value.slice(0, 30)}…` : value}”`;
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return '一组字段';
  return String(value);
}

function typeFix(expected: string, key: string, value: unknown): string {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return `用引号把值括起来，例如 ${key}: "${String(value)}"`;
  }
  if (expected === 'array') return `写成列表，例如 ${key}: [第一项, 第二项]，或每项一行、以“- ”开头`;
  if (expected === 'boolean') return `写 ${key}: true 或 ${key}: false`;
  if (expected === 'object') return `在 ${key}: 下面换行，缩进两个空格逐项填写`;
  if (expected === 'number' || expected === 'int') return `写一个不带引号的数字，例如 ${key}: 30`;
  return '参照内容模型文档 docs/content-model.md 修改';
}

/** The YAML node at `path`, or the nearest existing ancestor. */
function nodeAt(document: Document.Parsed, path: readonly PathKey[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? document.contents : document.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node) return node as Node;
  }
  return undefined;
}

function keyNodeOf(document: Document.Parsed, path: readonly PathKey[], key: string): Node | undefined {
  const parent = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(parent)) return undefined;
  for (const pair of parent.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

export interface ValidationContext {
  source: YamlSource;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export type FieldLocator = (path: readonly PathKey[]) => { line: number; column: number };

/** Where a field (or, if absent, its nearest present parent) stands in the file. */
export function createLocator(context: ValidationContext): FieldLocator {
  const at = placeOf(context);
  return (path) => at(nodeAt(context.document, path));
}

type Issue = z.ZodError['issues'][number];
type Place = (node: Node | undefined) => { line: number; column: number };

function placeOf(context: ValidationContext): Place {
  const { source, lineCounter } = context;
  return (node) => {
    if (!node?.range) return { line: source.firstLine, column: 1 };
    const pos = lineCounter.linePos(node.range[0]);
    return { line: source.firstLine + pos.line - 1, column: pos.col };
  };
}

/**
 * FILE-04: keys the schema does not know, each with the field meant when it is a near miss. In a
 * group whose keys are themselves a rule (`x-closed`: colors), the group's rule instead.
 */
function unknownKeys(schema: z.ZodType, context: ValidationContext, path: PathKey[], keys: readonly string[]): Diagnostic[] {
  const { source, document } = context;
  const at = placeOf(context);
  const diagnostics: Diagnostic[] = [];
  const { schema: group, meta } = schemaAt(schema, path);
  const known = knownKeys(group);
  const closed = meta?.['x-closed'];
  for (const key of keys) {
    const guess = FIELD_ALIASES[key.toLowerCase()] ?? closestName(key, known);
    const guessLabel = guess ? schemaAt(schema, [...path, guess]).meta?.title : undefined;
    const why = closed ? `：${closed}` : '';
    diagnostics.push(
      diagnostic({
        ruleId: closed ? ruleFor(schema, path) : 'FILE-04',
        severity: 'error',
        file: source.file,
        ...at(keyNodeOf(document, path, key) ?? nodeAt(document, path)),
        field: fieldName([...path, key]),
        message: `未知字段“${key}”${guess ? `，你是不是想写“${guess}”${guessLabel ? `（${guessLabel}）` : ''}？` : why}`,
        fix: guess
          ? `把“${key}”改为“${guess}”（字段名区分大小写）`
          : closed ? `删除“${key}”这一行${why}` : `删除这个字段，或改用已有字段：${known.join('、')}`,
      }),
    );
  }
  return diagnostics;
}

/** What is wrong with a field's value, and how to fix it, in the editor's words. */
function issueWords(schema: z.ZodType, issue: Issue, missing: boolean): { message: string; fix: string } {
  const path = issue.path as PathKey[];
  const lastKey = String(path.at(-1) ?? '');
  const input = (issue as { input?: unknown }).input;
  const label = describeField(schema, path);
  let message: string;
  let fix: string;
  if (missing) {
    message = `缺少必填字段${label}`;
    fix = `添加一行“${lastKey}: …”${lastKey === 'pubDate' ? '，例如 pubDate: 2024-01-05 09:30' : ''}`;
  } else if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    message = `字段${label}应为${typeWords[expected] ?? expected}，实际写的是${describeValue(input)}`;
    fix = typeFix(expected, lastKey, input);
  } else if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    message = `字段${label}的值“${String(input)}”不在允许范围内：${issue.message.startsWith('Invalid') ? `只能是 ${allowed.join('、')}` : issue.message}`;
    const guess = typeof input === 'string' ? closestName(input, allowed) : undefined;
    fix = guess ? `改为 ${guess}` : `改为其中之一：${allowed.join('、')}`;
  } else if (issue.code === 'too_small') {
    message =
      issue.origin === 'array' ? `字段${label}至少要有 ${String(issue.minimum)} 项` : `字段${label}不能为空${issue.message.startsWith('Too small') ? '' : `：${issue.message}`}`;
    fix = '补充内容';
  } else if (issue.code === 'custom') {
    message = `字段${label}：${issue.message}`;
    fix = (issue.params as { fix?: string } | undefined)?.fix ?? '参照 docs/content-model.md 修改';
  } else {
    const friendly = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不对';
    message = `字段${label}：${friendly}（写的是${describeValue(input)}）`;
    fix = '参照 docs/content-model.md 中该字段的说明和示例修改';
  }
  return { message, fix };
}

export function validateYaml<S extends z.ZodType>(
  schema: S,
  context: ValidationContext,
): { data?: z.output<S>; diagnostics: Diagnostic[] } {
  const { source, document } = context;
  const at = placeOf(context);
  let value: unknown;
  try {
    // parseYaml refused documents with many aliases already; this bounds what the few expand to.
    value = document.toJS({ maxAliasCount: YAML_LIMITS.aliasExpansion }) as unknown;
  } catch {
    let firstAlias: Node | undefined;
    visit(document, { Alias: (_key, node) => { firstAlias ??= node; return visit.BREAK; } });
    return {
      diagnostics: [
        diagnostic({
          ruleId: 'SEC-05',
          file: source.file,
          ...at(firstAlias ?? document.contents ?? undefined),
          message: '引用（别名 *名称）展开后的内容太多，可能是有意拖垮构建的“别名炸弹”',
          fix: '把引用（*名称）换成写出来的值，删除锚点（&名称）；前置信息和站点配置不需要锚点和引用',
        }),
      ],
    };
  }

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      diagnostics: [
        diagnostic({
          ruleId: 'FILE-04',
          file: source.file,
          ...at(document.contents ?? undefined),
          message: `这里应是“字段名: 值”的一组字段，实际是${describeValue(value)}`,
          fix: '每行写一个“字段名: 值”（半角冒号后加空格），参照 docs/content-model.md',
        }),
      ],
    };
  }

  // reportInput: the offending value, so messages can quote what the editor wrote.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path as PathKey[];
    const field = fieldName(path);
    if (issue.code === 'unrecognized_keys') {
      diagnostics.push(...unknownKeys(schema, context, path, issue.keys));
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    const missing = input === undefined && issue.code === 'invalid_type';
    const where = missing ? at(nodeAt(document, path.slice(0, -1))) : at(nodeAt(document, path));
    const { message, fix } = issueWords(schema, issue, missing);
    // A check may name its own rule (SEC-02, SEC-06: src/schema/site-schema.ts) over the field's.
    const ownRule = issue.code === 'custom' ? (issue.params as { ruleId?: string } | undefined)?.ruleId : undefined;
    // A value the schema rejects stops the build whatever the rule's own severity.
    diagnostics.push(diagnostic({ ruleId: ownRule ?? ruleFor(schema, path), severity: 'error', file: source.file, ...where, field, message, fix }));
  }
  return { diagnostics };
}
