// The JSON Schemas and the field reference are generated from the zod schemas: the committed
// copies must be what `npm run schema` produces now.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../src/schema/generated-files.ts';
import { projectRoot } from '../../src/util/paths.ts';

describe('generated schema files', () => {
  for (const [file, text] of Object.entries(generatedFiles())) {
    it(`${file} is up to date (run npm run schema after changing src/schema/)`, () => {
      expect(readFileSync(path.join(projectRoot, file), 'utf8')).toBe(text);
    });
  }

  it('labels every field in Chinese', () => {
    const site = JSON.parse(generatedFiles()['schemas/site.schema.json']!);
    for (const [name, property] of Object.entries(site.properties as Record<string, { title?: string }>)) {
      expect(property.title, name).toMatch(/[\u4e00-\u9fff]/);
    }
    const frontMatter = JSON.parse(generatedFiles()['schemas/front-matter.schema.json']!);
    expect(frontMatter.required).toEqual(['title', 'pubDate', 'source']);
    expect(frontMatter.additionalProperties).toBe(false);
  });
});
