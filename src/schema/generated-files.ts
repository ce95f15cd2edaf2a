// Files generated from the zod schemas (npm run schema). A test keeps the committed copies
// equal to what the schemas produce.
import { fieldTable } from './schema-docs.ts';
import { frontMatterSchema } from './front-matter-schema.ts';
import { jsonSchemaFiles, toJsonSchema } from './json-schema.ts';
import { COLUMN_TYPES, siteSchema } from './site-schema.ts';

function contentModelDoc(): string {
  return `<!-- 由 npm run schema 根据 src/schema/ 中的 zod 模式生成，请勿手工修改。 -->
# 内容模型：字段参考

编辑和平台管理员手写的两类文件的全部字段。字段名是公开约定，不会改名；\`schemas/\` 下的
JSON Schema 由同一份模式生成，编辑器据此在输入时提示和校验（见 [编辑指南](editing.md)）。
“规则”一栏是字段出错时报告的规则编号（见 [规则目录](rules.md)），空白表示 FILE-04。

## sites/<siteId>/site.yaml

${fieldTable(siteSchema)}

栏目类型（\`columns[].type\`，网页标签 ColumnType）的规定取值：${COLUMN_TYPES.join('、')}。

## 内容前置信息：content/<siteId>/<columnId>/<slug>.mdx

${fieldTable(frontMatterSchema)}
`;
}

export function generatedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [file, { schema, title }] of Object.entries(jsonSchemaFiles)) files[file] = toJsonSchema(schema, title);
  files['docs/content-model.md'] = contentModelDoc();
  return files;
}
