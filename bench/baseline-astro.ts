// The plain Astro baseline of `npm run bench`: a minimal Astro 7 + @astrojs/mdx project over the
// same item files as the govsite platform, with one trivial layout and Astro's defaults — what
// "Astro renders these MDX files" costs before any governance feature. It uses the project's
// installed Astro (no extra packages), so it lives inside the project where node_modules resolves.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Copies the items of `platformRoot`'s content/ into a fresh Astro project at `dir`. */
export function writeAstroBaseline(platformRoot: string, dir: string): void {
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  // Items only (not the demo's site.yaml): an MDX file or an item folder with its images and attachments.
  cpSync(path.join(platformRoot, 'content'), path.join(dir, 'items'), { recursive: true });
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({ integrations: [mdx()], build: { format: 'directory' }, devToolbar: { enabled: false } });
`,
  );
  writeFileSync(path.join(dir, 'build.mjs'), "import { build } from 'astro';\nawait build({ root: process.cwd(), logLevel: 'silent' });\n");
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { items: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './items' }) }) };
`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', '[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('items')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head>
<body><h1>{entry.data.title}</h1><p>{entry.data.pubDate} {entry.data.source}</p><Content /></body></html>
`,
  );
}

/** Files the baseline's build leaves behind: removed for a cold build. */
export function astroBaselineCaches(dir: string): string[] {
  return ['dist', '.astro', 'node_modules'].map((name) => path.join(dir, name));
}

/** One item file of the baseline, for the one-item edit: the same relative path as in the platform. */
export function astroBaselineItem(dir: string, relativeToContent: string): string {
  return path.join(dir, 'items', relativeToContent);
}
