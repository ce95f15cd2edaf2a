// The field reference of docs/content-model.md, generated from the zod schemas so the
// documentation can never disagree with what the loader accepts.
import { z } from 'zod';
import type { FieldMeta } from './fields.ts';

interface Row {
  path: string;
  label: string;
  type: string;
  required: boolean;
  rule: string;
  note: string;
}

function defOf(schema: z.ZodType): { type: string; [key: string]: unknown } {
  return (schema as unknown as { _zod: { def: { type: string } } })._zod.def;
}

function describeType(schema: z.ZodType): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return '文字';
    case 'number':
    case 'int':
      return '数字';
    case 'boolean':
      return 'true / false';
    case 'enum':
      return Object.values(def.entries as Record<string, string>).map((v) => `\`${v}\``).join(' / ');
    case 'literal':
      // A field that can take one value only (animations[].nonFlashing: true).
      return (def.values as unknown[]).map((v) => `\`${String(v)}\``).join(' / ');
    case 'array':
      return `列表（${describeType(unwrapAll(def.element as z.ZodType).schema)}）`;
    case 'object':
      return '字段组';
    case 'union':
      return '文字';
    default:
      return def.type;
  }
}

function unwrapAll(schema: z.ZodType): { schema: z.ZodType; optional: boolean; defaultValue?: unknown; meta?: FieldMeta } {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  let meta: FieldMeta | undefined;
  for (;;) {
    meta ??= z.globalRegistry.get(current) as FieldMeta | undefined;
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    if (def.type === 'default') {
      optional = true;
      defaultValue = def.defaultValue;
    }
    if (['optional', 'default', 'nullable', 'prefault'].includes(def.type)) current = def.innerType as z.ZodType;
    else if (def.type === 'pipe') current = def.in as z.ZodType;
    else return { schema: current, optional, defaultValue, meta };
  }
}

function rowsOf(schema: z.ZodType, prefix: string, rows: Row[]): Row[] {
  const def = defOf(schema);
  if (def.type !== 'object') return rows;
  for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
    const { schema: inner, optional, defaultValue, meta } = unwrapAll(child);
    const path = prefix ? `${prefix}.${key}` : key;
    const notes = [meta?.description, defaultValue !== undefined && typeof defaultValue !== 'object' ? `默认 \`${String(defaultValue)}\`` : undefined, meta?.examples && meta.examples.length <= 3 ? `例：${meta.examples.map((e) => `\`${String(e)}\``).join('、')}` : undefined].filter(Boolean);
    rows.push({ path, label: meta?.title ?? '', type: describeType(inner), required: !optional, rule: meta?.['x-rule'] ?? '', note: notes.join('；') });
    const innerDef = defOf(inner);
    if (innerDef.type === 'object') rowsOf(inner, path, rows);
    if (innerDef.type === 'array') rowsOf(unwrapAll(innerDef.element as z.ZodType).schema, `${path}[]`, rows);
  }
  return rows;
}

export function fieldTable(schema: z.ZodType): string {
  const lines = ['| 字段 | 中文 | 类型 | 必填 | 规则 | 说明 |', '|---|---|---|---|---|---|'];
  for (const row of rowsOf(schema, '', [])) {
    lines.push(`| \`${row.path}\` | ${row.label} | ${row.type} | ${row.required ? '是' : ''} | ${row.rule} | ${row.note.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}
