// A plain body's HTML without an Astro build (issue 8): the bytes the item page writes inside
// `<div class="article__body">`, for an edit that changed nothing but such a body
// (src/build/body-patch.ts). The body is the component directBody() gives the item page, and it
// is rendered as the page renders it: by @astrojs/mdx's renderer ("astro:jsx"), on Astro's
// streaming renderer. A direct body is plain HTML elements (no image, no component: rendersDirectly),
// so the only part of Astro's page state it reaches is the renderer list; the rest of the result
// object is the empty state of a page that has no head to render, no islands and no scripts.
// tests/integration/direct-body.test.ts compares it with every plain body of the demo platform's pages.
import mdxRenderer from '@astrojs/mdx/server.js';
import { directBody } from './direct-body.ts';

type Renderer = { renderToStaticMarkup: (this: { result: unknown }, component: unknown, props: Record<string, unknown>) => Promise<{ html: string }> };

function pageResult() {
  return {
    _metadata: {
      hasHydrationScript: false,
      rendererSpecificHydrationScripts: new Set<string>(),
      hasRenderedHead: true,
      hasRenderedServerIslandRuntime: false,
      headInTree: false,
      extraHead: [],
      propagators: new Set(),
      hasDirectives: new Set<string>(),
    },
    styles: new Set(),
    scripts: new Set(),
    links: new Set(),
    componentMetadata: new Map(),
    renderers: [{ name: 'astro:jsx', ssr: mdxRenderer }],
    pathname: '/',
  };
}

/** The HTML of the plain MDX body in `absoluteFile` (checked as `bodyHash`), as its item page renders it. */
export async function directBodyHtml(absoluteFile: string, bodyHash: string): Promise<string> {
  const { Content } = await directBody(absoluteFile, bodyHash);
  // The item page passes MapImage among the components; a plain body never uses it (rendersDirectly).
  const { html } = await (mdxRenderer as unknown as Renderer).renderToStaticMarkup.call({ result: pageResult() }, Content, { components: {} });
  return html;
}
