// `npm run lint` (issue 24): typescript-eslint's recommended rules, no import cycles, the
// direction of dependencies between the folders of src/ (docs/architecture.md), no private
// module of a dependency, and files and functions short enough to read (300 and 80 lines).
// No type-aware rules: they would need the TypeScript program and make lint several times
// slower on the 2-core machines; `tsc` checks the types.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));
const under = (...globs) => globs.map((glob) => path.join(root, glob));

/**
 * The pipeline's order: a folder of src/ imports only from the folders before it, and from
 * itself. Each entry: a name, the files it holds, and why it stands there.
 */
const LAYERS = [
  { name: 'src/util, src/diagnostics', files: ['src/util/**', 'src/diagnostics/**'], why: '通用的叶子模块，不依赖 src 的任何其他目录' },
  { name: 'src/security', files: ['src/security/**'], why: '输入防护（网址、名称、文件）只用叶子模块；schema 用它校验字段' },
  { name: 'src/schema', files: ['src/schema/**'], why: 'zod 结构只用输入防护和叶子模块' },
  { name: 'src/config', files: ['src/config/**'], why: '读 site.yaml 和数据文件，在内容和规则之前' },
  { name: 'src/content', files: ['src/content/**'], why: '条目的读取与解析，不运行规则、不用缓存' },
  {
    name: 'src/rules（来源检查与加载）',
    files: ['src/rules/*.ts', 'src/rules/content/**', 'src/rules/site/**', 'src/rules/relations/**', 'src/rules/health/**'],
    why: '检查配置和内容来源，在生成之前',
  },
  { name: 'src/publish', files: ['src/publish/**'], why: '发布用的完整性清单和目录替换，生成和索引都写清单' },
  { name: 'src/index', files: ['src/index/**'], why: '搜索索引的分片布局，页面按它分组生成' },
  { name: 'src/render', files: ['src/render/**'], why: '生成页面，用前面各层的结果' },
  { name: 'src/rules/output', files: ['src/rules/output/**'], why: '检查生成的页面，读 render 的站点数据' },
  { name: 'src/report', files: ['src/report/**'], why: '报告读检查结果，不调用流程' },
  { name: 'src/incremental', files: ['src/incremental/**'], why: '各阶段的缓存和变更检测，包在阶段外面' },
  { name: 'src/pipeline', files: ['src/pipeline/**'], why: '把各阶段串成构建和检查，只有命令行调用它' },
  { name: 'src/cli', files: ['src/cli/**'], why: '命令行是最外层，谁也不导入它' },
];

/**
 * The one import against the order: the loader is handed the item and front-matter caches
 * (src/incremental/) by the pipeline and reads them, so that a file unchanged since the last run
 * is not parsed and checked again. The caches' keys come from src/incremental/build-inputs.ts.
 */
const LOADER_CACHES = {
  'src/rules（来源检查与加载）': under('src/incremental/{item-cache,front-matter-cache}.ts'),
};

const layerZones = LAYERS.slice(0, -1).map((layer, i) => {
  const later = LAYERS.slice(i + 1);
  const allowed = LAYERS.slice(0, i + 1).map((l) => l.name);
  return {
    target: under(...layer.files),
    from: under(...later.flatMap((l) => l.files)),
    except: LOADER_CACHES[layer.name] ?? [],
    message: `${layer.name} 只能导入 ${allowed.join(' → ')}：${layer.why}（依赖方向见 docs/architecture.md）`,
  };
});

const boundaryZones = [
  ...layerZones,
  {
    target: under('src/!(render)/**'),
    from: under('plugins/**'),
    message: 'plugins/ 只由 Astro 和 MDX 编译加载；src 里只有 src/render（启动 Astro 的那一层）导入它',
  },
  {
    target: under('src/**'),
    from: under('templates/**'),
    message: 'templates/ 是 Astro 的页面、组件和浏览器脚本，由 Astro 加载；src 不导入它',
  },
  {
    target: under('plugins/**', 'templates/**'),
    from: under('src/pipeline/**', 'src/cli/**', 'src/incremental/**', 'src/publish/**'),
    message: 'plugins/ 和 templates/ 在 Astro 进程里运行，只读站点数据，不调用构建流程、命令行、缓存或发布',
  },
];

/** Private modules of dependencies (issue 24, item 1): only documented entry points and subpath exports. */
const PRIVATE_MODULES = [
  { regex: '^astro/(dist|runtime)/', message: 'Astro 的内部模块：只用 astro、astro/config、astro/container 等公开入口' },
  { regex: '^@astrojs/internal-helpers', message: 'Astro 的内部辅助包不是公开 API' },
  { regex: '^@astrojs/mdx/server', message: '@astrojs/mdx 的渲染器内部入口：用 @astrojs/mdx/container-renderer' },
  { regex: '^vite/dist/', message: 'Vite 的内部模块：只用 vite 的公开入口' },
  { regex: '^(@pagefind/|pagefind/)', message: 'Pagefind 的内部文件：只用 pagefind 包的 Node API' },
  { regex: '^(@[^/]+/)?[^./][^/]*/(.+/)?(dist|lib|src|build|esm|cjs|internal)(/|$)', message: '依赖包的内部文件（dist/、lib/ 等）：只用包在 exports 里公开的入口' },
  { regex: 'node_modules', message: '不直接引用 node_modules 里的路径：按包名导入' },
];
const privateDynamicImports = PRIVATE_MODULES.map(({ regex, message }) => ({
  selector: `ImportExpression > Literal.source[value=/${regex.replaceAll('/', '\\/')}/]`,
  message,
}));

export default defineConfig(
  { ignores: ['dist/**', '.cache/**', '.astro/**', 'node_modules/**', 'templates/public/**', 'content/**', 'sites/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    settings: {
      // Imports name their files with the extension (.ts included): Node's resolution finds them.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
      // no-cycle follows the imports of each file it reaches: it parses .ts files with typescript-eslint.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    plugins: { 'import-x': importX },
    rules: {
      // `{ locate: _locate, ...rest }` leaves a field out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
      // Chinese text is set with the ideographic space (U+3000); only code may not hold odd spaces.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true }],
      // An error's message is written for the editor and already quotes the parser's; a cause
      // would add the parser's stack, with machine paths, wherever the error is printed whole.
      'preserve-caught-error': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
      'no-restricted-imports': ['error', { patterns: PRIVATE_MODULES }],
      'no-restricted-syntax': ['error', ...privateDynamicImports],
    },
  },
  {
    // Lists invisible, joining and variation characters one by one: none of them may hide.
    files: ['src/security/text-hygiene.ts'],
    rules: { 'no-misleading-character-class': 'off' },
  },
  {
    // What runs in the reader's browser.
    files: ['templates/scripts/**', 'templates/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Sizes for the program and the tools beside it. Not for tests/: a describe block holds its
    // cases and is as long as they are; not for .astro templates, which are mostly markup.
    files: ['src/**', 'plugins/**', 'templates/scripts/**', 'bench/**', 'scripts/**'],
    ignores: ['**/*.astro'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
);
