// templates/content.config.ts takes Astro's collection helpers from Node's loader, not through
// Vite: Vite transforms every module of Astro a configuration imports (Astro is never external to
// it), and `astro:content` with `astro/loaders` were 120 modules, 1.1 s of every build's content
// sync. This guards against an import of Astro creeping back in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';

const source = readFileSync(path.join(projectRoot, 'templates/content.config.ts'), 'utf8');
/** Specifiers of the file's imports as Vite follows them: static ones, and `import()` outside types. */
const imported = [
  ...[...source.matchAll(/^import\s[^;]*?['"]([^'"]+)['"];?$/gm)].map((match) => match[1]!),
  ...[...source.matchAll(/(?<!typeof )\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!),
];

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
