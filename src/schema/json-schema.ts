// JSON Schemas generated from the zod schemas, so editors' editors can validate and
// autocomplete site.yaml and front matter as they type. Never edited by hand.
import { z } from 'zod';
import { frontMatterSchema } from './front-matter-schema.ts';
import { siteSchema } from './site-schema.ts';

export const jsonSchemaFiles = {
  'schemas/site.schema.json': { schema: siteSchema, title: 'govsite 站点配置（sites/<siteId>/site.yaml）' },
  'schemas/front-matter.schema.json': { schema: frontMatterSchema, title: 'govsite 内容前置信息（content/<siteId>/<columnId>/<slug>.mdx）' },
} as const;

export function toJsonSchema(schema: z.ZodType, title: string): string {
  // `input`: what editors write (defaults optional, numbers allowed where we coerce).
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}
