// govsite uses its dependencies through their public APIs only (issue 24, item 1): no import of a
// private module of Astro, Vite, Pagefind or any other package, no resolve or load hook into
// them, no path into node_modules. An Astro, Vite or Pagefind release may change anything that is
// not public; this test names every file and line that would reach it. `npm run lint` refuses the
// same imports as they are written (eslint.config.js: no-restricted-imports and, for import(),
// no-restricted-syntax); this test also sees hooks and node_modules paths in any string.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';

/** What is scanned: the program and the tools beside it (the tests may reach into anything). */
const SCANNED = ['src', 'plugins', 'templates', 'astro.config.mjs', 'scripts', 'bench'];
const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs|astro)$/;

/** Each forbidden use, with what is wrong with it. */
const FORBIDDEN: Array<{ pattern: RegExp; why: string }> = [
  { pattern: /['"`]astro\/dist\//, why: 'Astro 的内部模块（astro/dist/…）' },
  { pattern: /['"`]astro\/runtime\//, why: 'Astro 的内部运行时（astro/runtime/…）' },
  { pattern: /['"`]@astrojs\/internal-helpers/, why: 'Astro 的内部辅助包（@astrojs/internal-helpers）' },
  { pattern: /['"`]@astrojs\/[^/'"`]+\/dist\//, why: '@astrojs 包的内部文件（…/dist/…）' },
  { pattern: /['"`]@astrojs\/mdx\/server/, why: '@astrojs/mdx 的渲染器内部入口（用 @astrojs/mdx/container-renderer）' },
  { pattern: /['"`]vite\/dist\//, why: 'Vite 的内部模块（vite/dist/…）' },
  { pattern: /['"`](?:@pagefind\/[^'"`]+|pagefind\/[^'"`]+)['"`]/, why: 'Pagefind 的内部文件（只用 pagefind 包的 Node API）' },
  { pattern: /\bmodule\.register\s*\(|\bregister\s*\(\s*['"`]/, why: 'Node 的模块解析钩子（module.register）' },
  { pattern: /\bregisterHooks\s*\(/, why: 'Node 的模块解析钩子（registerHooks）' },
  { pattern: /['"`][^'"`]*node_modules[/\\][^'"`]*['"`]|node_modules['"`]\s*,/, why: '直接拼接 node_modules 里的路径' },
];

/**
 * Uses of node_modules that reach no package's files, each with its reason: a lockfile key is
 * npm's documented lockfile format, not a path.
 */
const ALLOWED: Array<{ file: string; pattern: RegExp }> = [
  // package-lock.json's `packages` keys are `node_modules/<name>` (npm's lockfile format).
  { file: 'scripts/complete-lockfile.mjs', pattern: /`node_modules\/\$\{name\}`/ },
  { file: 'bench/machine.ts', pattern: /`node_modules\/\$\{name\}`/ },
];

function filesUnder(entry: string): string[] {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile() && SOURCE.test(dirent.name))
    .map((dirent) => path.relative(projectRoot, path.join(dirent.parentPath, dirent.name)).split(path.sep).join('/'))
    .sort();
}

/** The line without its comment (`//` outside a string, or a line of a block comment). */
function codeOf(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return '';
  // A trailing comment: ` // ` after the code (a URL's `//` has no space before it).
  const comment = line.indexOf(' // ');
  return comment >= 0 ? line.slice(0, comment) : line;
}

export function privateUses(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = codeOf(line);
    for (const { pattern, why } of FORBIDDEN) {
      if (!pattern.test(code)) continue;
      if (ALLOWED.some((allowed) => allowed.file === file && allowed.pattern.test(code))) continue;
      found.push(`${file}:${i + 1}: ${why}：${line.trim()}`);
    }
  });
  return found;
}

describe('public APIs only', () => {
  it('the program, templates, scripts and bench import no private module of a dependency', () => {
    const files = SCANNED.flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => privateUses(file, readFileSync(path.join(projectRoot, file), 'utf8')));
    expect(found, `不得使用依赖的内部模块（改用公开 API）：\n${found.join('\n')}`).toEqual([]);
  });

  it('finds each kind of private use, and names its file and line', () => {
    const samples = [
      "import { x } from 'astro/dist/core/build/generate.js';",
      "import { __astro_tag_component__ } from 'astro/runtime/server/index.js';",
      "import { y } from '@astrojs/internal-helpers/path';",
      "import z from '@astrojs/mdx/dist/server.js';",
      "import mdxRenderer from '@astrojs/mdx/server.js';",
      "import { v } from 'vite/dist/node/index.js';",
      "const meta = await import('pagefind/lib/meta.js');",
      "module.register('./hook.mjs', import.meta.url);",
      'registerHooks({ load() {} });',
      "const file = path.join(root, 'node_modules', 'astro', 'package.json');",
      "const bin = path.join(root, 'node_modules/astro/bin/astro.mjs');",
    ];
    for (const sample of samples) {
      expect(privateUses('src/x.ts', `// line 1\n${sample}\n`), sample).toEqual([expect.stringMatching(/^src\/x\.ts:2: /)]);
    }
  });

  it('leaves public entry points and comments alone', () => {
    const allowed = [
      "import { build } from 'astro';",
      "import { experimental_AstroContainer } from 'astro/container';",
      "import { getContainerRenderer } from '@astrojs/mdx/container-renderer';",
      "import { Fragment, jsx } from 'astro/jsx-runtime';",
      "import * as pagefind from 'pagefind';",
      "import { enableCompileCache } from 'node:module';",
      '// Astro deletes files under astro/dist/ and node_modules/ (a comment)',
      "const bundle = '/pagefind/';",
    ];
    for (const sample of allowed) expect(privateUses('src/x.ts', sample), sample).toEqual([]);
  });
});
