// What the two configurations every Astro process loads import, since imports there cost each
// build (measured 2026-12-02):
// - templates/content.config.ts takes Astro's collection helpers from Node's loader, not through
//   Vite: Vite transforms every module of Astro a configuration imports (Astro is never external
//   to it), and `astro:content` with `astro/loaders` were 120 modules, 1.1 s of every content sync.
// - astro.config.mjs is a plain object: 'astro/config' (for defineConfig, which returns its
//   argument) loads svgo, csso and the font providers, 0.2 s of every Astro process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';

/** Specifiers of a source's imports as they are followed: static ones, and `import()` outside types. */
function importsOf(source: string): string[] {
  return [
    ...[...source.matchAll(/^import\s[^;]*?['"]([^'"]+)['"];?$/gm)].map((match) => match[1]!),
    ...[...source.matchAll(/(?<!typeof )\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!),
  ];
}
const source = readFileSync(path.join(projectRoot, 'templates/content.config.ts'), 'utf8');
const imported = importsOf(source);

describe('the content configuration (templates/content.config.ts)', () => {
  it('imports nothing of Astro through Vite', () => {
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((specifier) => /^astro(?::|\/|$)/.test(specifier))).toEqual([]);
  });

  it('takes defineCollection and glob from the Astro that Node loads', async () => {
    // The same functions the configuration gets: Node's copies of Astro's own modules.
    const { glob } = await import('astro/loaders');
    const { defineCollection } = await import('astro/content/config');
    expect(source).toMatch(/nativeRequire\('astro\/content\/config'\)/);
    expect(source).toMatch(/nativeRequire\('astro\/loaders'\)/);
    expect(typeof glob).toBe('function');
    expect(defineCollection({ loader: glob({ pattern: '*.mdx' }) })).toMatchObject({ type: 'content_layer' });
  });
});

describe('the Astro configuration (astro.config.mjs)', () => {
  it('does not load astro/config', async () => {
    const config = readFileSync(path.join(projectRoot, 'astro.config.mjs'), 'utf8');
    const imports = importsOf(config);
    expect(imports).toEqual(expect.arrayContaining(['@astrojs/mdx', './plugins/astro-govsite/index.ts']));
    expect(imports).not.toContain('astro/config');
    // What it gave up is only an identity function: the object Astro receives is the same.
    const { defineConfig } = await import('astro/config');
    const object = { srcDir: './templates/' };
    expect(defineConfig(object)).toBe(object);
  });
});
