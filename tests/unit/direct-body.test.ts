// The direct render of plain bodies (plugins/astro-govsite/direct-body.ts): a body the compiler
// rejects fails as a module's would, naming the item's file and line (the build reports FILE-06).
// That its pages equal the modules' is tests/integration/direct-body.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyHash } from '../../src/content/body-hash.ts';
import { directBody } from '../../plugins/astro-govsite/direct-body.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function item(text: string): string {
  dir = mkdtempSync(path.join(tmpdir(), 'govsite-direct-body-'));
  const file = path.join(dir, 'a.mdx');
  writeFileSync(file, text);
  return file;
}

describe('directBody', () => {
  it('gives a component tagged as an MDX component', async () => {
    const { Content } = await directBody(item('---\ntitle: 标题\n---\n\n正文。\n'), bodyHash('\n正文。\n'));
    expect(typeof Content).toBe('function');
    expect((Content as unknown as Record<symbol, unknown>)[Symbol.for('mdx-component')]).toBe(true);
  });

  it('a body the compiler rejects: an error at the item file, on the line in the file (front matter counted)', async () => {
    const file = item('---\ntitle: 标题\n---\n\n第一段。\n\n<div>没有闭合\n');
    const error = (await directBody(file, bodyHash('\n第一段。\n\n<div>没有闭合\n')).catch((e: unknown) => e)) as Error & { loc?: { file: string; line?: number } };
    expect(error).toBeInstanceOf(Error);
    expect(error.loc?.file).toBe(file);
    expect(error.loc?.line).toBeGreaterThanOrEqual(7);
  });
});
