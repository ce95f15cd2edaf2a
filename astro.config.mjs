// One Astro configuration builds any one site of the platform: the govsite CLI chooses the site
// through the environment (npm run build / npm run dev -- --site <siteId>).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import govsite from './plugins/astro-govsite/index.ts';
import { bodyHastPlugins, bodyMdastPlugins } from './plugins/astro-govsite/body-processor.ts';
import { currentChinaDateTime } from './src/util/china-time.ts';

const siteId = process.env.GOVSITE_SITE;
if (!siteId) {
  throw new Error('没有指定站点：请用 npm run build 或 npm run dev -- --site <站点标识> 运行，不要直接运行 astro');
}
const contentRoot = path.resolve(process.env.GOVSITE_CONTENT_ROOT ?? '.');
const here = (/** @type {string} */ relative) => fileURLToPath(new URL(relative, import.meta.url));
// Modules bundled into the pages cannot find the repository from their own location (src/util/paths.ts).
process.env.GOVSITE_PROJECT_ROOT ??= here('.').replace(/\/$/, '');

// A plain object, not `defineConfig` from 'astro/config' (which only returns its argument): that
// module loads svgo, csso and the font providers, 0.2 s of every Astro process, and nothing else
// of the build needs it (measured 2026-12-02).
/** @type {import('astro').AstroUserConfig} */
export default {
  // Astro's root is a per-site folder (see src/render/astro-root.ts); the templates live here.
  srcDir: here('./templates/'),
  publicDir: here('./templates/public/'),
  outDir: process.env.GOVSITE_OUT_DIR ?? path.join(contentRoot, 'dist', siteId),
  cacheDir: path.join(contentRoot, '.cache', 'astro', siteId),
  trailingSlash: 'always',
  // 'never': stylesheets stay files, so the CSP can forbid inline styles (style-src 'self', PUB-01,
  // src/publish/security-headers.ts); they are cached across pages as well.
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  // Body images get srcset/sizes at a few widths (readers on phones download small files) and
  // explicit width/height (no layout shift); sharp makes the WebP files at build time. Their
  // responsive rules are in templates/styles/global.css, not Astro's responsiveStyles: that
  // stylesheet is a chunk named after whichever page imports it first, so a partial render named it
  // differently from a full one (tests/integration/incremental-render.test.ts).
  image: { layout: 'constrained', breakpoints: [360, 720, 1080, 1440], responsiveStyles: false },
  // Astro 7 renders Markdown and MDX with Sätteri; MDX inherits this processor and its hast
  // plugins (body-processor.ts). Links to non-government sites go through a notice page first (CONT-13);
  // code, unsafe URLs and files outside the item's folder fail the compile (CONT-16, SEC-01, SEC-02).
  markdown: { processor: satteri({ mdastPlugins: bodyMdastPlugins(), hastPlugins: bodyHastPlugins() }) },
  devToolbar: { enabled: false },
  integrations: [
    govsite({ siteId, contentRoot, now: process.env.GOVSITE_NOW ?? currentChinaDateTime(), dataFile: process.env.GOVSITE_DATA_FILE }),
    mdx(),
  ],
};
