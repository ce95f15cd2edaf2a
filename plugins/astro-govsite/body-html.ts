// A plain body's HTML without an Astro build (issue 8): the bytes the item page writes inside
// `<div class="article__body">`, for an edit that changed nothing but such a body
// (src/render/body-patch.ts). The body is the component directBody() gives the item page, rendered
// through Astro's public Container API (`astro/container`) with @astrojs/mdx's renderer as its
// container entry names it (`@astrojs/mdx/container-renderer`): the same "astro:jsx" renderer
// and streaming renderer as the page, as a partial (no document around it).
// tests/integration/direct-body.test.ts compares it with every plain body of the demo platform's pages.
import { experimental_AstroContainer, type AddServerRenderer } from 'astro/container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { directBody } from './direct-body.ts';
import { once } from '../../src/util/once.ts';

/**
 * One container for the process. Outside Vite, a container's renderers are loaded by hand: the
 * module the integration's container renderer names (what `loadRenderers` from `astro:container`
 * does inside Vite).
 */
const container = once(async () => {
  const mdx = getContainerRenderer();
  const { default: renderer } = (await import(String(mdx.serverEntrypoint))) as { default: AddServerRenderer['renderer'] };
  const created = await experimental_AstroContainer.create();
  created.addServerRenderer({ name: mdx.name, renderer } as AddServerRenderer);
  return created;
});

/** The HTML of the plain MDX body in `absoluteFile` (checked as `bodyHash`), as its item page renders it. */
export async function directBodyHtml(absoluteFile: string, bodyHash: string): Promise<string> {
  const { Content } = await directBody(absoluteFile, bodyHash);
  // The item page passes MapImage among the components; a plain body never uses it (rendersDirectly).
  return (await container()).renderToString(Content as unknown as Parameters<experimental_AstroContainer['renderToString']>[0], { props: { components: {} } });
}
