// A fast way to render plain item bodies (issue 8): most items are text, tables and lists with no
// image and no code block. Astro's MDX integration makes every body a Vite module, compiled and
// bundled before any page is rendered: at 10,000 items that bundling is the largest part of the
// build and of its memory. Such a body does not need a module: the item page compiles it with
// the same Sätteri MDX compiler, the same options and plugins, and runs it on Astro's own JSX
// runtime, so the page is byte for byte the page the module would give
// (tests/integration/direct-body.test.ts builds the demo both ways and compares every file).
//
// Bodies with an image (Astro's image pipeline needs the image imported as a module) or a code
// block (syntax highlighting is set up inside the integration) stay modules.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { evaluate } from 'satteri';
import { bodyHastPlugins, bodyMdastPlugins } from './body-processor.ts';
import { checkedBody } from './checked-body.ts';

/** An item's file (`content/<site>/…`, as the site data names it) on disk. */
export function itemFilePath(file: string): string {
  return path.resolve(process.env.GOVSITE_CONTENT_ROOT ?? '.', file);
}

type MdxComponent = ((props?: Record<string, unknown>) => unknown) & { moduleId?: string };

/**
 * The body of the MDX file at `absoluteFile` as the component `render(entry)` would give for it:
 * the same compile options as @astrojs/markdown-satteri's MDX processor (GFM and smart punctuation
 * on, HTML attribute names, heading ids, the site's hast plugins) and the same wrapper as
 * @astrojs/mdx's post-processing (Fragment among the components, tagged as an MDX component).
 */
export async function directBody(absoluteFile: string, bodyHash: string): Promise<{ Content: MdxComponent }> {
  // The body the checks read, on its file lines, as the MDX modules get it (checked-body.ts).
  const content = await checkedBody(absoluteFile, bodyHash);
  const exports = await compile(content, absoluteFile, {});
  const MDXContent = exports.default as (props: Record<string, unknown>) => unknown;
  const Content: MdxComponent = (props: Record<string, unknown> = {}) =>
    MDXContent({ ...props, components: { Fragment, ...(props.components as Record<string, unknown> | undefined) } });
  Object.assign(Content, {
    [Symbol.for('mdx-component')]: true,
    [Symbol.for('astro.needsHeadRendering')]: true,
    moduleId: absoluteFile,
  });
  // Not tagged with a renderer: Astro asks its renderers, and @astrojs/mdx's (astro:jsx) claims a
  // component that returns Astro JSX, as this one does (its public `check`).
  return { Content };
}

/**
 * The body compiled and evaluated. A body the compiler rejects fails the build as a module's
 * would: the error names the item's file, line and column (FILE-06 in the build's report).
 */
async function compile(content: string, absoluteFile: string, frontmatter: Record<string, unknown>): Promise<Record<string, unknown>> {
  const astro = { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  try {
    return await evaluate(content, {
      Fragment,
      jsx,
      jsxs,
      mdastPlugins: bodyMdastPlugins(),
      hastPlugins: [...bodyHastPlugins(), satteriHeadingIdsPlugin()],
      features: { gfm: true, smartPunctuation: true },
      fileURL: pathToFileURL(absoluteFile),
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
      data: { astro },
    } as Parameters<typeof evaluate>[1]);
  } catch (error) {
    const e = error as Error & { line?: number; column?: number; loc?: { file: string; line?: number; column?: number } };
    const at = /^(\d+):(\d+):/.exec(e.message ?? '');
    e.name = 'MDXError';
    e.loc = { file: absoluteFile, line: e.line ?? (at ? Number(at[1]) : undefined), column: e.column ?? (at ? Number(at[2]) : undefined) };
    throw e;
  }
}
